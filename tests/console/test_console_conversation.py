"""Conversations through the console, as a person would have them, with a clock the test moves.

The fixture skill runs behind the project's flask-ask-sdk app on loopback, its timers on the local
HTTPS Timers API; each test reads what the console printed and the envelopes it sent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from heat_or_ice_web.console import CONSOLE_DEVICE_ID, CONSOLE_USER_ID, Options, open_console
from heat_or_ice_web.console_alexa import LocalAlexa, SkillCallFailed
from heat_or_ice_web.envelopes import TIMERS_SCOPE, Device, EnvelopeBuilder
from tests.console import fixture_skill
from tests.console.conftest import FIXTURE_MODEL

MORNING = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = MORNING

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **how_long: float) -> None:
        self.now += timedelta(**how_long)


class Talk:
    """Says lines to a console and keeps what it printed and the requests it sent."""

    def __init__(self, console, printed: list[str]):
        self.console, self.printed = console, printed
        self.requests: list[dict] = []
        console.alexa.trace = lambda request, response: self.requests.append(request)

    def say(self, line: str) -> str:
        start = len(self.printed)
        self.console.hear(line)
        return "\n".join(self.printed[start:])

    @property
    def last_request(self) -> dict:
        return self.requests[-1]["request"]

    @property
    def last_session(self) -> dict:
        return self.requests[-1]["session"]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def talk(clock):
    printed: list[str] = []
    options = Options(model=FIXTURE_MODEL, check_timestamps=False)
    with open_console(options, clock=clock, out=printed.append, skill=fixture_skill.build_skill()) as console:
        yield Talk(console, printed)


def test_the_skill_is_served_over_http_with_signature_checks_off_said_once(talk):
    startup = "\n".join(talk.printed)
    assert startup.count("Signature verification is OFF") == 1 and "127.0.0.1" in startup


def test_open_the_skill_and_be_welcomed_in_a_new_session(talk, clock):
    said = talk.say("open heat or ice")
    assert "Alexa: Welcome to Heat or Ice Coach." in said
    assert talk.last_request["type"] == "LaunchRequest" and talk.last_session["new"] is True
    assert talk.last_request["timestamp"] == "2026-03-02T08:00:00Z"
    # The same person on the same device every run, so the skill's stored memory is found again.
    system = talk.requests[-1]["context"]["System"]
    assert (system["user"]["userId"], system["device"]["deviceId"]) == (CONSOLE_USER_ID, CONSOLE_DEVICE_ID)


def test_a_slot_question_is_answered_and_session_attributes_come_back(talk):
    talk.say("open heat or ice")
    assert "Where does it hurt" in talk.say("should I use heat or ice")
    assert "Where does it hurt" in talk.say("my knee")  # not a place the skill knows: asked again
    knee = talk.last_request["intent"]["slots"]["location"]
    assert knee["resolutions"]["resolutionsPerAuthority"][0]["status"]["code"] == "ER_SUCCESS_NO_MATCH"
    assert talk.last_request["dialogState"] == "IN_PROGRESS"
    said = talk.say("lower back")
    assert "Alexa: For your lower back, use heat. [pause 10s] Visits so far: 1." in said
    assert "[card] Heat or Ice: Use heat. / Wrap it in a towel." in said
    assert talk.last_session == {**talk.last_session, "new": False, "attributes": {"visits": 1}}


def test_asking_for_timer_permission_then_the_timer_goes_off_when_the_clock_gets_there(talk, clock):
    talk.say("should I use heat or ice for my neck")
    question = talk.say("yes")
    assert "Do you give Heat or Ice permission to use timers? Say 'I approve' or 'no'." in question
    said = talk.say("I approve")
    answer = talk.last_request
    assert (
        answer["type"] == "Connections.Response" and answer["name"] == "AskFor" and answer["token"] == "timer"
    )
    assert answer["payload"] == {"permissionScope": TIMERS_SCOPE, "status": "ACCEPTED", "isCardThrown": False}
    assert TIMERS_SCOPE in talk.requests[-1]["context"]["System"]["user"]["permissions"]["scopes"]
    assert "Starting your heat session" in said and "[timer set: 15 minutes (heat)]" in said
    assert "[session ended]" in said
    start = len(talk.printed)
    clock.advance(minutes=14)
    talk.console.check_timers()
    assert talk.printed[start:] == []
    clock.advance(minutes=1)
    talk.console.check_timers()
    assert talk.printed[start:] == ["[timer] Time to take the heat off."]


def test_saying_no_to_the_permission_question_is_denied(talk):
    talk.say("start a heat session for ten minutes")
    said = talk.say("no")
    assert talk.last_request["payload"]["status"] == "DENIED"
    assert "Okay, no timer then." in said


def test_a_delegated_dialog_is_asked_from_the_model_prompts(talk):
    assert "Alexa: Heat or ice?" in talk.say("start a session for twenty minutes")
    talk.say("cold")
    request = talk.last_request
    assert request["dialogState"] == "IN_PROGRESS"
    assert request["intent"]["slots"]["modality"]["resolutions"]["resolutionsPerAuthority"][0]["values"][
        0
    ] == {"value": {"name": "ice", "id": "ICE"}}
    assert request["intent"]["slots"]["duration"]["value"] == "PT20M"


def test_a_delegated_dialog_with_nothing_to_ask_is_sent_back_completed(talk):
    said = talk.say("show me three stretches")
    assert talk.requests[-2]["request"]["dialogState"] == "STARTED"
    assert talk.last_request["dialogState"] == "COMPLETED"
    assert "Here come 3 stretches." in said


def test_silence_repeats_the_reprompt_once_then_ends_the_session(talk):
    talk.say("open heat or ice")
    assert "Alexa: Heat or ice: what would you like to know?" in talk.say("")
    assert "[session ended]" in talk.say("")
    assert talk.last_request == {
        **talk.last_request,
        "type": "SessionEndedRequest",
        "reason": "EXCEEDED_MAX_REPROMPTS",
    }


def test_stop_says_goodbye_and_the_next_line_starts_a_new_session(talk):
    talk.say("open heat or ice")
    first_session = talk.last_session["sessionId"]
    said = talk.say("stop")
    assert "Alexa: Goodbye." in said and "[session ended]" in said
    talk.say("should I use heat or ice")
    assert talk.last_session["new"] is True and talk.last_session["sessionId"] != first_session


def test_exit_ends_the_session_with_session_ended_request(talk):
    talk.say("open heat or ice")
    assert "[session ended]" in talk.say("exit")
    assert (
        talk.last_request["type"] == "SessionEndedRequest" and talk.last_request["reason"] == "USER_INITIATED"
    )


def test_a_skill_that_cannot_answer_is_reported_like_a_device_would(fixture_nlu):
    def broken(envelope: dict) -> dict:
        raise SkillCallFailed("HTTP 500: boom")

    alexa = LocalAlexa(fixture_nlu, broken, EnvelopeBuilder(Device()), skill_name="Heat or Ice")
    said = [item.text for item in alexa.hear("open heat or ice")]
    assert said == [
        "There was a problem with the requested skill's response.",
        "[skill error] HTTP 500: boom",
        "[session ended]",
    ]
    assert alexa.session is None
