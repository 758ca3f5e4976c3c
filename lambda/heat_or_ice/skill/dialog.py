"""The advice conversation: ask the core's next question, or give its advice.

Handlers gather answers; this module decides nothing medical. `decide_next` asks the core what
still matters (`core.next_question`) or what it advises (`core.advise`) and returns an outcome
with no words (`outcomes.py`); `rendering.show` says it. What the skill is waiting for (a yes/no
answer, an offer) is the dialog state (`state.py`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ask_sdk_model.response import Response

from ..core import (
    Action,
    Advice,
    Answers,
    Caution,
    Modality,
    Purpose,
    Question,
    QuestionId,
    Reply,
    SessionPlan,
    SessionRecord,
    SessionRefusal,
    advise,
    apply_reply,
    next_question,
    plan_session,
    screening_needed,
)
from ..core.advice import CARE_ACTIONS
from .outcomes import (
    AdviceOutcome,
    AnythingElse,
    AskPlainly,
    AskQuestion,
    GiveAdvice,
    GiveCare,
    GoToGoal,
    Miss,
    NotCovered,
    Offer,
    OfferChoice,
    OfferSession,
    OfferStretch,
    state_after,
)
from .rendering import NOTHING_TO_CHOOSE, show
from .rendering import question_words as question_words  # other flows ask the dialog for a question's words
from .ssml import Segment
from .state import MAX_MISSES, DialogState, Goal, Waiting
from .turn import Turn


# Small readers -------------------------------------------------------------------------
def pending_question(turn: Turn) -> QuestionId | None:
    state = turn.state
    return state.question if state.waiting is Waiting.QUESTION else None


def wait_for(turn: Turn, waiting: Waiting, **details: Any) -> None:
    turn.move_to(turn.state.waiting_for(waiting, **details))


def clear_expectation(turn: Turn) -> None:
    turn.move_to(turn.state.done_waiting())


# Decisions (no words) ----------------------------------------------------------------------
# The one safety line spoken with advice, most important first; the others go on the card and
# are said when a session starts (clinical rules 8.7).
SPOKEN_CAUTION_ORDER = (
    Caution.RED_FLAG_WATCH,
    Caution.NOT_ON_NUMB_SKIN,
    # An accident long ago that nobody checked: seeing a GP if it changes matters more than swelling.
    Caution.SEE_GP_IF_CHANGED,
    Caution.ICE_IF_SWOLLEN,
    Caution.STOP_IF_WORSE,
    Caution.STAY_ACTIVE,
)


def question_due(answers: Answers, state: DialogState) -> Question | None:
    """The next question: for advice, or, for someone who asked for a session or a stretch first, only
    the questions that must come before it (8.6)."""
    if state.goal is None:
        return next_question(answers)
    return screening_needed(answers, Purpose.SESSION if state.goal is Goal.SESSION else Purpose.STRETCH)


def decide_next(
    answers: Answers, state: DialogState, history: tuple[SessionRecord, ...], now: datetime
) -> AdviceOutcome:
    """What still matters, or the advice; or, for someone who asked for a session or a stretch
    before being screened, only the questions that must come before it, then it (8.6)."""
    goal = state.goal
    for _ in QuestionId:  # each pass settles one question, so this ends long before
        question = question_due(answers, state)
        if question is None:
            break
        if not (state.waiting is Waiting.QUESTION and state.question is question.id):
            return AskQuestion(question)
        # The question just asked is still open after whatever was said instead: a miss. Twice,
        # and it is settled the way "not sure" is; it is never asked a third time.
        misses = state.misses + 1
        if misses < MAX_MISSES:
            return AskQuestion(question, misses=misses, miss=Miss.STILL_OPEN)
        answers = apply_reply(answers, question.id, Reply.UNSURE)
        state = state.done_waiting()
    if goal is None:
        return decide_advice(answers, state, history, now)
    if advise(answers).action in CARE_ACTIONS:  # a warning sign: care, and nothing physical
        return decide_advice(answers, state.with_(goal=None), history, now)
    return GoToGoal(goal, state.modality, state.minutes)


def decide_advice(
    answers: Answers, state: DialogState, history: tuple[SessionRecord, ...], now: datetime
) -> GiveAdvice | GiveCare | NotCovered:
    advice = advise(answers)
    if advice.action in CARE_ACTIONS:
        return GiveCare(advice)
    if advice.reason in NOTHING_TO_CHOOSE:  # 8.2: still no place it covers: end gently
        return NotCovered(advice.reason)
    spoken = next((c for c in SPOKEN_CAUTION_ORDER if c in advice.cautions), None)
    return GiveAdvice(advice, decide_offer(advice, answers, state, history, now), spoken)


def decide_offer(
    advice: Advice, answers: Answers, state: DialogState, history: tuple[SessionRecord, ...], now: datetime
) -> Offer:
    """At most one offer: a timed session if one may start now, else a stretch, else anything else.
    Someone who asked for a stretch and was screened first is offered the stretch."""
    wants_stretch = state.goal is Goal.STRETCH
    either = advice.action is Action.EITHER
    if advice.session_allowed and advice.offer is None and not wants_stretch and either:
        return OfferChoice()  # either is fine: the choice comes with the offer
    if advice.session_allowed and advice.offer is not None and not wants_stretch:
        plan = plan_session(advice.offer, None, history, now, advice=advice, location=answers.location)
        if isinstance(plan, SessionPlan):
            return OfferSession(advice.offer, plan.minutes)
    return OfferStretch() if advice.stretches else AnythingElse()


# The flow ----------------------------------------------------------------------------------
def ask(turn: Turn, question: Question, intro: list[Segment], misses: int = 0) -> Response:
    return show(turn, AskQuestion(question, misses), intro)


def ask_plainly(turn: Turn, question_id: QuestionId) -> Response:
    """The same question once more, in plain words with an example (8.5)."""
    return show(turn, AskPlainly(question_id))


def continue_advice(turn: Turn, answers: Answers, intro: list[Segment] | None = None) -> Response:
    """Remembers the answers, then asks what still matters, or gives the advice, or goes on to
    what the person asked for once the safety questions for it are answered (8.6)."""
    outcome = decide_next(answers, turn.state, turn.profile.history(), turn.now)
    turn.remember_answers(answers, save_now=not isinstance(outcome, AskQuestion))
    if isinstance(outcome, GoToGoal):
        turn.move_to(state_after(turn.state, outcome))
        if outcome.goal is Goal.STRETCH:
            from .handlers.stretching import begin_routine  # the stretch flow builds on this module

            return begin_routine(turn)
        return turn.sessions.start(turn, outcome.modality, outcome.minutes, intro or [])
    return show(turn, outcome, intro or [])


def give_advice(turn: Turn, answers: Answers, intro: list[Segment]) -> Response:
    return show(turn, decide_advice(answers, turn.state, turn.profile.history(), turn.now), intro)


def session_plan_for(
    turn: Turn, modality: Modality, advice: Advice | None, answers: Answers, minutes: int | None = None
) -> SessionPlan | SessionRefusal:
    return plan_session(
        modality, minutes, turn.profile.history(), turn.now, advice=advice, location=answers.location
    )
