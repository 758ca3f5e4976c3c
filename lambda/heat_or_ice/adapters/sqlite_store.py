"""Persistent attributes in an embedded SQLite file, for running the skill locally.

One row per user: `id` (the user id), `attributes` (JSON text) and `expires_at` (a copy of the
attribute, so a clean-up job can purge expired rows with one DELETE). The same contract as the
DynamoDB store: plain JSON data in and out, expired records read as absent, failures raise
PersistenceError.

Concurrency: a threaded Flask server calls one adapter from many threads, so all statements go
through one connection behind a lock (each statement is microseconds; SQLite serialises writers
anyway). WAL mode and a busy timeout let a second process (a test, a reloader) share the file.

A row whose text is not a JSON object raises PersistenceError instead of reading as empty: an
empty history would hide the last session's time, which the rest-gap advice depends on. The
next save overwrites the broken row.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

from heat_or_ice.adapters.attributes import PersistenceError, expiry_of, is_expired, user_key

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

logger = logging.getLogger(__name__)
Result = TypeVar("Result")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attributes (
    id TEXT PRIMARY KEY,
    attributes TEXT NOT NULL,
    expires_at INTEGER
)
"""


class SqlitePersistenceAdapter(AbstractPersistenceAdapter):
    """AbstractPersistenceAdapter on a SQLite file; the file and its folder appear on first use.

    `busy_timeout_ms` bounds how long one attempt waits for another writer; a locked database is
    tried `attempts` times in all, so a save gives up (raising) well within Alexa's 8 seconds.
    """

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout_ms: int = 300, attempts: int = 2):
        self.path = Path(path)
        self._busy_timeout_ms = busy_timeout_ms
        self._attempts = attempts
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        key = user_key(request_envelope)
        row = self._run("read", lambda db: db.execute(
            "SELECT attributes FROM attributes WHERE id = ?", (key,)).fetchone())
        if row is None:
            return {}
        attributes = _decode(row[0], key)
        if is_expired(attributes, request_envelope):
            self._forget_expired(key, row[0])
            return {}
        return attributes

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        key = user_key(request_envelope)
        text = _encode(attributes)
        expires_at = expiry_of(attributes)
        self._run("save", lambda db: db.execute(
            "INSERT OR REPLACE INTO attributes (id, attributes, expires_at) VALUES (?, ?, ?)",
            (key, text, expires_at)))

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        key = user_key(request_envelope)
        self._run("delete", lambda db: db.execute("DELETE FROM attributes WHERE id = ?", (key,)))

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _forget_expired(self, key: str, text: str) -> None:
        # Deletes only the row we read, so a save racing this read is never lost. A failure here
        # is logged, not raised: the record already reads as absent and the next read retries.
        try:
            self._run("delete expired", lambda db: db.execute(
                "DELETE FROM attributes WHERE id = ? AND attributes = ?", (key, text)))
        except PersistenceError:
            logger.warning("Could not delete an expired attributes row", exc_info=True)

    def _run(self, what: str, statement: Callable[[sqlite3.Connection], Result]) -> Result:
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
            isolation_level=None,  # autocommit: every statement here is its own transaction
            check_same_thread=False,  # shared across threads, guarded by self._lock
        )
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")  # durable enough in WAL mode, and faster
            connection.execute(_SCHEMA)
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
        raise PersistenceError(f"Stored attributes of user {key!r} are not valid JSON") from error
    if not isinstance(attributes, dict):
        raise PersistenceError(f"Stored attributes of user {key!r} are not a JSON object")
    return attributes
