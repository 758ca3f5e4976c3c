"""Timing numbers of clinical rules section 2 (2.1, 2.4, C4, C5), as data.

Public API
- `SessionLength(default, shortest, longest, hard_max)`; `session_length(modality, location)`.
- `SESSION_LENGTHS`, `NECK_SESSION_LENGTHS`: minutes per modality.
- `REST_GAP`: 30 minutes between ANY two sessions, heat and ice alike (S0-13, E7a, C4).
- `DAILY_CAPS`, `SHARES_DAILY_CAP`: sessions per rolling 24 hours, and which kinds count together.
- `ICE_FIRST_WINDOW`: 72 hours after a fresh injury (2.4). The advice applies it (D6), not the timer.

Product decisions
- Neck ice: default 5 minutes (E10: frozen peas 5 min), user range 5-15, hard max 15 (E27: no more
  than 15 minutes on the neck). Neck heat and moist heat: as elsewhere (2.1: 15, max 20).
- Dry and moist heat share one cap of 3 a day: E7b's "up to 3 times a day" is about heat
  treatment, and counting them apart would allow six warm sessions.
- Caps count sessions started in the 24 hours before `now`: the skill doesn't know the user's midnight.
- No same-modality repeat interval beyond the 30-minute gap: hourly ice is fine early on (E24, C4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from .model import Location, Modality


@dataclass(frozen=True)
class SessionLength:
    """Minutes: `default` when none is asked for; a request is kept within shortest..longest."""

    default: int
    shortest: int
    longest: int
    hard_max: int  # never exceeded, whatever is asked (C5)

    def fit(self, requested: int | None) -> int:
        if requested is None:
            return self.default
        return min(max(requested, self.shortest), self.longest, self.hard_max)


SESSION_LENGTHS: dict[Modality, SessionLength] = {
    Modality.ICE: SessionLength(default=10, shortest=5, longest=15, hard_max=20),  # E7a, E8, E24
    Modality.HEAT: SessionLength(default=15, shortest=10, longest=20, hard_max=20),  # E7b, E9a
    Modality.MOIST_HEAT: SessionLength(default=15, shortest=10, longest=20, hard_max=20),  # E19
}

NECK_SESSION_LENGTHS: dict[Modality, SessionLength] = {
    Modality.ICE: SessionLength(default=5, shortest=5, longest=15, hard_max=15),  # E10, E27
    Modality.HEAT: SessionLength(default=15, shortest=10, longest=20, hard_max=20),  # E10
    Modality.MOIST_HEAT: SessionLength(default=15, shortest=10, longest=20, hard_max=20),
}


def session_length(modality: Modality, location: Location | None = None) -> SessionLength:
    table = NECK_SESSION_LENGTHS if location is Location.NECK else SESSION_LENGTHS
    return table[modality]


REST_GAP = timedelta(minutes=30)
DAY_WINDOW = timedelta(hours=24)
ICE_FIRST_WINDOW = timedelta(hours=72)

DAILY_CAPS: dict[Modality, int] = {Modality.ICE: 8, Modality.HEAT: 3, Modality.MOIST_HEAT: 3}

SHARES_DAILY_CAP: dict[Modality, frozenset[Modality]] = {
    Modality.ICE: frozenset({Modality.ICE}),
    Modality.HEAT: frozenset({Modality.HEAT, Modality.MOIST_HEAT}),
    Modality.MOIST_HEAT: frozenset({Modality.HEAT, Modality.MOIST_HEAT}),
}
