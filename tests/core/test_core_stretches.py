"""Stretch catalogue of clinical rules section 4, and who may be offered which stretch."""

from __future__ import annotations

import pytest
from heat_or_ice.core import (
    STRETCHES,
    Answers,
    Cause,
    Condition,
    Location,
    Onset,
    QuestionId,
    RedFlag,
    Reply,
    StretchId,
    Symptom,
    advise,
    apply_reply,
    stretch,
)
from heat_or_ice.core.stretches import (
    HOLD_DEFAULT_SECONDS,
    HOLD_MAX_SECONDS,
    HOLD_MIN_SECONDS,
    NOT_FROM_SEEDS,
    hold_seconds,
)

SETTLED_LOWER_BACK = Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE, onset=Onset.WEEKS)


def test_catalogue_has_every_stretch_with_speakable_steps():
    assert set(STRETCHES) == set(StretchId)
    for s in STRETCHES.values():
        assert s is stretch(s.id) and s.name and s.sources and s.locations
        assert 1 <= len(s.steps) <= 5, s.id
        assert all(len(step.split()) < 25 and step.endswith(".") for step in s.steps), s.id
        assert s.min_hold_seconds <= s.hold_seconds <= s.max_hold_seconds


def test_stretch_hold_default_30_seconds_range_15_to_60():
    assert (HOLD_DEFAULT_SECONDS, HOLD_MIN_SECONDS, HOLD_MAX_SECONDS) == (30, 15, 60)
    hip = stretch(StretchId.KNEELING_HIP_FLEXOR)
    assert (hip.hold_seconds, hip.min_hold_seconds, hip.max_hold_seconds, hip.reps, hip.per_side) == (
        30,
        15,
        60,
        2,
        True,
    )
    assert (hold_seconds(hip), hold_seconds(hip.id, 5), hold_seconds(hip.id, 45), hold_seconds(hip, 90)) == (
        30,
        15,
        45,
        60,
    )


def test_stretch_bottom_to_heels_one_breath_8_reps():
    s = stretch(StretchId.BOTTOM_TO_HEELS)
    assert (s.reps, s.per_side) == (8, False) and s.hold_seconds <= 10


def test_stretch_unknown_id_raises():
    with pytest.raises(ValueError):
        stretch("SPLITS")


def test_stretch_neck_tilt_turn_is_not_seed_sourced():
    assert NOT_FROM_SEEDS in stretch(StretchId.NECK_TILT_TURN).sources


def test_stretches_lower_back_best_first_is_the_hip_flexor():
    advice = advise(SETTLED_LOWER_BACK)
    assert advice.stretches[0] is StretchId.KNEELING_HIP_FLEXOR
    assert StretchId.DOWNWARD_DOG in advice.stretches


def test_stretches_early_on_only_gentle_lying_down_movements():
    advice = advise(SETTLED_LOWER_BACK.with_changes(cause=Cause.INJURY, onset=Onset.TODAY))
    assert advice.stretches == (StretchId.KNEE_ROLLS, StretchId.KNEES_TO_CHEST, StretchId.PELVIC_TILT)


def test_stretches_no_downward_dog_on_the_sciatica_path():
    for answers in (
        SETTLED_LOWER_BACK.with_changes(location=Location.LEG),
        SETTLED_LOWER_BACK.with_changes(condition=Condition.SCIATICA),
        SETTLED_LOWER_BACK.with_changes(symptoms=frozenset({Symptom.SHOOTING_PAIN})),
    ):
        stretches = advise(answers).stretches
        assert stretches and StretchId.DOWNWARD_DOG not in stretches


def test_stretches_none_with_tier_A_or_B_flags():
    for flag in (RedFlag.SADDLE_NUMBNESS, RedFlag.NIGHT_PAIN):
        assert advise(SETTLED_LOWER_BACK.with_changes(red_flags=frozenset({flag}))).stretches == ()
    assert advise(apply_reply(SETTLED_LOWER_BACK, QuestionId.BOTH_LEGS, Reply.UNSURE)).stretches == ()


def test_stretches_none_after_major_trauma():
    assert advise(SETTLED_LOWER_BACK.with_changes(cause=Cause.ACCIDENT)).stretches == ()


def test_stretches_none_for_whiplash_not_yet_checked():
    whiplash = Answers(
        location=Location.NECK,
        condition=Condition.WHIPLASH,
        onset=Onset.DAYS,
        answered=frozenset({QuestionId.NECK_DANGER_SIGNS}),
    )
    assert advise(whiplash).stretches == ()
    checked = whiplash.with_changes(cause=Cause.INJURY)
    assert advise(checked).stretches == (StretchId.NECK_TILT_TURN, StretchId.UPPER_BACK_SELF_MASSAGE)


def test_stretches_neck_only_after_the_neck_screen_is_clear():
    neck = Answers(location=Location.NECK, cause=Cause.NO_CAUSE)
    assert advise(neck).stretches == (StretchId.UPPER_BACK_SELF_MASSAGE,)
    cleared = apply_reply(neck, QuestionId.NECK_DANGER_SIGNS, Reply.NO)
    assert advise(cleared).stretches[0] is StretchId.NECK_TILT_TURN


def test_stretches_upper_back_self_massage_once_clearly_muscular():
    upper = Answers(location=Location.UPPER_BACK, cause=Cause.NO_CAUSE)
    assert advise(upper).stretches == ()
    assert advise(apply_reply(upper, QuestionId.UPPER_BACK_MUSCULAR, Reply.YES)).stretches == (
        StretchId.UPPER_BACK_SELF_MASSAGE,
    )


def test_stretches_still_allowed_when_the_skin_is_unsafe_for_a_pack():
    advice = advise(SETTLED_LOWER_BACK.with_changes(skin_unsafe=True))
    assert not advice.session_allowed and advice.stretches
