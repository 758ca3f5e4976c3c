"""One person's answers, read the way the decision table (clinical rules 1.2) reads them.

Public API
- `Facts(answers)`: named facts (`swelling`, `fresh_injury`, `dry_heat_worse`, ...) that the rule
  rows in `rules.py` test, plus `flags` (red flags present) and `blocked` (modalities forbidden).
- `BLOCKS`: the table of what forbids which modality (D4, D7, D17, D18), with the reason key
  used when a preference has to be declined (D22).
- `SAFE_ORDER`: the order in which a safe alternative is picked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from . import experience as past
from .experience import ALL_MODALITIES, HEATS
from .model import Answers, Cause, Condition, Location, Modality, Onset, QuestionId, RedFlag, Symptom, Tier
from .red_flags import TRAUMA_FLAGS, of_tier, red_flags_present
from .screening import unsure_reasons

# Within about three days: the 72-hour ice-first window (section 2.4).
RECENT = frozenset({Onset.TODAY, Onset.DAYS})

# Cold first, then the gentler warmth: the order a safe alternative is offered in.
SAFE_ORDER = (Modality.ICE, Modality.MOIST_HEAT, Modality.HEAT)


class Facts:
    """Read-only view of `Answers` in the table's words. Every property is a plain fact."""

    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.flags = red_flags_present(answers)
        self.location = answers.location
        self.onset = answers.onset
        self.cause = answers.cause
        self.condition = answers.condition
        self.preference = answers.preference
        self.skin_unsafe = answers.skin_unsafe
        self.unsure = unsure_reasons(answers)  # reason keys of "still not sure" answers (screening.py)

    def has(self, symptom: Symptom) -> bool:
        return symptom in self.answers.symptoms

    # Red flags (section 3)
    @property
    def trauma(self) -> bool:
        return bool(self.flags & TRAUMA_FLAGS)

    @property
    def serious_accident(self) -> bool:
        return RedFlag.SERIOUS_ACCIDENT in self.flags

    @property
    def emergency_not_trauma(self) -> bool:
        return bool(of_tier(self.flags, Tier.A) - TRAUMA_FLAGS)

    @property
    def urgent(self) -> bool:
        return bool(of_tier(self.flags, Tier.B))

    @property
    def nerve_signs(self) -> bool:
        return RedFlag.ONE_LIMB_NERVE_SIGNS in self.flags

    @property
    def keeps_getting_worse(self) -> bool:
        # D24: worse twice or more this episode (which includes worse after both heat and ice).
        return past.times_bad(self.answers.outcomes) >= 2 or RedFlag.NOT_IMPROVING in self.flags

    # What the person feels now
    @property
    def swelling(self) -> bool:
        return self.has(Symptom.SWELLING)

    @property
    def spasm(self) -> bool:
        return self.has(Symptom.SPASM)

    @property
    def stiffness(self) -> bool:
        return self.has(Symptom.STIFFNESS)

    # What past sessions taught us (D17, D18, D19)
    @property
    def burned_by_heat(self) -> bool:
        return any(past.burned_by(self.answers.outcomes, m) for m in HEATS)

    @property
    def dry_heat_worse(self) -> bool:
        return past.times_worse(self.answers.outcomes, Modality.HEAT) >= 1

    @property
    def any_heat_worse(self) -> bool:
        # D17: moist heat made it worse too, or dry heat "keeps" making it worse.
        outcomes = self.answers.outcomes
        moist_worse = past.times_worse(outcomes, Modality.MOIST_HEAT)
        return moist_worse >= 1 or past.times_worse(outcomes, Modality.HEAT) >= 2

    @property
    def ice_worse(self) -> bool:
        return past.times_bad(self.answers.outcomes, frozenset({Modality.ICE})) >= 1

    @property
    def both_helped(self) -> bool:
        helped = past.helped(self.answers.outcomes)
        return Modality.ICE in helped and bool(helped & HEATS)

    @property
    def last_helped(self) -> Modality | None:
        return past.last_helped(self.answers.outcomes)

    # When and how it started
    @property
    def recent_or_unknown(self) -> bool:
        # Product decision: an injury of unknown date is treated as fresh (ice first is low-risk).
        return self.onset in RECENT or self.onset is None

    @property
    def injured(self) -> bool:
        # 8.1: an accident that reaches the comfort rules was checked by a clinician or was long ago.
        return self.cause in (Cause.INJURY, Cause.ACCIDENT)

    @property
    def fresh_injury(self) -> bool:
        return self.injured and self.recent_or_unknown

    @property
    def older_injury(self) -> bool:
        # 8.1: pain that has lasted months since an accident is chronic pain (D20/D10), not an injury.
        if self.cause is Cause.ACCIDENT and self.onset is Onset.MONTHS:
            return False
        return self.injured and not self.recent_or_unknown

    @property
    def older_accident(self) -> bool:
        # 8.1 Tier C: if pain since an accident long ago has changed or is getting worse, see a GP.
        return self.cause is Cause.ACCIDENT and not self.recent_or_unknown

    @property
    def disc(self) -> bool:
        return self.condition is Condition.HERNIATED_DISC

    @property
    def fresh_disc(self) -> bool:
        return self.disc and (self.recent_or_unknown or self.onset is Onset.FLARE_UP)

    @property
    def whiplash(self) -> bool:
        return self.condition is Condition.WHIPLASH

    @property
    def fresh_whiplash(self) -> bool:
        return self.whiplash and self.recent_or_unknown

    @property
    def ice_first(self) -> bool:
        return self.fresh_injury or self.fresh_disc or self.fresh_whiplash

    @property
    def arthritis(self) -> bool:
        return self.condition is Condition.ARTHRITIS

    @property
    def chronic_low_back(self) -> bool:
        return self.location is Location.LOWER_BACK and self.onset is Onset.MONTHS

    @property
    def cause_unknown(self) -> bool:
        # D23; a flare-up of a known problem already tells us it came on by itself.
        return self.cause is None and self.onset is not Onset.FLARE_UP

    # Where it hurts
    @property
    def no_covered_place(self) -> bool:
        return self.location is None

    @property
    def place_asked_again(self) -> bool:
        # 8.2: the location was asked once more, and there is still no covered place.
        return self.location is None and QuestionId.LOCATION_AGAIN in self.answers.answered

    @property
    def upper_back(self) -> bool:
        return self.location is Location.UPPER_BACK

    @property
    def neck(self) -> bool:
        return self.location is Location.NECK

    @property
    def leg(self) -> bool:
        return self.location is Location.LEG or self.condition is Condition.SCIATICA

    @property
    def lower_back_by_itself(self) -> bool:
        return self.location is Location.LOWER_BACK and (
            self.cause is Cause.NO_CAUSE or self.onset is Onset.FLARE_UP
        )

    @cached_property
    def blocked(self) -> frozenset[Modality]:
        return frozenset(m for block in BLOCKS if block.when(self) for m in block.modalities)

    def blocked_because(self, modality: Modality) -> str | None:
        """The D22 reason key for declining `modality`, or None when nothing blocks it."""
        for block in BLOCKS:
            if modality in block.modalities and block.when(self):
                return block.declined_reason
        return None


@dataclass(frozen=True)
class Block:
    """A row of the safety table: when `when` holds, `modalities` may not be used."""

    rule: str
    modalities: frozenset[Modality]
    when: Callable[[Facts], bool]
    declined_reason: str


BLOCKS: tuple[Block, ...] = (
    Block("D4", ALL_MODALITIES, lambda f: f.skin_unsafe, "D4"),
    Block("D7", HEATS, lambda f: f.swelling, "D22_SWELLING"),
    Block("D18", frozenset({Modality.HEAT}), lambda f: f.burned_by_heat, "D22_MADE_WORSE"),
    Block("D18", HEATS, lambda f: past.burned_by(f.answers.outcomes, Modality.MOIST_HEAT), "D22_MADE_WORSE"),
    Block("D17", frozenset({Modality.HEAT}), lambda f: f.dry_heat_worse, "D22_MADE_WORSE"),
    Block("D17", HEATS, lambda f: f.any_heat_worse, "D22_MADE_WORSE"),
    # Product decision: ice that made it worse is not offered again either (S0-06 the other way round).
    Block("D17", frozenset({Modality.ICE}), lambda f: f.ice_worse, "D22_MADE_WORSE"),
)
