"""The dialog policy: which ONE question to ask next, and how a reply changes the answers.

Public API
- `next_question(answers) -> Question | None`: the first row of `QUESTION_POLICY` that is not yet
  answered, whose fact is not already known, whose `when` holds, and (unless the row says it is
  always worth asking) some reply to which would change the advice. None once any Tier A or B red
  flag is present (the advice is care) or when nothing left could change the advice.
- `apply_reply(answers, question_id, reply) -> Answers`: records the reply and marks the question
  answered. Slot questions take the slot's value (a `Location`, `Onset`, `Cause` or `Modality`)
  or `Reply.UNSURE` / `Reply.NO` for "I don't know" / "no preference"; yes/no questions take a `Reply`.

Policy order: location; the Tier A screen (saddle, bladder/bowel, both legs, neck danger signs,
chest pain); cause then onset (cause first: "an accident" is itself a Tier A answer, and it decides
whether onset matters); fragile bones (after an injury); the Tier B screen (urgent signs, upper back
not clearly muscular); swelling (after an injury, when it could change the advice); the skin
screen (once a pack would be offered); preference (only when the advice would otherwise be EITHER).

Product decisions on "not sure"
- Tier A screening question: recorded in `unsure_red_flags`; `advise` says see a doctor today (D1_UNSURE).
- URGENT_SIGNS: recorded in `unsure_red_flags`; comfort care plus "mention it to a GP" (D2_UNSURE).
- UPPER_BACK_MUSCULAR: not sure means not clearly muscular, so HIGH_UPPER_BACK (section 3, C7).
- SKIN_SAFETY: not sure is treated as unsafe (D4): a pack can burn skin that can't feel it.
- SWELLING: left unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .advice import advise
from .model import (
    Advice,
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    Question,
    QuestionId,
    QuestionKind,
    RedFlag,
    Reply,
    Symptom,
)
from .red_flags import NERVE_SIGNS, needs_care_today, red_flags_present

Q = QuestionId

# Slot questions: the Answers field each fills and the values it takes.
SLOTS: dict[QuestionId, tuple[str, type[Enum]]] = {
    Q.LOCATION: ("location", Location),
    Q.ONSET: ("onset", Onset),
    Q.CAUSE: ("cause", Cause),
    Q.PREFERENCE: ("preference", Modality),
}

# Yes/no screening questions whose "yes" is a red flag.
SCREENING_FLAGS: dict[QuestionId, RedFlag] = {
    Q.SADDLE_NUMBNESS: RedFlag.SADDLE_NUMBNESS,
    Q.BLADDER_BOWEL: RedFlag.BLADDER_BOWEL,
    Q.BOTH_LEGS: RedFlag.BOTH_LEGS,
    Q.CHEST_PAIN: RedFlag.CHEST_PAIN,
    Q.NECK_DANGER_SIGNS: RedFlag.NECK_NERVE_SIGNS,  # one question for both Tier A neck rows
    Q.FRAGILE_BONES: RedFlag.FRAGILE_BONE_STRAIN,
    Q.URGENT_SIGNS: RedFlag.URGENT_SIGNS,
}


def question(question_id: QuestionId) -> Question:
    if question_id in SLOTS:
        return Question(question_id, QuestionKind.SLOT, slot=SLOTS[question_id][0])
    return Question(question_id, QuestionKind.YES_NO)


@dataclass(frozen=True)
class Ask:
    """A row of the question policy."""

    id: QuestionId
    why: str
    when: Callable[[Answers, Advice], bool] = lambda a, advice: True
    known: Callable[[Answers], bool] = lambda a: False
    always_worth_asking: bool = False  # else: only if some reply would change the advice


def _said(symptom: Symptom) -> Callable[[Answers], bool]:
    return lambda a: symptom in a.symptoms


def _leg_involved(a: Answers, advice: Advice) -> bool:
    return (
        a.location is Location.LEG
        or a.condition is Condition.SCIATICA
        or (a.location in (Location.LOWER_BACK, None) and bool(NERVE_SIGNS & a.symptoms))
    )


def _neck(a: Answers, advice: Advice) -> bool:
    return a.location is Location.NECK or a.condition is Condition.WHIPLASH


def _upper_back(a: Answers, advice: Advice) -> bool:
    return a.location is Location.UPPER_BACK


def _injury(a: Answers, advice: Advice) -> bool:
    return a.cause is Cause.INJURY


QUESTION_POLICY: tuple[Ask, ...] = (
    Ask(Q.LOCATION, "every other question and rule hangs on where it hurts",
        known=lambda a: a.location is not None, always_worth_asking=True),
    # Tier A screen: asked directly, people rarely volunteer these (section 3, E4c).
    Ask(Q.SADDLE_NUMBNESS, "cauda equina, Tier A", known=_said(Symptom.SADDLE_NUMBNESS)),
    Ask(Q.BLADDER_BOWEL, "cauda equina, Tier A", known=_said(Symptom.BLADDER_BOWEL)),
    Ask(Q.BOTH_LEGS, "both legs is Tier A", when=_leg_involved, known=_said(Symptom.BOTH_LEGS)),
    Ask(Q.NECK_DANGER_SIGNS, "neck Tier A signs (E22c, E23)", when=_neck),
    Ask(Q.CHEST_PAIN, "back pain with chest pain, Tier A", when=_upper_back, known=_said(Symptom.CHEST_PAIN)),
    # Facts that change the advice.
    Ask(Q.CAUSE, "accident (D3), injury (D6) or came on by itself (D10)",
        known=lambda a: a.cause is not None),
    Ask(Q.ONSET, "fresh (D6, D8, D9) or chronic (D20)", known=lambda a: a.onset is not None),
    Ask(Q.FRAGILE_BONES, "a minor strain with fragile bones is Tier A (D3)", when=_injury),
    # Tier B screen.
    Ask(Q.URGENT_SIGNS, "fever, weight loss, cancer, night pain: Tier B (D2)"),
    Ask(Q.UPPER_BACK_MUSCULAR, "upper back that isn't clearly muscular is Tier B (C7)", when=_upper_back,
        known=lambda a: RedFlag.HIGH_UPPER_BACK in a.red_flags),
    Ask(Q.SWELLING, "swelling rules out heat (D7)", when=_injury, known=_said(Symptom.SWELLING)),
    Ask(Q.SKIN_SAFETY, "no pack on skin that can't feel it (D4)",
        when=lambda a, advice: advice.session_allowed, known=lambda a: a.skin_unsafe),
    Ask(Q.PREFERENCE, "preference decides only when nothing else does (D21)",
        when=lambda a, advice: advice.session_allowed and advice.offer is None,
        known=lambda a: a.preference is not None),
)


def next_question(answers: Answers) -> Question | None:
    if needs_care_today(red_flags_present(answers)):
        return None
    current = advise(answers)
    for ask in QUESTION_POLICY:
        if ask.id in answers.answered or ask.known(answers) or not ask.when(answers, current):
            continue
        if ask.always_worth_asking or _could_change(answers, ask.id, current):
            return question(ask.id)
    return None


def _gist(advice: Advice) -> tuple[object, ...]:
    return advice.action, advice.offer, advice.session_allowed, advice.blocked


def _possible_replies(question_id: QuestionId) -> tuple[Enum, ...]:
    values: tuple[Enum, ...] = tuple(SLOTS[question_id][1]) if question_id in SLOTS else (Reply.YES, Reply.NO)
    return (*values, Reply.UNSURE)


def _could_change(answers: Answers, question_id: QuestionId, current: Advice) -> bool:
    now = _gist(current)
    replies = _possible_replies(question_id)
    return any(_gist(advise(apply_reply(answers, question_id, r))) != now for r in replies)


def apply_reply(answers: Answers, question_id: QuestionId, reply: Enum) -> Answers:
    question_id = QuestionId(question_id)
    answered = answers.with_changes(answered=answers.answered | {question_id})
    if question_id in SLOTS:
        field, kind = SLOTS[question_id]
        if isinstance(reply, kind):
            return answered.with_changes(**{field: reply})
        if isinstance(reply, Reply):
            return answered  # "I don't know" or "no preference": the fact stays unknown (D23)
        raise TypeError(f"{question_id} takes a {kind.__name__} or a Reply, not {reply!r}")
    if not isinstance(reply, Reply):
        raise TypeError(f"{question_id} is a yes/no question; got {reply!r}")
    return _YES_NO_EFFECTS.get(question_id, _screening)(answered, question_id, reply)


def _screening(a: Answers, question_id: QuestionId, reply: Reply) -> Answers:
    flag = SCREENING_FLAGS[question_id]
    if reply is Reply.YES:
        return a.with_changes(red_flags=a.red_flags | {flag})
    if reply is Reply.UNSURE:
        return a.with_changes(unsure_red_flags=a.unsure_red_flags | {flag})
    return a


def _upper_back_muscular(a: Answers, question_id: QuestionId, reply: Reply) -> Answers:
    if reply is Reply.YES:
        return a
    return a.with_changes(red_flags=a.red_flags | {RedFlag.HIGH_UPPER_BACK})


def _swelling(a: Answers, question_id: QuestionId, reply: Reply) -> Answers:
    if reply is Reply.YES:
        return a.with_changes(symptoms=a.symptoms | {Symptom.SWELLING})
    return a


def _skin_safety(a: Answers, question_id: QuestionId, reply: Reply) -> Answers:
    return a.with_changes(skin_unsafe=True) if reply is not Reply.NO else a


_YES_NO_EFFECTS = {
    Q.UPPER_BACK_MUSCULAR: _upper_back_muscular,
    Q.SWELLING: _swelling,
    Q.SKIN_SAFETY: _skin_safety,
}
