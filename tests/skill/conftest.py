"""A real skill per test: SQLite storage in a temp dir, timers at a loopback HTTPS API when asked."""

from __future__ import annotations

import pytest

from heat_or_ice.adapters import SqlitePersistenceAdapter
from heat_or_ice.skill.builder import build_skill
from tests.support.conversation import Conversation


@pytest.fixture
def store(tmp_path):
    adapter = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    yield adapter
    adapter.close()


@pytest.fixture
def skill(store):
    return build_skill(persistence_adapter=store)


@pytest.fixture
def talk(skill):
    return Conversation(skill)


@pytest.fixture
def timed_talk(skill, timers_api):
    """A conversation from a device whose timers live on the loopback Timers API."""
    return Conversation(skill, api_endpoint=timers_api.endpoint, api_access_token=timers_api.token)
