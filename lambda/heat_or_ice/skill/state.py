"""The dialog's one state: what the skill is waiting for, and what it carries to the next turn.

It travels in the session as one JSON object under "dialog". `read` parses it once per request
(`Turn.state`), flows replace it with `Turn.move_to(...)`, and `write` stores it once, when the
response is built (`Turn.respond`). Nothing else reads or writes dialog data in the session.

Session data comes back from the device as we sent it, but a damaged or hostile copy must
never crash the skill or steer it: anything that does not parse is dropped, field by field.
What yes, no and "I don't know" mean in each state is one table, in `replies.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, TypeVar

from ..core import Modality, QuestionId, StretchId

SESSION_KEY = "dialog"
MAX_MISSES = 2  # a question not answered twice in a row is settled by its rule, never asked a third time
_LONGEST_TIMER_MINUTES = 24 * 60


class Waiting(str, Enum):
    """What the skill's last words asked for."""

    NOTHING = "NOTHING"
    QUESTION = "QUESTION"  # a question of the advice interview (`question`)
    SESSION_OFFER = "SESSION_OFFER"  # "shall I time ten minutes of ice?" (`modality`, `minutes`)
    SESSION_MODALITY = "SESSION_MODALITY"  # "heat or ice?" before a session (`minutes`)
    REST_TIMER_OFFER = "REST_TIMER_OFFER"  # a timer for the end of the rest gap (`minutes`)
    SKIN_CHECK = "SKIN_CHECK"  # "does the skin there feel normal?" before a pack (`modality`, `minutes`)
    FEEDBACK = "FEEDBACK"  # "how did the ice feel?" (`modality`)
    STRETCH_OFFER = "STRETCH_OFFER"
    STRETCH_READY = "STRETCH_READY"  # set-up said; the hold starts on "ready" (`stretch`)
    STRETCH_NEXT = "STRETCH_NEXT"  # a hold is done: next, repeat, longer or stop (`stretch`)
    FORGET_CONFIRM = "FORGET_CONFIRM"
    ANYTHING_ELSE = "ANYTHING_ELSE"


class Goal(str, Enum):
    """What the person asked for before the safety questions interrupted it."""

    SESSION = "SESSION"
    STRETCH = "STRETCH"


@dataclass(frozen=True)
class StretchProgress:
    """Where a stretch routine is: which stretch, which side, which round, how long a hold."""

    ids: tuple[StretchId, ...]
    index: int = 0
    side: int = 0
    rep: int = 1
    hold: int = 30

    @property
    def current(self) -> StretchId:
        return self.ids[self.index]


@dataclass(frozen=True)
class DialogState:
    waiting: Waiting = Waiting.NOTHING
    question: QuestionId | None = None
    misses: int = 0  # unusable replies to `question` so far
    modality: Modality | None = None
    minutes: int | None = None
    goal: Goal | None = None
    stretch: StretchProgress | None = None
    said: frozenset[str] = frozenset()  # lines said once per visit: sympathy, cautions, stretch rules
    permission_asked: bool = False  # the timers permission is asked at most once per visit

    def with_(self, **changes: Any) -> DialogState:
        return replace(self, **changes)

    def waiting_for(self, waiting: Waiting, **details: Any) -> DialogState:
        """A new thing to wait for: what the previous wait carried is dropped, the visit's memory
        (what was said, the goal, the permission) is kept."""
        if self.goal is Goal.SESSION:  # the session asked for waits through the safety questions
            details = {"modality": self.modality, "minutes": self.minutes, **details}
        return DialogState(
            waiting=waiting,
            goal=self.goal,
            said=self.said,
            permission_asked=self.permission_asked,
            **details,
        )

    def done_waiting(self) -> DialogState:
        return self.waiting_for(Waiting.NOTHING)

    def saying(self, *lines: str) -> DialogState:
        return replace(self, said=self.said | frozenset(lines))

    def asking(self, question: QuestionId, misses: int = 0) -> DialogState:
        return self.waiting_for(Waiting.QUESTION, question=question, misses=misses)


E = TypeVar("E", bound=Enum)


def _enum(kind: type[E], value: Any) -> E | None:
    try:
        return kind(value)
    except (ValueError, TypeError):
        return None


def _small_int(value: Any, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None


def _stretch(stored: Any) -> StretchProgress | None:
    if not isinstance(stored, dict) or not isinstance(stored.get("ids"), list):
        return None
    ids = tuple(s for s in (_enum(StretchId, v) for v in stored["ids"][:20]) if s is not None)
    index = _small_int(stored.get("index"), 0, len(ids) - 1) if ids else None
    side = _small_int(stored.get("side"), 0, 1)
    rep = _small_int(stored.get("rep"), 1, 10)
    hold = _small_int(stored.get("hold"), 1, 600)
    if index is None or side is None or rep is None or hold is None:
        return None
    return StretchProgress(ids, index, side, rep, hold)


def read(session: Any) -> DialogState:
    stored = session.get(SESSION_KEY) if isinstance(session, dict) else None
    if not isinstance(stored, dict):
        return DialogState()
    said = stored.get("said")
    return DialogState(
        waiting=_enum(Waiting, stored.get("waiting")) or Waiting.NOTHING,
        question=_enum(QuestionId, stored.get("question")),
        misses=_small_int(stored.get("misses"), 0, MAX_MISSES) or 0,
        modality=_enum(Modality, stored.get("modality")),
        minutes=_small_int(stored.get("minutes"), 1, _LONGEST_TIMER_MINUTES),
        goal=_enum(Goal, stored.get("goal")),
        stretch=_stretch(stored.get("stretch")),
        said=(frozenset(s for s in said[:50] if isinstance(s, str) and len(s) < 60)
              if isinstance(said, list) else frozenset()),
        permission_asked=stored.get("permission_asked") is True,
    )


def to_dict(state: DialogState) -> dict[str, Any]:
    """Only what is set, so the session stays small."""
    stored: dict[str, Any] = {"waiting": state.waiting.value}
    for name in ("question", "modality", "goal"):
        value = getattr(state, name)
        if value is not None:
            stored[name] = value.value
    if state.misses:
        stored["misses"] = state.misses
    if state.minutes is not None:
        stored["minutes"] = state.minutes
    if state.stretch is not None:
        progress = state.stretch
        stored["stretch"] = {
            "ids": [s.value for s in progress.ids],
            "index": progress.index,
            "side": progress.side,
            "rep": progress.rep,
            "hold": progress.hold,
        }
    if state.said:
        stored["said"] = sorted(state.said)
    if state.permission_asked:
        stored["permission_asked"] = True
    return stored


def write(session: dict[str, Any], state: DialogState) -> None:
    session[SESSION_KEY] = to_dict(state)
