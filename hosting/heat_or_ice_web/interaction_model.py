"""The skill's voice contract, read from skill-package/interactionModels/custom/<locale>.json.

The console understands people only through this file, the same file Alexa builds its model from:
intents and their sample utterances, custom slot types with value ids and synonyms, and the dialog
model (which slots Alexa must ask for itself, and with which prompts).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

# A word: letters with inner apostrophes ("i'm", "don't"), a number with an optional decimal part, or
# the "'s" that follows a slot in a sample ("my {location}'s sore").
_WORD = re.compile(r"\d+(?:\.\d+)?|'s\b|[^\W\d_]+(?:'[^\W\d_]+)*")
_SLOT = re.compile(r"^\{(\w+)\}$")
# Contractions are spelled out on both sides, so "it's my neck" matches the sample "it is my {location}".
_CONTRACTIONS = {"can't": "can not", "won't": "will not", "let's": "let us"}
_PRONOUN_IS = {"it's", "that's", "what's", "there's", "here's", "he's", "she's", "who's", "where's", "how's"}
_ENDINGS = (
    ("n't", " not"),
    ("'m", " am"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
)


def _spelled_out(word: str) -> str:
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    if word in _PRONOUN_IS:
        return word[:-2] + " is"
    for ending, full in _ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + full
    if word.endswith("'s") and len(word) > 2:
        return word[:-2] + " 's"  # "my neck's sore": the place, then "'s" (is, has, or a possessive)
    return word


def words_of(text: str) -> list[str]:
    """Lower-case words with punctuation dropped, the way both samples and typed lines are compared."""
    found = _WORD.findall(text.lower().replace("\u2019", "'"))
    return " ".join(_spelled_out(word) for word in found).split()


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spelled_number(word: str) -> str:
    """"3" -> "three", "25" -> "twenty five"; other words unchanged."""
    if not word.isdigit() or len(word) > 2:
        return word
    number = int(word)
    if number < 20:
        return _ONES[number]
    tens, ones = divmod(number, 10)
    return _TENS[tens] + ("" if ones == 0 else " " + _ONES[ones])


def sample_tokens(sample: str) -> tuple[str, ...]:
    """A sample utterance as tokens: literal words, and "{slot}" placeholders kept whole."""
    tokens: list[str] = []
    for piece in re.split(r"(\{\w+\})", sample):
        if _SLOT.match(piece):
            tokens.append(piece)
        else:
            tokens.extend(words_of(piece))
    return tuple(tokens)


def slot_name_of(token: str) -> str | None:
    match = _SLOT.match(token)
    return match.group(1) if match else None


@dataclass(frozen=True)
class SlotType:
    """A custom slot type: every way to say each value, mapped to (value id, canonical name)."""

    name: str
    phrases: dict[str, tuple[tuple[str, str], ...]]

    def resolve(self, words: list[str]) -> tuple[tuple[str, str], ...] | None:
        """The values these words name, or None.

        A trailing plural "s" is forgiven ("heating pads"), and numbers typed as digits are read as
        the words a speaker says ("3 days ago" is "three days ago").
        """
        said = " ".join(_spelled_number(word) for word in words)
        if said in self.phrases:
            return self.phrases[said]
        if said.endswith("s") and said[:-1] in self.phrases:
            return self.phrases[said[:-1]]
        return None


@dataclass(frozen=True)
class Intent:
    name: str
    slot_types: dict[str, str]  # slot name -> slot type name
    samples: tuple[tuple[str, ...], ...]
    slot_samples: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Prompt:
    text: str
    is_ssml: bool


@dataclass(frozen=True)
class DialogSlot:
    name: str
    elicitation_required: bool
    elicitation: Prompt | None


@dataclass(frozen=True)
class DialogIntent:
    """Dialog rules of one intent. `auto_delegate` means Alexa (here: the console) asks for required slots."""

    name: str
    auto_delegate: bool
    confirmation_required: bool
    confirmation: Prompt | None
    slots: tuple[DialogSlot, ...]


@dataclass(frozen=True)
class InteractionModel:
    invocation_name: str
    intents: dict[str, Intent]
    slot_types: dict[str, SlotType]
    dialog: dict[str, DialogIntent]

    @classmethod
    def load(cls, path: str | Path) -> InteractionModel:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls.from_json(document)

    @classmethod
    def from_json(cls, document: dict) -> InteractionModel:
        model = document.get("interactionModel", document)
        language = model["languageModel"]
        slot_types = {t["name"]: _slot_type(t) for t in language.get("types", [])}
        intents = {i["name"]: _intent(i) for i in language.get("intents", [])}
        prompts = {p["id"]: _first_variation(p) for p in model.get("prompts", [])}
        dialog_json = model.get("dialog") or {}
        default_strategy = dialog_json.get("delegationStrategy", "ALWAYS")
        dialog = {
            d["name"]: _dialog_intent(d, default_strategy, prompts) for d in dialog_json.get("intents", [])
        }
        return cls(language["invocationName"].lower(), intents, slot_types, dialog)

    def slot_type_of(self, intent: str, slot: str) -> str | None:
        found = self.intents.get(intent)
        return found.slot_types.get(slot) if found else None


def _slot_type(document: dict) -> SlotType:
    phrases: dict[str, list[tuple[str, str]]] = {}
    for value in document.get("values", []):
        name = value["name"]["value"]
        # Alexa makes up an id when the model gives none; the canonical name is a stable stand-in.
        resolved = (value.get("id") or name, name)
        for said in [name, *value["name"].get("synonyms", [])]:
            key = " ".join(words_of(said))
            if resolved not in phrases.setdefault(key, []):
                phrases[key].append(resolved)
    return SlotType(document["name"], {key: tuple(values) for key, values in phrases.items()})


def _intent(document: dict) -> Intent:
    slots = document.get("slots", [])
    return Intent(
        name=document["name"],
        slot_types={s["name"]: s["type"] for s in slots},
        samples=tuple(sample_tokens(s) for s in document.get("samples", [])),
        slot_samples={s["name"]: tuple(sample_tokens(x) for x in s.get("samples", [])) for s in slots},
    )


def _first_variation(document: dict) -> Prompt | None:
    variations = document.get("variations") or []
    if not variations:
        return None
    return Prompt(variations[0]["value"], variations[0].get("type") == "SSML")


def _dialog_intent(document: dict, default_strategy: str, prompts: dict[str, Prompt | None]) -> DialogIntent:
    slots = tuple(
        DialogSlot(
            name=s["name"],
            elicitation_required=bool(s.get("elicitationRequired")),
            elicitation=prompts.get((s.get("prompts") or {}).get("elicitation", "")),
        )
        for s in document.get("slots", [])
    )
    return DialogIntent(
        name=document["name"],
        auto_delegate=document.get("delegationStrategy", default_strategy) == "ALWAYS",
        confirmation_required=bool(document.get("confirmationRequired")),
        confirmation=prompts.get((document.get("prompts") or {}).get("confirmation", "")),
        slots=slots,
    )


def find_model_file(locale: str, *, start: Path | None = None) -> Path | None:
    """The locale's model file in the nearest skill-package folder: the working directory, then the repo."""
    relative = Path("skill-package") / "interactionModels" / "custom" / f"{locale}.json"
    roots = [start or Path.cwd(), Path(__file__).resolve().parents[2]]
    for root in roots:
        if (root / relative).is_file():
            return root / relative
    return None


def skill_display_name(model_file: Path, locale: str, model: InteractionModel) -> str:
    """The skill's public name from skill.json next to the model; else the invocation name, capitalised."""
    manifest = model_file.parents[2] / "skill.json"
    try:
        locales = json.loads(manifest.read_text(encoding="utf-8"))["manifest"]["publishingInformation"]
        return locales["locales"][locale]["name"]
    except (OSError, KeyError, ValueError, TypeError):
        small = {"a", "an", "and", "for", "of", "or", "the", "to"}
        words = model.invocation_name.split()
        return " ".join(w if i and w in small else w.capitalize() for i, w in enumerate(words))
