"""Puts the skill together: handlers in order, interceptors, persistence and the API client.

`build_skill_from_environment` is the composition root used by Lambda and the local server:
DYNAMODB_TABLE selects DynamoDB (boto3 honours AWS_ENDPOINT_URL_DYNAMODB), otherwise SQLite at
SKILL_DB_PATH; SKILL_ID turns on the SDK's application-id check.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model.services import ApiClient

from .. import log_policy
from ..adapters import LazyApiClient, build_persistence_adapter
from .attempts import DecideAgainOnConflict
from .errors import SpeakingExceptionHandler
from .handlers.advice import RecommendIntentHandler
from .handlers.followup import followup_handlers
from .handlers.launch import LaunchHandler
from .handlers.navigation import (
    GoodbyeHandler,
    HelpHandler,
    NavigateHomeHandler,
    RepeatHandler,
    SessionEndedHandler,
    StartOverHandler,
    UnhandledRequestHandler,
)
from .handlers.privacy import privacy_handlers
from .handlers.sessions import session_handlers
from .handlers.stretching import stretch_handlers
from .interceptors import RequestLogInterceptor, SaveProfileInterceptor
from .replies import ReplyHandler
from .serializer import AlexaSerializer
from .timed_sessions import SessionCapability, TimersFactory
from .turn import SESSIONS_KEY


def build_skill(
    *,
    persistence_adapter: AbstractPersistenceAdapter,
    api_client: ApiClient | None = None,
    skill_id: str | None = None,
    timers_for: TimersFactory | None = None,
) -> CustomSkill:
    log_policy.quiet_libraries()  # whoever hosts the skill, boto3 and friends never log its data
    builder = CustomSkillBuilder(
        persistence_adapter=persistence_adapter, api_client=api_client or LazyApiClient()
    )
    builder.skill_id = skill_id or None
    sessions = SessionCapability(timers_for) if timers_for else SessionCapability()
    # Every yes, no, "I don't know" and fallback goes to the reply table (replies.py), whatever
    # is pending; intent handlers follow, and the catch-all comes last.
    handlers = [
        LaunchHandler(),
        SessionEndedHandler(),
        ReplyHandler(sessions),
        *stretch_handlers(),  # before the session handlers: "I want to stop" in a stretch is the stretch
        *session_handlers(sessions),
        *followup_handlers(),
        *privacy_handlers(),
        RecommendIntentHandler(),
        HelpHandler(),
        RepeatHandler(),
        StartOverHandler(),
        NavigateHomeHandler(),
        GoodbyeHandler(),
        UnhandledRequestHandler(),
    ]
    for handler in handlers:
        builder.add_request_handler(handler)
    builder.add_global_request_interceptor(RequestLogInterceptor())
    builder.add_global_request_interceptor(SessionsWithEveryRequest(sessions))
    builder.add_global_response_interceptor(SaveProfileInterceptor())
    builder.add_exception_handler(DecideAgainOnConflict())  # before the catch-all, which would answer it
    builder.add_exception_handler(SpeakingExceptionHandler())
    skill = builder.create()
    skill.serializer = AlexaSerializer()
    return skill


class SessionsWithEveryRequest(AbstractRequestInterceptor):
    """Lets any flow reach timed sessions (the advice dialog starts one after screening)."""

    def __init__(self, sessions: SessionCapability):
        self.sessions = sessions

    def process(self, handler_input: HandlerInput) -> None:
        handler_input.attributes_manager.request_attributes[SESSIONS_KEY] = self.sessions


def build_skill_from_environment(environ: Mapping[str, str] = os.environ) -> CustomSkill:
    log_policy.quiet_libraries()  # before boto3 is even loaded
    return build_skill(
        persistence_adapter=build_persistence_adapter(environ),
        skill_id=environ.get("SKILL_ID") or None,
    )
