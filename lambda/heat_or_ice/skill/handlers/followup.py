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

from ...core import Modality, Outcome, advise
from ...core.experience import report_outcome
from ...core.cautions import session_cautions as cautions_for
from ..dialog import cautions_said, clear_expectation, continue_advice, note_cautions_said, wait_for
from ..state import DialogState, Waiting
from ..profile import StoredSession
from ..slots import read_enum
from ..ssml import Segment
from ..turn import Reply, Turn

FEEDBACK_WINDOW = timedelta(hours=12)  # later than this, "how did it feel?" is no longer a fair question


def session_cautions(turn: Turn, modality: Modality) -> list[Segment]:
    """The session's safety lines, each said once per conversation."""
    said = cautions_said(turn)
    words = [turn.say(f"caution.{c.value}") for c in cautions_for(modality) if c.value not in said]
    note_cautions_said(turn, {c.value for c in cautions_for(modality)})
    return words


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


def ask_feedback(turn: Turn, session: StoredSession, intro: list[Segment]) -> Response:
    session.feedback_asked = True
    turn.changed()
    modality = turn.say(f"modality.{session.modality.value}")
    wait_for(turn, Waiting.FEEDBACK, modality=session.modality)
    return turn.respond(
        Reply(
            speech=[*intro, turn.say("feedback.ask", modality=modality)],
            reprompt=[turn.say("feedback.ask.reprompt", modality=modality)],
        )
    )


def ask_feedback_again(turn: Turn, state: DialogState) -> Response:
    """A reply that doesn't say how it felt: ask once more, then let it go."""
    if state.misses >= 1 or state.modality is None:
        return offer_stretch_or_close(turn, [turn.say("feedback.thanks")])
    modality = turn.say(f"modality.{state.modality.value}")
    turn.move_to(state.with_(misses=state.misses + 1))
    return turn.respond(
        Reply(speech=[turn.say("feedback.ask.reprompt", modality=modality)],
              reprompt=[turn.say("feedback.ask.reprompt", modality=modality)])
    )


def offer_stretch_or_close(turn: Turn, intro: list[Segment]) -> Response:
    """Offers a stretch when the core allows one for this person, else asks if there's anything else."""
    answers = turn.profile.answers()
    allowed = advise(answers).stretches if turn.profile.episode is not None else ()
    if allowed:
        wait_for(turn, Waiting.STRETCH_OFFER)
        return turn.respond(
            Reply(speech=[*intro, turn.say("advice.offer_stretch")], reprompt=[turn.say("advice.offer_stretch.reprompt")])
        )
    wait_for(turn, Waiting.ANYTHING_ELSE)
    return turn.respond(
        Reply(speech=[*intro, turn.say("advice.anything_else")], reprompt=[turn.say("advice.anything_else.reprompt")])
    )


class FeedbackHandler(AbstractRequestHandler):
    """"It felt better", "the heat made it worse", "I'm done", "the ice is off"."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("FeedbackIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        outcome, _ = read_enum(turn.request, "outcome", Outcome)
        said_modality, _ = read_enum(turn.request, "modality", Modality)
        profile = turn.profile
        running = profile.running_session(turn.now)
        if outcome is None:
            session = running or profile.latest_session()
            if session is None:
                return offer_stretch_or_close(turn, [turn.say("feedback.no_session")])
            if running is not None:  # "the ice is off": the session ended early, now
                running.ends_at, running.ended_early = turn.now, True
            return ask_feedback(turn, session, [turn.say("feedback.session_over")] if running else [])
        waiting = turn.state
        asked_about = waiting.modality if waiting.waiting is Waiting.FEEDBACK else None
        latest = profile.latest_session()
        modality = said_modality or asked_about or (latest.modality if latest else None)
        if modality is None:
            clear_expectation(turn)
            return offer_stretch_or_close(turn, [turn.say("feedback.thanks")])
        return record_outcome(turn, modality, outcome)


def record_outcome(turn: Turn, modality: Modality, outcome: Outcome) -> Response:
    answers = turn.profile.answers()
    turn.profile.outcomes.append(report_outcome(answers, modality, outcome, turn.now))
    turn.changed()
    clear_expectation(turn)
    thanks = turn.say(f"feedback.thanks.{outcome.value}", modality=turn.say(f"modality.{modality.value}"))
    if turn.profile.episode is not None:
        # The next advice learns from it (D17, D18, D24); say it now while it matters.
        return continue_advice(turn, turn.profile.answers(), [thanks])
    return offer_stretch_or_close(turn, [thanks])


def followup_handlers() -> list[AbstractRequestHandler]:
    return [FeedbackHandler()]
