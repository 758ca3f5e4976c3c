"""Answering the skill's questions in a conversation test, by what each question asks."""

from __future__ import annotations

from typing import Any

from tests.support.conversation import Conversation

SLOT_OF_QUESTION = {
    "LOCATION": "location", "LOCATION_AGAIN": "location", "ONSET": "onset", "CAUSE": "cause",
    "PREFERENCE": "preference",
}
# Questions whose reassuring answer is "yes" ("does it ease when you lie still and rest?").
REASSURED_BY_YES = frozenset({"EASES_WITH_REST", "SKIN_FEELS_NORMAL", "ACCIDENT_CHECKED"})


def pending_question(talk: Conversation) -> str | None:
    if talk.session is None:
        return None
    dialog = talk.session.attributes.get("dialog") or {}
    return dialog.get("question") if dialog.get("waiting") == "QUESTION" else None


def answer_questions(
    talk: Conversation, *, yes: tuple[str, ...] = (), no: tuple[str, ...] = (), limit: int = 12, **facts: Any
) -> list[str]:
    """Answers every question until advice is given: facts fill slot questions, `yes` and `no`
    name yes/no questions answered that way, every other one gets the reassuring answer ("no",
    or "yes" to "does it ease when you rest?"), and slot questions without a fact "I don't know".
    Returns the questions asked, in order; fails if the dialog does not end within `limit`."""
    asked = []
    for _ in range(limit):
        question = pending_question(talk)
        if question is None:
            return asked
        asked.append(question)
        slot = SLOT_OF_QUESTION.get(question)
        if slot is None:
            reassured = question in REASSURED_BY_YES and question not in no
            talk.yes() if question in yes or reassured else talk.no()
        elif slot in facts:
            talk.intent("RecommendIntent", **{slot: facts[slot]})
        else:
            talk.dont_know()
    raise AssertionError(f"the dialog kept asking: {asked}")
