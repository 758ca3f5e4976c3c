"""Typed words -> intent and slots, using only the skill's own interaction model.

A small stand-in for Alexa's language understanding, good enough to talk to the skill from a keyboard:
each sample utterance is aligned with the typed words; a {slot} takes a span of words. Words the sample
explains score, words it cannot explain cost, so the best sample is the one with the most literal and
slot words matched and the fewest left over. Custom slot values get entity resolution the way Alexa
sends it (ER_SUCCESS_MATCH with value ids, or ER_SUCCESS_NO_MATCH for a value the type does not list).
Nothing good enough -> AMAZON.FallbackIntent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from heat_or_ice_web.interaction_model import InteractionModel, slot_name_of, words_of
from heat_or_ice_web.spoken_values import parse_duration, parse_number

FALLBACK = "AMAZON.FallbackIntent"

# Built-in intents need no samples in the model: Alexa knows these phrases already.
BUILT_IN_SAMPLES: dict[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": (
        "yes",
        "yeah",
        "yep",
        "sure",
        "yes please",
        "ok",
        "okay",
        "of course",
        "go ahead",
        "please do",
        "i do",
        "all right",
        "alright",
        "absolutely",
    ),
    "AMAZON.NoIntent": ("no", "nope", "nah", "no thanks", "no thank you", "not now", "not really", "i don't"),
    "AMAZON.HelpIntent": ("help", "help me", "what can i say", "what can i do", "how does this work"),
    "AMAZON.StopIntent": ("stop", "quit", "shut up", "be quiet", "that's all"),
    "AMAZON.CancelIntent": ("cancel", "never mind", "forget it"),
    "AMAZON.RepeatIntent": ("repeat", "repeat that", "say that again", "what did you say", "come again"),
    "AMAZON.NextIntent": ("next", "next one", "skip"),
    "AMAZON.PreviousIntent": ("previous", "go back"),
    "AMAZON.StartOverIntent": ("start over", "start again", "restart", "begin again"),
    "AMAZON.PauseIntent": ("pause",),
    "AMAZON.ResumeIntent": ("resume", "continue"),
    "AMAZON.NavigateHomeIntent": ("go home",),
}
LAUNCH_VERBS = (
    ("open",),
    ("launch",),
    ("start",),
    ("begin",),
    ("load",),
    ("run",),
    ("play",),
    ("talk", "to"),
    ("ask",),
    ("tell",),
)
CONNECTORS = ("to", "and", "for", "about", "if", "whether", "that")

# Scores, tuned so that a word explained by the sample outweighs one left over.
LITERAL = 2.0  # a sample word said as written
RESOLVED = 2.0  # per word of a slot value the slot type knows (or a number / duration)
LEFT_OVER = -1.0  # a typed word no sample word or slot explains
NOT_SAID = -1.5  # a sample word that was not typed
SLOT_NOT_SAID = -0.5  # a sample slot left empty
UNKNOWN_FIRST, UNKNOWN_MORE = -0.5, -1.0  # a custom slot span the type does not list
MAX_SLOT_WORDS = 8


@dataclass(frozen=True)
class SlotFill:
    """One filled slot. `matches` is None for built-in types, () for an unknown custom value."""

    name: str
    value: str
    type_name: str
    matches: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class Understanding:
    """What the typed line means. `intent` is None for a plain launch ("open heat or ice")."""

    intent: str | None
    slots: dict[str, SlotFill] = field(default_factory=dict)
    says_invocation: bool = False  # "open/ask <invocation> ...": starts a new session
    left_over: int = 0  # typed words no sample explained

    @property
    def is_launch(self) -> bool:
        return self.intent is None


@dataclass(frozen=True)
class _Match:
    score: float
    left_over: int
    literals: int
    fills: tuple[SlotFill, ...]

    def key(self) -> tuple[float, int, int]:
        return (self.score, -self.left_over, self.literals)


class Understander:
    """Matches typed lines against one interaction model."""

    def __init__(self, model: InteractionModel):
        self.model = model
        self.invocation = tuple(words_of(model.invocation_name))
        self._samples: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
        for intent in model.intents.values():
            extra = BUILT_IN_SAMPLES.get(intent.name, ())
            for sample in (*intent.samples, *(tuple(words_of(s)) for s in extra)):
                literals = tuple(token for token in sample if slot_name_of(token) is None)
                self._samples.append((intent.name, sample, literals))

    def understand(self, text: str) -> Understanding:
        words = words_of(text)
        if words[:1] == ["alexa"]:
            words = words[1:]
        if words in (["launch"], ["open"]):
            return Understanding(None, says_invocation=True)
        rest = self._after_invocation(words)
        if rest is None:
            return self._best_intent(words)
        if not rest:
            return Understanding(None, says_invocation=True)
        candidates = [self._best_intent(rest)]
        if rest[0] in CONNECTORS and len(rest) > 1:
            candidates.append(self._best_intent(rest[1:]))
        best = min(candidates, key=lambda u: (u.intent == FALLBACK, u.left_over))
        return Understanding(best.intent, best.slots, says_invocation=True, left_over=best.left_over)

    def understand_answer(self, text: str, intent: str, slot: str) -> Understanding:
        """Understand a reply to "which <slot>?" (Dialog.ElicitSlot): fill that slot if at all possible.

        A reply that exactly matches another intent ("stop", "help", "yes") still goes to that intent,
        as it would on a device.
        """
        words = words_of(text)
        general = self.understand(text)
        known = self.model.intents.get(intent)
        if known is None or slot not in known.slot_types:
            return general
        candidates = [
            ("{%s}" % slot,),
            *known.slot_samples.get(slot, ()),
            *(s for s in known.samples if "{%s}" % slot in s),
        ]
        targeted = None
        for sample in candidates:
            found = self._align(intent, sample, words)
            if found and any(f.name == slot for f in found.fills) and _accepted(found, sample):
                if targeted is None or found.key() > targeted.key():
                    targeted = found
        answered = targeted and next(f for f in targeted.fills if f.name == slot)
        if targeted and targeted.left_over == 0 and answered.matches != ():
            return _understanding(intent, targeted)
        if general.intent not in (intent, FALLBACK) and general.left_over == 0:
            return general
        if targeted:
            return _understanding(intent, targeted)
        type_name = known.slot_types[slot]
        if general.intent in (intent, FALLBACK) and not type_name.startswith("AMAZON.") and words:
            # Alexa fills a custom slot with whatever was said and reports ER_SUCCESS_NO_MATCH.
            return Understanding(intent, {slot: SlotFill(slot, " ".join(words), type_name, ())})
        return general

    def _after_invocation(self, words: list[str]) -> list[str] | None:
        for verb in LAUNCH_VERBS:
            size = len(verb)
            if (
                tuple(words[:size]) == verb
                and tuple(words[size : size + len(self.invocation)]) == self.invocation
            ):
                return words[size + len(self.invocation) :]
        return None

    def _best_intent(self, words: list[str]) -> Understanding:
        best: tuple[_Match, str] | None = None
        said = set(words)
        for intent, sample, literals in self._samples:
            # Cheap pre-check of _accepted's rule: at least half of the sample's words must be said.
            if sum(1 for word in literals if word in said) * 2 < len(literals):
                continue
            found = self._align(intent, sample, words)
            if found and _accepted(found, sample) and (best is None or found.key() > best[0].key()):
                best = (found, intent)
        if best is None:
            return Understanding(FALLBACK, left_over=len(words))
        return _understanding(best[1], best[0])

    def _align(self, intent: str, sample: tuple[str, ...], words: list[str]) -> _Match | None:
        """Best alignment of one sample with the words: dynamic programming over (sample, word) positions."""
        rows, cols = len(sample), len(words)
        best: list[list[_Match | None]] = [[None] * (cols + 1) for _ in range(rows + 1)]
        best[0][0] = _Match(0.0, 0, 0, ())

        def offer(i: int, j: int, candidate: _Match) -> None:
            if best[i][j] is None or candidate.key() > best[i][j].key():
                best[i][j] = candidate

        for i in range(rows + 1):
            for j in range(cols + 1):
                here = best[i][j]
                if here is None:
                    continue
                if j < cols:
                    offer(
                        i,
                        j + 1,
                        _Match(here.score + LEFT_OVER, here.left_over + 1, here.literals, here.fills),
                    )
                if i == rows:
                    continue
                slot = slot_name_of(sample[i])
                if slot is None:
                    if j < cols and sample[i] == words[j]:
                        offer(
                            i + 1,
                            j + 1,
                            _Match(here.score + LITERAL, here.left_over, here.literals + 1, here.fills),
                        )
                    offer(i + 1, j, _Match(here.score + NOT_SAID, here.left_over, here.literals, here.fills))
                    continue
                offer(i + 1, j, _Match(here.score + SLOT_NOT_SAID, here.left_over, here.literals, here.fills))
                for k in range(j + 1, min(cols, j + MAX_SLOT_WORDS) + 1):
                    filled = self._fill(intent, slot, words[j:k])
                    if filled is not None:
                        gain, fill = filled
                        offer(
                            i + 1,
                            k,
                            _Match(here.score + gain, here.left_over, here.literals, here.fills + (fill,)),
                        )
        return best[rows][cols]

    def _fill(self, intent: str, slot: str, span: list[str]) -> tuple[float, SlotFill] | None:
        """How well a span of words fills a slot, and the fill; None when it cannot fill it at all."""
        type_name = self.model.slot_type_of(intent, slot) or "AMAZON.SearchQuery"
        said = " ".join(span)
        if type_name == "AMAZON.DURATION":
            iso = parse_duration(span)
            return None if iso is None else (RESOLVED * len(span), SlotFill(slot, iso, type_name))
        if type_name in ("AMAZON.NUMBER", "AMAZON.FOUR_DIGIT_NUMBER"):
            number = parse_number(span)
            return None if number is None else (RESOLVED * len(span), SlotFill(slot, str(number), type_name))
        custom = self.model.slot_types.get(type_name)
        if custom is None:
            return 0.0, SlotFill(slot, said, type_name)  # free-form built-ins take any words
        matches = custom.resolve(span)
        if matches:
            return RESOLVED * len(span), SlotFill(slot, said, type_name, matches)
        return UNKNOWN_FIRST + UNKNOWN_MORE * (len(span) - 1), SlotFill(slot, said, type_name, ())


def _accepted(found: _Match, sample: tuple[str, ...]) -> bool:
    """Good enough to act on: more explained than not, and at least half of the sample's own words said."""
    literals = sum(1 for token in sample if slot_name_of(token) is None)
    if found.score <= 0 or (literals and found.literals * 2 < literals):
        return False
    # A sample that is nothing but slots ("{location}") only counts when the values are known ones.
    return bool(literals) or all(fill.matches != () for fill in found.fills) and bool(found.fills)


def _understanding(intent: str, found: _Match) -> Understanding:
    return Understanding(intent, {fill.name: fill for fill in found.fills}, left_over=found.left_over)
