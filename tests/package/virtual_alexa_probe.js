// Say utterances to virtual-alexa against one interaction model and report what it would send.
// Usage: node virtual_alexa_probe.js <model.json> <locale>   (utterances as a JSON array on stdin)
// Prints a JSON array: {utterance, type, intent, slots: {name: value id or raw value}} or {utterance, error}.
"use strict";

const va = require("virtual-alexa");

// virtual-alexa builds a new RegExp from each sample for every utterance it matches; keep the first
// one per sample (the same pattern and flags), so thousands of samples cost one compile each.
const samplePhrase = require("virtual-core/lib/src/SampleUtterances").SamplePhrase;
const buildRegex = samplePhrase.prototype.regex;
samplePhrase.prototype.regex = function cachedRegex() {
  if (!this._compiledRegex) this._compiledRegex = buildRegex.call(this);
  return this._compiledRegex;
};
// Most samples cannot match an utterance at all: one of their literal parts is missing. Say so before
// running the sample's regex (whose `(.*)` groups backtrack a lot on long utterances); a sample whose
// parts are all there goes through virtual-alexa's own test unchanged.
const STRIPPED = /[\!\"\¿\?|\#\$\%\/\(\)\=\+\-\_\<\>\*\{\}\·\¡\[\]\.\,\;\:]/g;  // as virtual-core strips
const NO_MATCH = { matches: () => false };
const matchesUtterance = samplePhrase.prototype.matchesUtterance;
samplePhrase.prototype.matchesUtterance = function prefilteredMatch(utterance) {
  if (!this._literals) this._literals = this.phrase.split(/\{[^}]*\}/).map((part) => part.trim().toLowerCase());
  const clean = utterance.replace(STRIPPED, "").toLowerCase();
  const parts = this._literals;
  if (!clean.startsWith(parts[0]) || !clean.endsWith(parts[parts.length - 1]) || parts.some((p) => !clean.includes(p))) {
    return NO_MATCH;
  }
  return matchesUtterance.call(this, utterance);
};
// A custom slot type compares a slot's text with every value and synonym, lower-casing each, for
// every sample tried. Look the text up in a table made once instead: the same matches, in the same order.
const core = require("virtual-core/lib/src/SlotTypes");

core.SlotType.prototype.matchAll = function indexedMatchAll(value) {
  if (!this._byWord) {
    this._byWord = new Map();
    const add = (word, slotValue, synonym) => {
      const key = word.toLowerCase();
      if (!this._byWord.has(key)) this._byWord.set(key, []);
      this._byWord.get(key).push([slotValue, synonym]);
    };
    for (const slotValue of this.values) {
      add(slotValue.name.value, slotValue, undefined);
      // matchAll takes a synonym only when the value's own name differs
      for (const synonym of slotValue.name.synonyms || []) {
        if (slotValue.name.value.toLowerCase() !== synonym.toLowerCase()) add(synonym, slotValue, synonym);
      }
    }
  }
  const text = value.trim();
  return (this._byWord.get(text.toLowerCase()) || []).map(
    ([slotValue, synonym]) => new core.SlotMatch(true, text, slotValue, synonym));
};

// virtual-alexa's AMAZON.NUMBER knows the words "one" to "twenty" only; Alexa's built-in type takes any
// number said in words ("forty five"). Give it the rest up to 199, so a spoken hold of forty seconds
// measures the interaction model rather than that gap.
const numberType = require("virtual-alexa/lib/src/model/BuiltinSlotTypes").NumberSlotType;
const UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TENS = { 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety" };
const inWords = (n) => (n < 100 ? `${TENS[n - (n % 10)]}${n % 10 ? " " + UNITS[n % 10] : ""}`
  : `one hundred${n > 100 ? " and " + (n - 100 <= 20 ? numberType.LONG_FORM_VALUES[n - 100][0] : inWords(n - 100)) : ""}`);
for (let n = 21; n < 200; n++) {
  numberType.LONG_FORM_VALUES[n] = [inWords(n)];
}

async function main() {
  const [modelFile, locale] = process.argv.slice(2);
  const utterances = JSON.parse(require("fs").readFileSync(0, "utf-8"));
  let last = null;
  const alexa = va.VirtualAlexa.Builder()
    .interactionModelFile(modelFile)
    .locale(locale)
    .handler(async (event) => {
      last = event;
      return { version: "1.0", response: { outputSpeech: { type: "PlainText", text: "ok" }, shouldEndSession: false } };
    })
    .create();
  const results = [];
  for (const utterance of utterances) {
    last = null;
    alexa.dialogManager().reset();
    try {
      await alexa.utter(utterance);
      const request = last.request;
      const slots = {};
      for (const [name, slot] of Object.entries((request.intent && request.intent.slots) || {})) {
        if (slot.value === undefined) continue;
        const authority = slot.resolutions && slot.resolutions.resolutionsPerAuthority[0];
        const matched = authority && authority.status.code === "ER_SUCCESS_MATCH";
        slots[name] = matched ? authority.values[0].value.id : slot.value;
      }
      results.push({ utterance, type: request.type, intent: request.intent ? request.intent.name : null, slots });
    } catch (error) {
      results.push({ utterance, error: String(error.message || error) });
    }
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
