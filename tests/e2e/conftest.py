"""End-to-end fixtures: the real skill behind its local HTTP endpoint, and virtual-alexa talking to it.

The endpoint is the production Flask app (heat_or_ice_web.app) served on 127.0.0.1 by werkzeug in a
thread. Signature checking is off because virtual-alexa does not sign requests; the app allows
that only for a loopback server (the explicit, loopback-only choice). Timestamp checking stays on:
virtual-alexa stamps each request with the real current time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from ask_sdk_core.skill import CustomSkill

from heat_or_ice.adapters import SqlitePersistenceAdapter
from heat_or_ice.skill.builder import build_skill, build_skill_from_environment
from heat_or_ice_web.app import create_app
from tests.support.timers_server import TimersApiServer
from tests.support.virtual_alexa import VirtualAlexa, VirtualAlexaProcess, VirtualAlexaUnavailable

LOOPBACK = "127.0.0.1"
SKILL_ID = "amzn1.ask.skill.e2e-heat-or-ice"  # the app checks it on every request, as in production

NewAlexa = Callable[..., VirtualAlexa]


@pytest.fixture(scope="session")
def virtual_alexa_process() -> Iterator[VirtualAlexaProcess]:
    """One node process running virtual-alexa for the whole session; terminated at the end.

    Fails (never skips) when node or virtual-alexa is missing: `make test` installs them.
    """
    try:
        process = VirtualAlexaProcess.start()
    except VirtualAlexaUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    yield process
    process.stop()


@pytest.fixture
def serve_skill(serve_on_loopback) -> Callable[[CustomSkill], str]:
    """Serves skills through the production app on 127.0.0.1 (ephemeral port); returns the URL."""

    def serve(skill: CustomSkill) -> str:
        return serve_on_loopback(
            create_app(skill, verify_signature=False, verify_timestamp=True, serve_host=LOOPBACK)
        )

    return serve


@pytest.fixture
def sqlite_store(tmp_path) -> Iterator[SqlitePersistenceAdapter]:
    store = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    yield store
    store.close()


@pytest.fixture
def skill_url(serve_skill, sqlite_store) -> str:
    """The skill as `make serve` runs it locally: SQLite storage."""
    return serve_skill(build_skill(persistence_adapter=sqlite_store, skill_id=SKILL_ID))


@pytest.fixture
def dynamodb_skill_url(serve_skill, dynamodb_table) -> str:
    """The skill as Lambda builds it, from the environment: DYNAMODB_TABLE selects DynamoDB, and
    the `dynamodb_table` fixture points boto3 at dynalite."""
    return serve_skill(build_skill_from_environment({**os.environ, "SKILL_ID": SKILL_ID}))


@pytest.fixture
def new_alexa(virtual_alexa_process) -> Iterator[NewAlexa]:
    """Makes a virtual device with a new user for a skill URL; `timers` points its
    context.System.apiEndpoint (and apiAccessToken) at a loopback Timers API.
    The devices are closed in the driver when the test ends."""
    devices: list[VirtualAlexa] = []

    def new(url: str, *, timers: TimersApiServer | None = None, locale: str = "en-US") -> VirtualAlexa:
        device = virtual_alexa_process.device(
            url, application_id=SKILL_ID, locale=locale,
            api_endpoint=timers.endpoint if timers else None,
            api_access_token=timers.token if timers else None,
        )
        devices.append(device)
        return device

    yield new
    for device in devices:
        try:
            device.close()
        except VirtualAlexaUnavailable:
            break  # the driver died during the test, which has already failed for it


@pytest.fixture
def alexa(new_alexa, skill_url, timers_api) -> VirtualAlexa:
    """A person at an Echo with the skill enabled (SQLite storage), timers on the loopback API."""
    return new_alexa(skill_url, timers=timers_api)
