"""How long the current request may still spend waiting on the store and the Timers API.

Alexa gives a skill 8 seconds to answer. A per-call timeout alone cannot keep that promise: a
read and two writes to a slow store plus a slow timer call add up, and a socket read timeout
restarts with every byte a server trickles. So each request runs under one Deadline, set by the
skill's entry point (`request_deadline`), and every outside call asks it first:
- the Timers API client gives the whole exchange (connect, TLS, request, answer) at most
  `remaining(cap)` seconds, measured on a monotonic clock across every socket operation;
- a store call starts only when its worst case (its own timeouts and retries) still fits
  (`require(worst_case)`), else it raises OutOfTime without touching the store.

Outside a request (a script, a unit test of one adapter) there is no deadline and calls are
bounded by their own timeouts only. The clock is injectable: a test can make time pass without
waiting for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from heat_or_ice.adapters.attributes import OutOfTime

Clock = Callable[[], float]

ALEXA_ANSWER_SECONDS = 8.0  # Alexa stops waiting for the skill after this
# What a request may spend on outside calls: the rest of Alexa's 8 s covers Lambda's own start,
# the skill's work and the answer's way back.
REQUEST_BUDGET_SECONDS = 7.0


@dataclass(frozen=True)
class Deadline:
    at: float  # on `clock`'s scale
    clock: Clock = time.monotonic

    @classmethod
    def after(cls, seconds: float, clock: Clock = time.monotonic) -> Deadline:
        return cls(clock() + seconds, clock)

    def remaining(self) -> float:
        return max(0.0, self.at - self.clock())


_current: ContextVar[Deadline | None] = ContextVar("heat_or_ice_request_deadline", default=None)


def current() -> Deadline | None:
    return _current.get()


@contextmanager
def request_deadline(deadline: Deadline) -> Iterator[Deadline]:
    """Runs the block under `deadline` (per thread and per task: a ContextVar)."""
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def remaining(cap: float) -> float:
    """Seconds the next outside call may take: its own cap, or less when the request is late."""
    deadline = _current.get()
    return cap if deadline is None else min(cap, deadline.remaining())


def clock() -> Clock:
    deadline = _current.get()
    return deadline.clock if deadline is not None else time.monotonic


def require(worst_case: float, what: str) -> None:
    """Raise OutOfTime unless a call taking up to `worst_case` seconds still fits the request."""
    deadline = _current.get()
    if deadline is not None and deadline.remaining() < worst_case:
        raise OutOfTime(f"No time left to {what} within the request's budget")
