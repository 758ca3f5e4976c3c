// A long-lived virtual-alexa (Bespoken, 0.7.8) that a Python test drives over stdin and stdout, so a
// whole suite of conversations pays node's start-up once. Used by tests/support/virtual_alexa.py.
//
// Protocol: one JSON command per line on stdin, one JSON answer per line on stdout, in order.
//   {"op": "create", "model": path, "locale", "skillURL", "applicationID", "apiEndpoint"?, "apiAccessToken"?}
//       -> {"device": handle, "userId": ...}
//   {"op": "utter" | "intend" | "permissionAnswer" | "endSession" | "close", "device": handle, ...}
//       -> {"request": the envelope as sent, "response": the skill's JSON}  (close -> {})
//   Any failure (an utterance that matches nothing, an HTTP error) -> {"error": message}.
//
// Every envelope passes one filter that works around what virtual-alexa cannot do itself:
//   - context.System.apiEndpoint is fixed to Amazon's host: point it at the test's Timers API;
//   - AMAZON.DURATION slots arrive as the spoken words ("ten minutes"): Alexa sends ISO-8601
//     ("PT10M"), so convert them here, never in the skill;
//   - Connections.Response goes out without a session: give it the conversation's session, as Alexa does;
//   - user permissions carry no scopes: add the ones the test granted.
"use strict";

const readline = require("readline");
const va = require("virtual-alexa");

// stdout carries the protocol only: anything a library logs goes to stderr.
console.log = console.info = console.warn = console.error;

const devices = new Map();
let nextHandle = 1;

// --- AMAZON.DURATION: spoken words -> ISO-8601 ------------------------------------------------
const SMALL_NUMBERS = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS = { second: "S", seconds: "S", minute: "M", minutes: "M", hour: "H", hours: "H" };
const HALF_OF = { H: ["M", 30], M: ["S", 30] }; // "and a half" after hours is 30 minutes, after minutes 30 seconds

// "ten minutes" -> "PT10M", "an hour and a half" -> "PT1H30M", "half an hour" -> "PT30M",
// "twenty five minutes" / "25 minutes" -> "PT25M". Anything else is returned unchanged (Alexa
// would send "?" for a duration it could not read; the skill treats both as no duration).
function isoDuration(spoken) {
  const words = spoken.toLowerCase().replace(/-/g, " ").split(/\s+/).filter((w) => w && w !== "and");
  if (words.join(" ") === "half an hour") return "PT30M";
  const totals = { H: 0, M: 0, S: 0 };
  let number = null;
  let lastUnit = null;
  for (const word of words) {
    if (/^\d+$/.test(word)) number = (number || 0) + parseInt(word, 10);
    else if (word in TENS) number = (number || 0) + TENS[word];
    else if (word in SMALL_NUMBERS) number = (number || 0) + SMALL_NUMBERS[word];
    else if (word in UNITS && number !== null) {
      lastUnit = UNITS[word];
      totals[lastUnit] += number;
      number = null;
    } else if (word === "half" && lastUnit in HALF_OF && (number === null || number === 1)) {
      // "an hour and a half", "ten minutes and a half"
      const [unit, amount] = HALF_OF[lastUnit];
      totals[unit] += amount;
      number = null;
    } else return spoken;
  }
  if (lastUnit === null || number !== null) return spoken;
  const parts = ["H", "M", "S"].filter((unit) => totals[unit]).map((unit) => `${totals[unit]}${unit}`);
  return parts.length ? `PT${parts.join("")}` : spoken;
}

function slotTypes(alexa, intentName) {
  const intent = alexa.context().interactionModel().intentSchema.intent(intentName);
  const types = {};
  for (const slot of (intent && intent.slots) || []) types[slot.name] = slot.type;
  return types;
}

// --- the filter every envelope passes --------------------------------------------------------
function harnessFilter(device) {
  return (envelope) => {
    const system = envelope.context.System;
    if (device.apiEndpoint) {
      system.apiEndpoint = device.apiEndpoint;
      system.apiAccessToken = device.apiAccessToken;
    }
    if (device.grantedScopes.size) {
      const scopes = {};
      for (const scope of device.grantedScopes) scopes[scope] = { status: "GRANTED" };
      system.user.permissions = Object.assign({}, system.user.permissions, { scopes });
    }
    const request = envelope.request;
    if (request.type === "IntentRequest" && request.intent && request.intent.slots) {
      const types = slotTypes(device.alexa, request.intent.name);
      for (const [name, slot] of Object.entries(request.intent.slots)) {
        if (types[name] === "AMAZON.DURATION" && typeof slot.value === "string") {
          // The slot object is virtual-alexa's own (its dialog manager keeps it for the session):
          // the conversion is idempotent, so editing it in place is harmless.
          slot.value = isoDuration(slot.value.trim());
        }
      }
    }
    if (request.type === "Connections.Response" && !envelope.session) {
      const context = device.alexa.context();
      if (!context.activeSession()) context.newSession();
      const session = context.session();
      envelope.session = {
        new: session.isNew(),
        sessionId: session.id(),
        application: { applicationId: context.applicationID() },
        user: system.user,
        attributes: session.attributes(),
      };
    }
    device.lastRequest = JSON.parse(JSON.stringify(envelope));
  };
}

// --- commands --------------------------------------------------------------------------------
function create(command) {
  const alexa = va.VirtualAlexa.Builder()
    .interactionModelFile(command.model)
    .locale(command.locale)
    .skillURL(command.skillURL)
    .applicationID(command.applicationID)
    .create();
  const device = {
    alexa,
    apiEndpoint: command.apiEndpoint || null,
    apiAccessToken: command.apiAccessToken || null,
    grantedScopes: new Set(command.grantedScopes || []),
    lastRequest: null,
  };
  // virtual-alexa only puts apiEndpoint and apiAccessToken in context.System once a device id is set.
  if (device.apiEndpoint) alexa.context().device().generatedID();
  alexa.filter(harnessFilter(device));
  const handle = nextHandle++;
  devices.set(handle, device);
  return { device: handle, userId: alexa.context().user().id() };
}

async function exchange(device, send) {
  device.lastRequest = null;
  const response = await send();
  return { request: device.lastRequest, response: response };
}

async function run(command) {
  if (command.op === "create") return create(command);
  const device = devices.get(command.device);
  if (!device) throw new Error(`no device ${command.device}`);
  const alexa = device.alexa;
  switch (command.op) {
    case "utter":
      return exchange(device, () => alexa.utter(command.text));
    case "intend":
      return exchange(device, () => alexa.intend(command.intent, command.slots || {}));
    case "permissionAnswer":
      if (command.grantScope) device.grantedScopes.add(command.grantScope);
      return exchange(device, () =>
        alexa.request().connectionsResponse(command.name, command.payload, command.token, command.statusCode).send());
    case "endSession":
      return exchange(device, () => alexa.endSession());
    case "close":
      devices.delete(command.device);
      return {};
    default:
      throw new Error(`unknown op ${command.op}`);
  }
}

function write(answer) {
  process.stdout.write(JSON.stringify(answer) + "\n");
}

// One command at a time, in order: a conversation is a sequence, and answers must line up.
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  queue = queue.then(async () => {
    try {
      const answer = await run(JSON.parse(line));
      write(answer);
    } catch (error) {
      write({ error: String((error && error.message) || error) });
    }
  });
});
