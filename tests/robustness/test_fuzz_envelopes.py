"""Thousands of generated and broken request envelopes, straight into the skill.

Whatever arrives, `handle_event` (and `lambda_handler`, the same path on Lambda) answers with a
valid response: no exception escapes (except OtherSkillRequest for another skill's application
id, by design), the SSML parses as XML, stays under 8,000 characters and holds no element the
skill did not write, so nothing a person said can turn into markup.

The last tests pin findings the fuzzing made, now fixed, so they stay fixed.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heat_or_ice.core import StretchId
from heat_or_ice.skill.entry import OtherSkillRequest, handle_event
from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session, slot_json
from tests.robustness.alexa_contract import assert_valid_response, request_type_of, speech_of
from tests.robustness.envelope_strategies import (
    SKILL_ID,
    XML_ILLEGAL_CHARACTERS,
    application_id_of,
    junk,
    mutated,
    refusing_endpoint,
    valid_events,
)


def fuzz(examples: int) -> settings:
    """Many cases, and no per-example deadline (the first timer call imports `requests`)."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def answer(skill: Any, event: Any) -> dict[str, Any]:
    """The skill's answer, checked; OtherSkillRequest only for another application id."""
    try:
        response = handle_event(skill, event, None)
    except OtherSkillRequest:
        assert application_id_of(event) != SKILL_ID, "refused a request carrying the skill's own id"
        return {}
    assert_valid_response(response, request_type_of(event))
    words = speech_of(response)
    # Shown by `pytest --hypothesis-show-statistics`: how deep the fuzz gets into the skill.
    if hypothesis.currently_in_test_context():
        hypothesis.event(
            "unreadable envelope"
            if "couldn't understand" in words
            else "generic error"
            if "something went wrong" in words
            else "silent"
            if not words
            else "answered"
        )
    return response


@fuzz(500)
@given(event=valid_events())
def test_every_request_the_model_allows_gets_a_valid_answer(fuzz_skill, event):
    answer(fuzz_skill, event)


@fuzz(800)
@given(event=mutated(valid_events()))
def test_broken_envelopes_never_break_the_skill(fuzz_skill, event):
    answer(fuzz_skill, event)


@fuzz(400)
@given(event=mutated(valid_events(), operations=("slot", "resolution", "intent"), max_mutations=3))
def test_hostile_slot_values_are_only_ever_spoken_as_text(fuzz_skill, event):
    answer(fuzz_skill, event)  # the contract forbids any element but <speak> and <break>


@fuzz(400)
@given(event=mutated(valid_events(), operations=("session",), max_mutations=3))
def test_session_attributes_of_the_wrong_type_never_break_the_skill(fuzz_skill, event):
    answer(fuzz_skill, event)


@fuzz(300)
@given(event=mutated(valid_events(), operations=("timestamp", "locale"), max_mutations=2))
def test_broken_timestamps_and_locales_still_get_an_answer(fuzz_skill, event):
    answer(fuzz_skill, event)


@fuzz(200)
@given(event=valid_events(), application=junk, where=st.sampled_from(["context", "session", "both"]))
def test_another_application_id_is_refused_and_nothing_else_escapes(fuzz_skill, event, application, where):
    if where in ("context", "both"):
        event["context"]["System"]["application"] = {"applicationId": application}
    if where in ("session", "both") and isinstance(event.get("session"), dict):
        event["session"]["application"] = {"applicationId": application}
    answer(fuzz_skill, event)


# -- The same through the Lambda entry point -------------------------------------------------
@pytest.fixture(scope="module")
def lambda_function(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """lambda_function as Lambda loads it: SQLite at SKILL_DB_PATH, SKILL_ID set."""
    logger = logging.getLogger("heat_or_ice")
    level = logger.level  # importing lambda_function sets it; other tests' log checks must not see that
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SKILL_DB_PATH", str(tmp_path_factory.mktemp("lambda") / "skill.sqlite3"))
        patch.setenv("SKILL_ID", SKILL_ID)
        patch.delenv("DYNAMODB_TABLE", raising=False)
        module = importlib.import_module("lambda_function")
        patch.setattr(module, "_skill", None)  # built on the first request, from this environment
        yield module
        if module._skill is not None:
            module._skill.persistence_adapter.close()
    logger.setLevel(level)


@fuzz(400)
@given(event=st.one_of(valid_events(), mutated(valid_events())))
def test_lambda_handler_answers_whatever_it_is_sent(lambda_function, event):
    try:
        response = lambda_function.lambda_handler(event, None)
    except OtherSkillRequest:
        assert application_id_of(event) != SKILL_ID
        return
    assert os.environ["SKILL_ID"] == lambda_function._skill.skill_id
    assert_valid_response(response, request_type_of(event))


@fuzz(100)
@given(
    event=st.one_of(
        junk,
        st.lists(junk),
        st.dictionaries(st.sampled_from(["version", "context", "session", "request"]), junk),
    )
)
def test_events_that_are_not_envelopes_get_a_spoken_error(fuzz_skill, event):
    response = answer(fuzz_skill, event)
    if not isinstance(event, dict) or not isinstance(event.get("request"), dict):
        assert "couldn't understand" in speech_of(response)


# -- Findings: pinned until fixed in the skill layer ---------------------------------------------
def _device() -> EnvelopeBuilder:
    return EnvelopeBuilder(Device(application_id=SKILL_ID, api_endpoint=refusing_endpoint()))


@pytest.mark.parametrize(
    "context",
    [{}, {"System": {}}, {"System": None}, {"System": {"application": None}}, {"System": {"__dict__": {}}}],
    ids=["no System", "empty System", "null System", "null application", "System.__dict__"],
)
def test_a_context_without_the_application_gets_a_spoken_answer(fuzz_skill, context):
    event = _device().launch(Session())
    event["context"] = context
    assert "couldn't understand" in speech_of(answer(fuzz_skill, event))


def test_an_envelope_with_a_dunder_key_gets_an_answer(fuzz_skill):
    event = _device().launch(Session())
    event["__dict__"] = {}
    event["request"]["__class__"] = "x"
    assert "Welcome" in speech_of(answer(fuzz_skill, event))


def test_characters_xml_forbids_in_a_heard_value_are_dropped(fuzz_skill):
    envelopes = _device()
    broken = []
    for character in XML_ILLEGAL_CHARACTERS:
        slot = slot_json(
            "location", f"my {character}knee", type_name="PainLocation", matches=(), application_id=SKILL_ID
        )
        event = envelopes.intent(Session(), "RecommendIntent", {"location": slot})
        try:
            assert_valid_response(handle_event(fuzz_skill, event, None), "IntentRequest")
        except AssertionError:
            broken.append(f"U+{ord(character):04X}")
    assert not broken, f"SSML breaks on {', '.join(broken)}"


def test_repeat_never_replays_markup_from_session_attributes(fuzz_skill):
    attributes = {
        "dialog": {"waiting": "ANYTHING_ELSE"},
        "last_said": {"speech": "Anything else?", "ssml": '<audio src="https://evil.example/x.mp3"/>'},
    }
    event = _device().intent(Session(new=False, attributes=attributes), "AMAZON.RepeatIntent")
    response = assert_valid_response(handle_event(fuzz_skill, event, None), "IntentRequest")
    assert "<audio" not in response["response"]["outputSpeech"]["ssml"]


def test_a_stretch_hold_from_session_attributes_is_clamped(fuzz_skill):
    routine = {"ids": [StretchId.KNEE_ROLLS.value], "index": 0, "side": 0, "rep": 1, "hold": 1_000_000}
    dialog = {"waiting": "STRETCH_NEXT", "stretch": routine}
    event = _device().intent(Session(new=False, attributes={"dialog": dialog}), "AMAZON.RepeatIntent")
    response = assert_valid_response(handle_event(fuzz_skill, event, None), "IntentRequest")
    assert "something went wrong" not in speech_of(response)
