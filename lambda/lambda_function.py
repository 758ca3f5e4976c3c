"""AWS Lambda entry point: `lambda_handler(event, context)`.

The skill is built once per container, on the first request, from the environment
(DYNAMODB_TABLE, SKILL_DB_PATH, SKILL_ID, LOG_LEVEL).
"""

from __future__ import annotations

import os
from typing import Any

from heat_or_ice import log_policy
from heat_or_ice.skill.builder import build_skill_from_environment
from heat_or_ice.skill.entry import handle_event

log_policy.configure(os.environ)  # LOG_LEVEL for the skill; libraries never log request data
_skill = None


def lambda_handler(event: Any, context: Any) -> dict[str, Any]:
    global _skill
    if _skill is None:
        _skill = build_skill_from_environment()
    return handle_event(_skill, event, context)
