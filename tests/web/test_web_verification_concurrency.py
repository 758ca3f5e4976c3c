"""Requests that arrive together right after the server starts are all verified correctly.

The trust roots (the system store plus the test root) are parsed by asn1crypto, which fills its
parsed fields lazily and not thread-safely. A fresh verifier with an empty chain cache is what a
just-started server has; many correctly signed requests reaching it at the same moment must all be
accepted, none turned away because two threads parsed the same certificate at once.
"""

from __future__ import annotations

import threading

import pytest
from oscrypto import trust_list

from heat_or_ice_web.verification import AlexaRequestVerifier, VerificationException
from tests.support.alexa_signing import (
    EXPIRED_CERT_URL,
    launch_request_body,
    signed_headers,
    signing_chains,
    verifier_trusting_test_root,
)

THREADS = 16
ROUNDS = 20


def verify_all_at_once(verifier: AlexaRequestVerifier, headers: dict[str, str], body: bytes) -> list[str]:
    """Verify the same request from THREADS threads released together; one outcome per thread."""
    start = threading.Barrier(THREADS)
    outcomes: list[str] = []
    outcomes_lock = threading.Lock()

    def verify() -> None:
        start.wait()
        try:
            verifier.verify(headers, body.decode("utf-8"), None)
            outcome = "accepted"
        except VerificationException as error:
            outcome = f"rejected: {error}"
        with outcomes_lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=verify) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def fresh_start() -> AlexaRequestVerifier:
    # oscrypto keeps the system roots it has parsed for the whole process; clearing that cache
    # gives this round unparsed roots, as in a process that has just started.
    trust_list.clear_cache()
    return verifier_trusting_test_root()


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_simultaneous_first_requests_to_a_fresh_verifier_are_all_accepted(round_number):
    body = launch_request_body()
    outcomes = verify_all_at_once(fresh_start(), signed_headers(body), body)
    assert outcomes == ["accepted"] * THREADS


def test_simultaneous_first_requests_with_an_expired_certificate_are_all_rejected():
    # The shared parse must not make checks pass: the same stampede with a bad chain fails every time.
    body = launch_request_body()
    outcomes = verify_all_at_once(fresh_start(), signed_headers(body, cert_url=EXPIRED_CERT_URL), body)
    assert len(outcomes) == THREADS
    assert all(outcome.startswith("rejected") and "not valid" in outcome for outcome in outcomes), outcomes


class ValidationCountingVerifier(AlexaRequestVerifier):
    def __init__(self) -> None:
        chains = signing_chains()
        super().__init__(extra_trust_roots=[chains.root_pem], cert_chain_loader=chains.chain_for_url)
        self.validations = 0

    def _validate_cert_chain(self, cert_chain: bytes) -> None:
        self.validations += 1  # runs under the verifier's validation lock
        super()._validate_cert_chain(cert_chain)


def test_requests_that_arrive_together_validate_their_chain_once():
    # Validation is most of a request's CPU; the ones that waited reuse the first one's result.
    verifier = ValidationCountingVerifier()
    body = launch_request_body()
    assert verify_all_at_once(verifier, signed_headers(body), body) == ["accepted"] * THREADS
    assert verifier.validations == 1
