"""Every request is answered within Alexa's 8 seconds, however slow the store and the Timers API.

Two kinds of slowness: a Timers API that really trickles its answer a byte at a time (a read
timeout restarts with every byte; the call's own deadline does not), and a store whose calls
are made to take seconds on the request's injected clock (real time plus what the store is
said to have taken), so the budget is measured on the same clock the skill's deadline uses.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

from heat_or_ice.adapters import (
    LazyApiClient,
    SqlitePersistenceAdapter,
    TimerError,
    TimerErrorKind,
    TimerSpec,
    deadline,
)
from heat_or_ice.adapters.deadline import (
    ALEXA_ANSWER_SECONDS,
    REQUEST_BUDGET_SECONDS,
    Deadline,
    request_deadline,
)
from heat_or_ice.skill.builder import build_skill
from heat_or_ice.skill.entry import read_envelope, respond
from tests.adapters.test_timers import alexa_timers
from tests.support import envelope_for
from tests.support.conversation import MORNING, Conversation, speech_text
from tests.support.screened import FRESH_INJURY, seed_screened_episode

SPEC = TimerSpec(timedelta(minutes=10), "ice pack 1", "Time to take the ice pack off.", "en-US")


class InjectedClock:
    """Monotonic time plus whatever the slow parts are said to have taken."""

    def __init__(self) -> None:
        self.taken = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.taken


class SlowStore(AbstractPersistenceAdapter):
    """The real store, each call taking `seconds` more on the injected clock: a store whose
    calls take that long at worst, so, like the real adapters, it is only called when that much
    of the request's budget is left."""

    def __init__(self, inner: AbstractPersistenceAdapter, clock: InjectedClock, seconds: float):
        self.inner, self.clock, self.seconds = inner, clock, seconds
        self.calls: list[str] = []

    def _slowly(self, what: str, action: Any) -> Any:
        deadline.require(self.seconds, what)
        self.clock.taken += self.seconds
        result = action()
        self.calls.append(what)
        return result

    def get_attributes(self, request_envelope: Any) -> dict:
        return self._slowly("get", lambda: self.inner.get_attributes(request_envelope))

    def save_attributes(self, request_envelope: Any, attributes: dict) -> None:
        self._slowly("save", lambda: self.inner.save_attributes(request_envelope, attributes))

    def delete_attributes(self, request_envelope: Any) -> None:
        self._slowly("delete", lambda: self.inner.delete_attributes(request_envelope))


# -- One outside call ---------------------------------------------------------------------------
def test_a_timers_api_trickling_its_answer_is_cut_off_at_the_calls_deadline(timers_api):
    timers_api.trickle("create", interval=0.3)  # ~300 bytes: a minute and a half of answer
    timers = alexa_timers(timers_api, api_client=LazyApiClient(connect_timeout=1.0, call_timeout=1.5))
    started = time.monotonic()
    with pytest.raises(TimerError) as failure:
        timers.create(SPEC)
    elapsed = time.monotonic() - started
    assert failure.value.kind is TimerErrorKind.TIMEOUT
    assert elapsed < 1.5 + 0.5, f"the call took {elapsed:.1f} s past its 1.5 s deadline"


def test_a_call_gets_only_what_is_left_of_the_requests_budget(timers_api):
    timers_api.hang("create")
    timers = alexa_timers(timers_api)  # its own deadline: 2.5 s
    clock = InjectedClock()
    with request_deadline(Deadline.after(REQUEST_BUDGET_SECONDS, clock)):
        clock.taken = REQUEST_BUDGET_SECONDS - 0.4  # the request has used all but 0.4 s
        started = time.monotonic()
        with pytest.raises(TimerError) as failure:
            timers.create(SPEC)
        waited = time.monotonic() - started
    assert failure.value.kind is TimerErrorKind.TIMEOUT
    assert waited < 0.4 + 0.5


def test_with_no_time_left_the_timers_api_is_not_called(timers_api):
    timers = alexa_timers(timers_api)
    clock = InjectedClock()
    with request_deadline(Deadline.after(1.0, clock)):
        clock.taken = 1.0
        with pytest.raises(TimerError):
            timers.create(SPEC)
    assert timers_api.requests == []


# -- A whole request ------------------------------------------------------------------------------
def start_ice_envelope(skill: Any, timers_api: Any, user: str) -> Any:
    talk = Conversation(
        skill, user_id=user, api_endpoint=timers_api.endpoint, api_access_token=timers_api.token
    )
    event = talk.envelopes.intent(talk._session(), "StartSessionIntent", {})
    event["request"]["intent"]["slots"] = {
        "modality": {"name": "modality", "value": "ice", "resolutions": {"resolutionsPerAuthority": [{
            "authority": "amzn1.er-authority.echo-sdk.x.Modality", "status": {"code": "ER_SUCCESS_MATCH"},
            "values": [{"value": {"name": "ice", "id": "ICE"}}]}]}},
        "duration": {"name": "duration", "value": "PT10M"},
    }
    return read_envelope(skill, event)


@pytest.mark.parametrize("store_seconds", [1.0, 2.5, 3.5, 6.0])
def test_slow_store_and_trickling_timers_api_the_answer_still_comes_within_8_seconds(tmp_path, timers_api,
                                                                                      store_seconds):
    timers_api.trickle("create", interval=0.5)
    clock = InjectedClock()
    inner = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    user = "amzn1.ask.account.slow"
    seed_screened_episode(inner, user, MORNING, FRESH_INJURY)
    store = SlowStore(inner, clock, store_seconds)
    skill = build_skill(persistence_adapter=store)
    envelope = start_ice_envelope(skill, timers_api, user)

    started = clock()
    answer = respond(skill, envelope, clock=clock)
    elapsed = clock() - started

    said = speech_text(answer["response"]["outputSpeech"]["ssml"])
    assert elapsed <= ALEXA_ANSWER_SECONDS, f"answered after {elapsed:.1f} s on the request's clock"
    stored = inner.get_attributes(envelope_for(user, envelope.request.timestamp))
    if "save" in store.calls:  # the session was reserved: it counts, and the person times it
        assert "taking too long" in said and "10 minutes of ice" in said, said
        assert [s["self_timed"] for s in stored["sessions"]] == [True]
    else:  # no time to record a session: none is started, and the person is told why
        assert "can't reach your history of sessions" in said or "can't check" in said, said
        assert not stored.get("sessions")
    inner.close()


def test_a_store_too_slow_to_read_gives_no_timed_session_and_says_why(tmp_path, timers_api):
    clock = InjectedClock()
    inner = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    seed_screened_episode(inner, "amzn1.ask.account.slower", MORNING, FRESH_INJURY)
    skill = build_skill(persistence_adapter=SlowStore(inner, clock, REQUEST_BUDGET_SECONDS + 1))
    envelope = start_ice_envelope(skill, timers_api, "amzn1.ask.account.slower")
    answer = respond(skill, envelope, clock=clock)
    said = speech_text(answer["response"]["outputSpeech"]["ssml"])
    assert "history of sessions" in said and "timer is running" not in said
    assert timers_api.requests == []
    inner.close()
