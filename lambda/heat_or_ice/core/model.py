"""Domain values of the recommendation core: what a person tells us, and what we advise.

Everything here is plain data (enums and frozen dataclasses) so that the rules can be
written as tables and tested without Alexa. Enum values equal their names: they are the
value ids of the interaction model's slot types and the strings kept in storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum


class _Named(str, Enum):
    """An enum whose value is its name, so it round-trips through JSON and slot ids."""

    def __str__(self) -> str:
        return self.value


class Location(_Named):
    LOWER_BACK = "LOWER_BACK"
    UPPER_BACK = "UPPER_BACK"
    NECK = "NECK"
    LEG = "LEG"  # pain spreading from the back into the buttock or leg (sciatica)


class OtherPlace(_Named):
    """Places the skill does not cover (8.2). Same value ids as the PainLocation slot's others."""

    KNEE = "KNEE"
    HIP = "HIP"
    SHOULDER = "SHOULDER"
    ARM = "ARM"
    ELBOW = "ELBOW"
    WRIST = "WRIST"
    HAND = "HAND"
    ANKLE = "ANKLE"
    FOOT = "FOOT"
    HEAD = "HEAD"
    STOMACH = "STOMACH"


class Onset(_Named):
    TODAY = "TODAY"
    DAYS = "DAYS"  # within about three days
    WEEKS = "WEEKS"  # up to about twelve weeks
    MONTHS = "MONTHS"  # longer than twelve weeks: chronic
    FLARE_UP = "FLARE_UP"  # a flare of a known, long-standing problem


class Cause(_Named):
    INJURY = "INJURY"  # a clear minor injury: lifting, twisting, sport
    ACCIDENT = "ACCIDENT"  # car crash, direct blow, any fall; Tier A only if recent and unchecked (8.1)
    NO_CAUSE = "NO_CAUSE"  # came on by itself


class Symptom(_Named):
    SPASM = "SPASM"
    STIFFNESS = "STIFFNESS"
    SWELLING = "SWELLING"
    BURNING = "BURNING"
    NUMBNESS = "NUMBNESS"
    WEAKNESS = "WEAKNESS"
    SHOOTING_PAIN = "SHOOTING_PAIN"
    BOTH_LEGS = "BOTH_LEGS"
    SADDLE_NUMBNESS = "SADDLE_NUMBNESS"
    BLADDER_BOWEL = "BLADDER_BOWEL"
    FEVER = "FEVER"  # also a temperature, chills, feeling generally unwell
    CHEST_PAIN = "CHEST_PAIN"
    TINGLING = "TINGLING"  # tingling, pins and needles (8.3: treated alike)
    LEG_GIVING_WAY = "LEG_GIVING_WAY"  # leg giving way, foot drop, jelly legs, can't walk properly
    SEXUAL_FUNCTION = "SEXUAL_FUNCTION"  # new erection or ejaculation trouble, numb during sex
    NECK_DANGER = "NECK_DANGER"  # limb weakness or clumsiness, fainting, double vision, speech, swallowing
    SEVERE_HEADACHE = "SEVERE_HEADACHE"
    WEIGHT_LOSS = "WEIGHT_LOSS"  # losing weight without trying
    CANCER_HISTORY = "CANCER_HISTORY"
    NIGHT_PAIN = "NIGHT_PAIN"  # wakes at night, doesn't ease with rest; NOT "hurts turning in bed" (8.4)
    COUGH_SNEEZE = "COUGH_SNEEZE"  # worse when coughing or sneezing
    LUMP = "LUMP"  # a lump on the back, or the back has changed shape
    COLD_ARM = "COLD_ARM"
    UNSTEADY = "UNSTEADY"  # band-like pain round the trunk, unsteady walking
    INFECTION_RISK = "INFECTION_RISK"  # injects drugs, weakened immune system, transplant, HIV


class Condition(_Named):
    """A diagnosis the person already has. The skill never assigns one."""

    HERNIATED_DISC = "HERNIATED_DISC"
    SCIATICA = "SCIATICA"
    ARTHRITIS = "ARTHRITIS"  # arthritis or degenerative disc disease
    WHIPLASH = "WHIPLASH"
    OSTEOPOROSIS = "OSTEOPOROSIS"  # "thin" or "brittle" bones
    LONG_TERM_STEROIDS = "LONG_TERM_STEROIDS"


class Modality(_Named):
    HEAT = "HEAT"  # dry heat: heat pack, heating pad
    ICE = "ICE"
    MOIST_HEAT = "MOIST_HEAT"  # warm damp towel, moist pack, warm shower or bath


class Outcome(_Named):
    BETTER = "BETTER"
    SAME = "SAME"
    WORSE = "WORSE"


class Action(_Named):
    ICE = "ICE"
    HEAT = "HEAT"
    MOIST_HEAT = "MOIST_HEAT"
    EITHER = "EITHER"
    ALTERNATE = "ALTERNATE"
    CLINICIAN_NOW = "CLINICIAN_NOW"  # emergency: call emergency services or go to the ER now
    CLINICIAN_TODAY = "CLINICIAN_TODAY"  # urgent: same-day doctor, urgent care, 111
    CLINICIAN_SOON = "CLINICIAN_SOON"  # book a doctor or physio within days


class Tier(_Named):
    A = "A"  # emergency
    B = "B"  # urgent, same day
    C = "C"  # routine appointment


class RedFlag(_Named):
    """Red flags of section 3 of the clinical rules; `tier` says how urgent each is."""

    # Tier A: emergency
    SADDLE_NUMBNESS = "SADDLE_NUMBNESS"
    BLADDER_BOWEL = "BLADDER_BOWEL"
    BOTH_LEGS = "BOTH_LEGS"
    PROGRESSIVE_WEAKNESS = "PROGRESSIVE_WEAKNESS"
    SEXUAL_FUNCTION = "SEXUAL_FUNCTION"
    SERIOUS_ACCIDENT = "SERIOUS_ACCIDENT"
    FRAGILE_BONE_STRAIN = "FRAGILE_BONE_STRAIN"  # minor fall or strain: osteoporosis, steroids, older age
    CHEST_PAIN = "CHEST_PAIN"
    NECK_NERVE_SIGNS = "NECK_NERVE_SIGNS"  # sudden limb weakness, face numbness, fainting, double vision...
    NECK_FEVER_HEADACHE = "NECK_FEVER_HEADACHE"  # stiff neck with fever or severe headache
    # "yes" to the combined lower-back question (saddle, bladder/bowel, both legs; 8.5) before
    # the follow-up questions have found which one; the specific answers replace it
    CAUDA_EQUINA_SIGNS = "CAUDA_EQUINA_SIGNS"
    # Tier B: urgent
    FEVER = "FEVER"
    WEIGHT_LOSS = "WEIGHT_LOSS"
    CANCER_HISTORY = "CANCER_HISTORY"
    BACK_LUMP = "BACK_LUMP"
    NIGHT_PAIN = "NIGHT_PAIN"
    COUGH_SNEEZE_PAIN = "COUGH_SNEEZE_PAIN"
    HIGH_UPPER_BACK = "HIGH_UPPER_BACK"  # between the shoulders and not clearly muscular
    NEW_PAIN_AGE = "NEW_PAIN_AGE"  # new back pain over 50 or under 20
    INFECTION_RISK = "INFECTION_RISK"
    BAND_PAIN_UNSTEADY = "BAND_PAIN_UNSTEADY"
    NECK_ARM_PINS_NEEDLES = "NECK_ARM_PINS_NEEDLES"
    # "yes" to the compound urgent screen (8.5: one short Tier B question): fever or feeling unwell,
    # weight loss without trying, a history of cancer, or pain that won't settle even lying still
    URGENT_SIGNS = "URGENT_SIGNS"
    # "yes" to the combined "about you" question (fragile bones or an urgent sign) before the
    # follow-up has found which; the specific answers replace it
    URGENT_OR_FRAGILE = "URGENT_OR_FRAGILE"
    # Tier C: see a clinician soon
    NOT_IMPROVING = "NOT_IMPROVING"
    ONE_LIMB_NERVE_SIGNS = "ONE_LIMB_NERVE_SIGNS"
    WORSE_WITH_HEAT = "WORSE_WITH_HEAT"

    @property
    def tier(self) -> Tier:
        return RED_FLAG_TIERS[self]


RED_FLAG_TIERS: dict[RedFlag, Tier] = {
    **{
        flag: Tier.A
        for flag in (
            RedFlag.SADDLE_NUMBNESS,
            RedFlag.BLADDER_BOWEL,
            RedFlag.BOTH_LEGS,
            RedFlag.PROGRESSIVE_WEAKNESS,
            RedFlag.SEXUAL_FUNCTION,
            RedFlag.SERIOUS_ACCIDENT,
            RedFlag.FRAGILE_BONE_STRAIN,
            RedFlag.CHEST_PAIN,
            RedFlag.NECK_NERVE_SIGNS,
            RedFlag.NECK_FEVER_HEADACHE,
            RedFlag.CAUDA_EQUINA_SIGNS,
            # Until the follow-up says which, the most cautious of its parts (fragile bones, D3).
            RedFlag.URGENT_OR_FRAGILE,
        )
    },
    **{
        flag: Tier.B
        for flag in (
            RedFlag.FEVER,
            RedFlag.WEIGHT_LOSS,
            RedFlag.CANCER_HISTORY,
            RedFlag.BACK_LUMP,
            RedFlag.NIGHT_PAIN,
            RedFlag.COUGH_SNEEZE_PAIN,
            RedFlag.HIGH_UPPER_BACK,
            RedFlag.NEW_PAIN_AGE,
            RedFlag.INFECTION_RISK,
            RedFlag.BAND_PAIN_UNSTEADY,
            RedFlag.NECK_ARM_PINS_NEEDLES,
            RedFlag.URGENT_SIGNS,
        )
    },
    RedFlag.NOT_IMPROVING: Tier.C,
    RedFlag.ONE_LIMB_NERVE_SIGNS: Tier.C,
    RedFlag.WORSE_WITH_HEAT: Tier.C,
}


class QuestionId(_Named):
    """Every question the dialog may ask. Slot questions fill a slot; the rest are yes/no.

    Values are stored: members are only ever added. For yes/no questions the reply that
    worries us is YES unless said otherwise (`screening.WORRYING_REPLY` is the table).
    """

    LOCATION = "LOCATION"
    ONSET = "ONSET"
    CAUSE = "CAUSE"
    PREFERENCE = "PREFERENCE"
    SADDLE_NUMBNESS = "SADDLE_NUMBNESS"
    BLADDER_BOWEL = "BLADDER_BOWEL"
    BOTH_LEGS = "BOTH_LEGS"
    CHEST_PAIN = "CHEST_PAIN"
    NECK_DANGER_SIGNS = "NECK_DANGER_SIGNS"
    UPPER_BACK_MUSCULAR = "UPPER_BACK_MUSCULAR"
    URGENT_SIGNS = "URGENT_SIGNS"
    FRAGILE_BONES = "FRAGILE_BONES"
    SWELLING = "SWELLING"
    SKIN_SAFETY = "SKIN_SAFETY"  # retired (8.6): "is the skin numb...?", YES = unsafe; see SKIN_FEELS_NORMAL
    # 8.2: the place named is not covered (or was not known); say what is covered and ask once more.
    # Fills the "location" slot like LOCATION.
    LOCATION_AGAIN = "LOCATION_AGAIN"
    # 8.5 lower back and leg: "any numbness between your legs, new trouble with your bladder or
    # bowels, or pain or weakness in both legs?" YES or still unsure -> SADDLE_NUMBNESS,
    # BLADDER_BOWEL and BOTH_LEGS follow to find which; NO answers all three.
    LOWER_TIER_A = "LOWER_TIER_A"
    # 8.1 after an accident: YES = it happened in roughly the last two weeks AND no doctor has
    # examined it since (Tier A, D3). NO = a doctor checked it, or it was longer ago.
    ACCIDENT_RECENT_UNCHECKED = "ACCIDENT_RECENT_UNCHECKED"
    # 8.1 when the start already says "in the last few days": "Has a doctor checked you since it
    # happened?" YES = checked (D6 / D9). NO = recent and unchecked: Tier A, D3. One clause, so a
    # "no" cannot mean two things.
    ACCIDENT_CHECKED = "ACCIDENT_CHECKED"
    # 8.4 "Does it ease when you lie still and rest?" YES = it eases (fine). NO = it doesn't
    # settle, wakes you or is worse at night: Tier B NIGHT_PAIN. Note the reversed polarity.
    EASES_WITH_REST = "EASES_WITH_REST"
    # 8.6 at session start: "Does the skin where the pack will go feel normal to touch?"
    # YES = normal. NO or still unsure = no pack there (D4).
    SKIN_FEELS_NORMAL = "SKIN_FEELS_NORMAL"
    # 8.1 + 8.5 in one turn, when fragile bones matter (an injury, a fall or an unknown cause): "over
    # seventy, thin bones or steroid tablets, a fever, weight loss, cancer, or pain that won't settle
    # at rest?" YES or still unsure -> FRAGILE_BONES follows to find which; NO answers both.
    URGENT_OR_FRAGILE = "URGENT_OR_FRAGILE"


class QuestionKind(_Named):
    SLOT = "SLOT"
    YES_NO = "YES_NO"


class Purpose(_Named):
    """Something physical the person asked for, which screening must clear first (8.6)."""

    SESSION = "SESSION"  # a timed heat or ice session
    STRETCH = "STRETCH"


class Reply(_Named):
    """An answer to a yes/no question."""

    YES = "YES"
    NO = "NO"
    UNSURE = "UNSURE"


@dataclass(frozen=True)
class Question:
    """The one thing the dialog should ask next.

    `slot` names the RecommendIntent slot that a SLOT question fills
    ("location", "onset", "cause", "preference"); it is None for yes/no questions.
    """

    id: QuestionId
    kind: QuestionKind
    slot: str | None = None


class Caution(_Named):
    """Safety lines the skill speaks with advice or before a session (section 2.3)."""

    BARRIER = "BARRIER"  # wrap the pack in a cloth or towel, never on bare skin
    CHECK_SKIN = "CHECK_SKIN"  # check the skin every few minutes, stop if it hurts or blisters
    NO_SLEEP_ON_HEAT = "NO_SLEEP_ON_HEAT"  # never fall asleep with heat on; pad on top, not underneath
    NOT_ON_NUMB_SKIN = "NOT_ON_NUMB_SKIN"
    STOP_IF_WORSE = "STOP_IF_WORSE"
    SHORT_TERM_RELIEF = "SHORT_TERM_RELIEF"  # heat and ice give modest, short-term relief
    RED_FLAG_WATCH = "RED_FLAG_WATCH"  # if it spreads to both legs or the saddle area, that's an emergency
    STAY_ACTIVE = "STAY_ACTIVE"
    SEE_GP_IF_CHANGED = "SEE_GP_IF_CHANGED"  # 8.1 Tier C: pain since an older accident; GP if it changes
    # D7 for an injury when swelling wasn't asked: swollen means ice, not heat
    ICE_IF_SWOLLEN = "ICE_IF_SWOLLEN"


class StretchId(_Named):
    KNEELING_HIP_FLEXOR = "KNEELING_HIP_FLEXOR"
    STANDING_QUAD = "STANDING_QUAD"
    DOWNWARD_DOG = "DOWNWARD_DOG"
    BOTTOM_TO_HEELS = "BOTTOM_TO_HEELS"
    UPPER_BACK_SELF_MASSAGE = "UPPER_BACK_SELF_MASSAGE"
    KNEES_TO_CHEST = "KNEES_TO_CHEST"
    KNEE_ROLLS = "KNEE_ROLLS"
    PELVIC_TILT = "PELVIC_TILT"
    NECK_TILT_TURN = "NECK_TILT_TURN"


@dataclass(frozen=True)
class SessionOutcome:
    """How one heat or ice session felt, as the person told us afterwards."""

    modality: Modality
    outcome: Outcome
    at: datetime
    burning: bool = False  # burning or tingling got worse with heat (D18)


@dataclass(frozen=True)
class Answers:
    """What the person has told us about this episode of pain.

    `answered` holds every question already asked and answered (including "no" and
    "I don't know"), so the dialog never asks twice. `red_flags` holds flags confirmed by
    screening questions; flags implied by symptoms, cause or condition are derived by the
    rules, not stored here. `unsure_red_flags` holds the flags of screening questions still
    answered "not sure" (8.5); a later clear answer removes them. `other_place` is a place the
    skill doesn't cover; a covered `location` always wins (8.2). `outcomes` are past sessions'
    feedback, oldest first.
    """

    location: Location | None = None
    other_place: OtherPlace | None = None  # a place the skill doesn't cover, as last said (8.2)
    onset: Onset | None = None
    cause: Cause | None = None
    symptoms: frozenset[Symptom] = frozenset()
    condition: Condition | None = None
    preference: Modality | None = None
    red_flags: frozenset[RedFlag] = frozenset()
    unsure_red_flags: frozenset[RedFlag] = frozenset()
    skin_unsafe: bool = False  # numb skin at the site, diabetes with poor feeling, poor circulation...
    accident_unchecked: bool = False  # "no" to "has a doctor checked you since it happened?" (8.1)
    answered: frozenset[QuestionId] = frozenset()
    outcomes: tuple[SessionOutcome, ...] = ()

    def with_changes(self, **changes: object) -> Answers:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Advice:
    """The recommendation for one set of answers.

    `reason` and `cautions` are keys: the skill's locale files hold the words.
    `offer` is the modality a timed session would use (None when no session may follow).
    `blocked` lists modalities that safety rules forbid for this person right now (D4, D7, D22).
    """

    action: Action
    rule: str  # decision table row, "D1".."D24"
    reason: str  # key of the spoken reason, e.g. "D17_DRY_HEAT"
    cautions: tuple[Caution, ...] = ()
    session_allowed: bool = False
    offer: Modality | None = None
    blocked: frozenset[Modality] = frozenset()
    stretches: tuple[StretchId, ...] = ()
    red_flags: frozenset[RedFlag] = frozenset()
    sources: tuple[str, ...] = ()
    also_see_clinician: bool = False  # comfort care allowed, but book a GP or physio (D5, D17, D18, D24)
    followed_preference: bool = False
    learned_from: Outcome | None = None  # set when past feedback changed the advice
    declined_preference: Modality | None = None  # the preference a safety rule would not allow (D22)
    comfort_reason: str | None = None  # with CLINICIAN_SOON: reason key of the comfort advice (D5, D24)
    unsure_red_flags: frozenset[RedFlag] = frozenset()  # screening answered "not sure"


@dataclass(frozen=True)
class SessionRecord:
    """A heat or ice session that happened (or is happening). `ends_at` is the real or planned end."""

    modality: Modality
    started_at: datetime
    ends_at: datetime


class RefusalReason(_Named):
    REST_GAP = "REST_GAP"  # less than 30 minutes since the last session ended, or one is running
    DAILY_CAP = "DAILY_CAP"
    RED_FLAG = "RED_FLAG"
    NOT_SAFE = "NOT_SAFE"  # this modality is blocked for this person (swelling and heat, numb skin)


@dataclass(frozen=True)
class SessionPlan:
    modality: Modality
    minutes: int
    starts_at: datetime
    ends_at: datetime
    next_session_at: datetime  # earliest start of any further session (end + rest gap)
    requested_minutes: int | None = None
    adjusted: bool = False  # the requested length was outside the allowed range and was changed
    sessions_left_today: int = 0


@dataclass(frozen=True)
class SessionRefusal:
    modality: Modality
    reason: RefusalReason
    available_at: datetime | None = None
    wait_minutes: int | None = None  # whole minutes, rounded up
    alternative: Modality | None = None


@dataclass(frozen=True)
class Stretch:
    """A stretch from section 4: its numbers and where it suits. Its words (name, set-up, steps,
    cautions) are in the skill's locale files, keyed by `id`.

    One set is `reps` repetitions of `moves_per_rep` holds each (knee rolls go one way, then the
    other), counted on one side at a time when `per_side`.
    """

    id: StretchId
    locations: frozenset[Location]
    hold_seconds: int = 30
    reps: int = 2
    per_side: bool = True
    sources: tuple[str, ...] = field(default=())
    min_hold_seconds: int = 15  # the user may shorten a hold to this (section 4, C13)
    max_hold_seconds: int = 60
    hold_step_seconds: int = 15  # what "longer" or "shorter" changes the hold by
    lying_down: bool = False  # done lying on the back: offered first (section 8.8)
    moves_per_rep: int = 1
