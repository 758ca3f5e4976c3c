"""The stretch catalogue of clinical rules section 4, in our own words, and which stretches suit whom.

Public API
- `STRETCHES: dict[StretchId, Stretch]`, `stretch(stretch_id) -> Stretch` (KeyError if unknown).
- `allowed_stretches(answers, flags) -> tuple[StretchId, ...]`: the stretches that may be offered,
  best first suggestion first; empty when section 4 says no stretches at all.
- `hold_seconds(stretch_or_id, requested=None) -> int`: the requested hold kept within the stretch's range.
- `HOLD_DEFAULT_SECONDS`, `HOLD_MIN_SECONDS`, `HOLD_MAX_SECONDS`: 30 s, 15-60 s (section 4, C13).

Steps are short sentences a speaker can say (at most five, each under 25 words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Answers, Cause, Condition, Location, Onset, QuestionId, RedFlag, Stretch, StretchId, Tier

HOLD_DEFAULT_SECONDS = 30
HOLD_MIN_SECONDS = 15
HOLD_MAX_SECONDS = 60
NOT_FROM_SEEDS = "not-seed-sourced"  # marks a stretch none of the three seed articles gives

LOWER, UPPER, NECK, LEG = Location.LOWER_BACK, Location.UPPER_BACK, Location.NECK, Location.LEG

_CATALOGUE = (
    Stretch(
        id=StretchId.KNEELING_HIP_FLEXOR,
        name="kneeling hip flexor stretch",
        steps=(
            "Kneel on one knee, with a cushion or folded towel under it.",
            "Put your other foot flat on the floor in front, with that knee bent at a right angle.",
            "Keep your upper body tall and gently tuck your tailbone under.",
            "Ease your hips a little forward until you feel a stretch at the front of the kneeling hip.",
            "Don't lunge deep or arch your lower back.",
        ),
        locations=frozenset({LOWER, LEG}),
        caution=(
            "If kneeling hurts your knee, use a thick pad or skip it. "
            "Stop if it brings on leg pain or tingling."
        ),
        sources=("S0-15", "S0-16", "S0-17", "E15", "E32", "E14", "E13"),
    ),
    Stretch(
        id=StretchId.STANDING_QUAD,
        name="standing thigh stretch",
        steps=(
            "Stand beside a wall or a sturdy chair and hold on to it.",
            "Bend one knee and bring your heel towards your bottom.",
            "Hold your ankle, or a towel looped round it.",
            "Keep your knees side by side and your body upright. Don't lean forward or arch your back.",
        ),
        locations=frozenset({LOWER}),
        caution=(
            "Always hold on for balance. Keep it gentle on sore knees. "
            "Skip it if bending back hurts your lower back."
        ),
        sources=("S0-17", "E15", "E14"),
    ),
    Stretch(
        id=StretchId.DOWNWARD_DOG,
        name="gentle downward dog",
        steps=(
            "Start on your hands and knees.",
            "Tuck your toes under and lift your hips up and back, into an upside-down V.",
            "Bend your knees as much as you need, so your back stays long, not rounded.",
            "Your heels don't need to touch the floor.",
            "To come out, lower your knees gently to the floor.",
        ),
        locations=frozenset({LOWER}),
        per_side=False,
        caution=(
            "Skip it if you have glaucoma, high blood pressure, a wrist or shoulder injury, late pregnancy, "
            "dizziness, or pain going down your leg."
        ),
        sources=("S0-18", "E17", "E18", "E31", "E16"),
    ),
    Stretch(
        id=StretchId.BOTTOM_TO_HEELS,
        name="bottom to heels stretch",
        steps=(
            "Start on your hands and knees, hands under your shoulders and knees under your hips.",
            "Slowly move your bottom back towards your heels, only as far as is comfortable.",
            "Hold for one deep breath, then come back to the start.",
        ),
        locations=frozenset({LOWER, LEG}),
        hold_seconds=5,
        reps=8,
        per_side=False,
        caution="If your knees are sore, don't go all the way back onto your heels.",
        sources=("E16", NOT_FROM_SEEDS),
        min_hold_seconds=3,
        max_hold_seconds=10,
    ),
    Stretch(
        id=StretchId.UPPER_BACK_SELF_MASSAGE,
        name="upper back self-massage",
        steps=(
            "Hook a massage cane over a sore muscle near your shoulder blades, or lean on a ball on a wall.",
            "Press in gently and hold steady pressure while you breathe slowly.",
            "Release, then move to a spot nearby.",
            "Work the muscles beside your spine, never on the bony spine itself.",
            "Use lighter pressure near your neck, and stop after about five minutes.",
        ),
        locations=frozenset({UPPER, NECK}),
        hold_seconds=15,
        reps=3,
        caution=(
            "Stop if you feel sharp pain, numbness or tingling. Avoid bruises and broken skin, "
            "and skip it if you take blood thinners or bruise easily."
        ),
        sources=("S0-23", "E27", "E30"),
        min_hold_seconds=10,
        max_hold_seconds=20,
    ),
    Stretch(
        id=StretchId.KNEES_TO_CHEST,
        name="knee to chest stretch",
        steps=(
            "Lie on your back with your knees bent and your feet flat.",
            "Hold one knee and gently pull it towards your chest.",
            "Hold, then lower it slowly and do the other side.",
        ),
        locations=frozenset({LOWER, LEG}),
        hold_seconds=10,
        reps=5,
        caution="Stop if it makes your symptoms worse.",
        sources=("E15", "E16", NOT_FROM_SEEDS),
        min_hold_seconds=5,
        max_hold_seconds=10,
    ),
    Stretch(
        id=StretchId.KNEE_ROLLS,
        name="knee rolls",
        steps=(
            "Lie on your back with your knees bent and together, and your feet flat.",
            "Keep your shoulders on the floor and slowly roll both knees to one side.",
            "Pause, then roll them back through the middle and over to the other side.",
        ),
        locations=frozenset({LOWER, LEG}),
        hold_seconds=5,
        reps=5,
        caution="Stop if it makes your symptoms worse.",
        sources=("E15", "E16", NOT_FROM_SEEDS),
        min_hold_seconds=5,
        max_hold_seconds=10,
    ),
    Stretch(
        id=StretchId.PELVIC_TILT,
        name="pelvic tilt",
        steps=(
            "Lie on your back with your knees bent and your feet flat.",
            "Tighten your stomach muscles and gently flatten your lower back into the floor.",
            "Hold, breathing normally, then relax.",
        ),
        locations=frozenset({LOWER, LEG}),
        hold_seconds=5,
        reps=5,
        per_side=False,
        caution="Stop if it makes your symptoms worse.",
        sources=("E15", "E16", NOT_FROM_SEEDS),
        min_hold_seconds=5,
        max_hold_seconds=10,
    ),
    Stretch(
        id=StretchId.NECK_TILT_TURN,
        name="gentle neck tilts and turns",
        steps=(
            "Sit or stand tall with your shoulders relaxed.",
            "Slowly tilt your head to bring one ear towards your shoulder, then come back to the middle.",
            "Slowly turn your head to look over one shoulder, then come back to the middle.",
            "Move only as far as is comfortable.",
        ),
        locations=frozenset({NECK}),
        hold_seconds=5,
        reps=5,
        caution="Stop if it brings on pins and needles, dizziness or pain down your arm.",
        sources=("E10", "E29", NOT_FROM_SEEDS),
        min_hold_seconds=5,
        max_hold_seconds=15,
    ),
)

STRETCHES: dict[StretchId, Stretch] = {s.id: s for s in _CATALOGUE}


def stretch(stretch_id: StretchId) -> Stretch:
    return STRETCHES[StretchId(stretch_id)]


def hold_seconds(which: Stretch | StretchId, requested: int | None = None) -> int:
    chosen = which if isinstance(which, Stretch) else stretch(which)
    if requested is None:
        return chosen.hold_seconds
    return min(max(requested, chosen.min_hold_seconds), chosen.max_hold_seconds)


# Best first suggestion first. Early on (first few days) only the gentle lying-down movements,
# which NHS and CSP offer "including early on" (product decision).
GENTLE = (StretchId.KNEE_ROLLS, StretchId.KNEES_TO_CHEST, StretchId.PELVIC_TILT)
ORDER_BY_LOCATION: dict[Location, tuple[StretchId, ...]] = {
    LOWER: (
        StretchId.KNEELING_HIP_FLEXOR,
        StretchId.STANDING_QUAD,
        StretchId.DOWNWARD_DOG,
        StretchId.BOTTOM_TO_HEELS,
        *GENTLE,
    ),
    LEG: (*GENTLE, StretchId.BOTTOM_TO_HEELS, StretchId.KNEELING_HIP_FLEXOR),
    UPPER: (StretchId.UPPER_BACK_SELF_MASSAGE,),
    NECK: (StretchId.NECK_TILT_TURN, StretchId.UPPER_BACK_SELF_MASSAGE),
}

Check = Callable[[Answers, frozenset[RedFlag]], bool]


def _care_flags(a: Answers, flags: frozenset[RedFlag]) -> bool:
    return any(f.tier in (Tier.A, Tier.B) for f in flags | a.unsure_red_flags)


def _unchecked_whiplash(a: Answers, flags: frozenset[RedFlag]) -> bool:
    # A known whiplash counts as checked unless we don't yet know it wasn't a serious accident.
    return a.condition is Condition.WHIPLASH and a.cause not in (Cause.INJURY, Cause.NO_CAUSE)


# Section 4: "Do not offer stretches" when any of these hold.
NO_STRETCHES_WHEN: tuple[tuple[str, Check], ...] = (
    ("any Tier A or B red flag, or unsure about one", _care_flags),
    ("after major trauma", lambda a, flags: a.cause is Cause.ACCIDENT),
    ("whiplash not yet checked", _unchecked_whiplash),
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
