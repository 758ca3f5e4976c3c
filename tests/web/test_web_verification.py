"""Alexa request verification through the Flask test client: what is accepted, what gets 400."""

from __future__ import annotations

import pytest
from flask import Flask
from oscrypto import trust_list

from heat_or_ice_web.app import create_app
from heat_or_ice_web.verification import (
    MAX_CERT_CHAIN_BYTES,
    AlexaRequestVerifier,
    VerificationException,
    download_cert_chain,
)
from tests.support.alexa_signing import (
    EXPIRED_CERT_URL,
    NO_ALEXA_NAME_CERT_URL,
    TRUSTED_CERT_URL,
    launch_request_body,
    signed_headers,
    signing_chains,
    stale_timestamp,
)
from tests.web.hello_skill import HELLO_SPEECH, hello_skill


def post(app, body: bytes, headers: dict[str, str] | None = None):  # noqa: ANN001, ANN201
    return app.test_client().post(
        "/", data=body, headers=headers or {"Content-Type": "application/json"}
    )


def rejection_reason(response) -> str:  # noqa: ANN001
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.is_json
    assert response.json["error"] == "verification_failed"
    return response.json["message"]


def test_a_correctly_signed_fresh_request_gets_the_skills_answer(verified_app):
    body = launch_request_body()
    response = post(verified_app, body, signed_headers(body))
    assert response.status_code == 200
    envelope = response.json
    assert envelope["version"] == "1.0"
    assert HELLO_SPEECH in envelope["response"]["outputSpeech"]["ssml"]


def test_an_unsigned_request_is_rejected(verified_app):
    reason = rejection_reason(post(verified_app, launch_request_body()))
    assert "Missing Signature" in reason


def test_a_body_changed_after_signing_is_rejected(verified_app):
    body = launch_request_body()
    headers = signed_headers(body)
    tampered = body + b" "  # still the same JSON, but not the signed bytes
    assert "does not match its signature" in rejection_reason(post(verified_app, tampered, headers))


@pytest.mark.parametrize("signature", ["not base64 at all!", "", "AAAA"])
def test_a_signature_that_is_not_a_signature_is_rejected(verified_app, signature):
    body = launch_request_body()
    headers = {**signed_headers(body), "Signature-256": signature}
    rejection_reason(post(verified_app, body, headers))


@pytest.mark.parametrize(
    "cert_url, complaint",
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert-test.pem", "protocol"),
        ("https://evil.example.com/echo.api/echo-api-cert-test.pem", "hostname"),
        ("https://s3.amazonaws.com.evil.example.com/echo.api/cert.pem", "hostname"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-test.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/../invalid/echo-api-cert-test.pem", "path"),
        ("https://s3.amazonaws.com:563/echo.api/echo-api-cert-test.pem", "port"),
        ("https://s3.amazonaws.com:not-a-port/echo.api/echo-api-cert-test.pem", "checked"),
        ("", "protocol"),
    ],
)
def test_a_certificate_url_off_amazons_bucket_is_rejected(verified_app, cert_url, complaint):
    body = launch_request_body()
    reason = rejection_reason(post(verified_app, body, signed_headers(body, cert_url=cert_url)))
    assert complaint in reason


def test_the_chain_is_fetched_only_from_urls_that_pass_amazons_rules():
    fetched = []

    def loader(url: str) -> bytes:
        fetched.append(url)
        return signing_chains().trusted_chain_pem

    verifier = AlexaRequestVerifier(
        extra_trust_roots=[signing_chains().root_pem], cert_chain_loader=loader
    )
    body = launch_request_body()
    bad = signed_headers(body, cert_url="https://evil.example.com/echo.api/cert.pem")
    with pytest.raises(VerificationException):
        verifier.verify(bad, body.decode(), None)
    verifier.verify(signed_headers(body), body.decode(), None)
    verifier.verify(signed_headers(body), body.decode(), None)
    assert fetched == [TRUSTED_CERT_URL]  # once: the chain is cached per URL


def test_a_stale_request_is_rejected(verified_app):
    body = launch_request_body(timestamp=stale_timestamp(minutes=10))
    assert "Timestamp" in rejection_reason(post(verified_app, body, signed_headers(body)))


def test_a_timestamp_without_a_time_zone_is_rejected(verified_app):
    body = launch_request_body(timestamp="2026-01-01T00:00:00")
    assert "Timestamp" in rejection_reason(post(verified_app, body, signed_headers(body)))


def test_a_request_for_another_skill_is_rejected(verified_app):
    body = launch_request_body(application_id="amzn1.ask.skill.someone-else")
    assert "another skill" in rejection_reason(post(verified_app, body, signed_headers(body)))


def test_an_expired_signing_certificate_is_rejected(verified_app):
    body = launch_request_body()
    response = post(verified_app, body, signed_headers(body, cert_url=EXPIRED_CERT_URL))
    assert "not valid" in rejection_reason(response)


def test_a_signing_certificate_not_issued_for_alexa_is_rejected(verified_app):
    body = launch_request_body()
    response = post(verified_app, body, signed_headers(body, cert_url=NO_ALEXA_NAME_CERT_URL))
    assert "echo-api.amazon.com" in rejection_reason(response)


def test_a_chain_from_a_root_nobody_trusts_is_rejected():
    # The production verifier (system roots only) given the test chain: no path to a trusted root.
    untrusting = AlexaRequestVerifier(cert_chain_loader=signing_chains().chain_for_url)
    app = create_app(hello_skill(), signature_verifier=untrusting)
    body = launch_request_body()
    assert "chain is not valid" in rejection_reason(post(app, body, signed_headers(body)))


def test_a_chain_that_is_not_pem_is_rejected():
    garbage = AlexaRequestVerifier(cert_chain_loader=lambda url: b"<html>not a chain</html>")
    app = create_app(hello_skill(), signature_verifier=garbage)
    body = launch_request_body()
    rejection_reason(post(app, body, signed_headers(body)))


def test_header_names_are_matched_without_regard_to_case(verified_app):
    body = launch_request_body()
    headers = {key.lower(): value for key, value in signed_headers(body).items()}
    assert post(verified_app, body, headers).status_code == 200


def test_a_skill_without_an_id_answers_any_application_id(trusting_verifier):
    app = create_app(hello_skill(skill_id=None), signature_verifier=trusting_verifier)
    body = launch_request_body(application_id="amzn1.ask.skill.any")
    assert post(app, body, signed_headers(body)).status_code == 200


def test_the_skill_id_is_read_when_the_request_arrives(trusting_verifier):
    skill = hello_skill()
    app = create_app(skill, signature_verifier=trusting_verifier)
    skill.skill_id = "amzn1.ask.skill.changed-after-the-app-was-built"
    body = launch_request_body()  # addressed to the original id
    assert "another skill" in rejection_reason(post(app, body, signed_headers(body)))


def test_the_production_trust_store_holds_amazons_roots():
    # Production validates Amazon's chain against the system roots, read through oscrypto.
    names = {cert.subject.native.get("common_name") for cert, _, _ in trust_list.get_list()}
    assert "Amazon Root CA 1" in names, "install the system CA certificates (ca-certificates)"


def test_the_production_loader_downloads_a_chain_and_bounds_its_size(serve_on_loopback):
    files = Flask(__name__)
    files.add_url_rule("/small.pem", "small", lambda: signing_chains().trusted_chain_pem)
    files.add_url_rule("/huge.pem", "huge", lambda: b"A" * (MAX_CERT_CHAIN_BYTES + 1))
    base = serve_on_loopback(files)
    assert download_cert_chain(base + "small.pem") == signing_chains().trusted_chain_pem
    with pytest.raises(ValueError):
        download_cert_chain(base + "huge.pem")
