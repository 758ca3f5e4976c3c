"""A person of the benchmark, and how any person answers any question the skill asks.

A `Persona` says what it opens with (an intent and slots, by the voice contract's value ids),
what is true of it (its place, start, cause, preference, and `signs`: warning signs and other
facts about its body), and what a careful clinician would advise it (`expected`).

Nobody scripts every question: `answer` replies like the person would.
- A slot question (where, when, how it started, heat or ice) gets the person's fact, or
  "I don't know" when they don't have one. A question id the benchmark has never seen counts as
  a slot question when the skill elicits a slot.
- A yes/no question gets the answer that means "I have that" when the person has a sign the
  question mentions (the words of each sign are in `SIGN_WORDS`; the question's words are its
  locale text), and the other answer otherwise. Which of yes and no means "I have that" is asked
  of the core (the reply that makes the advice more cautious), so "does the skin there feel
  normal?" and "is the skin there numb?" are both answered right.
- `unsure` questions get "I don't know" (`unsure_times` times, then the plain answer);
  `replies` overrides any question by id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from .hearing import question_words

SLOT_QUESTIONS = {
    "LOCATION": "location", "LOCATION_AGAIN": "location", "ONSET": "onset", "CAUSE": "cause",
    "PREFERENCE": "preference",
}
COVERED_PLACES = frozenset({"LOWER_BACK", "UPPER_BACK", "NECK", "LEG"})
# Questions whose "yes" is the reassuring answer, for when the core cannot tell us.
_YES_IS_REASSURING = frozenset({"UPPER_BACK_MUSCULAR"})

# The words by which a person recognises, in a question, a sign they have. A word matches at the
# start of a word of the question ("sneez" matches "sneezing"); "a&b" needs both, so tingling in an
# arm is not taken for tingling between the legs.
SIGN_WORDS: dict[str, tuple[str, ...]] = {
    # Tier A
    "SADDLE_NUMBNESS": ("between your legs", "around your bottom", "saddle", "groin", "when you wipe"),
    "BLADDER_BOWEL": ("bladder", "bowel", "peeing", "pee", "toilet"),
    "BOTH_LEGS": ("both legs", "both of your legs"),
    "LEG_GIVING_WAY": ("weaker", "giving way", "gives way", "foot drop", "trouble walking", "leg weakness"),
    "SEXUAL_FUNCTION": ("sex", "erection", "ejaculat", "private"),
    "RECENT_UNCHECKED_ACCIDENT": ("accident", "couple of weeks", "checked", "fall"),
    "FRAGILE_BONES": ("osteoporosis", "thin bones", "brittle", "steroid", "seventy", "over 70"),
    "CHEST_PAIN": ("chest", "breath"),
    "NECK_DANGER": ("clumsiness", "clumsy", "sudden weakness", "double vision", "faint", "speaking",
                    "swallowing", "electric"),
    "DOUBLE_VISION": ("double vision", "vision", "seeing double"),
    "SEVERE_HEADACHE": ("headache",),
    # Tier B
    "FEVER": ("fever", "unwell", "temperature", "chills"),
    "WEIGHT_LOSS": ("weight",),
    "CANCER_HISTORY": ("cancer",),
    "LUMP": ("lump", "changed shape", "change of shape"),
    "NIGHT_PAIN": ("night", "rest", "settle", "lie still", "sleep"),
    "COUGH_SNEEZE": ("cough", "sneez"),
    "NOT_CLEARLY_MUSCULAR": ("muscle", "muscular", "posture", "desk", "exertion"),
    "NEW_PAIN_AGE": ("fifty", "over 50", "under twenty", "under 20", "how old", "your age"),
    "INFECTION_RISK": ("immune", "inject", "transplant", "hiv", "infection"),
    "UNSTEADY": ("unsteady", "band", "balance"),
    "ARM_PINS_NEEDLES": ("pins and needles&arm", "tingl&arm", "pins and needles&hand", "tingl&hand"),
    "COLD_ARM": ("cold&arm", "cold&hand"),
    # Not warning signs, but a question may mention them
    "SWELLING": ("swelling", "swollen"),
    "NUMB_SKIN_AT_SITE": ("skin there", "skin where"),
    "DIABETES_NUMB_FEET": ("diabetes",),
    "WORSE_LYING_DOWN": ("lying down", "lie down"),
}
WARNING_SIGNS = frozenset(SIGN_WORDS) - {
    "SWELLING",
    "NUMB_SKIN_AT_SITE",
    "DIABETES_NUMB_FEET",
    "WORSE_LYING_DOWN",
}
# The Symptom value id a person says for a sign, when the skill asks which one they have.
SIGN_SYMPTOMS = {
    "SADDLE_NUMBNESS": "SADDLE_NUMBNESS", "BLADDER_BOWEL": "BLADDER_BOWEL", "BOTH_LEGS": "BOTH_LEGS",
    "LEG_GIVING_WAY": "LEG_GIVING_WAY", "SEXUAL_FUNCTION": "SEXUAL_FUNCTION", "CHEST_PAIN": "CHEST_PAIN",
    "NECK_DANGER": "NECK_DANGER", "DOUBLE_VISION": "NECK_DANGER", "SEVERE_HEADACHE": "SEVERE_HEADACHE",
    "FEVER": "FEVER", "WEIGHT_LOSS": "WEIGHT_LOSS", "CANCER_HISTORY": "CANCER_HISTORY", "LUMP": "LUMP",
    "NIGHT_PAIN": "NIGHT_PAIN",
    "COUGH_SNEEZE": "COUGH_SNEEZE", "UNSTEADY": "UNSTEADY", "INFECTION_RISK": "INFECTION_RISK",
    "ARM_PINS_NEEDLES": "TINGLING", "COLD_ARM": "COLD_ARM", "SWELLING": "SWELLING",
}


@dataclass(frozen=True)
class Say:
    """One utterance, as the intent and slot value ids Alexa would resolve it to."""

    intent: str
    slots: Mapping[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        short = {"AMAZON.YesIntent": "yes", "AMAZON.NoIntent": "no", "DontKnowIntent": "I don't know"}
        if self.intent in short and not self.slots:
            return short[self.intent]
        return f"{self.intent}({', '.join(f'{k}={v}' for k, v in self.slots.items())})"


YES, NO, DONT_KNOW = Say("AMAZON.YesIntent"), Say("AMAZON.NoIntent"), Say("DontKnowIntent")
LAUNCH = Say("LaunchRequest")


def recommend(**slots: str) -> Say:
    return Say("RecommendIntent", {k: v for k, v in slots.items() if v})


def start_session(modality: str) -> Say:
    return Say("StartSessionIntent", {"modality": modality})


@dataclass(frozen=True)
class Persona:
    name: str
    description: str
    opening: Say
    expected: tuple[str, ...]  # the advice a careful clinician gives; the first is the usual one
    signs: frozenset[str] = frozenset()
    place: str | None = None  # defaults to the opening's slots
    onset: str | None = None
    cause: str | None = None
    preference: str | None = None
    condition: str | None = None
    launch_first: bool = False
    unsure: frozenset[str] = frozenset()  # question ids, or "SAFETY" / "SLOTS" for every one of a kind
    unsure_times: int | None = None  # None: "I don't know" every time; n: then the plain answer
    replies: Mapping[str, Say] = field(default_factory=dict)
    must_screen_first: bool = False  # right only if a safety question came before the advice
    next_day_session: str | None = None  # asks for this session the next day: must not be locked out

    def fact(self, slot: str) -> str | None:
        own = {"location": self.place, "onset": self.onset, "cause": self.cause,
               "preference": self.preference, "condition": self.condition}.get(slot)
        return own or self.opening.slots.get(slot)

    @property
    def opening_gives(self) -> frozenset[str]:
        return frozenset(self.opening.slots)

    @property
    def warning_signs(self) -> frozenset[str]:
        return self.signs & WARNING_SIGNS

    def is_unsure(self, question_id: str, slot_question: bool, times_asked: int) -> bool:
        kinds = {question_id, "SLOTS" if slot_question else "SAFETY"}
        if not kinds & self.unsure:
            return False
        return self.unsure_times is None or times_asked <= self.unsure_times


def _mentions(words: str, trigger: str) -> bool:
    return all(re.search(r"(?<![a-z])" + re.escape(part), words) for part in trigger.split("&"))


def signs_heard(persona: Persona, words: str) -> list[str]:
    """The person's signs that the question mentions, in the order of `SIGN_WORDS`."""
    text = words.lower()
    return [s for s in SIGN_WORDS if s in persona.signs and any(_mentions(text, w) for w in SIGN_WORDS[s])]


def answer(persona: Persona, question_id: str, spoken: str, elicited: str | None, times_asked: int) -> Say:
    """What this person says to the question the skill is waiting on."""
    if question_id in persona.replies:
        return persona.replies[question_id]
    slot = SLOT_QUESTIONS.get(question_id) or elicited
    if persona.is_unsure(question_id, slot is not None, times_asked):
        return DONT_KNOW
    words = question_words(question_id, spoken)
    if slot == "symptom":
        heard = [s for s in signs_heard(persona, words) if s in SIGN_SYMPTOMS]
        return recommend(symptom=SIGN_SYMPTOMS[heard[0]]) if heard else NO
    if slot is not None:
        value = persona.fact(slot)
        if slot == "cause" and re.search(r"\bwhen\b", words.lower()) and persona.fact("onset"):
            # "How did it start, and when?": people answer both ("lifting a box this morning").
            return recommend(**{slot: value, "onset": persona.fact("onset")}) if value else recommend(
                onset=persona.fact("onset"))
        return recommend(**{slot: value}) if value else DONT_KNOW
    has_it = bool(signs_heard(persona, words))
    yes_means_has_it = _yes_means_has_it(question_id, _base_facts(persona))
    return YES if has_it == yes_means_has_it else NO


def _base_facts(persona: Persona) -> tuple[tuple[str, str], ...]:
    return tuple((slot, value) for slot in ("location", "onset", "cause", "condition")
                 if (value := persona.fact(slot)) is not None)


@cache
def _yes_means_has_it(question_id: str, facts: tuple[tuple[str, str], ...]) -> bool:
    """Asks the core which reply to this question makes the advice more cautious. Falls back to
    "yes means I have it" (except `_YES_IS_REASSURING`) when the core cannot say."""
    try:
        from heat_or_ice.core import (
            Answers,
            Cause,
            Condition,
            Location,
            Onset,
            QuestionId,
            Reply,
            apply_reply,
        )
        question = QuestionId(question_id)
        kinds = {"location": Location, "onset": Onset, "cause": Cause, "condition": Condition}
        own: dict[str, object] = {}
        for slot, value in facts:
            try:
                own[slot] = kinds[slot](value)
            except ValueError:
                pass  # a place the core does not cover
        bases = [
            Answers(**own),  # type: ignore[arg-type]
            Answers(location=Location.LOWER_BACK, cause=Cause.INJURY, onset=Onset.TODAY),
            Answers(location=Location.LOWER_BACK, cause=Cause.ACCIDENT, onset=Onset.DAYS),
            Answers(location=Location.NECK, cause=Cause.NO_CAUSE, onset=Onset.DAYS),
            Answers(location=Location.UPPER_BACK, cause=Cause.NO_CAUSE, onset=Onset.DAYS),
        ]
        for base in bases:
            after_yes = _caution(apply_reply(base, question, Reply.YES))
            after_no = _caution(apply_reply(base, question, Reply.NO))
            if after_yes != after_no:
                return after_yes > after_no
    except Exception:  # noqa: BLE001 - the core's API may move; the fallback below still answers
        return question_id not in _YES_IS_REASSURING
    return question_id not in _YES_IS_REASSURING


def _caution(answers: object) -> tuple[int, ...]:
    """How cautious the core's advice is for these answers (bigger is more cautious)."""
    from heat_or_ice.core import advise
    advice = advise(answers)  # type: ignore[arg-type]
    rank = {"CLINICIAN_NOW": 3, "CLINICIAN_TODAY": 2, "CLINICIAN_SOON": 1}.get(str(advice.action.value), 0)
    flags = getattr(advice, "red_flags", frozenset())
    tiers = [str(getattr(getattr(flag, "tier", None), "value", "")) for flag in flags]
    return (rank, tiers.count("A"), tiers.count("B"), len(flags),
            int(bool(getattr(answers, "skin_unsafe", False))),
            len(getattr(advice, "blocked", ())), len(getattr(answers, "unsure_red_flags", ())))
