"""Timed sessions on the loopback Alexa Timers API, reached through the request's apiEndpoint,
with Alexa's voice permission prompt answered through virtual-alexa."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.support.screened import seed_screened_episode
from tests.support.timers_server import FIRST_TEN_MINUTE_ICE_TIMER

TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
TEN_MINUTE_ICE_TIMER = FIRST_TEN_MINUTE_ICE_TIMER


@pytest.fixture(autouse=True)
def screened_earlier(alexa, sqlite_store):
    """The person answered the safety questions earlier in this episode (8.6)."""
    seed_screened_episode(sqlite_store, alexa.user_id, datetime.now(UTC))


def test_without_permission_the_skill_asks_for_it_and_creates_the_timer_once_accepted(alexa, timers_api):
    timers_api.fail("create", 401, times=1)  # the person has not granted timers yet

    # virtual-alexa hears "ten minutes"; the harness sends it as Alexa would: PT10M.
    alexa.say("start an ice session for ten minutes")
    assert "I need your permission to set timers" in alexa.speech
    assert not alexa.ended
    [ask_for] = alexa.last.directives
    assert ask_for["type"] == "Connections.SendRequest" and ask_for["name"] == "AskFor"
    assert ask_for["payload"]["permissionScope"] == TIMERS_SCOPE

    # Alexa asks the person itself; they say yes, and Alexa answers the skill.
    alexa.answer_permission("ACCEPTED")
    assert "Thanks." in alexa.speech
    assert "your 10 minute ice timer is running" in alexa.speech
    assert alexa.ended

    refused, created = timers_api.requests_to("create")
    assert created.body == refused.body == TEN_MINUTE_ICE_TIMER
    assert created.headers["authorization"] == f"Bearer {timers_api.token}"
    [timer] = timers_api.timers
    assert timer["timerLabel"] == "ice pack 1"


def test_a_second_session_right_after_is_refused_with_the_minutes_left(alexa, timers_api):
    alexa.say("start an ice session for ten minutes")
    assert "10 minute ice timer is running" in alexa.speech and alexa.ended

    alexa.say("start a heat session")  # a new session, seconds later
    # 10 minutes of ice still to run, then the 30-minute rest: the rest gap counts from the end.
    assert "Your skin needs a rest between sessions" in alexa.speech
    assert "You can start the next one in 40 minutes" in alexa.speech
    assert len(timers_api.requests_to("create")) == 1, "no timer for a refused session"

    alexa.say("yes please")  # to "Shall I set a timer for the end of the rest?"
    assert "I've set a timer for 40 minutes" in alexa.speech
    assert alexa.ended
    rest_timer = timers_api.requests_to("create")[-1].body
    assert rest_timer["duration"] == "PT40M"
    assert (
        "rest break from heat or ice is over"
        in rest_timer["triggeringBehavior"]["operation"]["textToAnnounce"][0]["text"]
    )
