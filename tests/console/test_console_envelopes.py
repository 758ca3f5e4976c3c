"""The console's request envelopes read back through the SDK exactly as a skill would see them."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, LaunchRequest, RequestEnvelope, SessionEndedRequest
from ask_sdk_model.interfaces.connections import ConnectionsResponse
from ask_sdk_model.slu.entityresolution import StatusCode

from heat_or_ice_web.envelopes import (
    TIMERS_SCOPE,
    Device,
    EnvelopeBuilder,
    Session,
    permission_answer_payload,
    slot_json,
)

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SKILL_ID = "amzn1.ask.skill.test"


def read(envelope: dict) -> RequestEnvelope:
    return DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)


def builder() -> EnvelopeBuilder:
    device = Device(application_id=SKILL_ID, api_endpoint="https://127.0.0.1:9999", api_access_token="t0k")
    return EnvelopeBuilder(device, clock=lambda: NOON)


def test_launch_request_carries_session_context_and_clock_time():
    envelopes = builder()
    session = Session(attributes={"seen": 1})
    parsed = read(envelopes.launch(session))
    assert isinstance(parsed.request, LaunchRequest)
    assert parsed.request.timestamp == NOON and parsed.request.locale == "en-US"
    assert parsed.request.request_id.startswith("amzn1.echo-api.request.")
    assert parsed.session.new is True and parsed.session.session_id == session.session_id
    assert parsed.session.attributes == {"seen": 1}
    system = parsed.context.system
    assert system.application.application_id == SKILL_ID
    assert system.api_endpoint == "https://127.0.0.1:9999" and system.api_access_token == "t0k"
    assert (
        system.user.user_id == envelopes.device.user_id
        and system.device.device_id == envelopes.device.device_id
    )
    assert system.user.permissions is None  # nothing granted yet


def test_intent_request_slots_carry_entity_resolution():
    slots = {
        "location": slot_json(
            "location",
            "low back",
            type_name="PainLocation",
            matches=(("LOWER_BACK", "lower back"),),
            application_id=SKILL_ID,
        ),
        "cause": slot_json("cause", "a fall", type_name="Cause", matches=(), application_id=SKILL_ID),
        "duration": slot_json("duration", "PT10M"),
        "onset": slot_json("onset"),
    }
    parsed = read(builder().intent(Session(new=False), "RecommendIntent", slots, dialog_state="IN_PROGRESS"))
    request = parsed.request
    assert isinstance(request, IntentRequest) and request.intent.name == "RecommendIntent"
    assert request.dialog_state.value == "IN_PROGRESS"
    location = request.intent.slots["location"]
    authority = location.resolutions.resolutions_per_authority[0]
    assert location.value == "low back"
    assert authority.authority == f"amzn1.er-authority.echo-sdk.{SKILL_ID}.PainLocation"
    assert authority.status.code == StatusCode.ER_SUCCESS_MATCH
    assert (authority.values[0].value.id, authority.values[0].value.name) == ("LOWER_BACK", "lower back")
    unmatched = request.intent.slots["cause"].resolutions.resolutions_per_authority[0]
    assert unmatched.status.code == StatusCode.ER_SUCCESS_NO_MATCH and not unmatched.values
    assert (
        request.intent.slots["duration"].value == "PT10M"
        and request.intent.slots["duration"].resolutions is None
    )
    assert request.intent.slots["onset"].value is None


def test_session_ended_request_names_its_reason():
    parsed = read(builder().session_ended(Session(new=False), "EXCEEDED_MAX_REPROMPTS"))
    assert isinstance(parsed.request, SessionEndedRequest)
    assert parsed.request.reason.value == "EXCEEDED_MAX_REPROMPTS"


def test_permission_answer_is_a_connections_response_and_grants_the_scope():
    envelopes = builder()
    envelopes.device.granted_scopes.add(TIMERS_SCOPE)
    payload = permission_answer_payload(TIMERS_SCOPE, "ACCEPTED")
    parsed = read(envelopes.connections_response(Session(new=False), "AskFor", "200", payload, "tok-1"))
    request = parsed.request
    assert isinstance(request, ConnectionsResponse)
    assert (request.name, request.status.code, request.token) == ("AskFor", "200", "tok-1")
    assert request.payload == {"permissionScope": TIMERS_SCOPE, "status": "ACCEPTED", "isCardThrown": False}
    permissions = parsed.context.system.user.permissions
    assert permissions.scopes[TIMERS_SCOPE].status.value == "GRANTED"
    assert permissions.consent_token == "t0k"
