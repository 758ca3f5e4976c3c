"""Shared fixtures. Real local servers: dynalite (DynamoDB) and a loopback HTTPS Timers API."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.support.dynalite import Dynalite, DynaliteUnavailable, start_dynalite
from tests.support.timers_server import TimersApiServer
from tests.support.tls import LoopbackCertificates, make_loopback_certificates


# -- DynamoDB (dynalite) --------------------------------------------------------------------
@pytest.fixture(scope="session")
def dynalite() -> Iterator[Dynalite]:
    """A running in-memory dynalite on 127.0.0.1, stopped after the session.

    Fails (never skips) when node or dynalite is missing: the DynamoDB path must be tested.
    """
    try:
        server = start_dynalite()
    except DynaliteUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def dynamodb_table(dynalite: Dynalite, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh table (key `id` S) in dynalite, with the environment pointing boto3 at it and
    DYNAMODB_TABLE naming it, so build_persistence_adapter() picks DynamoDB. Yields the name."""
    name = f"heat-or-ice-{uuid.uuid4().hex[:12]}"
    dynalite.create_table(name)
    for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in dynalite.environ().items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv("DYNAMODB_TABLE", name)
    return name


# -- TLS and the Timers API -----------------------------------------------------------------
@pytest.fixture(scope="session")
def loopback_certificates(tmp_path_factory: pytest.TempPathFactory) -> LoopbackCertificates:
    """A test CA and a server certificate for 127.0.0.1 and localhost (PEM files)."""
    return make_loopback_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def timers_api(loopback_certificates: LoopbackCertificates,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[TimersApiServer]:
    """A fresh loopback HTTPS Timers API; `requests` trusts its CA for this test.

    Reach it at `timers_api.endpoint` (the request's context.System.apiEndpoint) with
    `timers_api.token` (apiAccessToken). Stopped after the test, hanging requests included.
    """
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(loopback_certificates.ca_path))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")  # a proxy must never see loopback calls
    server = TimersApiServer(loopback_certificates).start()
    yield server
    server.stop()


# -- Apps on a loopback HTTP server ----------------------------------------------------------
@pytest.fixture
def serve_on_loopback() -> Iterator[Callable[[Flask], str]]:
    """Serve apps on 127.0.0.1 (ephemeral port) in threads; returns their base URLs."""
    servers = []

    def serve(app: Flask) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        # A short poll interval only makes shutdown() return sooner; nothing waits on it.
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}/"

    yield serve
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join()
