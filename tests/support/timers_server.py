"""A loopback HTTPS stand-in for the Alexa Timers API, for tests that call it for real.

It speaks the routes the skill uses (create, list, get one, cancel one, cancel all), checks
the bearer token and JSON content type, enforces the platform's limits (at most 10 timers,
unique labels, at most two hours) and records every request for assertions. Faults are
injected per route: answer with an error status and an Error body {code, message}; hang
(hold the request without answering until the server stops, at most HANG_LIMIT_SECONDS);
garble (do the work, then answer 200 with a body that is not JSON); trickle (do the work, then
send the answer a byte at a time, `interval` seconds apart); or pause (hold each request until
the test releases it: `gate = server.pause("create")`, `gate.arrived.wait()`, `gate.release()`),
which lets a test decide exactly how two devices' requests interleave.

Unverified platform detail: what the real API answers to an 11th timer. This server says 400.
"""

from __future__ import annotations

import json
import re
import ssl
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.support.tls import LoopbackCertificates

TIMERS_PATH = "/v1/alerts/timers"
ROUTES = ("create", "list", "get", "delete", "delete_all")
MAX_TIMERS = 10
MAX_DURATION = timedelta(hours=2)
MAX_LABEL_LENGTH = 256
MAX_BODY_BYTES = 64 * 1024
HANG_LIMIT_SECONDS = 10.0
SOCKET_TIMEOUT_SECONDS = 5.0  # a stalled client cannot pin a server thread for long
DEFAULT_TOKEN = "test-api-access-token"

_DURATION = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?")
_DEFAULT_CODES = {400: "INVALID_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "TIMER_NOT_FOUND",
                  500: "INTERNAL_SERVER_ERROR", 504: "DEVICE_OFFLINE"}
_HANG = object()

Answer = tuple[int, Any]  # status, JSON body (None: no body)

# What the skill must send to start a person's first 10-minute ice session, in en-US.
FIRST_TEN_MINUTE_ICE_TIMER = {
    "duration": "PT10M",
    "timerLabel": "ice pack 1",
    "creationBehavior": {"displayExperience": {"visibility": "VISIBLE"}},
    "triggeringBehavior": {
        "operation": {
            "type": "ANNOUNCE",
            "textToAnnounce": [
                {
                    "locale": "en-US",
                    "text": ("Time to take the ice pack off. Give your skin at least thirty minutes "
                             "before the next session."),
                }
            ],
        },
        "notificationConfig": {"playAudible": True},
    },
}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    route: str | None  # one of ROUTES, or None for an unknown path or method
    headers: dict[str, str]  # names lower-cased
    body: Any  # parsed JSON, or None when empty or unreadable


@dataclass
class _Fault:
    status: int | None  # None: hang
    code: str
    message: str
    remaining: int | None  # None: until cleared
    garble: bool = False  # answer the real work with an unreadable 200
    trickle: float | None = None  # seconds between the answer's bytes
    gate: Gate | None = None


class Gate:
    """Requests to a paused route wait here until released; `arrived` is set (and `count`
    grows) as each one comes in."""

    def __init__(self, limit: float = HANG_LIMIT_SECONDS):
        self.arrived = threading.Event()
        self._open = threading.Event()
        self._lock = threading.Lock()
        self.count = 0
        self._limit = limit

    def enter(self) -> None:
        with self._lock:
            self.count += 1
        self.arrived.set()
        self._open.wait(self._limit)

    def release(self) -> None:
        self._open.set()


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _error(status: int, code: str | None = None, message: str | None = None) -> Answer:
    code = code or _DEFAULT_CODES.get(status, "ERROR")
    return status, {"code": code, "message": message or code.replace("_", " ").lower()}


class TimersApiServer:
    """Start with start() (or `with`), reach it at `endpoint` with `token`, stop with stop()."""

    def __init__(self, certificates: LoopbackCertificates, token: str = DEFAULT_TOKEN,
                 clock: Callable[[], datetime] = _utc_now):
        self.token = token
        self._certificates = certificates
        self._clock = clock
        self._lock = threading.Lock()
        self._timers: dict[str, dict[str, Any]] = {}
        self._requests: list[RecordedRequest] = []
        self._faults: dict[str, _Fault] = {}
        self._release = threading.Event()  # set on stop: hanging requests give up
        self._server: _TlsHttpServer | None = None
        self._thread: threading.Thread | None = None

    # -- what tests use ---------------------------------------------------------------------
    @property
    def endpoint(self) -> str:
        assert self._server is not None, "the server is not started"
        return f"https://127.0.0.1:{self._server.server_address[1]}"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def requests_to(self, route: str) -> list[RecordedRequest]:
        return [request for request in self.requests if request.route == route]

    @property
    def timers(self) -> list[dict[str, Any]]:
        """The timers as the API would list them (TimerResponse JSON), soonest first."""
        with self._lock:
            return sorted((dict(timer) for timer in self._timers.values()), key=lambda t: t["triggerTime"])

    def fail(self, route: str, status: int, *, code: str | None = None, message: str | None = None,
             times: int | None = None) -> None:
        """Answer `route` with `status` and an Error body, `times` times (None: until cleared)."""
        if not 400 <= status <= 599:
            raise ValueError(f"not an error status: {status}")
        _, error = _error(status, code, message)
        self._add_fault(route, _Fault(status, error["code"], error["message"], times))

    def garble(self, route: str, *, times: int | None = None) -> None:
        """Do what `route` asks, then answer 200 with a body that is not JSON."""
        self._add_fault(route, _Fault(200, "", "", times, garble=True))

    def trickle(self, route: str, interval: float, *, times: int | None = None) -> None:
        """Do what `route` asks, then send the answer one byte every `interval` seconds."""
        self._add_fault(route, _Fault(200, "", "", times, trickle=interval))

    def pause(self, route: str) -> Gate:
        """Hold every request to `route` until the returned gate is released (or the server stops)."""
        gate = Gate()
        self._add_fault(route, _Fault(200, "", "", None, gate=gate))
        return gate

    def hang(self, route: str, *, times: int | None = None) -> None:
        """Hold requests to `route` unanswered until the server stops (at most HANG_LIMIT_SECONDS)."""
        self._add_fault(route, _Fault(None, "", "", times))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def start(self) -> TimersApiServer:
        self._server = _TlsHttpServer(self, self._certificates.server_context())
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="timers-api", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=SOCKET_TIMEOUT_SECONDS)
            self._thread = None

    def __enter__(self) -> TimersApiServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- the API ----------------------------------------------------------------------------
    def wait_for_release(self) -> None:
        """Where a hanging request waits: until stop(), or HANG_LIMIT_SECONDS at most."""
        self._release.wait(HANG_LIMIT_SECONDS)

    def released(self, wait: float) -> bool:
        """Waits up to `wait` seconds; True once the server is stopping."""
        return self._release.wait(wait)

    def _add_fault(self, route: str, fault: _Fault) -> None:
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; one of {ROUTES}")
        with self._lock:
            self._faults[route] = fault

    def _take_fault(self, route: str) -> _Fault | None:
        with self._lock:
            fault = self._faults.get(route)
            if fault is not None and fault.remaining is not None:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    del self._faults[route]
            return fault

    def answer(self, method: str, raw_path: str, headers: dict[str, str], raw_body: bytes) -> Any:
        path = urlsplit(raw_path).path
        route, timer_id = _route(method, path)
        try:
            body, readable = (json.loads(raw_body) if raw_body else None), True
        except ValueError:
            body, readable = None, False
        with self._lock:
            self._requests.append(RecordedRequest(method, path, route, headers, body))
        if route is None:
            status = 405 if path.startswith(TIMERS_PATH) else 404
            return _error(status, "NO_SUCH_ROUTE", f"no route {method} {path}")
        fault = self._take_fault(route)
        if fault is not None and fault.gate is not None:
            fault.gate.enter()
        elif fault is not None and not (fault.garble or fault.trickle):
            return _HANG if fault.status is None else _error(fault.status, fault.code, fault.message)
        answer = self._answer(method, route, timer_id, body, readable, headers)
        if fault is not None and fault.garble and answer[0] < 300:
            return _Garbled(answer[0])
        if fault is not None and fault.trickle and answer[0] < 300:
            return _Trickled(answer, fault.trickle)
        return answer

    def _answer(self, method: str, route: str, timer_id: str | None, body: Any, readable: bool,
                headers: dict[str, str]) -> Answer:
        if headers.get("authorization") != f"Bearer {self.token}":
            return _error(401, message="missing or wrong bearer token")
        if method == "POST" and "application/json" not in headers.get("content-type", ""):
            return _error(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json")
        if not readable:
            return _error(400, message="body is not JSON")
        with self._lock:
            if route == "create":
                return self._create(body)
            if route == "list":
                timers = sorted(self._timers.values(), key=lambda t: t["triggerTime"])
                return 200, {"timers": timers, "totalCount": len(timers)}
            if timer_id is not None and timer_id not in self._timers:
                return _error(404, message=f"no timer {timer_id}")
            if route == "get":
                return 200, self._timers[timer_id]
            if route == "delete":
                del self._timers[timer_id]
            else:
                self._timers.clear()
            return 200, None

    def _create(self, body: Any) -> Answer:
        problem = _create_problem(body)
        if problem:
            return _error(400, message=problem)
        label = body.get("timerLabel")
        if label is not None and any(t.get("timerLabel") == label for t in self._timers.values()):
            return _error(400, message=f"a timer labelled {label!r} already exists")
        if len(self._timers) >= MAX_TIMERS:
            return _error(400, "MAX_TIMERS_EXCEEDED", f"at most {MAX_TIMERS} timers")
        now = self._clock()
        timer = {"id": str(uuid.uuid4()), "status": "ON", "duration": body["duration"],
                 "triggerTime": _iso(now + _duration(body["duration"])),
                 "createdTime": _iso(now), "updatedTime": _iso(now)}
        if label is not None:
            timer["timerLabel"] = label
        self._timers[timer["id"]] = timer
        return 200, timer


def _route(method: str, path: str) -> tuple[str | None, str | None]:
    if path == TIMERS_PATH:
        return {"POST": "create", "GET": "list", "DELETE": "delete_all"}.get(method), None
    if path.startswith(TIMERS_PATH + "/") and "/" not in path[len(TIMERS_PATH) + 1:]:
        timer_id = unquote(path[len(TIMERS_PATH) + 1:])
        return {"GET": "get", "DELETE": "delete"}.get(method), timer_id
    return None, None


def _duration(text: Any) -> timedelta:
    match = _DURATION.fullmatch(text) if isinstance(text, str) and text != "PT" else None
    if match is None:
        raise ValueError(f"not an ISO-8601 duration: {text!r}")
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _create_problem(body: Any) -> str | None:
    """What is wrong with a create-timer body, as the platform would refuse it; None if fine."""
    if not isinstance(body, dict):
        return "body must be a JSON object"
    try:
        duration = _duration(body.get("duration"))
    except ValueError as error:
        return str(error)
    if not timedelta(0) < duration <= MAX_DURATION:
        return "duration must be more than zero and at most PT2H"
    label = body.get("timerLabel")
    if label is not None and (not isinstance(label, str) or len(label) > MAX_LABEL_LENGTH):
        return f"timerLabel must be a string of at most {MAX_LABEL_LENGTH} characters"
    visibility = (body.get("creationBehavior") or {}).get("displayExperience", {}).get("visibility")
    if visibility not in ("VISIBLE", "HIDDEN"):
        return "creationBehavior.displayExperience.visibility must be VISIBLE or HIDDEN"
    triggering = body.get("triggeringBehavior") or {}
    operation = triggering.get("operation") or {}
    if operation.get("type") not in ("ANNOUNCE", "NOTIFY_ONLY", "LAUNCH_TASK"):
        return "triggeringBehavior.operation.type must be ANNOUNCE, NOTIFY_ONLY or LAUNCH_TASK"
    if operation["type"] == "ANNOUNCE":
        texts = operation.get("textToAnnounce")
        if not texts or not all(isinstance(t, dict) and isinstance(t.get("locale"), str)
                                and isinstance(t.get("text"), str) for t in texts):
            return "textToAnnounce must be a list of {locale, text}"
    if not isinstance((triggering.get("notificationConfig") or {}).get("playAudible"), bool):
        return "notificationConfig.playAudible must be true or false"
    return None


@dataclass(frozen=True)
class _Garbled:
    status: int


@dataclass(frozen=True)
class _Trickled:
    answer: Answer
    interval: float


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _TlsHttpServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # keep test output clean; the server records requests instead

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_DELETE = do_PUT = do_PATCH = do_GET

    def _serve(self) -> None:
        self.close_connection = True
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY_BYTES:
            self._send(*_error(413 if length > 0 else 400, "REQUEST_TOO_LARGE_OR_MALFORMED"))
            return
        raw_body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        answer = self.server.api.answer(self.command, self.path, headers, raw_body)
        if answer is _HANG:
            self.server.api.wait_for_release()
            return  # close the connection without a word
        if isinstance(answer, _Garbled):
            self._send_raw(answer.status, b'{"id": "oops', "application/json")
            return
        if isinstance(answer, _Trickled):
            self._trickle(answer)
            return
        self._send(*answer)

    def _send_raw(self, status: int, payload: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)

    def _trickle(self, trickled: _Trickled) -> None:
        status, body = trickled.answer
        payload = b"" if body is None else json.dumps(body).encode()
        head = (f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n").encode()
        for byte in head + payload:  # the fault itself: a server that answers very slowly
            if self.server.api.released(trickled.interval):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return  # the client gave up

    def _send(self, status: int, body: Any) -> None:
        payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)


class _TlsHttpServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() never waits for a hanging request's thread

    def __init__(self, api: TimersApiServer, tls: ssl.SSLContext):
        self.api = api
        self.tls = tls
        super().__init__(("127.0.0.1", 0), _Handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # The TLS handshake runs here, in the request's own thread, so a slow or failing client
        # never blocks the accept loop.
        request.settimeout(SOCKET_TIMEOUT_SECONDS)
        try:
            connection = self.tls.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        try:
            super().finish_request(connection, client_address)
        finally:
            connection.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError, TimeoutError)):
            super().handle_error(request, client_address)  # a real bug in this server: show it
