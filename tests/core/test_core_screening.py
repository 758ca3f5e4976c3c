"""Screening before anything physical (clinical rules 8.6), the pack question at session start, and
"not sure" answers worth asking again (8.5)."""

from __future__ import annotations

import pytest

from heat_or_ice.core import (
    Action,
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    OtherPlace,
    Purpose,
    QuestionId,
    RedFlag,
    Reply,
    Symptom,
    advise,
    apply_reply,
    pack_question,
    screening_needed,
    worth_asking_again,
)
from heat_or_ice.core.screening import WORRYING_REPLY

Q = QuestionId
LOWER, UPPER, NECK, LEG = Location.LOWER_BACK, Location.UPPER_BACK, Location.NECK, Location.LEG


def reassuring(q: QuestionId) -> Reply:
    return Reply.YES if WORRYING_REPLY.get(q, Reply.YES) is Reply.NO else Reply.NO


def screen(answers: Answers, purpose: Purpose, values: dict | None = None):
    """Walks `screening_needed` to the end: the questions asked, and the answers after them."""
    values = values or {}
    asked = []
    while (question := screening_needed(answers, purpose)) is not None:
        assert question.id not in asked
        asked.append(question.id)
        answers = apply_reply(answers, question.id, values.get(question.id, reassuring(question.id)))
    return asked, answers


def test_8_6_a_brand_new_person_asking_for_a_heat_session_is_screened_first():
    asked, answers = screen(Answers(preference=Modality.HEAT), Purpose.SESSION,
                            {Q.LOCATION: LOWER, Q.CAUSE: Cause.NO_CAUSE})
    assert asked == [Q.LOCATION, Q.LOWER_TIER_A, Q.CAUSE, Q.URGENT_SIGNS]
    assert advise(answers).session_allowed and advise(answers).offer is Modality.HEAT


@pytest.mark.parametrize(("place", "tier_a"), [
    (LOWER, Q.LOWER_TIER_A), (LEG, Q.LOWER_TIER_A), (NECK, Q.NECK_DANGER_SIGNS), (UPPER, Q.CHEST_PAIN),
])
def test_8_6_the_tier_A_questions_asked_are_the_ones_for_the_place(place, tier_a):
    asked, _ = screen(Answers(location=place, cause=Cause.NO_CAUSE), Purpose.SESSION)
    assert asked[0] is tier_a
    others = {Q.LOWER_TIER_A, Q.NECK_DANGER_SIGNS, Q.CHEST_PAIN} - {tier_a}
    assert not others & set(asked)
    assert Q.URGENT_SIGNS in asked and Q.EASES_WITH_REST not in asked  # Tier B for everyone, one question


def test_8_6_nothing_is_asked_twice_once_the_advice_dialog_has_screened():
    answers = Answers(location=LOWER, cause=Cause.NO_CAUSE, onset=Onset.DAYS,
                      answered=frozenset({Q.LOWER_TIER_A, Q.SADDLE_NUMBNESS, Q.BLADDER_BOWEL, Q.BOTH_LEGS,
                                          Q.URGENT_SIGNS}))
    assert screening_needed(answers, Purpose.SESSION) is None
    assert screening_needed(answers, Purpose.STRETCH) is None


def test_8_6_a_stretch_after_an_injury_also_needs_when_it_started():
    asked, _ = screen(Answers(location=LOWER, cause=Cause.INJURY), Purpose.STRETCH, {Q.ONSET: Onset.TODAY})
    assert asked[-1] is Q.ONSET and Q.URGENT_OR_FRAGILE in asked
    session, _ = screen(Answers(location=LOWER, cause=Cause.INJURY), Purpose.SESSION)
    assert Q.ONSET not in session
    came_on_by_itself, _ = screen(Answers(location=LOWER, cause=Cause.NO_CAUSE), Purpose.STRETCH)
    assert Q.ONSET not in came_on_by_itself


def test_8_6_a_stretch_never_asks_preference_or_skin():
    asked, _ = screen(Answers(), Purpose.STRETCH, {Q.LOCATION: NECK, Q.CAUSE: Cause.NO_CAUSE})
    assert not {Q.PREFERENCE, Q.SKIN_FEELS_NORMAL, Q.SKIN_SAFETY, Q.SWELLING} & set(asked)


def test_8_6_an_accident_is_screened_before_a_session():
    asked, answers = screen(Answers(location=NECK), Purpose.SESSION,
                            {Q.CAUSE: Cause.ACCIDENT, Q.ACCIDENT_CHECKED: Reply.NO,
                             Q.ACCIDENT_RECENT_UNCHECKED: Reply.YES})
    assert asked == [Q.NECK_DANGER_SIGNS, Q.CAUSE, Q.ACCIDENT_CHECKED, Q.ACCIDENT_RECENT_UNCHECKED]
    assert advise(answers).action is Action.CLINICIAN_NOW


def test_8_6_no_screening_question_once_the_advice_is_care():
    fever = Answers(location=LOWER, symptoms=frozenset({Symptom.FEVER}))
    assert screening_needed(fever, Purpose.SESSION) is None


def test_8_6_the_follow_ups_to_a_yes_to_the_combined_question_are_part_of_the_screen():
    answers = apply_reply(Answers(location=LEG), Q.LOWER_TIER_A, Reply.YES)
    assert screening_needed(answers, Purpose.SESSION).id is Q.SADDLE_NUMBNESS


@pytest.mark.parametrize("purpose", list(Purpose))
@pytest.mark.parametrize("reply", [Reply.YES, Reply.UNSURE])
def test_8_6_the_bones_follow_up_to_the_combined_fragile_bones_question_is_part_of_the_screen(purpose, reply):
    injured = Answers(location=NECK, cause=Cause.INJURY, onset=Onset.DAYS)
    assert screening_needed(injured, purpose).id is Q.NECK_DANGER_SIGNS
    screened = apply_reply(injured, Q.NECK_DANGER_SIGNS, Reply.NO)
    assert screening_needed(screened, purpose).id is Q.URGENT_OR_FRAGILE
    pending = apply_reply(screened, Q.URGENT_OR_FRAGILE, reply)
    assert screening_needed(pending, purpose).id is Q.FRAGILE_BONES
    asked, answers = screen(pending, purpose)
    assert asked == ([Q.FRAGILE_BONES] if reply is Reply.YES else [Q.FRAGILE_BONES, Q.URGENT_SIGNS])
    assert advise(answers).session_allowed is (reply is Reply.UNSURE)  # a yes that is not the bones is Tier B


def test_8_2_screening_asks_for_a_covered_place_then_stops():
    knee = Answers(other_place=OtherPlace.KNEE)
    assert screening_needed(knee, Purpose.SESSION).id is Q.LOCATION_AGAIN
    still_knee = apply_reply(knee, Q.LOCATION_AGAIN, OtherPlace.KNEE)
    assert screening_needed(still_knee, Purpose.SESSION) is None
    assert not advise(still_knee).session_allowed


# The pack question, at session start (8.6)
def test_8_6_skin_is_asked_at_session_start_once_per_episode():
    calm = Answers(location=LOWER, cause=Cause.NO_CAUSE)
    assert pack_question(calm).id is Q.SKIN_FEELS_NORMAL
    normal = apply_reply(calm, Q.SKIN_FEELS_NORMAL, Reply.YES)
    assert pack_question(normal) is None and advise(normal).session_allowed
    numb = apply_reply(calm, Q.SKIN_FEELS_NORMAL, Reply.NO)
    assert pack_question(numb) is None and not advise(numb).session_allowed and advise(numb).rule == "D4"
    already = calm.with_changes(answered=frozenset({Q.SKIN_SAFETY}))
    assert pack_question(already) is None


def test_8_6_a_numb_foot_does_not_block_a_pack_on_the_back():
    numb_foot = Answers(location=LEG, cause=Cause.NO_CAUSE, onset=Onset.WEEKS,
                        symptoms=frozenset({Symptom.NUMBNESS}))
    normal_skin_on_the_back = apply_reply(numb_foot, Q.SKIN_FEELS_NORMAL, Reply.YES)
    advice = advise(normal_skin_on_the_back)
    assert advice.session_allowed and advice.offer is Modality.HEAT  # D5 comfort heat, off the numb area
    assert "NOT_ON_NUMB_SKIN" in {c.value for c in advice.cautions}


def test_8_6_diabetes_elsewhere_is_a_question_about_the_skin_where_the_pack_goes():
    assert pack_question(Answers(location=LOWER, condition=Condition.ARTHRITIS)).id is Q.SKIN_FEELS_NORMAL


def test_D7_swelling_is_asked_before_warmth_on_an_injury_not_before_ice():
    injured = apply_reply(Answers(location=LOWER, cause=Cause.INJURY, onset=Onset.TODAY), Q.SKIN_FEELS_NORMAL,
                          Reply.YES)
    assert pack_question(injured, Modality.HEAT).id is Q.SWELLING
    assert pack_question(injured).id is Q.SWELLING  # the kind of pack not yet known: it could be warm
    assert pack_question(injured, Modality.ICE) is None
    swollen = apply_reply(injured, Q.SWELLING, Reply.YES)
    assert pack_question(swollen, Modality.HEAT) is None and Modality.HEAT in advise(swollen).blocked
    by_itself = apply_reply(Answers(location=LOWER, cause=Cause.NO_CAUSE), Q.SKIN_FEELS_NORMAL, Reply.YES)
    assert pack_question(by_itself, Modality.HEAT) is None


# "Not sure" worth asking again before something physical (8.5)
def test_8_5_fragile_bones_not_sure_is_asked_again_before_a_stretch_not_before_a_session():
    unsure = apply_reply(Answers(location=LOWER, cause=Cause.INJURY, onset=Onset.TODAY), Q.FRAGILE_BONES,
                         Reply.UNSURE)
    assert [q.id for q in worth_asking_again(unsure, Purpose.STRETCH)] == [Q.FRAGILE_BONES]
    assert worth_asking_again(unsure, Purpose.SESSION) == ()
    assert advise(unsure).session_allowed and advise(unsure).stretches == ()
    cleared = apply_reply(unsure, Q.FRAGILE_BONES, Reply.NO)
    assert worth_asking_again(cleared, Purpose.STRETCH) == () and advise(cleared).stretches


def test_8_5_an_emergency_sign_not_sure_is_asked_again_before_a_session():
    unsure = apply_reply(Answers(location=NECK, cause=Cause.NO_CAUSE), Q.NECK_DANGER_SIGNS, Reply.UNSURE)
    assert [q.id for q in worth_asking_again(unsure, Purpose.SESSION)] == [Q.NECK_DANGER_SIGNS]
    assert not advise(unsure).session_allowed
    cleared = apply_reply(unsure, Q.NECK_DANGER_SIGNS, Reply.NO)
    assert worth_asking_again(cleared, Purpose.SESSION) == ()


def test_8_5_a_confirmed_flag_is_not_asked_again():
    answers = Answers(location=LOWER, red_flags=frozenset({RedFlag.URGENT_SIGNS}),
                      unsure_red_flags=frozenset({RedFlag.URGENT_SIGNS}))
    assert worth_asking_again(answers, Purpose.STRETCH) == ()
