"""A person already screened in this episode (8.6), for tests about what comes after screening:
every screening question answered with its reassuring reply, and the skin where the pack will
go feels normal. The core decides which questions those are; the answers go into the store as
the skill itself would save them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from heat_or_ice.core import (
    Answers,
    Cause,
    Location,
    Onset,
    Purpose,
    QuestionId,
    Reply,
    apply_reply,
    screening_needed,
)
from heat_or_ice.core.screening import WORRYING_REPLY
from heat_or_ice.skill.profile import Profile
from tests.support import envelope_for

CHRONIC = {"location": Location.LOWER_BACK, "onset": Onset.WEEKS, "cause": Cause.NO_CAUSE}  # heat or ice
FRESH_INJURY = {"location": Location.LOWER_BACK, "onset": Onset.TODAY, "cause": Cause.INJURY}  # ice


def screened_answers(facts: dict[str, Any] = CHRONIC, *, skin_checked: bool = True) -> Answers:
    answers = Answers(**facts)
    while (question := screening_needed(answers, Purpose.SESSION)) is not None:
        worrying = WORRYING_REPLY.get(question.id, Reply.YES)
        answers = apply_reply(answers, question.id, Reply.NO if worrying is Reply.YES else Reply.YES)
    if skin_checked:
        answers = apply_reply(answers, QuestionId.SKIN_FEELS_NORMAL, Reply.YES)
    if facts.get("cause") is Cause.INJURY:
        answers = apply_reply(answers, QuestionId.SWELLING, Reply.NO)
    return answers


def seed_screened_episode(store: Any, user_id: str, now: datetime, facts: dict[str, Any] = CHRONIC, *,
                          skin_checked: bool = True) -> None:
    """Saves the episode of a screened person over whatever `store` holds for them."""
    envelope = envelope_for(user_id, now)
    current = store.get_attributes(envelope)
    profile = Profile.from_attributes(current, now)
    profile.remember_answers(screened_answers(facts, skin_checked=skin_checked), now)
    store.save_attributes(envelope, profile.to_attributes(now))
