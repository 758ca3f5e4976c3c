// Say utterances to virtual-alexa against one interaction model and report what it would send.
// Usage: node virtual_alexa_probe.js <model.json> <locale>   (utterances as a JSON array on stdin)
// Prints a JSON array: {utterance, type, intent, slots: {name: value id or raw value}} or {utterance, error}.
"use strict";

const va = require("virtual-alexa");

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
