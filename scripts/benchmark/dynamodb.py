"""A local DynamoDB (dynalite, in memory, on loopback) for the production-configuration phases.

The same helper the tests use (tests/support/dynalite.py); one table shaped like the skill's
(key `id`, on demand). Both skills reach it through plain boto3 and the environment, as on Lambda.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

TABLE = "heat-or-ice-bench"


@contextmanager
def local_dynamodb() -> Iterator[tuple[dict[str, str] | None, str]]:
    """(the environment that points a skill at the table, or None; why not, if None)."""
    from tests.support.dynalite import DynaliteUnavailable, start_dynalite

    try:
        server = start_dynalite()
    except DynaliteUnavailable as error:
        yield None, str(error)
        return
    try:
        server.create_table(TABLE)
        yield dict(server.environ(), DYNAMODB_TABLE=TABLE), ""
    finally:
        server.stop()
