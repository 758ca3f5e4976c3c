"""What may reach the logs.

The skill's own loggers ("heat_or_ice.*") write redacted lines: request types, intent and slot
names, exception types, never user ids, tokens or what the person said. The libraries below it
are another matter: at DEBUG, botocore logs every request and answer body (the user id is the
item's key, the answers are its attributes), urllib3 logs URLs, and so on. Lambda's log-level
setting (AWS_LAMBDA_LOG_LEVEL) turns the root logger to DEBUG, which every library logger
inherits unless it has a level of its own. So each of them gets WARNING as its own level, and
the handlers present at start-up (Lambda's) also drop their records below WARNING, in case a
library resets its level later.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

SKILL_LOGGER = "heat_or_ice"
LIBRARIES = (
    "boto3",
    "botocore",
    "s3transfer",
    "urllib3",
    "requests",
    "ask_sdk_core",
    "ask_sdk_runtime",
    "ask_sdk_model",
    "ask_sdk_dynamodb",
    "ask_sdk_webservice_support",
    "flask_ask_sdk",
    "certvalidator",
)
LIBRARY_LEVEL = logging.WARNING


def is_library_record(record: logging.LogRecord) -> bool:
    return any(record.name == name or record.name.startswith(name + ".") for name in LIBRARIES)


class LibraryChatterFilter(logging.Filter):
    """Drops library records below WARNING, whatever level their logger was given."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= LIBRARY_LEVEL or not is_library_record(record)


def quiet_libraries() -> None:
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(LIBRARY_LEVEL)


def configure(environ: Mapping[str, str]) -> None:
    """For a process that runs the skill (Lambda, the local server): LOG_LEVEL (default INFO)
    for the skill's own loggers, and the libraries kept quiet."""
    level = (environ.get("LOG_LEVEL") or "INFO").strip().upper()
    logging.getLogger(SKILL_LOGGER).setLevel(level if level in logging.getLevelNamesMapping() else "INFO")
    quiet_libraries()
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, LibraryChatterFilter) for f in handler.filters):
            handler.addFilter(LibraryChatterFilter())
