"""What "yes", "no", "I don't know" and an unexpected reply mean, in each dialog state: one table.

Every short reply is routed here and nowhere else, so the meaning of "yes" never depends on the
order in which handlers happen to be registered. A row names the flow that answers; the flows
decide and render, this module only looks up.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import IntentRequest, Response

from ..core import Reply as Answer
from .handlers import stretching
from .handlers.advice import answer_question, missed_question
from .handlers.followup import ask_feedback_again, offer_stretch_or_close
from .handlers.navigation import goodbye, repeat_expectation, what_next
from .handlers.privacy import answer_forget
from .state import DialogState, Waiting
from .timed_sessions import SessionCapability
from .turn import Reply, Turn


class Said(str, Enum):
    YES = "YES"
    NO = "NO"
    DONT_KNOW = "DONT_KNOW"
    OTHER = "OTHER"  # a fallback, or an intent that doesn't answer what was asked


SAID_BY_INTENT = {
    "AMAZON.YesIntent": Said.YES,
    "AMAZON.NoIntent": Said.NO,
    "DontKnowIntent": Said.DONT_KNOW,
    "AMAZON.FallbackIntent": Said.OTHER,
}

# Intents that keep their own meaning whatever is pending: leaving, help, repeating, privacy,
# a description of the pain (which may itself answer the question), and anything that carries
# what the person did or felt (a session's outcome is never dropped for a pending question).
# Any other intent in the middle of a question is taken as a reply that didn't answer it.
ALWAYS_THEIR_OWN = frozenset({
    "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent", "AMAZON.NavigateHomeIntent", "ForgetMeIntent", "RecommendIntent",
    "StartSessionIntent", "StretchIntent", "FeedbackIntent", "CancelSessionIntent", "SessionStatusIntent",
})

Respond = Callable[[Turn, DialogState], Response]
STRETCHING = frozenset({Waiting.STRETCH_READY, Waiting.STRETCH_NEXT})


def _has_value(request: IntentRequest, slot_name: str) -> bool:
    slot = (request.intent.slots or {}).get(slot_name)
    return bool(slot is not None and isinstance(slot.value, str) and slot.value.strip())


def _meanings(sessions: SessionCapability) -> dict[Waiting, dict[Said, Respond]]:
    def not_understood(turn: Turn, state: DialogState) -> Response:
        return (repeat_expectation(turn, [turn.say("fallback.question")])
                or what_next(turn, [turn.say("fallback.general")]))

    def no_problem_bye(turn: Turn, state: DialogState) -> Response:
        return goodbye(turn, [turn.say("no_problem")])

    def session_yes(turn: Turn, state: DialogState) -> Response:
        return sessions.start(turn, state.modality, state.minutes, [])

    def session_no(turn: Turn, state: DialogState) -> Response:
        return offer_stretch_or_close(turn, [turn.say("no_problem")])

    def their_pick(turn: Turn, state: DialogState) -> Response:
        return sessions.start_their_pick(turn, state.minutes)

    def rest_timer_yes(turn: Turn, state: DialogState) -> Response:
        return sessions.rest_timer(turn, state.minutes or 30)

    def question(answer: Answer) -> Respond:
        return lambda turn, state: answer_question(turn, state, answer)

    def missed(turn: Turn, state: DialogState) -> Response:
        return missed_question(turn) or not_understood(turn, state)

    def stretch_yes(turn: Turn, state: DialogState) -> Response:
        return stretching.begin_routine(turn)

    def next_stretch(turn: Turn, state: DialogState) -> Response:
        return stretching.next_step(turn, state)

    def stop_stretch(turn: Turn, state: DialogState) -> Response:
        return stretching.stop_routine(turn, state)

    def skin_unclear(turn: Turn, state: DialogState) -> Response:
        # A reply that isn't yes, no or "not sure": asked once more plainly before the cautious answer.
        if state.misses:
            return sessions.skin_answer(turn, state, Answer.UNSURE)
        turn.move_to(state.with_(misses=1))
        again = turn.say("question.SKIN_FEELS_NORMAL.again")
        return turn.respond(Reply(speech=[again], reprompt=[again]))

    def stretch_reminder(turn: Turn, state: DialogState) -> Response:
        return stretching.remind(turn, state, [turn.say("fallback.question")])

    def forget(confirmed: bool) -> Respond:
        return lambda turn, state: answer_forget(turn, confirmed)

    def feedback_unclear(turn: Turn, state: DialogState) -> Response:
        return ask_feedback_again(turn, state)

    def home(turn: Turn, state: DialogState) -> Response:
        return what_next(turn, [])

    return {
        Waiting.NOTHING: {Said.YES: home, Said.NO: no_problem_bye, Said.DONT_KNOW: home,
                          Said.OTHER: not_understood},
        Waiting.QUESTION: {
            Said.YES: question(Answer.YES),
            Said.NO: question(Answer.NO),
            Said.DONT_KNOW: question(Answer.UNSURE),
            Said.OTHER: missed,
        },
        Waiting.SESSION_OFFER: {Said.YES: session_yes, Said.NO: session_no, Said.DONT_KNOW: session_no,
                                Said.OTHER: not_understood},
        Waiting.SESSION_MODALITY: {Said.YES: their_pick, Said.NO: no_problem_bye,
                                   Said.DONT_KNOW: their_pick, Said.OTHER: not_understood},
        Waiting.REST_TIMER_OFFER: {Said.YES: rest_timer_yes, Said.NO: no_problem_bye,
                                   Said.DONT_KNOW: no_problem_bye, Said.OTHER: not_understood},
        Waiting.SKIN_CHECK: {
            Said.YES: lambda turn, state: sessions.skin_answer(turn, state, Answer.YES),
            Said.NO: lambda turn, state: sessions.skin_answer(turn, state, Answer.NO),
            Said.DONT_KNOW: lambda turn, state: sessions.skin_answer(turn, state, Answer.UNSURE),
            Said.OTHER: skin_unclear,
        },
        Waiting.FEEDBACK: {Said.YES: feedback_unclear, Said.NO: feedback_unclear,
                           Said.DONT_KNOW: feedback_unclear, Said.OTHER: feedback_unclear},
        # Not sure about moving: no stretch. It is offered again another time.
        Waiting.STRETCH_OFFER: {Said.YES: stretch_yes, Said.NO: no_problem_bye,
                                Said.DONT_KNOW: no_problem_bye, Said.OTHER: not_understood},
        Waiting.STRETCH_READY: {Said.YES: next_stretch, Said.NO: stop_stretch, Said.DONT_KNOW: next_stretch,
                                Said.OTHER: stretch_reminder},
        Waiting.STRETCH_NEXT: {Said.YES: next_stretch, Said.NO: stop_stretch, Said.DONT_KNOW: stop_stretch,
                               Said.OTHER: stretch_reminder},
        Waiting.FORGET_CONFIRM: {Said.YES: forget(True), Said.NO: forget(False),
                                 Said.DONT_KNOW: forget(False), Said.OTHER: forget(False)},
        Waiting.ANYTHING_ELSE: {Said.YES: home, Said.NO: no_problem_bye, Said.DONT_KNOW: home,
                                Said.OTHER: not_understood},
    }


def said_in(handler_input: HandlerInput, state: DialogState) -> Said | None:
    """What this request means as a reply to the pending state; None when it is not a reply."""
    request = handler_input.request_envelope.request
    if not isinstance(request, IntentRequest) or request.intent is None:
        return None
    name = request.intent.name
    if name in SAID_BY_INTENT:
        return SAID_BY_INTENT[name]
    if state.waiting in STRETCHING and name == "StartSessionIntent" and not _has_value(request, "modality"):
        return Said.YES  # "I'm ready" / "let's start" in a stretch is not a heat session
    if name in ALWAYS_THEIR_OWN or state.waiting is not Waiting.QUESTION:
        return None
    return Said.OTHER  # e.g. "how long is left?" in the middle of a question: it doesn't answer it


class ReplyHandler(AbstractRequestHandler):
    """Yes, no, "I don't know", a fallback, or an off-topic reply: looked up in the table."""

    def __init__(self, sessions: SessionCapability):
        self.meanings = _meanings(sessions)
        missing = [(w, s) for w in Waiting for s in Said if s not in self.meanings.get(w, {})]
        assert not missing, f"reply table has holes: {missing}"

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return said_in(handler_input, Turn.of(handler_input).state) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        state = turn.state
        said = said_in(handler_input, state) or Said.OTHER
        return self.meanings[state.waiting][said](turn, state)


def is_reply(handler_input: HandlerInput) -> bool:
    return any(is_intent_name(name)(handler_input) for name in SAID_BY_INTENT)
