"""Any envelope gets a spoken answer: session attributes nested hundreds or thousands deep, of the
wrong type, huge, or shaped like the skill's own but hostile; through the Lambda entry point and
through the local HTTP endpoint. (Session attributes 500 deep used to make lambda_handler raise:
the SDK deep-copies them recursively.)"""

from __future__ import annotations

import json
from typing import Any

import pytest

from heat_or_ice.skill.entry import MAX_ATTRIBUTE_DEPTH, handle_event
from heat_or_ice_web.app import create_app
from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session
from tests.robustness.alexa_contract import assert_valid_response
from tests.robustness.envelope_strategies import SKILL_ID, refusing_endpoint


def nested(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for level in range(depth):
        value = {"a": value} if level % 2 else [value]
    return value


HOSTILE_ATTRIBUTES = {
    "500 deep": {"dialog": nested(500)},
    "5,000 deep": {"x": nested(5000)},
    "just past the limit": {"x": nested(MAX_ATTRIBUTE_DEPTH + 1)},
    "a list": ["dialog", {"waiting": "QUESTION"}],
    "a string": "dialog",
    "a number": 12,
    "a wide dict": {f"key{n}": n for n in range(20_000)},
    "a huge string": {"dialog": {"waiting": "Q" * 200_000}},
    "the dialog state deep": {"dialog": {"waiting": "SKIN_CHECK", "modality": nested(600),
                                         "said": nested(600)}},
    "an episode deep": {"episode": {"location": nested(700), "answered": [nested(700)]}},
    "wrong types everywhere": {"dialog": {"waiting": 7, "misses": "x", "minutes": [1], "said": "abc"},
                               "episode": ["LOWER_BACK"], "erasures": "many", "last_said": 3},
    "huge numbers": {"dialog": {"minutes": 10**300, "misses": -10**300}, "erasures": 10**300},
    "waiting for a question that is not there": {"dialog": {"waiting": "QUESTION", "question": None}},
}


def event_with(attributes: Any, intent: str = "AMAZON.HelpIntent") -> dict:
    device = Device(application_id=SKILL_ID, api_endpoint=refusing_endpoint())
    session = Session()
    session.new = False
    event = EnvelopeBuilder(device).intent(session, intent, {})
    event["session"]["attributes"] = attributes
    return event


@pytest.mark.parametrize("intent", ["AMAZON.HelpIntent", "AMAZON.YesIntent", "AMAZON.FallbackIntent",
                                    "StartSessionIntent"])
@pytest.mark.parametrize("name", sorted(HOSTILE_ATTRIBUTES))
def test_the_lambda_entry_point_answers_hostile_session_attributes(fuzz_skill, name, intent):
    response = handle_event(fuzz_skill, event_with(HOSTILE_ATTRIBUTES[name], intent), None)
    assert_valid_response(response, "IntentRequest")
    json.dumps(response)  # and the answer itself serialises
    assert len(json.dumps(response.get("sessionAttributes") or {})) < 100_000, (
        "hostile data is not echoed back"
    )


def deep_body(depth: int) -> bytes:
    """An envelope whose session attributes nest `depth` lists deep, written as text (Python's
    json cannot encode what is that deep)."""
    text = json.dumps(event_with({"x": "DEEP"}))
    return text.replace('"DEEP"', "[" * depth + "1" + "]" * depth).encode()


@pytest.mark.parametrize("body", [
    pytest.param(deep_body(500), id="500 deep"),
    pytest.param(deep_body(900), id="900 deep"),
    pytest.param(json.dumps(event_with(HOSTILE_ATTRIBUTES["a list"])).encode(), id="a list"),
    pytest.param(json.dumps(event_with(HOSTILE_ATTRIBUTES["huge numbers"])).encode(), id="huge numbers"),
    pytest.param(json.dumps(event_with({f"key{n}": n for n in range(4000)})).encode(), id="a wide dict"),
])
def test_the_http_endpoint_answers_hostile_session_attributes(fuzz_skill, body):
    app = create_app(fuzz_skill, verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1")
    response = app.test_client().post("/", data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200, response.get_data()[:300]
    assert_valid_response(response.json, "IntentRequest")


def test_over_http_a_body_too_deep_to_decode_is_a_json_400_not_a_500(fuzz_skill):
    app = create_app(fuzz_skill, verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1")
    response = app.test_client().post(
        "/", data=deep_body(50_000), headers={"Content-Type": "application/json"}
    )
    assert (response.status_code, response.json["error"]) == (400, "malformed_request")


def test_an_event_nested_beyond_what_json_can_decode_still_gets_a_spoken_answer(fuzz_skill):
    event = event_with({})
    event["request"]["intent"]["slots"] = {"location": nested(100_000)}
    response = handle_event(fuzz_skill, event, None)
    assert response["response"]["outputSpeech"]["ssml"].startswith("<speak>")


def test_the_skills_own_attributes_survive_the_depth_check(fuzz_skill):
    own = {"dialog": {"waiting": "SESSION_OFFER", "modality": "ICE", "minutes": 10,
                      "said": ["session.cautions.ICE"]},
           "episode": {"location": "LOWER_BACK", "answered": ["URGENT_SIGNS"]}, "erasures": 1,
           "last_said": {"speech": "Shall I time ten minutes of ice?"}}
    response = handle_event(fuzz_skill, event_with(own, "AMAZON.RepeatIntent"), None)
    assert "ten minutes of ice" in response["response"]["outputSpeech"]["ssml"]
