"""Cold starts: a new Python process imports a Lambda module and answers one LaunchRequest.

Configurations: the hello world and ours in SQLite mode, each also with what Lambda's runtime has
already imported and "as shipped" (from the package directory, no .pyc files), and ours in
DynamoDB mode against a local dynalite. Also the DynamoDB path's extra import cost.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.common import LAMBDA_DIR, PYTHON, ROOT, SCRIPTS_DIR, START, child_env, free_port, ms, section
from benchmark.package import Package

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


@dataclass
class ColdConfig:
    name: str
    module: str
    pythonpath: list[Path]
    env: dict[str, str] = field(default_factory=dict)
    fresh_db: bool = False
    results: list[dict] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def environ(self, event: dict, database: Path) -> dict[str, str]:
        """COLD_CHILD's environment for this configuration; `database` is used only with fresh_db."""
        extra = dict(
            self.env,
            BENCH_EVENT=json.dumps(event),
            BENCH_MODULE=self.module,
            BENCH_HEAVY=json.dumps(HEAVY_MODULES),
        )
        if self.fresh_db:  # a new container: an empty /tmp
            extra["SKILL_DB_PATH"] = str(database)
        return child_env(self.pythonpath, **extra)

    def run(self, event: dict, work: Path, index: int) -> None:
        started = time.perf_counter()
        result = subprocess.run(
            [PYTHON, "-c", COLD_CHILD],
            env=self.environ(event, work / f"cold-{self.name}-{index}" / "skill.sqlite3"),
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


@dataclass
class ColdStarts:
    """The cold-start phase's results."""

    launch: dict  # the request every cold start answers; the import profile answers it too
    configs: list[ColdConfig]
    heavy: list[str]  # heavy modules a SQLite-mode cold start of ours loaded
    boto3_import: float
    adapter_import: float
    notes: list[str]

    def named(self, name: str) -> ColdConfig:
        return next(config for config in self.configs if config.name == name)

    @property
    def hello(self) -> ColdConfig:
        return self.named("hello world")

    @property
    def ours(self) -> ColdConfig:
        return self.named("ours, SQLite")


def launch_event() -> dict:
    from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session

    return EnvelopeBuilder(
        Device(user_id="amzn1.ask.account.bench-cold", api_access_token=""), clock=lambda: START
    ).launch(Session())


def cold_configs(dynalite_environ: dict[str, str] | None, package: Package, work: Path) -> list[ColdConfig]:
    """Every configuration to measure, each of ours next to the hello world run the same way."""
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
    if dynalite_environ is not None:
        configs.append(
            ColdConfig("ours, DynamoDB (dynalite)", "lambda_function", [LAMBDA_DIR], dynalite_environ)
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
    return configs


def run_interleaved(configs: list[ColdConfig], launch: dict, work: Path, runs: int) -> None:
    for config in configs:  # warm the OS file cache and write .pyc where allowed; not counted
        config.run(launch, work, -1)
        config.results.clear()
        config.wall.clear()
    for index in range(runs):  # interleaved, so drift hits every configuration alike
        for config in configs:
            config.run(launch, work, index)


def time_dynamodb_imports(runs: int) -> tuple[float, float]:
    """Medians, in a fresh process each time, of `import boto3` and then of the SDK's DynamoDB adapter."""
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
        for _ in range(runs)
    ]
    return (
        statistics.median(r["boto3"] for r in import_runs),
        statistics.median(r["adapter"] for r in import_runs),
    )


def measure_cold_starts(runs: int, package: Package, work: Path) -> ColdStarts:
    """The cold-start phase: every configuration `runs` times, interleaved, then the import costs."""
    section(f"Cold start: new process, import + first response, {runs} runs each")
    launch = launch_event()
    notes: list[str] = []
    dynalite = LocalDynalite()
    dynalite_problem = dynalite.start()
    if dynalite_problem is not None:
        notes.append(f"DynamoDB-mode cold start not measured: {dynalite_problem}; only its import cost is.")
    configs = cold_configs(dynalite.environ() if dynalite_problem is None else None, package, work)
    try:
        run_interleaved(configs, launch, work, runs)
    finally:
        dynalite.stop()
    for config in configs:
        print(
            f"{config.name:32} import {ms(config.median('import')):>9}  first answer "
            f"{ms(config.median('first')):>9}"
            f"  total {ms(config.median('total')):>9}  process {ms(statistics.median(config.wall)):>9}"
            f"  modules {config.results[0]['modules']}"
        )
    ours = next(config for config in configs if config.name == "ours, SQLite")
    heavy = sorted({name for r in ours.results for name in r["heavy"]})
    print(f"heavy modules loaded by a SQLite cold start: {', '.join(heavy) or 'none'}")

    boto3_import, adapter_import = time_dynamodb_imports(max(5, runs // 2))
    print(
        f"DynamoDB path imports: boto3 {ms(boto3_import)}, then ask_sdk_dynamodb.adapter {ms(adapter_import)}"
    )
    return ColdStarts(launch, configs, heavy, boto3_import, adapter_import, notes)
