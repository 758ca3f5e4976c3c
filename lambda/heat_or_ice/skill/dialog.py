"""The advice conversation: ask the core's next question, or speak its advice.

Handlers gather answers; this module decides nothing medical. It asks `core.next_question`
what still matters and renders `core.advise` as speech, a card and at most one offer.
What the skill is waiting for (a yes/no answer, an offer) is the dialog state (`state.py`).
"""

from __future__ import annotations

from typing import Any

from ask_sdk_model import Intent, IntentConfirmationStatus, IntentRequest, Slot, SlotConfirmationStatus
from ask_sdk_model.dialog import ElicitSlotDirective
from ask_sdk_model.response import Response

from ..core import (
    Action,
    Caution,
    Advice,
    Answers,
    Modality,
    Outcome,
    Question,
    QuestionId,
    QuestionKind,
    SessionPlan,
    SessionRefusal,
    Purpose,
    advise,
    next_question,
    plan_session,
    screening_needed,
)
from ..core.advice import CARE_ACTIONS
from ..core.screening import muscle_question_inside_tier_b
from .ssml import Segment, plain_text
from .state import Goal, Waiting
from .turn import Reply, Turn

RECOMMEND_INTENT = "RecommendIntent"
SYMPATHY = "sympathy"
RECOMMEND_SLOTS = ("location", "onset", "cause", "symptom", "otherSymptom", "condition", "preference")


# Small readers -------------------------------------------------------------------------
def whole_number(value: Any, *, low: int, high: int) -> int | None:
    """A number read back from session data, if it is one and within bounds."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None


def pending_question(turn: Turn) -> QuestionId | None:
    state = turn.state
    return state.question if state.waiting is Waiting.QUESTION else None


def wait_for(turn: Turn, waiting: Waiting, **details: Any) -> None:
    turn.move_to(turn.state.waiting_for(waiting, **details))


def clear_expectation(turn: Turn) -> None:
    turn.move_to(turn.state.done_waiting())


# Questions ---------------------------------------------------------------------------------
def question_words(turn: Turn, question_id: QuestionId) -> tuple[str, str]:
    key = f"question.{question_id.value}"
    if question_id is QuestionId.URGENT_SIGNS and muscle_question_inside_tier_b(turn.profile.answers()):
        key = "question.URGENT_SIGNS.UPPER_BACK"
    return turn.say(key), turn.say(f"{key}.reprompt")


def _elicit(slot_name: str, from_intent: str | None) -> ElicitSlotDirective:
    if from_intent == RECOMMEND_INTENT:
        return ElicitSlotDirective(slot_to_elicit=slot_name)  # Alexa keeps the current intent
    # From another intent (a "yes", "I don't know"), the dialog chains into RecommendIntent.
    slots = {name: Slot(name=name, confirmation_status=SlotConfirmationStatus.NONE) for name in RECOMMEND_SLOTS}
    intent = Intent(name=RECOMMEND_INTENT, slots=slots, confirmation_status=IntentConfirmationStatus.NONE)
    return ElicitSlotDirective(slot_to_elicit=slot_name, updated_intent=intent)


def ask(turn: Turn, question: Question, intro: list[Segment], misses: int = 0) -> Response:
    if SYMPATHY not in turn.state.said and not any("sorry" in str(s).lower() for s in intro):
        intro = [*intro, turn.say("conversation.sympathy")]  # once, before the first question
    turn.move_to(turn.state.saying(SYMPATHY).asking(question.id, misses))
    words, reprompt = question_words(turn, question.id)
    directives = []
    # Dialog directives may only answer intent requests; after a launch the samples catch the answer.
    if question.kind is QuestionKind.SLOT and question.slot and isinstance(turn.request, IntentRequest):
        directives.append(_elicit(question.slot, getattr(turn.request.intent, "name", None)))
    return turn.respond(Reply(speech=[*intro, words], reprompt=[reprompt], directives=directives))


def ask_plainly(turn: Turn, question_id: QuestionId) -> Response:
    """The same question once more, in plain words with an example (8.5)."""
    turn.move_to(turn.state.asking(question_id, misses=1))
    plain = turn.say(f"question.{question_id.value}.reprompt")
    return turn.respond(Reply(speech=[turn.say("unmatched.not_sure"), plain], reprompt=[plain]))


def continue_advice(turn: Turn, answers: Answers, intro: list[Segment] | None = None) -> Response:
    """Remembers the answers, then asks what still matters, or gives the advice, or goes on to
    what the person asked for once the safety questions for it are answered (8.6)."""
    goal = turn.state.goal
    if goal is not None:
        return _towards_goal(turn, goal, answers, intro or [])
    question = next_question(answers)
    turn.remember_answers(answers, save_now=question is None)
    if question is None:
        return give_advice(turn, answers, intro or [])
    return ask(turn, question, intro or [])


def _towards_goal(turn: Turn, goal: Goal, answers: Answers, intro: list[Segment]) -> Response:
    """"Start a heat session" or "give me a stretch" from someone not yet screened: only the
    questions that must come before it, then it, with no heat-or-ice advice in between."""
    purpose = Purpose.SESSION if goal is Goal.SESSION else Purpose.STRETCH
    question = screening_needed(answers, purpose)
    turn.remember_answers(answers, save_now=question is None)
    if question is not None:
        return ask(turn, question, intro)
    state = turn.state
    turn.move_to(state.with_(goal=None))
    if advise(answers).action in CARE_ACTIONS:
        return give_advice(turn, answers, intro)  # a warning sign: care, and nothing physical
    if goal is Goal.STRETCH:
        from .handlers.stretching import begin_routine  # the stretch flow builds on this module

        return begin_routine(turn)
    return turn.sessions.start(turn, state.modality, state.minutes, intro)


# Advice ------------------------------------------------------------------------------------
# The one safety line spoken with advice, most important first; the others go on the card and
# are said when a session starts (clinical rules 8.7).
NOTHING_TO_CHOOSE = frozenset({"OUT_OF_SCOPE", "OUT_OF_SCOPE_ELSEWHERE"})
SPOKEN_CAUTION_ORDER = (
    Caution.RED_FLAG_WATCH,
    Caution.NOT_ON_NUMB_SKIN,
    Caution.ICE_IF_SWOLLEN,
    Caution.STOP_IF_WORSE,
    Caution.SEE_GP_IF_CHANGED,
    Caution.STAY_ACTIVE,
)


def give_advice(turn: Turn, answers: Answers, intro: list[Segment]) -> Response:
    advice = advise(answers)
    clear_expectation(turn)
    if advice.action in CARE_ACTIONS:
        return _care(turn, advice, intro)
    if advice.reason in NOTHING_TO_CHOOSE:  # 8.2: still no place it covers: end gently
        words = [*intro, turn.say(f"reason.{advice.reason}"), turn.say("goodbye")]
        return turn.respond(Reply(speech=words, end_session=True))
    speech = [*intro, *_advice_words(turn, advice, answers)]
    offer, reprompt = _offer(turn, advice, answers)
    card_text = plain_text([*_card_words(turn, advice, answers), turn.say("advice.card_disclaimer")])
    card_title = turn.say("advice.card_title", action=turn.say(f"advice.card_action.{advice.action.value}"))
    return turn.respond(Reply(speech=[*speech, *offer], reprompt=reprompt, card=(card_title, card_text)))


def _choice_words(turn: Turn, advice: Advice, answers: Answers) -> list[Segment]:
    """What was learned or declined (acknowledged in a few words), then the choice itself."""
    words: list[Segment] = []
    # What was learned from past sessions is said by the reason itself ("since dry heat made it
    # worse", "it helped last time"); only D19's "both helped" needs its own words.
    if advice.learned_from is Outcome.BETTER and advice.action is Action.ALTERNATE:
        words.append(turn.say("advice.learned.BOTH_HELPED"))
    if advice.declined_preference is not None:
        declined = turn.say(f"modality.{advice.declined_preference.value}")
        words.append(turn.say("advice.preference_declined", modality=declined))
    elif advice.followed_preference and advice.offer is not None and advice.action is not Action.EITHER:
        words.append(turn.say("advice.preference_followed", modality=turn.say(f"modality.{advice.offer.value}")))
    if advice.reason in NOTHING_TO_CHOOSE:
        pass  # a place not covered: no choice to announce, the reason says what is covered
    elif advice.action is Action.EITHER and advice.followed_preference and advice.offer is not None:
        words.append(turn.say("advice.action.EITHER_CHOSEN", modality=turn.say(f"modality.{advice.offer.value}")))
    else:
        words.append(turn.say(f"advice.action.{advice.action.value}"))
    return words


def _advice_words(turn: Turn, advice: Advice, answers: Answers) -> list[Segment]:
    """Spoken: the choice, one reason, one safety line. Everything else is on the card."""
    words = _choice_words(turn, advice, answers)
    words.append(turn.say(f"reason.{advice.reason}"))
    if advice.comfort_reason and advice.offer is not None:
        words.append(turn.say("advice.comfort", modality=turn.say(f"modality.{advice.offer.value}")))
    spoken = next((c for c in SPOKEN_CAUTION_ORDER if c in advice.cautions), None)
    if spoken is not None:
        words.append(turn.say(f"caution.{spoken.value}"))
        note_cautions_said(turn, {spoken.value})
    return words


def _card_words(turn: Turn, advice: Advice, answers: Answers) -> list[Segment]:
    """The card carries the full advice: every reason and every safety line."""
    words = _choice_words(turn, advice, answers)
    words.append(turn.say(f"reason.{advice.reason}"))
    if advice.also_see_clinician and advice.action is not Action.CLINICIAN_SOON:
        words.append(turn.say("advice.action.CLINICIAN_SOON"))
    if advice.comfort_reason and advice.offer is not None:
        words.append(turn.say("advice.comfort", modality=turn.say(f"modality.{advice.offer.value}")))
        words.append(turn.say(f"reason.{advice.comfort_reason}"))
    words += [turn.say(f"card.caution.{caution.value}") for caution in advice.cautions]
    if Caution.SHORT_TERM_RELIEF not in advice.cautions:
        words.append(turn.say("card.caution.SHORT_TERM_RELIEF"))
    return words


def cautions_said(turn: Turn) -> set[str]:
    """The safety lines already said in this visit."""
    return set(turn.state.said)


def note_cautions_said(turn: Turn, cautions: set[str]) -> None:
    turn.move_to(turn.state.saying(*cautions))


def session_plan_for(
    turn: Turn, modality: Modality, advice: Advice | None, answers: Answers, minutes: int | None = None
) -> SessionPlan | SessionRefusal:
    return plan_session(modality, minutes, turn.profile.history(), turn.now, advice=advice, location=answers.location)


def _offer(turn: Turn, advice: Advice, answers: Answers) -> tuple[list[Segment], list[Segment]]:
    """At most one offer: a timed session if one may start now, else a stretch, else anything else.
    Someone who asked for a stretch and was screened first is offered the stretch."""
    wants_stretch = turn.state.goal is Goal.STRETCH
    turn.move_to(turn.state.with_(goal=None))
    if advice.session_allowed and advice.offer is None and not wants_stretch and advice.action is Action.EITHER:
        # Either is fine: the choice comes with the offer instead of a question before the advice.
        wait_for(turn, Waiting.SESSION_MODALITY)
        return [turn.say("advice.offer_choice")], [turn.say("advice.offer_choice.reprompt")]
    if advice.session_allowed and advice.offer is not None and not wants_stretch:
        plan = session_plan_for(turn, advice.offer, advice, answers)
        modality = turn.say(f"modality.{advice.offer.value}")
        if isinstance(plan, SessionPlan):
            wait_for(turn, Waiting.SESSION_OFFER, modality=advice.offer)
            return (
                [turn.say("advice.offer_session", minutes=plan.minutes, modality=modality)],
                [turn.say("advice.offer_session.reprompt", modality=modality)],
            )
    if advice.stretches:
        wait_for(turn, Waiting.STRETCH_OFFER)
        return [turn.say("advice.offer_stretch")], [turn.say("advice.offer_stretch.reprompt")]
    wait_for(turn, Waiting.ANYTHING_ELSE)
    return [turn.say("advice.anything_else")], [turn.say("advice.anything_else.reprompt")]


def _care(turn: Turn, advice: Advice, intro: list[Segment]) -> Response:
    words = turn.say(f"care.{advice.reason}")
    return turn.respond(
        Reply(speech=[*intro, words], card=(turn.say("care.card_title"), words), end_session=True)
    )
