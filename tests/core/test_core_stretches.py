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
    Routine,
    Side,
    hold_seconds,
    longer_hold,
    shorter_hold,
    start_routine,
)

SETTLED_LOWER_BACK = Answers(location=Location.LOWER_BACK, cause=Cause.NO_CAUSE, onset=Onset.WEEKS)


LYING_DOWN = (StretchId.KNEE_ROLLS, StretchId.KNEES_TO_CHEST, StretchId.PELVIC_TILT)


def test_catalogue_has_every_stretch_with_numbers_and_sources():
    assert set(STRETCHES) == set(StretchId)
    for s in STRETCHES.values():
        assert s is stretch(s.id) and s.sources and s.locations
        assert s.min_hold_seconds <= s.hold_seconds <= s.max_hold_seconds and s.hold_step_seconds > 0
        assert s.reps >= 1 and s.moves_per_rep >= 1


def test_catalogue_holds_no_words():
    """Names, set-ups and cautions live in the locale files (issue: the catalogue's words move out)."""
    for s in STRETCHES.values():
        assert not any(isinstance(v, str) and " " in v for v in vars(s).values()), s.id


def test_one_set_is_at_most_two_minutes_of_holding_even_at_the_longest_hold():
    for s in STRETCHES.values():
        assert s.reps * s.moves_per_rep * s.max_hold_seconds <= 120, s.id


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
    assert (s.reps, s.per_side) == (8, False) and s.hold_seconds <= s.max_hold_seconds <= 10


def test_lying_down_movements_hold_5_to_10_seconds_and_start_at_5():
    for sid in LYING_DOWN:
        s = stretch(sid)
        assert s.lying_down and (s.hold_seconds, s.min_hold_seconds, s.max_hold_seconds) == (5, 5, 10), sid
        assert 3 <= s.reps <= 5, sid
    assert stretch(StretchId.KNEE_ROLLS).moves_per_rep == 2, "knee rolls go one way, then the other"


def test_most_stretches_hold_30_seconds_within_15_to_60():
    for sid in (StretchId.KNEELING_HIP_FLEXOR, StretchId.STANDING_QUAD, StretchId.DOWNWARD_DOG):
        s = stretch(sid)
        assert (s.hold_seconds, s.min_hold_seconds, s.max_hold_seconds, s.reps) == (30, 15, 60, 2), sid


@pytest.mark.parametrize("sid", list(StretchId))
def test_longer_never_makes_a_hold_shorter_and_shorter_never_longer(sid):
    s = stretch(sid)
    for current in range(0, 100):
        within = hold_seconds(s, current)
        assert within <= longer_hold(s, current) <= s.max_hold_seconds
        assert s.min_hold_seconds <= shorter_hold(s, current) <= within


def test_longer_on_knee_rolls_goes_from_5_to_10_and_stays_there():
    assert longer_hold(StretchId.KNEE_ROLLS, 5) == 10
    assert longer_hold(StretchId.KNEE_ROLLS, 10) == 10
    assert longer_hold(StretchId.KNEELING_HIP_FLEXOR, 30) == 45


def test_stretch_unknown_id_raises():
    with pytest.raises(ValueError):
        stretch("SPLITS")


def test_stretch_neck_tilt_turn_is_not_seed_sourced():
    assert NOT_FROM_SEEDS in stretch(StretchId.NECK_TILT_TURN).sources


def test_stretches_lower_back_lying_down_first_then_the_hip_flexor():
    advice = advise(SETTLED_LOWER_BACK)
    assert advice.stretches[:4] == (*LYING_DOWN, StretchId.KNEELING_HIP_FLEXOR)
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


def test_stretches_none_after_an_accident_until_it_is_known_checked_or_long_ago():
    accident = SETTLED_LOWER_BACK.with_changes(cause=Cause.ACCIDENT)
    assert advise(accident).stretches == ()
    checked = apply_reply(accident, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.NO)
    checked = apply_reply(checked, QuestionId.FRAGILE_BONES, Reply.NO)
    assert advise(checked).stretches[:3] == LYING_DOWN
    assert advise(apply_reply(accident, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.UNSURE)).stretches == ()
    assert advise(apply_reply(accident, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.YES)).stretches == ()


def test_stretches_none_in_the_first_hours_after_an_accident_even_once_checked():
    today = SETTLED_LOWER_BACK.with_changes(cause=Cause.ACCIDENT, onset=Onset.TODAY)
    checked = apply_reply(apply_reply(today, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.NO),
                          QuestionId.FRAGILE_BONES, Reply.NO)
    assert advise(checked).stretches == ()
    days = checked.with_changes(onset=Onset.DAYS)
    assert advise(days).stretches == LYING_DOWN, "a checked accident some days ago: lying-down stretches only"


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
    said_checked = apply_reply(whiplash, QuestionId.ACCIDENT_RECENT_UNCHECKED, Reply.NO)
    assert advise(said_checked).stretches[0] is StretchId.NECK_TILT_TURN


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


# Routines (section 8.8) ----------------------------------------------------------------------
def test_a_lower_back_routine_offers_the_three_lying_down_stretches_first():
    routine = start_routine(advise(SETTLED_LOWER_BACK).stretches)
    assert routine.ids == LYING_DOWN
    assert (routine.current.id, routine.side, routine.hold) == (StretchId.KNEE_ROLLS, None, 5)


def test_a_routine_of_longer_stretches_offers_two():
    neck = apply_reply(
        Answers(location=Location.NECK, cause=Cause.NO_CAUSE), QuestionId.NECK_DANGER_SIGNS, Reply.NO
    )
    allowed = advise(neck).stretches
    assert len(start_routine(allowed).ids) == 2
    massage = (StretchId.UPPER_BACK_SELF_MASSAGE,)
    only_one = start_routine(massage)
    assert only_one.ids == massage and only_one.another(massage) is None


def test_a_routine_goes_side_by_side_then_on_and_ends_after_its_stretches():
    routine = start_routine(advise(SETTLED_LOWER_BACK).stretches)
    seen = []
    while routine is not None:
        seen.append((routine.current.id, routine.side))
        routine = routine.after_hold()
    assert seen == [
        (StretchId.KNEE_ROLLS, None),
        (StretchId.KNEES_TO_CHEST, Side.FIRST),
        (StretchId.KNEES_TO_CHEST, Side.OTHER),
        (StretchId.PELVIC_TILT, None),
    ]


def test_another_after_a_routine_adds_one_more_stretch_until_none_are_left():
    allowed = advise(SETTLED_LOWER_BACK).stretches
    last = start_routine(allowed)
    while (step := last.after_hold()) is not None:
        last = step
    more = last.another(allowed)
    assert (more.current.id, more.side, len(more.ids)) == (StretchId.KNEELING_HIP_FLEXOR, Side.FIRST, 4)
    assert more.hold == 30, "each stretch starts at its own hold"
    assert more.after_hold().after_hold() is None, "the routine now ends after the extra stretch"
    while more.another(allowed) is not None:
        more = more.another(allowed)
    assert more.ids == allowed


def test_another_in_the_middle_of_a_routine_skips_to_its_next_stretch():
    allowed = advise(SETTLED_LOWER_BACK).stretches
    assert start_routine(allowed).another(allowed).current.id is StretchId.KNEES_TO_CHEST


def test_a_longer_hold_belongs_to_its_stretch_and_lasts_for_both_sides():
    routine = start_routine((StretchId.KNEES_TO_CHEST, StretchId.PELVIC_TILT)).longer()
    assert routine.hold == 10
    assert routine.after_hold().hold == 10
    assert routine.after_hold().after_hold().hold == 5
    assert routine.with_hold(90).hold == 10 and routine.with_hold(1).hold == 5
    assert routine.shorter().hold == 5 and routine.shorter().shorter().hold == 5


def test_a_routine_rejects_positions_that_cannot_be():
    with pytest.raises(ValueError):
        Routine((StretchId.KNEE_ROLLS,), index=1, side=None, hold=5)
    with pytest.raises(ValueError):
        Routine((StretchId.KNEES_TO_CHEST,), index=0, side=None, hold=5)
    with pytest.raises(ValueError):
        Routine((StretchId.KNEE_ROLLS,), index=0, side=None, hold=30)
    with pytest.raises(ValueError):
        Routine((), index=0, side=None, hold=5)
    assert start_routine(()) is None
