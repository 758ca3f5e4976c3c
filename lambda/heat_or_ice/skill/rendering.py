"""Words for the advice, answer, follow-up and launch outcomes (`outcomes.py`), from the locale files.

`render` builds the Reply for an outcome without changing anything; `show` moves the dialog to
the state the outcome implies and sends the Reply. `intro_for` gives the words an outcome that
leads on to another flow says first.
"""

from __future__ import annotations

from collections.abc import Sequence

from ask_sdk_model import Intent, IntentConfirmationStatus, IntentRequest, Slot, SlotConfirmationStatus
from ask_sdk_model.dialog import ElicitSlotDirective
from ask_sdk_model.response import Response

from ..core import Action, Advice, Caution, Outcome, Question, QuestionId, QuestionKind
from ..core.screening import muscle_question_inside_tier_b
from .outcomes import (
    SYMPATHY,
    AnythingElse,
    AskPlainly,
    AskQuestion,
    Continue,
    FeedbackAsked,
    FeedbackRecorded,
    FeedbackThanks,
    GiveAdvice,
    GiveCare,
    Miss,
    NoSessionToRate,
    NotCovered,
    Offer,
    OfferChoice,
    OfferSession,
    OfferStretch,
    Resting,
    SessionRunning,
    WelcomeBack,
    state_after,
)
from .ssml import Segment, plain_text
from .turn import Reply, Turn

RECOMMEND_INTENT = "RecommendIntent"
RECOMMEND_SLOTS = ("location", "onset", "cause", "symptom", "otherSymptom", "condition", "preference")
NOTHING_TO_CHOOSE = frozenset({"OUT_OF_SCOPE", "OUT_OF_SCOPE_ELSEWHERE"})
MISS_WORDS = {
    Miss.UNMATCHED: "unmatched.other",
    Miss.NOT_AN_ANSWER: "fallback.question",
    Miss.STILL_OPEN: "unmatched.still_open",
}


def show(turn: Turn, outcome: object, intro: Sequence[Segment] = ()) -> Response:
    """Says the outcome and waits for what it asked for."""
    reply = render(turn, outcome, list(intro))  # before the move: the sympathy line reads what was said
    turn.move_to(state_after(turn.state, outcome))
    return turn.respond(reply)


def render(turn: Turn, outcome: object, intro: list[Segment]) -> Reply:
    if isinstance(outcome, AskQuestion):
        return _question(turn, outcome, [*intro, *_miss_words(turn, outcome.miss)])
    if isinstance(outcome, AskPlainly):
        plain = turn.say(f"question.{outcome.question.value}.reprompt")
        return Reply(speech=[turn.say("unmatched.not_sure"), plain], reprompt=[plain])
    if isinstance(outcome, GiveAdvice):
        return _advice(turn, outcome, intro)
    if isinstance(outcome, GiveCare):
        words = turn.say(_placed(turn, f"care.{outcome.advice.reason}"))
        return Reply(speech=[*intro, words], card=(turn.say("care.card_title"), words), end_session=True)
    if isinstance(outcome, NotCovered):
        words = [*intro, turn.say(f"reason.{outcome.reason}"), turn.say("goodbye")]
        return Reply(speech=words, end_session=True)
    if isinstance(outcome, (OfferSession, OfferChoice, OfferStretch, AnythingElse)):
        speech, reprompt = _offer(turn, outcome)
        return Reply(speech=[*intro, *speech], reprompt=reprompt)
    if isinstance(outcome, FeedbackAsked):
        modality = turn.say(f"modality.{outcome.modality.value}")
        again = turn.say("feedback.ask.reprompt", modality=modality)
        if outcome.again:
            return Reply(speech=[again], reprompt=[again])
        return Reply(speech=[*intro, turn.say("feedback.ask", modality=modality)], reprompt=[again])
    if isinstance(outcome, WelcomeBack):  # with nothing to ask about: what next?
        greeting = [*intro, *welcome_back_words(turn, outcome)]
        return Reply(
            speech=[*greeting, turn.say("launch.what_next")], reprompt=[turn.say("launch.what_next.reprompt")]
        )
    raise TypeError(f"no words for {type(outcome).__name__}")


def intro_for(turn: Turn, outcome: object) -> list[Segment]:
    """What an outcome that leads on to another flow says before it."""
    if isinstance(outcome, Continue):
        words = _miss_words(turn, outcome.miss)
        return [*words, turn.say("unmatched.give_up")] if outcome.gave_up else words
    if isinstance(outcome, FeedbackRecorded):
        modality = turn.say(f"modality.{outcome.modality.value}")
        words = [turn.say(f"feedback.thanks.{outcome.outcome.value}", modality=modality)]
        return [turn.say("feedback.take_it_off", modality=modality), *words] if outcome.take_it_off else words
    if isinstance(outcome, FeedbackThanks):
        return [turn.say("feedback.thanks")]
    if isinstance(outcome, NoSessionToRate):
        return [turn.say("feedback.no_session")]
    if isinstance(outcome, FeedbackAsked) and outcome.session_over:
        return [turn.say("feedback.session_over")]
    return []


def _placed(turn: Turn, key: str) -> str:
    """The key in the place's own words where the locale has them ("care.D1_UNSURE.NECK"): the signs
    to watch for are the chest's for an upper back and the neck's for a neck, not the lower back's."""
    location = turn.profile.location()
    placed = f"{key}.{location.value}" if location is not None else ""
    return placed if placed and turn.speech.has(placed) else key


def _miss_words(turn: Turn, miss: Miss | None) -> list[Segment]:
    return [turn.say(MISS_WORDS[miss])] if miss is not None else []


# Questions ---------------------------------------------------------------------------------------
def question_words(turn: Turn, question_id: QuestionId) -> tuple[str, str]:
    key = f"question.{question_id.value}"
    if question_id is QuestionId.URGENT_SIGNS and muscle_question_inside_tier_b(turn.profile.answers()):
        key = "question.URGENT_SIGNS.UPPER_BACK"
    if question_id is QuestionId.CAUSE and turn.profile.answers().onset is not None:
        key = "question.CAUSE.ONSET_KNOWN"  # "and when?" was answered already
    return turn.say(key), turn.say(f"{key}.reprompt")


def _asked_again(turn: Turn, question: Question, words: str, reprompt: str) -> str:
    """A question asked a second time: its own words for that where it has them ("...again"), else
    a slot question's short form. A yes/no question's short form is often only examples ("For
    example, a temperature?"), which mean nothing without the question, so it is asked in full."""
    again = f"question.{question.id.value}.again"
    if turn.speech.has(again):
        return turn.say(again)
    return reprompt if question.kind is QuestionKind.SLOT else words


def _elicit(slot_name: str, from_intent: str | None) -> ElicitSlotDirective:
    if from_intent == RECOMMEND_INTENT:
        return ElicitSlotDirective(slot_to_elicit=slot_name)  # Alexa keeps the current intent
    # From another intent (a "yes", "I don't know"), the dialog chains into RecommendIntent.
    slots = {
        name: Slot(name=name, confirmation_status=SlotConfirmationStatus.NONE) for name in RECOMMEND_SLOTS
    }
    intent = Intent(name=RECOMMEND_INTENT, slots=slots, confirmation_status=IntentConfirmationStatus.NONE)
    return ElicitSlotDirective(slot_to_elicit=slot_name, updated_intent=intent)


def _question(turn: Turn, outcome: AskQuestion, intro: list[Segment]) -> Reply:
    if SYMPATHY not in turn.state.said and not any("sorry" in str(s).lower() for s in intro):
        intro = [*intro, turn.say("conversation.sympathy")]  # once, before the first question
    question = outcome.question
    words, reprompt = question_words(turn, question.id)
    if outcome.misses:
        words = _asked_again(turn, question, words, reprompt)
    directives = []
    # Dialog directives may only answer intent requests; after a launch the samples catch the answer.
    if question.kind is QuestionKind.SLOT and question.slot and isinstance(turn.request, IntentRequest):
        directives.append(_elicit(question.slot, getattr(turn.request.intent, "name", None)))
    return Reply(speech=[*intro, words], reprompt=[reprompt], directives=directives)


# Advice ------------------------------------------------------------------------------------------
def _advice(turn: Turn, outcome: GiveAdvice, intro: list[Segment]) -> Reply:
    advice = outcome.advice
    speech = [*intro, *_advice_words(turn, advice, outcome.spoken_caution)]
    offer, reprompt = _offer(turn, outcome.offer)
    card_text = plain_text([*_card_words(turn, advice), turn.say("advice.card_disclaimer")])
    card_title = turn.say("advice.card_title", action=turn.say(f"advice.card_action.{advice.action.value}"))
    return Reply(speech=[*speech, *offer], reprompt=reprompt, card=(card_title, card_text))


def _choice_words(turn: Turn, advice: Advice) -> list[Segment]:
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
        # "Okay, heat it is." is the choice: "I'd suggest heat" after it would say it twice.
        followed = turn.say(f"modality.{advice.offer.value}")
        return [*words, turn.say("advice.preference_followed", modality=followed)]
    if advice.reason in NOTHING_TO_CHOOSE:
        pass  # a place not covered: no choice to announce, the reason says what is covered
    elif advice.action is Action.EITHER and advice.followed_preference and advice.offer is not None:
        chosen = turn.say(f"modality.{advice.offer.value}")
        words.append(turn.say("advice.action.EITHER_CHOSEN", modality=chosen))
    else:
        words.append(turn.say(f"advice.action.{advice.action.value}"))
    return words


def _reason_words(turn: Turn, advice: Advice) -> str:
    # A declined wish names what is declined: "last time, heat made it worse", never a bare "it".
    declined = advice.declined_preference
    named = {"declined": turn.say(f"modality.{declined.value}")} if declined is not None else {}
    return turn.say(_placed(turn, f"reason.{advice.reason}"), **named)


def _advice_words(turn: Turn, advice: Advice, spoken_caution: Caution | None) -> list[Segment]:
    """Spoken: the choice, one reason, one safety line. Everything else is on the card."""
    words = _choice_words(turn, advice)
    words.append(_reason_words(turn, advice))
    if advice.comfort_reason and advice.offer is not None:
        words.append(turn.say("advice.comfort", modality=turn.say(f"modality.{advice.offer.value}")))
    if spoken_caution is not None:
        words.append(turn.say(_placed(turn, f"caution.{spoken_caution.value}")))
    return words


def _card_words(turn: Turn, advice: Advice) -> list[Segment]:
    """The card carries the full advice: every reason and every safety line."""
    words = _choice_words(turn, advice)
    words.append(_reason_words(turn, advice))
    if advice.also_see_clinician and advice.action is not Action.CLINICIAN_SOON:
        words.append(turn.say("advice.action.CLINICIAN_SOON"))
    if advice.comfort_reason and advice.offer is not None:
        words.append(turn.say("advice.comfort", modality=turn.say(f"modality.{advice.offer.value}")))
        words.append(turn.say(f"reason.{advice.comfort_reason}"))
    words += [turn.say(_placed(turn, f"card.caution.{caution.value}")) for caution in advice.cautions]
    if Caution.SHORT_TERM_RELIEF not in advice.cautions:
        words.append(turn.say("card.caution.SHORT_TERM_RELIEF"))
    return words


def _offer(turn: Turn, offer: Offer) -> tuple[list[Segment], list[Segment]]:
    if isinstance(offer, OfferChoice):
        return [turn.say("advice.offer_choice")], [turn.say("advice.offer_choice.reprompt")]
    if isinstance(offer, OfferSession):
        modality = turn.say(f"modality.{offer.modality.value}")
        return (
            [turn.say("advice.offer_session", minutes=offer.minutes, modality=modality)],
            [turn.say("advice.offer_session.reprompt", modality=modality)],
        )
    if isinstance(offer, OfferStretch):
        return [turn.say("advice.offer_stretch")], [turn.say("advice.offer_stretch.reprompt")]
    return [turn.say("advice.anything_else")], [turn.say("advice.anything_else.reprompt")]


# Opening the skill -------------------------------------------------------------------------------
def welcome_back_words(turn: Turn, outcome: WelcomeBack) -> list[Segment]:
    """The greeting, then a running session or a rest gap, said first to a returning user."""
    words: list[Segment] = [turn.say("launch.welcome_back")]
    news = outcome.news
    if isinstance(news, SessionRunning):
        modality = turn.say(f"modality.{news.modality.value}")
        words.append(turn.say("launch.session_running", modality=modality, minutes=news.minutes_left))
    elif isinstance(news, Resting):
        words.append(turn.say("launch.resting", minutes=news.minutes))
    return words
