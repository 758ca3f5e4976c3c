"""Opening the skill: a short welcome, or what matters to a returning user."""

from __future__ import annotations

from datetime import datetime

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from ...core import Question, QuestionId, QuestionKind, rest_gap_remaining
from ..dialog import ask
from ..outcomes import LaunchOutcome, Resting, SessionRunning, Welcome, WelcomeBack
from ..profile import Profile, StoredSession
from ..rendering import show, welcome_back_words
from ..turn import Turn, minutes_left, minutes_to_wait
from .followup import ask_feedback, feedback_due

LOCATION_QUESTION = Question(QuestionId.LOCATION, QuestionKind.SLOT, "location")


def decide_launch(profile: Profile, now: datetime, due: StoredSession | None) -> LaunchOutcome:
    """A first visit, or a returning user: a running session or a rest gap is said first, then
    how the session that just ended (`due`) felt, if nobody asked yet."""
    if not profile.sessions and profile.episode is None:
        return Welcome()
    return WelcomeBack(news=_news(profile, now), feedback=due.modality if due is not None else None)


def _news(profile: Profile, now: datetime) -> SessionRunning | Resting | None:
    running = profile.running_session(now)
    if running is not None:
        return SessionRunning(running.modality, minutes_left(running.ends_at - now))
    gap = rest_gap_remaining(profile.history(), now)
    if gap.total_seconds() > 0:
        return Resting(minutes_to_wait(gap))
    return None


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        due = feedback_due(turn)
        outcome = decide_launch(turn.profile, turn.now, due)
        if isinstance(outcome, Welcome):
            return ask(turn, LOCATION_QUESTION, [turn.say("launch.welcome")])
        if due is not None:
            return ask_feedback(turn, due, welcome_back_words(turn, outcome))
        return show(turn, outcome)
