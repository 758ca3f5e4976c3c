"""Reading a slot that may hold several values (Alexa's multiple-value slots), value by value."""

from __future__ import annotations

import json
from enum import Enum

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, LaunchRequest, RequestEnvelope

from heat_or_ice.skill.slots import read_enum, read_enum_values

AUTHORITY = "amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.Symptom"


class Feeling(str, Enum):
    NUMBNESS = "NUMBNESS"
    TINGLING = "TINGLING"
    SPASM = "SPASM"


def resolutions(value_id: str | None) -> dict:
    if value_id is None:
        return {
            "resolutionsPerAuthority": [{"authority": AUTHORITY, "status": {"code": "ER_SUCCESS_NO_MATCH"}}]
        }
    return {
        "resolutionsPerAuthority": [
            {
                "authority": AUTHORITY,
                "status": {"code": "ER_SUCCESS_MATCH"},
                "values": [{"value": {"name": value_id.lower(), "id": value_id}}],
            }
        ]
    }


def simple(said: str, value_id: str | None, *, with_resolutions: bool = True) -> dict:
    value: dict = {"type": "Simple", "value": said}
    if with_resolutions:
        value["resolutions"] = resolutions(value_id)
    return value


def request_with(slot: dict | None) -> IntentRequest:
    slots = {"symptom": {"name": "symptom", "confirmationStatus": "NONE", **slot}} if slot is not None else {}
    envelope = {
        "version": "1.0",
        "request": {
            "type": "IntentRequest",
            "requestId": "amzn1.echo-api.request.test",
            "timestamp": "2026-03-02T08:00:00Z",
            "locale": "en-US",
            "intent": {"name": "RecommendIntent", "confirmationStatus": "NONE", "slots": slots},
        },
    }
    parsed = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    return parsed.request


def test_a_list_of_values_resolves_each_value_in_the_order_said():
    request = request_with(
        {"slotValue": {"type": "List",
                       "values": [simple("numb", "NUMBNESS"), simple("pins and needles", "TINGLING")]}}
    )
    assert read_enum_values(request, "symptom", Feeling) == ([Feeling.NUMBNESS, Feeling.TINGLING], [])


def test_values_that_do_not_resolve_come_back_as_heard_and_repeats_are_dropped():
    request = request_with(
        {
            "slotValue": {
                "type": "List",
                "values": [simple("cramp", "SPASM"), simple("wobbly", None), simple("spasms", "SPASM")],
            }
        }
    )
    assert read_enum_values(request, "symptom", Feeling) == ([Feeling.SPASM], ["wobbly"])


def test_a_resolved_id_the_enum_does_not_know_is_reported_as_heard():
    request = request_with({"slotValue": {"type": "List", "values": [simple("a temperature", "FEVER")]}})
    assert read_enum_values(request, "symptom", Feeling) == ([], ["a temperature"])


def test_one_simple_value_reads_like_a_list_of_one():
    request = request_with(
        {"value": "numb", "slotValue": simple("numb", "NUMBNESS"), "resolutions": resolutions("NUMBNESS")}
    )
    assert read_enum_values(request, "symptom", Feeling) == ([Feeling.NUMBNESS], [])


def test_a_simple_value_without_its_own_resolutions_uses_the_slots():
    request = request_with(
        {"value": "numb", "slotValue": simple("numb", None, with_resolutions=False),
         "resolutions": resolutions("NUMBNESS")}
    )
    assert read_enum_values(request, "symptom", Feeling) == ([Feeling.NUMBNESS], [])


def test_without_a_slot_value_the_single_value_and_resolutions_are_read():
    request = request_with({"value": "tingly", "resolutions": resolutions("TINGLING")})
    assert read_enum_values(request, "symptom", Feeling) == ([Feeling.TINGLING], [])
    assert read_enum(request, "symptom", Feeling) == (Feeling.TINGLING, None)


def test_an_unresolved_single_value_is_heard_only():
    request = request_with({"value": "wobbly", "resolutions": resolutions(None)})
    assert read_enum_values(request, "symptom", Feeling) == ([], ["wobbly"])


def test_an_empty_or_missing_slot_or_another_request_reads_nothing():
    assert read_enum_values(request_with({}), "symptom", Feeling) == ([], [])
    assert read_enum_values(request_with(None), "symptom", Feeling) == ([], [])
    assert read_enum_values(request_with({"value": "numb"}), "otherSymptom", Feeling) == ([], [])
    launch = LaunchRequest(request_id="amzn1.echo-api.request.test")
    assert read_enum_values(launch, "symptom", Feeling) == ([], [])


def test_a_very_long_unresolved_value_is_cut_short():
    # Long enough for a spoken clause to be read for warning signs; bounded against hostile input.
    request = request_with({"slotValue": {"type": "List", "values": [simple("x" * 5000, None)]}})
    assert read_enum_values(request, "symptom", Feeling) == ([], ["x" * 200])


def test_a_warning_sign_said_second_in_a_list_of_symptoms_is_heard_by_the_skill(talk):
    # "my lower back is numb and I can't feel my groin": Alexa sends both values as one list.
    slot = {
        "name": "symptom",
        "confirmationStatus": "NONE",
        "slotValue": {"type": "List", "values": [simple("numb", "NUMBNESS"), simple("can't feel my groin",
                                                                                   "SADDLE_NUMBNESS")]},
    }
    event = talk.envelopes.intent(talk._session(), "RecommendIntent", {"symptom": slot})
    response = talk.send_raw(event)
    speech = response["response"]["outputSpeech"]["ssml"]
    assert "nine one one" in speech and response["response"]["shouldEndSession"] is True
