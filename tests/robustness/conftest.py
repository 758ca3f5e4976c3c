"""Robustness: fuzzed requests, store faults and a bounded load test, all against the real skill.

The `load` marker is registered here (pyproject.toml belongs to the whole project):
`pytest -m "not load"` skips the 30-second load test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from heat_or_ice.adapters import SqlitePersistenceAdapter
from heat_or_ice.skill.builder import build_skill
from tests.robustness.envelope_strategies import SKILL_ID


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "load: a bounded load test against a real local HTTP server (~30 s)")


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlitePersistenceAdapter]:
    store = SqlitePersistenceAdapter(tmp_path_factory.mktemp("fuzz") / "skill.sqlite3")
    yield store
    store.close()


@pytest.fixture(scope="module")
def fuzz_skill(fuzz_store: SqlitePersistenceAdapter):  # noqa: ANN201
    """The real skill with its application-id check on, one per module (hypothesis calls the
    test thousands of times; a module-scoped skill is what a warm Lambda container is)."""
    return build_skill(persistence_adapter=fuzz_store, skill_id=SKILL_ID)
