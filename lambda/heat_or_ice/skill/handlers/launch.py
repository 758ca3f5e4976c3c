"""Opening the skill: a short welcome, or what matters to a returning user."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from ...core import Question, QuestionId, QuestionKind, rest_gap_remaining
from ..dialog import ask
from ..ssml import Segment
from ..turn import Reply, Turn, minutes_left, minutes_to_wait
from .followup import feedback_due, ask_feedback


def returning_news(turn: Turn) -> list[Segment]:
    """A running session or a rest gap, said first to a returning user."""
    profile = turn.profile
    running = profile.running_session(turn.now)
    if running is not None:
        minutes = minutes_left(running.ends_at - turn.now)
        return [turn.say("launch.session_running", modality=turn.say(f"modality.{running.modality.value}"), minutes=minutes)]
    gap = rest_gap_remaining(profile.history(), turn.now)
    if gap.total_seconds() > 0:
        return [turn.say("launch.resting", minutes=minutes_to_wait(gap))]
    return []


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        profile = turn.profile
        if not profile.sessions and profile.episode is None:
            location_question = Question(QuestionId.LOCATION, QuestionKind.SLOT, "location")
            return ask(turn, location_question, [turn.say("launch.welcome")])
        greeting: list[Segment] = [turn.say("launch.welcome_back"), *returning_news(turn)]
        session = feedback_due(turn)
        if session is not None:
            return ask_feedback(turn, session, greeting)
        return turn.respond(
            Reply(speech=[*greeting, turn.say("launch.what_next")], reprompt=[turn.say("launch.what_next.reprompt")])
        )
