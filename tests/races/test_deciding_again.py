"""When the record changed under a request, the request is decided again on the fresh record, at
most three times, and the person is told if it still could not be saved; nothing outside (a
timer) happens twice."""

from __future__ import annotations

from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

from heat_or_ice.adapters import SqlitePersistenceAdapter, VersionConflict
from heat_or_ice.skill.attempts import MAX_ATTEMPTS
from heat_or_ice.skill.builder import build_skill
from tests.support import envelope_for
from tests.support.conversation import Conversation
from tests.support.screened import FRESH_INJURY, seed_screened_episode

COULDNT_SAVE = "couldn't save that"


class ChangingUnderneath(AbstractPersistenceAdapter):
    """The real store, where another device writes just before each of the next `times` saves
    (so they conflict), after the first `spare` saves of the request went through."""

    def __init__(self, inner: SqlitePersistenceAdapter):
        self.inner = inner
        self.times = 0
        self.spare = 0
        self.gets = 0
        self.saves: list[str] = []

    def get_attributes(self, request_envelope: Any) -> dict:
        self.gets += 1
        return self.inner.get_attributes(request_envelope)

    def save_attributes(self, request_envelope: Any, attributes: dict) -> None:
        envelope = request_envelope
        if self.spare:
            self.spare -= 1
        elif self.times:
            self.times -= 1
            other = self.inner.get_attributes(envelope)  # another device's write lands first
            self.inner.save_attributes(envelope, other)
        try:
            self.inner.save_attributes(envelope, attributes)
        except VersionConflict:
            self.saves.append("conflict")
            raise
        self.saves.append("ok")

    def delete_attributes(self, request_envelope: Any) -> None:
        self.inner.delete_attributes(request_envelope)


@pytest.fixture
def store(tmp_path):
    inner = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    yield ChangingUnderneath(inner)
    inner.close()


@pytest.fixture
def talk(store, timers_api):
    talk = Conversation(build_skill(persistence_adapter=store), api_endpoint=timers_api.endpoint,
                        api_access_token=timers_api.token)
    seed_screened_episode(store.inner, talk.device.user_id, talk.now, FRESH_INJURY)
    return talk


def stored(store: ChangingUnderneath, talk: Conversation) -> dict:
    return store.inner.get_attributes(envelope_for(talk.device.user_id, talk.now))


def test_a_save_that_meets_a_changed_record_is_decided_again_and_lands(store, talk):
    store.times = 1
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    assert "made it worse" in talk.speech and COULDNT_SAVE not in talk.speech
    assert store.saves == ["conflict", "ok"] and store.gets == 2
    assert [o["outcome"] for o in stored(store, talk)["outcomes"]] == ["WORSE"]


def test_a_record_that_keeps_changing_is_tried_three_times_then_the_person_is_told(store, talk):
    store.times = MAX_ATTEMPTS
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    assert "made it worse" in talk.speech and COULDNT_SAVE in talk.speech
    assert store.saves == ["conflict"] * MAX_ATTEMPTS and store.gets == MAX_ATTEMPTS


def test_a_session_that_cannot_be_reserved_starts_no_timer_and_says_so(store, talk, timers_api):
    store.times = MAX_ATTEMPTS
    talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "another of your devices" in talk.speech and "timer is running" not in talk.speech
    assert not timers_api.requests_to("create")
    assert not stored(store, talk).get("sessions")


def test_when_only_the_timers_id_meets_a_changed_record_the_timer_is_not_created_twice(
        store, talk, timers_api):
    store.spare, store.times = 1, 1  # the reservation lands; the write of the timer's id conflicts
    talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "10 minute ice timer is running" in talk.speech
    assert store.saves == ["ok", "conflict", "ok"]
    [timer] = timers_api.timers
    assert len(timers_api.requests_to("create")) == 1
    [session] = stored(store, talk)["sessions"]
    assert session["timer_id"] == timer["id"] and session["self_timed"] is False
