"""A throwaway certificate authority and a server certificate for loopback HTTPS servers.

Alexa's service clients refuse plain http, so test stand-ins for Alexa APIs serve TLS with a
certificate for 127.0.0.1 and localhost, signed by a CA that only the tests trust (point
`requests` at it with REQUESTS_CA_BUNDLE). EC P-256 keys: generated in milliseconds.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.support.certificates import issue_certificate

CA_NAME = "heat-or-ice test CA"


@dataclass(frozen=True)
class LoopbackCertificates:
    ca_path: Path  # PEM of the test CA: what clients must trust
    cert_path: Path  # PEM of the server certificate
    key_path: Path  # PEM of the server's private key (unencrypted)

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_path, self.key_path)
        return context


def make_loopback_certificates(directory: Path) -> LoopbackCertificates:
    """Write ca.pem, server.pem and server-key.pem into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    # Certificates are checked against the real clock by OpenSSL, so validity brackets now.
    now = datetime.now(UTC)
    not_before, not_after = now - timedelta(hours=1), now + timedelta(days=2)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = issue_certificate(
        subject=CA_NAME, key=ca_key, issuer=CA_NAME, issuer_key=ca_key, is_ca=True,
        not_before=not_before, not_after=not_after,
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = issue_certificate(
        subject="localhost", key=server_key, issuer=CA_NAME, issuer_key=ca_key, is_ca=False,
        not_before=not_before, not_after=not_after, dns_names=("localhost",), ip_addresses=("127.0.0.1",),
        server_auth=True,
    )

    certificates = LoopbackCertificates(
        ca_path=directory / "ca.pem",
        cert_path=directory / "server.pem",
        key_path=directory / "server-key.pem",
    )
    certificates.ca_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    certificates.cert_path.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    certificates.key_path.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certificates
