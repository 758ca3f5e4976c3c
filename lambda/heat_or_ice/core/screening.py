"""Safety screening (clinical rules section 3, 8.1, 8.4-8.6): which questions fit whom, what each
reply means, what a final "not sure" means, and what must be asked before anything physical.

Public API
- `screening_needed(answers, purpose) -> Question | None`: the next question that must be answered
  before a timed session (`Purpose.SESSION`) or a stretch (`Purpose.STRETCH`), 8.6: a covered
  location first, then the Tier A questions for the person's place, what brought it on (a recent
  unchecked accident and fragile bones are Tier A for every place), and the Tier B questions; for a
  stretch also when it started, if the injury may be fresh. None when nothing is left to ask:
  then `advise` decides whether anything physical may follow (it refuses while a Tier A or B flag,
  a "not sure" that blocks it, or an uncovered place stands).
- `pack_question(answers, modality=None) -> Question | None`: asked when a pack session is about to
  start, once per episode (8.6): SKIN_FEELS_NORMAL, then SWELLING before warmth on an injury (D7).
- `worth_asking_again(answers, purpose) -> tuple[Question, ...]`: screening questions answered "still
  not sure" whose cautious branch stops `purpose`. Ask each once more when the person asks for a
  session or stretch (8.5: a later clear answer replaces the "not sure"); if it is still not sure,
  the cautious branch stands.
- `location_question(answers) -> Question | None`: LOCATION, then LOCATION_AGAIN once after an
  uncovered place or "not sure" (8.2), then None.
- `SCREENS`: the screening questions as rows (id, flag, the worrying reply, where it applies, what
  already answers it, rule). `WORRYING_REPLY`: the reply that raises each question's flag.
- `UNSURE_MEANS`: what a final "not sure" means, question by question (the table below).
- `unsure_reasons(answers) -> frozenset[str]`: the advice reason keys the person's "not sure"
  answers lead to; the rule tables read it.
- `SLOTS`, `question(question_id) -> Question`.

Accidents (8.1). When the cause is an accident (or whiplash of unknown cause), unless the start is
MONTHS ("for years since a car accident": chronic, no question), ACCIDENT_CHECKED asks whether a
doctor has checked it. YES: not Tier A. NO with a start of TODAY or DAYS: recent and unchecked,
Tier A, D3. NO otherwise: ACCIDENT_RECENT_UNCHECKED asks whether it was in the last two weeks
(YES: Tier A, D3). When it is not Tier A the start says which advice: TODAY / DAYS (or not known) =
a fresh injury, D6 or D9 (ice first); WEEKS / FLARE_UP = an older injury, D6_LATER or D9_LATER;
MONTHS = chronic pain (D20, D10, D14 ...). Both of the last two add Caution.SEE_GP_IF_CHANGED
(Tier C). FRAGILE_BONES follows for any accident that is not already an emergency, checked or not
(a minor fall in someone over 70 counts as trauma), except long-standing pain.

"Not sure" (8.5). The skill asks once more, plainly, with an example; `apply_reply(..., UNSURE)` is
the final "still not sure". A later clear yes or no replaces it. A worrying answer is never undone
by a later "no" (safety is never traded), except that the three follow-up answers replace a "yes"
to the combined lower-back question, whose only purpose was to find which one.

| Question | Still not sure means | Advice | Stops |
|---|---|---|---|
| LOWER_TIER_A | ask SADDLE_NUMBNESS, BLADDER_BOWEL, BOTH_LEGS one by one | D1_UNSURE meanwhile | both |
| SADDLE_NUMBNESS, BLADDER_BOWEL, BOTH_LEGS | cauda equina can't wait: a doctor today | D1_UNSURE | both |
| CHEST_PAIN, NECK_DANGER_SIGNS | a doctor today | D1_UNSURE | both |
| ACCIDENT_RECENT_UNCHECKED, ACCIDENT_CHECKED | checked today before treating it at home | D3_UNSURE | both |
| FRAGILE_BONES | comfort care (a cold pack is first aid anyway), a GP soon | D3_UNSURE_BONES | stretch |
| URGENT_OR_FRAGILE | ask FRAGILE_BONES, then URGENT_SIGNS plainly | D2_UNSURE meanwhile | stretch |
| URGENT_SIGNS, EASES_WITH_REST | comfort care, mention it to a GP soon, no stretches | D2_UNSURE | stretch |
| UPPER_BACK_MUSCULAR | not clearly muscular (C7): Tier B | D2 | both |
| SWELLING | counted as swelling: cold, not heat | D7 | heat |
| SKIN_FEELS_NORMAL (and the retired SKIN_SAFETY) | no pack on that skin | D4 | session |
| CAUSE | unknown cause: gentle heat trial; fragile bones is asked | D23 | - |
| ONSET | unknown start: an injury is treated as fresh (ice first is low-risk) | D6 | - |
| LOCATION | asked once more (LOCATION_AGAIN) | - | everything |
| LOCATION_AGAIN | no covered place: no heat or ice advice | OUT_OF_SCOPE_ELSEWHERE | everything |
| PREFERENCE | no preference | - | - |
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .model import (
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    Purpose,
    Question,
    QuestionId,
    QuestionKind,
    RedFlag,
    Reply,
    Symptom,
    Tier,
)
from .red_flags import FRAGILE_BONE_CONDITIONS, neck, needs_care_today, red_flags_present

Q = QuestionId

# Slot questions: the Answers field each fills and the values it takes (LOCATION also takes an
# `OtherPlace`, kept in `Answers.other_place`).
SLOTS: dict[QuestionId, tuple[str, type[Enum]]] = {
    Q.LOCATION: ("location", Location),
    Q.LOCATION_AGAIN: ("location", Location),
    Q.ONSET: ("onset", Onset),
    Q.CAUSE: ("cause", Cause),
    Q.PREFERENCE: ("preference", Modality),
}


def question(question_id: QuestionId) -> Question:
    if question_id in SLOTS:
        return Question(question_id, QuestionKind.SLOT, slot=SLOTS[question_id][0])
    return Question(question_id, QuestionKind.YES_NO)


# Where it hurts decides the Tier A questions (8.5).
def lower(a: Answers) -> bool:
    return a.location in (Location.LOWER_BACK, Location.LEG) or a.condition is Condition.SCIATICA


def upper_back(a: Answers) -> bool:
    return a.location is Location.UPPER_BACK


LOWER_PARTS = (Q.SADDLE_NUMBNESS, Q.BLADDER_BOWEL, Q.BOTH_LEGS)
LOWER_PART_SYMPTOMS = frozenset({Symptom.SADDLE_NUMBNESS, Symptom.BLADDER_BOWEL, Symptom.BOTH_LEGS})


def _lower_part_known(a: Answers) -> bool:
    return bool(set(LOWER_PARTS) & a.answered) or bool(LOWER_PART_SYMPTOMS & a.symptoms)


def _which_one_pending(a: Answers) -> bool:
    return RedFlag.CAUDA_EQUINA_SIGNS in a.red_flags | a.unsure_red_flags


def _lower_follow_up(a: Answers) -> bool:
    # After a "yes" or "not sure" to the combined question, or when only some parts were answered.
    return lower(a) and (Q.LOWER_TIER_A in a.answered or _which_one_pending(a) or _lower_part_known(a))


def accident_possible(a: Answers) -> bool:
    """8.1: an accident (or whiplash whose cause is not known), and not known to be long ago.
    "For years since a car accident" already says long ago: no question."""
    accident = a.cause is Cause.ACCIDENT or (a.condition is Condition.WHIPLASH and a.cause is None)
    return accident and a.onset is not Onset.MONTHS


def flare_of_a_known_problem(a: Answers) -> bool:
    """8.5: "it's flared up again" already says how it started: the known problem came back.
    Anyone who mentions a fall or an injury is asked about it as usual."""
    return a.cause is None and a.onset is Onset.FLARE_UP and Q.CAUSE not in a.answered


def accident_known_recent(a: Answers) -> bool:
    """8.1: the accident is known to be in the last few days: only whether it was checked is open."""
    return accident_possible(a) and a.onset in (Onset.TODAY, Onset.DAYS)


def fragile_bones_relevant(a: Answers) -> bool:
    """8.1: ask whenever the cause is an injury, a fall or unknown; not for long-standing pain."""
    return a.cause is not Cause.NO_CAUSE and a.onset is not Onset.MONTHS and not flare_of_a_known_problem(a)


def _clearly_muscular(a: Answers) -> bool:
    # C7: exertion (lifting, twisting, sport) or a muscle in spasm is clearly muscular.
    return a.cause is Cause.INJURY or Symptom.SPASM in a.symptoms


def muscle_question_inside_tier_b(a: Answers) -> bool:
    """Upper back not known to be muscular: the Tier B question also asks about pain that doesn't
    feel like a sore muscle (C7, also Tier B), so a "no" answers both in one turn (8.5)."""
    return upper_back(a) and not _clearly_muscular(a) and Q.UPPER_BACK_MUSCULAR not in a.answered


def _everyone(a: Answers) -> bool:
    return True


def _never(a: Answers) -> bool:
    return False


@dataclass(frozen=True)
class Screen:
    """A screening question: its `worrying` reply raises `flag`, if `raises` says so for these answers.

    `applies`: whether it fits this person (place, cause). `answered_by`: volunteered symptoms that
    already answer it (they imply its flag). `known`: other facts that answer it.
    """

    id: QuestionId
    flag: RedFlag
    rule: str
    applies: Callable[[Answers], bool] = _everyone
    worrying: Reply = Reply.YES
    answered_by: frozenset[Symptom] = frozenset()
    known: Callable[[Answers], bool] = _never
    raises: Callable[[Answers], bool] = _everyone

    def already_known(self, a: Answers) -> bool:
        return self.flag in a.red_flags or bool(self.answered_by & a.symptoms) or self.known(a)

    def to_ask(self, a: Answers) -> bool:
        return self.id not in a.answered and self.applies(a) and not self.already_known(a)


# In asking order. Tier A for the place first (8.5), then the cause-dependent Tier A questions,
# then Tier B (asked of everyone once per episode).
PLACE_TIER_A: tuple[Screen, ...] = (
    Screen(Q.LOWER_TIER_A, RedFlag.CAUDA_EQUINA_SIGNS, "8.5 lower back and leg: one combined Tier A question",
           applies=lower, known=lambda a: _lower_part_known(a) or _which_one_pending(a)),
    Screen(Q.SADDLE_NUMBNESS, RedFlag.SADDLE_NUMBNESS, "8.5 follow-up: which one", applies=_lower_follow_up,
           answered_by=frozenset({Symptom.SADDLE_NUMBNESS})),
    Screen(Q.BLADDER_BOWEL, RedFlag.BLADDER_BOWEL, "8.5 follow-up: which one", applies=_lower_follow_up,
           answered_by=frozenset({Symptom.BLADDER_BOWEL})),
    # 8.3: "one leg or both?" only when that is not yet known.
    Screen(Q.BOTH_LEGS, RedFlag.BOTH_LEGS, "8.5 follow-up: which one", applies=_lower_follow_up,
           answered_by=frozenset({Symptom.BOTH_LEGS})),
    Screen(Q.NECK_DANGER_SIGNS, RedFlag.NECK_NERVE_SIGNS, "8.5 neck: Tier A neck signs (E22c, E23)",
           applies=neck, answered_by=frozenset({Symptom.NECK_DANGER})),
    Screen(Q.CHEST_PAIN, RedFlag.CHEST_PAIN, "8.5 upper back: chest pain or breathlessness",
           applies=upper_back, answered_by=frozenset({Symptom.CHEST_PAIN})),
)
URGENT_SYMPTOMS = frozenset({Symptom.FEVER, Symptom.WEIGHT_LOSS, Symptom.CANCER_HISTORY, Symptom.NIGHT_PAIN})


def _fragile_known(a: Answers) -> bool:
    return a.condition in FRAGILE_BONE_CONDITIONS


def _about_you_combined(a: Answers) -> bool:
    # Both questions still open, for someone whose bones matter: one turn instead of two.
    both_open = not {Q.FRAGILE_BONES, Q.URGENT_SIGNS} & a.answered
    return (
        fragile_bones_relevant(a) and both_open and not _fragile_known(a) and not URGENT_SYMPTOMS & a.symptoms
    )


def _which_about_you_pending(a: Answers) -> bool:
    return RedFlag.URGENT_OR_FRAGILE in a.red_flags | a.unsure_red_flags


TRAUMA_SCREENS: tuple[Screen, ...] = (
    # 8.1 asks two things, recent and unchecked; asked as one question, "no, I didn't get it looked at"
    # reads as a no to the whole. So one clause a turn: whether a doctor checked it, then, if not and
    # the start does not already say it, whether it was in the last two weeks.
    # Unchecked but maybe long ago: no flag yet; ACCIDENT_RECENT_UNCHECKED asks, and a start said
    # later that makes it recent raises it (red_flags.IMPLIED_FLAGS, from Answers.accident_unchecked).
    Screen(Q.ACCIDENT_CHECKED, RedFlag.SERIOUS_ACCIDENT, "8.1: an accident, checked by a doctor?",
           applies=accident_possible, worrying=Reply.NO, raises=accident_known_recent),
    Screen(Q.ACCIDENT_RECENT_UNCHECKED, RedFlag.SERIOUS_ACCIDENT,
           "8.1: an unchecked accident, in the last two weeks?",
           applies=lambda a: accident_possible(a) and not accident_known_recent(a)
           and Q.ACCIDENT_CHECKED in a.answered),
    Screen(Q.URGENT_OR_FRAGILE, RedFlag.URGENT_OR_FRAGILE,
           "8.1 fragile bones and the 8.5 Tier B question in one turn; a yes is followed by which one",
           applies=_about_you_combined, known=_which_about_you_pending),
    Screen(Q.FRAGILE_BONES, RedFlag.FRAGILE_BONE_STRAIN, "8.1: a fall or strain with fragile bones",
           applies=fragile_bones_relevant, known=_fragile_known),
)
TIER_B_SCREENS: tuple[Screen, ...] = (
    # 8.5: "Tier B (fever or feeling unwell, unexplained weight loss, history of cancer, pain that
    # does not settle) once per episode for everyone, as one short question". 8.4's concern, that
    # ordinary pain on moving or turning in bed is not a flag, is met by the words: "pain that won't
    # settle even when you lie still", never "worse lying down".
    Screen(Q.URGENT_SIGNS, RedFlag.URGENT_SIGNS,
           "8.5 Tier B: fever or unwell, weight loss, cancer, pain at rest",
           answered_by=URGENT_SYMPTOMS),
    # Asked on its own no longer (it is part of URGENT_SIGNS); kept so a pending one is still understood.
    Screen(Q.EASES_WITH_REST, RedFlag.NIGHT_PAIN, "8.4: pain that does not settle",
           applies=_never, worrying=Reply.NO, answered_by=frozenset({Symptom.NIGHT_PAIN})),
    Screen(Q.UPPER_BACK_MUSCULAR, RedFlag.HIGH_UPPER_BACK, "8.5 upper back: clearly muscular (C7)",
           applies=upper_back, worrying=Reply.NO, known=_clearly_muscular),
)
SCREENS: tuple[Screen, ...] = PLACE_TIER_A + TRAUMA_SCREENS + TIER_B_SCREENS
SCREEN_BY_ID: dict[QuestionId, Screen] = {screen.id: screen for screen in SCREENS}
SCREEN_BY_FLAG: dict[RedFlag, Screen] = {screen.flag: screen for screen in SCREENS}
WORRYING_REPLY: dict[QuestionId, Reply] = {
    **{screen.id: screen.worrying for screen in SCREENS},
    Q.SWELLING: Reply.YES,
    Q.SKIN_FEELS_NORMAL: Reply.NO,
    Q.SKIN_SAFETY: Reply.YES,
}

# A plain symptom said in reply to a safety question about it is a yes: "it's numb" to "any numbness
# between your legs?", "my arm's gone weak" to the neck's signs. The cautious reading: a yes only
# brings the "which one" question or the care the sign needs.
REPLY_AFFIRMS: dict[QuestionId, frozenset[Symptom]] = {
    Q.LOWER_TIER_A: frozenset({Symptom.NUMBNESS, Symptom.TINGLING, Symptom.WEAKNESS}),
    Q.SADDLE_NUMBNESS: frozenset({Symptom.NUMBNESS, Symptom.TINGLING}),
    Q.NECK_DANGER_SIGNS: frozenset({Symptom.WEAKNESS}),
}

# A start said in reply to "did it happen in the last two weeks?" answers it where it can: "yeah, it
# was Tuesday" is a yes, "years ago" a no; "weeks ago" could be either, and the question stays open.
REPLY_BY_ONSET: dict[QuestionId, dict[Onset, Reply]] = {
    Q.ACCIDENT_RECENT_UNCHECKED: {Onset.TODAY: Reply.YES, Onset.DAYS: Reply.YES, Onset.MONTHS: Reply.NO},
}

# The pending "which one" after a yes to the combined lower-back question: not a reason to stop asking.
WHICH_ONE_FLAGS = frozenset({RedFlag.CAUDA_EQUINA_SIGNS, RedFlag.URGENT_OR_FRAGILE})


@dataclass(frozen=True)
class IfUnsure:
    """A row of the "still not sure" table (8.5): the cautious branch, and what it stops."""

    question: QuestionId
    reason: str  # the advice reason key it leads to
    stops: frozenset[Purpose]
    why: str


BOTH = frozenset(Purpose)
STRETCH_ONLY = frozenset({Purpose.STRETCH})
UNSURE_MEANS: dict[QuestionId, IfUnsure] = {
    row.question: row
    for row in (
        IfUnsure(Q.LOWER_TIER_A, "D1_UNSURE", BOTH, "the three follow-up questions find out which"),
        IfUnsure(Q.SADDLE_NUMBNESS, "D1_UNSURE", BOTH, "cauda equina can't wait (E4c): a doctor today"),
        IfUnsure(Q.BLADDER_BOWEL, "D1_UNSURE", BOTH, "cauda equina can't wait (E4c): a doctor today"),
        IfUnsure(Q.BOTH_LEGS, "D1_UNSURE", BOTH, "cauda equina can't wait (E4c): a doctor today"),
        IfUnsure(Q.CHEST_PAIN, "D1_UNSURE", BOTH, "chest pain with back pain: a doctor today"),
        IfUnsure(Q.NECK_DANGER_SIGNS, "D1_UNSURE", BOTH, "neck danger signs: a doctor today"),
        IfUnsure(Q.ACCIDENT_CHECKED, "D3_UNSURE", BOTH,
                 "maybe unchecked: get checked today before treating at home"),
        IfUnsure(Q.ACCIDENT_RECENT_UNCHECKED, "D3_UNSURE", BOTH,
                 "maybe recent and unchecked: get checked today before treating at home (D3)"),
        IfUnsure(Q.FRAGILE_BONES, "D3_UNSURE_BONES", STRETCH_ONLY,
                 "a cold pack is first aid either way; movement is not, and a GP should check soon"),
        IfUnsure(Q.URGENT_SIGNS, "D2_UNSURE", STRETCH_ONLY, "comfort care and mention it to a GP soon"),
        IfUnsure(Q.URGENT_OR_FRAGILE, "D2_UNSURE", STRETCH_ONLY, "the follow-up questions find out which"),
        IfUnsure(Q.EASES_WITH_REST, "D2_UNSURE", STRETCH_ONLY, "comfort care and mention it to a GP soon"),
        IfUnsure(Q.UPPER_BACK_MUSCULAR, "D2", BOTH, "C7: not clearly muscular is Tier B"),
    )
}


def unsure_reasons(answers: Answers) -> frozenset[str]:
    """Reason keys the person's final "not sure" answers lead to. A flag marked unsure that no
    question asks about (stored by an older version) is read by its tier: A -> D1_UNSURE, B -> D2_UNSURE."""
    reasons = set()
    for flag in answers.unsure_red_flags:
        screen = SCREEN_BY_FLAG.get(flag)
        if screen is not None and screen.id in UNSURE_MEANS:
            reasons.add(UNSURE_MEANS[screen.id].reason)
        elif flag.tier is Tier.A:
            reasons.add("D1_UNSURE")
        elif flag.tier is Tier.B:
            reasons.add("D2_UNSURE")
    return frozenset(reasons)


def location_question(answers: Answers) -> Question | None:
    """8.2: never go on without a covered place. Asked at most twice; the second time (after an
    uncovered place or "not sure") the skill says what it covers."""
    if answers.location is not None:
        return None
    if answers.other_place is None and not {Q.LOCATION, Q.LOCATION_AGAIN} & answers.answered:
        return question(Q.LOCATION)
    if Q.LOCATION_AGAIN not in answers.answered:
        return question(Q.LOCATION_AGAIN)
    return None


def _cause_unknown(a: Answers) -> bool:
    return a.cause is None and Q.CAUSE not in a.answered and not flare_of_a_known_problem(a)


def _fresh_injury_possible(a: Answers) -> bool:
    return a.cause is not Cause.NO_CAUSE and a.onset is None and Q.ONSET not in a.answered


def screening_needed(answers: Answers, purpose: Purpose) -> Question | None:
    purpose = Purpose(purpose)
    if needs_care_today(red_flags_present(answers) - WHICH_ONE_FLAGS):
        return None  # the advice is care: nothing physical follows, and nothing more needs asking
    if answers.location is None:
        return location_question(answers)
    for screen in PLACE_TIER_A:
        if screen.to_ask(answers):
            return question(screen.id)
    # What brought it on decides the accident and fragile-bones questions (Tier A for every place).
    if _cause_unknown(answers):
        return question(Q.CAUSE)
    for screen in TRAUMA_SCREENS + TIER_B_SCREENS:
        if screen.to_ask(answers):
            return question(screen.id)
    # 8.6: a stretch also needs to know whether the injury is fresh.
    if purpose is Purpose.STRETCH and _fresh_injury_possible(answers):
        return question(Q.ONSET)
    return None


def _may_be_swollen(a: Answers) -> bool:
    # D7: warmth is never put on a swollen injury; without an injury swelling is asked as Tier B.
    injured = a.cause in (Cause.INJURY, Cause.ACCIDENT)
    return injured and Symptom.SWELLING not in a.symptoms and Q.SWELLING not in a.answered


def pack_question(answers: Answers, modality: Modality | None = None) -> Question | None:
    """8.6: about the skin where the pack will go, not numb skin elsewhere; asked at session
    start, not before advice. `modality` None means the pack could be warm."""
    skin_asked = {Q.SKIN_FEELS_NORMAL, Q.SKIN_SAFETY} & answers.answered
    if not skin_asked and not answers.skin_unsafe:
        return question(Q.SKIN_FEELS_NORMAL)
    if modality is not Modality.ICE and _may_be_swollen(answers):
        return question(Q.SWELLING)
    return None


def worth_asking_again(answers: Answers, purpose: Purpose) -> tuple[Question, ...]:
    purpose = Purpose(purpose)
    again = []
    for flag in sorted(answers.unsure_red_flags - answers.red_flags):
        screen = SCREEN_BY_FLAG.get(flag)
        if screen is None or screen.id not in UNSURE_MEANS or purpose not in UNSURE_MEANS[screen.id].stops:
            continue
        if screen.id is Q.LOWER_TIER_A:
            continue  # its follow-up questions are still to be asked (`screening_needed`)
        again.append(question(screen.id))
    return tuple(again)

