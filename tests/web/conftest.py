"""Fixtures for the web layer: apps around the hello skill (the loopback server is in tests/conftest.py)."""

from __future__ import annotations

import pytest
from flask import Flask

from heat_or_ice_web.app import create_app
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
