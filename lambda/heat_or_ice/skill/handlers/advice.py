"""Advice: RecommendIntent and the answers to the questions it leads to."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ...core import (
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    OtherPlace,
    QuestionId,
    Reply,
    Symptom,
    apply_reply,
)
from ...core.screening import REPLY_AFFIRMS, REPLY_BY_ONSET, SLOTS, WHICH_ONE_FLAGS
from ..dialog import continue_advice, pending_question, question_due
from ..outcomes import AskPlainly, AskQuestion, Continue, Miss
from ..rendering import intro_for, show
from ..slots import read_enum, read_enum_values
from ..state import MAX_MISSES, DialogState, Waiting
from ..turn import Turn
from ..warning_words import warning_signs_in

SLOT_QUESTIONS = {question_id: field for question_id, (field, _) in SLOTS.items()}
_FACT_SLOTS = {"onset": Onset, "cause": Cause, "condition": Condition, "preference": Modality}


def _merge_slots(turn: Turn, answers: Answers) -> tuple[Answers, dict[str, str]]:
    """Adds what the person just said to the episode; returns the slots heard but not understood."""
    request = turn.request
    unmatched: dict[str, str] = {}
    location, heard = read_enum(request, "location", Location)
    elsewhere, _ = read_enum(request, "location", OtherPlace)
    if heard and elsewhere is None:
        unmatched["location"] = heard
    if location is not None and answers.location not in (None, location):
        answers = Answers(outcomes=answers.outcomes)  # a different place hurts: a new episode
    changes: dict[str, object] = {}
    if location is not None:
        changes["location"] = location
    elif elsewhere is not None:
        changes["other_place"] = elsewhere
    for slot, kind in _FACT_SLOTS.items():
        value, heard = read_enum(request, slot, kind)
        if value is not None:
            changes[slot] = value
        elif heard:
            unmatched[slot] = heard
    symptoms = set(answers.symptoms)
    # Where the model lets Alexa fill a slot with several values ("numb and tingling"), every one
    # of them counts: a warning sign may be the second.
    said = {
        "symptom": read_enum_values(request, "symptom", Symptom),
        "otherSymptom": read_enum_values(request, "otherSymptom", Symptom),
    }
    for slot, (values, heard) in said.items():
        # Words Alexa heard that no value covers may still name a warning sign; that sign counts.
        spotted = frozenset().union(*(warning_signs_in(words) for words in heard))
        symptoms.update(values, spotted)
        if heard and not values and not spotted:
            unmatched[slot] = heard[0]
    changes["symptoms"] = frozenset(symptoms)
    return answers.with_changes(**changes), unmatched


# Decisions (no words) ----------------------------------------------------------------------
def decide_missed(
    answers: Answers, question_id: QuestionId, state: DialogState, miss: Miss
) -> Continue | AskQuestion:
    """An answer we couldn't use: ask again once, then accept "don't know" rather than loop."""
    waiting_here = state.waiting is Waiting.QUESTION and state.question is question_id
    misses = state.misses + 1 if waiting_here else 1
    if misses >= MAX_MISSES:
        return Continue(apply_reply(answers, question_id, Reply.UNSURE), miss=miss, gave_up=True)
    question = question_due(answers, state)
    if question is None or question.id is not question_id:
        return Continue(answers, miss=miss)
    return AskQuestion(question, misses=misses, miss=miss)


def decide_recommend(
    before: Answers, answers: Answers, unmatched: dict[str, str], state: DialogState
) -> Continue | AskQuestion:
    """What was said with RecommendIntent (`answers`, merged into `before`), while `state` waits."""
    pending = state.question if state.waiting is Waiting.QUESTION else None
    named_elsewhere = answers.other_place != before.other_place or (
        pending in LOCATION_QUESTIONS and answers.other_place is not None  # the same place, said again
    )
    if answers.location is None and ("location" in unmatched or named_elsewhere):
        # 8.2: a place not covered, or words that named no place. Never said back: the next
        # question says what is covered, once; after that the talk ends gently.
        asked = pending if pending in LOCATION_QUESTIONS else _location_question_due(answers)
        reply = answers.other_place if answers.other_place is not None else Reply.UNSURE
        return Continue(apply_reply(answers, asked, reply))
    if pending in REPLY_AFFIRMS and (answers.symptoms - before.symptoms) & REPLY_AFFIRMS[pending]:
        return Continue(apply_reply(answers, pending, Reply.YES))
    said_when = REPLY_BY_ONSET.get(pending, {}) if answers.onset != before.onset else {}
    if answers.onset in said_when:
        return Continue(apply_reply(answers, pending, said_when[answers.onset]))
    pending_slot = SLOT_QUESTIONS.get(pending) if pending else None
    if pending and pending_slot and getattr(answers, pending_slot) is None and answers == before:
        # The question's slot came back empty or unresolved, and nothing else was said:
        # a miss, or the same question would be asked forever.
        return decide_missed(answers, pending, state, Miss.UNMATCHED)
    return Continue(answers)


def decide_answer(answers: Answers, state: DialogState, reply: Reply) -> Continue | AskQuestion | AskPlainly:
    """Yes, no or "I don't know" to the question the skill just asked (`state.question`)."""
    question_id = state.question
    if question_id is None:
        return Continue(answers)
    if question_id in SLOT_QUESTIONS and reply is not Reply.UNSURE:
        # "yes" to "where does it hurt?" answers nothing; ask again, then move on.
        return decide_missed(answers, question_id, state, Miss.NOT_AN_ANSWER)
    # After "not sure" twice to a combined question, each "which one" is that question asked a
    # third way: its "not sure" is final at once.
    settled = question_id in SLOT_QUESTIONS or bool(WHICH_ONE_FLAGS & answers.unsure_red_flags)
    if reply is Reply.UNSURE and not settled and state.misses == 0:
        # 8.5: "not sure" to a safety question is asked once more, plainly, with an example;
        # a second "not sure" takes that question's cautious branch (core.screening.UNSURE_MEANS).
        return AskPlainly(question_id)
    return Continue(apply_reply(answers, question_id, reply))


# The flow ----------------------------------------------------------------------------------
def _carry_on(turn: Turn, outcome: Continue | AskQuestion | AskPlainly) -> Response:
    if isinstance(outcome, Continue):
        return continue_advice(turn, outcome.answers, intro_for(turn, outcome))
    return show(turn, outcome)


class RecommendIntentHandler(AbstractRequestHandler):
    """"Should I use heat or ice", "I hurt my lower back lifting", or a bare answer like "my neck"."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("RecommendIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        before = turn.profile.answers()
        answers, unmatched = _merge_slots(turn, before)
        return _carry_on(turn, decide_recommend(before, answers, unmatched, turn.state))


LOCATION_QUESTIONS = (QuestionId.LOCATION, QuestionId.LOCATION_AGAIN)


def _location_question_due(answers: Answers) -> QuestionId:
    return QuestionId.LOCATION_AGAIN if QuestionId.LOCATION in answers.answered else QuestionId.LOCATION


def answer_question(turn: Turn, state: DialogState, reply: Reply) -> Response:
    """Yes, no or "I don't know" to the question the skill just asked."""
    return _carry_on(turn, decide_answer(turn.profile.answers(), state, reply))


def missed_question(turn: Turn) -> Response | None:
    """Fallback while a question is pending counts as a miss; None when no question is pending."""
    question_id = pending_question(turn)
    if question_id is None:
        return None
    return _carry_on(turn, decide_missed(turn.profile.answers(), question_id, turn.state, Miss.NOT_AN_ANSWER))
