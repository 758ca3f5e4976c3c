"""Red flags of clinical rules section 3 (clarified by 8.1, 8.3, 8.4), tiers A, B and C: one test
per flag, named after it, and one per "still not sure" row (8.5)."""

from __future__ import annotations

import pytest
from core_strategies import outcome

from heat_or_ice.core import (
    Action,
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    Outcome,
    QuestionId,
    RedFlag,
    Reply,
    Symptom,
    Tier,
    advise,
    apply_reply,
)
from heat_or_ice.core.red_flags import red_flags_present
from heat_or_ice.core.screening import SCREEN_BY_ID, UNSURE_MEANS

CALM = Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE, onset=Onset.DAYS)


def emergency(answers: Answers, flag: RedFlag) -> None:
    assert flag in red_flags_present(answers) and flag.tier is Tier.A
    advice = advise(answers)
    assert advice.action is Action.CLINICIAN_NOW and advice.rule in ("D1", "D3")
    assert not advice.session_allowed and advice.offer is None and advice.stretches == ()


def urgent(answers: Answers, flag: RedFlag) -> None:
    assert flag in red_flags_present(answers) and flag.tier is Tier.B
    advice = advise(answers)
    assert (advice.action, advice.rule) == (Action.CLINICIAN_TODAY, "D2")
    assert not advice.session_allowed and advice.offer is None and advice.stretches == ()


def confirmed(flag: RedFlag, answers: Answers = CALM) -> Answers:
    return answers.with_changes(red_flags=frozenset({flag}))


def said(*symptoms: Symptom, answers: Answers = CALM) -> Answers:
    return answers.with_changes(symptoms=frozenset(symptoms))


# Tier A: emergency
def test_tier_A_saddle_numbness():
    emergency(apply_reply(CALM, QuestionId.SADDLE_NUMBNESS, Reply.YES), RedFlag.SADDLE_NUMBNESS)
    emergency(CALM.with_changes(symptoms=frozenset({Symptom.SADDLE_NUMBNESS})), RedFlag.SADDLE_NUMBNESS)


def test_tier_A_bladder_bowel():
    emergency(apply_reply(CALM, QuestionId.BLADDER_BOWEL, Reply.YES), RedFlag.BLADDER_BOWEL)
    emergency(CALM.with_changes(symptoms=frozenset({Symptom.BLADDER_BOWEL})), RedFlag.BLADDER_BOWEL)


def test_tier_A_both_legs():
    emergency(apply_reply(CALM, QuestionId.BOTH_LEGS, Reply.YES), RedFlag.BOTH_LEGS)
    both = CALM.with_changes(symptoms=frozenset({Symptom.BOTH_LEGS, Symptom.NUMBNESS}))
    emergency(both, RedFlag.BOTH_LEGS)
    assert RedFlag.ONE_LIMB_NERVE_SIGNS not in red_flags_present(both)
    tingling_both = CALM.with_changes(symptoms=frozenset({Symptom.BOTH_LEGS, Symptom.TINGLING}))
    emergency(tingling_both, RedFlag.BOTH_LEGS)


def test_tier_A_cauda_equina_signs_yes_to_the_combined_lower_back_question():
    emergency(apply_reply(CALM, QuestionId.LOWER_TIER_A, Reply.YES), RedFlag.CAUDA_EQUINA_SIGNS)


def test_tier_A_progressive_weakness():
    emergency(confirmed(RedFlag.PROGRESSIVE_WEAKNESS), RedFlag.PROGRESSIVE_WEAKNESS)
    emergency(said(Symptom.LEG_GIVING_WAY), RedFlag.PROGRESSIVE_WEAKNESS)


def test_tier_A_sexual_function():
    emergency(confirmed(RedFlag.SEXUAL_FUNCTION), RedFlag.SEXUAL_FUNCTION)
    emergency(said(Symptom.SEXUAL_FUNCTION), RedFlag.SEXUAL_FUNCTION)


def test_tier_A_serious_accident_8_1_only_recent_and_unchecked():
    crash = CALM.with_changes(cause=Cause.ACCIDENT)
    assert RedFlag.SERIOUS_ACCIDENT not in red_flags_present(crash)  # an accident alone is not Tier A
    unchecked = apply_reply(crash, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.YES)
    emergency(unchecked, RedFlag.SERIOUS_ACCIDENT)
    assert advise(unchecked).rule == "D3"
    checked = apply_reply(crash, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.NO)
    assert advise(checked).session_allowed


def test_tier_A_fragile_bone_strain():
    injured = CALM.with_changes(cause=Cause.INJURY)
    emergency(apply_reply(injured, QuestionId.FRAGILE_BONES, Reply.YES), RedFlag.FRAGILE_BONE_STRAIN)


@pytest.mark.parametrize("condition", [Condition.OSTEOPOROSIS, Condition.LONG_TERM_STEROIDS])
def test_tier_A_fragile_bone_strain_8_1_known_fragile_bones_need_no_question(condition):
    for cause in (Cause.INJURY, Cause.ACCIDENT):
        emergency(CALM.with_changes(cause=cause, condition=condition), RedFlag.FRAGILE_BONE_STRAIN)
    unknown = apply_reply(CALM.with_changes(cause=None, condition=condition), QuestionId.CAUSE, Reply.UNSURE)
    emergency(unknown, RedFlag.FRAGILE_BONE_STRAIN)
    by_itself = CALM.with_changes(condition=condition)
    assert RedFlag.FRAGILE_BONE_STRAIN not in red_flags_present(by_itself)
    years_ago = CALM.with_changes(cause=Cause.ACCIDENT, onset=Onset.MONTHS, condition=condition)
    assert RedFlag.FRAGILE_BONE_STRAIN not in red_flags_present(years_ago)  # chronic, not a fresh fracture


def test_tier_A_chest_pain():
    upper = CALM.with_changes(location=Location.UPPER_BACK)
    emergency(apply_reply(upper, QuestionId.CHEST_PAIN, Reply.YES), RedFlag.CHEST_PAIN)
    emergency(upper.with_changes(symptoms=frozenset({Symptom.CHEST_PAIN})), RedFlag.CHEST_PAIN)


def test_tier_A_neck_nerve_signs():
    neck = CALM.with_changes(location=Location.NECK)
    emergency(apply_reply(neck, QuestionId.NECK_DANGER_SIGNS, Reply.YES), RedFlag.NECK_NERVE_SIGNS)
    emergency(said(Symptom.NECK_DANGER, answers=neck), RedFlag.NECK_NERVE_SIGNS)


@pytest.mark.parametrize("symptom", [Symptom.NUMBNESS, Symptom.TINGLING])
def test_tier_A_neck_nerve_signs_8_3_numbness_or_pins_and_needles_after_a_neck_injury(symptom):
    whiplash = CALM.with_changes(location=Location.NECK, condition=Condition.WHIPLASH, cause=Cause.ACCIDENT)
    emergency(said(symptom, answers=whiplash), RedFlag.NECK_NERVE_SIGNS)
    strained_neck = CALM.with_changes(location=Location.NECK, cause=Cause.INJURY)
    emergency(said(symptom, answers=strained_neck), RedFlag.NECK_NERVE_SIGNS)


def test_tier_A_neck_fever_headache():
    neck_fever = CALM.with_changes(location=Location.NECK, symptoms=frozenset({Symptom.FEVER}))
    emergency(neck_fever, RedFlag.NECK_FEVER_HEADACHE)
    emergency(confirmed(RedFlag.NECK_FEVER_HEADACHE), RedFlag.NECK_FEVER_HEADACHE)
    neck_headache = CALM.with_changes(location=Location.NECK, symptoms=frozenset({Symptom.SEVERE_HEADACHE}))
    emergency(neck_headache, RedFlag.NECK_FEVER_HEADACHE)  # section 3: fever and/or severe headache


# 8.5: "still not sure" (after the skill asked once more), one row of UNSURE_MEANS each
UNSURE_ADVICE = {
    QuestionId.LOWER_TIER_A: (Action.CLINICIAN_TODAY, "D1_UNSURE", False),
    QuestionId.SADDLE_NUMBNESS: (Action.CLINICIAN_TODAY, "D1_UNSURE", False),
    QuestionId.BLADDER_BOWEL: (Action.CLINICIAN_TODAY, "D1_UNSURE", False),
    QuestionId.BOTH_LEGS: (Action.CLINICIAN_TODAY, "D1_UNSURE", False),
    QuestionId.CHEST_PAIN: (Action.CLINICIAN_TODAY, "D1_UNSURE", False),
    QuestionId.NECK_DANGER_SIGNS: (Action.CLINICIAN_TODAY, "D1_UNSURE", False),
    QuestionId.ACCIDENT_RECENT_UNCHECKED: (Action.CLINICIAN_TODAY, "D3_UNSURE", False),
    QuestionId.ACCIDENT_CHECKED: (Action.CLINICIAN_TODAY, "D3_UNSURE", False),
    QuestionId.FRAGILE_BONES: (Action.CLINICIAN_SOON, "D3_UNSURE_BONES", True),
    QuestionId.URGENT_SIGNS: (Action.CLINICIAN_SOON, "D2_UNSURE", True),
    QuestionId.URGENT_OR_FRAGILE: (Action.CLINICIAN_SOON, "D2_UNSURE", True),  # until the bones follow-up
    QuestionId.EASES_WITH_REST: (Action.CLINICIAN_SOON, "D2_UNSURE", True),
    QuestionId.UPPER_BACK_MUSCULAR: (Action.CLINICIAN_TODAY, "D2", False),
}


def test_every_screening_question_says_what_not_sure_means():
    assert set(UNSURE_ADVICE) == set(UNSURE_MEANS) == set(SCREEN_BY_ID)


@pytest.mark.parametrize("question", list(UNSURE_ADVICE))
def test_8_5_still_not_sure_takes_the_cautious_branch_for_that_question(question):
    action, reason, session = UNSURE_ADVICE[question]
    base = CALM.with_changes(cause=Cause.INJURY)
    advice = advise(apply_reply(base, question, Reply.UNSURE))
    assert (advice.action, advice.reason, advice.session_allowed) == (action, reason, session)
    assert advice.stretches == ()  # nothing that moves the back until it is answered
    assert UNSURE_MEANS[question].reason == reason
    clear = Reply.YES if SCREEN_BY_ID[question].worrying is Reply.NO else Reply.NO
    later = apply_reply(apply_reply(base, question, Reply.UNSURE), question, clear)
    assert advise(later).session_allowed and not later.unsure_red_flags  # a clear answer replaces it


def test_unsure_flag_without_a_question_is_read_by_its_tier():
    tier_a = advise(CALM.with_changes(unsure_red_flags=frozenset({RedFlag.PROGRESSIVE_WEAKNESS})))
    assert tier_a.reason == "D1_UNSURE"
    tier_b = advise(CALM.with_changes(unsure_red_flags=frozenset({RedFlag.WEIGHT_LOSS})))
    assert tier_b.reason == "D2_UNSURE"


# Tier B: urgent, same day
def test_tier_B_fever():
    urgent(CALM.with_changes(symptoms=frozenset({Symptom.FEVER})), RedFlag.FEVER)


def test_tier_B_weight_loss():
    urgent(confirmed(RedFlag.WEIGHT_LOSS), RedFlag.WEIGHT_LOSS)
    urgent(said(Symptom.WEIGHT_LOSS), RedFlag.WEIGHT_LOSS)


def test_tier_B_cancer_history():
    urgent(confirmed(RedFlag.CANCER_HISTORY), RedFlag.CANCER_HISTORY)
    urgent(said(Symptom.CANCER_HISTORY), RedFlag.CANCER_HISTORY)


def test_tier_B_back_lump():
    urgent(confirmed(RedFlag.BACK_LUMP), RedFlag.BACK_LUMP)
    urgent(CALM.with_changes(symptoms=frozenset({Symptom.SWELLING})), RedFlag.BACK_LUMP)
    urgent(said(Symptom.LUMP), RedFlag.BACK_LUMP)


def test_tier_B_night_pain_8_4_pain_that_does_not_settle():
    urgent(confirmed(RedFlag.NIGHT_PAIN), RedFlag.NIGHT_PAIN)
    urgent(said(Symptom.NIGHT_PAIN), RedFlag.NIGHT_PAIN)
    urgent(apply_reply(CALM, QuestionId.EASES_WITH_REST, Reply.NO), RedFlag.NIGHT_PAIN)


def test_tier_B_night_pain_8_4_pain_that_eases_with_rest_is_ordinary():
    eases = apply_reply(CALM, QuestionId.EASES_WITH_REST, Reply.YES)
    assert not red_flags_present(eases) and advise(eases).session_allowed


def test_tier_B_cough_sneeze_pain():
    urgent(confirmed(RedFlag.COUGH_SNEEZE_PAIN), RedFlag.COUGH_SNEEZE_PAIN)
    urgent(said(Symptom.COUGH_SNEEZE), RedFlag.COUGH_SNEEZE_PAIN)


def test_tier_B_high_upper_back():
    upper = CALM.with_changes(location=Location.UPPER_BACK)
    urgent(apply_reply(upper, QuestionId.UPPER_BACK_MUSCULAR, Reply.NO), RedFlag.HIGH_UPPER_BACK)
    urgent(apply_reply(upper, QuestionId.UPPER_BACK_MUSCULAR, Reply.UNSURE), RedFlag.HIGH_UPPER_BACK)
    assert (
        RedFlag.HIGH_UPPER_BACK not in apply_reply(upper, QuestionId.UPPER_BACK_MUSCULAR, Reply.YES).red_flags
    )


def test_tier_B_new_pain_age():
    urgent(confirmed(RedFlag.NEW_PAIN_AGE), RedFlag.NEW_PAIN_AGE)


def test_tier_B_infection_risk():
    urgent(confirmed(RedFlag.INFECTION_RISK), RedFlag.INFECTION_RISK)
    urgent(said(Symptom.INFECTION_RISK), RedFlag.INFECTION_RISK)
    urgent(CALM.with_changes(condition=Condition.LONG_TERM_STEROIDS), RedFlag.INFECTION_RISK)  # D2


def test_tier_B_band_pain_unsteady():
    urgent(confirmed(RedFlag.BAND_PAIN_UNSTEADY), RedFlag.BAND_PAIN_UNSTEADY)
    urgent(said(Symptom.UNSTEADY), RedFlag.BAND_PAIN_UNSTEADY)


@pytest.mark.parametrize("symptom", [Symptom.TINGLING, Symptom.COLD_ARM])
def test_tier_B_neck_arm_pins_needles_8_3(symptom):
    neck = CALM.with_changes(location=Location.NECK)
    urgent(said(symptom, answers=neck), RedFlag.NECK_ARM_PINS_NEEDLES)
    urgent(confirmed(RedFlag.NECK_ARM_PINS_NEEDLES, neck), RedFlag.NECK_ARM_PINS_NEEDLES)


def test_8_3_neck_numbness_without_an_injury_is_tier_C():
    advice = advise(said(Symptom.NUMBNESS, answers=CALM.with_changes(location=Location.NECK)))
    assert (advice.action, advice.rule) == (Action.CLINICIAN_SOON, "D5") and advice.session_allowed


def test_tier_B_urgent_signs_compound_question():
    urgent(apply_reply(CALM, QuestionId.URGENT_SIGNS, Reply.YES), RedFlag.URGENT_SIGNS)


@pytest.mark.parametrize(
    "symptom", [Symptom.NIGHT_PAIN, Symptom.FEVER, Symptom.WEIGHT_LOSS, Symptom.CANCER_HISTORY]
)
def test_tier_B_urgent_signs_8_5_means_pain_at_rest_too(symptom):
    """8.5: one Tier B question covers fever, weight loss, cancer and pain that won't settle at rest,
    so pain at rest said while it is pending answers it, like a yes."""
    urgent_signs = SCREEN_BY_ID[QuestionId.URGENT_SIGNS]
    volunteered = said(symptom)
    assert urgent_signs.already_known(volunteered) and not urgent_signs.to_ask(volunteered)
    yes = advise(apply_reply(CALM, QuestionId.URGENT_SIGNS, Reply.YES))
    assert (advise(volunteered).action, advise(volunteered).rule) == (yes.action, yes.rule) == (
        Action.CLINICIAN_TODAY, "D2")


def test_tier_A_urgent_or_fragile_until_the_bones_follow_up_says_which():
    injured = CALM.with_changes(cause=Cause.INJURY)
    pending = apply_reply(injured, QuestionId.URGENT_OR_FRAGILE, Reply.YES)
    assert RedFlag.URGENT_OR_FRAGILE.tier is Tier.A  # the most cautious of its parts
    bones = apply_reply(pending, QuestionId.FRAGILE_BONES, Reply.YES)
    emergency(bones, RedFlag.FRAGILE_BONE_STRAIN)
    assert RedFlag.URGENT_OR_FRAGILE not in red_flags_present(bones)
    not_bones = apply_reply(pending, QuestionId.FRAGILE_BONES, Reply.NO)
    urgent(not_bones, RedFlag.URGENT_SIGNS)
    assert RedFlag.URGENT_OR_FRAGILE not in red_flags_present(not_bones)


# Tier C: see a GP or physio soon; comfort care allowed
def test_tier_C_not_improving():
    advice = advise(confirmed(RedFlag.NOT_IMPROVING))
    assert (advice.action, advice.rule) == (Action.CLINICIAN_SOON, "D24") and advice.session_allowed


def test_tier_C_one_limb_nerve_signs_8_3():
    for symptom in (Symptom.WEAKNESS, Symptom.NUMBNESS, Symptom.SHOOTING_PAIN, Symptom.TINGLING):
        answers = CALM.with_changes(location=Location.LEG, symptoms=frozenset({symptom}))
        assert RedFlag.ONE_LIMB_NERVE_SIGNS in red_flags_present(answers)
        advice = advise(answers)
        assert (advice.action, advice.rule, advice.offer) == (Action.CLINICIAN_SOON, "D5", Modality.HEAT)


def test_8_3_burning_alone_is_not_a_red_flag():
    for location in Location:
        burning = CALM.with_changes(location=location, symptoms=frozenset({Symptom.BURNING}))
        assert red_flags_present(burning) == frozenset()
        assert advise(burning).session_allowed


# Every volunteered symptom implies its flag (contract value ids; section 3, 8.3, 8.4)
SYMPTOM_FLAGS = {
    Symptom.TINGLING: (Location.LEG, RedFlag.ONE_LIMB_NERVE_SIGNS),
    Symptom.LEG_GIVING_WAY: (Location.LOWER_BACK, RedFlag.PROGRESSIVE_WEAKNESS),
    Symptom.SEXUAL_FUNCTION: (Location.LOWER_BACK, RedFlag.SEXUAL_FUNCTION),
    Symptom.NECK_DANGER: (Location.NECK, RedFlag.NECK_NERVE_SIGNS),
    Symptom.SEVERE_HEADACHE: (Location.NECK, RedFlag.NECK_FEVER_HEADACHE),
    Symptom.WEIGHT_LOSS: (Location.LOWER_BACK, RedFlag.WEIGHT_LOSS),
    Symptom.CANCER_HISTORY: (Location.LOWER_BACK, RedFlag.CANCER_HISTORY),
    Symptom.NIGHT_PAIN: (Location.LOWER_BACK, RedFlag.NIGHT_PAIN),
    Symptom.COUGH_SNEEZE: (Location.LOWER_BACK, RedFlag.COUGH_SNEEZE_PAIN),
    Symptom.LUMP: (Location.UPPER_BACK, RedFlag.BACK_LUMP),
    Symptom.COLD_ARM: (Location.NECK, RedFlag.NECK_ARM_PINS_NEEDLES),
    Symptom.UNSTEADY: (Location.LOWER_BACK, RedFlag.BAND_PAIN_UNSTEADY),
    Symptom.INFECTION_RISK: (Location.LOWER_BACK, RedFlag.INFECTION_RISK),
}


@pytest.mark.parametrize("symptom", list(SYMPTOM_FLAGS))
def test_every_new_symptom_implies_its_red_flag(symptom):
    location, flag = SYMPTOM_FLAGS[symptom]
    assert flag in red_flags_present(said(symptom, answers=CALM.with_changes(location=location)))


def test_tier_C_worse_with_heat():
    twice = (outcome(Modality.HEAT, Outcome.WORSE, minutes_ago=200), outcome(Modality.HEAT, Outcome.WORSE))
    answers = CALM.with_changes(outcomes=twice)
    assert RedFlag.WORSE_WITH_HEAT in red_flags_present(answers)
    advice = advise(answers)
    assert (advice.action, advice.rule, advice.offer) == (Action.CLINICIAN_SOON, "D24", Modality.ICE)


def test_every_red_flag_has_a_tier():
    assert all(flag.tier in Tier for flag in RedFlag)


def test_whiplash_without_a_serious_accident_is_not_an_emergency():
    answers = Answers(
        location=Location.NECK, condition=Condition.WHIPLASH, cause=Cause.INJURY, onset=Onset.DAYS
    )
    assert advise(answers).action is Action.ICE


def test_8_1_whiplash_already_checked_by_a_doctor_is_D9_not_an_emergency():
    crash = Answers(location=Location.NECK, condition=Condition.WHIPLASH, cause=Cause.ACCIDENT,
                    onset=Onset.DAYS)
    checked = apply_reply(crash, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.NO)
    assert (advise(checked).action, advise(checked).rule) == (Action.ICE, "D9")
