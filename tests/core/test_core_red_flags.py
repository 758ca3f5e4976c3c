"""Red flags of clinical rules section 3, tiers A, B and C: one test per flag, named after it."""

from __future__ import annotations

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


def test_tier_A_progressive_weakness():
    emergency(confirmed(RedFlag.PROGRESSIVE_WEAKNESS), RedFlag.PROGRESSIVE_WEAKNESS)


def test_tier_A_sexual_function():
    emergency(confirmed(RedFlag.SEXUAL_FUNCTION), RedFlag.SEXUAL_FUNCTION)


def test_tier_A_serious_accident():
    emergency(CALM.with_changes(cause=Cause.ACCIDENT), RedFlag.SERIOUS_ACCIDENT)
    assert advise(CALM.with_changes(cause=Cause.ACCIDENT)).rule == "D3"


def test_tier_A_fragile_bone_strain():
    injured = CALM.with_changes(cause=Cause.INJURY)
    emergency(apply_reply(injured, QuestionId.FRAGILE_BONES, Reply.YES), RedFlag.FRAGILE_BONE_STRAIN)


def test_tier_A_chest_pain():
    upper = CALM.with_changes(location=Location.UPPER_BACK)
    emergency(apply_reply(upper, QuestionId.CHEST_PAIN, Reply.YES), RedFlag.CHEST_PAIN)
    emergency(upper.with_changes(symptoms=frozenset({Symptom.CHEST_PAIN})), RedFlag.CHEST_PAIN)


def test_tier_A_neck_nerve_signs():
    neck = CALM.with_changes(location=Location.NECK)
    emergency(apply_reply(neck, QuestionId.NECK_DANGER_SIGNS, Reply.YES), RedFlag.NECK_NERVE_SIGNS)


def test_tier_A_neck_fever_headache():
    neck_fever = CALM.with_changes(location=Location.NECK, symptoms=frozenset({Symptom.FEVER}))
    emergency(neck_fever, RedFlag.NECK_FEVER_HEADACHE)
    emergency(confirmed(RedFlag.NECK_FEVER_HEADACHE), RedFlag.NECK_FEVER_HEADACHE)


def test_tier_A_unsure_answer_means_a_doctor_today():
    for question in (
        QuestionId.SADDLE_NUMBNESS,
        QuestionId.BLADDER_BOWEL,
        QuestionId.BOTH_LEGS,
        QuestionId.CHEST_PAIN,
        QuestionId.NECK_DANGER_SIGNS,
        QuestionId.FRAGILE_BONES,
    ):
        advice = advise(apply_reply(CALM, question, Reply.UNSURE))
        assert (advice.action, advice.reason) == (Action.CLINICIAN_TODAY, "D1_UNSURE"), question
        assert not advice.session_allowed


# Tier B: urgent, same day
def test_tier_B_fever():
    urgent(CALM.with_changes(symptoms=frozenset({Symptom.FEVER})), RedFlag.FEVER)


def test_tier_B_weight_loss():
    urgent(confirmed(RedFlag.WEIGHT_LOSS), RedFlag.WEIGHT_LOSS)


def test_tier_B_cancer_history():
    urgent(confirmed(RedFlag.CANCER_HISTORY), RedFlag.CANCER_HISTORY)


def test_tier_B_back_lump():
    urgent(confirmed(RedFlag.BACK_LUMP), RedFlag.BACK_LUMP)
    urgent(CALM.with_changes(symptoms=frozenset({Symptom.SWELLING})), RedFlag.BACK_LUMP)


def test_tier_B_night_pain():
    urgent(confirmed(RedFlag.NIGHT_PAIN), RedFlag.NIGHT_PAIN)


def test_tier_B_cough_sneeze_pain():
    urgent(confirmed(RedFlag.COUGH_SNEEZE_PAIN), RedFlag.COUGH_SNEEZE_PAIN)


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


def test_tier_B_band_pain_unsteady():
    urgent(confirmed(RedFlag.BAND_PAIN_UNSTEADY), RedFlag.BAND_PAIN_UNSTEADY)


def test_tier_B_neck_arm_pins_needles():
    tingling = CALM.with_changes(location=Location.NECK, symptoms=frozenset({Symptom.BURNING}))
    urgent(tingling, RedFlag.NECK_ARM_PINS_NEEDLES)
    urgent(
        confirmed(RedFlag.NECK_ARM_PINS_NEEDLES, CALM.with_changes(location=Location.NECK)),
        RedFlag.NECK_ARM_PINS_NEEDLES,
    )


def test_tier_B_urgent_signs_compound_question():
    urgent(apply_reply(CALM, QuestionId.URGENT_SIGNS, Reply.YES), RedFlag.URGENT_SIGNS)


# Tier C: see a GP or physio soon; comfort care allowed
def test_tier_C_not_improving():
    advice = advise(confirmed(RedFlag.NOT_IMPROVING))
    assert (advice.action, advice.rule) == (Action.CLINICIAN_SOON, "D24") and advice.session_allowed


def test_tier_C_one_limb_nerve_signs():
    for symptom in (Symptom.WEAKNESS, Symptom.NUMBNESS, Symptom.SHOOTING_PAIN, Symptom.BURNING):
        answers = CALM.with_changes(location=Location.LEG, symptoms=frozenset({symptom}))
        assert RedFlag.ONE_LIMB_NERVE_SIGNS in red_flags_present(answers)
        advice = advise(answers)
        assert (advice.action, advice.rule, advice.offer) == (Action.CLINICIAN_SOON, "D5", Modality.HEAT)


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
