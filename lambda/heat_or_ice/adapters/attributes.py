"""What every attribute store shares: the key a user's attributes live under, when they
expire, plain JSON numbers, versions, and the errors the skill layer catches.

Stores keep one record per user. The attributes are plain JSON data (ints, strings, lists,
dicts, bools); `expires_at` (epoch seconds, DynamoDB TTL style) marks a record as gone once
the request's own timestamp has passed it.

Versions: two devices of one person may answer at the same moment, each reading the record and
writing it back. So every write is conditional on the version that was read:
- `get_attributes` returns the record's data plus VERSION (and ERASURES once the person has
  had everything deleted), or {} when there is no record at all;
- `save_attributes` writes only if the stored version still equals the VERSION in the attributes
  it is given (no VERSION: only if there is no record), raises VersionConflict otherwise, and on
  success sets VERSION in that same dict to the new version;
- `delete_attributes` never fails on a conflict: it replaces the record with a tombstone whose
  version and ERASURES count are one higher, so a write prepared from anything read before the
  deletion fails instead of bringing the history back. The tombstone holds no data and expires
  after TOMBSTONE_LIFETIME.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ask_sdk_core.exceptions import PersistenceException

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

EXPIRES_AT = "expires_at"
VERSION = "version"  # the record's version, as read; a save must carry it back
ERASURES = "erasures"  # how many times the person had everything deleted
RECORD_KEYS = (VERSION, ERASURES)  # kept by the store beside the data, not inside it
# Long enough to outlive any request or conversation that read the record before it was erased.
TOMBSTONE_LIFETIME_SECONDS = 24 * 3600


class PersistenceError(PersistenceException):
    """Reading or writing a user's attributes failed.

    A subclass of the SDK's PersistenceException, so exception handlers written for the SDK's
    own adapters catch it too. Never swallowed: a skill that says "saved" must have saved.
    """


class VersionConflict(PersistenceError):
    """The record changed since it was read: nothing was written. Read it again and decide again."""


class OutOfTime(PersistenceError):
    """The request's time budget could not cover another call to the store; nothing was done."""


def user_key(request_envelope: RequestEnvelope) -> str:
    """The user's id, like ask_sdk_dynamodb's user_id_partition_keygen, so both stores agree.

    The id changes when the user disables and re-enables the skill; their history goes with it.
    """
    try:
        user_id = request_envelope.context.system.user.user_id
    except AttributeError:
        user_id = None
    if not user_id:
        raise PersistenceError("The request carries no user id to keep attributes under")
    return user_id


def request_time(request_envelope: RequestEnvelope) -> float | None:
    """Epoch seconds of the request's own timestamp, or None when it has none.

    Expiry is judged by this and never by the system clock, so a test decides what "now" is
    by the envelope it sends, and a replayed request sees the world as it was.
    """
    timestamp = getattr(getattr(request_envelope, "request", None), "timestamp", None)
    if isinstance(timestamp, str):
        try:
            timestamp = datetime.fromisoformat(timestamp)
        except ValueError:
            return None
    if not isinstance(timestamp, datetime):
        return None
    if timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=UTC)  # Alexa timestamps are UTC
    return timestamp.timestamp()


def expiry_of(attributes: dict[str, Any]) -> int | None:
    """The record's `expires_at` as whole epoch seconds, or None when it never expires."""
    expires_at = attributes.get(EXPIRES_AT)
    if expires_at is None:
        return None
    if isinstance(expires_at, bool) or not isinstance(expires_at, (int, float, Decimal)):
        raise PersistenceError(f"{EXPIRES_AT} must be epoch seconds, not {expires_at!r}")
    return int(expires_at)


def is_expired(attributes: dict[str, Any], request_envelope: RequestEnvelope) -> bool:
    """True when the record's `expires_at` lies before the request's timestamp.

    A request without a timestamp cannot judge expiry and keeps the record.
    """
    now = request_time(request_envelope)
    expires_at = expiry_of(attributes)
    return now is not None and expires_at is not None and expires_at < now


def plain_numbers(value: Any) -> Any:
    """Turn DynamoDB's Decimals back into int (or float when fractional), recursively.

    What a store hands back must be json.dumps-able again, because the skill copies persistent
    attributes into session attributes. Sets (DynamoDB SS/NS) come back as sorted lists.
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PersistenceError(f"Stored number {value} is not finite")
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: plain_numbers(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_numbers(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain_numbers(item) for item in value)
    return value


def dynamodb_numbers(value: Any) -> Any:
    """Turn floats into Decimals, recursively, because boto3 refuses Python floats.

    NaN and infinity have no DynamoDB (or JSON) form and are refused.
    """
    if isinstance(value, float):
        if not math.isfinite(value):
            raise PersistenceError(f"Cannot store the number {value}")
        return Decimal(repr(value))  # repr is the shortest string that round-trips
    if isinstance(value, dict):
        return {key: dynamodb_numbers(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [dynamodb_numbers(item) for item in value]
    return value


def stored_version(attributes: dict[str, Any]) -> int | None:
    """The version a save must find in the store: None for "there must be no record"."""
    version = attributes.get(VERSION)
    if version is None:
        return None
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise PersistenceError(f"{VERSION} must be a whole number, not {version!r}")
    return version


def erasures_of(attributes: dict[str, Any]) -> int:
    erasures = attributes.get(ERASURES, 0)
    if isinstance(erasures, bool) or not isinstance(erasures, int) or erasures < 0:
        raise PersistenceError(f"{ERASURES} must be a whole number, not {erasures!r}")
    return erasures


def data_of(attributes: dict[str, Any]) -> dict[str, Any]:
    """The attributes without the record's own keys, as they are stored."""
    return {key: value for key, value in attributes.items() if key not in RECORD_KEYS}


def with_record_keys(data: dict[str, Any], version: int, erasures: int) -> dict[str, Any]:
    """The data as `get_attributes` returns it; ERASURES only once there has been one."""
    attributes = {**data, VERSION: version}
    if erasures:
        attributes[ERASURES] = erasures
    return attributes


def tombstone_expiry(request_envelope: RequestEnvelope, clock: Callable[[], float]) -> int:
    now = request_time(request_envelope)
    return int((now if now is not None else clock()) + TOMBSTONE_LIFETIME_SECONDS)
