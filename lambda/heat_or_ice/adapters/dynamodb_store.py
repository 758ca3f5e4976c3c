"""Persistent attributes in DynamoDB, for the skill on Lambda.

The official ask_sdk_dynamodb DynamoDbAdapter, with three changes the skill needs:
- numbers come back as plain ints (or floats) instead of Decimals, and floats are stored as
  Decimals, so attributes round-trip as JSON data;
- `expires_at` is also written at the item's top level, where the table's TTL looks for it
  (the official adapter nests everything under `attributes`, out of TTL's sight);
- failures raise PersistenceError with the cause attached, and fail fast: a down database must
  not eat Alexa's 8-second budget.

Import this module only once an AWS region is configured: ask_sdk_dynamodb.adapter evaluates
`boto3.resource("dynamodb")` as a default argument at import time. build_persistence_adapter
makes sure of that, and defers the import (boto3 costs cold-start time) until it is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, TypeVar

import boto3
from ask_sdk_dynamodb.adapter import DynamoDbAdapter
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from heat_or_ice.adapters.attributes import (
    EXPIRES_AT,
    PersistenceError,
    dynamodb_numbers,
    expiry_of,
    is_expired,
    plain_numbers,
    user_key,
)

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

Result = TypeVar("Result")

# Two attempts in all, with botocore's own backoff (it retries throttling and dropped
# connections), and short socket timeouts: a request reads and saves once, and both together
# must fail well inside Alexa's 8-second limit so the person still hears an answer.
FAIL_FAST = Config(connect_timeout=0.5, read_timeout=1, retries={"mode": "standard", "total_max_attempts": 2})


def dynamodb_resource(region: str) -> Any:
    """A DynamoDB resource on boto3's default session (whose loaded service models are shared
    with the one ask_sdk_dynamodb built at import). boto3 itself applies
    AWS_ENDPOINT_URL_DYNAMODB, which is how tests reach dynalite."""
    return boto3.resource("dynamodb", region_name=region, config=FAIL_FAST)


class TtlDynamoDbAdapter(DynamoDbAdapter):
    """DynamoDbAdapter returning plain numbers and writing `expires_at` where TTL reads it.

    Items look like {"id": <user id>, "attributes": {...}, "expires_at": <epoch seconds>}.
    DynamoDB deletes expired items lazily (often days later), so get also treats an item whose
    `expires_at` lies before the request's timestamp as absent, as the SQLite store does.
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
            raise PersistenceError(f"Stored attributes of user {key!r} are not a map")
        if is_expired(attributes, request_envelope):
            return {}
        return attributes

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        key = self.partition_keygen(request_envelope)
        item: dict[str, Any] = {
            self.partition_key_name: key,
            self.attribute_name: dynamodb_numbers(attributes),
        }
        expires_at = expiry_of(attributes)
        if expires_at is not None:
            item[EXPIRES_AT] = expires_at
        self._call("save", lambda table: table.put_item(Item=item))

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        key = self.partition_keygen(request_envelope)
        self._call("delete", lambda table: table.delete_item(Key={self.partition_key_name: key}))

    def _call(self, what: str, operation: Callable[[Any], Result]) -> Result:
        try:
            return operation(self.dynamodb.Table(self.table_name))
        except (ClientError, BotoCoreError) as error:
            raise PersistenceError(
                f"Could not {what} attributes in DynamoDB table {self.table_name}: {error}") from error
        except TypeError as error:  # boto3's serializer refuses values DynamoDB has no type for
            raise PersistenceError(f"Attributes are not plain JSON data: {error}") from error


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
