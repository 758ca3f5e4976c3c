"""Reading the skill package, and matching utterances the way virtual-alexa 0.7.8 does.

The matcher copies virtual-alexa's rules (virtual-core Utterance/SamplePhrase, checked in its
source) so that these fast tests catch what would make a conversation test fail to match:
- a sample becomes a regex: literal text with the spaces around each slot trimmed, each slot `(.*)`,
  anchored, case-insensitive; punctuation other than apostrophes is removed from the utterance;
- a slot value must be bounded by a space (or be the whole utterance) and, for a custom type,
  equal a value or synonym; AMAZON.NUMBER takes digits or "one".."twenty"; other AMAZON types
  (AMAZON.DURATION) take anything;
- the best match has the most literal characters; on a tie, the one with more typed slots, else
  the first found. The greedy regex never backtracks into a second reading, so a sample with two
  adjacent slots ("{location} {onset}") cannot match at all there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKILL_PACKAGE = ROOT / "skill-package"
MODELS_DIR = SKILL_PACKAGE / "interactionModels" / "custom"
SKILL_JSON = SKILL_PACKAGE / "skill.json"

SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# virtual-alexa's built-in utterances for the AMAZON intents a model declares (BuiltinUtterances.js).
VIRTUAL_ALEXA_BUILT_INS = {
    "AMAZON.CancelIntent": ["cancel", "never mind"],
    "AMAZON.HelpIntent": ["help", "help me"],
    "AMAZON.NavigateHomeIntent": ["home", "go home"],
    "AMAZON.NextIntent": ["next", "skip", "skip forward"],
    "AMAZON.NoIntent": ["no", "no thanks"],
    "AMAZON.PauseIntent": ["pause", "pause that"],
    "AMAZON.RepeatIntent": ["repeat", "say that again", "repeat that"],
    "AMAZON.ResumeIntent": ["resume", "continue", "keep going"],
    "AMAZON.StartOverIntent": ["start over", "restart", "start again"],
    "AMAZON.StopIntent": ["stop", "off", "shut up"],
    "AMAZON.YesIntent": ["yes", "yes please", "sure"],
}
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_STRIPPED = re.compile(r"[!\"¿?|#$%/()=+\-_<>*{}·¡\[\].,;:]")


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def slots_in(sample: str) -> list[str]:
    return SLOT.findall(sample)


def has_adjacent_slots(sample: str) -> bool:
    return bool(re.search(r"\}\s*\{", sample))


@dataclass(frozen=True)
class Match:
    intent: str
    sample: str
    score: int
    typed_slots: int
    values: dict[str, str]  # slot name -> value id (custom types) or raw text


class Model:
    def __init__(self, locale: str, data: dict) -> None:
        self.locale = locale
        self.data = data
        self.language_model = data["interactionModel"]["languageModel"]
        self.dialog = data["interactionModel"].get("dialog")
        self.prompts = data["interactionModel"].get("prompts")

    @classmethod
    def load(cls, locale: str) -> Model:
        return cls(locale, json.loads((MODELS_DIR / f"{locale}.json").read_text(encoding="utf-8")))

    @property
    def invocation_name(self) -> str:
        return self.language_model["invocationName"]

    @cached_property
    def intents(self) -> dict[str, dict]:
        return {intent["name"]: intent for intent in self.language_model["intents"]}

    @cached_property
    def types(self) -> dict[str, dict]:
        return {t["name"]: t for t in self.language_model.get("types", [])}

    def slot_types(self, intent: str) -> dict[str, str]:
        return {slot["name"]: slot["type"] for slot in self.intents[intent].get("slots", [])}

    def words(self, type_name: str) -> dict[str, str]:
        """Every value name and synonym of a custom type, lower-cased, mapped to its value id."""
        words: dict[str, str] = {}
        for value in self.types[type_name]["values"]:
            for word in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                words[word.lower()] = value["id"]
        return words

    def value_names(self, type_name: str) -> list[str]:
        return [value["name"]["value"] for value in self.types[type_name]["values"]]

    def all_words(self) -> list[tuple[str, str, str]]:
        """(type, value id, word) for every value name and synonym of every custom type."""
        return [
            (type_name, value_id, word)
            for type_name in self.types
            for word, value_id in self.words(type_name).items()
        ]

    # --- virtual-alexa matching ------------------------------------------------------------
    @cached_property
    def _compiled(self) -> list[tuple[str, str, re.Pattern[str], list[str], list[str]]]:
        compiled = []
        for name, intent in self.intents.items():
            samples = list(intent.get("samples", [])) + VIRTUAL_ALEXA_BUILT_INS.get(name, [])
            for sample in samples:
                literal = [part.strip() for part in SLOT.split(sample)[::2]]
                pattern = "(.*)".join(re.escape(part) for part in literal)
                needles = [part.lower() for part in literal if part]
                compiled.append((name, sample, re.compile(f"^{pattern}$", re.IGNORECASE), slots_in(sample), needles))
        return compiled

    @cached_property
    def _type_words(self) -> dict[str, dict[str, str]]:
        return {name: self.words(name) for name in self.types}

    def _slot_value(self, slot_type: str, raw: str) -> tuple[bool, bool, str]:
        """(matches, typed, value) for one captured slot text."""
        text = raw.strip()
        if slot_type in self._type_words:
            value_id = self._type_words[slot_type].get(text.lower())
            return value_id is not None, True, value_id or ""
        if slot_type == "AMAZON.NUMBER":
            ok = re.fullmatch(r"[0-9]*", text) is not None or text.lower() in _NUMBER_WORDS
            return ok, True, text
        return True, False, raw  # untyped in virtual-alexa: anything goes

    def matches(self, utterance: str) -> list[Match]:
        clean = _STRIPPED.sub("", utterance)
        lowered = clean.lower()
        found = []
        for intent, sample, regex, slot_names, needles in self._compiled:
            if not all(needle in lowered for needle in needles):
                continue
            m = regex.match(clean)
            if not m:
                continue
            values: dict[str, str] = {}
            typed = 0
            ok = True
            raw_length = 0
            slot_types = self.slot_types(intent)
            for slot_name, raw in zip(slot_names, m.groups()):
                if raw != m.group(0) and raw.strip() and not raw.startswith(" ") and not raw.endswith(" "):
                    ok = False
                    break
                matched, is_typed, value = self._slot_value(slot_types[slot_name], raw)
                if not matched:
                    ok = False
                    break
                typed += is_typed
                values[slot_name] = value
                raw_length += len(raw.strip()) if is_typed else len(raw)
            if ok:
                found.append(Match(intent, sample, len(m.group(0)) - raw_length, typed, values))
        return found

    def resolve(self, utterance: str) -> Match | None:
        return self.best(self.matches(utterance))

    @staticmethod
    def best(found: list[Match]) -> Match | None:
        best: Match | None = None
        for match in found:
            if best is None or match.score > best.score:
                best = match
            elif match.score == best.score and match.typed_slots > best.typed_slots:
                best = match
        return best


def locales_of_models() -> list[str]:
    return sorted(path.stem for path in MODELS_DIR.glob("*.json"))


def load_skill_json() -> dict:
    return json.loads(SKILL_JSON.read_text(encoding="utf-8"))
