"""Persistent attributes in an embedded SQLite file, for running the skill locally.

One row per user: `id` (the user id), `attributes` (JSON text), `expires_at` (a copy of the
attribute, so expired rows go with one DELETE), `version` and `erasures` (see attributes.py).
The same contract as the DynamoDB store: plain JSON data in and out, expired records read as
absent, writes conditional on the version read, failures raise PersistenceError.

Concurrency: a threaded Flask server calls one adapter from many threads, so all statements go
through one connection behind a lock (each statement is microseconds; SQLite serialises writers
anyway). A save compares and swaps inside one BEGIN IMMEDIATE transaction, so another thread or
another process (a test, a second server) can never slip a write between the check and the
write. WAL mode and a busy timeout let a second process share the file.

Privacy: `secure_delete` overwrites deleted and replaced content in the file, and after a
deletion the write-ahead log is checkpointed and truncated, so "forget me" leaves no copy of the
old record in either file. Expired rows are purged on the first request after the file is
opened, then again whenever PURGE_INTERVAL has passed, by the request's time (never later than
the machine's clock, so a request from the future cannot purge the living).

A row whose text is not a JSON object raises PersistenceError instead of reading as empty: an
empty history would hide the last session's time, which the rest-gap advice depends on.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

from heat_or_ice.adapters import deadline
from heat_or_ice.adapters.attributes import (
    EXPIRES_AT,
    VERSION,
    PersistenceError,
    VersionConflict,
    data_of,
    erasures_of,
    expiry_of,
    is_expired,
    request_time,
    stored_version,
    tombstone_expiry,
    user_key,
    with_record_keys,
)

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

logger = logging.getLogger(__name__)
Result = TypeVar("Result")

PURGE_INTERVAL_SECONDS = 3600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attributes (
    id TEXT PRIMARY KEY,
    attributes TEXT NOT NULL,
    expires_at INTEGER,
    version INTEGER NOT NULL DEFAULT 0,
    erasures INTEGER NOT NULL DEFAULT 0
)
"""
# Files from before versions existed gain the columns; their rows read as version 0.
_ADDED_COLUMNS = {
    "version": "ALTER TABLE attributes ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
    "erasures": "ALTER TABLE attributes ADD COLUMN erasures INTEGER NOT NULL DEFAULT 0",
}
_EXPIRY_INDEX = "CREATE INDEX IF NOT EXISTS attributes_by_expiry ON attributes (expires_at)"


class SqlitePersistenceAdapter(AbstractPersistenceAdapter):
    """AbstractPersistenceAdapter on a SQLite file; the file and its folder appear on first use.

    `busy_timeout_ms` bounds how long one attempt waits for another writer; a locked database is
    tried `attempts` times in all, so a call gives up (raising) well within Alexa's 8 seconds.
    `clock` (epoch seconds) only caps how far a purge may reach; tests pass their own.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        busy_timeout_ms: int = 300,
        attempts: int = 2,
        clock: Callable[[], float] = time.time,
    ):
        self.path = Path(path)
        self._busy_timeout_ms = busy_timeout_ms
        self._attempts = attempts
        self._clock = clock
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._purged_up_to: float | None = None  # None: not yet since this adapter opened the file

    @property
    def worst_case_seconds(self) -> float:
        """The longest one call can take: every attempt waiting out the busy timeout."""
        waits = self._attempts * self._busy_timeout_ms / 1000
        pauses = sum(0.05 * attempt for attempt in range(1, self._attempts))
        return waits + pauses + 0.1

    # -- AbstractPersistenceAdapter -------------------------------------------------------------
    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        key = user_key(request_envelope)
        self._purge_when_due(request_envelope)
        row = self._run("read", lambda db: db.execute(
            "SELECT attributes, expires_at, version, erasures FROM attributes WHERE id = ?",
            (key,)).fetchone())
        if row is None:
            return {}
        text, expires_at, version, erasures = row
        attributes = _decode(text, key)
        if is_expired({EXPIRES_AT: expires_at}, request_envelope):
            # Gone for good: a save prepared from this row finds it missing and decides again.
            self._forget_expired(key, version)
            return {}
        return with_record_keys(attributes, version, erasures)

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        """Writes only over the version `attributes` was read at; raises VersionConflict if the
        record changed since. On success `attributes[VERSION]` is the new version."""
        key = user_key(request_envelope)
        expected = stored_version(attributes)
        text = _encode(data_of(attributes))
        expires_at = expiry_of(attributes)
        erasures = erasures_of(attributes)

        def compare_and_swap(db: sqlite3.Connection) -> int:
            with _immediate_transaction(db):
                row = db.execute("SELECT version FROM attributes WHERE id = ?", (key,)).fetchone()
                found = None if row is None else row[0]
                if found != expected:
                    raise VersionConflict(
                        f"The record changed since it was read (version {found}, not {expected})"
                    )
                if row is None:
                    db.execute(
                        "INSERT INTO attributes (id, attributes, expires_at, version, erasures) "
                        "VALUES (?, ?, ?, 1, ?)",
                        (key, text, expires_at, erasures))
                    return 1
                db.execute("UPDATE attributes SET attributes = ?, expires_at = ?, version = ? WHERE id = ?",
                           (text, expires_at, expected + 1, key))
                return expected + 1

        attributes[VERSION] = self._run("save", compare_and_swap)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Replaces the record with an empty tombstone one version (and one erasure) higher, then
        clears the write-ahead log, so no copy of the old record is left in either file."""
        key = user_key(request_envelope)
        expires_at = tombstone_expiry(request_envelope, self._clock)
        self._run("delete", lambda db: db.execute(
            "INSERT INTO attributes (id, attributes, expires_at, version, erasures) "
            "VALUES (?, '{}', ?, 1, 1) "
            "ON CONFLICT (id) DO UPDATE SET attributes = '{}', expires_at = excluded.expires_at, "
            "version = version + 1, erasures = erasures + 1",
            (key, expires_at)))
        self._checkpoint()

    # -- housekeeping ---------------------------------------------------------------------------
    def purge_expired(self, now: float) -> int:
        """Deletes every row that expired before `now` (epoch seconds); returns how many."""
        removed = self._run("purge expired", lambda db: db.execute(
            "DELETE FROM attributes WHERE expires_at IS NOT NULL AND expires_at < ?", (int(now),)).rowcount)
        self._purged_up_to = now
        if removed:
            self._checkpoint()
        return removed

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _purge_when_due(self, request_envelope: RequestEnvelope) -> None:
        moment = request_time(request_envelope)
        if moment is None:
            return
        now = min(moment, self._clock())
        if self._purged_up_to is not None and now - self._purged_up_to < PURGE_INTERVAL_SECONDS:
            return
        try:
            self.purge_expired(now)
        except PersistenceError:  # housekeeping: the next request tries again
            logger.warning("Could not purge expired rows", exc_info=True)

    def _forget_expired(self, key: str, version: int) -> None:
        # Deletes only the version we read, so a save racing this read is never lost. A failure
        # here is logged, not raised: the record already reads as absent.
        try:
            self._run("delete expired", lambda db: db.execute(
                "DELETE FROM attributes WHERE id = ? AND version = ?", (key, version)))
        except PersistenceError:
            logger.warning("Could not delete an expired attributes row", exc_info=True)

    def _checkpoint(self) -> None:
        # TRUNCATE copies the log into the database file (where secure_delete has zeroed the old
        # content) and empties the log file. Another process reading at this moment can keep the
        # log from emptying; the next checkpoint finishes the job, so this is logged, not raised.
        try:
            busy = self._run(
                "checkpoint", lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            )
            if busy and busy[0]:
                logger.warning("The write-ahead log could not be emptied yet (a reader holds it)")
        except PersistenceError:
            logger.warning("Could not checkpoint the write-ahead log", exc_info=True)

    # -- plumbing -------------------------------------------------------------------------------
    def _run(self, what: str, statement: Callable[[sqlite3.Connection], Result]) -> Result:
        deadline.require(self.worst_case_seconds, f"{what} attributes")
        for attempt in range(1, self._attempts + 1):
            try:
                with self._lock:
                    return statement(self._connect())
            except sqlite3.OperationalError as error:
                if attempt < self._attempts and _is_busy(error):
                    time.sleep(0.05 * attempt)  # another writer holds the file; give it a moment
                    continue
                self._drop_connection()
                raise PersistenceError(f"Could not {what} attributes in {self.path}: {error}") from error
            except sqlite3.Error as error:
                self._drop_connection()
                raise PersistenceError(f"Could not {what} attributes in {self.path}: {error}") from error
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None:
            return self._connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PersistenceError(f"Cannot create the folder for {self.path}: {error}") from error
        connection = sqlite3.connect(
            self.path,
            timeout=self._busy_timeout_ms / 1000,
            isolation_level=None,  # autocommit, and explicit BEGIN IMMEDIATE where a read decides a write
            check_same_thread=False,  # shared across threads, guarded by self._lock
        )
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")  # durable enough in WAL mode, and faster
            connection.execute("PRAGMA secure_delete=ON")  # deleted content is overwritten, not left behind
            connection.execute(_SCHEMA)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(attributes)")}
            for column, statement in _ADDED_COLUMNS.items():
                if column not in columns:
                    connection.execute(statement)
            connection.execute(_EXPIRY_INDEX)
        except sqlite3.Error:
            connection.close()
            raise
        self._connection = connection
        return connection

    def _drop_connection(self) -> None:
        # After an error other than "busy" the connection may be unusable (file replaced, disk
        # full); the next call opens a fresh one.
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


class _immediate_transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: the write lock is taken before the
    read, so nothing can change between the version check and the write."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:
            self.db.execute("ROLLBACK")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def _encode(attributes: dict[str, Any]) -> str:
    try:
        return json.dumps(attributes, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise PersistenceError(f"Attributes are not plain JSON data: {error}") from error


def _decode(text: str, key: str) -> dict[str, Any]:
    try:
        attributes = json.loads(text)
    except ValueError as error:
        raise PersistenceError("Stored attributes of one user are not valid JSON") from error
    if not isinstance(attributes, dict):
        raise PersistenceError("Stored attributes of one user are not a JSON object")
    return attributes
