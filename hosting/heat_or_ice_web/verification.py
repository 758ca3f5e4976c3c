"""Checks that a web request really comes from Alexa, for this skill, and recently.

Amazon requires a self-hosted skill to check every request
(https://developer.amazon.com/docs/custom-skills/host-a-custom-skill-as-a-web-service.html).
We keep the SDK's own checks (ask_sdk_webservice_support.verifier.RequestVerifier) and change only
where they fetch and trust certificates, plus the places where they crash instead of rejecting:

- the SignatureCertChainUrl must be https, host s3.amazonaws.com, path under /echo.api/, port 443
  (the SDK's ``_validate_certificate_url``, unchanged);
- the chain is validated by certvalidator up to a trusted root, for the digital_signature key usage;
  trust roots are the system store plus ``extra_trust_roots`` (tests add their own root here);
- the signing certificate must be valid now and name echo-api.amazon.com in its SAN;
- the Signature-256 header must be a SHA-256 PKCS#1 v1.5 signature of the raw body;
- the request timestamp must be within 150 s of our clock (the SDK's TimestampVerifier, which
  crashes on a timestamp without a time zone; RecentRequestVerifier rejects that instead);
- the envelope's application id must be this skill's, when the skill has one.

Any error while checking a signature rejects the request (fails closed) as a VerificationException,
which the web layer turns into HTTP 400 rather than a 500.

Validating a chain costs milliseconds of CPU, most of a request's; so a validated signing
certificate is kept (per URL, at most MAX_CACHED_CHAINS of them, least recently used out first)
until the earliest expiry in its chain or a day, whichever comes first, and reused: its
validity period and name are still checked on every request. A URL whose chain could not be
loaded or validated is remembered as such for FAILED_CHAIN_SECONDS, so a bad URL is not fetched
again on every request, yet a passing network fault heals within a minute.

Trust roots are asn1crypto certificates, which parse their fields lazily and not thread-safely.
Each verifier reads the system store once, into certificate objects of its own indexed by subject
name, and validates one chain at a time under a lock: requests arriving together right after
start-up would otherwise parse the same roots at once and be rejected (KeyError inside asn1crypto).
Validation happens only on a cache miss, so the lock costs nothing afterwards, and requests that
waited find the chain already cached instead of validating it again. certvalidator looks issuers up
by name, so each validation is given only the roots named in its chain, not all ~150 (re-hashing
every root's name was most of a validation's CPU); fewer roots can only fail a path, never make
one. A change to the system store is seen when the server restarts.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.request import urlopen

from heat_or_ice_web import oscrypto_compat

oscrypto_compat.install()  # the verifier module imports certvalidator, hence oscrypto

from ask_sdk_core.skill import CustomSkill  # noqa: E402
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    RequestVerifier,
    TimestampVerifier,
    VerificationException,
)
from ask_sdk_webservice_support.verifier_constants import CERT_CHAIN_DOMAIN  # noqa: E402
from asn1crypto import pem, x509  # noqa: E402
from certvalidator import CertificateValidator, ValidationContext  # noqa: E402
from certvalidator.errors import PathError, ValidationError  # noqa: E402
from cryptography.exceptions import InvalidSignature  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey  # noqa: E402
from cryptography.x509 import (  # noqa: E402
    Certificate,
    DNSName,
    ExtensionNotFound,
    SubjectAlternativeName,
    load_pem_x509_certificate,
    load_pem_x509_certificates,
)
from oscrypto import trust_list  # noqa: E402

__all__ = [
    "AbstractVerifier",
    "AlexaRequestVerifier",
    "ChainCache",
    "ApplicationIdVerifier",
    "InsecureModeRefused",
    "RecentRequestVerifier",
    "VerificationException",
    "build_verifiers",
    "download_cert_chain",
    "is_loopback_host",
    "require_loopback",
]

CertChainLoader = Callable[[str], bytes]

# Amazon's chain is a few kilobytes; a bound keeps a misbehaving fetch from eating memory.
MAX_CERT_CHAIN_BYTES = 64 * 1024
# Alexa waits about 8 s for the whole answer; a stuck download must not use all of it.
CERT_DOWNLOAD_TIMEOUT_SECONDS = 4
MAX_CACHED_CHAINS = 16  # Amazon signs with one chain at a time; a handful covers a rotation
MAX_CHAIN_AGE_SECONDS = 24 * 3600
FAILED_CHAIN_SECONDS = 30


@dataclass(frozen=True)
class _Validated:
    certificate: Certificate
    until: float  # epoch seconds


@dataclass(frozen=True)
class _Failed:
    reason: str
    until: float


class ChainCache:
    """Validated signing certificates and recent failures, per certificate URL; bounded."""

    def __init__(self, max_entries: int = MAX_CACHED_CHAINS):
        self._max_entries = max_entries
        self._entries: OrderedDict[str, _Validated | _Failed] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, url: str, now: float) -> _Validated | _Failed | None:
        with self._lock:
            entry = self._entries.get(url)
            if entry is None:
                return None
            if entry.until <= now:
                del self._entries[url]
                return None
            self._entries.move_to_end(url)
            return entry

    def put(self, url: str, entry: _Validated | _Failed) -> None:
        with self._lock:
            self._entries[url] = entry
            self._entries.move_to_end(url)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


def download_cert_chain(url: str) -> bytes:
    """The production loader: fetch the PEM chain from the already-validated Amazon URL."""
    with urlopen(url, timeout=CERT_DOWNLOAD_TIMEOUT_SECONDS) as response:  # noqa: S310 - https only
        data = response.read(MAX_CERT_CHAIN_BYTES + 1)
    if len(data) > MAX_CERT_CHAIN_BYTES:
        raise ValueError("certificate chain is larger than any Amazon chain")
    return data


class AlexaRequestVerifier(RequestVerifier):
    """The SDK's signature verifier with an injectable chain loader and extra trust roots.

    Defaults are production behaviour: download from the Amazon URL, trust the system roots.
    Tests pass ``extra_trust_roots=[test_root_pem]`` and a loader that returns a test chain.
    """

    def __init__(
        self,
        *,
        extra_trust_roots: Iterable[bytes] = (),
        cert_chain_loader: CertChainLoader = download_cert_chain,
        clock: Callable[[], float] = time.time,
        chain_cache: ChainCache | None = None,
    ) -> None:
        super().__init__()
        self._extra_trust_roots = list(extra_trust_roots)
        self._cert_chain_loader = cert_chain_loader
        self._clock = clock
        self.chains = chain_cache or ChainCache()
        self._validation_lock = threading.Lock()
        # (subject name key, root), read on first use under the lock
        self._trust_roots: list[tuple[str, x509.Certificate]] | None = None

    def verify(self, headers, serialized_request_env, deserialized_request_env) -> None:  # noqa: ANN001
        try:
            super().verify(headers, serialized_request_env, deserialized_request_env)
        except VerificationException:
            raise
        except Exception as error:  # noqa: BLE001 - a signature we could not check is not valid
            raise VerificationException(
                f"Signature could not be checked ({type(error).__name__})"
            ) from error

    def _retrieve_and_validate_certificate_chain(self, cert_url: str,
                                                 x509_backend: object = None) -> Certificate:
        self._validate_certificate_url(cert_url)  # every time: it is cheap and decides what is fetched
        now = self._clock()
        known = self._known_certificate(cert_url, now)
        if known is not None:
            return known
        with self._failures_remembered(cert_url, now):
            chain = self._load_cert_chain(cert_url)
        # The download stays outside the lock: a slow or bogus URL must not hold up other requests.
        with self._validation_lock:
            known = self._known_certificate(cert_url, now)  # validated while this request waited
            if known is not None:
                return known
            with self._failures_remembered(cert_url, now):
                self._validate_cert_chain(chain)
                end_certificate = load_pem_x509_certificate(chain)
                self._validate_end_certificate(end_certificate)
                chain_certificates = load_pem_x509_certificates(chain)
                expiry = min(cert.not_valid_after_utc for cert in chain_certificates).timestamp()
            self.chains.put(cert_url, _Validated(end_certificate, min(expiry, now + MAX_CHAIN_AGE_SECONDS)))
            return end_certificate

    def _known_certificate(self, cert_url: str, now: float) -> Certificate | None:
        """The cached signing certificate for ``cert_url``, checked again now; None if not cached."""
        known = self.chains.get(cert_url, now)
        if isinstance(known, _Failed):
            raise VerificationException(known.reason)
        if isinstance(known, _Validated):
            self._validate_end_certificate(known.certificate)  # still valid now, still Alexa's
            return known.certificate
        return None

    @contextmanager
    def _failures_remembered(self, cert_url: str, now: float) -> Iterator[None]:
        """Any error inside rejects the request and marks ``cert_url`` failed for a while."""
        try:
            yield
        except VerificationException as error:
            self.chains.put(cert_url, _Failed(_verification_reason(error), now + FAILED_CHAIN_SECONDS))
            raise
        except Exception as error:  # noqa: BLE001 - a chain we could not read is not valid
            reason = f"Certificate chain could not be read ({type(error).__name__})"
            self.chains.put(cert_url, _Failed(reason, now + FAILED_CHAIN_SECONDS))
            raise VerificationException(reason) from error

    def _load_cert_chain(self, cert_url: str) -> bytes:
        # Called only after _validate_certificate_url accepted the URL; what it returns is cached
        # (validated, or failed) by _retrieve_and_validate_certificate_chain.
        try:
            return self._cert_chain_loader(cert_url)
        except (OSError, ValueError) as error:
            raise VerificationException("Unable to load the certificate chain") from error

    def _validate_cert_chain(self, cert_chain: bytes) -> None:
        # Called with self._validation_lock held.
        try:
            certificates = [
                x509.Certificate.load(der) for _, _, der in pem.unarmor(cert_chain, multiple=True)
            ]
        except ValueError as error:
            raise VerificationException("Certificate chain is not PEM") from error
        if not certificates:
            raise VerificationException("Certificate chain is empty")
        # A fresh context each time: it fixes "now" when built and caches the paths it validated.
        context = ValidationContext(trust_roots=self._trust_roots_named_in(certificates))
        validator = CertificateValidator(
            certificates[0], certificates[1:], validation_context=context
        )
        try:
            validator.validate_usage(key_usage={"digital_signature"})
        except (PathError, ValidationError) as error:
            raise VerificationException("Certificate chain is not valid") from error

    def _trust_roots_named_in(self, chain: list[x509.Certificate]) -> list[x509.Certificate]:
        """The trusted roots that could end a path for ``chain``: those it names as issuer or subject.

        Called with self._validation_lock held. The system roots plus the extra ones are loaded
        once, as this verifier's own objects: oscrypto hands every caller the same certificate
        objects, and copies keep their lazily parsed fields out of anyone else's reach.
        """
        if self._trust_roots is None:
            system = [x509.Certificate.load(cert.dump()) for cert, _, _ in trust_list.get_list()]
            extra = [_load_certificate(root) for root in self._extra_trust_roots]
            self._trust_roots = [(root.subject.hashable, root) for root in system + extra]
        names = {name.hashable for cert in chain for name in (cert.issuer, cert.subject)}
        return [root for subject, root in self._trust_roots if subject in names]

    def _validate_end_certificate(self, x509_cert: Certificate) -> None:
        # The SDK's version compares naive datetimes and crashes when the SAN is absent.
        now = datetime.now(UTC)
        if not x509_cert.not_valid_before_utc <= now <= x509_cert.not_valid_after_utc:
            raise VerificationException("Signing certificate is not valid at this time")
        try:
            san = x509_cert.extensions.get_extension_for_class(SubjectAlternativeName).value
            names = san.get_values_for_type(DNSName)
        except ExtensionNotFound:
            names = []
        if CERT_CHAIN_DOMAIN not in names:
            raise VerificationException(f"{CERT_CHAIN_DOMAIN} missing from the signing certificate")

    def _valid_request_body(
        self, cert_chain: Certificate, signature: str, serialized_request_env: str
    ) -> None:
        try:
            decoded_signature = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise VerificationException("Signature is not base64") from error
        public_key = cert_chain.public_key()
        if not isinstance(public_key, RSAPublicKey):
            raise VerificationException("Signing certificate does not hold an RSA key")
        try:
            public_key.verify(
                decoded_signature,
                serialized_request_env.encode("utf-8"),
                self._padding,
                self._hash_algorithm,
            )
        except InvalidSignature as error:
            raise VerificationException("Request body does not match its signature") from error


def _load_certificate(pem_or_der: bytes) -> x509.Certificate:
    """One certificate, PEM or DER, as certvalidator's extra_trust_roots accepts them."""
    if pem.detect(pem_or_der):
        _, _, pem_or_der = pem.unarmor(pem_or_der)
    return x509.Certificate.load(pem_or_der)


def _verification_reason(error: VerificationException) -> str:
    reason = error.args[0] if error.args else None
    return reason if isinstance(reason, str) else "Request failed verification"


class RecentRequestVerifier(TimestampVerifier):
    """The SDK's 150-second timestamp check, rejecting (not crashing on) a timestamp without a zone."""

    def verify(self, headers, serialized_request_env, deserialized_request_env) -> None:  # noqa: ANN001
        try:
            super().verify(headers, serialized_request_env, deserialized_request_env)
        except TypeError as error:  # aware "now" minus a naive timestamp
            raise VerificationException("Timestamp verification failed") from error


class ApplicationIdVerifier(AbstractVerifier):
    """Rejects requests addressed to another skill, before any handler runs.

    CustomSkill.invoke makes the same check, but raises a bare AskSdkException that cannot be told
    apart from a skill failure; as a verifier it becomes a clean HTTP 400. The id is read from the
    skill at each request, so the two checks can never disagree; no id means any skill.
    """

    def __init__(self, skill: CustomSkill) -> None:
        self._skill = skill

    def verify(self, headers, serialized_request_env, deserialized_request_env) -> None:  # noqa: ANN001
        expected = self._skill.skill_id
        if expected is None:
            return
        system = getattr(deserialized_request_env.context, "system", None)
        application = getattr(system, "application", None)
        if getattr(application, "application_id", None) != expected:
            raise VerificationException("Request is addressed to another skill")


def build_verifiers(
    *,
    verify_signature: bool,
    verify_timestamp: bool,
    skill: CustomSkill,
    signature_verifier: AbstractVerifier | None = None,
    extra: Sequence[AbstractVerifier] = (),
) -> list[AbstractVerifier]:
    """The checks to run, in order: signature, timestamp, application id, then ``extra``."""
    verifiers: list[AbstractVerifier] = []
    if verify_signature:
        verifiers.append(signature_verifier or AlexaRequestVerifier())
    if verify_timestamp:
        verifiers.append(RecentRequestVerifier())  # 150 s, the platform's tolerance
    verifiers.append(ApplicationIdVerifier(skill))  # passes everything while the skill has no id
    verifiers.extend(extra)
    return verifiers


class InsecureModeRefused(RuntimeError):
    """Verification off was requested for a server that could be reached from other machines."""


def is_loopback_host(host: str | None) -> bool:
    """True only for names that bind to this machine alone: localhost, 127.0.0.0/8, ::1."""
    if not host:
        return False
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def require_loopback(host: str | None) -> None:
    """Raise InsecureModeRefused unless ``host`` is a loopback address."""
    if not is_loopback_host(host):
        raise InsecureModeRefused(
            f"Refusing to turn off Alexa request verification on host {host!r}: "
            "unverified serving is allowed only on 127.0.0.1, ::1 or localhost."
        )
