"""Timing numbers of clinical rules section 2 (2.1, 2.4, C4, C5) and session planning."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from core_strategies import NOW, session

from heat_or_ice.core import (
    Action,
    Answers,
    Cause,
    Location,
    Modality,
    Onset,
    RefusalReason,
    SessionPlan,
    SessionRefusal,
    Symptom,
    advise,
    plan_session,
    rest_gap_remaining,
)
from heat_or_ice.core.timing import ICE_FIRST_WINDOW, REST_GAP, SESSION_LENGTHS

ICE, HEAT, MOIST = Modality.ICE, Modality.HEAT, Modality.MOIST_HEAT


def minutes(modality, requested=None, location=None) -> int:
    plan = plan_session(modality, requested, (), NOW, location=location)
    assert isinstance(plan, SessionPlan)
    return plan.minutes


def test_timing_ice_default_10_minutes():
    assert minutes(ICE) == 10


def test_timing_ice_user_range_5_to_15_minutes():
    assert (minutes(ICE, 5), minutes(ICE, 15), minutes(ICE, 2), minutes(ICE, 16)) == (5, 15, 5, 15)


def test_timing_ice_hard_max_20_minutes():
    assert SESSION_LENGTHS[ICE].hard_max == 20
    assert minutes(ICE, 45) <= 20


def test_timing_heat_default_15_minutes():
    assert minutes(HEAT) == 15


def test_timing_heat_user_range_10_to_20_minutes():
    assert (minutes(HEAT, 10), minutes(HEAT, 20), minutes(HEAT, 3), minutes(HEAT, 25)) == (10, 20, 10, 20)


def test_timing_heat_hard_max_20_minutes():
    assert SESSION_LENGTHS[HEAT].hard_max == 20 and minutes(HEAT, 120) == 20


def test_timing_moist_heat_default_15_range_10_to_20_hard_max_20():
    assert (minutes(MOIST), minutes(MOIST, 5), minutes(MOIST, 30)) == (15, 10, 20)
    assert SESSION_LENGTHS[MOIST].hard_max == 20


def test_timing_neck_ice_default_5_minutes_max_15():
    assert minutes(ICE, location=Location.NECK) == 5
    assert minutes(ICE, 20, location=Location.NECK) == 15


def test_timing_neck_heat_default_15_max_20():
    assert minutes(HEAT, location=Location.NECK) == 15
    assert minutes(HEAT, 30, location=Location.NECK) == 20
    assert minutes(MOIST, location=Location.NECK) == 15


def test_timing_request_outside_the_range_is_adjusted_and_kept():
    plan = plan_session(ICE, 30, (), NOW)
    assert (plan.minutes, plan.requested_minutes, plan.adjusted) == (15, 30, True)
    plan = plan_session(ICE, 12, (), NOW)
    assert (plan.minutes, plan.requested_minutes, plan.adjusted) == (12, 12, False)
    plan = plan_session(ICE, None, (), NOW)
    assert (plan.requested_minutes, plan.adjusted) == (None, False)


def test_timing_plan_times():
    plan = plan_session(HEAT, None, (), NOW)
    assert plan.starts_at == NOW and plan.ends_at == NOW + timedelta(minutes=15)
    assert plan.next_session_at == plan.ends_at + timedelta(minutes=30)


def test_timing_rest_gap_30_minutes_between_any_two_sessions():
    assert REST_GAP == timedelta(minutes=30)
    history = [session(HEAT, NOW - timedelta(minutes=35), 15)]  # ended 20 minutes ago
    refusal = plan_session(ICE, None, history, NOW)
    assert isinstance(refusal, SessionRefusal) and refusal.reason is RefusalReason.REST_GAP
    assert refusal.available_at == NOW + timedelta(minutes=10) and refusal.wait_minutes == 10
    assert rest_gap_remaining(history, NOW) == timedelta(minutes=10)


def test_timing_rest_gap_wait_minutes_round_up():
    history = [session(ICE, NOW - timedelta(minutes=20, seconds=30), 10)]  # gap ends in 19.5 minutes
    refusal = plan_session(ICE, None, history, NOW)
    assert refusal.wait_minutes == 20


def test_timing_running_session_refuses_a_new_one():
    history = [session(ICE, NOW - timedelta(minutes=5), 10)]
    refusal = plan_session(HEAT, None, history, NOW)
    assert refusal.reason is RefusalReason.REST_GAP
    assert refusal.available_at == NOW + timedelta(minutes=35)


def test_timing_second_session_40_minutes_after_the_first_ended_is_allowed():
    history = [session(ICE, NOW - timedelta(minutes=50), 10)]
    assert isinstance(plan_session(ICE, None, history, NOW), SessionPlan)
    assert rest_gap_remaining(history, NOW) == timedelta(0)


def test_timing_rest_gap_remaining_is_zero_without_history():
    assert rest_gap_remaining((), NOW) == timedelta(0)


def test_timing_ice_daily_cap_8_in_a_rolling_24_hours():
    history = [session(ICE, NOW - timedelta(hours=22) + timedelta(hours=2 * i), 10) for i in range(7)]
    plan = plan_session(ICE, None, history, NOW)
    assert isinstance(plan, SessionPlan) and plan.sessions_left_today == 0
    history.append(session(ICE, plan.starts_at, plan.minutes))
    refusal = plan_session(ICE, None, history, NOW + timedelta(minutes=50))
    assert refusal.reason is RefusalReason.DAILY_CAP
    assert refusal.available_at == NOW + timedelta(hours=2)  # the oldest leaves the 24-hour window
    assert isinstance(plan_session(ICE, None, history, NOW + timedelta(hours=2)), SessionPlan)


def test_timing_heat_daily_cap_3_shared_with_moist_heat():
    history = [
        session(HEAT, NOW - timedelta(hours=10), 15),
        session(MOIST, NOW - timedelta(hours=6), 15),
        session(HEAT, NOW - timedelta(hours=2), 15),
    ]
    refusal = plan_session(MOIST, None, history, NOW)
    assert refusal.reason is RefusalReason.DAILY_CAP
    assert refusal.available_at == NOW + timedelta(hours=14)
    assert refusal.wait_minutes == 14 * 60
    assert isinstance(plan_session(ICE, None, history, NOW), SessionPlan)


def test_timing_daily_cap_counts_only_the_last_24_hours():
    history = [session(HEAT, NOW - timedelta(hours=h), 15) for h in (30, 26, 25)]
    plan = plan_session(HEAT, None, history, NOW)
    assert isinstance(plan, SessionPlan) and plan.sessions_left_today == 2


def test_timing_ice_first_window_72_hours_belongs_to_the_advice():
    assert ICE_FIRST_WINDOW == timedelta(hours=72)
    injury = Answers(location=Location.LOWER_BACK, cause=Cause.INJURY)
    assert advise(injury.with_changes(onset=Onset.TODAY)).action is Action.ICE
    assert advise(injury.with_changes(onset=Onset.DAYS)).action is Action.ICE
    assert advise(injury.with_changes(onset=Onset.WEEKS)).action is Action.EITHER


def test_timing_no_same_modality_repeat_interval_beyond_the_gap():
    # First 72 hours: hourly ice is fine (E24); only the 30-minute gap applies.
    history = [session(ICE, NOW - timedelta(minutes=40), 10)]
    assert isinstance(plan_session(ICE, None, history, NOW), SessionPlan)


def test_session_refused_for_red_flags():
    advice = advise(Answers(location=Location.LOWER_BACK, symptoms=frozenset({Symptom.SADDLE_NUMBNESS})))
    for modality in Modality:
        refusal = plan_session(modality, None, (), NOW, advice=advice)
        assert refusal.reason is RefusalReason.RED_FLAG


def test_session_refused_when_blocked_with_a_safe_alternative():
    advice = advise(
        Answers(
            location=Location.LOWER_BACK,
            cause=Cause.INJURY,
            onset=Onset.TODAY,
            symptoms=frozenset({Symptom.SWELLING}),
        )
    )
    refusal = plan_session(HEAT, None, (), NOW, advice=advice)
    assert (refusal.reason, refusal.alternative) == (RefusalReason.NOT_SAFE, ICE)
    assert isinstance(plan_session(ICE, None, (), NOW, advice=advice), SessionPlan)


def test_session_refused_on_numb_skin_without_alternative():
    advice = advise(Answers(location=Location.LOWER_BACK, skin_unsafe=True))
    refusal = plan_session(ICE, None, (), NOW, advice=advice)
    assert (refusal.reason, refusal.alternative) == (RefusalReason.NOT_SAFE, None)


def test_session_accepts_any_aware_datetime_and_rejects_naive():
    plus_two = timezone(timedelta(hours=2))
    plan = plan_session(ICE, None, [session(ICE, NOW - timedelta(hours=2), 10)], NOW.astimezone(plus_two))
    assert isinstance(plan, SessionPlan)
    with pytest.raises(ValueError):
        plan_session(ICE, None, (), datetime(2026, 1, 1, 9, 0))
    with pytest.raises(ValueError):
        rest_gap_remaining((), datetime(2026, 1, 1, 9, 0))
