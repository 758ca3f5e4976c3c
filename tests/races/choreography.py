"""Two devices of one person talking to the skill at the same moment, in an order the test sets.

Nothing here sleeps to make an interleaving likely: each device runs in its own thread, and the
store and the Timers API hold a device at a named point until the test lets it go, so every
run of a scenario takes exactly the interleaving it asks for.

- `Choreographed` wraps a real store (SQLite or DynamoDB); `before(device, "get", 1, step)` runs
  `step` before that device's next read (counted from when the step is set),
  `after(device, "save", 1, step)` after its next save has landed (or failed).
- `Device` is a Conversation in a thread: `device.start(lambda talk: talk.intent(...))`, then
  `device.join()`; `device.finished` is set when its request has been answered.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

from tests.support.conversation import Conversation

WAIT_SECONDS = 20.0  # a choreography step that waits this long is a bug: fail, never hang


def wait(event: threading.Event, what: str) -> None:
    if not event.wait(WAIT_SECONDS):
        raise AssertionError(f"timed out waiting for {what}")


class Choreographed(AbstractPersistenceAdapter):
    Step = Callable[[], None]

    def __init__(self, inner: AbstractPersistenceAdapter):
        self.inner = inner
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, str], int] = defaultdict(int)
        self._before: dict[tuple[str, str, int], Choreographed.Step] = {}
        self._after: dict[tuple[str, str, int], Choreographed.Step] = {}
        self.calls: list[tuple[str, str, str]] = []  # (device, operation, "ok" or the error's type)

    def before(self, device: str, operation: str, nth: int, step: Step) -> None:
        with self._lock:
            self._before[(device, operation, self._counts[(device, operation)] + nth)] = step

    def after(self, device: str, operation: str, nth: int, step: Step) -> None:
        with self._lock:
            self._after[(device, operation, self._counts[(device, operation)] + nth)] = step

    def _call(self, operation: str, envelope: Any, action: Callable[[], Any]) -> Any:
        device = envelope.context.system.device.device_id
        with self._lock:
            self._counts[(device, operation)] += 1
            nth = self._counts[(device, operation)]
        step = self._before.get((device, operation, nth))
        if step is not None:
            step()
        try:
            result = action()
        except Exception as error:
            self.calls.append((device, operation, type(error).__name__))
            raise
        else:
            self.calls.append((device, operation, "ok"))
            return result
        finally:
            step = self._after.get((device, operation, nth))
            if step is not None:
                step()

    def get_attributes(self, request_envelope: Any) -> dict:
        return self._call("get", request_envelope, lambda: self.inner.get_attributes(request_envelope))

    def save_attributes(self, request_envelope: Any, attributes: dict) -> None:
        self._call("save", request_envelope, lambda: self.inner.save_attributes(request_envelope, attributes))

    def delete_attributes(self, request_envelope: Any) -> None:
        self._call("delete", request_envelope, lambda: self.inner.delete_attributes(request_envelope))


class Device:
    """One of the person's devices, whose next request runs in a thread of its own."""

    def __init__(self, talk: Conversation):
        self.talk = talk
        self.id = talk.device.device_id
        self.finished = threading.Event()
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self, request: Callable[[Conversation], Any]) -> None:
        def run() -> None:
            try:
                request(self.talk)
            except BaseException as error:  # reported by join()
                self.error = error
            finally:
                self.finished.set()

        self.finished.clear()
        self._thread = threading.Thread(target=run, name=f"device-{self.id[-6:]}", daemon=True)
        self._thread.start()

    def join(self) -> None:
        assert self._thread is not None
        self._thread.join(WAIT_SECONDS)
        assert not self._thread.is_alive(), "a device never got its answer"
        if self.error is not None:
            raise self.error

    @property
    def speech(self) -> str:
        return self.talk.speech
