"""The unverified loopback mode refuses what a web page in the person's browser could send, and
the verifier's certificate cache is bounded, remembers failures briefly and reuses what it
validated until it expires."""

from __future__ import annotations

import pytest

from heat_or_ice_web.app import create_app
from heat_or_ice_web.verification import (
    FAILED_CHAIN_SECONDS,
    MAX_CACHED_CHAINS,
    AlexaRequestVerifier,
    VerificationException,
)
from tests.support.alexa_signing import (
    EXPIRED_CERT_URL,
    TRUSTED_CERT_URL,
    launch_request_body,
    signed_headers,
    signing_chains,
)
from tests.web.hello_skill import HELLO_SPEECH, hello_skill


def unverified_app():  # noqa: ANN201
    return create_app(hello_skill(), verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1")


def post(app, headers: dict[str, str], **kwargs):  # noqa: ANN001, ANN003, ANN201
    return app.test_client().post("/", data=launch_request_body(), headers=headers, **kwargs)


# -- Unverified mode and web pages ---------------------------------------------------------------
def test_a_local_tool_posting_json_is_answered():
    response = post(unverified_app(), {"Content-Type": "application/json"}, base_url="http://127.0.0.1:5000")
    assert response.status_code == 200 and HELLO_SPEECH in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "headers",
    [
        # What a form or fetch() from any web page sends: a "simple" text/plain POST, no preflight.
        {"Content-Type": "text/plain", "Origin": "https://attacker.example"},
        {"Content-Type": "text/plain;charset=UTF-8", "Origin": "null", "Sec-Fetch-Site": "cross-site"},
        {"Content-Type": "application/json", "Origin": "http://localhost:8080"},  # another local app
        {"Content-Type": "application/json", "Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors"},
    ],
)
def test_a_request_from_a_web_page_is_refused(headers):
    response = post(unverified_app(), headers)
    assert response.status_code == 403
    assert response.json["error"] == "forbidden"


def test_text_plain_without_any_browser_headers_is_still_refused():
    response = post(unverified_app(), {"Content-Type": "text/plain"})
    assert (response.status_code, response.json["error"]) == (415, "unsupported_media_type")


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:5000", "192.168.1.20:5000"])
def test_a_dns_rebound_page_is_refused_by_its_host_header(host):
    response = post(unverified_app(), {"Content-Type": "application/json", "Host": host})
    assert response.status_code == 403


@pytest.mark.parametrize("host", ["localhost:5000", "127.0.0.1", "[::1]:5000"])
def test_loopback_host_headers_are_served(host):
    response = post(unverified_app(), {"Content-Type": "application/json", "Host": host})
    assert response.status_code == 200


def test_a_verified_app_is_unchanged_by_the_browser_checks(verified_app):
    body = launch_request_body()
    headers = {**signed_headers(body), "Origin": "https://alexa.example"}
    assert verified_app.test_client().post("/", data=body, headers=headers).status_code == 200


# -- The certificate cache -----------------------------------------------------------------------
class CountingVerifier(AlexaRequestVerifier):
    """The real verifier, counting downloads and full chain validations, on a clock we move."""

    def __init__(self, loader=None, **kwargs):  # noqa: ANN001, ANN003
        self.now = 1_800_000_000.0
        self.downloads: list[str] = []
        self.validations = 0
        chains = signing_chains()

        def load(url: str) -> bytes:
            self.downloads.append(url)
            return (loader or chains.chain_for_url)(url)

        super().__init__(extra_trust_roots=[chains.root_pem], cert_chain_loader=load, clock=lambda: self.now,
                         **kwargs)

    def _validate_cert_chain(self, cert_chain: bytes) -> None:
        self.validations += 1
        super()._validate_cert_chain(cert_chain)


def verify(verifier: AlexaRequestVerifier, cert_url: str = TRUSTED_CERT_URL) -> None:
    body = launch_request_body()
    verifier.verify(signed_headers(body, cert_url=cert_url), body.decode(), None)


def test_a_validated_chain_is_reused_until_it_is_a_day_old():
    verifier = CountingVerifier()
    for _ in range(5):
        verify(verifier)
    assert (len(verifier.downloads), verifier.validations) == (1, 1)
    verifier.now += 24 * 3600 + 1  # within the certificate's life, but checked again daily
    verify(verifier)
    assert (len(verifier.downloads), verifier.validations) == (2, 2)


def test_a_chain_is_not_reused_past_its_own_expiry():
    verifier = CountingVerifier()
    verify(verifier)
    [certificate] = {entry.certificate for entry in verifier.chains._entries.values()}
    assert verifier.chains.get(TRUSTED_CERT_URL, certificate.not_valid_after_utc.timestamp() + 1) is None


def test_a_failed_chain_is_remembered_briefly_and_then_fetched_again():
    verifier = CountingVerifier()
    for _ in range(3):
        with pytest.raises(VerificationException, match="not valid"):
            verify(verifier, EXPIRED_CERT_URL)
    assert verifier.downloads == [EXPIRED_CERT_URL], "one fetch, not one per request"
    verifier.now += FAILED_CHAIN_SECONDS + 1
    with pytest.raises(VerificationException):
        verify(verifier, EXPIRED_CERT_URL)
    assert verifier.downloads == [EXPIRED_CERT_URL] * 2


def test_an_unreachable_chain_is_remembered_briefly_too():
    def unreachable(url: str) -> bytes:
        raise OSError("connection refused")

    verifier = CountingVerifier(loader=unreachable)
    for _ in range(3):
        with pytest.raises(VerificationException, match="Unable to load"):
            verify(verifier)
    assert len(verifier.downloads) == 1


def test_the_cache_holds_a_bounded_number_of_chains():
    verifier = CountingVerifier(loader=lambda url: signing_chains().trusted_chain_pem)
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{n}.pem" for n in range(MAX_CACHED_CHAINS * 4)]
    for url in urls:
        verify(verifier, url)
    assert len(verifier.chains) == MAX_CACHED_CHAINS
    verify(verifier, urls[-1])  # the most recent are kept
    assert len(verifier.downloads) == len(urls)
    verify(verifier, urls[0])  # the oldest went first
    assert len(verifier.downloads) == len(urls) + 1
