"""I/O at the edge of the skill: where user attributes are kept, and Alexa timers.

Importing this package stays cheap: `requests` is loaded on the first service call
(LazyApiClient) and boto3 only when DynamoDB is chosen (build_persistence_adapter).
"""

from heat_or_ice.adapters.api_client import ApiUnreachableError, LazyApiClient
from heat_or_ice.adapters.attributes import (
    ERASURES,
    EXPIRES_AT,
    VERSION,
    OutOfTime,
    PersistenceError,
    VersionConflict,
    plain_numbers,
)
from heat_or_ice.adapters.persistence import build_persistence_adapter
from heat_or_ice.adapters.sqlite_store import SqlitePersistenceAdapter
from heat_or_ice.adapters.timers import (
    MAX_TIMER_DURATION,
    AlexaTimers,
    TimerError,
    TimerErrorKind,
    TimerInfo,
    Timers,
    TimerSpec,
)

__all__ = [
    "ERASURES",
    "EXPIRES_AT",
    "VERSION",
    "OutOfTime",
    "VersionConflict",
    "MAX_TIMER_DURATION",
    "AlexaTimers",
    "ApiUnreachableError",
    "LazyApiClient",
    "PersistenceError",
    "SqlitePersistenceAdapter",
    "TimerError",
    "TimerErrorKind",
    "TimerInfo",
    "TimerSpec",
    "Timers",
    "build_persistence_adapter",
    "plain_numbers",
]
