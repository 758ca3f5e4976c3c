"""HTTP: create_app with Alexa's request verification on, under werkzeug's threaded server in a
subprocess, N keep-alive client threads replaying recorded conversations, alternating runs per skill.

Every request is signed the way Alexa signs (tests/support/alexa_signing.py: a test root CA, an
intermediate, an echo-api.amazon.com leaf) and stamped with the current time, and the server
checks it as in production: certificate URL, chain up to a trusted root (the test root added to
the system's), signing certificate, signature of the body, timestamp within 150 s, application
id. Only where the chain comes from differs (served from memory instead of downloaded once).

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

from benchmark.common import (
    ENTRY_POINT,
    HOSTING_DIR,
    LAMBDA_DIR,
    PYTHON,
    SCRIPTS_DIR,
    child_env,
    ms,
    percentile,
    section,
)
from benchmark.warm import WarmRun, run_conversations

Request = tuple[bytes, dict[str, str]]  # body, headers


def serve(which: str, database: str, trust_root: str, cert_chain: str) -> None:
    """Subprocess mode: serve `which` skill with create_app, verification on, on 127.0.0.1; print the port."""
    import logging

    from werkzeug.serving import WSGIRequestHandler, make_server

    from heat_or_ice_web.app import create_app
    from heat_or_ice_web.verification import AlexaRequestVerifier

    logging.disable(logging.WARNING)
    if which == "ours":
        from heat_or_ice.adapters import SqlitePersistenceAdapter
        from heat_or_ice.skill.builder import build_skill

        skill = build_skill(persistence_adapter=SqlitePersistenceAdapter(database))
    else:
        sys.path.insert(0, str(SCRIPTS_DIR))
        import hello_world_skill

        skill = hello_world_skill.build_skill()
    chain = Path(cert_chain).read_bytes()
    verifier = AlexaRequestVerifier(
        extra_trust_roots=[Path(trust_root).read_bytes()], cert_chain_loader=lambda url: chain
    )

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args: Any, **kwargs: Any) -> None:
            pass

    app = create_app(skill, signature_verifier=verifier)
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


@dataclass
class Signing:
    """The test PKI, written where the server subprocess reads it."""

    trust_root: Path
    cert_chain: Path

    @classmethod
    def create(cls, work: Path) -> Signing:
        from tests.support.alexa_signing import signing_chains

        chains = signing_chains()
        (work / "trust-root.pem").write_bytes(chains.root_pem)
        (work / "cert-chain.pem").write_bytes(chains.trusted_chain_pem)
        return cls(work / "trust-root.pem", work / "cert-chain.pem")


def signed_now(streams: list[list[dict]]) -> list[list[Request]]:
    """Each event stamped with the current time, as JSON, with Alexa's signature headers."""
    from tests.support.alexa_signing import alexa_timestamp, signed_headers

    stamp = alexa_timestamp()
    signed = []
    for stream in streams:
        requests = []
        for event in stream:
            body = json.dumps({**event, "request": {**event["request"], "timestamp": stamp}}).encode()
            requests.append((body, signed_headers(body)))
        signed.append(requests)
    return signed


def warm_up_requests(count: int = 3) -> list[Request]:
    """Launches for a person of their own, sent one at a time before the measured load.

    They also keep a race out of the numbers: the first verifications running at the same time
    can fail (asn1crypto parses the shared trust roots lazily and not thread-safely; a KeyError
    that AlexaRequestVerifier turns into a 400), so one request completes before the threads start.
    """
    from tests.support.alexa_signing import launch_request_body, signed_headers

    bodies = [launch_request_body(user_id=f"amzn1.ask.account.bench-warm-up-{n}") for n in range(count)]
    return [(body, signed_headers(body)) for body in bodies]


def http_load(
    which: str, streams: list[list[Request]], signing: Signing, work: Path, time_limit: float, round_: int
) -> HttpResult:
    """One keep-alive client thread per stream of requests, all started together, against
    a fresh server (and a fresh store) in a subprocess, warmed up first."""
    import http.client

    database = work / f"http-{which}-{round_}" / "skill.sqlite3"
    server = subprocess.Popen(
        [PYTHON, str(ENTRY_POINT), "--serve", which, "--db", str(database)]
        + ["--trust-root", str(signing.trust_root), "--cert-chain", str(signing.cert_chain)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env([LAMBDA_DIR, HOSTING_DIR]),
    )
    try:
        line = server.stdout.readline()
        if not line.strip().isdigit():
            server.kill()
            raise RuntimeError(f"the {which} server did not start:\n{server.communicate()[1][-2000:]}")
        port = int(line)
        warm_up = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for body, headers in warm_up_requests():
            warm_up.request("POST", "/", body, headers)
            answer = warm_up.getresponse()
            if answer.status != 200:
                raise RuntimeError(f"the {which} server refused a warm-up request: {answer.read()[:300]!r}")
            answer.read()
        warm_up.close()
        barrier = threading.Barrier(len(streams) + 1)
        latencies: list[list[float]] = [[] for _ in streams]
        errors: list[str] = []
        deadline: list[float] = []

        def client(index: int) -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            barrier.wait()
            try:
                for body, headers in streams[index]:
                    if time.monotonic() > deadline[0]:
                        errors.append("stopped at the time limit")
                        return
                    started = time.perf_counter()
                    connection.request("POST", "/", body, headers)
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
    ours: HttpResult  # the round whose ours / hello throughput ratio is the median
    hello: HttpResult
    conversations: list[list[dict]]  # the events, one list per conversation (the HTTP profile reuses them)
    notes: list[str]


def client_streams(warm: WarmRun, threads: int, requests: int) -> tuple[list[list[dict]], list[list[dict]]]:
    """The recorded conversations (more of them if `threads` x `requests` needs them), and one
    stream of `requests` events per client thread."""
    conversations = list(warm.recorded)
    needed = threads * -(-requests // warm.turns)  # whole conversations for every thread
    if len(conversations) < needed:
        conversations += run_conversations(warm.handler, warm.next_person, needed - len(conversations))
    streams: list[list[dict]] = [[] for _ in range(threads)]
    for index, talk in enumerate(conversations):  # whole conversations per thread: one person, in order
        stream = streams[index % threads]
        if len(stream) < requests:
            stream.extend(talk[: requests - len(stream)])
    return conversations, streams


def measure_http(
    warm: WarmRun, threads: int, requests: int, http_rounds: int, time_limit: float, work: Path
) -> HttpRuns:
    """The HTTP phase: `http_rounds` alternating runs per skill over the same signed requests."""
    section(
        f"HTTP: create_app on 127.0.0.1, verification on, {threads} threads x {requests} requests, keep-alive"
    )
    conversations, streams = client_streams(warm, threads, requests)
    signing = Signing.create(work)
    rounds: dict[str, list[HttpResult]] = {"ours": [], "hello": []}
    for round_ in range(http_rounds):  # alternating, so a noisy moment hits both
        signed = signed_now(streams)  # fresh timestamps: the server allows 150 s
        rounds["ours"].append(http_load("ours", signed, signing, work, time_limit, round_))
        rounds["hello"].append(http_load("hello", signed, signing, work, time_limit, round_))
    # Each round's two runs follow each other, so their ratio cancels the machine's slower drift;
    # the round with the median ratio is the one reported.
    pairs = sorted(
        zip(rounds["ours"], rounds["hello"], strict=True),
        key=lambda pair: pair[0].throughput / pair[1].throughput,
    )
    http_ours, http_hello = pairs[len(pairs) // 2]
    notes: list[str] = []
    for name, result in (("ours", http_ours), ("hello", http_hello)):
        print(
            f"{name:6} rounds {', '.join(f'{r.throughput:.0f}' for r in rounds[name])} req/s; reported: "
            f"{result.requests} requests in {result.seconds:.2f} s, {result.throughput:.0f} req/s, "
            f"p50 {ms(percentile(result.latencies, 0.5))}, p99 {ms(percentile(result.latencies, 0.99))}, "
            f"errors {len(result.errors)}"
        )
        if result.errors:
            notes.append(f"HTTP {name}: {len(result.errors)} errors, first: {result.errors[0]}")
    return HttpRuns(rounds, http_ours, http_hello, conversations, notes)
