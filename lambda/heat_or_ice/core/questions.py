"""The dialog policy: which ONE question to ask next before advice, and how a reply changes the answers.

Public API
- `next_question(answers) -> Question | None`: with no covered location, only the location
  (LOCATION, then LOCATION_AGAIN once; 8.2). Otherwise the first row of `QUESTION_POLICY` that is
  not yet answered, whose fact is not already known, that fits the person (`when`), and (unless
  the row is always worth asking) some reply to which would change the advice. None once any
  Tier A or B red flag is present (the advice is care), except while the follow-ups to a "yes" to
  the combined lower-back question are finding which one (8.5).
- `apply_reply(answers, question_id, reply) -> Answers`: records the reply and marks the question
  answered. Slot questions take the slot's value (a `Location`, `Onset`, `Cause` or `Modality`;
  LOCATION and LOCATION_AGAIN also take an `OtherPlace`) or `Reply.UNSURE` / `Reply.NO` for
  "I don't know" / "no preference"; yes/no questions take a `Reply`. `Reply.UNSURE` is the final
  "still not sure" (the skill has already asked once more): see the table in `screening.py`.
  A clear answer replaces an earlier "not sure"; it never undoes a worrying answer.

Policy order (8.5): location; the Tier A questions for the place (lower back and leg: one combined
question, then which one if "yes" or "not sure"; neck: the neck danger signs; upper back: chest
pain); what brought it on, then when (it decides whether the accident question is needed); a recent
unchecked accident; fragile bones (injury, fall or unknown cause); Tier B once per episode (urgent
signs, then whether it eases with rest, 8.4; upper back: whether it is clearly muscular); swelling
(only when it would change the advice, e.g. a preference for heat after an injury; otherwise asked
at session start by `pack_question`); preference (only when the advice would otherwise be EITHER).
The skin question is not part of the advice dialog (8.6): `pack_question` asks it at session start.
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
    OtherPlace,
    Question,
    QuestionId,
    RedFlag,
    Reply,
    Symptom,
)
from .red_flags import needs_care_today, red_flags_present
from .screening import (
    LOWER_PARTS,
    PLACE_TIER_A,
    SCREEN_BY_ID,
    SLOTS,
    TIER_B_SCREENS,
    TRAUMA_SCREENS,
    WHICH_ONE_FLAGS,
    Screen,
    flare_of_a_known_problem,
    location_question,
    muscle_question_inside_tier_b,
    question,
)

Q = QuestionId

__all__ = ["QUESTION_POLICY", "SLOTS", "apply_reply", "next_question", "question"]


@dataclass(frozen=True)
class Ask:
    """A row of the question policy."""

    id: QuestionId
    why: str
    when: Callable[[Answers, Advice], bool] = lambda a, advice: True
    known: Callable[[Answers], bool] = lambda a: False
    always_worth_asking: bool = False  # else: only if some reply would change the advice


def _screened(screen: Screen, *, always: bool = False) -> Ask:
    return Ask(screen.id, screen.rule, when=lambda a, advice: screen.applies(a), known=screen.already_known,
               always_worth_asking=always)


def _injured(a: Answers, advice: Advice) -> bool:
    return a.cause in (Cause.INJURY, Cause.ACCIDENT)


QUESTION_POLICY: tuple[Ask, ...] = (
    # Tier A for the place (8.5). The lower-back follow-ups are always asked: they find which one.
    *(_screened(screen, always=screen.id in LOWER_PARTS) for screen in PLACE_TIER_A),
    # Facts that change the advice.
    Ask(Q.CAUSE, "accident (8.1), injury (D6) or came on by itself (D10)",
        known=lambda a: a.cause is not None or flare_of_a_known_problem(a)),
    Ask(Q.ONSET, "fresh (D6, D8, D9), chronic (D20); an accident long ago needs no accident question (8.1)",
        known=lambda a: a.onset is not None),
    *(_screened(screen) for screen in TRAUMA_SCREENS),
    # Tier B, once per episode for everyone (8.4, 8.5).
    *(_screened(screen) for screen in TIER_B_SCREENS),
    # Not asked before advice (8.6, 8.7): swelling only matters for warmth on an injury, so the advice
    # says "if it's swollen, use ice" and `pack_question` asks before a warm pack goes on; a choice
    # between heat and ice is offered with the session ("shall I time heat or ice?"), not asked first.
)


# 8.5, still not sure of an emergency sign (or of a recent, unchecked accident) after asking again:
# the advice is a doctor today, with the emergency signs to watch for said in the same breath.
# Someone who cannot say is not kept answering questions that a doctor will ask anyway.
SETTLED_BY_NOT_SURE = frozenset({"D1_UNSURE", "D3_UNSURE"})


def next_question(answers: Answers) -> Question | None:
    if needs_care_today(red_flags_present(answers) - WHICH_ONE_FLAGS):
        return None
    if answers.location is None:
        return location_question(answers)
    current = advise(answers)
    if current.reason in SETTLED_BY_NOT_SURE and answers.unsure_red_flags - WHICH_ONE_FLAGS:
        return None
    for ask in QUESTION_POLICY:
        if ask.id in answers.answered or ask.known(answers) or not ask.when(answers, current):
            continue
        if ask.always_worth_asking or _could_change(answers, ask.id, current):
            return question(ask.id)
    return None


def _gist(advice: Advice) -> tuple[object, ...]:
    # What is said and offered. Not `blocked`: heat a swollen injury would forbid is checked when a
    # warm pack is about to start (`pack_question`), so swelling is not asked before advice for it.
    return advice.action, advice.offer, advice.session_allowed


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
        return _fill_slot(answered, question_id, reply)
    if not isinstance(reply, Reply):
        raise TypeError(f"{question_id} is a yes/no question; got {reply!r}")
    screen = SCREEN_BY_ID.get(question_id)
    if screen is not None:
        return _after_screening(_screening(answered, screen, reply))
    return _YES_NO_EFFECTS[question_id](answered, reply)


def _fill_slot(answered: Answers, question_id: QuestionId, reply: Enum) -> Answers:
    field, kind = SLOTS[question_id]
    if isinstance(reply, kind):
        return answered.with_changes(**{field: reply})
    if field == "location" and isinstance(reply, OtherPlace):
        return answered.with_changes(other_place=reply)  # 8.2: not covered
    if isinstance(reply, Reply):
        return answered  # "I don't know" or "no preference": the fact stays unknown (D23)
    raise TypeError(f"{question_id} takes a {kind.__name__} or a Reply, not {reply!r}")


def _screening(a: Answers, screen: Screen, reply: Reply) -> Answers:
    flag = screen.flag
    unsure = a.unsure_red_flags - {flag}
    red = a.red_flags
    if reply is Reply.UNSURE:
        if flag not in red:
            unsure |= {flag}
    elif reply is screen.worrying and screen.raises(a):
        red |= {flag}
    if (screen.id is Q.URGENT_SIGNS and reply is Reply.NO and flag not in red
            and muscle_question_inside_tier_b(a)):
        a = a.with_changes(answered=a.answered | {Q.UPPER_BACK_MUSCULAR})  # "none of those": a sore muscle
    if screen.id is Q.ACCIDENT_CHECKED:
        a = a.with_changes(accident_unchecked=reply is Reply.NO)
        if reply is Reply.YES:  # checked: whether it was recent no longer matters
            a = a.with_changes(answered=a.answered | {Q.ACCIDENT_RECENT_UNCHECKED})
    if screen.id is Q.URGENT_OR_FRAGILE and reply is Reply.NO and flag not in red:
        a = a.with_changes(answered=a.answered | {Q.FRAGILE_BONES, Q.URGENT_SIGNS})
    if screen.id is Q.LOWER_TIER_A and reply is not Reply.YES and reply is not Reply.UNSURE:
        # "No" to the combined question answers all three of its parts.
        parts = frozenset(SCREEN_BY_ID[part].flag for part in LOWER_PARTS)
        a = a.with_changes(answered=a.answered | set(LOWER_PARTS))
        unsure -= parts
    return a.with_changes(red_flags=red, unsure_red_flags=unsure)


def _after_screening(a: Answers) -> Answers:
    # The three follow-ups replace the combined lower-back answer they clarify (8.5).
    pending = CAUDA = RedFlag.CAUDA_EQUINA_SIGNS
    if pending in a.red_flags | a.unsure_red_flags and set(LOWER_PARTS) <= a.answered:
        a = a.with_changes(red_flags=a.red_flags - {CAUDA}, unsure_red_flags=a.unsure_red_flags - {CAUDA})
    # "Yes" to "over seventy, thin bones, fever, weight loss...?" and "no" to the bones follow-up:
    # the yes was an urgent sign (Tier B). Still not sure of either: URGENT_SIGNS is asked plainly.
    pending = RedFlag.URGENT_OR_FRAGILE
    if Q.FRAGILE_BONES in a.answered and pending in a.red_flags | a.unsure_red_flags:
        bones = RedFlag.FRAGILE_BONE_STRAIN
        red, unsure = a.red_flags - {pending}, a.unsure_red_flags - {pending}
        if pending in a.red_flags and bones in unsure:
            # "Yes" to one of them, and not sure it's the bones: the cautious reading is the bones.
            red, unsure = red | {bones}, unsure - {bones}
        elif pending in a.red_flags and bones not in red:
            red |= {RedFlag.URGENT_SIGNS}
            a = a.with_changes(answered=a.answered | {Q.URGENT_SIGNS})
        a = a.with_changes(red_flags=red, unsure_red_flags=unsure)
    return a


def _swelling(a: Answers, reply: Reply) -> Answers:
    # Still not sure: counted as swelling, so cold rather than heat (D7, cautious).
    if reply is not Reply.NO:
        return a.with_changes(symptoms=a.symptoms | {Symptom.SWELLING})
    return a


def _skin_feels_normal(a: Answers, reply: Reply) -> Answers:
    # 8.6: only a clear "yes, it feels normal" allows a pack there; a later clear answer replaces it.
    return a.with_changes(skin_unsafe=reply is not Reply.YES)


def _skin_safety(a: Answers, reply: Reply) -> Answers:
    # Retired question, opposite polarity: "is the skin numb...?" Kept for a question still pending.
    return a.with_changes(skin_unsafe=True) if reply is not Reply.NO else a


_YES_NO_EFFECTS: dict[QuestionId, Callable[[Answers, Reply], Answers]] = {
    Q.SWELLING: _swelling,
    Q.SKIN_FEELS_NORMAL: _skin_feels_normal,
    Q.SKIN_SAFETY: _skin_safety,
}
