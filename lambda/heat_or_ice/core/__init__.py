"""The recommendation core: pure functions from what a person told us to advice and session plans.

No Alexa imports, no I/O, no clock: time is always a parameter. Rules are tables whose rows
name the clinical rule (D1-D24, red-flag tiers, timing section 2) and its sources.

Public API
- `advise(answers) -> Advice`: evaluates red flags, the skin screen, specific situations,
  location/cause defaults and preference, in that order (clinical rules 1.1).
- `next_question(answers) -> Question | None`: the one question that can still change the
  advice, red-flag screening included; None when the advice is settled.
- `apply_reply(answers, question_id, reply) -> Answers`: records a yes / no / unsure answer
  to a question (slot questions take `Reply.UNSURE` for "I don't know").
- `plan_session(modality, requested_minutes, history, now, *, advice=None, location=None)
  -> SessionPlan | SessionRefusal`: session length within the caps, the 30-minute rest gap
  between any two sessions and the per-day caps.
- `rest_gap_remaining(history, now) -> timedelta`: time until another session may start.
- `STRETCHES`, `stretch(stretch_id)`: the stretch catalogue (section 4).
"""

from .model import (
    Action,
    Advice,
    Answers,
    Caution,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    Outcome,
    Question,
    QuestionId,
    QuestionKind,
    RedFlag,
    RefusalReason,
    Reply,
    SessionOutcome,
    SessionPlan,
    SessionRecord,
    SessionRefusal,
    Stretch,
    StretchId,
    Symptom,
    Tier,
)
from .advice import advise
from .questions import apply_reply, next_question
from .sessions import plan_session, rest_gap_remaining
from .stretches import STRETCHES, stretch

__all__ = [
    "Action",
    "Advice",
    "Answers",
    "Caution",
    "Cause",
    "Condition",
    "Location",
    "Modality",
    "Onset",
    "Outcome",
    "Question",
    "QuestionId",
    "QuestionKind",
    "RedFlag",
    "RefusalReason",
    "Reply",
    "SessionOutcome",
    "SessionPlan",
    "SessionRecord",
    "SessionRefusal",
    "Stretch",
    "StretchId",
    "Symptom",
    "Tier",
    "STRETCHES",
    "advise",
    "apply_reply",
    "next_question",
    "plan_session",
    "rest_gap_remaining",
    "stretch",
]
