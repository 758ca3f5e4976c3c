"""What the advice, answer, follow-up and launch flows decide, as typed outcomes with no words.

A flow's decision function returns one of these; `state_after` says what the skill waits for
next because of it, and `rendering.render` turns it into words from the locale files. Outcomes
that lead on to another flow (`Continue`, `GoToGoal`, `FeedbackRecorded`) are followed by the
flow that decided them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..core import Advice, Answers, Caution, Modality, Outcome, Question, QuestionId
from .state import DialogState, Goal, Waiting

SYMPATHY = "sympathy"  # said once per visit, before the first question


class Miss(str, Enum):
    """Why a reply could not be used as an answer."""

    UNMATCHED = "UNMATCHED"  # words were heard, but none the question's slot knows
    NOT_AN_ANSWER = "NOT_AN_ANSWER"  # a reply that does not answer this question ("yes" to "where?")
    STILL_OPEN = "STILL_OPEN"  # something else was said; this question is still unanswered


# -- The advice dialog ----------------------------------------------------------------------------
@dataclass(frozen=True)
class AskQuestion:
    question: Question
    misses: int = 0  # unusable replies to this question so far
    miss: Miss | None = None  # asked again because the last reply could not be used


@dataclass(frozen=True)
class AskPlainly:
    """8.5: "not sure" to a safety question: the same question once more, plainly, with an example."""

    question: QuestionId


@dataclass(frozen=True)
class Continue:
    """The answers go on to the advice dialog, which asks what still matters or advises."""

    answers: Answers
    miss: Miss | None = None
    gave_up: bool = False  # a question missed twice was settled as "not sure"


@dataclass(frozen=True)
class GoToGoal:
    """Screened for what the person asked for (8.6): on to it, with no advice in between."""

    goal: Goal
    modality: Modality | None = None
    minutes: int | None = None


@dataclass(frozen=True)
class OfferSession:
    modality: Modality
    minutes: int


@dataclass(frozen=True)
class OfferChoice:
    """Either is fine: "heat or ice?" comes with the offer of a session."""


@dataclass(frozen=True)
class OfferStretch:
    pass


@dataclass(frozen=True)
class AnythingElse:
    pass


Offer = OfferSession | OfferChoice | OfferStretch | AnythingElse


@dataclass(frozen=True)
class GiveAdvice:
    advice: Advice
    offer: Offer
    spoken_caution: Caution | None = None  # the one safety line said aloud; the card has them all


@dataclass(frozen=True)
class GiveCare:
    """A warning sign: where to get care, and nothing physical."""

    advice: Advice


@dataclass(frozen=True)
class NotCovered:
    """8.2: still no place the skill covers: the talk ends gently."""

    reason: str


AdviceOutcome = AskQuestion | AskPlainly | Continue | GoToGoal | GiveAdvice | GiveCare | NotCovered


# -- After a session ------------------------------------------------------------------------------
@dataclass(frozen=True)
class FeedbackAsked:
    modality: Modality
    session_over: bool = False  # "the ice is off": the running session ended now
    again: bool = False  # once more, after a reply that did not say how it felt


@dataclass(frozen=True)
class FeedbackRecorded:
    modality: Modality
    outcome: Outcome
    take_it_off: bool = False  # worse while that session is still running: it ends now


@dataclass(frozen=True)
class FeedbackThanks:
    """Nothing to record: no pack to attach it to, or how it felt was never said."""


@dataclass(frozen=True)
class NoSessionToRate:
    pass


FeedbackOutcome = FeedbackAsked | FeedbackRecorded | FeedbackThanks | NoSessionToRate


# -- Opening the skill ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Welcome:
    """A first visit: a short welcome, then where it hurts."""


@dataclass(frozen=True)
class SessionRunning:
    modality: Modality
    minutes_left: int


@dataclass(frozen=True)
class Resting:
    minutes: int


@dataclass(frozen=True)
class WelcomeBack:
    news: SessionRunning | Resting | None = None
    feedback: Modality | None = None  # the session that just ended, asked about now


LaunchOutcome = Welcome | WelcomeBack


# -- What the skill waits for after each outcome --------------------------------------------------
def _offer_state(state: DialogState, offer: Offer) -> DialogState:
    if isinstance(offer, OfferSession):
        return state.waiting_for(Waiting.SESSION_OFFER, modality=offer.modality)
    if isinstance(offer, OfferChoice):
        return state.waiting_for(Waiting.SESSION_MODALITY)
    if isinstance(offer, OfferStretch):
        return state.waiting_for(Waiting.STRETCH_OFFER)
    return state.waiting_for(Waiting.ANYTHING_ELSE)


def state_after(state: DialogState, outcome: object) -> DialogState:
    """The dialog state once `outcome` is said. Outcomes that lead on to another flow leave the
    state to it, except that reaching a goal ends the wait for it."""
    if isinstance(outcome, AskQuestion):
        return state.saying(SYMPATHY).asking(outcome.question.id, outcome.misses)
    if isinstance(outcome, AskPlainly):
        return state.asking(outcome.question, misses=1)
    if isinstance(outcome, GiveAdvice):
        spoken = (outcome.spoken_caution.value,) if outcome.spoken_caution else ()
        return _offer_state(state.saying(*spoken).with_(goal=None), outcome.offer)
    if isinstance(outcome, (GiveCare, NotCovered)):
        return state.with_(goal=None).done_waiting()
    if isinstance(outcome, GoToGoal):
        return state.with_(goal=None)
    if isinstance(outcome, (OfferSession, OfferChoice, OfferStretch, AnythingElse)):
        return _offer_state(state, outcome)
    if isinstance(outcome, FeedbackAsked):
        if outcome.again:
            return state.with_(misses=state.misses + 1)
        return state.waiting_for(Waiting.FEEDBACK, modality=outcome.modality)
    if isinstance(outcome, FeedbackRecorded):
        return state.done_waiting()
    return state
