"""The recommendation core: pure functions from what a person told us to advice and session plans.

No Alexa imports, no I/O, no clock: time is always a parameter. Rules are tables whose rows
name the clinical rule (D1-D24, red-flag tiers, timing section 2) and its sources.

Public API
- `advise(answers) -> Advice`: evaluates red flags (and "still not sure" answers), a covered
  place (8.2), the skin screen, specific situations, location/cause defaults and preference, in
  that order (clinical rules 1.1).
- `next_question(answers) -> Question | None`: the one question that can still change the
  advice, the red-flag screening for the person's place included (8.5); None when the advice is
  settled. Without a covered place only the location is asked (LOCATION, then LOCATION_AGAIN).
- `chosen_for_them(advice) -> Modality | None`: the choice when either is fine and the person
  leaves it to us ("you pick"): warmth, or cold where warmth is ruled out.
- `apply_reply(answers, question_id, reply) -> Answers`: records a yes / no / unsure answer
  to a question (slot questions take `Reply.UNSURE` for "I don't know"; the location slot also
  takes an `OtherPlace`). UNSURE is the final "still not sure" (`screening.UNSURE_MEANS`).
- `screening_needed(answers, purpose) -> Question | None`: the next question that must be
  answered before a timed session or a stretch (`Purpose`, 8.6); None when nothing is left.
- `pack_question(answers, modality=None) -> Question | None`: the skin where the pack will go,
  and swelling before warmth on an injury; asked at session start, once per episode (8.6).
- `worth_asking_again(answers, purpose) -> tuple[Question, ...]`: "not sure" answers whose
  cautious branch stops that purpose; ask each once more when the person asks for it (8.5).
- `plan_session(modality, requested_minutes, history, now, *, advice=None, location=None)
  -> SessionPlan | SessionRefusal`: session length within the caps, the 30-minute rest gap
  between any two sessions and the per-day caps.
- `rest_gap_remaining(history, now) -> timedelta`: time until another session may start.
- `STRETCHES`, `stretch(stretch_id)`: the stretch catalogue (section 4).
"""

from .advice import advise, chosen_for_them
from .model import (
    Action,
    Advice,
    Answers,
    Cause,
    Caution,
    Condition,
    Location,
    Modality,
    Onset,
    OtherPlace,
    Outcome,
    Purpose,
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
from .questions import apply_reply, next_question
from .screening import pack_question, screening_needed, worth_asking_again
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
    "OtherPlace",
    "Outcome",
    "Purpose",
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
    "chosen_for_them",
    "next_question",
    "pack_question",
    "plan_session",
    "rest_gap_remaining",
    "screening_needed",
    "stretch",
    "worth_asking_again",
]
