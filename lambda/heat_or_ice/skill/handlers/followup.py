"""After a session: asking how it felt, remembering it, and offering what may come next.

"Heat made it worse" is stored as a session outcome; the core reads outcomes on the next
advice (D17, D18, D24), so this module only records what the person said.
"""

from __future__ import annotations

from datetime import timedelta

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ...adapters import TimerError
from ...core import Answers, Modality, Outcome, advise
from ...core.experience import report_outcome
from ..dialog import clear_expectation, continue_advice
from ..outcomes import (
    AnythingElse,
    FeedbackAsked,
    FeedbackOutcome,
    FeedbackRecorded,
    FeedbackThanks,
    NoSessionToRate,
    OfferStretch,
    state_after,
)
from ..profile import StoredSession
from ..rendering import intro_for, show
from ..slots import read_enum
from ..ssml import Segment
from ..state import DialogState, Waiting
from ..turn import Turn
from . import stretching

FEEDBACK_WINDOW = timedelta(hours=12)  # later than this, "how did it feel?" is no longer a fair question


def feedback_due(turn: Turn) -> StoredSession | None:
    """The last session, if it has ended recently and nobody asked how it felt yet."""
    latest = turn.profile.latest_session()
    if latest is None or latest.feedback_asked or latest.ends_at > turn.now:
        return None
    if turn.now - latest.ends_at > FEEDBACK_WINDOW:
        return None
    if any(o.at >= latest.started_at for o in turn.profile.outcomes):
        return None
    return latest


# Decisions (no words) ----------------------------------------------------------------------
def decide_stretch_or_close(answers: Answers, has_episode: bool) -> OfferStretch | AnythingElse:
    """A stretch when the core allows one for this person, else "anything else?"."""
    allowed = advise(answers).stretches if has_episode else ()
    return OfferStretch() if allowed else AnythingElse()


def decide_feedback_again(state: DialogState) -> FeedbackAsked | FeedbackThanks:
    """A reply that doesn't say how it felt: ask once more, then let it go."""
    if state.misses >= 1 or state.modality is None:
        return FeedbackThanks()
    return FeedbackAsked(state.modality, again=True)


def decide_feedback(
    outcome: Outcome | None,
    said_modality: Modality | None,
    state: DialogState,
    running: StoredSession | None,
    latest: StoredSession | None,
) -> FeedbackOutcome:
    """"It felt better", "the heat made it worse" (`outcome`), or "I'm done", "the ice is off" (None)."""
    if outcome is None:
        session = running or latest
        if session is None:
            return NoSessionToRate()
        return FeedbackAsked(session.modality, session_over=running is not None)
    asked_about = state.modality if state.waiting is Waiting.FEEDBACK else None
    modality = said_modality or asked_about or (latest.modality if latest else None)
    if modality is None:
        return FeedbackThanks()
    take_it_off = outcome is Outcome.WORSE and running is not None and running.modality is modality
    return FeedbackRecorded(modality, outcome, take_it_off=take_it_off)


# The flow ----------------------------------------------------------------------------------
def ask_feedback(turn: Turn, session: StoredSession, intro: list[Segment]) -> Response:
    session.feedback_asked = True
    turn.changed()
    return show(turn, FeedbackAsked(session.modality), intro)


def ask_feedback_again(turn: Turn, state: DialogState) -> Response:
    """A reply that doesn't say how it felt: ask once more, then let it go."""
    outcome = decide_feedback_again(state)
    if isinstance(outcome, FeedbackThanks):
        return offer_stretch_or_close(turn, intro_for(turn, outcome))
    return show(turn, outcome)


def offer_stretch_or_close(turn: Turn, intro: list[Segment]) -> Response:
    """Offers a stretch when the core allows one for this person, else asks if there's anything else."""
    has_episode = turn.profile.episode is not None
    return show(turn, decide_stretch_or_close(turn.profile.answers(), has_episode), intro)


class FeedbackHandler(AbstractRequestHandler):
    """"It felt better", "the heat made it worse", "I'm done", "the ice is off"."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("FeedbackIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        said, _ = read_enum(turn.request, "outcome", Outcome)
        said_modality, _ = read_enum(turn.request, "modality", Modality)
        if said_modality is None and stretching.in_routine(turn):
            if said is Outcome.WORSE:
                return stretching.stop_for_pain(turn)  # "ouch, that hurts" is about the stretch
            if said is None:
                return stretching.stop_routine(turn, turn.state)  # "I'm done" ends the stretches
        profile = turn.profile
        running = profile.running_session(turn.now)
        latest = profile.latest_session()
        outcome = decide_feedback(said, said_modality, turn.state, running, latest)
        if isinstance(outcome, FeedbackAsked):
            if running is not None:  # "the ice is off", "I'm done": the session ended early, and its timer
                _end_now(turn, running)
            session = running or latest
            assert session is not None  # the decision asked about it
            return ask_feedback(turn, session, intro_for(turn, outcome))
        if isinstance(outcome, FeedbackRecorded):
            if outcome.take_it_off and running is not None:
                _end_now(turn, running)
            return record_outcome(turn, outcome.modality, outcome.outcome, take_it_off=outcome.take_it_off)
        if isinstance(outcome, FeedbackThanks):
            clear_expectation(turn)
        return offer_stretch_or_close(turn, intro_for(turn, outcome))


def _end_now(turn: Turn, running: StoredSession) -> None:
    """A session ended early ends at once, its timer with it where the device allows."""
    running.ends_at, running.ended_early = turn.now, True
    if running.timer_id:
        try:
            turn.sessions.timers_for(turn.handler_input).delete(running.timer_id)
        except TimerError:
            pass  # the person is told to take the pack off either way; the timer may still ring


def record_outcome(
    turn: Turn, modality: Modality, outcome: Outcome, *, take_it_off: bool = False
) -> Response:
    answers = turn.profile.answers()
    turn.profile.outcomes.append(report_outcome(answers, modality, outcome, turn.now))
    turn.changed()
    recorded = FeedbackRecorded(modality, outcome, take_it_off=take_it_off)
    turn.move_to(state_after(turn.state, recorded))
    if turn.profile.episode is not None:
        # The next advice learns from it (D17, D18, D24); say it now while it matters. A wish for
        # what just made it worse is not a wish any more: it is not declined back to them.
        answers = turn.profile.answers()
        if outcome is Outcome.WORSE and answers.preference is modality:
            answers = answers.with_changes(preference=None)
        return continue_advice(turn, answers, intro_for(turn, recorded))
    return offer_stretch_or_close(turn, intro_for(turn, recorded))


def followup_handlers() -> list[AbstractRequestHandler]:
    return [FeedbackHandler()]
