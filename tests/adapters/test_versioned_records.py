"""Both stores write only over the version they read, and a deletion cannot be undone by a
write prepared before it. The same contract, on SQLite and on DynamoDB (dynalite)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from heat_or_ice.adapters import (
    ERASURES,
    VERSION,
    OutOfTime,
    SqlitePersistenceAdapter,
    VersionConflict,
    build_persistence_adapter,
    deadline,
)
from heat_or_ice.adapters.attributes import TOMBSTONE_LIFETIME_SECONDS
from tests.support import envelope_for

NOON = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
ALICE = envelope_for("alice", NOON)


@pytest.fixture(params=["sqlite", "dynamodb"])
def store(request, tmp_path):
    if request.param == "sqlite":
        adapter = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
        yield adapter
        adapter.close()
    else:
        request.getfixturevalue("dynamodb_table")
        yield build_persistence_adapter()


def test_each_save_moves_the_version_on_and_hands_it_back(store):
    first = {"sessions": 1}
    store.save_attributes(ALICE, first)
    assert first[VERSION] == 1
    read = store.get_attributes(ALICE)
    assert read == {"sessions": 1, VERSION: 1}

    read["sessions"] = 2
    store.save_attributes(ALICE, read)
    assert read[VERSION] == 2
    assert store.get_attributes(ALICE) == {"sessions": 2, VERSION: 2}


def test_a_save_from_a_stale_read_is_refused_and_changes_nothing(store):
    store.save_attributes(ALICE, {"outcomes": []})
    device_a, device_b = store.get_attributes(ALICE), store.get_attributes(ALICE)
    device_a["outcomes"] = ["WORSE"]
    store.save_attributes(ALICE, device_a)

    device_b["sessions"] = ["ICE"]
    with pytest.raises(VersionConflict):
        store.save_attributes(ALICE, device_b)
    assert store.get_attributes(ALICE) == {"outcomes": ["WORSE"], VERSION: 2}


def test_two_first_saves_for_a_new_person_cannot_both_land(store):
    store.save_attributes(ALICE, {"sessions": ["ICE"]})
    with pytest.raises(VersionConflict):
        store.save_attributes(ALICE, {"sessions": ["HEAT"]})  # also read "nothing stored"
    assert store.get_attributes(ALICE) == {"sessions": ["ICE"], VERSION: 1}


def test_no_write_prepared_before_a_deletion_can_bring_the_history_back(store):
    store.save_attributes(ALICE, {"outcomes": ["WORSE"]})
    read_before = store.get_attributes(ALICE)

    store.delete_attributes(ALICE)

    with pytest.raises(VersionConflict):
        store.save_attributes(ALICE, read_before)
    with pytest.raises(VersionConflict):
        store.save_attributes(ALICE, {"outcomes": ["WORSE"]})  # as if nothing had been stored
    tombstone = store.get_attributes(ALICE)
    assert tombstone == {VERSION: 2, ERASURES: 1}, "no data, only the version and the erasure"

    tombstone["outcomes"] = ["BETTER"]  # a decision made after the deletion is kept
    store.save_attributes(ALICE, tombstone)
    assert store.get_attributes(ALICE) == {"outcomes": ["BETTER"], VERSION: 3, ERASURES: 1}


def test_deleting_what_was_never_stored_still_stops_a_write_that_read_nothing(store):
    store.delete_attributes(ALICE)
    with pytest.raises(VersionConflict):
        store.save_attributes(ALICE, {"sessions": ["ICE"]})
    assert store.get_attributes(ALICE) == {VERSION: 1, ERASURES: 1}


def test_a_tombstone_expires_a_day_after_the_deletion(store):
    store.save_attributes(ALICE, {"sessions": 1})
    store.delete_attributes(ALICE)
    a_day_later = envelope_for("alice", NOON + timedelta(seconds=TOMBSTONE_LIFETIME_SECONDS + 1))
    assert store.get_attributes(a_day_later) == {}
    store.save_attributes(a_day_later, {"sessions": 1})
    assert store.get_attributes(a_day_later) == {"sessions": 1, VERSION: 1}


def test_with_no_time_left_in_the_request_the_store_is_not_touched(store):
    store.save_attributes(ALICE, {"sessions": 1})
    now = [100.0]
    with deadline.request_deadline(deadline.Deadline.after(0.5, lambda: now[0])):
        with pytest.raises(OutOfTime):
            store.get_attributes(ALICE)
        with pytest.raises(OutOfTime):
            store.save_attributes(ALICE, {"sessions": 2, VERSION: 1})
    assert store.get_attributes(ALICE) == {"sessions": 1, VERSION: 1}


# -- SQLite specifics ---------------------------------------------------------------------------
def test_a_file_from_before_versions_is_upgraded_and_its_rows_read_as_version_0(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute(
            "CREATE TABLE attributes (id TEXT PRIMARY KEY, attributes TEXT NOT NULL, expires_at INTEGER)"
        )
        old.execute("""INSERT INTO attributes VALUES ('alice', '{"sessions": 1}', NULL)""")
    store = SqlitePersistenceAdapter(path)
    read = store.get_attributes(ALICE)
    assert read == {"sessions": 1, VERSION: 0}
    with pytest.raises(VersionConflict):
        store.save_attributes(ALICE, {"sessions": 5})
    read["sessions"] = 2
    store.save_attributes(ALICE, read)
    assert store.get_attributes(ALICE) == {"sessions": 2, VERSION: 1}
    store.close()


def test_forget_me_leaves_no_copy_in_the_database_or_its_write_ahead_log(tmp_path):
    store = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    marker = "remembered-only-until-forgotten"
    store.save_attributes(ALICE, {"note": marker})
    read = store.get_attributes(ALICE)
    read["more"] = marker + "-again"
    store.save_attributes(ALICE, read)
    files = [store.path, store.path.with_name(store.path.name + "-wal")]
    assert any(marker.encode() in f.read_bytes() for f in files if f.exists())

    store.delete_attributes(ALICE)

    for file in files:
        if file.exists():
            assert marker.encode() not in file.read_bytes(), f"{file.name} still holds the deleted record"
    assert store.path.with_name(store.path.name + "-wal").stat().st_size == 0
    store.close()


def test_expired_rows_of_people_who_never_return_are_purged_by_the_next_request(tmp_path):
    path = tmp_path / "skill.sqlite3"
    writer = SqlitePersistenceAdapter(path, clock=lambda: NOON.timestamp() + 10**9)
    expires = int(NOON.timestamp()) + 60
    writer.save_attributes(envelope_for("gone", NOON), {"expires_at": expires})
    writer.save_attributes(envelope_for("staying", NOON), {"expires_at": expires + 3600 * 5})
    writer.close()

    def rows() -> list[str]:
        with sqlite3.connect(path) as raw:
            return sorted(row[0] for row in raw.execute("SELECT id FROM attributes"))

    later = NOON + timedelta(hours=1)
    reopened = SqlitePersistenceAdapter(path, clock=lambda: later.timestamp())
    assert rows() == ["gone", "staying"]
    reopened.get_attributes(envelope_for("someone-else", later))  # the first request after opening
    assert rows() == ["staying"]

    much_later = later + timedelta(hours=6)  # and again once an hour has passed, whoever asks
    reopened.get_attributes(envelope_for("someone-else", much_later))
    assert rows() == ["staying"], "the machine's clock (still at `later`) caps how far a purge reaches"
    reopened.close()


def test_a_request_from_the_future_cannot_purge_the_living(tmp_path):
    path = tmp_path / "skill.sqlite3"
    store = SqlitePersistenceAdapter(path, clock=lambda: NOON.timestamp())
    store.save_attributes(envelope_for("alice", NOON), {"expires_at": int(NOON.timestamp()) + 3600})
    store.close()
    store = SqlitePersistenceAdapter(path, clock=lambda: NOON.timestamp())
    store.get_attributes(envelope_for("mallory", NOON + timedelta(days=400)))
    assert store.get_attributes(envelope_for("alice", NOON))[VERSION] == 1
    store.close()
