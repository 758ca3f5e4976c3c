"""Intents for timed sessions: start, status, cancel, the rest-gap timer, and the answer to the
voice permission request. The work itself is in `timed_sessions.SessionCapability`."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response

from ...core import Modality
from ..slots import read_enum, read_minutes
from ..state import Waiting
from ..timed_sessions import SessionCapability, plan_from_token
from ..turn import Turn
from .followup import offer_stretch_or_close


class StartSessionHandler(AbstractRequestHandler):
    def __init__(self, sessions: SessionCapability):
        self.sessions = sessions

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("StartSessionIntent")(handler_input):
            return True
        # "Ice", answering "heat or ice?", arrives as RecommendIntent's preference.
        turn = Turn.of(handler_input)
        return (
            is_intent_name("RecommendIntent")(handler_input)
            and turn.state.waiting is Waiting.SESSION_MODALITY
            and read_enum(turn.request, "preference", Modality)[0] is not None
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        modality, _ = read_enum(turn.request, "modality", Modality)
        modality = modality or read_enum(turn.request, "preference", Modality)[0]
        waiting = turn.state
        asked_minutes = waiting.minutes if waiting.waiting is Waiting.SESSION_MODALITY else None
        minutes = read_minutes(turn.request, "duration") or asked_minutes
        return self.sessions.start(turn, modality, minutes, [])


class SessionStatusHandler(AbstractRequestHandler):
    def __init__(self, sessions: SessionCapability):
        self.sessions = sessions

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("SessionStatusIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        modality, _ = read_enum(turn.request, "modality", Modality)
        return self.sessions.status(turn, modality)


class CancelSessionHandler(AbstractRequestHandler):
    def __init__(self, sessions: SessionCapability):
        self.sessions = sessions

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("CancelSessionIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.sessions.cancel(Turn.of(handler_input))


class PermissionAnswerHandler(AbstractRequestHandler):
    """Alexa's answer to our voice permission request for timers."""

    def __init__(self, sessions: SessionCapability):
        self.sessions = sessions

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return (
            is_request_type("Connections.Response")(handler_input)
            and getattr(request, "name", None) == "AskFor"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        turn.move_to(turn.state.with_(permission_asked=True))
        request = handler_input.request_envelope.request
        payload = request.payload if isinstance(request.payload, dict) else {}
        status_code = str(getattr(request.status, "code", ""))
        answer = payload.get("status") if status_code == "200" else "NOT_ANSWERED"
        plan = plan_from_token(turn, request.token)
        if plan is None:
            return offer_stretch_or_close(turn, [turn.say("session.permission_plan_lost")])
        return self.sessions.after_permission(
            turn, plan, accepted=answer == "ACCEPTED", consent_card=payload.get("isCardThrown") is not True)


def session_handlers(sessions: SessionCapability) -> list[AbstractRequestHandler]:
    return [
        StartSessionHandler(sessions),
        SessionStatusHandler(sessions),
        CancelSessionHandler(sessions),
        PermissionAnswerHandler(sessions),
    ]
