"""One dialog state, one table of what short replies mean in it."""

from __future__ import annotations

import pytest

from heat_or_ice.core import Modality, QuestionId, StretchId
from heat_or_ice.skill import state as dialog_state
from heat_or_ice.skill.replies import ReplyHandler, Said
from heat_or_ice.skill.state import DialogState, Goal, StretchProgress, Waiting
from heat_or_ice.skill.timed_sessions import SessionCapability
from tests.support.conversation import Conversation


def test_the_state_survives_the_round_trip_through_the_session():
    state = DialogState(
        waiting=Waiting.STRETCH_NEXT,
        question=QuestionId.CAUSE,
        misses=1,
        modality=Modality.ICE,
        minutes=10,
        goal=Goal.STRETCH,
        stretch=StretchProgress((StretchId.KNEE_ROLLS, StretchId.PELVIC_TILT), index=1, side=1, rep=2,
                                hold=10),
        said=frozenset({"sympathy", "BARRIER"}),
        permission_asked=True,
    )
    session: dict = {}
    dialog_state.write(session, state)
    assert dialog_state.read(session) == state


@pytest.mark.parametrize(
    "stored",
    [
        "garbage",
        {"waiting": "DANCING"},
        {"waiting": "QUESTION", "question": "WHAT_IS_LOVE", "misses": 10**9},
        {"waiting": "STRETCH_NEXT",
         "stretch": {"ids": ["KNEE_ROLLS"], "index": 5, "side": 0, "rep": 1, "hold": 30}},
        {"waiting": "SESSION_OFFER", "modality": ["ICE"], "minutes": True, "said": "x" * 10_000},
    ],
)
def test_a_damaged_state_is_dropped_field_by_field_never_trusted(stored):
    state = dialog_state.read({"dialog": stored})
    assert state.misses <= dialog_state.MAX_MISSES
    assert state.stretch is None
    assert state.minutes is None
    assert state.question is None or isinstance(state.question, QuestionId)


def test_every_state_has_a_meaning_for_every_short_reply():
    table = ReplyHandler(SessionCapability()).meanings
    assert set(table) == set(Waiting)
    for waiting, meanings in table.items():
        assert set(meanings) == set(Said), waiting


def test_yes_means_what_the_last_question_asked(talk: Conversation):
    talk.intent("ForgetMeIntent")
    assert talk.session.attributes["dialog"]["waiting"] == "FORGET_CONFIRM"
    talk.no()
    assert "haven't deleted" in talk.speech
    talk.intent("StretchIntent", location="LOWER_BACK")
    dialog = talk.session.attributes["dialog"]
    assert dialog["waiting"] == "QUESTION" and dialog["goal"] == "STRETCH"
    talk.yes()  # a yes to a safety question is an answer, never the acceptance of some offer
    assert talk.session.attributes["dialog"]["question"] == "SADDLE_NUMBNESS", "which one?"
    talk.yes()
    assert talk.ended and "nine one one" in talk.speech and "stretch" not in talk.speech.lower()
