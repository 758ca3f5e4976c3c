"""Red flags (clinical rules section 3): the ones confirmed by screening, and the ones implied
by what the person volunteered.

Public API
- `red_flags_present(answers) -> frozenset[RedFlag]`: confirmed flags plus implied ones
  (`IMPLIED_FLAGS`, a table). Used by `advise` and `next_question`.
- `of_tier(flags, tier) -> frozenset[RedFlag]`, `needs_care_today(flags) -> bool` (any Tier A or B).
- `TRAUMA_FLAGS`: the Tier A flags that D3 (rather than D1) speaks to.
- `NERVE_SIGNS`: symptoms that mean nerve involvement in one limb (D5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .experience import HEATS, times_bad
from .model import Answers, Cause, Location, RedFlag, Symptom, Tier

TRAUMA_FLAGS = frozenset({RedFlag.SERIOUS_ACCIDENT, RedFlag.FRAGILE_BONE_STRAIN})

# D5: new numbness, tingling ("burning / tingling" is one input in 1.0), weakness or shooting pain.
NERVE_SIGNS = frozenset({Symptom.WEAKNESS, Symptom.NUMBNESS, Symptom.SHOOTING_PAIN, Symptom.BURNING})


@dataclass(frozen=True)
class Implies:
    """A row of the implied-flags table: when the answers say `when`, `flag` is present."""

    flag: RedFlag
    when: Callable[[Answers], bool]
    why: str


def _said(symptom: Symptom) -> Callable[[Answers], bool]:
    return lambda a: symptom in a.symptoms


IMPLIED_FLAGS: tuple[Implies, ...] = (
    Implies(RedFlag.SADDLE_NUMBNESS, _said(Symptom.SADDLE_NUMBNESS), "Tier A, cauda equina"),
    Implies(RedFlag.BLADDER_BOWEL, _said(Symptom.BLADDER_BOWEL), "Tier A, cauda equina"),
    Implies(RedFlag.BOTH_LEGS, _said(Symptom.BOTH_LEGS), "Tier A, cauda equina"),
    Implies(RedFlag.CHEST_PAIN, _said(Symptom.CHEST_PAIN), "Tier A, back pain with chest pain"),
    # D3: any serious accident; this also covers whiplash straight after a road accident.
    Implies(RedFlag.SERIOUS_ACCIDENT, lambda a: a.cause is Cause.ACCIDENT, "Tier A, D3"),
    # Product decision: neck pain with a fever is treated as "stiff neck with fever" (meningitis, E23).
    Implies(
        RedFlag.NECK_FEVER_HEADACHE,
        lambda a: Symptom.FEVER in a.symptoms and a.location is Location.NECK,
        "Tier A, possible meningitis",
    ),
    Implies(RedFlag.FEVER, _said(Symptom.FEVER), "Tier B"),
    # Section 3 Tier B (E10): neck pain with pins and needles ("burning / tingling" is one input).
    Implies(
        RedFlag.NECK_ARM_PINS_NEEDLES,
        lambda a: Symptom.BURNING in a.symptoms and a.location is Location.NECK,
        "Tier B, neck pain with pins and needles",
    ),
    # D7 / C15: swelling that came with no injury is a lump in the back until a doctor says otherwise.
    Implies(
        RedFlag.BACK_LUMP,
        lambda a: Symptom.SWELLING in a.symptoms and a.cause is Cause.NO_CAUSE,
        "Tier B, swelling without an injury",
    ),
    Implies(
        RedFlag.ONE_LIMB_NERVE_SIGNS,
        lambda a: bool(NERVE_SIGNS & a.symptoms) and Symptom.BOTH_LEGS not in a.symptoms,
        "Tier C, D5",
    ),
    Implies(
        RedFlag.WORSE_WITH_HEAT,
        lambda a: times_bad(a.outcomes, HEATS) >= 2,
        "Tier C, D5/D17: keeps getting worse with heat",
    ),
)


def red_flags_present(answers: Answers) -> frozenset[RedFlag]:
    implied = {row.flag for row in IMPLIED_FLAGS if row.when(answers)}
    return answers.red_flags | implied


def of_tier(flags: Iterable[RedFlag], tier: Tier) -> frozenset[RedFlag]:
    return frozenset(flag for flag in flags if flag.tier is tier)


def needs_care_today(flags: Iterable[RedFlag]) -> bool:
    """Tier A or B: the advice is care, not comfort, and no more questions are needed."""
    return any(flag.tier in (Tier.A, Tier.B) for flag in flags)
