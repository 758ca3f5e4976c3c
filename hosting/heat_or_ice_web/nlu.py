"""Typed words -> intent and slots, using only the skill's own interaction model.

A small stand-in for Alexa's language understanding, good enough to talk to the skill from a keyboard.
It hears in two steps:
1. A sample said as written: the typed words are one of the samples with each {slot} replaced by words
   the slot type knows (or a number / duration for built-in types). Every way of splitting the words
   between the slots is tried, so "{location} {cause}" works too (a strict matcher such as virtual-alexa
   cannot split two slots that touch). The sample with the most literal text wins, then the one with
   more slots, then the first, as virtual-alexa decides.
2. Otherwise the samples closest to the words are aligned with them: words the sample explains score,
   words it cannot explain cost, so the best sample has the most literal and slot words matched and the
   fewest left over. Nothing good enough -> AMAZON.FallbackIntent.

A custom slot is only ever filled with words its type resolves (entity resolution the way Alexa sends
it: ER_SUCCESS_MATCH with value ids). Words that resolve to nothing are left over, never made into a
value, so "I've wet myself since the pain started" cannot become a place. The one exception is a reply
to the skill's own question for a slot (Dialog.ElicitSlot): like Alexa, a short reply then fills that
slot with what was said and ER_SUCCESS_NO_MATCH.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

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

# Scores of the alignment step, tuned so that a word explained by the sample outweighs one left over.
LITERAL = 2.0  # a sample word said as written
RESOLVED = 2.0  # per word of a slot value the slot type knows (or a number / duration)
LEFT_OVER = -1.0  # a typed word no sample word or slot explains
NOT_SAID = -1.5  # a sample word that was not typed
SLOT_NOT_SAID = -0.5  # a sample slot left empty
UNKNOWN_FIRST, UNKNOWN_MORE = -0.5, -1.0  # a reply to a slot question the type does not list
# Built-in types that take any words, as in virtual-alexa (they do not count as typed slots).
_UNTYPED = ("AMAZON.DURATION", "AMAZON.SearchQuery")
MAX_SLOT_WORDS = 16  # slot words are often whole clauses ("i can not feel my groin")
MAX_REPLY_WORDS = 4  # a reply to a slot question longer than this is not taken as an unknown value
ALIGNED_CANDIDATES = 60  # samples aligned in step 2, the closest first
# Words that deny. A "no" is never heard in words that have none of them: "there's a squeezing in my
# chest" is close to "there's no pain in my chest", and the difference is the whole answer.
DENYING = frozenset({"no", "not", "nope", "nah", "never", "none", "nothing", "neither", "nor", "without"})


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


@dataclass(frozen=True)
class _Sample:
    order: int
    intent: str
    tokens: tuple[str, ...]
    literals: tuple[str, ...]
    literal_chars: int


class _Heard:
    """The typed words, and for each slot type every span of them that can fill it (computed once)."""

    def __init__(self, understander: Understander, words: list[str]):
        self.words = words
        self.understander = understander
        self.said = set(words)
        self._spans: dict[str, dict[tuple[int, int], tuple[float, SlotFill] | None]] = {}

    def fill(self, intent: str, slot: str, start: int, end: int) -> tuple[float, SlotFill] | None:
        """(score, the slot filled with words[start:end]) when they are a value of its type, else None."""
        type_name = self.understander.model.slot_type_of(intent, slot) or "AMAZON.SearchQuery"
        spans = self._spans.setdefault(type_name, {})
        key = (start, end)
        if key not in spans:
            spans[key] = self.understander._resolve(type_name, self.words[start:end])
        found = spans[key]
        if found is None:
            return None
        gain, fill = found
        return gain, SlotFill(slot, fill.value, fill.type_name, fill.matches)


class Understander:
    """Matches typed lines against one interaction model."""

    def __init__(self, model: InteractionModel):
        self.model = model
        self.invocation = tuple(words_of(model.invocation_name))
        self._samples: list[_Sample] = []
        for intent in model.intents.values():
            extra = BUILT_IN_SAMPLES.get(intent.name, ())
            for sample in (*intent.samples, *(tuple(words_of(s)) for s in extra)):
                literals = tuple(token for token in sample if slot_name_of(token) is None)
                chars = sum(len(word) for word in literals)
                self._samples.append(_Sample(len(self._samples), intent.name, sample, literals, chars))

    @cached_property
    def _index(self) -> tuple[dict[str, list[_Sample]], list[_Sample]]:
        """Samples by their least common literal word; samples that are only slots apart."""
        counts: dict[str, int] = {}
        for sample in self._samples:
            for word in set(sample.literals):
                counts[word] = counts.get(word, 0) + 1
        by_word: dict[str, list[_Sample]] = {}
        only_slots = []
        for sample in self._samples:
            if sample.literals:
                rarest = min(set(sample.literals), key=lambda w: (counts[w], w))
                by_word.setdefault(rarest, []).append(sample)
            else:
                only_slots.append(sample)
        return by_word, only_slots

    @cached_property
    def _by_any_word(self) -> dict[str, list[_Sample]]:
        found: dict[str, list[_Sample]] = {}
        for sample in self._samples:
            for word in set(sample.literals):
                found.setdefault(word, []).append(sample)
        return found

    # What the user said ---------------------------------------------------------------------------
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

        A reply that means something on its own (another intent, or a value of another slot of the same
        intent) is taken as such, as on a device.
        """
        words = words_of(text)
        general = self.understand(text)
        known = self.model.intents.get(intent)
        if known is None or slot not in known.slot_types:
            return general
        heard = _Heard(self, words)
        candidates = [
            (f"{{{slot}}}",),
            *known.slot_samples.get(slot, ()),
            *(s for s in known.samples if f"{{{slot}}}" in s),
        ]
        targeted = None
        for sample in candidates:
            found = self._align(intent, sample, heard)
            if found and any(f.name == slot for f in found.fills) and _accepted(found, sample):
                if targeted is None or found.key() > targeted.key():
                    targeted = found
        if targeted and targeted.left_over == 0:
            return _understanding(intent, targeted)
        if general.intent != FALLBACK and general.left_over == 0:
            return general
        if targeted:
            return _understanding(intent, targeted)
        if general.intent != FALLBACK:
            return general
        type_name = known.slot_types[slot]
        if not type_name.startswith("AMAZON.") and 0 < len(words) <= MAX_REPLY_WORDS:
            # Alexa fills an elicited custom slot with a short reply it cannot resolve (ER_SUCCESS_NO_MATCH).
            said = _without_carrier(words)
            return Understanding(intent, {slot: SlotFill(slot, " ".join(said), type_name, ())})
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

    # Step 1: a sample said as written ---------------------------------------------------------------
    def _best_intent(self, words: list[str]) -> Understanding:
        heard = _Heard(self, words)
        exact = self._exact(heard)
        if exact is not None:
            sample, fills = exact
            return Understanding(sample.intent, {fill.name: fill for fill in fills})
        return self._closest(heard)

    def _exact(self, heard: _Heard) -> tuple[_Sample, tuple[SlotFill, ...]] | None:
        by_word, only_slots = self._index
        candidates = list(only_slots)
        for word in heard.said:
            candidates += [s for s in by_word.get(word, ()) if heard.said.issuperset(s.literals)]
        best: tuple[tuple[int, int, int], _Sample, tuple[SlotFill, ...]] | None = None
        for sample in candidates:
            fills = self._parse(sample, heard)
            if fills is None:
                continue
            typed = sum(1 for fill in fills if fill.type_name not in _UNTYPED)
            rank = (sample.literal_chars, typed, -sample.order)
            if best is None or rank > best[0]:
                best = (rank, sample, fills)
        return None if best is None else (best[1], best[2])

    def _parse(self, sample: _Sample, heard: _Heard) -> tuple[SlotFill, ...] | None:
        """The slot fills that make the words exactly this sample, or None."""
        tokens, words = sample.tokens, heard.words
        memo: dict[tuple[int, int], tuple[SlotFill, ...] | None] = {}

        def walk(i: int, j: int) -> tuple[SlotFill, ...] | None:
            if i == len(tokens):
                return () if j == len(words) else None
            if (i, j) in memo:
                return memo[(i, j)]
            found = None
            slot = slot_name_of(tokens[i])
            if slot is None:
                if j < len(words) and words[j] == tokens[i]:
                    found = walk(i + 1, j + 1)
            else:
                # the words left must cover the literal words still to come
                room = len(words) - j - sum(1 for t in tokens[i + 1 :] if slot_name_of(t) is None)
                for end in range(min(len(words), j + min(MAX_SLOT_WORDS, room)), j, -1):
                    filled = heard.fill(sample.intent, slot, j, end)
                    if filled is None:
                        continue
                    rest = walk(i + 1, end)
                    if rest is not None:
                        found = (filled[1], *rest)
                        break
            memo[(i, j)] = found
            return found

        return walk(0, 0)

    # Step 2: the closest samples, aligned ----------------------------------------------------------------
    def _closest(self, heard: _Heard) -> Understanding:
        _, only_slots = self._index
        overlap: dict[int, int] = {}
        samples: dict[int, _Sample] = {}
        for word in heard.said:
            for sample in self._by_any_word.get(word, ()):
                overlap[sample.order] = overlap.get(sample.order, 0) + 1
                samples[sample.order] = sample
        # At least half of a sample's own words must be said (see _accepted).
        ranked = sorted(
            (s for order, s in samples.items() if overlap[order] * 2 >= len(set(s.literals))),
            key=lambda s: (-(overlap[s.order] / len(set(s.literals))), -overlap[s.order], s.order),
        )
        best: tuple[_Match, str] | None = None
        denies = any(word in DENYING or word.endswith("n't") for word in heard.words)
        if not denies:
            ranked = [s for s in ranked if s.intent != "AMAZON.NoIntent"]
        for sample in [*ranked[:ALIGNED_CANDIDATES], *only_slots]:
            found = self._align(sample.intent, sample.tokens, heard)
            if found and _accepted(found, sample.tokens) and (best is None or found.key() > best[0].key()):
                best = (found, sample.intent)
        if best is None:
            return Understanding(FALLBACK, left_over=len(heard.words))
        return _understanding(best[1], best[0])

    def _align(self, intent: str, sample: tuple[str, ...], heard: _Heard) -> _Match | None:
        """Best alignment of one sample with the words: dynamic programming over (sample, word) positions."""
        words = heard.words
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
                    filled = heard.fill(intent, slot, j, k)
                    if filled is not None:
                        gain, fill = filled
                        offer(
                            i + 1,
                            k,
                            _Match(here.score + gain, here.left_over, here.literals, here.fills + (fill,)),
                        )
        return best[rows][cols]

    def _resolve(self, type_name: str, span: list[str]) -> tuple[float, SlotFill] | None:
        """How well a span of words fills a slot of this type, and the fill; None when it cannot."""
        said = " ".join(span)
        if type_name == "AMAZON.DURATION":
            iso = parse_duration(span)
            return None if iso is None else (RESOLVED * len(span), SlotFill("", iso, type_name))
        if type_name in ("AMAZON.NUMBER", "AMAZON.FOUR_DIGIT_NUMBER"):
            number = parse_number(span)
            return None if number is None else (RESOLVED * len(span), SlotFill("", str(number), type_name))
        custom = self.model.slot_types.get(type_name)
        if custom is None:
            return 0.0, SlotFill("", said, type_name)  # free-form built-ins take any words
        matches = custom.resolve(span)
        if matches:
            return RESOLVED * len(span), SlotFill("", said, type_name, matches)
        return None  # never a value the type does not know


def _accepted(found: _Match, sample: tuple[str, ...]) -> bool:
    """Good enough to act on: more explained than not, and at least half of the sample's own words said."""
    literals = sum(1 for token in sample if slot_name_of(token) is None)
    if found.score <= 0 or (literals and found.literals * 2 < literals):
        return False
    # A sample that is nothing but slots ("{location}") only counts when its values are known ones.
    return bool(literals) or bool(found.fills) and all(fill.matches != () for fill in found.fills)


def _without_carrier(words: list[str]) -> list[str]:
    """A short reply without the words around its value: "my ankle" -> "ankle", "it's my ankle" -> "ankle"."""
    carriers = ("it", "is", "my", "the", "in", "on", "mainly", "mostly", "just", "a", "an")
    start = 0
    while start < len(words) - 1 and words[start] in carriers:
        start += 1
    return words[start:]


def _understanding(intent: str, found: _Match) -> Understanding:
    return Understanding(intent, {fill.name: fill for fill in found.fills}, left_over=found.left_over)
