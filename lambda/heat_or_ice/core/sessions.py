"""Timed heat and ice sessions: how long, and whether one may start now (section 2; numbers in timing.py).

Public API
- `plan_session(modality, requested_minutes, history, now, *, advice=None, location=None)
  -> SessionPlan | SessionRefusal`
  Checks, in order: RED_FLAG (advice says see a clinician now or today), NOT_SAFE (modality blocked
  by the advice; `alternative` is a safe one if any), DAILY_CAP (rolling 24 hours; `available_at`
  is when enough counted sessions have left the window, and the rest gap has passed), REST_GAP
  (30 minutes after the latest `ends_at`; a running session also refuses). `requested_minutes`
  None -> the default; outside the user range -> clamped, `adjusted=True`.
- `rest_gap_remaining(history, now) -> timedelta`: zero when another session may start.

`now` and every datetime in `history` must be timezone-aware; no clock is read here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta

from .facts import SAFE_ORDER
from .model import (
    Action,
    Advice,
    Location,
    Modality,
    RefusalReason,
    SessionPlan,
    SessionRecord,
    SessionRefusal,
)
from .timing import DAILY_CAPS, DAY_WINDOW, REST_GAP, SHARES_DAILY_CAP, session_length

_CARE_ACTIONS = (Action.CLINICIAN_NOW, Action.CLINICIAN_TODAY)


def plan_session(
    modality: Modality,
    requested_minutes: int | None,
    history: Iterable[SessionRecord],
    now: datetime,
    *,
    advice: Advice | None = None,
    location: Location | None = None,
) -> SessionPlan | SessionRefusal:
    _require_aware(now)
    modality = Modality(modality)
    history = tuple(history)
    if advice is not None:
        if advice.action in _CARE_ACTIONS:
            return SessionRefusal(modality, RefusalReason.RED_FLAG)
        if modality in advice.blocked or not advice.session_allowed:
            return SessionRefusal(modality, RefusalReason.NOT_SAFE, alternative=_safe_alternative(advice))

    gap_ends = _rest_gap_ends(history)
    counted = _counted_today(modality, history, now)
    cap = DAILY_CAPS[modality]
    if len(counted) >= cap:
        # The cap frees up when enough of the counted sessions are older than 24 hours.
        frees_at = counted[len(counted) - cap] + DAY_WINDOW
        available_at = max(frees_at, gap_ends) if gap_ends else frees_at
        return _refusal(modality, RefusalReason.DAILY_CAP, available_at, now)
    if gap_ends is not None and gap_ends > now:
        return _refusal(modality, RefusalReason.REST_GAP, gap_ends, now)

    length = session_length(modality, location)
    minutes = length.fit(requested_minutes)
    ends_at = now + timedelta(minutes=minutes)
    return SessionPlan(
        modality=modality,
        minutes=minutes,
        starts_at=now,
        ends_at=ends_at,
        next_session_at=ends_at + REST_GAP,
        requested_minutes=requested_minutes,
        adjusted=requested_minutes is not None and minutes != requested_minutes,
        sessions_left_today=cap - len(counted) - 1,
    )


def rest_gap_remaining(history: Iterable[SessionRecord], now: datetime) -> timedelta:
    _require_aware(now)
    gap_ends = _rest_gap_ends(tuple(history))
    if gap_ends is None or gap_ends <= now:
        return timedelta(0)
    return gap_ends - now


def _rest_gap_ends(history: tuple[SessionRecord, ...]) -> datetime | None:
    # Measured from the latest end: a running or planned session counts too (C4).
    latest_end = max((s.ends_at for s in history), default=None)
    return None if latest_end is None else latest_end + REST_GAP


def _counted_today(modality: Modality, history: tuple[SessionRecord, ...], now: datetime) -> list[datetime]:
    kinds = SHARES_DAILY_CAP[modality]
    return sorted(s.started_at for s in history if s.modality in kinds and s.started_at > now - DAY_WINDOW)


def _refusal(
    modality: Modality, reason: RefusalReason, available_at: datetime, now: datetime
) -> SessionRefusal:
    wait = math.ceil((available_at - now).total_seconds() / 60)
    return SessionRefusal(modality, reason, available_at=available_at, wait_minutes=max(wait, 0))


def _safe_alternative(advice: Advice) -> Modality | None:
    if not advice.session_allowed:
        return None
    if advice.offer is not None and advice.offer not in advice.blocked:
        return advice.offer
    return next((m for m in SAFE_ORDER if m not in advice.blocked), None)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("times must be timezone-aware (UTC); the core never guesses a time zone")
