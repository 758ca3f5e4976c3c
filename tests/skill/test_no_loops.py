"""No question is ever asked a third time in a row, whatever the person replies.

Every question of the policy is driven with replies that cannot fill it: the elicited slot coming
back empty, a fallback, "either", an off-topic intent. After one plain re-ask the conversation
moves on by the question's rule (see `core.questions`), and ends in advice or care.
"""

from __future__ import annotations

from typing import Any

import pytest

from heat_or_ice.core.model import QuestionId
from heat_or_ice.core.questions import QUESTION_POLICY, SLOTS
from tests.skill.screening import pending_question
from tests.support.conversation import Conversation

# Openings that between them reach every question of the policy, with the questions answered the
# worrying way to get there (a yes to a combined question is followed by asking which one; a no to
# "has a doctor checked it?" by asking whether it was recent).
OPENINGS: tuple[tuple[dict[str, Any], frozenset[str]], ...] = (
    ({}, frozenset()),
    ({"location": "LOWER_BACK"}, frozenset()),
    ({"location": "LOWER_BACK", "cause": "INJURY", "onset": "TODAY"}, frozenset()),
    ({"location": "LOWER_BACK", "cause": "INJURY", "onset": "TODAY"}, frozenset({"LOWER_TIER_A"})),
    ({"location": "LOWER_BACK", "cause": "INJURY", "onset": "TODAY"}, frozenset({"URGENT_OR_FRAGILE"})),
    ({"location": "LOWER_BACK", "cause": "INJURY", "onset": "TODAY", "preference": "HEAT"}, frozenset()),
    ({"location": "LOWER_BACK", "cause": "INJURY"}, frozenset()),
    ({"location": "LOWER_BACK", "cause": "ACCIDENT", "onset": "DAYS"}, frozenset()),
    ({"location": "LOWER_BACK", "cause": "ACCIDENT", "onset": "WEEKS"}, frozenset()),
    ({"location": "LOWER_BACK", "cause": "ACCIDENT", "onset": "WEEKS"}, frozenset({"ACCIDENT_CHECKED"})),
    ({"location": "LOWER_BACK", "onset": "MONTHS"}, frozenset()),
    ({"location": "LOWER_BACK", "onset": "MONTHS", "cause": "NO_CAUSE"}, frozenset()),
    ({"location": "UPPER_BACK", "cause": "NO_CAUSE", "onset": "DAYS"}, frozenset()),
    ({"location": "UPPER_BACK", "cause": "ACCIDENT", "onset": "DAYS"}, frozenset()),
    ({"location": "NECK", "cause": "NO_CAUSE", "onset": "TODAY"}, frozenset()),
    ({"location": "LEG", "onset": "WEEKS"}, frozenset()),
    ({"location": "LEG", "symptom": "NUMBNESS"}, frozenset()),
    ({"location": "KNEE"}, frozenset()),
)
CLEAR_ANSWERS = {"location": "LOWER_BACK", "onset": "DAYS", "cause": "NO_CAUSE", "preference": "HEAT"}
REASSURED_BY_YES = frozenset(
    {"UPPER_BACK_MUSCULAR", "EASES_WITH_REST", "SKIN_FEELS_NORMAL", "ACCIDENT_CHECKED"}
)
# Kept only so that a question pending from an earlier version is understood; never asked now.
NEVER_ASKED = frozenset({"EASES_WITH_REST"})


def _unfillable(talk: Conversation, question: str, attempt: int) -> None:
    if question in {q.value for q in SLOTS}:
        if attempt == 0:
            talk.intent("RecommendIntent")  # the elicited slot came back empty
        else:
            talk.intent("AMAZON.FallbackIntent")
    elif attempt == 0:
        talk.intent("AMAZON.FallbackIntent")
    else:
        talk.intent("AMAZON.NextIntent")  # an intent that answers nothing here


def _clear(talk: Conversation, question: str, worried: frozenset[str]) -> None:
    slot = SLOTS.get(QuestionId(question))
    if slot is None:
        talk.yes() if (question in worried) != (question in REASSURED_BY_YES) else talk.no()
    else:
        talk.intent("RecommendIntent", **{slot[0]: CLEAR_ANSWERS[slot[0]]})


def _drive(
    skill, opening: dict[str, Any], worried: frozenset[str], stubborn_on: str
) -> tuple[list[str], bool]:
    """Answers clearly, except `stubborn_on`, which only ever gets replies that can't fill it."""
    talk = Conversation(skill)
    talk.intent("RecommendIntent", **opening)
    asked: list[str] = []
    misses = 0
    for _ in range(25):
        question = pending_question(talk)
        if question is None:
            return asked, True
        asked.append(question)
        if question == stubborn_on:
            _unfillable(talk, question, misses % 2)
            misses += 1
        else:
            _clear(talk, question, worried)
    return asked, False


def _longest_run(asked: list[str]) -> int:
    longest, run = 0, 0
    for i, question in enumerate(asked):
        run = run + 1 if i and asked[i - 1] == question else 1
        longest = max(longest, run)
    return longest


POLICY_QUESTIONS = [
    "LOCATION",
    "LOCATION_AGAIN",
    *(ask.id.value for ask in QUESTION_POLICY if ask.id.value not in NEVER_ASKED),
]


@pytest.mark.parametrize("question", POLICY_QUESTIONS)
def test_a_question_that_gets_no_usable_reply_is_asked_at_most_twice_and_the_talk_moves_on(skill, question):
    reached = False
    for opening, worried in OPENINGS:
        asked, finished = _drive(skill, opening, worried, question)
        if question not in asked:
            continue
        reached = True
        assert finished, f"{opening}: the dialog never ended: {asked}"
        assert _longest_run(asked) <= 2, f"{opening}: asked three times in a row: {asked}"
        assert asked.count(question) <= 2, f"{opening}: {question} came back later: {asked}"
    assert reached, f"no opening reaches {question}; add one"
