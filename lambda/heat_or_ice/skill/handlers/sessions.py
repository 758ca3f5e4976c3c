"""Intents for timed sessions: start, status, cancel, the rest-gap timer, and the answer to the
voice permission request. The work itself is in `timed_sessions.SessionCapability`."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response

from ...adapters import MAX_TIMER_DURATION
from ...core import Modality
from ...core.timing import REST_GAP
from ..dialog import expecting, whole_number
from ..slots import read_enum, read_minutes
from ..timed_sessions import SessionCapability, plan_from_token
from ..turn import Turn

MAX_TIMER_MINUTES = int(MAX_TIMER_DURATION.total_seconds() // 60)
REST_GAP_MINUTES = int(REST_GAP.total_seconds() // 60)
from .followup import offer_stretch_or_close


def _modality(value: Any) -> Modality | None:
    try:
        return Modality(value)
    except ValueError:
        return None


class StartSessionHandler(AbstractRequestHandler):
    def __init__(self, sessions: SessionCapability):
        self.sessions = sessions

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("StartSessionIntent")(handler_input):
            return True
        turn = Turn.of(handler_input)
        if is_intent_name("AMAZON.YesIntent")(handler_input):
            return bool(expecting(turn, "offer_session"))
        # "Ice", answering "heat or ice?", arrives as RecommendIntent's preference.
        return (
            is_intent_name("RecommendIntent")(handler_input)
            and bool(expecting(turn, "session_modality"))
            and read_enum(turn.request, "preference", Modality)[0] is not None
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        offered = expecting(turn, "offer_session")
        if is_intent_name("AMAZON.YesIntent")(handler_input) and offered:
            return self.sessions.start(turn, _modality(offered.get("modality")), None, [])
        modality, _ = read_enum(turn.request, "modality", Modality)
        modality = modality or read_enum(turn.request, "preference", Modality)[0]
        waiting = expecting(turn, "session_modality")
        minutes = read_minutes(turn.request, "duration") or whole_number(
            (waiting or {}).get("minutes"), low=1, high=MAX_TIMER_MINUTES
        )
        return self.sessions.start(turn, modality, minutes, [])


class RestTimerHandler(AbstractRequestHandler):
    """Yes to "shall I set a timer for the end of your rest break?"."""

    def __init__(self, sessions: SessionCapability):
        self.sessions = sessions

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.YesIntent")(handler_input) and bool(expecting(Turn.of(handler_input), "offer_rest_timer"))

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        offered = expecting(turn, "offer_rest_timer") or {}
        minutes = whole_number(offered.get("minutes"), low=1, high=MAX_TIMER_MINUTES) or REST_GAP_MINUTES
        return self.sessions.rest_timer(turn, minutes)


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
        return is_request_type("Connections.Response")(handler_input) and getattr(request, "name", None) == "AskFor"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        turn.session["permission_asked"] = True
        request = handler_input.request_envelope.request
        payload = request.payload if isinstance(request.payload, dict) else {}
        status_code = str(getattr(request.status, "code", ""))
        answer = payload.get("status") if status_code == "200" else "NOT_ANSWERED"
        plan = plan_from_token(turn, request.token)
        if plan is None:
            return offer_stretch_or_close(turn, [turn.say("session.permission_plan_lost")])
        if answer == "ACCEPTED":
            return self.sessions.create_timer(turn, plan, [turn.say("session.permission_thanks")])
        return self.sessions.time_it_yourself(turn, plan, add_card=payload.get("isCardThrown") is not True)


def session_handlers(sessions: SessionCapability) -> list[AbstractRequestHandler]:
    return [
        StartSessionHandler(sessions),
        RestTimerHandler(sessions),
        SessionStatusHandler(sessions),
        CancelSessionHandler(sessions),
        PermissionAnswerHandler(sessions),
    ]
