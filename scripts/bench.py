"""Performance evidence for Heat or Ice, against a hello-world skill on the same stack.

    make bench       # or: PYTHONPATH=lambda .venv/bin/python scripts/bench.py
    PYTHONPATH=lambda .venv/bin/python scripts/bench.py --runs 3 --no-package --output /tmp/b.md  # quick

One run measures, for our skill and for scripts/hello_world_skill.py served the same ways:
- cold start: a new Python process importing the Lambda module and answering a LaunchRequest
  (our lambda_function in SQLite mode and in DynamoDB mode against a local dynalite; also with
  what Lambda's runtime has already imported, and "as shipped": from the package directory
  `make package` builds, which has no .pyc files), medians; the DynamoDB path's extra import
  cost; which heavy modules a SQLite cold start loads;
- warm latency: a scripted conversation (launch, advice with slots, yes/no answers, help, stop)
  through lambda_handler in-process, p50 and p99 per request, and the very same request envelopes
  replayed to the hello world (so both pay the SDK's parsing of the same requests);
- HTTP: create_app (verification off, loopback) under werkzeug's threaded server in a
  subprocess, N client threads x M requests on keep-alive connections, throughput and p99
  (three alternating runs per skill, the median reported: this box is shared and noisy);
- the zipped size of the Lambda package (built in a temp dir, as `make package` builds it).
It prints ratios to the hello world, shows the targets as pass/miss (never fails on them),
profiles what misses, and writes BENCHMARKS.md. Nothing is left behind in the checkout.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LAMBDA_DIR = ROOT / "lambda"
SCRIPTS_DIR = ROOT / "scripts"
PYTHON = sys.executable
# What AWS Lambda's Python runtime (awslambdaric/bootstrap.py) has imported before it imports the
# handler's module: logging in particular is free there.
LAMBDA_RUNTIME_MODULES = "importlib,json,logging,os,sys,time,traceback"
HEAVY_MODULES = (
    "requests",
    "urllib3",
    "boto3",
    "botocore",
    "flask",
    "werkzeug",
    "cryptography",
    "certvalidator",
)
TARGETS = {"warm": 1.5, "cold": 1.5, "http": 0.8}  # ours / hello world
START = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)

# Runs in a fresh interpreter: import the Lambda module, answer one request, report the times.
COLD_CHILD = """
import json, os, sys, time
for name in filter(None, os.environ.get("BENCH_PRELOAD", "").split(",")):
    __import__(name)
event = json.loads(os.environ["BENCH_EVENT"])
started = time.perf_counter()
module = __import__(os.environ["BENCH_MODULE"])
imported = time.perf_counter()
response = module.lambda_handler(event, None)
answered = time.perf_counter()
assert "outputSpeech" in response["response"], response
heavy = sorted(name for name in json.loads(os.environ["BENCH_HEAVY"]) if name in sys.modules)
print(json.dumps({"import": imported - started, "first": answered - imported, "total": answered - started,
                  "heavy": heavy, "modules": len(sys.modules)}))
"""
IMPORT_CHILD = """
import json, time
started = time.perf_counter()
import boto3
boto3_done = time.perf_counter()
import ask_sdk_dynamodb.adapter
print(json.dumps({"boto3": boto3_done - started, "adapter": time.perf_counter() - boto3_done}))
"""


# -- Helpers ------------------------------------------------------------------------------------
def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.001 else f"{seconds * 1e6:.0f} µs"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))]


def verdict(ratio: float, target: float, higher_is_better: bool = False) -> str:
    ok = ratio >= target if higher_is_better else ratio <= target
    return f"{'PASS' if ok else 'MISS'} ({'>=' if higher_is_better else '<='} {target}x)"


def child_env(pythonpath: list[Path], **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AWS_", "DYNAMODB_", "SKILL_", "PYTHON", "REQUESTS_CA"))
    }
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
    env.update(extra)
    return env


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


def settle() -> None:
    """A full collection now, and everything alive so far out of the collector's sight: the
    benchmark's own bookkeeping (recorded requests, timings) must not make the skill's requests
    pay for long garbage-collector passes that a Lambda container's small heap never has."""
    gc.collect()
    gc.freeze()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- The scripted conversation --------------------------------------------------------------------
def conversation(send: Callable[[dict], dict], number: int) -> list[dict]:
    """Launch, advice for lower-back pain with slots, every safety question answered no,
    help, stop: one new person each time. Returns the events sent, in order."""
    from heat_or_ice.web.envelopes import Device, EnvelopeBuilder, Session, slot_json

    now = START + timedelta(minutes=number)
    device = Device(user_id=f"amzn1.ask.account.bench-{number:06d}", api_access_token="")
    envelopes = EnvelopeBuilder(device, clock=lambda: now)
    session = Session()
    sent: list[dict] = []

    def turn(event: dict) -> dict:
        sent.append(event)
        answer = send(event)
        session.new = False
        session.attributes = answer.get("sessionAttributes") or {}
        return answer

    def slot(name: str, type_name: str, value_id: str, words: str) -> dict:
        return slot_json(
            name,
            words,
            type_name=type_name,
            matches=((value_id, words),),
            application_id=device.application_id,
        )

    turn(envelopes.launch(session))
    answer = turn(
        envelopes.intent(
            session,
            "RecommendIntent",
            {
                "location": slot("location", "PainLocation", "LOWER_BACK", "lower back"),
                "onset": slot("onset", "Onset", "WEEKS", "a few weeks"),
                "cause": slot("cause", "Cause", "NO_CAUSE", "no reason"),
            },
        )
    )
    for _ in range(12):
        expect = session.attributes.get("expect") or {}
        if expect.get("kind") != "question":
            break
        answer = turn(envelopes.intent(session, "AMAZON.NoIntent"))
    speech = answer["response"]["outputSpeech"]["ssml"]
    assert "suggest" in speech, f"the scripted conversation ended without advice: {speech}"
    turn(envelopes.intent(session, "AMAZON.HelpIntent"))
    turn(envelopes.intent(session, "AMAZON.StopIntent"))
    return sent


# -- Package ------------------------------------------------------------------------------------
@dataclass
class Package:
    directory: Path | None = None
    zipped: int = 0
    unzipped: int = 0
    files: int = 0
    largest: list[tuple[str, int]] = field(default_factory=list)
    error: str = ""


def build_package(work: Path) -> Package:
    """What `make package` ships (lambda/requirements.txt + our code, no __pycache__), zipped."""
    directory = work / "lambda-package"
    directory.mkdir()
    command = [
        PYTHON,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-compile",
        "-r",
        str(LAMBDA_DIR / "requirements.txt"),
        "-t",
        str(directory),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240)
    if result.returncode != 0:
        return Package(error=f"pip install failed: {result.stderr.strip()[-400:]}")
    shutil.copy2(LAMBDA_DIR / "lambda_function.py", directory)
    shutil.copytree(
        LAMBDA_DIR / "heat_or_ice", directory / "heat_or_ice", ignore=shutil.ignore_patterns("__pycache__")
    )
    for cache in list(directory.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    archive = work / "lambda.zip"
    sizes: dict[str, int] = {}
    files = unzipped = 0
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            relative = path.relative_to(directory)
            zipped.write(path, relative)
            size = path.stat().st_size
            files, unzipped = files + 1, unzipped + size
            top = relative.parts[0] if len(relative.parts) > 1 else "(top-level files)"
            sizes[top] = sizes.get(top, 0) + size
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
    return Package(directory, archive.stat().st_size, unzipped, files, largest)


# -- Cold start ---------------------------------------------------------------------------------
@dataclass
class ColdConfig:
    name: str
    module: str
    pythonpath: list[Path]
    env: dict[str, str] = field(default_factory=dict)
    fresh_db: bool = False
    results: list[dict] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def run(self, event: dict, work: Path, index: int) -> None:
        extra = dict(
            self.env,
            BENCH_EVENT=json.dumps(event),
            BENCH_MODULE=self.module,
            BENCH_HEAVY=json.dumps(HEAVY_MODULES),
        )
        if self.fresh_db:  # a new container: an empty /tmp
            extra["SKILL_DB_PATH"] = str(work / f"cold-{self.name}-{index}" / "skill.sqlite3")
        started = time.perf_counter()
        result = subprocess.run(
            [PYTHON, "-c", COLD_CHILD],
            env=child_env(self.pythonpath, **extra),
            capture_output=True,
            text=True,
            timeout=60,
            cwd=work,
        )
        wall = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"cold start {self.name} failed:\n{result.stderr[-2000:]}")
        self.results.append(json.loads(result.stdout.strip().splitlines()[-1]))
        self.wall.append(wall)

    def median(self, key: str) -> float:
        return statistics.median(r[key] for r in self.results)


class LocalDynalite:
    """An in-memory dynalite for the DynamoDB-mode cold start; None if node or dynalite is missing."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.port = free_port()
        self.table = "heat-or-ice-bench"

    def start(self) -> str | None:
        cli = ROOT / "node_modules" / "dynalite" / "cli.js"
        if shutil.which("node") is None or not cli.exists():
            return "node or node_modules/dynalite is missing (run `npm ci`)"
        self.process = subprocess.Popen(
            ["node", str(cli), "--host", "127.0.0.1", "--port", str(self.port), "--createTableMs", "0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
        )
        import boto3  # the parent pays this, not the measured children

        resource = boto3.resource(
            "dynamodb",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="bench",
            aws_secret_access_key="bench",
        )
        deadline = time.monotonic() + 15
        while True:
            try:
                resource.create_table(
                    TableName=self.table,
                    BillingMode="PAY_PER_REQUEST",
                    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                )
                return None
            except Exception as error:  # noqa: BLE001 - not listening yet
                if time.monotonic() > deadline or self.process.poll() is not None:
                    return f"dynalite did not start: {error}"
                time.sleep(0.05)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environ(self) -> dict[str, str]:
        return {
            "DYNAMODB_TABLE": self.table,
            "AWS_ENDPOINT_URL_DYNAMODB": self.endpoint,
            "AWS_REGION": "us-east-1",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
        }

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


# -- Warm, in-process ---------------------------------------------------------------------------
def time_calls(handler: Callable[[dict, Any], dict], events: Iterator[dict] | list[dict]) -> list[float]:
    timings = []
    for event in events:
        started = time.perf_counter()
        handler(event, None)
        timings.append(time.perf_counter() - started)
    return timings


def run_conversations(
    handler: Callable[[dict, Any], dict], first: int, count: int, timings: list[float] | None = None
) -> list[list[dict]]:
    def send(event: dict) -> dict:
        started = time.perf_counter()
        answer = handler(event, None)
        if timings is not None:
            timings.append(time.perf_counter() - started)
        return answer

    return [conversation(send, first + n) for n in range(count)]


# -- HTTP -----------------------------------------------------------------------------------------
def serve(which: str, database: str) -> None:
    """Subprocess mode: serve `which` skill with create_app on 127.0.0.1; print the port."""
    import logging

    from werkzeug.serving import WSGIRequestHandler, make_server

    from heat_or_ice.web.app import create_app

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
            str(Path(__file__).resolve()),
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


# -- Profiles -----------------------------------------------------------------------------------
def profile_warm(handler: Callable[[dict, Any], dict], first: int, count: int, top: int = 18) -> str:
    settle()
    profiler = cProfile.Profile()
    profiler.enable()
    run_conversations(handler, first, count)
    profiler.disable()
    return print_stats(profiler, top, "heat_or_ice")


def print_stats(profiler: cProfile.Profile, top: int, focus: str) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    out.write(f"\n--- by cumulative time, {focus} only ---\n")
    stats.sort_stats("cumulative").print_stats(focus, top)
    text = out.getvalue()
    for prefix in (ROOT, Path(sys.prefix), Path(sys.base_prefix)):  # shorter paths, no home folders
        text = text.replace(f"{prefix}/", "")
    return "\n".join(
        line for line in text.splitlines() if line.strip() and not line.startswith("   Ordered by")
    )


def profile_http(conversations: list[list[bytes]], work: Path, top: int = 18) -> str:
    """The web layer around the skill, in-process: create_app's view for every recorded request."""
    import logging

    from heat_or_ice.adapters import SqlitePersistenceAdapter
    from heat_or_ice.skill.builder import build_skill
    from heat_or_ice.web.app import create_app

    logging.disable(logging.WARNING)
    skill = build_skill(persistence_adapter=SqlitePersistenceAdapter(work / "profile-http.sqlite3"))
    client = create_app(
        skill, verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1"
    ).test_client()
    settle()
    profiler = cProfile.Profile()
    profiler.enable()
    for talk in conversations:
        for body in talk:
            assert client.post("/", data=body, content_type="application/json").status_code == 200
    profiler.disable()
    logging.disable(logging.NOTSET)
    return print_stats(profiler, top, "heat_or_ice|flask|werkzeug|skill_adapter|webservice")


def import_profile(config: ColdConfig, baseline: ColdConfig, work: Path, event: dict, top: int = 15) -> str:
    """python -X importtime of a cold start; the modules the hello world does not load, by cumulative time."""

    def imports(which: ColdConfig) -> dict[str, tuple[int, int]]:
        extra = dict(
            which.env,
            BENCH_EVENT=json.dumps(event),
            BENCH_MODULE=which.module,
            BENCH_HEAVY=json.dumps(HEAVY_MODULES),
        )
        if which.fresh_db:
            extra["SKILL_DB_PATH"] = str(work / "importtime" / "skill.sqlite3")
        result = subprocess.run(
            [PYTHON, "-X", "importtime", "-c", COLD_CHILD],
            env=child_env(which.pythonpath, **extra),
            capture_output=True,
            text=True,
            cwd=work,
        )
        found = {}
        for line in result.stderr.splitlines():
            if line.startswith("import time:") and "|" in line and "self [us]" not in line:
                own, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
                found[name.strip()] = (int(own), int(cumulative))
        return found

    ours, hello = imports(config), imports(baseline)
    extra = {name: times for name, times in ours.items() if name not in hello}
    rows = sorted(extra.items(), key=lambda item: -item[1][1])[:top]
    own_total = sum(own for own, _ in extra.values())
    lines = [
        f"{len(extra)} modules the hello world does not import, {own_total / 1000:.1f} ms of their own "
        "import time:",
        f"{'cumulative':>11} {'self':>9}  module",
    ]
    lines += [f"{c / 1000:>8.1f} ms {s / 1000:>6.1f} ms  {name}" for name, (s, c) in rows]
    return "\n".join(lines)


# -- The run ------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    )
    return {
        "CPU": model,
        "Cores available": str(cores),
        "Python": platform.python_version(),
        "OS": f"{platform.system()} {platform.release()}",
        "Date (UTC)": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "Checkout": commit.stdout.strip() or "unknown",
        "Load average (1 min) at the end": f"{os.getloadavg()[0]:.2f}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="cold starts per configuration (default 15)")
    parser.add_argument(
        "--conversations", type=int, default=300, help="measured warm conversations (default 300)"
    )
    parser.add_argument("--threads", type=int, default=8, help="HTTP client threads (default 8)")
    parser.add_argument("--requests", type=int, default=300, help="HTTP requests per thread (default 300)")
    parser.add_argument(
        "--http-rounds", type=int, default=3, help="HTTP runs per skill; the median is reported"
    )
    parser.add_argument("--http-time-limit", type=float, default=60.0, help="per run, in seconds")
    parser.add_argument("--no-package", action="store_true", help="skip building the Lambda package")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--serve", choices=("ours", "hello"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.db)
        return 0

    sys.path[:0] = [str(LAMBDA_DIR), str(SCRIPTS_DIR)]
    began = time.monotonic()
    report: list[str] = []
    notes: list[str] = []
    profiles: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="heat-or-ice-bench-") as scratch:
        work = Path(scratch)

        # Package first: the "as shipped" cold start runs from it.
        package = Package(error="skipped (--no-package)")
        if not args.no_package:
            section("Lambda package (make package, built in a temp dir)")
            package = build_package(work)
            if package.error:
                print(package.error)
            else:
                print(
                    f"zip {package.zipped / 1e6:.2f} MB, unzipped {package.unzipped / 1e6:.2f} MB, "
                    f"{package.files} files"
                )

        # Cold starts.
        section(f"Cold start: new process, import + first response, {args.runs} runs each")
        from heat_or_ice.web.envelopes import Device, EnvelopeBuilder, Session

        launch = EnvelopeBuilder(
            Device(user_id="amzn1.ask.account.bench-cold", api_access_token=""), clock=lambda: START
        ).launch(Session())
        dynalite = LocalDynalite()
        dynalite_problem = dynalite.start()
        configs = [
            ColdConfig("hello world", "hello_world_skill", [SCRIPTS_DIR]),
            ColdConfig("ours, SQLite", "lambda_function", [LAMBDA_DIR], fresh_db=True),
        ]
        preloaded = {"BENCH_PRELOAD": LAMBDA_RUNTIME_MODULES}
        configs += [
            ColdConfig("hello world, runtime preloaded", "hello_world_skill", [SCRIPTS_DIR], preloaded),
            ColdConfig(
                "ours, SQLite, runtime preloaded", "lambda_function", [LAMBDA_DIR], preloaded, fresh_db=True
            ),
        ]
        if dynalite_problem is None:
            configs.append(
                ColdConfig("ours, DynamoDB (dynalite)", "lambda_function", [LAMBDA_DIR], dynalite.environ())
            )
        else:
            notes.append(
                f"DynamoDB-mode cold start not measured: {dynalite_problem}; only its import cost is."
            )
        if package.directory is not None:
            hello_copy = work / "hello-shipped"
            hello_copy.mkdir()
            shutil.copy2(SCRIPTS_DIR / "hello_world_skill.py", hello_copy)
            no_pyc = {"PYTHONDONTWRITEBYTECODE": "1"}
            configs += [
                ColdConfig(
                    "hello world, as shipped", "hello_world_skill", [hello_copy, package.directory], no_pyc
                ),
                ColdConfig(
                    "ours, SQLite, as shipped", "lambda_function", [package.directory], no_pyc, fresh_db=True
                ),
            ]
        try:
            for config in configs:  # warm the OS file cache and write .pyc where allowed; not counted
                config.run(launch, work, -1)
                config.results.clear()
                config.wall.clear()
            for index in range(args.runs):  # interleaved, so drift hits every configuration alike
                for config in configs:
                    config.run(launch, work, index)
        finally:
            dynalite.stop()
        by_name = {c.name: c for c in configs}
        hello, ours = by_name["hello world"], by_name["ours, SQLite"]
        for config in configs:
            print(
                f"{config.name:32} import {ms(config.median('import')):>9}  first answer "
                f"{ms(config.median('first')):>9}"
                f"  total {ms(config.median('total')):>9}  process {ms(statistics.median(config.wall)):>9}"
                f"  modules {config.results[0]['modules']}"
            )
        heavy = sorted({name for r in ours.results for name in r["heavy"]})
        print(f"heavy modules loaded by a SQLite cold start: {', '.join(heavy) or 'none'}")

        import_runs = [
            json.loads(
                subprocess.run(
                    [PYTHON, "-c", IMPORT_CHILD],
                    env=child_env([LAMBDA_DIR], AWS_REGION="us-east-1", AWS_DEFAULT_REGION="us-east-1"),
                    capture_output=True,
                    text=True,
                    timeout=60,
                    check=True,
                ).stdout
            )
            for _ in range(max(5, args.runs // 2))
        ]
        boto3_import = statistics.median(r["boto3"] for r in import_runs)
        adapter_import = statistics.median(r["adapter"] for r in import_runs)
        print(
            f"DynamoDB path imports: boto3 {ms(boto3_import)}, then ask_sdk_dynamodb.adapter "
            f"{ms(adapter_import)}"
        )

        # Warm, in-process.
        section(
            f"Warm: scripted conversation in-process through lambda_handler, {args.conversations} "
            "conversations"
        )
        os.environ["SKILL_DB_PATH"] = str(work / "warm" / "skill.sqlite3")
        for variable in ("DYNAMODB_TABLE", "SKILL_ID"):
            os.environ.pop(variable, None)
        import hello_world_skill
        import lambda_function

        run_conversations(lambda_function.lambda_handler, 0, 20)  # warm-up: imports, caches, the file
        settle()
        our_timings: list[float] = []
        recorded = run_conversations(lambda_function.lambda_handler, 20, args.conversations, our_timings)
        turns = len(recorded[0])
        # The hello world answers the very same envelopes: both skills pay the SDK's parsing of
        # the same requests, so the ratio is what our skill itself adds.
        hello_stream = [event for talk in recorded for event in talk]
        time_calls(hello_world_skill.lambda_handler, hello_stream[:200])  # warm-up
        settle()
        hello_timings = time_calls(hello_world_skill.lambda_handler, hello_stream)
        print(
            f"ours:  {len(our_timings)} requests ({turns} per conversation)  p50 "
            f"{ms(percentile(our_timings, 0.5))}"
            f"  p99 {ms(percentile(our_timings, 0.99))}"
        )
        print(
            f"hello: {len(hello_timings)} requests  p50 {ms(percentile(hello_timings, 0.5))}"
            f"  p99 {ms(percentile(hello_timings, 0.99))}"
        )

        # HTTP.
        section(
            f"HTTP: create_app on 127.0.0.1, {args.threads} threads x {args.requests} requests, keep-alive"
        )
        bodies = [[json.dumps(event).encode() for event in talk] for talk in recorded]
        needed = args.threads * -(-args.requests // turns)  # whole conversations for every thread
        if len(bodies) < needed:
            extra = run_conversations(
                lambda_function.lambda_handler, 20 + args.conversations, needed - len(bodies)
            )
            bodies += [[json.dumps(event).encode() for event in talk] for talk in extra]
        streams: list[list[bytes]] = [[] for _ in range(args.threads)]
        for index, talk in enumerate(bodies):  # whole conversations per thread: one person, in order
            stream = streams[index % args.threads]
            if len(stream) < args.requests:
                stream.extend(talk[: args.requests - len(stream)])
        rounds: dict[str, list[HttpResult]] = {"ours": [], "hello": []}
        for round_ in range(args.http_rounds):  # alternating, so a noisy moment hits both
            rounds["ours"].append(http_load("ours", streams, work, args.http_time_limit, round_))
            rounds["hello"].append(
                http_load(
                    "hello",
                    [list(stream) for stream in streams],  # the same request bodies as ours
                    work,
                    args.http_time_limit,
                    round_,
                )
            )
        http_ours, http_hello = (
            sorted(rounds[name], key=lambda r: r.throughput)[len(rounds[name]) // 2]
            for name in ("ours", "hello")
        )
        for name in ("ours", "hello"):
            print(
                f"{name:6} rounds: {', '.join(f'{r.throughput:.0f}' for r in rounds[name])} req/s; median "
                "round:"
            )
        for name, result in (("ours", http_ours), ("hello", http_hello)):
            print(
                f"{name:6} {result.requests} requests in {result.seconds:.2f} s: {result.throughput:.0f} "
                "req/s, "
                f"p50 {ms(percentile(result.latencies, 0.5))}, p99 {ms(percentile(result.latencies, 0.99))}, "
                f"errors {len(result.errors)}"
            )
            if result.errors:
                notes.append(f"HTTP {name}: {len(result.errors)} errors, first: {result.errors[0]}")

        # Ratios and targets.
        section("Ratios to the hello world")
        warm_ratio = percentile(our_timings, 0.5) / percentile(hello_timings, 0.5)
        warm_p99_ratio = percentile(our_timings, 0.99) / percentile(hello_timings, 0.99)
        cold_ratio = ours.median("total") / hello.median("total")
        http_ratio = http_ours.throughput / http_hello.throughput
        http_p99_ratio = percentile(http_ours.latencies, 0.99) / percentile(http_hello.latencies, 0.99)
        targets = [
            ("Warm per-request latency (p50)", warm_ratio, verdict(warm_ratio, TARGETS["warm"])),
            (
                "Cold start, SQLite mode (import + first answer)",
                cold_ratio,
                verdict(cold_ratio, TARGETS["cold"]),
            ),
            ("HTTP throughput", http_ratio, verdict(http_ratio, TARGETS["http"], higher_is_better=True)),
        ]
        for what, ratio, result in targets:
            print(f"{what:50} {ratio:6.2f}x  {result}")
        print(f"{'Warm p99 / HTTP p99 (not targets)':50} {warm_p99_ratio:6.2f}x / {http_p99_ratio:.2f}x")

        if warm_ratio > TARGETS["warm"] or http_ratio < TARGETS["http"]:
            section("Profile: warm conversations through lambda_handler (cProfile, 60 conversations)")
            text = profile_warm(lambda_function.lambda_handler, 100_000, 60)
            print(text)
            profiles.append(("Warm requests (cProfile of 60 conversations through lambda_handler)", text))
        if http_ratio < TARGETS["http"]:
            section("Profile: the same conversations through create_app (Flask test client, cProfile)")
            text = profile_http(bodies[:60], work)
            print(text)
            profiles.append(
                ("HTTP requests (cProfile of 60 conversations through create_app, Flask test client)", text)
            )
        if cold_ratio > TARGETS["cold"]:
            section("Profile: cold start imports (python -X importtime)")
            text = import_profile(ours, hello, work, launch)
            print(text)
            profiles.append(("Cold start imports (python -X importtime, SQLite mode)", text))

        elapsed = time.monotonic() - began
        report = render(
            args,
            machine(),
            configs,
            heavy,
            boto3_import,
            adapter_import,
            turns,
            our_timings,
            hello_timings,
            rounds,
            http_ours,
            http_hello,
            targets,
            warm_p99_ratio,
            http_p99_ratio,
            package,
            notes,
            profiles,
            elapsed,
        )
    args.output.write_text(report, encoding="utf-8")
    print(f"\nwrote {args.output} ({elapsed:.0f} s)")
    return 0


def render(
    args: argparse.Namespace,
    host: dict[str, str],
    configs: list[ColdConfig],
    heavy: list[str],
    boto3_import: float,
    adapter_import: float,
    turns: int,
    ours: list[float],
    hello: list[float],
    rounds: dict[str, list[HttpResult]],
    http_ours: HttpResult,
    http_hello: HttpResult,
    targets: list[tuple[str, float, str]],
    warm_p99_ratio: float,
    http_p99_ratio: float,
    package: Package,
    notes: list[str],
    profiles: list[tuple[str, str]],
    elapsed: float,
) -> str:
    by_name = {c.name: c for c in configs}

    def baseline(config: ColdConfig) -> float:  # like for like: the hello world run the same way
        for variant in ("runtime preloaded", "as shipped"):
            if config.name.endswith(variant):
                return by_name[f"hello world, {variant}"].median("total")
        return by_name["hello world"].median("total")

    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (scripts/bench.py); numbers from one run on the machine below. The",
        "baseline is scripts/hello_world_skill.py: ask-sdk-core with a launch handler and an intent",
        "handler that speak one sentence, served exactly the same ways. Targets are reported, not enforced.",
        "",
        "| Machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in host.items()],
        "",
        "## Targets",
        "",
        "| Target | Ours / hello world | Result |",
        "|---|---|---|",
        *[f"| {what} | {ratio:.2f}x | {result} |" for what, ratio, result in targets],
        "",
        f"## Cold start: new Python process, import + first response ({args.runs} runs, medians)",
        "",
        "| Configuration | Import | First answer | Import + answer | vs hello world, run alike "
        "| Whole process | Modules |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in configs:
        lines.append(
            f"| {c.name} | {ms(c.median('import'))} | {ms(c.median('first'))} | {ms(c.median('total'))} | "
            f"{c.median('total') / baseline(c):.2f}x | {ms(statistics.median(c.wall))} | "
            f"{c.results[0]['modules']} |"
        )
    lines += [
        "",
        "- *Runtime preloaded* first imports what AWS Lambda's Python runtime (awslambdaric) has already",
        f"  imported when it loads the handler ({LAMBDA_RUNTIME_MODULES.replace(',', ', ')}), logging above "
        "all.",
        "- *Whole process* adds interpreter start-up, which Lambda pays too. *As shipped* runs from the",
        "  directory `make package` zips (no `__pycache__`, `PYTHONDONTWRITEBYTECODE=1`): on Lambda the code",
        "  is read-only, so every cold start compiles our modules and the SDK's from source.",
        f"- Heavy modules loaded by a SQLite-mode cold start ({', '.join(HEAVY_MODULES)}): "
        f"**{', '.join(heavy) or 'none'}**.",
        f"- DynamoDB mode's extra imports (medians in a fresh process): `import boto3` {ms(boto3_import)}, "
        "then "
        f"`import ask_sdk_dynamodb.adapter` {ms(adapter_import)} (it builds a boto3 resource at import).",
        "",
        "## Warm: per request, in-process through lambda_handler",
        "",
        f"A scripted conversation of {turns} requests (launch, advice for lower-back pain given with slots, "
        "every",
        "safety question answered no, help, stop), one new person per conversation, SQLite store; the hello",
        "world answers the very same request envelopes, so both pay the SDK's parsing of the same requests.",
        "",
        "| Skill | Requests | p50 | p99 | Mean |",
        "|---|---|---|---|---|",
        f"| ours | {len(ours)} | {ms(percentile(ours, 0.5))} | {ms(percentile(ours, 0.99))} | "
        f"{ms(statistics.fmean(ours))} |",
        f"| hello world | {len(hello)} | {ms(percentile(hello, 0.5))} | {ms(percentile(hello, 0.99))} | "
        f"{ms(statistics.fmean(hello))} |",
        f"| ratio | | {percentile(ours, 0.5) / percentile(hello, 0.5):.2f}x | {warm_p99_ratio:.2f}x | "
        f"{statistics.fmean(ours) / statistics.fmean(hello):.2f}x |",
        "",
        f"## HTTP: create_app on 127.0.0.1 ({args.threads} client threads x {args.requests} requests)",
        "",
        "werkzeug's threaded server in a subprocess, verification off (loopback only), keep-alive "
        "connections;",
        "both skills get the same recorded conversations (whole conversations per thread; ours on a fresh "
        "SQLite store).",
        f"{args.http_rounds} alternating runs per skill; the table shows the median run by throughput (all "
        "runs: ours "
        f"{', '.join(f'{r.throughput:.0f}' for r in rounds['ours'])}, hello world "
        f"{', '.join(f'{r.throughput:.0f}' for r in rounds['hello'])} requests/s).",
        "",
        "| Skill | Requests | Seconds | Requests/s | p50 | p99 | Errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, result in (("ours", http_ours), ("hello world", http_hello)):
        lines.append(
            f"| {name} | {result.requests} | {result.seconds:.2f} | {result.throughput:.0f} | "
            f"{ms(percentile(result.latencies, 0.5))} | {ms(percentile(result.latencies, 0.99))} | "
            f"{len(result.errors)} |"
        )
    lines += [
        f"| ratio | | | {http_ours.throughput / http_hello.throughput:.2f}x | | {http_p99_ratio:.2f}x | |",
        "",
        "## Lambda package",
        "",
    ]
    if package.error:
        lines.append(f"Not measured: {package.error}")
    else:
        lines += [
            "`make package` contents (lambda/requirements.txt + lambda_function.py + heat_or_ice), zipped "
            "with deflate: "
            f"**{package.zipped / 1e6:.2f} MB** ({package.unzipped / 1e6:.2f} MB unzipped, {package.files} "
            "files; "
            "Lambda allows 50 MB zipped, 250 MB unzipped).",
            "",
            "| Largest top-level entries | Unzipped |",
            "|---|---|",
            *[f"| {name} | {size / 1e6:.2f} MB |" for name, size in package.largest],
        ]
    if notes:
        lines += ["", "## Notes", "", *[f"- {note}" for note in notes]]
    if profiles:
        lines += ["", "## Profiles of what missed a target"]
        for title, text in profiles:
            lines += ["", f"### {title}", "", "```", text, "```"]
    lines += ["", f"_Run took {elapsed:.0f} s._", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
