"""The SQLite store keeps each user's attributes in a local file, and never fakes a save."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

import pytest

from heat_or_ice.adapters import VERSION, PersistenceError, SqlitePersistenceAdapter
from tests.support import envelope_for

NOON = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
NOON_EPOCH = int(NOON.timestamp())


@pytest.fixture
def store(tmp_path):
    adapter = SqlitePersistenceAdapter(tmp_path / "nested" / "folder" / "skill.sqlite3")
    yield adapter
    adapter.close()


def test_saves_reads_and_deletes_a_users_attributes(store):
    alice = envelope_for("alice")
    attributes = {"last_session": {"modality": "ICE", "ended_at": NOON_EPOCH}, "sessions": 3,
                  "red_flags": [], "consented": True, "note": "ünïcode ok"}

    store.save_attributes(alice, dict(attributes))

    assert store.get_attributes(alice) == {**attributes, VERSION: 1}
    store.delete_attributes(alice)
    assert store.get_attributes(alice) == {VERSION: 2, "erasures": 1}  # a tombstone, no data


def test_unknown_user_has_no_attributes_and_the_file_appears_on_first_use(store):
    assert not store.path.exists()
    assert store.get_attributes(envelope_for("nobody")) == {}
    assert store.path.exists()


def test_users_do_not_see_each_other(store):
    store.save_attributes(envelope_for("alice"), {"sessions": 1})
    store.save_attributes(envelope_for("bob"), {"sessions": 2})
    store.delete_attributes(envelope_for("bob"))

    assert store.get_attributes(envelope_for("alice")) == {"sessions": 1, VERSION: 1}
    assert store.get_attributes(envelope_for("bob")) == {VERSION: 2, "erasures": 1}


def test_a_record_expires_by_the_requests_timestamp_not_the_clock(store):
    expires_at = NOON_EPOCH + 60
    store.save_attributes(envelope_for("alice", NOON), {"expires_at": expires_at, "sessions": 1})

    at_expiry = datetime.fromtimestamp(expires_at, UTC)
    assert store.get_attributes(envelope_for("alice", at_expiry)) == {"expires_at": expires_at, "sessions": 1,
                                                                      VERSION: 1}
    one_second_later = datetime.fromtimestamp(expires_at + 1, UTC)
    assert store.get_attributes(envelope_for("alice", one_second_later)) == {}
    # Deleted, not hidden: even an earlier request no longer finds it.
    assert store.get_attributes(envelope_for("alice", NOON)) == {}


def test_threads_writing_different_users_all_land(tmp_path):
    # Two adapters on one file: the threads of one server, and a second process's connection.
    path = tmp_path / "skill.sqlite3"
    adapters = [SqlitePersistenceAdapter(path), SqlitePersistenceAdapter(path)]
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            version = None
            for count in range(25):
                attributes = {"count": count} if version is None else {"count": count, VERSION: version}
                adapters[worker % 2].save_attributes(envelope_for(f"user-{worker}"), attributes)
                version = attributes[VERSION]
        except BaseException as error:  # collected, asserted below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert [adapters[0].get_attributes(envelope_for(f"user-{w}")) for w in range(8)] == [
        {"count": 24, VERSION: 25}
    ] * 8
    for adapter in adapters:
        adapter.close()


def test_a_corrupted_row_raises_instead_of_reading_as_empty(store):
    # Reading it as {} would hide the last session from the rest-gap advice, and a blind write
    # over it would be a write over something unread; "forget me" clears it.
    alice = envelope_for("alice")
    store.save_attributes(alice, {"sessions": 1})
    with sqlite3.connect(store.path) as raw:
        raw.execute("UPDATE attributes SET attributes = '{not json' WHERE id = 'alice'")

    with pytest.raises(PersistenceError, match="not valid JSON") as failure:
        store.get_attributes(alice)
    assert "alice" not in str(failure.value), "error messages end up in logs: no user ids"
    store.delete_attributes(alice)
    assert store.get_attributes(alice) == {VERSION: 2, "erasures": 1}


def test_an_unwritable_path_raises_persistence_error(tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    store = SqlitePersistenceAdapter(not_a_folder / "skill.sqlite3")

    with pytest.raises(PersistenceError):
        store.save_attributes(envelope_for("alice"), {"sessions": 1})


def test_a_locked_database_makes_the_save_fail_loudly(tmp_path):
    path = tmp_path / "skill.sqlite3"
    store = SqlitePersistenceAdapter(path, busy_timeout_ms=20)
    store.save_attributes(envelope_for("alice"), {"sessions": 1})
    other_writer = sqlite3.connect(path, isolation_level=None)
    other_writer.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(PersistenceError, match="locked"):
            store.save_attributes(envelope_for("alice"), {"sessions": 2, VERSION: 1})
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()
    assert store.get_attributes(envelope_for("alice")) == {"sessions": 1, VERSION: 1}
    store.close()


@pytest.mark.parametrize("attributes", [{"when": datetime(2024, 1, 1)}, {"ratio": float("nan")}])
def test_attributes_that_are_not_json_data_are_refused(store, attributes):
    with pytest.raises(PersistenceError):
        store.save_attributes(envelope_for("alice"), attributes)


def test_a_request_without_a_user_is_refused(store):
    envelope = envelope_for("alice")
    envelope.context.system.user = None
    with pytest.raises(PersistenceError, match="no user id"):
        store.get_attributes(envelope)
