"""Every request through `lambda_handler` gets a valid, spoken answer (or none where Alexa wants none)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from heat_or_ice.skill.entry import OtherSkillRequest
from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session
from tests.support.conversation import MORNING, speech_text

MODEL = Path(__file__).resolve().parents[2] / "skill-package" / "interactionModels" / "custom" / "en-US.json"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"


@pytest.fixture
def lambda_handler(tmp_path, monkeypatch):
    monkeypatch.delenv("DYNAMODB_TABLE", raising=False)
    monkeypatch.setenv("SKILL_DB_PATH", str(tmp_path / "lambda.sqlite3"))
    monkeypatch.setenv("SKILL_ID", SKILL_ID)
    module = importlib.import_module("lambda_function")
    monkeypatch.setattr(module, "_skill", None)  # built again from this test's environment
    return module.lambda_handler


@pytest.fixture
def envelopes():
    return EnvelopeBuilder(Device(application_id=SKILL_ID), clock=lambda: MORNING)


def _intent_names() -> list[str]:
    model = json.loads(MODEL.read_text())["interactionModel"]["languageModel"]
    return [intent["name"] for intent in model["intents"]]


def assert_spoken(response: dict) -> str:
    assert response["version"] == "1.0"
    speech = response["response"]["outputSpeech"]
    assert speech["type"] == "SSML" and speech["ssml"].startswith("<speak>")
    text = speech_text(speech["ssml"])
    assert text and len(speech["ssml"]) < 8000
    return text


@pytest.mark.parametrize("intent_name", _intent_names())
def test_every_intent_without_slots_gets_a_spoken_answer(lambda_handler, envelopes, intent_name):
    response = lambda_handler(envelopes.intent(Session(), intent_name), None)
    assert_spoken(response)


@pytest.mark.parametrize("intent_name", _intent_names())
def test_every_intent_mid_dialog_gets_a_spoken_answer(lambda_handler, envelopes, intent_name):
    session = Session()
    first = lambda_handler(envelopes.launch(session), None)
    session.new, session.attributes = False, first.get("sessionAttributes") or {}
    assert_spoken(lambda_handler(envelopes.intent(session, intent_name), None))


def test_an_unknown_intent_gets_a_helpful_answer(lambda_handler, envelopes):
    text = assert_spoken(lambda_handler(envelopes.intent(Session(), "OrderPizzaIntent"), None))
    assert "should I use heat or ice" in text


def test_launch_and_session_end(lambda_handler, envelopes):
    assert "Welcome" in assert_spoken(lambda_handler(envelopes.launch(Session()), None))
    ended = lambda_handler(envelopes.session_ended(Session(new=False)), None)
    assert "outputSpeech" not in ended["response"]


@pytest.mark.parametrize(
    "request_type", ["Alexa.Presentation.APL.UserEvent", "CanFulfillIntentRequest", "Some.Future.Request"]
)
def test_odd_request_types_get_a_spoken_answer(lambda_handler, envelopes, request_type):
    event = envelopes.launch(Session())
    event["request"]["type"] = request_type
    assert_spoken(lambda_handler(event, None))


@pytest.mark.parametrize("request_type", ["AudioPlayer.PlaybackStarted", "System.ExceptionEncountered"])
def test_requests_that_must_not_be_spoken_to_get_an_empty_response(lambda_handler, envelopes, request_type):
    event = envelopes.launch(Session())
    event["request"]["type"] = request_type
    response = lambda_handler(event, None)
    assert "outputSpeech" not in response["response"]


@pytest.mark.parametrize(
    "event",
    [
        None,
        "not an envelope",
        {},
        {"version": "1.0"},
        {"version": "1.0", "request": "LaunchRequest"},
        {"version": "1.0", "request": {"type": "IntentRequest", "intent": "RecommendIntent"}},
        {"version": "1.0", "request": {"type": "LaunchRequest", "timestamp": "yesterday"}},
        {"version": "1.0", "request": {"type": "LaunchRequest", "locale": "en-GB"}},
    ],
)
def test_malformed_envelopes_get_a_spoken_answer(lambda_handler, event):
    assert "understand" in assert_spoken(lambda_handler(event, None))


def test_broken_session_attributes_are_survived(lambda_handler, envelopes):
    session = Session(new=False, attributes={"dialog": "garbage", "last_said": 7, "episode": "x"})
    for name in ("AMAZON.YesIntent", "AMAZON.RepeatIntent", "AMAZON.HelpIntent", "AMAZON.FallbackIntent"):
        assert_spoken(lambda_handler(envelopes.intent(session, name), None))


def test_a_request_for_another_skill_is_rejected(lambda_handler):
    other = EnvelopeBuilder(Device(application_id="amzn1.ask.skill.someone-else"), clock=lambda: MORNING)
    with pytest.raises(OtherSkillRequest):
        lambda_handler(other.launch(Session()), None)
