"""The same fuzzed envelopes, and raw bodies, through the local HTTP endpoint (create_app).

Verification is off, which create_app allows only for a loopback host; the Flask test client
calls from 127.0.0.1, as a direct local caller. Whatever the body, the answer is never a 500:
it is a 200 carrying a valid response envelope, or a 400 (413 past the size limit, 415 for a body
not declared JSON) with a small JSON error; a well-formed envelope for this skill is always answered
with a 200.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heat_or_ice_web.app import MAX_REQUEST_BYTES, create_app
from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session
from tests.robustness.alexa_contract import assert_valid_response, request_type_of
from tests.robustness.envelope_strategies import SKILL_ID, junk, mutated, refusing_endpoint, valid_events

CLIENT_ERRORS = {
    400: {"malformed_request", "verification_failed"},
    413: {"request_entity_too_large"},
    415: {"unsupported_media_type"},  # unverified mode serves declared JSON only
}


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


@pytest.fixture(scope="module")
def client(fuzz_skill):  # noqa: ANN001, ANN201
    app = create_app(fuzz_skill, verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1")
    return app.test_client()


def post(client: Any, body: bytes, content_type: str = "application/json") -> tuple[int, Any]:
    response = client.post("/", data=body, headers={"Content-Type": content_type})
    assert response.status_code != 500, f"500 for {body[:300]!r}: {response.get_data()[:300]!r}"
    assert response.mimetype == "application/json", f"{response.status_code} answered as {response.mimetype}"
    return response.status_code, json.loads(response.get_data())


def context_application_id(event: Any) -> Any:
    system = event.get("context", {}).get("System") if isinstance(event.get("context"), dict) else None
    application = system.get("application") if isinstance(system, dict) else None
    return application.get("applicationId") if isinstance(application, dict) else None


def assert_answered(client: Any, event: Any) -> tuple[int, Any]:
    status, body = post(client, json.dumps(event).encode())
    if status == 200:
        assert_valid_response(body, request_type_of(event))
    else:
        assert status in CLIENT_ERRORS and body.get("error") in CLIENT_ERRORS[status], f"{status} {body}"
        if body["error"] == "verification_failed":
            # The web layer reads the id where Alexa puts it for every request: context.System.
            assert context_application_id(event) != SKILL_ID, f"the skill's own id refused: {body}"
    return status, body


@fuzz(250)
@given(event=valid_events())
def test_every_request_the_model_allows_gets_a_200_over_http(client, event):
    status, body = assert_answered(client, event)
    assert status == 200, body


@fuzz(500)
@given(event=mutated(valid_events()))
def test_broken_envelopes_over_http_get_a_200_or_a_400_never_a_500(client, event):
    assert_answered(client, event)


@fuzz(300)
@given(event=mutated(valid_events(), operations=("slot", "resolution", "session", "intent"), max_mutations=3))
def test_hostile_values_over_http_are_only_spoken_as_text(client, event):
    assert_answered(client, event)


@fuzz(300)
@given(
    body=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        junk.map(lambda value: json.dumps(value).encode()),
        valid_events()
        .map(lambda event: json.dumps(event).encode())
        .flatmap(lambda raw: st.integers(0, len(raw) - 1).map(lambda cut: raw[:cut])),  # truncated
        valid_events().map(lambda event: json.dumps(event).encode("utf-16")),
        st.sampled_from(
            [
                b"",
                b"null",
                b"[]",
                b"{}",
                b'{"request": {}}',
                b'{"request": null}',
                b"\xff\xfe{}",
                b"[" * 100_000 + b"]" * 100_000,
                b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
                b'{"version": "1.0", "request": {"type": "LaunchRequest"}}',
            ]
        ),
    ),
    content_type=st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", ""]),
)
def test_unreadable_bodies_get_a_400_with_a_json_error(client, body, content_type):
    status, answer = post(client, body, content_type)
    if status == 200:  # some bytes happen to make an envelope: then it must be a valid answer
        assert_valid_response(answer)
    else:
        assert status in CLIENT_ERRORS and answer.get("error") in CLIENT_ERRORS[status], f"{status} {answer}"


def test_a_body_over_the_limit_gets_a_413(client):
    status, answer = post(client, b"{" + b" " * MAX_REQUEST_BYTES + b"}")
    assert (status, answer["error"]) == (413, "request_entity_too_large")


@pytest.mark.parametrize("verified", [False, True], ids=["verification off", "verification on"])
def test_a_body_with_a_dunder_key_is_never_a_500(fuzz_skill, verified):
    loopback = {"verify_signature": False, "verify_timestamp": False, "serve_host": "127.0.0.1"}
    app = create_app(fuzz_skill, **({} if verified else loopback))
    event = EnvelopeBuilder(Device(application_id=SKILL_ID, api_endpoint=refusing_endpoint())).launch(
        Session()
    )
    event["__dict__"] = {}
    status, answer = post(app.test_client(), json.dumps(event).encode())
    # private keys are dropped before the SDK reads the envelope: verified, it fails the signature
    # check like any unsigned request; on loopback it is simply answered
    assert status == (400 if verified else 200), answer
