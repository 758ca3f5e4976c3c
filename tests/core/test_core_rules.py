"""Decision table D1-D24 (clinical rules 1.2) and places not covered (8.2): one test per row,
named after it."""

from __future__ import annotations

from datetime import UTC

from core_strategies import ALL, HEATS, outcome

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
    Outcome,
    QuestionId,
    RedFlag,
    Reply,
    StretchId,
    Symptom,
    advise,
    apply_reply,
    chosen_for_them,
)
from heat_or_ice.core.advice import REASON_KEYS
from heat_or_ice.core.rules import COMFORT_RULES, ESCALATIONS, SAFETY_RULES

ICE, HEAT, MOIST = Modality.ICE, Modality.HEAT, Modality.MOIST_HEAT
LOWER_BACK_BY_ITSELF = Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE, onset=Onset.DAYS)
FRESH_LIFTING_INJURY = Answers(location=Location.LOWER_BACK, cause=Cause.INJURY, onset=Onset.TODAY)


def assert_care_only(advice, action):
    assert advice.action is action
    assert advice.offer is None and not advice.session_allowed
    assert advice.stretches == () and advice.cautions == ()
    assert advice.blocked == ALL


def test_D1_tier_A_flag_means_emergency_and_nothing_else():
    advice = advise(
        LOWER_BACK_BY_ITSELF.with_changes(red_flags=frozenset({RedFlag.SADDLE_NUMBNESS}), preference=HEAT)
    )
    assert_care_only(advice, Action.CLINICIAN_NOW)
    assert (advice.rule, advice.reason) == ("D1", "D1")
    assert RedFlag.SADDLE_NUMBNESS in advice.red_flags and "E5a" in advice.sources


def test_D1_volunteered_symptom_is_enough():
    advice = advise(FRESH_LIFTING_INJURY.with_changes(symptoms=frozenset({Symptom.BLADDER_BOWEL})))
    assert_care_only(advice, Action.CLINICIAN_NOW)
    assert advice.rule == "D1"


def test_D1_unsure_about_an_emergency_sign_means_a_doctor_today():
    advice = advise(apply_reply(LOWER_BACK_BY_ITSELF, QuestionId.SADDLE_NUMBNESS, Reply.UNSURE))
    assert_care_only(advice, Action.CLINICIAN_TODAY)
    assert (advice.rule, advice.reason) == ("D1", "D1_UNSURE")
    assert advice.unsure_red_flags == {RedFlag.SADDLE_NUMBNESS}


def test_D2_tier_B_flag_means_a_doctor_today_and_no_session():
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(red_flags=frozenset({RedFlag.WEIGHT_LOSS})))
    assert_care_only(advice, Action.CLINICIAN_TODAY)
    assert (advice.rule, advice.reason) == ("D2", "D2")


def test_D2_unsure_about_urgent_signs_keeps_comfort_but_see_a_gp():
    advice = advise(apply_reply(LOWER_BACK_BY_ITSELF, QuestionId.URGENT_SIGNS, Reply.UNSURE))
    assert advice.action is Action.CLINICIAN_SOON and advice.reason == "D2_UNSURE"
    assert advice.session_allowed and advice.offer is HEAT and advice.comfort_reason == "D10"
    assert advice.also_see_clinician


def recent_unchecked(answers: Answers) -> Answers:
    return apply_reply(answers, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.YES)


def checked_or_long_ago(answers: Answers) -> Answers:
    return apply_reply(answers, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.NO)


def test_D3_8_1_recent_unchecked_accident_means_emergency():
    crash = Answers(location=Location.LOWER_BACK, cause=Cause.ACCIDENT, onset=Onset.WEEKS)
    advice = advise(recent_unchecked(crash))
    assert_care_only(advice, Action.CLINICIAN_NOW)
    assert (advice.rule, advice.reason) == ("D3", "D3")
    assert RedFlag.SERIOUS_ACCIDENT in advice.red_flags


def test_D3_whiplash_right_after_a_road_accident():
    answers = Answers(
        location=Location.NECK, condition=Condition.WHIPLASH, cause=Cause.ACCIDENT, onset=Onset.TODAY
    )
    assert advise(recent_unchecked(answers)).rule == "D3"


def test_D3_8_1_not_sure_whether_the_accident_was_recent_or_checked_means_checked_today():
    crash = Answers(location=Location.LOWER_BACK, cause=Cause.ACCIDENT, onset=Onset.DAYS)
    advice = advise(apply_reply(crash, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.UNSURE))
    assert_care_only(advice, Action.CLINICIAN_TODAY)
    assert (advice.rule, advice.reason) == ("D3", "D3_UNSURE")


def test_D6_8_1_a_fresh_accident_a_doctor_has_checked_means_ice_first():
    fell_yesterday = checked_or_long_ago(Answers(location=Location.LOWER_BACK, cause=Cause.ACCIDENT,
                                                 onset=Onset.DAYS))
    advice = advise(fell_yesterday)
    assert (advice.action, advice.rule) == (Action.ICE, "D6")
    assert Caution.SEE_GP_IF_CHANGED not in advice.cautions


def test_D20_8_1_pain_for_years_since_a_car_accident_is_chronic_with_a_gp_if_it_changes():
    years = Answers(location=Location.LOWER_BACK, cause=Cause.ACCIDENT, onset=Onset.MONTHS)
    advice = advise(years)
    assert (advice.action, advice.rule) == (Action.EITHER, "D20") and advice.session_allowed
    assert Caution.SEE_GP_IF_CHANGED in advice.cautions
    neck_years = advise(Answers(location=Location.NECK, cause=Cause.ACCIDENT, onset=Onset.MONTHS))
    assert (neck_years.offer, neck_years.rule) == (HEAT, "D14")
    assert Caution.SEE_GP_IF_CHANGED in neck_years.cautions


def test_D6_8_1_an_accident_weeks_ago_checked_or_not_is_either_with_a_gp_if_it_changes():
    weeks = advise(checked_or_long_ago(Answers(location=Location.LOWER_BACK, cause=Cause.ACCIDENT,
                                               onset=Onset.WEEKS)))
    assert (weeks.action, weeks.reason) == (Action.EITHER, "D6_LATER")
    assert Caution.SEE_GP_IF_CHANGED in weeks.cautions


def test_D3_minor_strain_with_fragile_bones():
    answers = apply_reply(FRESH_LIFTING_INJURY, QuestionId.FRAGILE_BONES, Reply.YES)
    advice = advise(answers)
    assert_care_only(advice, Action.CLINICIAN_NOW)
    assert advice.rule == "D3" and RedFlag.FRAGILE_BONE_STRAIN in advice.red_flags


def test_D3_8_1_the_older_person_who_slipped_is_screened_even_if_checked():
    slipped = checked_or_long_ago(
        Answers(location=Location.LOWER_BACK, cause=Cause.ACCIDENT, onset=Onset.DAYS)
    )
    assert advise(apply_reply(slipped, QuestionId.FRAGILE_BONES, Reply.YES)).rule == "D3"
    with_osteoporosis = slipped.with_changes(condition=Condition.OSTEOPOROSIS)
    assert advise(with_osteoporosis).rule == "D3"


def test_D3_8_5_not_sure_about_fragile_bones_keeps_comfort_care_without_stretches():
    advice = advise(apply_reply(FRESH_LIFTING_INJURY, QuestionId.FRAGILE_BONES, Reply.UNSURE))
    assert (advice.action, advice.rule, advice.reason) == (Action.CLINICIAN_SOON, "D3", "D3_UNSURE_BONES")
    assert advice.session_allowed and advice.offer is ICE and advice.comfort_reason == "D6"
    assert advice.stretches == () and advice.also_see_clinician


def test_D4_numb_skin_means_no_pack_and_ask_a_pharmacist_or_clinician():
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(skin_unsafe=True, preference=HEAT))
    assert advice.action is Action.CLINICIAN_SOON and (advice.rule, advice.reason) == ("D4", "D4")
    assert not advice.session_allowed and advice.offer is None and advice.blocked == ALL
    assert advice.declined_preference is HEAT
    assert Caution.NOT_ON_NUMB_SKIN in advice.cautions


def test_D5_nerve_signs_in_one_limb_see_a_gp_with_comfort_heat():
    answers = LOWER_BACK_BY_ITSELF.with_changes(symptoms=frozenset({Symptom.NUMBNESS}))
    advice = advise(answers)
    assert advice.action is Action.CLINICIAN_SOON and advice.rule == "D5"
    assert advice.session_allowed and advice.offer is HEAT and advice.comfort_reason == "D10"
    assert advice.also_see_clinician and RedFlag.ONE_LIMB_NERVE_SIGNS in advice.red_flags
    assert {Caution.NOT_ON_NUMB_SKIN, Caution.RED_FLAG_WATCH} <= set(advice.cautions)


def test_D6_fresh_minor_injury_means_ice_first():
    advice = advise(FRESH_LIFTING_INJURY)
    assert (advice.action, advice.offer, advice.rule) == (Action.ICE, ICE, "D6")


def test_D6_heat_is_fine_after_a_fresh_injury_if_preferred_and_not_swollen():
    advice = advise(FRESH_LIFTING_INJURY.with_changes(preference=HEAT))
    assert (advice.action, advice.offer, advice.rule) == (Action.HEAT, HEAT, "D6")
    assert advice.followed_preference


def test_D6_after_the_72_hour_window_either():
    advice = advise(FRESH_LIFTING_INJURY.with_changes(onset=Onset.WEEKS))
    assert (advice.action, advice.offer, advice.reason) == (Action.EITHER, None, "D6_LATER")


def test_D7_swelling_means_ice_never_heat():
    advice = advise(FRESH_LIFTING_INJURY.with_changes(symptoms=frozenset({Symptom.SWELLING, Symptom.SPASM})))
    assert (advice.action, advice.offer, advice.rule) == (Action.ICE, ICE, "D7")
    assert HEATS <= advice.blocked


def test_D7_swelling_without_an_injury_is_a_tier_B_lump():
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(symptoms=frozenset({Symptom.SWELLING})))
    assert advice.action is Action.CLINICIAN_TODAY and RedFlag.BACK_LUMP in advice.red_flags


def test_D8_disc_in_the_last_few_days_means_ice():
    advice = advise(
        Answers(
            location=Location.LOWER_BACK,
            condition=Condition.HERNIATED_DISC,
            onset=Onset.DAYS,
            cause=Cause.NO_CAUSE,
        )
    )
    assert (advice.offer, advice.rule, advice.reason) == (ICE, "D8", "D8")
    assert Caution.RED_FLAG_WATCH in advice.cautions


def test_D8_disc_after_the_first_days_alternate_starting_with_ice():
    advice = advise(
        Answers(
            location=Location.LOWER_BACK,
            condition=Condition.HERNIATED_DISC,
            onset=Onset.WEEKS,
            cause=Cause.NO_CAUSE,
        )
    )
    assert (advice.action, advice.offer, advice.reason) == (Action.ALTERNATE, ICE, "D8_LATER")


def test_D9_checked_whiplash_early_days_means_ice_then_heat_later():
    early = Answers(
        location=Location.NECK, condition=Condition.WHIPLASH, cause=Cause.INJURY, onset=Onset.DAYS
    )
    assert (advise(early).offer, advise(early).reason) == (ICE, "D9")
    later = early.with_changes(onset=Onset.WEEKS)
    assert (advise(later).offer, advise(later).reason) == (HEAT, "D9_LATER")


def test_D10_lower_back_that_came_on_by_itself_means_heat():
    advice = advise(LOWER_BACK_BY_ITSELF)
    assert (advice.action, advice.offer, advice.rule) == (Action.HEAT, HEAT, "D10")
    assert Caution.NO_SLEEP_ON_HEAT in advice.cautions and Caution.STAY_ACTIVE in advice.cautions
    flare = advise(Answers(location=Location.LOWER_BACK, onset=Onset.FLARE_UP))
    assert flare.rule == "D10"


def test_D11_spasm_means_heat():
    advice = advise(
        Answers(location=Location.LOWER_BACK, onset=Onset.MONTHS, symptoms=frozenset({Symptom.SPASM}))
    )
    assert (advice.offer, advice.rule) == (HEAT, "D11")


def test_D12_stiffness_means_heat_or_moist_heat_if_dry_heat_irritated():
    stiff = LOWER_BACK_BY_ITSELF.with_changes(symptoms=frozenset({Symptom.STIFFNESS}), onset=Onset.MONTHS)
    assert (advise(stiff).offer, advise(stiff).rule) == (HEAT, "D12")
    irritated = advise(stiff.with_changes(outcomes=(outcome(HEAT, Outcome.WORSE),)))
    assert irritated.offer is MOIST and irritated.reason == "D17_DRY_HEAT"


def test_D13_muscular_upper_back_means_heat_then_self_massage():
    answers = apply_reply(
        Answers(location=Location.UPPER_BACK, cause=Cause.NO_CAUSE, onset=Onset.DAYS),
        QuestionId.UPPER_BACK_MUSCULAR,
        Reply.YES,
    )
    advice = advise(answers)
    assert (advice.offer, advice.rule) == (HEAT, "D13")
    assert advice.stretches == (StretchId.UPPER_BACK_SELF_MASSAGE,)


def test_D13_upper_back_not_clearly_muscular_goes_to_D2():
    answers = apply_reply(Answers(location=Location.UPPER_BACK), QuestionId.UPPER_BACK_MUSCULAR, Reply.NO)
    assert advise(answers).rule == "D2"


def test_D14_neck_without_injury_means_heat_ice_if_preferred():
    neck = Answers(location=Location.NECK, cause=Cause.NO_CAUSE, onset=Onset.WEEKS)
    assert (advise(neck).offer, advise(neck).rule) == (HEAT, "D14")
    prefers_ice = advise(neck.with_changes(preference=ICE))
    assert (prefers_ice.action, prefers_ice.rule, prefers_ice.reason) == (Action.ICE, "D21", "D21")
    assert prefers_ice.followed_preference


def test_D15_one_leg_sciatica_means_heat_never_on_numb_skin():
    advice = advise(Answers(location=Location.LEG, cause=Cause.NO_CAUSE, onset=Onset.WEEKS))
    assert (advice.offer, advice.rule) == (HEAT, "D15")
    assert Caution.NOT_ON_NUMB_SKIN in advice.cautions
    assert StretchId.DOWNWARD_DOG not in advice.stretches


def test_D16_arthritis_means_moist_heat():
    advice = advise(
        Answers(location=Location.LOWER_BACK, condition=Condition.ARTHRITIS, onset=Onset.FLARE_UP)
    )
    assert (advice.action, advice.offer, advice.rule) == (Action.MOIST_HEAT, MOIST, "D16")


def test_D17_dry_heat_worse_means_moist_heat_or_ice():
    answers = LOWER_BACK_BY_ITSELF.with_changes(outcomes=(outcome(HEAT, Outcome.WORSE),))
    advice = advise(answers)
    assert (advice.offer, advice.reason, advice.learned_from) == (MOIST, "D17_DRY_HEAT", Outcome.WORSE)
    assert advice.blocked == {HEAT}
    assert advise(answers.with_changes(preference=ICE)).reason == "D17_DRY_HEAT"


def test_D17_dry_heat_worse_after_a_fresh_injury_means_ice():
    advice = advise(FRESH_LIFTING_INJURY.with_changes(outcomes=(outcome(HEAT, Outcome.WORSE),)))
    assert (advice.offer, advice.reason) == (ICE, "D17_DRY_HEAT")


def test_D17_any_heat_worse_means_ice():
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(outcomes=(outcome(MOIST, Outcome.WORSE),)))
    assert (advice.offer, advice.reason, advice.learned_from) == (ICE, "D17_ANY_HEAT", Outcome.WORSE)
    assert advice.blocked == HEATS


def test_D17_ice_worse_means_heat_product_decision():
    advice = advise(FRESH_LIFTING_INJURY.with_changes(outcomes=(outcome(ICE, Outcome.WORSE),)))
    assert (advice.offer, advice.reason, advice.learned_from) == (HEAT, "D17_ICE_WORSE", Outcome.WORSE)


def test_D18_burning_with_heat_means_ice_next_time():
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(outcomes=(outcome(HEAT, Outcome.SAME, burning=True),)))
    assert (advice.offer, advice.rule, advice.learned_from) == (ICE, "D18", Outcome.WORSE)
    assert HEAT in advice.blocked and MOIST not in advice.blocked


def test_D19_both_helped_means_alternate_ice_first():
    helped = (outcome(ICE, Outcome.BETTER, minutes_ago=300), outcome(HEAT, Outcome.BETTER))
    advice = advise(FRESH_LIFTING_INJURY.with_changes(onset=Onset.WEEKS, outcomes=helped))
    assert (advice.action, advice.offer, advice.rule) == (Action.ALTERNATE, ICE, "D19")
    assert advice.learned_from is Outcome.BETTER


def test_D20_chronic_low_back_either_and_stay_active():
    chronic = LOWER_BACK_BY_ITSELF.with_changes(onset=Onset.MONTHS)
    advice = advise(chronic)
    assert (advice.action, advice.offer, advice.rule) == (Action.EITHER, None, "D20")
    assert Caution.STAY_ACTIVE in advice.cautions
    assert advise(chronic.with_changes(preference=ICE)).offer is ICE


def test_left_to_us_either_means_warmth_unless_warmth_is_ruled_out():
    chronic = advise(LOWER_BACK_BY_ITSELF.with_changes(onset=Onset.MONTHS))
    assert chronic.offer is None and chosen_for_them(chronic) is HEAT
    swollen_later = advise(FRESH_LIFTING_INJURY.with_changes(onset=Onset.WEEKS,
                                                             symptoms=frozenset({Symptom.SWELLING})))
    assert HEAT in swollen_later.blocked and chosen_for_them(swollen_later) is ICE
    assert chosen_for_them(advise(FRESH_LIFTING_INJURY)) is ICE, "an offer is the choice"
    fever = LOWER_BACK_BY_ITSELF.with_changes(symptoms=frozenset({Symptom.FEVER}))
    assert chosen_for_them(advise(fever)) is None


def test_D21_preference_decides_when_the_table_leaves_the_choice():
    chronic = LOWER_BACK_BY_ITSELF.with_changes(onset=Onset.MONTHS)
    advice = advise(chronic.with_changes(preference=MOIST))
    assert (advice.action, advice.offer) == (Action.EITHER, MOIST) and advice.followed_preference
    assert advise(chronic).offer is None
    overrides_a_default = advise(LOWER_BACK_BY_ITSELF.with_changes(preference=ICE))
    assert (overrides_a_default.offer, overrides_a_default.rule) == (ICE, "D21")


def test_8_2_no_heat_or_ice_advice_for_a_place_not_covered():
    knee = Answers(other_place=OtherPlace.KNEE, cause=Cause.INJURY, onset=Onset.TODAY, preference=HEAT)
    advice = advise(knee)
    assert (advice.action, advice.rule, advice.reason) == (Action.CLINICIAN_SOON, "8.2", "OUT_OF_SCOPE")
    assert not advice.session_allowed and advice.offer is None and advice.blocked == ALL
    assert advice.cautions == () and advice.stretches == () and advice.declined_preference is None


def test_8_2_still_uncovered_after_asking_again_ends_gently():
    again = apply_reply(Answers(other_place=OtherPlace.KNEE), QuestionId.LOCATION_AGAIN, OtherPlace.ANKLE)
    advice = advise(again)
    assert (advice.rule, advice.reason) == ("8.2", "OUT_OF_SCOPE_ELSEWHERE") and not advice.session_allowed
    assert "S1-26" in advice.sources


def test_8_2_no_place_said_means_no_session():
    assert not advise(Answers()).session_allowed and advise(Answers()).reason == "OUT_OF_SCOPE"
    both = Answers(location=Location.LOWER_BACK, other_place=OtherPlace.KNEE, cause=Cause.NO_CAUSE)
    assert advise(both).rule == "D10"  # a covered place is what the advice is about


def test_8_2_a_red_flag_still_comes_first():
    knee_and_chest_pain = Answers(other_place=OtherPlace.KNEE, symptoms=frozenset({Symptom.CHEST_PAIN}))
    assert advise(knee_and_chest_pain).action is Action.CLINICIAN_NOW


def test_D21_what_helped_last_time_is_offered_again():
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(outcomes=(outcome(ICE, Outcome.BETTER),)))
    assert (advice.offer, advice.reason, advice.learned_from) == (ICE, "D21_HELPED", Outcome.BETTER)
    same = advise(LOWER_BACK_BY_ITSELF.with_changes(outcomes=(outcome(HEAT, Outcome.BETTER),)))
    assert (same.offer, same.reason, same.learned_from) == (HEAT, "D10", Outcome.BETTER)


def test_D22_heat_preference_declined_for_swelling():
    advice = advise(
        FRESH_LIFTING_INJURY.with_changes(symptoms=frozenset({Symptom.SWELLING}), preference=HEAT)
    )
    assert (advice.rule, advice.reason, advice.declined_preference) == ("D22", "D22_SWELLING", HEAT)
    assert advice.offer is ICE and not advice.followed_preference and "E9a" in advice.sources


def test_D22_preference_declined_when_it_made_things_worse():
    answers = LOWER_BACK_BY_ITSELF.with_changes(preference=HEAT, outcomes=(outcome(HEAT, Outcome.WORSE),))
    advice = advise(answers)
    assert (advice.reason, advice.declined_preference, advice.offer) == ("D22_MADE_WORSE", HEAT, MOIST)
    assert advice.learned_from is Outcome.WORSE


def test_D23_unsure_of_the_cause_means_a_gentle_heat_trial():
    answers = apply_reply(
        Answers(location=Location.LOWER_BACK, onset=Onset.DAYS), QuestionId.CAUSE, Reply.UNSURE
    )
    advice = advise(answers)
    assert answers.cause is None and (advice.offer, advice.rule) == (HEAT, "D23")


def test_D24_worse_twice_see_a_gp_with_the_least_bad_modality():
    worse_twice = (outcome(HEAT, Outcome.WORSE, minutes_ago=300), outcome(ICE, Outcome.WORSE))
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(outcomes=worse_twice))
    assert (advice.action, advice.rule, advice.reason) == (Action.CLINICIAN_SOON, "D24", "D24")
    assert advice.session_allowed and advice.offer is MOIST and advice.blocked == {HEAT, ICE}
    assert advice.also_see_clinician and advice.learned_from is Outcome.WORSE


def test_D24_worse_with_everything_means_no_session():
    worse = tuple(outcome(m, Outcome.WORSE, minutes_ago=60 * (i + 1)) for i, m in enumerate(ALL))
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(outcomes=worse))
    assert advice.rule == "D24" and not advice.session_allowed and advice.offer is None


def test_D24_not_improving_flag():
    advice = advise(LOWER_BACK_BY_ITSELF.with_changes(red_flags=frozenset({RedFlag.NOT_IMPROVING})))
    assert (advice.action, advice.rule, advice.offer) == (Action.CLINICIAN_SOON, "D24", HEAT)


def test_D5_8_3_tingling_in_one_leg_see_a_gp_with_comfort_heat():
    one_leg = LOWER_BACK_BY_ITSELF.with_changes(location=Location.LEG)
    advice = advise(one_leg.with_changes(symptoms=frozenset({Symptom.TINGLING})))
    assert (advice.action, advice.rule, advice.offer) == (Action.CLINICIAN_SOON, "D5", HEAT)


def test_reason_keys_name_every_reason_the_tables_can_give():
    tables = {rule.reason for rule in SAFETY_RULES + ESCALATIONS + COMFORT_RULES}
    assert tables | {"D21_HELPED", "D22_SWELLING", "D22_MADE_WORSE"} == REASON_KEYS


def test_reason_keys_cover_every_row_and_variant():
    expected = {f"D{n}" for n in range(1, 25)} - {"D17", "D22"}
    expected |= {
        "D1_UNSURE",
        "D2_UNSURE",
        "D3_UNSURE",
        "D3_UNSURE_BONES",
        "D3_FRAGILE_BONES",
        "OUT_OF_SCOPE",
        "OUT_OF_SCOPE_ELSEWHERE",
        "D6_LATER",
        "D8_LATER",
        "D9_LATER",
        "D17_DRY_HEAT",
        "D17_ANY_HEAT",
        "D17_ICE_WORSE",
        "D21_HELPED",
        "D22_SWELLING",
        "D22_MADE_WORSE",
    }
    assert REASON_KEYS == expected


def test_D18_a_worse_heat_session_while_burning_is_reported_as_burning():
    from datetime import datetime

    from heat_or_ice.core import Answers, Modality, Outcome, Symptom
    from heat_or_ice.core.experience import report_outcome

    at = datetime(2026, 3, 2, tzinfo=UTC)
    burning = Answers(symptoms=frozenset({Symptom.BURNING}))
    assert report_outcome(burning, Modality.HEAT, Outcome.WORSE, at).burning
    tingling = Answers(symptoms=frozenset({Symptom.TINGLING}))
    assert report_outcome(tingling, Modality.HEAT, Outcome.WORSE, at).burning  # 8.3: treated alike
    assert report_outcome(burning, Modality.MOIST_HEAT, Outcome.WORSE, at).burning
    assert not report_outcome(burning, Modality.ICE, Outcome.WORSE, at).burning
    assert not report_outcome(burning, Modality.HEAT, Outcome.BETTER, at).burning
    assert not report_outcome(Answers(), Modality.HEAT, Outcome.WORSE, at).burning
