"""Choosing a store from the environment, and the number conversions both stores share."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from heat_or_ice.adapters import (
    PersistenceError,
    SqlitePersistenceAdapter,
    build_persistence_adapter,
    plain_numbers,
)
from heat_or_ice.adapters.attributes import dynamodb_numbers

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_skill_db_path_picks_sqlite_there(tmp_path):
    store = build_persistence_adapter({"SKILL_DB_PATH": str(tmp_path / "db.sqlite3")})
    assert isinstance(store, SqlitePersistenceAdapter)
    assert store.path == tmp_path / "db.sqlite3"


def test_without_settings_sqlite_lives_in_the_users_data_folder():
    assert build_persistence_adapter({"HOME": "/home/ann"}).path == Path(
        "/home/ann/.local/share/heat-or-ice/skill.sqlite3")
    assert build_persistence_adapter({"XDG_DATA_HOME": "/data"}).path == Path(
        "/data/heat-or-ice/skill.sqlite3"
    )


def test_plain_numbers_turns_decimals_into_ints_and_floats():
    stored = {"a": Decimal("1700000000"), "b": [Decimal("2.5"), {"c": Decimal("1E+2")}], "d": "x",
              "e": True, "f": {Decimal("1"), Decimal("2")}}
    plain = plain_numbers(stored)
    assert plain == {"a": 1700000000, "b": [2.5, {"c": 100}], "d": "x", "e": True, "f": [1, 2]}
    assert type(plain["a"]) is int and type(plain["b"][1]["c"]) is int and type(plain["b"][0]) is float


def test_dynamodb_numbers_turns_floats_into_decimals_and_refuses_nan():
    assert dynamodb_numbers({"a": [0.1, 1, True]}) == {"a": [Decimal("0.1"), 1, True]}
    with pytest.raises(PersistenceError):
        dynamodb_numbers({"a": float("inf")})


def test_choosing_sqlite_imports_neither_boto3_nor_requests(tmp_path):
    # Cold start: the local store must not pay for AWS or HTTP libraries.
    code = (
        "import sys\n"
        "from heat_or_ice.adapters import build_persistence_adapter\n"
        f"build_persistence_adapter({{'SKILL_DB_PATH': {str(tmp_path / 'db.sqlite3')!r}}})\n"
        "heavy = sorted({'boto3', 'botocore', 'requests'} & set(sys.modules))\n"
        "assert not heavy, heavy\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "lambda")}
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
