"""Answering the skill's yes/no safety questions by what the person hears, not by session state.

The words come from the skill's own catalogue, so a reworded question needs no test change;
the order they come in is the skill's business, which is why conversations use this helper
where the order is not the point of the test.
"""

from __future__ import annotations

from heat_or_ice.skill.speech import Speech
from tests.support.virtual_alexa import VirtualAlexa

_EN_US = Speech("en-US")
YES_NO_QUESTIONS = {
    question: _EN_US.say(f"question.{question}")
    for question in (
        "LOWER_TIER_A", "SADDLE_NUMBNESS", "BLADDER_BOWEL", "BOTH_LEGS", "CHEST_PAIN", "NECK_DANGER_SIGNS",
        "UPPER_BACK_MUSCULAR", "URGENT_SIGNS", "URGENT_OR_FRAGILE", "FRAGILE_BONES", "SWELLING",
        "ACCIDENT_RECENT_UNCHECKED", "ACCIDENT_CHECKED", "SKIN_FEELS_NORMAL",
    )
}
# Questions whose reassuring answer is "yes" ("does the skin there feel normal?").
REASSURED_BY_YES = frozenset({"UPPER_BACK_MUSCULAR", "SKIN_FEELS_NORMAL", "ACCIDENT_CHECKED"})
MAX_QUESTIONS = 12  # more than the dialog can ask in one go; a loop is a bug, not a long dialog


def safety_question_in(speech: str) -> str | None:
    """Which yes/no safety question the skill just asked, if any."""
    return next((question for question, words in YES_NO_QUESTIONS.items() if words in speech), None)


def answer_no_to_safety_questions(alexa: VirtualAlexa, *, yes: tuple[str, ...] = ()) -> list[str]:
    """Gives the reassuring answer ("no", or "yes" to "does it feel like a sore muscle?"), or
    "yes" to the questions named in `yes`, while the skill asks yes/no safety questions; stops at
    anything else (advice, a "where" or "when" question). Returns the questions heard, in order."""
    heard: list[str] = []
    while (question := safety_question_in(alexa.speech)) is not None and not alexa.ended:
        heard.append(question)
        if len(heard) > MAX_QUESTIONS:
            raise AssertionError(f"the skill kept asking: {heard}")
        alexa.say("yes" if question in yes or question in REASSURED_BY_YES else "no")
    return heard
