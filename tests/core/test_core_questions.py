"""The dialog before advice (clinical rules 8.1-8.5): the one question that can still change the
advice, asked only if it fits the place, and how replies are recorded."""

from __future__ import annotations

import itertools

import pytest

from heat_or_ice.core import (
    Action,
    Answers,
    Cause,
    Caution,
    Condition,
    Location,
    Modality,
    Onset,
    OtherPlace,
    QuestionId,
    QuestionKind,
    RedFlag,
    Reply,
    Symptom,
    advise,
    apply_reply,
    next_question,
    pack_question,
)
from heat_or_ice.core.screening import LOWER_PARTS, SCREEN_BY_ID, WORRYING_REPLY

Q = QuestionId
LOWER, UPPER, NECK, LEG = Location.LOWER_BACK, Location.UPPER_BACK, Location.NECK, Location.LEG
LIFTING_THIS_MORNING = Answers(location=LOWER, cause=Cause.INJURY, onset=Onset.TODAY)
SLOT_VALUES = {Q.LOCATION: Location, Q.ONSET: Onset, Q.CAUSE: Cause, Q.PREFERENCE: Modality}
# Upper back after an accident nobody checked, its start not yet known to be recent: every question
# applies (8.1's two clauses are asked one at a time).
LONGEST_DIALOG = 8


def converse(answers: Answers, reply_for) -> list[QuestionId]:
    asked = []
    while (question := next_question(answers)) is not None:
        assert question.id not in answers.answered and question.id not in asked
        asked.append(question.id)
        assert len(asked) <= len(QuestionId)
        answers = apply_reply(answers, question.id, reply_for(question.id))
    return asked


def all_clear(values: dict | None = None):
    """Every yes/no answered the reassuring way; slot questions by `values`, else "don't know"."""
    values = values or {}

    def reply(q: QuestionId):
        if q in values:
            return values[q]
        if q in SLOT_VALUES:
            return Reply.UNSURE
        return Reply.YES if WORRYING_REPLY.get(q, Reply.YES) is Reply.NO else Reply.NO

    return reply


def apply_all_clear(answers: Answers) -> Answers:
    reply = all_clear()
    while (question := next_question(answers)) is not None:
        answers = apply_reply(answers, question.id, reply(question.id))
    return answers


# How many answers before advice, when nothing is wrong (the goal: advice by the third utterance).
# Tier B is one question (night pain inside it); after an injury fragile bones joins it.
OPENING_WITH_PLACE_START_AND_CAUSE = {
    (LOWER, Cause.NO_CAUSE): [Q.LOWER_TIER_A, Q.URGENT_SIGNS],
    (LOWER, Cause.INJURY): [Q.LOWER_TIER_A, Q.URGENT_OR_FRAGILE],
    (UPPER, Cause.NO_CAUSE): [Q.CHEST_PAIN, Q.URGENT_SIGNS],  # the muscle question inside Tier B
    (UPPER, Cause.INJURY): [Q.CHEST_PAIN, Q.URGENT_OR_FRAGILE],
    (NECK, Cause.NO_CAUSE): [Q.NECK_DANGER_SIGNS, Q.URGENT_SIGNS],
    (NECK, Cause.INJURY): [Q.NECK_DANGER_SIGNS, Q.URGENT_OR_FRAGILE],
    (LEG, Cause.NO_CAUSE): [Q.LOWER_TIER_A, Q.URGENT_SIGNS],
    (LEG, Cause.INJURY): [Q.LOWER_TIER_A, Q.URGENT_OR_FRAGILE],
}
OPENING_WITH_ONLY_THE_PLACE = {  # then "it came on by itself" and "a few days ago"
    LOWER: [Q.LOWER_TIER_A, Q.CAUSE, Q.ONSET, Q.URGENT_SIGNS],
    UPPER: [Q.CHEST_PAIN, Q.CAUSE, Q.URGENT_SIGNS],
    NECK: [Q.NECK_DANGER_SIGNS, Q.CAUSE, Q.URGENT_SIGNS],
    LEG: [Q.LOWER_TIER_A, Q.CAUSE, Q.URGENT_SIGNS],
}


@pytest.mark.parametrize(("place", "cause"), list(OPENING_WITH_PLACE_START_AND_CAUSE))
def test_8_5_opening_with_place_start_and_cause_asks_only_the_screening_for_that_place(place, cause):
    opening = Answers(location=place, cause=cause, onset=Onset.TODAY)
    asked = converse(opening, all_clear())
    assert asked == OPENING_WITH_PLACE_START_AND_CAUSE[(place, cause)]
    assert advise(apply_all_clear(opening)).session_allowed


THIRD_UTTERANCE_OPENINGS = list(itertools.product((LOWER, NECK, LEG), (Cause.NO_CAUSE, Cause.INJURY)))


@pytest.mark.parametrize(("place", "cause"), THIRD_UTTERANCE_OPENINGS)
def test_advice_by_the_third_utterance_place_start_and_cause_need_at_most_two_answers(place, cause):
    """The opening gives place, start and cause; with nothing wrong, two answers and then advice."""
    opening = Answers(location=place, cause=cause, onset=Onset.TODAY)
    assert len(converse(opening, all_clear())) <= 2
    assert advise(apply_all_clear(opening)).action not in (Action.CLINICIAN_NOW, Action.CLINICIAN_TODAY)


@pytest.mark.parametrize("place", list(OPENING_WITH_ONLY_THE_PLACE))
def test_8_5_opening_with_only_the_place(place):
    asked = converse(Answers(location=place), all_clear({Q.CAUSE: Cause.NO_CAUSE, Q.ONSET: Onset.DAYS}))
    assert asked == OPENING_WITH_ONLY_THE_PLACE[place]


def test_8_5_opening_with_only_the_place_and_an_injury_adds_when_and_the_combined_fragile_bones_question():
    for place in Location:
        asked = converse(Answers(location=place), all_clear({Q.CAUSE: Cause.INJURY, Q.ONSET: Onset.TODAY}))
        assert len(asked) == 4 and asked[1:] == [Q.CAUSE, Q.ONSET, Q.URGENT_OR_FRAGILE]


def test_8_5_woke_up_with_a_stiff_neck_gives_place_start_and_no_injury():
    stiff_neck = Answers(location=NECK, cause=Cause.NO_CAUSE, onset=Onset.TODAY,
                         symptoms=frozenset({Symptom.STIFFNESS}))
    assert converse(stiff_neck, all_clear()) == [Q.NECK_DANGER_SIGNS, Q.URGENT_SIGNS]


def test_pulled_my_lower_back_lifting_a_box_this_morning_is_not_asked_where_or_when():
    asked = converse(LIFTING_THIS_MORNING, all_clear())
    assert not {Q.LOCATION, Q.ONSET, Q.CAUSE} & set(asked)


def test_slot_questions_fill_a_named_slot_the_rest_are_yes_no():
    location = next_question(Answers())
    assert (location.id, location.kind, location.slot) == (Q.LOCATION, QuestionKind.SLOT, "location")
    screen = next_question(Answers(location=LOWER))
    assert (screen.id, screen.kind, screen.slot) == (Q.LOWER_TIER_A, QuestionKind.YES_NO, None)
    again = next_question(Answers(other_place=OtherPlace.KNEE))
    assert (again.id, again.kind, again.slot) == (Q.LOCATION_AGAIN, QuestionKind.SLOT, "location")


def test_no_more_questions_once_a_tier_A_or_B_flag_is_present():
    assert next_question(Answers(symptoms=frozenset({Symptom.CHEST_PAIN}))) is None
    assert next_question(Answers(location=LOWER, red_flags=frozenset({RedFlag.CANCER_HISTORY}))) is None
    assert next_question(apply_reply(LIFTING_THIS_MORNING, Q.SADDLE_NUMBNESS, Reply.YES)) is None
    assert next_question(LIFTING_THIS_MORNING.with_changes(symptoms=frozenset({Symptom.NIGHT_PAIN}))) is None


# 8.5 lower back and leg: one combined Tier A question
def test_8_5_lower_back_no_to_the_combined_question_answers_all_three():
    answers = apply_reply(Answers(location=LOWER), Q.LOWER_TIER_A, Reply.NO)
    assert {Q.SADDLE_NUMBNESS, Q.BLADDER_BOWEL, Q.BOTH_LEGS} <= answers.answered
    assert not answers.red_flags and not answers.unsure_red_flags


@pytest.mark.parametrize("reply", [Reply.YES, Reply.UNSURE])
def test_8_5_yes_or_not_sure_to_the_combined_question_asks_which_one(reply):
    answers = apply_reply(Answers(location=LEG, cause=Cause.NO_CAUSE), Q.LOWER_TIER_A, reply)
    expected = Action.CLINICIAN_NOW if reply is Reply.YES else Action.CLINICIAN_TODAY
    assert advise(answers).action is expected  # cautious until the follow-ups say which
    follow_ups = []
    while (question := next_question(answers)) is not None and question.id in LOWER_PARTS:
        follow_ups.append(question.id)
        answers = apply_reply(answers, question.id, Reply.NO)
    assert follow_ups == [Q.SADDLE_NUMBNESS, Q.BLADDER_BOWEL, Q.BOTH_LEGS]
    # The specific answers replace the combined one: all three "no" is all clear.
    assert RedFlag.CAUDA_EQUINA_SIGNS not in answers.red_flags | answers.unsure_red_flags
    assert advise(answers).session_allowed


def test_8_5_a_yes_to_a_follow_up_is_the_emergency_and_ends_the_questions():
    answers = apply_reply(Answers(location=LOWER), Q.LOWER_TIER_A, Reply.YES)
    answers = apply_reply(answers, Q.SADDLE_NUMBNESS, Reply.NO)
    answers = apply_reply(answers, Q.BLADDER_BOWEL, Reply.YES)
    assert next_question(answers) is None
    assert (advise(answers).action, advise(answers).rule) == (Action.CLINICIAN_NOW, "D1")


def test_8_5_neck_asks_the_neck_danger_signs_not_saddle_or_bladder():
    asked = converse(Answers(location=NECK), all_clear())
    assert Q.NECK_DANGER_SIGNS in asked
    assert not {Q.LOWER_TIER_A, Q.SADDLE_NUMBNESS, Q.BLADDER_BOWEL, Q.BOTH_LEGS, Q.CHEST_PAIN} & set(asked)
    assert Q.NECK_DANGER_SIGNS in converse(Answers(location=LOWER, condition=Condition.WHIPLASH), all_clear())


def test_8_5_upper_back_asks_chest_pain_and_whether_it_is_clearly_muscular_inside_tier_b():
    asked = converse(Answers(location=UPPER), all_clear({Q.CAUSE: Cause.NO_CAUSE}))
    assert asked.index(Q.CHEST_PAIN) < asked.index(Q.CAUSE) < asked.index(Q.URGENT_SIGNS)
    assert not {Q.LOWER_TIER_A, Q.NECK_DANGER_SIGNS, Q.UPPER_BACK_MUSCULAR} & set(asked)
    cleared = apply_reply(Answers(location=UPPER, cause=Cause.NO_CAUSE), Q.URGENT_SIGNS, Reply.NO)
    assert Q.UPPER_BACK_MUSCULAR in cleared.answered and not advise(cleared).red_flags
    worried = apply_reply(Answers(location=UPPER, cause=Cause.NO_CAUSE), Q.URGENT_SIGNS, Reply.YES)
    assert advise(worried).action is Action.CLINICIAN_TODAY


def test_8_5_upper_back_after_an_accident_still_asks_whether_it_is_clearly_muscular():
    accident = Answers(location=UPPER, cause=Cause.ACCIDENT, onset=Onset.DAYS)
    assert Q.UPPER_BACK_MUSCULAR in converse(accident, all_clear())


def test_8_5_C7_exertion_or_spasm_already_says_clearly_muscular():
    strained = Answers(location=UPPER, cause=Cause.INJURY, onset=Onset.DAYS)
    assert Q.UPPER_BACK_MUSCULAR not in converse(strained, all_clear())
    spasm = Answers(location=UPPER, cause=Cause.NO_CAUSE, onset=Onset.DAYS,
                    symptoms=frozenset({Symptom.SPASM}))
    assert Q.UPPER_BACK_MUSCULAR not in converse(spasm, all_clear())


def test_8_3_one_leg_or_both_is_not_asked_again_when_already_answered():
    tingling = Answers(location=LEG, cause=Cause.NO_CAUSE, onset=Onset.DAYS,
                       symptoms=frozenset({Symptom.TINGLING}))
    asked = converse(tingling, all_clear())
    assert Q.BOTH_LEGS not in asked and Q.LOWER_TIER_A in asked  # "no" to the combined question said one leg


@pytest.mark.parametrize("place", list(Location))
def test_8_5_tier_B_is_one_question_with_night_pain_inside_asked_once(place):
    asked = converse(Answers(location=place), all_clear({Q.CAUSE: Cause.NO_CAUSE}))
    assert asked.count(Q.URGENT_SIGNS) == 1 and Q.EASES_WITH_REST not in asked
    injured = converse(Answers(location=place), all_clear({Q.CAUSE: Cause.INJURY, Q.ONSET: Onset.DAYS}))
    assert injured.count(Q.URGENT_OR_FRAGILE) == 1  # Tier B asked once, inside the combined question
    assert not {Q.URGENT_SIGNS, Q.EASES_WITH_REST, Q.FRAGILE_BONES} & set(injured)


def test_8_4_the_separate_eases_with_rest_question_is_never_asked():
    never = SCREEN_BY_ID[Q.EASES_WITH_REST]
    for place, cause in itertools.product(Location, (*Cause, None)):
        assert not never.applies(Answers(location=place, cause=cause, onset=Onset.DAYS))


def test_8_4_a_pending_eases_with_rest_question_is_still_understood():
    # Asked by an earlier version: "no, it does not ease with rest" is still night pain.
    answers = apply_reply(LIFTING_THIS_MORNING, Q.EASES_WITH_REST, Reply.NO)
    assert RedFlag.NIGHT_PAIN in answers.red_flags and advise(answers).rule == "D2"
    assert not apply_reply(LIFTING_THIS_MORNING, Q.EASES_WITH_REST, Reply.YES).red_flags


# 8.1 accidents
def test_8_1_an_accident_in_the_last_few_days_asks_only_whether_a_doctor_checked_it():
    crash = Answers(location=NECK, cause=Cause.ACCIDENT, onset=Onset.DAYS)
    asked = converse(crash, all_clear())
    assert Q.ACCIDENT_RECENT_UNCHECKED not in asked, "one clause: a no cannot mean two things"
    assert asked.index(Q.ACCIDENT_CHECKED) < asked.index(Q.URGENT_OR_FRAGILE)
    unchecked = apply_reply(crash, Q.ACCIDENT_CHECKED, Reply.NO)
    assert next_question(unchecked) is None
    assert (advise(unchecked).action, advise(unchecked).rule) == (Action.CLINICIAN_NOW, "D3")
    checked = apply_reply(crash, Q.ACCIDENT_CHECKED, Reply.YES)
    assert RedFlag.SERIOUS_ACCIDENT not in advise(checked).red_flags


def test_8_1_an_accident_a_few_weeks_ago_asks_whether_it_was_checked_then_whether_it_was_recent():
    crash = Answers(location=NECK, cause=Cause.ACCIDENT, onset=Onset.WEEKS,
                    answered=frozenset({Q.NECK_DANGER_SIGNS}))
    assert next_question(crash).id is Q.ACCIDENT_CHECKED
    checked = apply_reply(crash, Q.ACCIDENT_CHECKED, Reply.YES)
    assert Q.ACCIDENT_RECENT_UNCHECKED not in converse(checked, all_clear()), "checked: 'when' doesn't matter"
    # "No, I didn't get it looked at" is a no to one clause, not a reason to stop asking.
    unchecked = apply_reply(crash, Q.ACCIDENT_CHECKED, Reply.NO)
    assert RedFlag.SERIOUS_ACCIDENT not in advise(unchecked).red_flags
    assert next_question(unchecked).id is Q.ACCIDENT_RECENT_UNCHECKED
    recent = apply_reply(unchecked, Q.ACCIDENT_RECENT_UNCHECKED, Reply.YES)
    assert next_question(recent) is None
    assert (advise(recent).action, advise(recent).rule) == (Action.CLINICIAN_NOW, "D3")
    long_ago = apply_reply(unchecked, Q.ACCIDENT_RECENT_UNCHECKED, Reply.NO)
    assert RedFlag.SERIOUS_ACCIDENT not in advise(long_ago).red_flags


def test_8_1_unchecked_then_a_start_in_the_last_few_days_is_an_emergency_whenever_it_is_said():
    crash = Answers(location=NECK, cause=Cause.ACCIDENT, answered=frozenset({Q.NECK_DANGER_SIGNS}))
    unchecked = apply_reply(crash, Q.ACCIDENT_CHECKED, Reply.NO)
    assert advise(unchecked).action is not Action.CLINICIAN_NOW, "not yet known to be recent"
    tuesday = unchecked.with_changes(onset=Onset.DAYS)
    assert (advise(tuesday).action, advise(tuesday).rule) == (Action.CLINICIAN_NOW, "D3")
    checked = apply_reply(crash, Q.ACCIDENT_CHECKED, Reply.YES).with_changes(onset=Onset.DAYS)
    assert advise(checked).action is not Action.CLINICIAN_NOW


def test_8_1_for_years_since_a_car_accident_needs_no_accident_question():
    years = Answers(location=LOWER, cause=Cause.ACCIDENT, onset=Onset.MONTHS)
    asked = converse(years, all_clear())
    assert not {Q.ACCIDENT_RECENT_UNCHECKED, Q.FRAGILE_BONES, Q.URGENT_OR_FRAGILE} & set(asked)
    assert Q.URGENT_SIGNS in asked  # Tier B on its own, without the bones


def test_8_1_an_accident_asks_when_before_whether_it_was_recent():
    asked = converse(Answers(location=LOWER, cause=Cause.ACCIDENT), all_clear({Q.ONSET: Onset.MONTHS}))
    assert Q.ONSET in asked and Q.ACCIDENT_RECENT_UNCHECKED not in asked


def test_8_1_whiplash_of_unknown_cause_is_asked_about_as_an_accident():
    asked = converse(Answers(location=NECK, condition=Condition.WHIPLASH), all_clear())
    assert Q.ACCIDENT_CHECKED in asked


@pytest.mark.parametrize(("cause", "asked"), [
    (Cause.INJURY, True), (Cause.ACCIDENT, True), (Reply.UNSURE, True), (Cause.NO_CAUSE, False),
])
def test_8_1_fragile_bones_is_asked_with_tier_B_for_an_injury_a_fall_or_an_unknown_cause(cause, asked):
    dialog = converse(Answers(location=LOWER), all_clear({Q.CAUSE: cause, Q.ONSET: Onset.DAYS}))
    assert (Q.URGENT_OR_FRAGILE in dialog) is asked
    assert (Q.URGENT_SIGNS in dialog) is not asked  # no injury: Tier B asked plainly
    assert Q.FRAGILE_BONES not in dialog  # a "no" to the combined question answered it


def test_8_1_fragile_bones_already_known_from_a_condition_is_not_asked():
    brittle = Answers(location=LOWER, cause=Cause.ACCIDENT, onset=Onset.DAYS,
                      condition=Condition.OSTEOPOROSIS)
    assert next_question(brittle) is None and advise(brittle).rule == "D3"


# 8.1 + 8.5: fragile bones and Tier B in one question when the bones matter
LIFTED_AND_SCREENED = apply_reply(LIFTING_THIS_MORNING, Q.LOWER_TIER_A, Reply.NO)


def reply_in_turn(answers: Answers, *replies: tuple[QuestionId, Reply]) -> Answers:
    """Each reply to the question the dialog asks next (so each step is one the person hears)."""
    for question_id, reply in replies:
        assert next_question(answers).id is question_id
        answers = apply_reply(answers, question_id, reply)
    return answers


def test_8_5_no_to_the_combined_question_answers_fragile_bones_and_tier_B():
    answers = reply_in_turn(LIFTED_AND_SCREENED, (Q.URGENT_OR_FRAGILE, Reply.NO))
    assert {Q.FRAGILE_BONES, Q.URGENT_SIGNS} <= answers.answered
    assert not answers.red_flags and not answers.unsure_red_flags
    assert next_question(answers) is None
    assert advise(answers).action is Action.ICE and advise(answers).session_allowed


def test_8_5_yes_to_the_combined_question_asks_whether_it_is_the_bones():
    answers = reply_in_turn(LIFTED_AND_SCREENED, (Q.URGENT_OR_FRAGILE, Reply.YES))
    assert answers.red_flags == {RedFlag.URGENT_OR_FRAGILE}
    # Until the follow-up finds which, the most cautious of its parts: fragile bones after an injury.
    assert advise(answers).action is Action.CLINICIAN_NOW
    assert next_question(answers).id is Q.FRAGILE_BONES


def test_8_1_yes_then_not_sure_it_is_the_bones_is_read_as_the_bones():
    answers = reply_in_turn(
        LIFTED_AND_SCREENED, (Q.URGENT_OR_FRAGILE, Reply.YES), (Q.FRAGILE_BONES, Reply.UNSURE)
    )
    assert RedFlag.FRAGILE_BONE_STRAIN in answers.red_flags
    assert advise(answers).action is Action.CLINICIAN_NOW


def test_8_1_yes_then_fragile_bones_after_an_injury_is_an_emergency():
    answers = reply_in_turn(LIFTED_AND_SCREENED, (Q.URGENT_OR_FRAGILE, Reply.YES),
                            (Q.FRAGILE_BONES, Reply.YES))
    assert answers.red_flags == {RedFlag.FRAGILE_BONE_STRAIN}  # the specific answer replaces the pending one
    assert (advise(answers).action, advise(answers).rule) == (Action.CLINICIAN_NOW, "D3")
    assert next_question(answers) is None


def test_8_5_yes_then_not_the_bones_is_an_urgent_sign():
    answers = reply_in_turn(LIFTED_AND_SCREENED, (Q.URGENT_OR_FRAGILE, Reply.YES),
                            (Q.FRAGILE_BONES, Reply.NO))
    assert answers.red_flags == {RedFlag.URGENT_SIGNS} and not answers.unsure_red_flags
    assert Q.URGENT_SIGNS in answers.answered  # the yes already said which: not asked again
    assert (advise(answers).action, advise(answers).rule) == (Action.CLINICIAN_TODAY, "D2")
    assert next_question(answers) is None


def test_8_5_not_sure_then_not_the_bones_asks_tier_B_plainly():
    unsure = reply_in_turn(LIFTED_AND_SCREENED, (Q.URGENT_OR_FRAGILE, Reply.UNSURE))
    assert unsure.unsure_red_flags == {RedFlag.URGENT_OR_FRAGILE} and not unsure.red_flags
    assert (advise(unsure).action, advise(unsure).reason) == (Action.CLINICIAN_SOON, "D2_UNSURE")
    assert advise(unsure).stretches == ()
    not_bones = reply_in_turn(unsure, (Q.FRAGILE_BONES, Reply.NO))
    assert not not_bones.red_flags and not not_bones.unsure_red_flags  # the pending one is gone
    assert next_question(not_bones).id is Q.URGENT_SIGNS
    clear = reply_in_turn(not_bones, (Q.URGENT_SIGNS, Reply.NO))
    assert next_question(clear) is None and advise(clear).action is Action.ICE and advise(clear).stretches
    urgent = apply_reply(not_bones, Q.URGENT_SIGNS, Reply.YES)
    assert (advise(urgent).action, advise(urgent).rule) == (Action.CLINICIAN_TODAY, "D2")


def test_8_1_not_sure_then_fragile_bones_after_an_injury_is_an_emergency():
    answers = reply_in_turn(LIFTED_AND_SCREENED, (Q.URGENT_OR_FRAGILE, Reply.UNSURE),
                            (Q.FRAGILE_BONES, Reply.YES))
    assert answers.red_flags == {RedFlag.FRAGILE_BONE_STRAIN} and not answers.unsure_red_flags
    assert (advise(answers).action, advise(answers).rule) == (Action.CLINICIAN_NOW, "D3")


def test_8_5_a_later_no_to_the_combined_question_never_undoes_a_yes():
    worried = apply_reply(LIFTED_AND_SCREENED, Q.URGENT_OR_FRAGILE, Reply.YES)
    later_no = apply_reply(worried, Q.URGENT_OR_FRAGILE, Reply.NO)
    assert RedFlag.URGENT_OR_FRAGILE in later_no.red_flags
    assert Q.FRAGILE_BONES not in later_no.answered and next_question(later_no).id is Q.FRAGILE_BONES
    assert RedFlag.URGENT_SIGNS in apply_reply(later_no, Q.FRAGILE_BONES, Reply.NO).red_flags
    # Not sure, then a clear no: the clear answer replaces it (8.5).
    unsure_then_no = apply_reply(apply_reply(LIFTED_AND_SCREENED, Q.URGENT_OR_FRAGILE, Reply.UNSURE),
                                 Q.URGENT_OR_FRAGILE, Reply.NO)
    assert not unsure_then_no.unsure_red_flags
    assert {Q.FRAGILE_BONES, Q.URGENT_SIGNS} <= unsure_then_no.answered


@pytest.mark.parametrize("condition", [Condition.OSTEOPOROSIS, Condition.LONG_TERM_STEROIDS])
def test_8_1_known_fragile_bones_skip_the_combined_question(condition):
    combined = SCREEN_BY_ID[Q.URGENT_OR_FRAGILE]
    assert combined.applies(LIFTING_THIS_MORNING)
    assert not combined.applies(LIFTING_THIS_MORNING.with_changes(condition=condition))


def test_8_1_osteoporosis_and_an_injury_is_an_emergency_without_the_combined_question():
    thin_bones = Answers(location=LOWER, condition=Condition.OSTEOPOROSIS)
    asked = converse(thin_bones, all_clear({Q.CAUSE: Cause.INJURY}))
    assert asked == [Q.LOWER_TIER_A, Q.CAUSE]  # the bones already make it an emergency
    injured = apply_reply(apply_reply(thin_bones, Q.LOWER_TIER_A, Reply.NO), Q.CAUSE, Cause.INJURY)
    assert (advise(injured).action, advise(injured).rule) == (Action.CLINICIAN_NOW, "D3")


def test_8_5_a_volunteered_urgent_sign_skips_the_combined_question():
    combined = SCREEN_BY_ID[Q.URGENT_OR_FRAGILE]
    for symptom in (Symptom.FEVER, Symptom.WEIGHT_LOSS, Symptom.CANCER_HISTORY, Symptom.NIGHT_PAIN):
        assert not combined.applies(LIFTING_THIS_MORNING.with_changes(symptoms=frozenset({symptom})))


# 8.2 places not covered
def test_8_2_an_uncovered_place_is_asked_once_more_then_the_dialog_ends():
    knee = Answers(other_place=OtherPlace.KNEE)
    assert next_question(knee).id is Q.LOCATION_AGAIN
    ankle = apply_reply(knee, Q.LOCATION_AGAIN, OtherPlace.ANKLE)
    assert ankle.other_place is OtherPlace.ANKLE and next_question(ankle) is None
    assert advise(ankle).reason == "OUT_OF_SCOPE_ELSEWHERE"


def test_8_2_a_covered_place_the_second_time_goes_on_as_usual():
    answers = apply_reply(Answers(other_place=OtherPlace.SHOULDER), Q.LOCATION_AGAIN, UPPER)
    assert answers.location is UPPER and next_question(answers).id is Q.CHEST_PAIN


def test_8_2_asked_where_and_told_an_uncovered_place_asks_once_more():
    answers = apply_reply(Answers(), Q.LOCATION, OtherPlace.HIP)
    assert answers.other_place is OtherPlace.HIP and next_question(answers).id is Q.LOCATION_AGAIN
    unsure = apply_reply(Answers(), Q.LOCATION, Reply.UNSURE)
    assert next_question(unsure).id is Q.LOCATION_AGAIN
    assert next_question(apply_reply(unsure, Q.LOCATION_AGAIN, Reply.UNSURE)) is None


def test_8_2_never_continues_the_interview_without_a_covered_place():
    knee_after_a_fall = Answers(other_place=OtherPlace.KNEE, cause=Cause.ACCIDENT, onset=Onset.TODAY)
    assert converse(knee_after_a_fall, all_clear()) == [Q.LOCATION_AGAIN]


# 8.6 and the rest of the policy
def test_8_6_the_skin_question_is_not_asked_before_advice():
    for place in Location:
        assert Q.SKIN_FEELS_NORMAL not in converse(Answers(location=place), all_clear())
        assert Q.SKIN_SAFETY not in converse(Answers(location=place), all_clear())


def test_8_7_swelling_is_never_asked_before_advice_but_before_a_warm_pack_on_an_injury():
    prefers_heat = LIFTING_THIS_MORNING.with_changes(preference=Modality.HEAT)
    assert Q.SWELLING not in converse(prefers_heat, all_clear())
    answers = prefers_heat
    for question_id in converse(prefers_heat, all_clear()):
        answers = apply_reply(answers, question_id, Reply.NO)
    assert Caution.ICE_IF_SWOLLEN in advise(answers).cautions, "the advice says: swollen means ice"
    skin_fine = apply_reply(answers, Q.SKIN_FEELS_NORMAL, Reply.YES)
    assert pack_question(skin_fine, Modality.HEAT).id is Q.SWELLING
    assert pack_question(skin_fine, Modality.ICE) is None


def test_fragile_bones_and_swelling_never_after_no_injury():
    asked = converse(Answers(location=LOWER, cause=Cause.NO_CAUSE), all_clear())
    assert not {Q.FRAGILE_BONES, Q.URGENT_OR_FRAGILE, Q.SWELLING} & set(asked)


def test_8_7_preference_is_never_asked_before_advice_either_is_offered_with_the_session():
    later = LIFTING_THIS_MORNING.with_changes(onset=Onset.WEEKS)
    asked = converse(later, all_clear())
    assert Q.PREFERENCE not in asked
    answers = later
    for question_id in asked:
        answers = apply_reply(answers, question_id, Reply.NO)
    advice = advise(answers)
    assert advice.action is Action.EITHER and advice.session_allowed and advice.offer is None


def test_8_5_still_unsure_about_an_emergency_sign_settles_it_a_doctor_today_and_no_more_questions():
    answers = apply_reply(Answers(location=LOWER), Q.LOWER_TIER_A, Reply.NO)
    answers = apply_reply(answers, Q.NECK_DANGER_SIGNS, Reply.UNSURE)  # after asking once more
    assert converse(answers, all_clear({Q.CAUSE: Cause.INJURY})) == []
    assert advise(answers).action is Action.CLINICIAN_TODAY and advise(answers).reason == "D1_UNSURE"


def test_8_5_a_hesitant_answer_to_a_combined_question_still_goes_on_to_which_one():
    lower_back = apply_reply(Answers(location=LOWER), Q.LOWER_TIER_A, Reply.UNSURE)
    assert next_question(lower_back).id is Q.SADDLE_NUMBNESS
    about_you = apply_reply(apply_reply(LIFTING_THIS_MORNING, Q.LOWER_TIER_A, Reply.NO), Q.URGENT_OR_FRAGILE,
                            Reply.UNSURE)
    assert next_question(about_you).id is Q.FRAGILE_BONES


def test_8_5_a_flare_up_is_not_asked_how_it_started_and_tier_B_is_asked_plainly():
    flare = Answers(location=LOWER, onset=Onset.FLARE_UP)
    assert converse(flare, all_clear()) == [Q.LOWER_TIER_A, Q.URGENT_SIGNS]


def test_never_asks_an_answered_question_or_a_known_fact():
    answered = Answers(location=LOWER, answered=frozenset({Q.LOWER_TIER_A, Q.CAUSE}))
    asked = converse(answered, all_clear())
    assert Q.LOWER_TIER_A not in asked and Q.CAUSE not in asked and Q.LOCATION not in asked


# apply_reply
def test_apply_reply_yes_to_a_screen_adds_the_red_flag():
    answers = apply_reply(Answers(), Q.BLADDER_BOWEL, Reply.YES)
    assert answers.red_flags == {RedFlag.BLADDER_BOWEL} and answers.answered == {Q.BLADDER_BOWEL}


def test_apply_reply_no_only_marks_it_answered():
    answers = apply_reply(Answers(), Q.SADDLE_NUMBNESS, Reply.NO)
    assert answers == Answers(answered=frozenset({Q.SADDLE_NUMBNESS}))


def test_apply_reply_unsure_on_a_screen_is_recorded_as_unsure():
    answers = apply_reply(Answers(), Q.FRAGILE_BONES, Reply.UNSURE)
    assert answers.unsure_red_flags == {RedFlag.FRAGILE_BONE_STRAIN} and not answers.red_flags


def test_8_5_a_later_clear_answer_replaces_not_sure():
    unsure = apply_reply(LIFTING_THIS_MORNING, Q.FRAGILE_BONES, Reply.UNSURE)
    assert not apply_reply(unsure, Q.FRAGILE_BONES, Reply.NO).unsure_red_flags
    assert apply_reply(unsure, Q.FRAGILE_BONES, Reply.YES).red_flags == {RedFlag.FRAGILE_BONE_STRAIN}


def test_a_worrying_answer_is_never_undone_by_a_later_no():
    worried = apply_reply(LIFTING_THIS_MORNING, Q.URGENT_SIGNS, Reply.YES)
    assert RedFlag.URGENT_SIGNS in apply_reply(worried, Q.URGENT_SIGNS, Reply.NO).red_flags


def test_apply_reply_unsure_on_a_slot_leaves_the_fact_unknown():
    answers = apply_reply(Answers(), Q.CAUSE, Reply.UNSURE)
    assert answers.cause is None and Q.CAUSE in answers.answered
    assert advise(answers.with_changes(location=LOWER)).rule == "D23"


def test_apply_reply_slot_value_fills_the_slot():
    answers = apply_reply(Answers(), Q.PREFERENCE, Modality.ICE)
    assert answers.preference is Modality.ICE and Q.PREFERENCE in answers.answered
    assert apply_reply(Answers(), Q.LOCATION_AGAIN, NECK).location is NECK
    with pytest.raises(TypeError):
        apply_reply(Answers(), Q.LOCATION, Onset.TODAY)
    with pytest.raises(TypeError):
        apply_reply(Answers(), Q.CAUSE, OtherPlace.KNEE)
    with pytest.raises(TypeError):
        apply_reply(Answers(), Q.SWELLING, Location.NECK)


def test_apply_reply_swelling_yes_or_still_unsure_counts_as_swelling():
    assert Symptom.SWELLING in apply_reply(Answers(), Q.SWELLING, Reply.YES).symptoms
    assert Symptom.SWELLING in apply_reply(Answers(), Q.SWELLING, Reply.UNSURE).symptoms  # cold, not heat
    assert Symptom.SWELLING not in apply_reply(Answers(), Q.SWELLING, Reply.NO).symptoms


def test_8_6_skin_feels_normal_yes_is_the_only_reply_that_allows_a_pack():
    assert not apply_reply(Answers(), Q.SKIN_FEELS_NORMAL, Reply.YES).skin_unsafe
    assert apply_reply(Answers(), Q.SKIN_FEELS_NORMAL, Reply.NO).skin_unsafe
    assert apply_reply(Answers(), Q.SKIN_FEELS_NORMAL, Reply.UNSURE).skin_unsafe
    unsure_then_normal = apply_reply(apply_reply(Answers(), Q.SKIN_FEELS_NORMAL, Reply.UNSURE),
                                     Q.SKIN_FEELS_NORMAL, Reply.YES)
    assert not unsure_then_normal.skin_unsafe


def test_the_retired_skin_question_keeps_its_polarity():
    assert apply_reply(Answers(), Q.SKIN_SAFETY, Reply.YES).skin_unsafe
    assert not apply_reply(Answers(), Q.SKIN_SAFETY, Reply.NO).skin_unsafe


@pytest.mark.parametrize("location", [None, *Location])
def test_dialog_longest_path_stays_bounded(location):
    """Every slot value, and the reassuring answer, "no" or "don't know" to every yes/no question,
    ends within the bound."""
    causes, onsets, preferences = [*Cause, Reply.UNSURE], [*Onset, Reply.UNSURE], [*Modality, Reply.NO]
    choices = itertools.product(causes, onsets, preferences, ["clear", Reply.NO, Reply.UNSURE])
    longest = 0
    for cause, onset, preference, yes_no in choices:
        values = {
            Q.LOCATION: location or Reply.UNSURE,
            Q.LOCATION_AGAIN: location or Reply.UNSURE,
            Q.CAUSE: cause,
            Q.ONSET: onset,
            Q.PREFERENCE: preference,
        }
        reply = all_clear(values) if yes_no == "clear" else (lambda q, v=values, r=yes_no: v.get(q, r))
        longest = max(longest, len(converse(Answers(), reply)))
    assert longest <= (2 if location is None else LONGEST_DIALOG)
