"""The advice, answer, follow-up and launch flows decide with typed outcomes, and say nothing:
each decision is checked on plain answers and dialog states, with no request and no words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from heat_or_ice.core import (
    Action,
    Answers,
    Cause,
    Caution,
    Location,
    Modality,
    Onset,
    OtherPlace,
    Outcome,
    QuestionId,
    QuestionKind,
    Reply,
    SessionRecord,
    Symptom,
    apply_reply,
    next_question,
)
from heat_or_ice.core.screening import WORRYING_REPLY
from heat_or_ice.skill.dialog import decide_advice, decide_next, decide_offer
from heat_or_ice.skill.handlers.advice import decide_answer, decide_missed, decide_recommend
from heat_or_ice.skill.handlers.followup import (
    decide_feedback,
    decide_feedback_again,
    decide_stretch_or_close,
)
from heat_or_ice.skill.handlers.launch import decide_launch
from heat_or_ice.skill.outcomes import (
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
    GoToGoal,
    Miss,
    NoSessionToRate,
    NotCovered,
    OfferChoice,
    OfferSession,
    OfferStretch,
    Resting,
    SessionRunning,
    Welcome,
    WelcomeBack,
    state_after,
)
from heat_or_ice.skill.profile import Profile, StoredSession
from heat_or_ice.skill.state import DialogState, Goal, Waiting

NOW = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
NO_HISTORY: tuple[SessionRecord, ...] = ()
LIFTED_THIS_MORNING = Answers(location=Location.LOWER_BACK, cause=Cause.INJURY, onset=Onset.TODAY)
ACHING_FOR_MONTHS = Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE, onset=Onset.MONTHS)


def screened(answers: Answers) -> Answers:
    """Every question the core still has, answered the reassuring way (slots: "not sure")."""
    while (question := next_question(answers)) is not None:
        if question.kind is QuestionKind.SLOT:
            reply = Reply.UNSURE
        else:
            reply = Reply.YES if WORRYING_REPLY.get(question.id, Reply.YES) is Reply.NO else Reply.NO
        answers = apply_reply(answers, question.id, reply)
    return answers


def asking(question: QuestionId, misses: int = 0) -> DialogState:
    return DialogState().asking(question, misses)


# -- The advice dialog ----------------------------------------------------------------------------
def test_nothing_known_yet_asks_where_it_hurts_and_waits_for_the_answer():
    outcome = decide_next(Answers(), DialogState(), NO_HISTORY, NOW)
    assert isinstance(outcome, AskQuestion) and outcome.question.id is QuestionId.LOCATION
    after = state_after(DialogState(), outcome)
    assert (after.waiting, after.question, after.misses) == (Waiting.QUESTION, QuestionId.LOCATION, 0)
    assert SYMPATHY in after.said


def test_a_screened_fresh_injury_gets_ice_advice_with_one_spoken_caution_and_the_offer_of_a_session():
    outcome = decide_next(screened(LIFTED_THIS_MORNING), DialogState(), NO_HISTORY, NOW)
    assert isinstance(outcome, GiveAdvice)
    assert outcome.advice.action is Action.ICE
    assert isinstance(outcome.offer, OfferSession) and outcome.offer.modality is Modality.ICE
    assert outcome.offer.minutes > 0
    assert outcome.spoken_caution is Caution.STOP_IF_WORSE  # the first of the spoken order it carries
    after = state_after(DialogState(said=frozenset({SYMPATHY})), outcome)
    assert after.waiting is Waiting.SESSION_OFFER and after.modality is Modality.ICE
    assert after.minutes is None and after.goal is None
    assert after.said == {SYMPATHY, Caution.STOP_IF_WORSE.value}


def test_during_the_rest_gap_the_advice_offers_a_stretch_instead_of_a_session():
    just_ended = (SessionRecord(Modality.ICE, NOW - timedelta(minutes=30), NOW - timedelta(minutes=10)),)
    outcome = decide_next(screened(LIFTED_THIS_MORNING), DialogState(), just_ended, NOW)
    assert isinstance(outcome, GiveAdvice) and isinstance(outcome.offer, OfferStretch)
    assert state_after(DialogState(), outcome).waiting is Waiting.STRETCH_OFFER


def test_either_being_fine_offers_the_choice_with_the_session():
    outcome = decide_next(screened(ACHING_FOR_MONTHS), DialogState(), NO_HISTORY, NOW)
    assert isinstance(outcome, GiveAdvice) and outcome.advice.action is Action.EITHER
    assert isinstance(outcome.offer, OfferChoice)
    assert state_after(DialogState(), outcome).waiting is Waiting.SESSION_MODALITY


def test_someone_who_asked_for_a_stretch_is_offered_the_stretch_not_a_session():
    answers = screened(LIFTED_THIS_MORNING)
    advice = decide_advice(answers, DialogState(), NO_HISTORY, NOW)
    assert isinstance(advice, GiveAdvice)
    wants_stretch = DialogState(goal=Goal.STRETCH)
    assert isinstance(decide_offer(advice.advice, answers, wants_stretch, NO_HISTORY, NOW), OfferStretch)


def test_a_warning_sign_gets_care_and_nothing_physical_to_wait_for():
    answers = screened(LIFTED_THIS_MORNING.with_changes(symptoms=frozenset({Symptom.BLADDER_BOWEL})))
    outcome = decide_next(answers, DialogState(), NO_HISTORY, NOW)
    assert isinstance(outcome, GiveCare)
    after = state_after(DialogState(waiting=Waiting.QUESTION, goal=Goal.SESSION), outcome)
    assert after.waiting is Waiting.NOTHING and after.goal is None


def test_a_warning_sign_on_the_way_to_a_session_gets_care_not_the_session():
    answers = screened(LIFTED_THIS_MORNING.with_changes(symptoms=frozenset({Symptom.BLADDER_BOWEL})))
    outcome = decide_next(answers, DialogState(goal=Goal.SESSION, modality=Modality.HEAT), NO_HISTORY, NOW)
    assert isinstance(outcome, GiveCare)


def test_still_no_covered_place_after_asking_again_ends_gently():
    answers = Answers(other_place=OtherPlace.KNEE)
    for asked in (QuestionId.LOCATION, QuestionId.LOCATION_AGAIN):
        answers = apply_reply(answers, asked, OtherPlace.KNEE)
    outcome = decide_next(answers, DialogState(), NO_HISTORY, NOW)
    assert outcome == NotCovered("OUT_OF_SCOPE_ELSEWHERE")
    assert state_after(DialogState(), outcome).waiting is Waiting.NOTHING


def test_a_session_asked_for_before_screening_asks_only_the_safety_questions_and_keeps_the_goal():
    state = DialogState(goal=Goal.SESSION, modality=Modality.HEAT, minutes=15)
    outcome = decide_next(LIFTED_THIS_MORNING, state, NO_HISTORY, NOW)
    assert isinstance(outcome, AskQuestion)
    after = state_after(state, outcome)
    assert after.waiting is Waiting.QUESTION and after.goal is Goal.SESSION
    assert (after.modality, after.minutes) == (Modality.HEAT, 15)


def test_once_screened_the_goal_is_reached_with_no_advice_in_between():
    state = DialogState(goal=Goal.SESSION, modality=Modality.HEAT, minutes=15)
    outcome = decide_next(screened(LIFTED_THIS_MORNING), state, NO_HISTORY, NOW)
    assert outcome == GoToGoal(Goal.SESSION, Modality.HEAT, 15)
    assert state_after(state, outcome).goal is None
    stretch = decide_next(screened(LIFTED_THIS_MORNING), DialogState(goal=Goal.STRETCH), NO_HISTORY, NOW)
    assert stretch == GoToGoal(Goal.STRETCH)


# -- Answers to the questions ---------------------------------------------------------------------
def test_yes_to_where_it_hurts_is_a_miss_asked_again_then_settled_as_not_sure():
    first = decide_answer(Answers(), asking(QuestionId.LOCATION), Reply.YES)
    assert isinstance(first, AskQuestion)
    assert (first.question.id, first.misses, first.miss) == (QuestionId.LOCATION, 1, Miss.NOT_AN_ANSWER)
    assert state_after(asking(QuestionId.LOCATION), first).misses == 1
    second = decide_answer(Answers(), asking(QuestionId.LOCATION, misses=1), Reply.YES)
    assert isinstance(second, Continue) and second.gave_up and second.miss is Miss.NOT_AN_ANSWER
    assert QuestionId.LOCATION in second.answers.answered


def test_not_sure_to_a_safety_question_is_asked_plainly_once_then_taken_as_said():
    answers = Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE, onset=Onset.DAYS)
    question = next_question(answers)
    assert question is not None and question.kind is not QuestionKind.SLOT
    first = decide_answer(answers, asking(question.id), Reply.UNSURE)
    assert first == AskPlainly(question.id)
    after = state_after(asking(question.id), first)
    assert (after.question, after.misses) == (question.id, 1)
    second = decide_answer(answers, after, Reply.UNSURE)
    assert isinstance(second, Continue) and not second.gave_up
    assert second.answers == apply_reply(answers, question.id, Reply.UNSURE)


def test_a_clear_answer_goes_on_to_the_advice_dialog():
    answers = Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE, onset=Onset.DAYS)
    question = next_question(answers)
    assert question is not None
    outcome = decide_answer(answers, asking(question.id), Reply.NO)
    assert outcome == Continue(apply_reply(answers, question.id, Reply.NO))
    assert decide_answer(answers, DialogState(), Reply.YES) == Continue(answers)


def test_a_place_not_covered_answers_the_location_question():
    before = Answers()
    said = before.with_changes(other_place=OtherPlace.KNEE)
    outcome = decide_recommend(before, said, {}, asking(QuestionId.LOCATION))
    assert isinstance(outcome, Continue) and outcome.miss is None
    assert QuestionId.LOCATION in outcome.answers.answered


def test_words_that_fill_nothing_while_a_slot_question_waits_are_a_miss():
    waiting = asking(QuestionId.LOCATION)
    outcome = decide_recommend(Answers(), Answers(), {"symptom": "itchy"}, waiting)
    assert isinstance(outcome, AskQuestion) and outcome.miss is Miss.UNMATCHED
    assert (outcome.question.id, outcome.misses) == (QuestionId.LOCATION, 1)
    settled = decide_recommend(Answers(), Answers(), {}, state_after(waiting, outcome))
    assert isinstance(settled, Continue) and settled.gave_up and settled.miss is Miss.UNMATCHED


def test_a_miss_on_a_question_no_longer_due_goes_on_without_asking_it():
    answers = Answers(location=Location.LOWER_BACK)
    outcome = decide_missed(answers, QuestionId.PREFERENCE, DialogState(), Miss.NOT_AN_ANSWER)
    assert outcome == Continue(answers, miss=Miss.NOT_AN_ANSWER)


# -- After a session ------------------------------------------------------------------------------
def _session(ago: int, minutes: int = 20, modality: Modality = Modality.ICE) -> StoredSession:
    started = NOW - timedelta(minutes=ago)
    return StoredSession(modality, started, started + timedelta(minutes=minutes))


def test_after_feedback_a_stretch_is_offered_only_when_the_core_allows_one():
    assert decide_stretch_or_close(screened(LIFTED_THIS_MORNING), has_episode=True) == OfferStretch()
    assert decide_stretch_or_close(screened(LIFTED_THIS_MORNING), has_episode=False) == AnythingElse()
    assert state_after(DialogState(), OfferStretch()).waiting is Waiting.STRETCH_OFFER
    assert state_after(DialogState(), AnythingElse()).waiting is Waiting.ANYTHING_ELSE


def test_an_unclear_reply_about_how_it_felt_is_asked_about_once_more_then_let_go():
    waiting = DialogState().waiting_for(Waiting.FEEDBACK, modality=Modality.HEAT)
    again = decide_feedback_again(waiting)
    assert again == FeedbackAsked(Modality.HEAT, again=True)
    assert state_after(waiting, again).misses == 1
    assert decide_feedback_again(state_after(waiting, again)) == FeedbackThanks()
    assert decide_feedback_again(DialogState(waiting=Waiting.FEEDBACK)) == FeedbackThanks()


def test_how_it_felt_is_recorded_for_the_pack_asked_about_or_named():
    waiting = DialogState().waiting_for(Waiting.FEEDBACK, modality=Modality.HEAT)
    ended = _session(ago=30)
    asked_about = decide_feedback(Outcome.WORSE, None, waiting, None, ended)
    assert asked_about == FeedbackRecorded(Modality.HEAT, Outcome.WORSE)
    named = decide_feedback(Outcome.BETTER, Modality.MOIST_HEAT, waiting, None, ended)
    assert named == FeedbackRecorded(Modality.MOIST_HEAT, Outcome.BETTER)
    last_one = decide_feedback(Outcome.SAME, None, DialogState(), None, ended)
    assert last_one == FeedbackRecorded(Modality.ICE, Outcome.SAME)
    assert decide_feedback(Outcome.SAME, None, DialogState(), None, None) == FeedbackThanks()
    assert state_after(waiting, FeedbackRecorded(Modality.HEAT, Outcome.WORSE)).waiting is Waiting.NOTHING


def test_the_ice_is_off_ends_the_running_session_and_asks_how_it_felt():
    running = _session(ago=5)
    outcome = decide_feedback(None, None, DialogState(), running, running)
    assert outcome == FeedbackAsked(Modality.ICE, session_over=True)
    after = state_after(DialogState(), outcome)
    assert after.waiting is Waiting.FEEDBACK and after.modality is Modality.ICE
    assert decide_feedback(None, None, DialogState(), None, _session(ago=40)) == FeedbackAsked(Modality.ICE)
    assert decide_feedback(None, None, DialogState(), None, None) == NoSessionToRate()


# -- Opening the skill ----------------------------------------------------------------------------
def test_a_first_visit_is_welcomed_and_a_returning_one_hears_what_matters_first():
    assert decide_launch(Profile(), NOW, None) == Welcome()
    running = _session(ago=5, minutes=20)
    on_now = decide_launch(Profile(sessions=[running]), NOW, None)
    assert on_now == WelcomeBack(SessionRunning(Modality.ICE, 15))
    ended = _session(ago=30, minutes=20)
    resting = decide_launch(Profile(sessions=[ended]), NOW, ended)
    assert isinstance(resting, WelcomeBack) and isinstance(resting.news, Resting) and resting.news.minutes > 0
    assert resting.feedback is Modality.ICE
    long_ago = _session(ago=60 * 24, minutes=20)
    assert decide_launch(Profile(sessions=[long_ago]), NOW, None) == WelcomeBack()
