"""A local stand-in for the Alexa Timers API, for the console: HTTPS on 127.0.0.1, throwaway certificate.

The skill reaches it exactly as it reaches Amazon's, through context.System.apiEndpoint and the SDK's
DefaultApiClient (which only speaks https, hence the certificate; the console makes `requests` trust it).
It keeps the rules the skill must live with: a Bearer token the user has granted (401 otherwise), at most
10 timers, at most 2 hours each, labels unique among running timers (400 on a duplicate).
Over-long timers get 400; an eleventh timer gets 403 (Amazon documents 403 for create without saying
when, so this is our best reading). Firing is driven by an injectable clock, checked by `take_due()`.
"""

from __future__ import annotations

import json
import re
import shutil
import ssl
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from heat_or_ice_web.envelopes import Clock, utc_now
from heat_or_ice_web.loopback_tls import make_certificate, write_trust_bundle
from heat_or_ice_web.spoken_values import duration_seconds

MAX_TIMERS = 10
MAX_SECONDS = 2 * 60 * 60
_PATH = re.compile(r"^/v1/alerts/timers(?:/(?P<id>[^/]+))?(?:/(?P<action>pause|resume))?/?$")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Timer:
    id: str
    duration: str
    label: str | None
    announce: str  # what the device says when the timer goes off
    created: datetime
    trigger_time: datetime
    status: str = "ON"  # ON | PAUSED
    remaining_when_paused: timedelta | None = None

    def as_json(self) -> dict:
        found = {
            "id": self.id,
            "status": self.status,
            "duration": self.duration,
            "triggerTime": _iso(self.trigger_time),
            "timerLabel": self.label,
            "createdTime": _iso(self.created),
            "updatedTime": _iso(self.created),
        }
        if self.remaining_when_paused is not None:
            found["remainingTimeWhenPaused"] = f"PT{int(self.remaining_when_paused.total_seconds())}S"
        return found


def _error(status: int, code: str, message: str) -> tuple[int, dict]:
    return status, {"code": code, "message": message}


def _announcement(body: dict, locale: str, label: str | None) -> str | None:
    operation = (body.get("triggeringBehavior") or {}).get("operation") or {}
    kind = operation.get("type")
    if kind == "ANNOUNCE":
        texts = operation.get("textToAnnounce") or []
    elif kind == "LAUNCH_TASK":
        texts = operation.get("textToConfirm") or []
    elif kind == "NOTIFY_ONLY":
        return f"Your {label} timer is done." if label else "Your timer is done."
    else:
        return None
    chosen = next((t for t in texts if t.get("locale") == locale), texts[0] if texts else None)
    return chosen.get("text") if chosen and chosen.get("text") else None


class TimerBook:
    """The timers of one console user. Every method returns (HTTP status, JSON body or None)."""

    def __init__(self, clock: Clock = utc_now, locale: str = "en-US"):
        self.clock = clock
        self.locale = locale
        self.on_created: Callable[[Timer], None] | None = None
        self._timers: dict[str, Timer] = {}
        self._lock = threading.Lock()

    def create(self, body: dict) -> tuple[int, dict | None]:
        seconds = duration_seconds(str(body.get("duration", "")))
        label = body.get("timerLabel")
        if not seconds:
            return _error(400, "INVALID_DURATION", "duration must be an ISO-8601 duration such as PT15M")
        if seconds > MAX_SECONDS:
            return _error(400, "INVALID_DURATION", "a timer can be at most 2 hours long")
        if label is not None and (not isinstance(label, str) or len(label) > 256):
            return _error(400, "INVALID_LABEL", "timerLabel must be a string of at most 256 characters")
        announce = _announcement(body, self.locale, label)
        if announce is None:
            return _error(
                400, "INVALID_TRIGGERING_BEHAVIOR", "triggeringBehavior.operation is missing or invalid"
            )
        with self._lock:
            if label and any(t.label == label for t in self._timers.values()):
                return _error(400, "DUPLICATE_TIMER_LABEL", f"a timer labelled {label!r} is already running")
            if len(self._timers) >= MAX_TIMERS:
                return _error(403, "MAXIMUM_TIMERS_REACHED", f"at most {MAX_TIMERS} timers may run at once")
            now = self.clock()
            timer = Timer(
                str(uuid.uuid4()), body["duration"], label, announce, now, now + timedelta(seconds=seconds)
            )
            self._timers[timer.id] = timer
        if self.on_created:
            self.on_created(timer)
        return 200, timer.as_json()

    def list(self) -> tuple[int, dict]:
        with self._lock:
            running = sorted(self._timers.values(), key=self._remaining)
            return 200, {
                "timers": [t.as_json() for t in running],
                "totalCount": len(running),
                "nextToken": None,
            }

    def get(self, timer_id: str) -> tuple[int, dict | None]:
        with self._lock:
            timer = self._timers.get(timer_id)
            return (200, timer.as_json()) if timer else _error(404, "TIMER_NOT_FOUND", "no such timer")

    def delete(self, timer_id: str | None) -> tuple[int, dict | None]:
        with self._lock:
            if timer_id is None:
                self._timers.clear()
                return 200, None
            if self._timers.pop(timer_id, None) is None:
                return _error(404, "TIMER_NOT_FOUND", "no such timer")
            return 200, None

    def pause_or_resume(self, timer_id: str, action: str) -> tuple[int, dict | None]:
        with self._lock:
            timer = self._timers.get(timer_id)
            if timer is None:
                return _error(404, "TIMER_NOT_FOUND", "no such timer")
            now = self.clock()
            if action == "pause" and timer.status == "ON":
                timer.status, timer.remaining_when_paused = "PAUSED", timer.trigger_time - now
            elif action == "resume" and timer.status == "PAUSED":
                timer.status, timer.trigger_time = "ON", now + timer.remaining_when_paused
                timer.remaining_when_paused = None
            else:
                return _error(400, "INVALID_STATE", f"cannot {action} a timer that is {timer.status}")
            return 200, timer.as_json()

    def take_due(self) -> list[Timer]:
        """Timers whose trigger time the clock has reached; they go off now and leave the book."""
        now = self.clock()
        with self._lock:
            due = [t for t in self._timers.values() if t.status == "ON" and t.trigger_time <= now]
            for timer in due:
                del self._timers[timer.id]
        return sorted(due, key=lambda t: t.trigger_time)

    def running(self) -> list[Timer]:
        with self._lock:
            return sorted(self._timers.values(), key=self._remaining)

    def _remaining(self, timer: Timer) -> timedelta:
        return timer.remaining_when_paused or (timer.trigger_time - self.clock())


class _TimersHandler(BaseHTTPRequestHandler):
    server: _TimersHttpServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._route("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._route("POST")

    def do_DELETE(self) -> None:  # noqa: N802
        self._route("DELETE")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the console prints what matters; access logs would garble the conversation

    def _route(self, method: str) -> None:
        book = self.server.book
        match = _PATH.match(self.path.split("?")[0])
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        token = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        if match is None:
            result = _error(404, "NOT_FOUND", "unknown path")
        elif not token or token not in self.server.tokens:
            result = _error(
                401, "UNAUTHORIZED", "the user has not granted this skill permission to use timers"
            )
        else:
            timer_id, action = match.group("id"), match.group("action")
            if method == "POST" and action:
                result = book.pause_or_resume(timer_id, action)
            elif method == "POST" and timer_id is None:
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = None
                result = (
                    book.create(body) if isinstance(body, dict) else _error(400, "INVALID_BODY", "not JSON")
                )
            elif method == "GET":
                result = book.get(timer_id) if timer_id else book.list()
            elif method == "DELETE" and not action:
                result = book.delete(timer_id)
            else:
                result = _error(405, "METHOD_NOT_ALLOWED", f"{method} is not supported here")
        status, body = result
        payload = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class _TimersHttpServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, book: TimerBook, tls: ssl.SSLContext):
        super().__init__(("127.0.0.1", 0), _TimersHandler)
        self.book, self.tls, self.tokens = book, tls, set()

    def finish_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        # TLS per connection, in the connection's own thread, so one slow handshake blocks nobody.
        try:
            with self.tls.wrap_socket(request, server_side=True) as secure:
                super().finish_request(secure, client_address)
        except (ssl.SSLError, ConnectionError, OSError):
            pass


class LocalTimersServer:
    """Owns the HTTPS server, its thread and its temporary certificate folder. Use as a context manager."""

    def __init__(self, clock: Clock = utc_now, locale: str = "en-US"):
        self.book = TimerBook(clock, locale)
        self._folder = Path(tempfile.mkdtemp(prefix="heat-or-ice-timers-"))
        self.cert_path, key_path = make_certificate(self._folder)
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(self.cert_path, key_path)
        self._server = _TimersHttpServer(self.book, tls)
        # A short poll interval keeps stop() quick; the cost is a few idle wake-ups a second.
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.1,), name="local-timers", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self._server.server_address[1]}"

    def grant(self, token: str) -> None:
        """The user said "I approve": requests carrying this token may now use timers."""
        self._server.tokens.add(token)

    def write_trust_bundle(self) -> Path:
        """The CA bundle `requests` already trusts plus this server's certificate, as one file."""
        return write_trust_bundle(self.cert_path, self._folder / "ca-bundle.pem")

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self) -> LocalTimersServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
