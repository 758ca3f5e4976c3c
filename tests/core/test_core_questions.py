"""The dialog: the one question that can still change the advice, and how replies are recorded."""

from __future__ import annotations

import itertools

import pytest
from core_strategies import NOW
from heat_or_ice.core import (
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    Outcome,
    QuestionId,
    QuestionKind,
    RedFlag,
    Reply,
    SessionOutcome,
    Symptom,
    advise,
    apply_reply,
    next_question,
)

Q = QuestionId
LIFTING_THIS_MORNING = Answers(location=Location.LOWER_BACK, cause=Cause.INJURY, onset=Onset.TODAY)
SLOT_VALUES = {Q.LOCATION: Location, Q.ONSET: Onset, Q.CAUSE: Cause, Q.PREFERENCE: Modality}
LONGEST_DIALOG = 12  # upper back, older injury, no preference: every screen applies
TYPICAL_DIALOG = 7


def converse(answers: Answers, reply_for) -> list[QuestionId]:
    asked = []
    while (question := next_question(answers)) is not None:
        assert question.id not in answers.answered and question.id not in asked
        asked.append(question.id)
        assert len(asked) <= len(QuestionId)
        answers = apply_reply(answers, question.id, reply_for(question.id))
    return asked


def say_no(values: dict | None = None):
    values = values or {}
    return lambda q: values.get(q, Reply.UNSURE if q in SLOT_VALUES else Reply.NO)


def test_pulled_my_lower_back_lifting_a_box_this_morning_is_not_asked_where_or_when():
    asked = converse(LIFTING_THIS_MORNING, say_no())
    assert not {Q.LOCATION, Q.ONSET, Q.CAUSE} & set(asked)
    assert asked == [
        Q.SADDLE_NUMBNESS,
        Q.BLADDER_BOWEL,
        Q.FRAGILE_BONES,
        Q.URGENT_SIGNS,
        Q.SWELLING,
        Q.SKIN_SAFETY,
    ]


def test_order_location_tier_A_cause_onset_tier_B_skin_preference():
    asked = converse(
        Answers(), say_no({Q.LOCATION: Location.LOWER_BACK, Q.CAUSE: Cause.NO_CAUSE, Q.ONSET: Onset.MONTHS})
    )
    assert asked == [
        Q.LOCATION,
        Q.SADDLE_NUMBNESS,
        Q.BLADDER_BOWEL,
        Q.CAUSE,
        Q.ONSET,
        Q.URGENT_SIGNS,
        Q.SKIN_SAFETY,
        Q.PREFERENCE,
    ]


def test_slot_questions_fill_a_named_slot_the_rest_are_yes_no():
    location = next_question(Answers())
    assert (location.id, location.kind, location.slot) == (Q.LOCATION, QuestionKind.SLOT, "location")
    screen = next_question(Answers(location=Location.LOWER_BACK))
    assert (screen.id, screen.kind, screen.slot) == (Q.SADDLE_NUMBNESS, QuestionKind.YES_NO, None)


def test_no_more_questions_once_a_tier_A_or_B_flag_is_present():
    assert next_question(Answers(symptoms=frozenset({Symptom.CHEST_PAIN}))) is None
    assert next_question(Answers(red_flags=frozenset({RedFlag.CANCER_HISTORY}))) is None
    assert next_question(apply_reply(LIFTING_THIS_MORNING, Q.SADDLE_NUMBNESS, Reply.YES)) is None


def test_unsure_about_an_emergency_sign_only_asks_what_could_make_it_an_emergency():
    answers = apply_reply(Answers(location=Location.LOWER_BACK), Q.SADDLE_NUMBNESS, Reply.UNSURE)
    asked = converse(answers, say_no({Q.CAUSE: Cause.INJURY}))
    assert asked == [Q.BLADDER_BOWEL, Q.CAUSE, Q.FRAGILE_BONES]


def test_leg_screen_asks_about_both_legs():
    asked = converse(Answers(location=Location.LEG), say_no())
    assert Q.BOTH_LEGS in asked and Q.NECK_DANGER_SIGNS not in asked and Q.CHEST_PAIN not in asked
    back = converse(
        Answers(location=Location.LOWER_BACK, symptoms=frozenset({Symptom.SHOOTING_PAIN})), say_no()
    )
    assert Q.BOTH_LEGS in back


def test_neck_screen_asks_neck_danger_signs():
    asked = converse(Answers(location=Location.NECK), say_no())
    assert Q.NECK_DANGER_SIGNS in asked and Q.BOTH_LEGS not in asked
    assert Q.NECK_DANGER_SIGNS in converse(Answers(condition=Condition.WHIPLASH), say_no())


def test_upper_back_screen_asks_chest_pain_and_whether_it_is_muscular():
    asked = converse(Answers(location=Location.UPPER_BACK), say_no({Q.UPPER_BACK_MUSCULAR: Reply.YES}))
    assert asked.index(Q.CHEST_PAIN) < asked.index(Q.CAUSE) < asked.index(Q.UPPER_BACK_MUSCULAR)


def test_fragile_bones_and_swelling_only_after_an_injury():
    asked = converse(Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE), say_no())
    assert Q.FRAGILE_BONES not in asked and Q.SWELLING not in asked


def test_swelling_only_when_it_could_change_the_advice():
    assert Q.SWELLING in converse(LIFTING_THIS_MORNING, say_no())
    moist_heat_made_it_worse = (SessionOutcome(Modality.MOIST_HEAT, Outcome.WORSE, NOW),)
    heat_already_ruled_out = LIFTING_THIS_MORNING.with_changes(outcomes=moist_heat_made_it_worse)
    assert Q.SWELLING not in converse(heat_already_ruled_out, say_no())


def test_urgent_signs_asked_once():
    asked = converse(Answers(location=Location.NECK), say_no())
    assert asked.count(Q.URGENT_SIGNS) == 1


def test_skin_screen_only_before_advice_that_offers_a_pack():
    answers = apply_reply(Answers(location=Location.LOWER_BACK), Q.BLADDER_BOWEL, Reply.UNSURE)
    assert Q.SKIN_SAFETY not in converse(answers, say_no())
    assert Q.SKIN_SAFETY not in converse(Answers(location=Location.LOWER_BACK, skin_unsafe=True), say_no())


def test_preference_only_when_the_advice_would_otherwise_be_either():
    assert Q.PREFERENCE not in converse(LIFTING_THIS_MORNING, say_no())
    later = LIFTING_THIS_MORNING.with_changes(onset=Onset.WEEKS)
    assert converse(later, say_no())[-1] is Q.PREFERENCE


def test_never_asks_an_answered_question_or_a_known_fact():
    answered = Answers(location=Location.LOWER_BACK, answered=frozenset({Q.SADDLE_NUMBNESS, Q.CAUSE}))
    asked = converse(answered, say_no())
    assert Q.SADDLE_NUMBNESS not in asked and Q.CAUSE not in asked and Q.LOCATION not in asked


def test_apply_reply_yes_to_a_screen_adds_the_red_flag():
    answers = apply_reply(Answers(), Q.BLADDER_BOWEL, Reply.YES)
    assert answers.red_flags == {RedFlag.BLADDER_BOWEL} and answers.answered == {Q.BLADDER_BOWEL}


def test_apply_reply_no_only_marks_it_answered():
    answers = apply_reply(Answers(), Q.SADDLE_NUMBNESS, Reply.NO)
    assert answers == Answers(answered=frozenset({Q.SADDLE_NUMBNESS}))


def test_apply_reply_unsure_on_a_screen_is_recorded_as_unsure():
    answers = apply_reply(Answers(), Q.FRAGILE_BONES, Reply.UNSURE)
    assert answers.unsure_red_flags == {RedFlag.FRAGILE_BONE_STRAIN} and not answers.red_flags


def test_apply_reply_unsure_on_a_slot_leaves_the_fact_unknown():
    answers = apply_reply(Answers(), Q.CAUSE, Reply.UNSURE)
    assert answers.cause is None and Q.CAUSE in answers.answered
    assert advise(answers.with_changes(location=Location.LOWER_BACK)).rule == "D23"


def test_apply_reply_slot_value_fills_the_slot():
    answers = apply_reply(Answers(), Q.PREFERENCE, Modality.ICE)
    assert answers.preference is Modality.ICE and Q.PREFERENCE in answers.answered
    with pytest.raises(TypeError):
        apply_reply(Answers(), Q.LOCATION, Onset.TODAY)
    with pytest.raises(TypeError):
        apply_reply(Answers(), Q.SWELLING, Location.NECK)


def test_apply_reply_swelling_and_skin_safety():
    assert Symptom.SWELLING in apply_reply(Answers(), Q.SWELLING, Reply.YES).symptoms
    assert apply_reply(Answers(), Q.SKIN_SAFETY, Reply.YES).skin_unsafe
    assert apply_reply(Answers(), Q.SKIN_SAFETY, Reply.UNSURE).skin_unsafe  # product decision: cautious
    assert not apply_reply(Answers(), Q.SKIN_SAFETY, Reply.NO).skin_unsafe


def test_dialog_typical_conversations_stay_short():
    for location in Location:
        asked = converse(
            Answers(location=location),
            say_no({Q.CAUSE: Cause.NO_CAUSE, Q.ONSET: Onset.DAYS, Q.UPPER_BACK_MUSCULAR: Reply.YES}),
        )
        assert len(asked) <= TYPICAL_DIALOG, (location, asked)
    assert len(converse(Answers(), say_no({Q.LOCATION: Location.LOWER_BACK}))) <= TYPICAL_DIALOG


@pytest.mark.parametrize("location", [None, *Location])
def test_dialog_longest_path_stays_bounded(location):
    """Every slot value, and "no" or "don't know" to every yes/no question, ends within the bound."""
    choices = itertools.product(
        [*Cause, Reply.UNSURE], [*Onset, Reply.UNSURE], [*Modality, Reply.NO], [Reply.NO, Reply.UNSURE]
    )
    longest = 0
    for cause, onset, preference, yes_no in choices:
        values = {
            Q.LOCATION: location or Reply.UNSURE,
            Q.CAUSE: cause,
            Q.ONSET: onset,
            Q.PREFERENCE: preference,
        }
        asked = converse(Answers(), lambda q, values=values, yes_no=yes_no: values.get(q, yes_no))
        longest = max(longest, len(asked))
    assert longest <= LONGEST_DIALOG
