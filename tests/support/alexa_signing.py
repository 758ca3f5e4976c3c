"""Sign requests the way Alexa does, with a test certificate chain the tests trust.

Alexa signs each request body with SHA-256/RSA (PKCS#1 v1.5) using a certificate for
echo-api.amazon.com, and names the chain's URL (under https://s3.amazonaws.com/echo.api/) in the
SignatureCertChainUrl header. Here a test root CA issues an intermediate, which issues leaves:

    chains = signing_chains()                  # built once per process (RSA keys take time)
    verifier = verifier_trusting_test_root()   # trusts the test root, serves chains by URL
    body = launch_request_body(application_id="amzn1.ask.skill.test")
    headers = signed_headers(body)             # valid leaf at TRUSTED_CERT_URL
    headers = signed_headers(body, cert_url=EXPIRED_CERT_URL)   # same signing key, expired leaf

Envelopes carry the current wall-clock time, because the web layer checks timestamps against the
real clock (the platform's rule); ``stale_timestamp()`` gives one ten minutes old.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from tests.support.certificates import issue_certificate, pem

ALEXA_CERT_NAME = "echo-api.amazon.com"
TEST_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000000"

# URLs that pass Amazon's URL rules; verifier_trusting_test_root() maps each one to a chain.
TRUSTED_CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
EXPIRED_CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-expired.pem"
NO_ALEXA_NAME_CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-no-san.pem"


@dataclass(frozen=True)
class SigningChains:
    """One test root and intermediate, and leaves that all sign with ``leaf_key``."""

    root_pem: bytes
    trusted_chain_pem: bytes  # leaf for echo-api.amazon.com, valid now, then the intermediate
    expired_chain_pem: bytes  # same, but the leaf expired yesterday
    no_alexa_name_chain_pem: bytes  # valid now, but no subject alternative name at all
    leaf_key: RSAPrivateKey

    def chain_for_url(self, url: str) -> bytes:
        """A cert-chain loader for AlexaRequestVerifier: the chain that URL stands for."""
        chains = {
            TRUSTED_CERT_URL: self.trusted_chain_pem,
            EXPIRED_CERT_URL: self.expired_chain_pem,
            NO_ALEXA_NAME_CERT_URL: self.no_alexa_name_chain_pem,
        }
        if url not in chains:
            raise OSError(f"no test certificate chain at {url}")  # like a 404 from S3
        return chains[url]


def _new_key() -> RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@lru_cache(maxsize=1)
def signing_chains() -> SigningChains:
    """Build the test PKI once per process (about a second of RSA key generation at most)."""
    now = datetime.now(UTC)
    root_key, intermediate_key, leaf_key = _new_key(), _new_key(), _new_key()
    years_later = now + timedelta(days=3650)
    root = issue_certificate(
        subject="Heat or Ice Test Root CA", key=root_key, issuer="Heat or Ice Test Root CA",
        issuer_key=root_key, is_ca=True, not_before=now - timedelta(days=1), not_after=years_later,
    )
    intermediate = issue_certificate(
        subject="Heat or Ice Test Intermediate CA", key=intermediate_key,
        issuer="Heat or Ice Test Root CA", issuer_key=root_key, is_ca=True,
        not_before=now - timedelta(days=1), not_after=years_later,
    )

    def leaf(*, not_before: datetime, not_after: datetime, dns_names: tuple[str, ...]) -> bytes:
        cert = issue_certificate(
            subject=ALEXA_CERT_NAME, key=leaf_key, issuer="Heat or Ice Test Intermediate CA",
            issuer_key=intermediate_key, is_ca=False, not_before=not_before, not_after=not_after,
            dns_names=dns_names,
        )
        return pem(cert, intermediate)

    return SigningChains(
        root_pem=pem(root),
        trusted_chain_pem=leaf(
            not_before=now - timedelta(hours=1), not_after=years_later, dns_names=(ALEXA_CERT_NAME,)
        ),
        expired_chain_pem=leaf(
            not_before=now - timedelta(days=30), not_after=now - timedelta(days=1),
            dns_names=(ALEXA_CERT_NAME,),
        ),
        no_alexa_name_chain_pem=leaf(
            not_before=now - timedelta(hours=1), not_after=years_later, dns_names=()
        ),
        leaf_key=leaf_key,
    )


def sign(body: bytes) -> str:
    """The Signature-256 header value for ``body``: base64 of SHA-256 RSA PKCS#1 v1.5."""
    signature = signing_chains().leaf_key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode("ascii")


def signed_headers(body: bytes, *, cert_url: str = TRUSTED_CERT_URL) -> dict[str, str]:
    """Headers Alexa would send with ``body``: content type, cert chain URL and signature."""
    return {
        "Content-Type": "application/json; charset=utf-8",
        "SignatureCertChainUrl": cert_url,
        "Signature-256": sign(body),
    }


def verifier_trusting_test_root():  # noqa: ANN201 - imported lazily: no web layer needed here
    """An AlexaRequestVerifier that trusts the test root and loads chains from memory."""
    from heat_or_ice_web.verification import AlexaRequestVerifier

    chains = signing_chains()
    return AlexaRequestVerifier(
        extra_trust_roots=[chains.root_pem], cert_chain_loader=chains.chain_for_url
    )


def alexa_timestamp(moment: datetime | None = None) -> str:
    """An Alexa request timestamp (ISO 8601, UTC, seconds), now unless ``moment`` is given."""
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")


def stale_timestamp(minutes: int = 10) -> str:
    """A timestamp ``minutes`` in the past: beyond Alexa's 150-second tolerance by default."""
    return alexa_timestamp(datetime.now(UTC) - timedelta(minutes=minutes))


def request_envelope(
    request: dict[str, Any],
    *,
    application_id: str = TEST_SKILL_ID,
    user_id: str = "amzn1.ask.account.TEST-USER",
    new_session: bool = True,
    session_attributes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A minimal custom-skill envelope around ``request`` (which needs type and timestamp)."""
    application = {"applicationId": application_id}
    user = {"userId": user_id}
    return {
        "version": "1.0",
        "session": {
            "new": new_session,
            "sessionId": "amzn1.echo-api.session.TEST",
            "application": application,
            "user": user,
            "attributes": session_attributes or {},
        },
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
                "apiAccessToken": "test-api-access-token",
            }
        },
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "locale": "en-US",
            **request,
        },
    }


def launch_request_envelope(*, timestamp: str | None = None, **envelope: Any) -> dict[str, Any]:
    """A LaunchRequest envelope stamped now (or with ``timestamp``); keywords as request_envelope."""
    request = {"type": "LaunchRequest", "timestamp": timestamp or alexa_timestamp()}
    return request_envelope(request, **envelope)


def launch_request_body(**envelope: Any) -> bytes:
    """launch_request_envelope(...) as the UTF-8 JSON bytes Alexa would POST."""
    return json.dumps(launch_request_envelope(**envelope)).encode("utf-8")
