"""What the skill remembers about a person between conversations, and nothing more.

Stored per user (persistent attributes): the current pain episode's answers (enum ids and
flags only, never free text), the sessions of the last week, how sessions felt, and an
`expires_at` time after which the store may delete everything (DynamoDB TTL). Values are
ints, strings, lists and dicts, so they survive DynamoDB's Decimal round trip and JSON.
Unknown or malformed stored values are dropped rather than trusted.

The record's version and erasure count (see adapters.attributes) travel with the profile: a
save writes only over the version this profile was read at, and `erasures` tells a
conversation that began before "delete my history" that what it holds must go too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, TypeVar

from ..adapters import ERASURES, VERSION
from ..core import (
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    OtherPlace,
    Outcome,
    QuestionId,
    RedFlag,
    SessionOutcome,
    SessionRecord,
    Symptom,
)

SCHEMA_VERSION = 1
EPISODE_LIFETIME = timedelta(hours=72)  # after three quiet days a new episode starts, and is screened again
SESSION_HISTORY_KEPT = timedelta(days=7)
OUTCOMES_KEPT = timedelta(days=30)
RETENTION = timedelta(days=30)  # the whole record expires this long after the last visit

E = TypeVar("E", bound=Enum)


def to_epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def from_epoch(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (ValueError, OverflowError, OSError):  # NaN, infinity, or beyond the calendar
        return None


def _enum(kind: type[E], value: Any) -> E | None:
    try:
        return kind(value)
    except (ValueError, TypeError):
        return None


def _enums(kind: type[E], values: Any) -> frozenset[E]:
    if not isinstance(values, list):
        return frozenset()
    return frozenset(e for e in (_enum(kind, v) for v in values) if e is not None)


def _names(values: Iterable[Enum]) -> list[str]:
    return sorted(v.value for v in values)


def answers_to_dict(answers: Answers) -> dict[str, Any]:
    """Only what was said: empty and unknown fields are left out (the SDK copies session data
    on every request, so smaller is faster as well as more private)."""
    stored: dict[str, Any] = {}
    for name in ("symptoms", "red_flags", "unsure_red_flags", "answered"):
        values = getattr(answers, name)
        if values:
            stored[name] = _names(values)
    for name in ("location", "other_place", "onset", "cause", "condition", "preference"):
        value = getattr(answers, name)
        if value is not None:
            stored[name] = value.value
    if answers.skin_unsafe:
        stored["skin_unsafe"] = True
    if answers.accident_unchecked:
        stored["accident_unchecked"] = True
    return stored


def answers_from_dict(stored: Any, outcomes: tuple[SessionOutcome, ...] = ()) -> Answers:
    if not isinstance(stored, dict):
        return Answers(outcomes=outcomes)
    return Answers(
        location=_enum(Location, stored.get("location")),
        other_place=_enum(OtherPlace, stored.get("other_place")),
        onset=_enum(Onset, stored.get("onset")),
        cause=_enum(Cause, stored.get("cause")),
        condition=_enum(Condition, stored.get("condition")),
        preference=_enum(Modality, stored.get("preference")),
        symptoms=_enums(Symptom, stored.get("symptoms")),
        red_flags=_enums(RedFlag, stored.get("red_flags")),
        unsure_red_flags=_enums(RedFlag, stored.get("unsure_red_flags")),
        answered=_enums(QuestionId, stored.get("answered")),
        skin_unsafe=stored.get("skin_unsafe") is True,
        accident_unchecked=stored.get("accident_unchecked") is True,
        outcomes=outcomes,
    )


@dataclass
class StoredSession:
    """A heat or ice session as remembered: the core's record plus what the skill needs."""

    modality: Modality
    started_at: datetime
    ends_at: datetime
    timer_id: str | None = None
    self_timed: bool = False  # the person times it themselves (no permission, or no timer could be set)
    ended_early: bool = False
    feedback_asked: bool = False
    reservation: str | None = None  # a random token of the request that reserved it, before its timer


    def record(self) -> SessionRecord:
        return SessionRecord(self.modality, self.started_at, self.ends_at)

    def to_dict(self) -> dict[str, Any]:
        stored: dict[str, Any] = {
            "modality": self.modality.value,
            "started_at": to_epoch(self.started_at),
            "ends_at": to_epoch(self.ends_at),
            "self_timed": self.self_timed,
            "ended_early": self.ended_early,
            "feedback_asked": self.feedback_asked,
        }
        if self.timer_id:
            stored["timer_id"] = self.timer_id
        if self.reservation:
            stored["reservation"] = self.reservation
        return stored

    @classmethod
    def from_dict(cls, stored: Any) -> StoredSession | None:
        if not isinstance(stored, dict):
            return None
        modality = _enum(Modality, stored.get("modality"))
        started, ends = from_epoch(stored.get("started_at")), from_epoch(stored.get("ends_at"))
        if modality is None or started is None or ends is None:
            return None
        timer_id = stored.get("timer_id")
        reservation = stored.get("reservation")
        return cls(
            modality,
            started,
            ends,
            timer_id=timer_id if isinstance(timer_id, str) else None,
            self_timed=stored.get("self_timed") is True,
            ended_early=stored.get("ended_early") is True,
            feedback_asked=stored.get("feedback_asked") is True,
            reservation=reservation if isinstance(reservation, str) else None,
        )


def _outcome_from_dict(stored: Any) -> SessionOutcome | None:
    if not isinstance(stored, dict):
        return None
    modality, outcome = _enum(Modality, stored.get("modality")), _enum(Outcome, stored.get("outcome"))
    at = from_epoch(stored.get("at"))
    if modality is None or outcome is None or at is None:
        return None
    return SessionOutcome(modality, outcome, at, burning=stored.get("burning") is True)


def _outcome_to_dict(outcome: SessionOutcome) -> dict[str, Any]:
    return {
        "modality": outcome.modality.value,
        "outcome": outcome.outcome.value,
        "at": to_epoch(outcome.at),
        "burning": outcome.burning,
    }


@dataclass
class Profile:
    """One person's remembered state, read at the start of a request and saved at the end."""

    episode: dict[str, Any] | None = None
    episode_updated_at: datetime | None = None
    sessions: list[StoredSession] = field(default_factory=list)
    outcomes: list[SessionOutcome] = field(default_factory=list)
    version: int | None = None  # of the stored record this was read from; None: there was none
    erasures: int = 0  # times the person had everything deleted

    @classmethod
    def from_attributes(cls, stored: Any, now: datetime) -> Profile:
        if not isinstance(stored, dict):
            return cls()
        version, erasures = stored.get(VERSION), stored.get(ERASURES)
        sessions = [s for s in map(StoredSession.from_dict, _list(stored.get("sessions"))) if s]
        outcomes = [o for o in map(_outcome_from_dict, _list(stored.get("outcomes"))) if o]
        episode = stored.get("episode") if isinstance(stored.get("episode"), dict) else None
        updated = from_epoch(stored.get("episode_updated_at"))
        if episode is not None and (updated is None or now - updated > EPISODE_LIFETIME):
            episode, updated = None, None
        return cls(
            episode=episode,
            episode_updated_at=updated,
            sessions=[s for s in sessions if now - s.ends_at <= SESSION_HISTORY_KEPT],
            outcomes=[o for o in outcomes if now - o.at <= OUTCOMES_KEPT],
            version=version if _whole(version) else None,
            erasures=erasures if _whole(erasures) else 0,
        )

    def to_attributes(self, now: datetime) -> dict[str, Any]:
        stored: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "sessions": [s.to_dict() for s in self.sessions],
            "outcomes": [_outcome_to_dict(o) for o in self.outcomes],
            "expires_at": to_epoch(now + RETENTION),
        }
        if self.version is not None:
            stored[VERSION] = self.version
        if self.erasures:
            stored[ERASURES] = self.erasures
        if self.episode is not None:
            stored["episode"] = self.episode
            stored["episode_updated_at"] = to_epoch(self.episode_updated_at or now)
        return stored

    def answers(self) -> Answers:
        return answers_from_dict(self.episode, tuple(self.outcomes))

    def location(self) -> Location | None:
        """The episode's place alone, without reading back every answer."""
        return _enum(Location, self.episode.get("location")) if isinstance(self.episode, dict) else None

    def remember_answers(self, answers: Answers, now: datetime) -> None:
        self.episode = answers_to_dict(answers)
        self.episode_updated_at = now

    def forget_episode(self) -> None:
        self.episode, self.episode_updated_at = None, None

    def history(self) -> tuple[SessionRecord, ...]:
        return tuple(s.record() for s in self.sessions)

    def latest_session(self) -> StoredSession | None:
        return max(self.sessions, key=lambda s: s.started_at, default=None)

    def reserved_by(self, reservation: str) -> StoredSession | None:
        return next((s for s in self.sessions if s.reservation == reservation), None)

    def running_session(self, now: datetime) -> StoredSession | None:
        latest = self.latest_session()
        return latest if latest and latest.started_at <= now < latest.ends_at else None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
