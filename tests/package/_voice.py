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
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
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
    def _compiled(self) -> list[tuple[str, str, tuple[str, ...], list[str], list[str]]]:
        """(intent, sample, literal parts, slot names, non-empty literal parts) per sample, in virtual-alexa's
        order."""
        compiled = []
        for name, intent in self.intents.items():
            samples = list(intent.get("samples", [])) + VIRTUAL_ALEXA_BUILT_INS.get(name, [])
            for sample in samples:
                literal = tuple(part.strip().lower() for part in SLOT.split(sample)[::2])
                compiled.append((name, sample, literal, slots_in(sample), [part for part in literal if part]))
        return compiled

    @staticmethod
    def _split(lowered: str, literal: tuple[str, ...]) -> list[str] | None:
        """The slot texts of `^L0(.*)L1(.*)...Ln$` matched greedily, as virtual-alexa's regex does; None if no
        match.

        Greedy groups put each literal part at its rightmost place that still leaves room for the parts
        after it, so the places are found from the right.
        """
        first, last = literal[0], literal[-1]
        if len(literal) == 1:
            return [] if lowered == first else None
        if not lowered.startswith(first):
            return None
        end = len(lowered) - len(last)
        if end < len(first) or not lowered.endswith(last):
            return None
        starts = [0] * len(literal)
        limit = end
        for k in range(len(literal) - 2, 0, -1):
            at = lowered.rfind(literal[k], len(first), limit)
            if at < 0:
                return None
            starts[k], limit = at, at
        groups = []
        previous_end = len(first)
        for k in range(1, len(literal) - 1):
            groups.append(lowered[previous_end : starts[k]])
            previous_end = starts[k] + len(literal[k])
        groups.append(lowered[previous_end:end])
        return groups

    @cached_property
    def _index(self) -> tuple[dict[str, list[tuple[int, frozenset[str]]]], list[int]]:
        """Samples by the least common literal word they contain; samples with no literal word apart.

        Only a speed-up: a sample can match only if each of its literal words is in the utterance, so
        an utterance is tried against the samples keyed by one of its words whose literal words it has.
        """
        counts: dict[str, int] = {}
        words_of = []
        for _, _, _, _, needles in self._compiled:
            words = frozenset(w for needle in needles for w in needle.split())
            words_of.append(words)
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        by_key: dict[str, list[tuple[int, frozenset[str]]]] = {}
        unkeyed = []
        for index, words in enumerate(words_of):
            if words:
                by_key.setdefault(min(words, key=lambda w: (counts[w], w)), []).append((index, words))
            else:
                unkeyed.append(index)
        return by_key, unkeyed

    @staticmethod
    def _tokens(lowered: str) -> set[str]:
        tokens = set(lowered.split())
        for token in list(tokens):
            cut = token.find("'", 1)
            if cut > 0:  # "neck's" also holds "neck" and "'s", as in "my {location}'s sore"
                tokens.update((token[:cut], token[cut:]))
        return tokens

    @cached_property
    def type_words(self) -> dict[str, dict[str, str]]:
        """`words()` of every custom type, computed once."""
        return {name: self.words(name) for name in self.types}

    @cached_property
    def _slot_types_by_intent(self) -> dict[str, dict[str, str]]:
        return {name: self.slot_types(name) for name in self.intents}

    def _slot_value(self, slot_type: str, raw: str) -> tuple[bool, bool, str]:
        """(matches, typed, value) for one captured slot text."""
        text = raw.strip()
        if slot_type in self.type_words:
            value_id = self.type_words[slot_type].get(text.lower())
            return value_id is not None, True, value_id or ""
        if slot_type == "AMAZON.NUMBER":
            ok = re.fullmatch(r"[0-9]*", text) is not None or text.lower() in _NUMBER_WORDS
            return ok, True, text
        return True, False, raw  # untyped in virtual-alexa: anything goes

    def matches(self, utterance: str) -> list[Match]:
        clean = _STRIPPED.sub("", utterance)
        lowered = clean.lower()
        by_key, unkeyed = self._index
        tokens = self._tokens(lowered)
        candidates = sorted(
            unkeyed + [i for token in tokens for i, words in by_key.get(token, ()) if words <= tokens]
        )
        found = []
        splits: dict[tuple[str, ...], list[str] | None] = {}  # many samples share their literal parts
        values_seen: dict[tuple[str, str], tuple[bool, bool, str]] = {}
        for index in candidates:
            intent, sample, literal, slot_names, needles = self._compiled[index]
            if literal in splits:
                groups = splits[literal]
            elif not (lowered.startswith(literal[0]) and lowered.endswith(literal[-1])):
                continue
            elif not all(needle in lowered for needle in needles):
                continue
            else:
                groups = splits[literal] = self._split(lowered, literal)
            if groups is None:
                continue
            values: dict[str, str] = {}
            typed = 0
            ok = True
            raw_length = 0
            slot_types = self._slot_types_by_intent[intent]
            for slot_name, raw in zip(slot_names, groups, strict=False):
                if raw != lowered and raw.strip() and not raw.startswith(" ") and not raw.endswith(" "):
                    ok = False
                    break
                key = (slot_types[slot_name], raw)
                if key not in values_seen:
                    values_seen[key] = self._slot_value(*key)
                matched, is_typed, value = values_seen[key]
                if not matched:
                    ok = False
                    break
                typed += is_typed
                values[slot_name] = value
                raw_length += len(raw.strip()) if is_typed else len(raw)
            if ok:
                found.append(Match(intent, sample, len(lowered) - raw_length, typed, values))
        return found

    def resolve(self, utterance: str) -> Match | None:
        return self.best(self.matches(utterance))

    @staticmethod
    def best(found: list[Match]) -> Match | None:
        best: Match | None = None
        for match in found:
            if (best is None or match.score > best.score
                    or match.score == best.score and match.typed_slots > best.typed_slots):
                best = match
        return best


def locales_of_models() -> list[str]:
    return sorted(path.stem for path in MODELS_DIR.glob("*.json"))


def load_skill_json() -> dict:
    return json.loads(SKILL_JSON.read_text(encoding="utf-8"))
