"""HTTP: create_app (verification off, loopback) under werkzeug's threaded server in a subprocess,
N keep-alive client threads replaying recorded conversations, alternating runs per skill.

The server subprocess is scripts/bench.py itself, re-invoked with the hidden `--serve ours|hello`
flag, which calls serve() here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.common import ENTRY_POINT, LAMBDA_DIR, PYTHON, SCRIPTS_DIR, child_env, ms, percentile, section
from benchmark.warm import WarmRun, run_conversations


def serve(which: str, database: str) -> None:
    """Subprocess mode: serve `which` skill with create_app on 127.0.0.1; print the port."""
    import logging

    from werkzeug.serving import WSGIRequestHandler, make_server

    from heat_or_ice_web.app import create_app

    logging.disable(logging.WARNING)  # the verification-off banner; nothing else is logged per request
    if which == "ours":
        from heat_or_ice.adapters import SqlitePersistenceAdapter
        from heat_or_ice.skill.builder import build_skill

        skill = build_skill(persistence_adapter=SqlitePersistenceAdapter(database))
    else:
        sys.path.insert(0, str(SCRIPTS_DIR))
        import hello_world_skill

        skill = hello_world_skill.build_skill()

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args: Any, **kwargs: Any) -> None:
            pass

    app = create_app(skill, verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1")
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    print(server.server_port, flush=True)
    server.serve_forever()


@dataclass
class HttpResult:
    requests: int
    seconds: float
    latencies: list[float]
    errors: list[str]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds


def http_load(
    which: str, streams: list[list[bytes]], work: Path, time_limit: float, round_: int = 0
) -> HttpResult:
    """One keep-alive client thread per stream of request bodies, all started together, against
    a fresh server (and a fresh store) in a subprocess."""
    import http.client

    server = subprocess.Popen(
        [
            PYTHON,
            str(ENTRY_POINT),
            "--serve",
            which,
            "--db",
            str(work / f"http-{which}-{round_}" / "skill.sqlite3"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=child_env([LAMBDA_DIR]),
    )
    try:
        port = int(server.stdout.readline())
        barrier = threading.Barrier(len(streams) + 1)
        latencies: list[list[float]] = [[] for _ in streams]
        errors: list[str] = []
        deadline: list[float] = []

        def client(index: int) -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            barrier.wait()
            try:
                for body in streams[index]:
                    if time.monotonic() > deadline[0]:
                        errors.append("stopped at the time limit")
                        return
                    started = time.perf_counter()
                    connection.request("POST", "/", body, {"Content-Type": "application/json"})
                    response = connection.getresponse()
                    data = response.read()
                    latencies[index].append(time.perf_counter() - started)
                    if response.status != 200 or b"outputSpeech" not in data:
                        errors.append(f"HTTP {response.status}: {data[:200]!r}")
            except Exception as error:  # noqa: BLE001 - reported, not raised in a thread
                errors.append(f"{type(error).__name__}: {error}")
            finally:
                connection.close()

        threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(len(streams))]
        for thread in threads:
            thread.start()
        deadline.append(time.monotonic() + time_limit)
        barrier.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join(timeout=time_limit + 15)
        seconds = time.perf_counter() - started
        flat = [latency for stream in latencies for latency in stream]
        return HttpResult(len(flat), seconds, flat, errors)
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


@dataclass
class HttpRuns:
    """The HTTP phase's results."""

    rounds: dict[str, list[HttpResult]]  # "ours" and "hello": every run, in order
    ours: HttpResult  # the median run by throughput
    hello: HttpResult
    bodies: list[list[bytes]]  # the request bodies, one list per conversation (the HTTP profile reuses them)
    notes: list[str]


def client_streams(warm: WarmRun, threads: int, requests: int) -> tuple[list[list[bytes]], list[list[bytes]]]:
    """The recorded conversations as request bodies (more conversations if `threads` x `requests`
    needs them), and one stream of `requests` bodies per client thread."""
    bodies = [[json.dumps(event).encode() for event in talk] for talk in warm.recorded]
    needed = threads * -(-requests // warm.turns)  # whole conversations for every thread
    if len(bodies) < needed:
        extra = run_conversations(warm.handler, warm.next_person, needed - len(bodies))
        bodies += [[json.dumps(event).encode() for event in talk] for talk in extra]
    streams: list[list[bytes]] = [[] for _ in range(threads)]
    for index, talk in enumerate(bodies):  # whole conversations per thread: one person, in order
        stream = streams[index % threads]
        if len(stream) < requests:
            stream.extend(talk[: requests - len(stream)])
    return bodies, streams


def measure_http(
    warm: WarmRun, threads: int, requests: int, http_rounds: int, time_limit: float, work: Path
) -> HttpRuns:
    """The HTTP phase: `http_rounds` alternating runs per skill over the same request bodies."""
    section(f"HTTP: create_app on 127.0.0.1, {threads} threads x {requests} requests, keep-alive")
    bodies, streams = client_streams(warm, threads, requests)
    rounds: dict[str, list[HttpResult]] = {"ours": [], "hello": []}
    for round_ in range(http_rounds):  # alternating, so a noisy moment hits both
        rounds["ours"].append(http_load("ours", streams, work, time_limit, round_))
        rounds["hello"].append(
            http_load(
                "hello",
                [list(stream) for stream in streams],  # the same request bodies as ours
                work,
                time_limit,
                round_,
            )
        )
    http_ours, http_hello = (
        sorted(rounds[name], key=lambda r: r.throughput)[len(rounds[name]) // 2] for name in ("ours", "hello")
    )
    for name in ("ours", "hello"):
        print(
            f"{name:6} rounds: {', '.join(f'{r.throughput:.0f}' for r in rounds[name])} req/s; median round:"
        )
    notes: list[str] = []
    for name, result in (("ours", http_ours), ("hello", http_hello)):
        print(
            f"{name:6} {result.requests} requests in {result.seconds:.2f} s: {result.throughput:.0f} "
            "req/s, "
            f"p50 {ms(percentile(result.latencies, 0.5))}, p99 {ms(percentile(result.latencies, 0.99))}, "
            f"errors {len(result.errors)}"
        )
        if result.errors:
            notes.append(f"HTTP {name}: {len(result.errors)} errors, first: {result.errors[0]}")
    return HttpRuns(rounds, http_ours, http_hello, bodies, notes)
