"""The DynamoDB store, against dynalite: plain numbers out, TTL at the top level, loud failures."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from heat_or_ice.adapters import VERSION, PersistenceError, build_persistence_adapter
from tests.support import envelope_for
from tests.support.dynalite import start_dynalite

NOON = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
NOON_EPOCH = int(NOON.timestamp())

ATTRIBUTES = {
    "expires_at": NOON_EPOCH + 90 * 86400,
    "sessions": 3,
    "last_session": {"modality": "HEAT", "started_at": NOON_EPOCH, "minutes": 20, "steps": [1, 2, [3, 4]]},
    "red_flags": [],
    "consented": True,
    "pain_score": 0,
}


def test_with_a_table_configured_the_store_is_dynamodb(dynamodb_table):
    store = build_persistence_adapter()
    # Imported only now: ask_sdk_dynamodb needs a region at import time, which the fixture set.
    from heat_or_ice.adapters.dynamodb_store import TtlDynamoDbAdapter

    assert isinstance(store, TtlDynamoDbAdapter)
    assert store.table_name == dynamodb_table


def test_attributes_round_trip_as_plain_json_data(dynamodb_table):
    store = build_persistence_adapter()
    alice = envelope_for("alice", NOON)

    store.save_attributes(alice, dict(ATTRIBUTES))
    read_back = store.get_attributes(alice)

    assert read_back == {**ATTRIBUTES, VERSION: 1}
    assert json.loads(json.dumps(read_back)) == read_back  # no Decimal left anywhere
    assert type(read_back[VERSION]) is int
    assert type(read_back["last_session"]["steps"][2][0]) is int
    assert type(read_back["consented"]) is bool


def test_floats_are_stored_as_decimals_and_come_back_as_floats(dynamodb_table, dynalite):
    store = build_persistence_adapter()
    store.save_attributes(envelope_for("alice", NOON), {"ratio": 0.1, "whole": 2.0})

    assert dynalite.raw_item(dynamodb_table, "alice")["attributes"] == {"ratio": Decimal("0.1"),
                                                                       "whole": Decimal("2.0")}
    assert store.get_attributes(envelope_for("alice", NOON)) == {"ratio": 0.1, "whole": 2, VERSION: 1}


def test_expires_at_is_written_at_the_items_top_level_for_ttl(dynamodb_table, dynalite):
    build_persistence_adapter().save_attributes(envelope_for("alice", NOON), dict(ATTRIBUTES))

    item = dynalite.raw_item(dynamodb_table, "alice")
    assert item["id"] == "alice"
    assert item["expires_at"] == ATTRIBUTES["expires_at"]
    assert item["attributes"]["expires_at"] == ATTRIBUTES["expires_at"]


def test_without_expires_at_the_item_has_no_ttl_attribute(dynamodb_table, dynalite):
    build_persistence_adapter().save_attributes(envelope_for("alice", NOON), {"sessions": 1})

    assert "expires_at" not in dynalite.raw_item(dynamodb_table, "alice")


def test_an_expired_item_reads_as_absent_and_is_removed_before_ttl_would(dynamodb_table, dynalite):
    store = build_persistence_adapter()
    store.save_attributes(envelope_for("alice", NOON), {"expires_at": NOON_EPOCH + 60})
    assert store.get_attributes(envelope_for("alice", NOON)) == {"expires_at": NOON_EPOCH + 60, VERSION: 1}

    after = datetime.fromtimestamp(NOON_EPOCH + 61, UTC)
    assert store.get_attributes(envelope_for("alice", after)) == {}
    assert dynalite.raw_item(dynamodb_table, "alice") is None
    store.save_attributes(envelope_for("alice", after), {"sessions": 1})  # a new record starts afresh
    assert store.get_attributes(envelope_for("alice", after)) == {"sessions": 1, VERSION: 1}


def test_delete_and_unknown_users(dynamodb_table):
    store = build_persistence_adapter()
    store.save_attributes(envelope_for("alice"), {"sessions": 1})
    store.save_attributes(envelope_for("bob"), {"sessions": 2})

    store.delete_attributes(envelope_for("alice"))

    assert store.get_attributes(envelope_for("alice")) == {VERSION: 2, "erasures": 1}  # a tombstone, no data
    assert store.get_attributes(envelope_for("bob")) == {"sessions": 2, VERSION: 1}
    assert store.get_attributes(envelope_for("nobody")) == {}


def test_a_missing_table_raises_persistence_error(dynamodb_table, monkeypatch):
    monkeypatch.setenv("DYNAMODB_TABLE", "no-such-table")
    with pytest.raises(PersistenceError, match="no-such-table"):
        build_persistence_adapter().save_attributes(envelope_for("alice"), {"sessions": 1})


def test_a_stopped_database_fails_fast_with_persistence_error(monkeypatch):
    doomed = start_dynalite()
    try:
        table = "heat-or-ice-doomed"
        doomed.create_table(table)
        for variable, value in doomed.environ().items():
            monkeypatch.setenv(variable, value)
        monkeypatch.setenv("DYNAMODB_TABLE", table)
        store = build_persistence_adapter()
        store.save_attributes(envelope_for("alice"), {"sessions": 1})
    finally:
        doomed.stop()

    with pytest.raises(PersistenceError, match="save"):
        store.save_attributes(envelope_for("alice"), {"sessions": 2, VERSION: 1})
    with pytest.raises(PersistenceError, match="read"):
        store.get_attributes(envelope_for("alice"))


def test_no_region_anywhere_is_a_clear_configuration_error(monkeypatch, tmp_path):
    for variable in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    with pytest.raises(PersistenceError, match="AWS_REGION"):
        build_persistence_adapter({"DYNAMODB_TABLE": "skill-table"})
