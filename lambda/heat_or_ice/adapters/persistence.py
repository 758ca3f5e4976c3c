"""Choose where the skill keeps each user's attributes, from the environment.

- `DYNAMODB_TABLE` set: DynamoDB (on Lambda). The table already exists, key `id` (S), TTL on the
  top-level attribute `expires_at`. The region comes from `AWS_REGION` (always set on Lambda) or
  `AWS_DEFAULT_REGION`, else from the AWS config file; boto3 itself honours
  `AWS_ENDPOINT_URL_DYNAMODB` (a local DynamoDB such as dynalite).
- otherwise: SQLite at `SKILL_DB_PATH`, by default `$XDG_DATA_HOME/heat-or-ice/skill.sqlite3`
  (`~/.local/share/heat-or-ice/skill.sqlite3`): per user account and outside the checkout, so
  local history survives `git clean` and never lands in a commit. On Lambda only /tmp is
  writable and is wiped between cold starts; set DYNAMODB_TABLE there.

boto3 and ask_sdk_dynamodb are imported only on the DynamoDB path: they cost cold-start time,
and ask_sdk_dynamodb needs a region the moment it is imported.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

from heat_or_ice.adapters.attributes import EXPIRES_AT, PersistenceError, plain_numbers
from heat_or_ice.adapters.sqlite_store import SqlitePersistenceAdapter

__all__ = [
    "EXPIRES_AT",
    "PersistenceError",
    "SqlitePersistenceAdapter",
    "build_persistence_adapter",
    "default_sqlite_path",
    "plain_numbers",
]


def build_persistence_adapter(environ: Mapping[str, str] = os.environ) -> AbstractPersistenceAdapter:
    """The store the environment asks for. Does no I/O: a broken store fails on first use.

    Raises PersistenceError when DYNAMODB_TABLE is set but no AWS region can be found.
    """
    table_name = environ.get("DYNAMODB_TABLE", "").strip()
    if table_name:
        return _dynamodb_adapter(table_name, environ)
    explicit_path = environ.get("SKILL_DB_PATH", "").strip()
    path = Path(explicit_path).expanduser() if explicit_path else default_sqlite_path(environ)
    return SqlitePersistenceAdapter(path)


def default_sqlite_path(environ: Mapping[str, str] = os.environ) -> Path:
    data_home = environ.get("XDG_DATA_HOME", "").strip()
    if data_home:
        base = Path(data_home)
    else:
        home = environ.get("HOME", "").strip()
        base = (Path(home) if home else Path.home()) / ".local" / "share"
    return base / "heat-or-ice" / "skill.sqlite3"


def _dynamodb_adapter(table_name: str, environ: Mapping[str, str]) -> AbstractPersistenceAdapter:
    import boto3  # deferred: about a tenth of a second of cold start

    region = (
        environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION") or boto3.session.Session().region_name
    )
    if not region:
        raise PersistenceError(f"DYNAMODB_TABLE={table_name} is set but no AWS region is: set AWS_REGION")
    # ask_sdk_dynamodb.adapter calls boto3.resource("dynamodb") on import, through boto3's
    # default session; without a region there that import raises NoRegionError.
    if boto3.DEFAULT_SESSION is None or boto3.DEFAULT_SESSION.region_name is None:
        boto3.setup_default_session(region_name=region)

    from heat_or_ice.adapters.dynamodb_store import build_dynamodb_adapter

    return build_dynamodb_adapter(table_name, region)
