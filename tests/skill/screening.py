"""Answering the skill's questions in a conversation test, by what each question asks."""

from __future__ import annotations

from typing import Any

from tests.support.conversation import Conversation

SLOT_OF_QUESTION = {"LOCATION": "location", "ONSET": "onset", "CAUSE": "cause", "PREFERENCE": "preference"}


def pending_question(talk: Conversation) -> str | None:
    if talk.session is None:
        return None
    dialog = talk.session.attributes.get("dialog") or {}
    return dialog.get("question") if dialog.get("waiting") == "QUESTION" else None


def answer_questions(talk: Conversation, *, yes: tuple[str, ...] = (), limit: int = 12, **facts: Any) -> list[str]:
    """Answers every question until advice is given: facts fill slot questions, `yes` names the
    yes/no questions to answer yes, every other question gets "no" (or "I don't know").
    Returns the questions asked, in order; fails if the dialog does not end within `limit`."""
    asked = []
    for _ in range(limit):
        question = pending_question(talk)
        if question is None:
            return asked
        asked.append(question)
        slot = SLOT_OF_QUESTION.get(question)
        if slot is None:
            talk.yes() if question in yes else talk.no()
        elif slot in facts:
            talk.intent("RecommendIntent", **{slot: facts[slot]})
        else:
            talk.dont_know()
    raise AssertionError(f"the dialog kept asking: {asked}")
