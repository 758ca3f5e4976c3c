"""Built-in intents and the requests nobody asked for: help, repeat, fallback, start over,
stop, session end, yes/no with nothing pending, and a last catch-all so every request is answered."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import IntentRequest, Response

from ...core import Advice, Answers, advise
from ...core.advice import CARE_ACTIONS
from ..dialog import clear_expectation, continue_advice, pending_question, question_words
from ..outcomes import GiveCare
from ..rendering import show
from ..state import Waiting
from ..turn import Reply, Turn

# Requests Alexa sends that must not be answered with speech.
SILENT_REQUEST_PREFIXES = (
    "SessionEndedRequest",
    "System.ExceptionEncountered",
    "AudioPlayer.",
    "PlaybackController.",
    "AlexaSkillEvent.",
    "AlexaHouseholdListEvent.",
    "Messaging.",
)


def _care_standing(turn: Turn) -> Advice | None:
    """The care advice of this episode, while its warning signs still stand."""
    if turn.profile.episode is None:
        return None
    advice = advise(turn.profile.answers())
    return advice if advice.action in CARE_ACTIONS else None


def what_next(turn: Turn, intro: list) -> Response:
    if (care := _care_standing(turn)) is not None:
        # The warning signs still stand: the care words again, never the menu of heat and ice.
        return show(turn, GiveCare(care), intro)
    return turn.respond(
        Reply(speech=[*intro, turn.say("launch.what_next")], reprompt=[turn.say("launch.what_next.reprompt")])
    )


def repeat_expectation(turn: Turn, intro: list) -> Response | None:
    """Says the pending question or offer again after `intro`; None when nothing is pending."""
    question_id = pending_question(turn)
    if question_id is not None:
        words, reprompt = question_words(turn, question_id)
        return turn.respond(Reply(speech=[*intro, words], reprompt=[reprompt]))
    last = turn.session.get("last_said")
    if (turn.state.waiting is not Waiting.NOTHING and isinstance(last, dict)
            and isinstance(last.get("speech"), str)):
        # The short form of what is pending ("Would you like me to time a 10 minute ice session?"),
        # not the whole advice again; "repeat" is the way to hear all of it.
        short = last.get("reprompt")
        said = short if isinstance(short, str) and short else last["speech"]
        reprompt = [turn.say("help.offer")]
        return turn.respond(Reply(speech=[*intro, said], reprompt=reprompt))
    return None


class HelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        if turn.state.waiting in (Waiting.STRETCH_READY, Waiting.STRETCH_NEXT):
            return turn.respond(
                Reply(speech=[turn.say("help.stretch")], reprompt=[turn.say("stretch.next.reprompt")])
            )
        explanation = turn.say("help.question" if pending_question(turn) is not None else "help.offer")
        return repeat_expectation(turn, [explanation]) or what_next(turn, [turn.say("help.general")])


class RepeatHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        question_id = pending_question(turn)
        if question_id is not None:
            # The question, not the welcome or the sympathy said before it once.
            words, reprompt = question_words(turn, question_id)
            return turn.respond(Reply(speech=[words], reprompt=[reprompt]))
        last = turn.session.get("last_said")
        said = last.get("speech") if isinstance(last, dict) else None
        if not isinstance(said, str) or not said:
            # A new visit: the care words still standing are what was said last, so they are said again.
            return what_next(turn, [] if _care_standing(turn) else [turn.say("repeat.nothing")])
        reprompt = last.get("reprompt")
        if isinstance(reprompt, str) and reprompt:
            return turn.respond(Reply(speech=[said], reprompt=[reprompt]))
        return turn.respond(Reply(speech=[said], end_session=turn.state.waiting is Waiting.NOTHING))


class StartOverHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.StartOverIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        outcomes = turn.profile.answers().outcomes  # how sessions felt stays; the episode starts again
        turn.forget_episode()
        clear_expectation(turn)
        return continue_advice(turn, Answers(outcomes=outcomes), [turn.say("start_over")])


class NavigateHomeHandler(AbstractRequestHandler):
    """Home: what the skill can do."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NavigateHomeIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        clear_expectation(turn)
        return what_next(turn, [])


class GoodbyeHandler(AbstractRequestHandler):
    """Stop or cancel."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (is_intent_name("AMAZON.StopIntent")(handler_input)
                or is_intent_name("AMAZON.CancelIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return goodbye(Turn.of(handler_input), [])


def goodbye(turn: Turn, intro: list) -> Response:
    """Ends the visit, keeping every answer given so far (saved because the session ends)."""
    clear_expectation(turn)
    if isinstance(turn.session.get("episode"), dict):
        turn.remember_answers(turn.profile.answers(), save_now=True)
    resting = turn.profile.latest_session() is not None and turn.profile.running_session(turn.now) is None
    return turn.respond(
        Reply(speech=[*intro, turn.say("goodbye.resting" if resting else "goodbye")], end_session=True)
    )


class SessionEndedHandler(AbstractRequestHandler):
    """The person stopped answering or left: keep the answers they gave, for next time."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        if isinstance(turn.session.get("episode"), dict):
            turn.remember_answers(turn.profile.answers(), save_now=True)
        return handler_input.response_builder.response  # Alexa ignores any speech here


class UnhandledRequestHandler(AbstractRequestHandler):
    """Registered last: unknown intents, yes/no out of context, and odd request types."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        request_type = getattr(request, "object_type", None) or ""
        if request_type.startswith(SILENT_REQUEST_PREFIXES):
            return handler_input.response_builder.response
        turn = Turn.of(handler_input)
        if isinstance(request, IntentRequest):
            repeated = repeat_expectation(turn, [turn.say("fallback.question")])
            if repeated is not None:
                return repeated
        return what_next(turn, [turn.say("fallback.general")])
