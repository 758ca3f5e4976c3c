"""The stretches of clinical rules section 4 (and 8.8): their numbers, who may do which, and how a
routine moves on. No words: the skill's locale files hold names, set-ups, steps and cautions by id.

Public API
- `STRETCHES: dict[StretchId, Stretch]`, `stretch(stretch_id) -> Stretch` (ValueError if unknown).
- `allowed_stretches(answers, flags) -> tuple[StretchId, ...]`: the stretches that may be offered,
  lying-down ones first; empty when section 4 says no stretches at all.
- `hold_seconds(stretch_or_id, requested=None) -> int`: the requested hold kept within the stretch's range.
- `longer_hold(stretch_or_id, current)`, `shorter_hold(...)`: one step, never the wrong way.
- `Routine`, `Side`: a routine in progress; `start_routine(allowed)` (two or three stretches),
  `Routine.after_hold()` (other side, next stretch, or done), `Routine.another(allowed)` (one more),
  `Routine.longer()`, `.shorter()`, `.with_hold(seconds)`.
- `HOLD_DEFAULT_SECONDS`, `HOLD_MIN_SECONDS`, `HOLD_MAX_SECONDS`: 30 s, 15-60 s (section 4, C13).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import Enum

from .model import Answers, Cause, Condition, Location, Onset, QuestionId, RedFlag, Stretch, StretchId, Tier
from .screening import accident_possible

HOLD_DEFAULT_SECONDS = 30
HOLD_MIN_SECONDS = 15
HOLD_MAX_SECONDS = 60
NOT_FROM_SEEDS = "not-seed-sourced"  # marks a stretch none of the three seed articles gives

LOWER, UPPER, NECK, LEG = Location.LOWER_BACK, Location.UPPER_BACK, Location.NECK, Location.LEG

# Lying-down movements (knee rolls, knee to chest, pelvic tilt): 5-10 s holds, 3-5 reps [E15][E16].
_LYING = {"lying_down": True, "hold_seconds": 5, "min_hold_seconds": 5, "max_hold_seconds": 10,
          "hold_step_seconds": 5}

_CATALOGUE = (
    Stretch(StretchId.KNEE_ROLLS, frozenset({LOWER, LEG}), reps=3, per_side=False, moves_per_rep=2,
            sources=("E15", "E16", NOT_FROM_SEEDS), **_LYING),
    Stretch(StretchId.KNEES_TO_CHEST, frozenset({LOWER, LEG}), reps=3,
            sources=("E15", "E16", NOT_FROM_SEEDS), **_LYING),
    Stretch(StretchId.PELVIC_TILT, frozenset({LOWER, LEG}), reps=5, per_side=False,
            sources=("E15", "E16", NOT_FROM_SEEDS), **_LYING),
    Stretch(StretchId.KNEELING_HIP_FLEXOR, frozenset({LOWER, LEG}),
            sources=("S0-15", "S0-16", "S0-17", "E15", "E32", "E14", "E13")),
    Stretch(StretchId.STANDING_QUAD, frozenset({LOWER}), sources=("S0-17", "E15", "E14")),
    Stretch(StretchId.DOWNWARD_DOG, frozenset({LOWER}), per_side=False,
            sources=("S0-18", "E17", "E18", "E31", "E16")),
    # One deep breath, 8-10 times [E16]: "longer" means a slower breath, at most 10 s.
    Stretch(StretchId.BOTTOM_TO_HEELS, frozenset({LOWER, LEG}), hold_seconds=5, reps=8, per_side=False,
            min_hold_seconds=5, max_hold_seconds=10, hold_step_seconds=5, sources=("E16", NOT_FROM_SEEDS)),
    # Steady pressure on a few spots, 10-20 s each (product decision; the technique source says 7-12 s).
    Stretch(StretchId.UPPER_BACK_SELF_MASSAGE, frozenset({UPPER, NECK}), hold_seconds=15, reps=3,
            per_side=False, min_hold_seconds=10, max_hold_seconds=20, hold_step_seconds=5,
            sources=("S0-23", "E27", "E30")),
    # Tilt, then turn, to each side [E10][E29].
    Stretch(StretchId.NECK_TILT_TURN, frozenset({NECK}), hold_seconds=5, reps=2, moves_per_rep=2,
            min_hold_seconds=5, max_hold_seconds=15, hold_step_seconds=5,
            sources=("E10", "E29", NOT_FROM_SEEDS)),
)

STRETCHES: dict[StretchId, Stretch] = {s.id: s for s in _CATALOGUE}


def stretch(stretch_id: StretchId | str) -> Stretch:
    return STRETCHES[StretchId(stretch_id)]


def _of(which: Stretch | StretchId | str) -> Stretch:
    return which if isinstance(which, Stretch) else stretch(which)


def hold_seconds(which: Stretch | StretchId | str, requested: int | None = None) -> int:
    chosen = _of(which)
    if requested is None:
        return chosen.hold_seconds
    return min(max(requested, chosen.min_hold_seconds), chosen.max_hold_seconds)


def longer_hold(which: Stretch | StretchId | str, current: int) -> int:
    """One step longer, within the stretch's range; never shorter than the hold it was (8.8)."""
    chosen = _of(which)
    now = hold_seconds(chosen, current)
    return max(now, hold_seconds(chosen, now + chosen.hold_step_seconds))


def shorter_hold(which: Stretch | StretchId | str, current: int) -> int:
    chosen = _of(which)
    now = hold_seconds(chosen, current)
    return min(now, hold_seconds(chosen, now - chosen.hold_step_seconds))


# Lying-down movements first (8.8), then the others for the place, best first suggestion first.
# Early on (first few days) only the lying-down movements, which NHS and CSP offer "including
# early on" (product decision).
GENTLE = (StretchId.KNEE_ROLLS, StretchId.KNEES_TO_CHEST, StretchId.PELVIC_TILT)
ORDER_BY_LOCATION: dict[Location, tuple[StretchId, ...]] = {
    LOWER: (
        *GENTLE,
        StretchId.KNEELING_HIP_FLEXOR,
        StretchId.STANDING_QUAD,
        StretchId.DOWNWARD_DOG,
        StretchId.BOTTOM_TO_HEELS,
    ),
    LEG: (*GENTLE, StretchId.BOTTOM_TO_HEELS, StretchId.KNEELING_HIP_FLEXOR),
    UPPER: (StretchId.UPPER_BACK_SELF_MASSAGE,),
    NECK: (StretchId.NECK_TILT_TURN, StretchId.UPPER_BACK_SELF_MASSAGE),
}

Check = Callable[[Answers, frozenset[RedFlag]], bool]


def _care_flags(a: Answers, flags: frozenset[RedFlag]) -> bool:
    return any(f.tier in (Tier.A, Tier.B) for f in flags | a.unsure_red_flags)


def _accident_not_cleared(a: Answers, flags: frozenset[RedFlag]) -> bool:
    # 8.1: an accident (or a whiplash of unknown cause) not yet known to be checked or long ago.
    # "Recent and unchecked" is a Tier A flag, and "not sure" an unsure one: both stop stretches above.
    return accident_possible(a) and QuestionId.ACCIDENT_RECENT_UNCHECKED not in a.answered


def _first_hours_after_accident(a: Answers, flags: frozenset[RedFlag]) -> bool:
    # Section 4: not in the first hours after major trauma, even once checked; an unknown start is
    # read as today (the cautious branch).
    return a.cause is Cause.ACCIDENT and a.onset in (None, Onset.TODAY)


# Section 4: "Do not offer stretches" when any of these hold.
NO_STRETCHES_WHEN: tuple[tuple[str, Check], ...] = (
    ("any Tier A or B red flag, or unsure about one", _care_flags),
    ("an accident or whiplash not yet known to be checked or long ago (8.1)", _accident_not_cleared),
    ("the first hours after an accident", _first_hours_after_accident),
)

# Stretch-specific "skip if" rules.
SKIP_WHEN: tuple[tuple[StretchId, str, Check], ...] = (
    (StretchId.DOWNWARD_DOG, "leg pain or sciatica path (E18, C6)",
     lambda a, flags: a.location is LEG or a.condition is Condition.SCIATICA
     or RedFlag.ONE_LIMB_NERVE_SIGNS in flags),
    (StretchId.NECK_TILT_TURN, "only once the neck screen is clear",
     lambda a, flags: QuestionId.NECK_DANGER_SIGNS not in a.answered),
    (StretchId.UPPER_BACK_SELF_MASSAGE, "upper back only once it is clearly muscular (D13)",
     lambda a, flags: a.location is UPPER and QuestionId.UPPER_BACK_MUSCULAR not in a.answered),
)


def allowed_stretches(answers: Answers, flags: Iterable[RedFlag]) -> tuple[StretchId, ...]:
    flags = frozenset(flags)
    if answers.location is None or any(check(answers, flags) for _, check in NO_STRETCHES_WHEN):
        return ()
    order = ORDER_BY_LOCATION[answers.location]
    if answers.onset in (Onset.TODAY, Onset.DAYS) and answers.location in (LOWER, LEG):
        order = tuple(s for s in order if s in GENTLE)
    skipped = {sid for sid, _, check in SKIP_WHEN if check(answers, flags)}
    return tuple(s for s in order if s not in skipped)


# Routines -----------------------------------------------------------------------------------
class Side(str, Enum):
    FIRST = "FIRST"
    OTHER = "OTHER"


def routine_size(allowed: tuple[StretchId, ...]) -> int:
    """Two or three stretches, not seven (8.8): three of the short lying-down movements, else two."""
    quick = all(stretch(s).lying_down for s in allowed[:3])
    return min(len(allowed), 3 if quick else 2)


@dataclass(frozen=True)
class Routine:
    """A routine in progress: the stretches offered so far, which one, which side, and its hold.

    `hold` belongs to the current stretch: the next stretch starts at its own hold. `side` is None
    for a stretch without sides. Invalid values raise ValueError.
    """

    ids: tuple[StretchId, ...]
    index: int = 0
    side: Side | None = None
    hold: int = 0

    def __post_init__(self) -> None:
        if not self.ids or len(set(self.ids)) != len(self.ids) or not 0 <= self.index < len(self.ids):
            raise ValueError("routine position out of range")
        current = stretch(self.ids[self.index])
        if (self.side is None) == current.per_side:
            raise ValueError("side does not match the stretch")
        if not current.min_hold_seconds <= self.hold <= current.max_hold_seconds:
            raise ValueError("hold out of range")

    @property
    def current(self) -> Stretch:
        return stretch(self.ids[self.index])

    def _at(self, index: int, ids: tuple[StretchId, ...] | None = None) -> Routine:
        ids = ids or self.ids
        chosen = stretch(ids[index])
        return Routine(ids, index, Side.FIRST if chosen.per_side else None, chosen.hold_seconds)

    def after_hold(self) -> Routine | None:
        """Where "next" goes after a set: the other side, the routine's next stretch, or None when done."""
        if self.side is Side.FIRST:
            return replace(self, side=Side.OTHER)
        if self.index + 1 < len(self.ids):
            return self._at(self.index + 1)
        return None

    def another(self, allowed: Iterable[StretchId]) -> Routine | None:
        """One more stretch after the current one ("another one"): the routine's next, else the next
        allowed one not yet offered; None when there are no more."""
        if self.index + 1 < len(self.ids):
            return self._at(self.index + 1)
        fresh = [s for s in allowed if s not in self.ids]
        return self._at(len(self.ids), (*self.ids, fresh[0])) if fresh else None

    def with_hold(self, seconds: int) -> Routine:
        return replace(self, hold=hold_seconds(self.current, seconds))

    def longer(self) -> Routine:
        return replace(self, hold=longer_hold(self.current, self.hold))

    def shorter(self) -> Routine:
        return replace(self, hold=shorter_hold(self.current, self.hold))


def start_routine(allowed: Iterable[StretchId]) -> Routine | None:
    """The first two or three of the allowed stretches, at the first one's own hold."""
    stretches = tuple(dict.fromkeys(StretchId(s) for s in allowed))
    if not stretches:
        return None
    first = stretch(stretches[0])
    return Routine(
        stretches[: routine_size(stretches)], 0, Side.FIRST if first.per_side else None, first.hold_seconds
    )
