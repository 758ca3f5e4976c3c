"""Red flags (clinical rules section 3, clarified by 8.1, 8.3 and 8.4): the ones confirmed by
screening, and the ones implied by what the person volunteered.

Public API
- `red_flags_present(answers) -> frozenset[RedFlag]`: confirmed flags plus implied ones
  (`IMPLIED_FLAGS`, a table). Used by `advise`, `next_question` and `screening_needed`.
- `of_tier(flags, tier) -> frozenset[RedFlag]`, `needs_care_today(flags) -> bool` (any Tier A or B).
- `TRAUMA_FLAGS`: the Tier A flags that D3 (rather than D1) speaks to.
- `NERVE_SIGNS`: symptoms that mean nerve involvement in a limb (D5, 8.3). Burning is not one:
  it describes pain; burning that grows with heat is D18 (see `experience.report_outcome`).
- `FRAGILE_BONE_CONDITIONS`, `injury_possible(answers)`: when a minor fall or strain counts as
  trauma (8.1, section 3 Tier A).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .experience import HEATS, times_bad
from .model import Answers, Cause, Condition, Location, Onset, QuestionId, RedFlag, Symptom, Tier

TRAUMA_FLAGS = frozenset({RedFlag.SERIOUS_ACCIDENT, RedFlag.FRAGILE_BONE_STRAIN})

# D5 / 8.3: numbness, tingling or pins and needles, weakness, or shooting pain down a limb.
NERVE_SIGNS = frozenset({Symptom.WEAKNESS, Symptom.NUMBNESS, Symptom.TINGLING, Symptom.SHOOTING_PAIN})

# 8.1 / section 3 row 8: a minor fall or strain is trauma with osteoporosis or long-term steroids.
FRAGILE_BONE_CONDITIONS = frozenset({Condition.OSTEOPOROSIS, Condition.LONG_TERM_STEROIDS})


@dataclass(frozen=True)
class Implies:
    """A row of the implied-flags table: when the answers say `when`, `flag` is present."""

    flag: RedFlag
    when: Callable[[Answers], bool]
    why: str


def _said(*symptoms: Symptom) -> Callable[[Answers], bool]:
    wanted = frozenset(symptoms)
    return lambda a: bool(wanted & a.symptoms)


def neck(a: Answers) -> bool:
    return a.location is Location.NECK or a.condition is Condition.WHIPLASH


def neck_injury(a: Answers) -> bool:
    """Whiplash, or neck pain that began with an injury or accident (8.3)."""
    return a.condition is Condition.WHIPLASH or (
        a.location is Location.NECK and a.cause in (Cause.INJURY, Cause.ACCIDENT)
    )


def injury_possible(a: Answers) -> bool:
    """8.1: a fall, a strain, or a cause asked about and still unknown; and not long-standing
    pain (a fall years ago is chronic pain, not a possible fresh fracture: product decision)."""
    if a.onset is Onset.MONTHS:
        return False
    return a.cause in (Cause.INJURY, Cause.ACCIDENT) or (a.cause is None and QuestionId.CAUSE in a.answered)


IMPLIED_FLAGS: tuple[Implies, ...] = (
    # Tier A
    Implies(RedFlag.SADDLE_NUMBNESS, _said(Symptom.SADDLE_NUMBNESS), "Tier A, cauda equina"),
    Implies(RedFlag.BLADDER_BOWEL, _said(Symptom.BLADDER_BOWEL), "Tier A, cauda equina"),
    Implies(RedFlag.BOTH_LEGS, _said(Symptom.BOTH_LEGS), "Tier A, cauda equina"),
    Implies(RedFlag.PROGRESSIVE_WEAKNESS, _said(Symptom.LEG_GIVING_WAY), "Tier A, progressive leg weakness"),
    Implies(RedFlag.SEXUAL_FUNCTION, _said(Symptom.SEXUAL_FUNCTION), "Tier A, cauda equina"),
    Implies(RedFlag.CHEST_PAIN, _said(Symptom.CHEST_PAIN), "Tier A, back pain with chest pain"),
    # 8.1: nobody has checked the accident, and the start says it was in the last few days, whenever
    # that became known ("no, never got it looked at" ... "yeah, it was Tuesday").
    Implies(RedFlag.SERIOUS_ACCIDENT,
            lambda a: a.accident_unchecked and a.onset in (Onset.TODAY, Onset.DAYS),
            "Tier A, a recent accident nobody has checked"),
    # Product decision: fainting, double vision or trouble speaking are an emergency with any pain.
    Implies(RedFlag.NECK_NERVE_SIGNS, _said(Symptom.NECK_DANGER), "Tier A, neck danger signs (E22c)"),
    # 8.3: new numbness or persistent pins and needles after whiplash or another neck injury.
    Implies(
        RedFlag.NECK_NERVE_SIGNS,
        lambda a: neck_injury(a) and bool({Symptom.NUMBNESS, Symptom.TINGLING} & a.symptoms),
        "Tier A, 8.3: numbness or pins and needles after a neck injury (E22c)",
    ),
    # Section 3: stiff neck with fever and/or severe headache (E23). Any neck pain counts (product decision).
    Implies(
        RedFlag.NECK_FEVER_HEADACHE,
        lambda a: a.location is Location.NECK and bool({Symptom.FEVER, Symptom.SEVERE_HEADACHE} & a.symptoms),
        "Tier A, possible meningitis",
    ),
    Implies(
        RedFlag.FRAGILE_BONE_STRAIN,
        lambda a: a.condition in FRAGILE_BONE_CONDITIONS and injury_possible(a),
        "Tier A, 8.1: a fall or strain with osteoporosis or long-term steroids",
    ),
    # Tier B
    Implies(RedFlag.FEVER, _said(Symptom.FEVER), "Tier B"),
    Implies(RedFlag.WEIGHT_LOSS, _said(Symptom.WEIGHT_LOSS), "Tier B"),
    Implies(RedFlag.CANCER_HISTORY, _said(Symptom.CANCER_HISTORY), "Tier B"),
    Implies(RedFlag.NIGHT_PAIN, _said(Symptom.NIGHT_PAIN), "Tier B, 8.4: pain that does not settle"),
    Implies(RedFlag.COUGH_SNEEZE_PAIN, _said(Symptom.COUGH_SNEEZE), "Tier B"),
    Implies(RedFlag.BACK_LUMP, _said(Symptom.LUMP), "Tier B, a lump or change of shape"),
    Implies(RedFlag.BAND_PAIN_UNSTEADY, _said(Symptom.UNSTEADY), "Tier B"),
    Implies(RedFlag.INFECTION_RISK, _said(Symptom.INFECTION_RISK), "Tier B, spinal infection risk"),
    # D2 lists long-term steroids with immune suppression (section 3 Tier B, E11).
    Implies(
        RedFlag.INFECTION_RISK,
        lambda a: a.condition is Condition.LONG_TERM_STEROIDS,
        "Tier B, D2: long-term steroids",
    ),
    # 8.3 / section 3 Tier B (E10): neck pain with pins and needles in an arm, or a cold arm.
    Implies(
        RedFlag.NECK_ARM_PINS_NEEDLES,
        lambda a: a.location is Location.NECK and bool({Symptom.TINGLING, Symptom.COLD_ARM} & a.symptoms),
        "Tier B, neck pain with pins and needles or a cold arm",
    ),
    # D7 / C15: swelling that came with no injury is a lump in the back until a doctor says otherwise.
    Implies(
        RedFlag.BACK_LUMP,
        lambda a: Symptom.SWELLING in a.symptoms and a.cause is Cause.NO_CAUSE,
        "Tier B, swelling without an injury",
    ),
    # C7: upper-back pain is Tier B unless clearly muscular; "still not sure" is not clearly muscular.
    Implies(
        RedFlag.HIGH_UPPER_BACK,
        lambda a: RedFlag.HIGH_UPPER_BACK in a.unsure_red_flags,
        "Tier B, C7: not sure it is muscular",
    ),
    # Tier C
    Implies(
        RedFlag.ONE_LIMB_NERVE_SIGNS,
        lambda a: bool(NERVE_SIGNS & a.symptoms) and Symptom.BOTH_LEGS not in a.symptoms,
        "Tier C, D5 / 8.3",
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
