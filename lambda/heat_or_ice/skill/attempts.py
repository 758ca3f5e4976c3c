"""One request, decided again when the person's record changed under it.

Two devices of one person can answer at the same moment. Every save is conditional on the
version read (adapters.attributes), so the slower one gets VersionConflict instead of writing
over the other. `invoke_deciding_again` then runs the whole request again, from the original
envelope and session attributes (the SDK copies those per invocation, so nothing of the failed
attempt leaks in), with a fresh read of the record: the request's decision is made again on what
is true now. At most MAX_ATTEMPTS times; on the last attempt nothing raises any more (the save
interceptor tells the person it could not save, the session flow says it is busy).

Outside effects must not happen twice: an attempt records what it did to the world in
`Attempt.done` (e.g. the timer it created), which every attempt of the same request shares.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope, ResponseEnvelope

from ..adapters import VersionConflict

log = logging.getLogger("heat_or_ice.attempts")
MAX_ATTEMPTS = 3  # a third conflict in one request means a device is writing in a loop: stop


@dataclass
class Attempt:
    number: int = 1
    limit: int = 1
    done: dict[str, Any] = field(default_factory=dict)  # shared by all attempts of one request

    @property
    def last(self) -> bool:
        return self.number >= self.limit


_current: ContextVar[Attempt | None] = ContextVar("heat_or_ice_attempt", default=None)


def current() -> Attempt:
    """The running attempt; a lone last attempt when the skill is invoked without retries."""
    attempt = _current.get()
    return attempt if attempt is not None else Attempt()


@contextmanager
def _running(attempt: Attempt) -> Iterator[Attempt]:
    token = _current.set(attempt)
    try:
        yield attempt
    finally:
        _current.reset(token)


class StillConflicting(Exception):
    """Every attempt met a changed record before it could finish (should not happen: the last
    attempt does not raise VersionConflict)."""


def invoke_deciding_again(skill: CustomSkill, envelope: RequestEnvelope, context: Any) -> ResponseEnvelope:
    done: dict[str, Any] = {}
    for number in range(1, MAX_ATTEMPTS + 1):
        with _running(Attempt(number, MAX_ATTEMPTS, done)):
            try:
                return skill.invoke(request_envelope=envelope, context=context)
            except VersionConflict:
                log.info("the record changed during attempt %d; deciding again", number)
    raise StillConflicting(f"the record kept changing for {MAX_ATTEMPTS} attempts")


class DecideAgainOnConflict(AbstractExceptionHandler):
    """Lets VersionConflict out of the SDK's dispatch (the catch-all handler would answer it),
    so invoke_deciding_again can run the request again. Register it before the catch-all."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return isinstance(exception, VersionConflict) and not current().last

    def handle(self, handler_input: HandlerInput, exception: Exception) -> None:
        raise exception
