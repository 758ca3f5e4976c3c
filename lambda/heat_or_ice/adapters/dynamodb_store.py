"""Persistent attributes in DynamoDB, for the skill on Lambda.

The official ask_sdk_dynamodb DynamoDbAdapter, with the changes the skill needs:
- numbers come back as plain ints (or floats) instead of Decimals, and floats are stored as
  Decimals, so attributes round-trip as JSON data;
- `expires_at` is also written at the item's top level, where the table's TTL looks for it
  (the official adapter nests everything under `attributes`, out of TTL's sight);
- every save is a put with a ConditionExpression on the item's `version` (attribute_not_exists
  for the first), and a deletion is one atomic update into a tombstone one version higher (see
  attributes.py), so two devices answering at once can never overwrite each other;
- failures raise PersistenceError with the cause attached, and fail fast: a down database must
  not eat Alexa's 8-second budget (and a call starts only if its worst case fits the request's).

Import this module only once an AWS region is configured: ask_sdk_dynamodb.adapter evaluates
`boto3.resource("dynamodb")` as a default argument at import time. build_persistence_adapter
makes sure of that, and defers the import (boto3 costs cold-start time) until it is needed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import boto3
from ask_sdk_dynamodb.adapter import DynamoDbAdapter
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from heat_or_ice.adapters import deadline
from heat_or_ice.adapters.attributes import (
    ERASURES,
    EXPIRES_AT,
    VERSION,
    PersistenceError,
    VersionConflict,
    data_of,
    dynamodb_numbers,
    erasures_of,
    expiry_of,
    is_expired,
    plain_numbers,
    stored_version,
    tombstone_expiry,
    user_key,
    with_record_keys,
)

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

logger = logging.getLogger(__name__)
Result = TypeVar("Result")

# Two attempts in all, with botocore's own backoff (it retries throttling and dropped
# connections), and short socket timeouts: a request reads and saves once, and both together
# must fail well inside Alexa's 8-second limit so the person still hears an answer.
FAIL_FAST = Config(connect_timeout=0.5, read_timeout=1, retries={"mode": "standard", "total_max_attempts": 2})
# Two attempts of connect + read, and botocore's standard backoff before the second (at most 1 s).
WORST_CASE_SECONDS = 2 * (0.5 + 1) + 1.0
CONFLICT = "ConditionalCheckFailedException"


def dynamodb_resource(region: str) -> Any:
    """A DynamoDB resource on boto3's default session (whose loaded service models are shared
    with the one ask_sdk_dynamodb built at import). boto3 itself applies
    AWS_ENDPOINT_URL_DYNAMODB, which is how tests reach dynalite."""
    return boto3.resource("dynamodb", region_name=region, config=FAIL_FAST)


class TtlDynamoDbAdapter(DynamoDbAdapter):
    """DynamoDbAdapter returning plain numbers, writing `expires_at` where TTL reads it, and
    writing only over the version it read.

    Items look like {"id": <user id>, "attributes": {...}, "version": n, "erasures": e,
    "expires_at": <epoch seconds>}. DynamoDB deletes expired items lazily (often days later), so
    get also treats an item whose `expires_at` lies before the request's timestamp as absent
    (and deletes that version of it), as the SQLite store does.
    """

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        key = self.partition_keygen(request_envelope)
        response = self._call("read", lambda table: table.get_item(
            Key={self.partition_key_name: key}, ConsistentRead=True))
        item = response.get("Item")
        if item is None:
            return {}
        attributes = plain_numbers(item.get(self.attribute_name, {}))
        if not isinstance(attributes, dict):
            raise PersistenceError("Stored attributes of one user are not a map")
        version = plain_numbers(item.get(VERSION, 0))
        erasures = plain_numbers(item.get(ERASURES, 0))
        # The top-level copy is what TTL reads, and a tombstone has only that one.
        expiry = {EXPIRES_AT: plain_numbers(item[EXPIRES_AT])} if EXPIRES_AT in item else attributes
        if is_expired(expiry, request_envelope):
            self._forget_expired(key, version)
            return {}
        return with_record_keys(attributes, version, erasures)

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        """Writes only over the version `attributes` was read at; raises VersionConflict if the
        item changed since. On success `attributes[VERSION]` is the new version."""
        key = self.partition_keygen(request_envelope)
        expected = stored_version(attributes)
        new_version = 1 if expected is None else expected + 1
        item: dict[str, Any] = {
            self.partition_key_name: key,
            self.attribute_name: dynamodb_numbers(data_of(attributes)),
            VERSION: new_version,
            ERASURES: erasures_of(attributes),
        }
        expires_at = expiry_of(attributes)
        if expires_at is not None:
            item[EXPIRES_AT] = expires_at
        if expected is None:
            condition = {"ConditionExpression": "attribute_not_exists(#key)",
                         "ExpressionAttributeNames": {"#key": self.partition_key_name}}
        elif expected == 0:  # an item written before versions existed
            condition = {"ConditionExpression": "attribute_exists(#key) AND attribute_not_exists(#version)",
                         "ExpressionAttributeNames": {"#key": self.partition_key_name, "#version": VERSION}}
        else:
            condition = {"ConditionExpression": "#version = :expected",
                         "ExpressionAttributeNames": {"#version": VERSION},
                         "ExpressionAttributeValues": {":expected": expected}}
        self._call("save", lambda table: table.put_item(Item=item, **condition))
        attributes[VERSION] = new_version

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """One atomic update into an empty tombstone one version (and one erasure) higher: no
        write prepared from an earlier read can land after it."""
        key = self.partition_keygen(request_envelope)
        self._call("delete", lambda table: table.update_item(
            Key={self.partition_key_name: key},
            UpdateExpression=(
                "SET #attributes = :nothing, #expires = :expires, "
                "#version = if_not_exists(#version, :zero) + :one, "
                "#erasures = if_not_exists(#erasures, :zero) + :one"
            ),
            ExpressionAttributeNames={"#attributes": self.attribute_name, "#expires": EXPIRES_AT,
                                      "#version": VERSION, "#erasures": ERASURES},
            ExpressionAttributeValues={":nothing": {}, ":zero": 0, ":one": 1,
                                       ":expires": tombstone_expiry(request_envelope, time.time)},
        ))

    def _forget_expired(self, key: str, version: int) -> None:
        # Only the version read: a save racing this read is never lost. Failing here changes
        # nothing for the caller (the item already reads as absent), so it is not raised.
        try:
            self._call("delete expired", lambda table: table.delete_item(
                Key={self.partition_key_name: key},
                ConditionExpression="attribute_not_exists(#version) OR #version = :read",
                ExpressionAttributeNames={"#version": VERSION},
                ExpressionAttributeValues={":read": version}))
        except PersistenceError:
            logger.warning("Could not delete an expired item", exc_info=False)

    def _call(self, what: str, operation: Callable[[Any], Result]) -> Result:
        deadline.require(WORST_CASE_SECONDS, f"{what} attributes")
        try:
            return operation(self.dynamodb.Table(self.table_name))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == CONFLICT:
                raise VersionConflict(f"The item changed since it was read ({what})") from None
            raise PersistenceError(
                f"Could not {what} attributes in DynamoDB table {self.table_name}: {_code(error)}") from error
        except BotoCoreError as error:
            raise PersistenceError(
                f"Could not {what} attributes in DynamoDB table {self.table_name}: "
                f"{type(error).__name__}") from error
        except TypeError as error:  # boto3's serializer refuses values DynamoDB has no type for
            raise PersistenceError(f"Attributes are not plain JSON data: {error}") from error


def _code(error: ClientError) -> str:
    # The error's code only: DynamoDB's messages can quote key values (the user id).
    return str(error.response.get("Error", {}).get("Code") or "ClientError")


def build_dynamodb_adapter(table_name: str, region: str) -> TtlDynamoDbAdapter:
    """The adapter on an existing table with key `id` (S); it never creates the table."""
    return TtlDynamoDbAdapter(
        table_name=table_name,
        partition_key_name="id",
        attribute_name="attributes",
        create_table=False,
        partition_keygen=user_key,  # same key as the SQLite store, raising PersistenceError
        dynamodb_resource=dynamodb_resource(region),
    )
