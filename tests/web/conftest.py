"""Fixtures for the web layer: apps around the hello skill, and a loopback HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from werkzeug.serving import make_server

from heat_or_ice.web.app import create_app
from tests.support.alexa_signing import verifier_trusting_test_root
from tests.web.hello_skill import hello_skill


@pytest.fixture(scope="session")
def trusting_verifier():  # noqa: ANN201
    """One verifier for the session: its certificate cache is shared, as in production."""
    return verifier_trusting_test_root()


@pytest.fixture
def verified_app(trusting_verifier) -> Flask:  # noqa: ANN001
    """The hello skill with full verification, trusting the test root."""
    return create_app(hello_skill(), signature_verifier=trusting_verifier)


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
