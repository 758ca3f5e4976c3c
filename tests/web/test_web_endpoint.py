"""The endpoint's HTTP behaviour: health text, bounded bodies, JSON errors, unverified mode."""

from __future__ import annotations

import json
import logging

import pytest

from heat_or_ice_web.app import MAX_REQUEST_BYTES, VERIFICATION_HEADER, create_app
from heat_or_ice_web.verification import InsecureModeRefused, is_loopback_host, require_loopback
from tests.support.alexa_signing import (
    alexa_timestamp,
    launch_request_body,
    request_envelope,
    signed_headers,
)
from tests.web.hello_skill import HELLO_SPEECH, SECRET_IN_ERROR, hello_skill


def post(app, body: bytes, headers: dict[str, str] | None = None, **kwargs):  # noqa: ANN001, ANN003, ANN201
    headers = headers or {"Content-Type": "application/json"}
    return app.test_client().post("/", data=body, headers=headers, **kwargs)


def unverified_app():  # noqa: ANN201
    return create_app(
        hello_skill(), verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1"
    )


def test_get_answers_a_short_health_text(verified_app):
    response = verified_app.test_client().get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert "verification: on" in response.get_data(as_text=True)


def test_an_oversize_body_gets_413_before_anything_reads_it(verified_app):
    body = b"{" + b" " * MAX_REQUEST_BYTES + b"}"
    response = post(verified_app, body, signed_headers(body))
    assert response.status_code == 413
    assert response.json["error"] == "request_entity_too_large"


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"null",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"version": "1.0"}',  # no request at all
        b'{"version": "1.0", "request": "LaunchRequest"}',
        "{\"request\": \"caf\u00e9\"}".encode("latin-1"),  # not UTF-8
    ],
)
def test_a_body_that_is_not_an_alexa_envelope_gets_400_json(verified_app, body):
    response = post(verified_app, body)
    assert response.status_code == 400
    assert response.json["error"] == "malformed_request"


def test_malformed_bodies_and_user_ids_never_reach_the_log(verified_app, caplog):
    caplog.set_level(logging.DEBUG)
    body = b'{"session": {"user": {"userId": "' + SECRET_IN_ERROR.encode() + b'"}}, "oops'
    assert post(verified_app, body).status_code == 400
    assert "Rejected a request" in caplog.text
    assert SECRET_IN_ERROR not in caplog.text


def test_a_skill_error_gets_500_json_with_no_traceback_or_user_data(verified_app, caplog):
    caplog.set_level(logging.DEBUG)
    envelope = request_envelope(
        {"type": "IntentRequest", "timestamp": alexa_timestamp(),
         "intent": {"name": "BreakIntent", "confirmationStatus": "NONE"}}
    )
    body = json.dumps(envelope).encode()
    response = post(verified_app, body, signed_headers(body))
    assert response.status_code == 500
    assert response.json == {
        "error": "skill_error", "message": "The skill could not answer this request"
    }
    assert "RuntimeError" in caplog.text  # the log says what failed and where...
    assert SECRET_IN_ERROR not in caplog.text  # ...but not the message, which quotes user data


def test_other_methods_get_405_json(verified_app):
    response = verified_app.test_client().put("/", data=b"{}")
    assert response.status_code == 405
    assert response.is_json


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True),
        ("localhost", True), ("LocalHost", True), ("0.0.0.0", False), ("::", False),
        ("192.168.1.20", False), ("example.com", False), ("", False), (None, False),
    ],
)
def test_which_hosts_count_as_loopback(host, loopback):
    assert is_loopback_host(host) is loopback


@pytest.mark.parametrize("host", [None, "0.0.0.0", "::", "192.168.1.20", "my-laptop.local"])
def test_turning_verification_off_is_refused_unless_served_on_loopback(host):
    with pytest.raises(InsecureModeRefused):
        require_loopback(host)
    with pytest.raises(InsecureModeRefused):
        create_app(hello_skill(), verify_signature=False, serve_host=host)
    with pytest.raises(InsecureModeRefused):
        create_app(hello_skill(), verify_timestamp=False, serve_host=host)


def test_an_unverified_app_answers_local_unsigned_requests_and_says_so():
    response = post(unverified_app(), launch_request_body())
    assert response.status_code == 200
    assert HELLO_SPEECH in response.json["response"]["outputSpeech"]["ssml"]
    assert response.headers[VERIFICATION_HEADER] == "off"


def test_an_unverified_app_still_refuses_other_skills():
    body = launch_request_body(application_id="amzn1.ask.skill.someone-else")
    response = post(unverified_app(), body)
    assert response.status_code == 400
    assert response.json["message"] == "Request is addressed to another skill"


@pytest.mark.parametrize(
    "headers, remote_addr",
    [
        ({"X-Forwarded-For": "203.0.113.9"}, "127.0.0.1"),  # a tunnel or proxy in front
        ({"Forwarded": "for=203.0.113.9"}, "127.0.0.1"),
        ({}, "203.0.113.9"),  # not a local caller at all
    ],
)
def test_an_unverified_app_serves_only_direct_local_callers(headers, remote_addr):
    response = post(
        unverified_app(),
        launch_request_body(),
        {"Content-Type": "application/json", **headers},
        environ_overrides={"REMOTE_ADDR": remote_addr},
    )
    assert response.status_code == 403
    assert response.headers[VERIFICATION_HEADER] == "off"


def test_a_verified_app_does_not_carry_the_verification_off_header(verified_app):
    body = launch_request_body()
    response = post(verified_app, body, signed_headers(body))
    assert VERIFICATION_HEADER not in response.headers


def test_an_injected_signature_verifier_with_verification_off_is_a_mistake(trusting_verifier):
    with pytest.raises(ValueError):
        create_app(
            hello_skill(), verify_signature=False, signature_verifier=trusting_verifier,
            serve_host="127.0.0.1",
        )


def test_the_unverified_app_logs_its_mode_once_at_creation(caplog):
    caplog.set_level(logging.WARNING)
    app = unverified_app()
    post(app, launch_request_body())
    post(app, launch_request_body())
    assert caplog.text.count("VERIFICATION IS OFF") == 1

