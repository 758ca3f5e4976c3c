"""Cold starts: a new Python process imports a Lambda module and answers one LaunchRequest.

Each configuration of ours is compared with the hello world run the same way:
- local (SQLite): the source tree with its bytecode, against scripts/hello_world_skill.py;
- the production configuration: DynamoDB (a local dynalite) through the official adapter, from the
  Lambda package as `make package` builds it, against scripts/hello_world_dynamodb_skill.py (the
  same adapter) from the same package. "As shipped" is a fresh copy with no bytecode and
  PYTHONDONTWRITEBYTECODE=1: Lambda's code directory is read-only, so every cold start compiles
  the package from source. "With bytecode" is a copy compiled beforehand. Both run under
  `python -S` (the package and the standard library only) with what Lambda's runtime has already
  imported when it loads the handler.
Also: SQLite as shipped, and as shipped with bytecode for the AWS SDK alone (what the runtime's
own boto3 would give), and the DynamoDB path's import costs.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.common import LAMBDA_DIR, PYTHON, SCRIPTS_DIR, START, child_env, ms, section
from benchmark.package import AWS_SDK, Package

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

# Names of the configurations the targets and the report refer to.
HELLO = "hello world"
OURS_SQLITE = "ours, SQLite"
HELLO_SHIPPED = "hello world, as shipped"
OURS_SQLITE_SHIPPED = "ours, SQLite, as shipped"
HELLO_DYNAMODB_SHIPPED = "hello world + DynamoDB, as shipped"
OURS_DYNAMODB_SHIPPED = "ours, DynamoDB, as shipped"
HELLO_DYNAMODB_BYTECODE = "hello world + DynamoDB, with bytecode"
OURS_DYNAMODB_BYTECODE = "ours, DynamoDB, with bytecode"
OURS_DYNAMODB_SDK_BYTECODE = "ours, DynamoDB, as shipped but the AWS SDK with bytecode"


@dataclass
class ColdConfig:
    name: str
    module: str
    pythonpath: list[Path]
    baseline: str | None = None  # the hello world configuration run the same way
    env: dict[str, str] = field(default_factory=dict)
    fresh_db: bool = False
    isolated: bool = False  # python -S: no site-packages, only the package and the standard library
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

    def command(self, *options: str) -> list[str]:
        return [PYTHON, *(["-S"] if self.isolated else []), *options, "-c", COLD_CHILD]

    def run(self, event: dict, work: Path, index: int) -> None:
        started = time.perf_counter()
        result = subprocess.run(
            self.command(),
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


@dataclass
class ColdStarts:
    """The cold-start phase's results."""

    launch: dict  # the request every cold start answers; the import profiles answer it too
    configs: list[ColdConfig]
    heavy: list[str]  # heavy modules a SQLite-mode cold start of ours loaded
    boto3_import: float
    adapter_import: float
    notes: list[str]

    def named(self, name: str) -> ColdConfig | None:
        return next((config for config in self.configs if config.name == name), None)

    def ratio(self, name: str) -> float | None:
        """Import + first answer of a configuration over its hello world's, if both were measured."""
        config = self.named(name)
        baseline = self.named(config.baseline) if config and config.baseline else None
        if config is None or baseline is None:
            return None
        return config.median("total") / baseline.median("total")


def launch_event() -> dict:
    from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session

    return EnvelopeBuilder(
        Device(user_id="amzn1.ask.account.bench-cold", api_access_token=""), clock=lambda: START
    ).launch(Session())


def hello_copy(work: Path, name: str, compiled: bool) -> Path:
    """The hello-world modules in a folder of their own, to sit beside a copy of the package."""
    folder = work / name
    folder.mkdir()
    for module in ("hello_world_skill.py", "hello_world_dynamodb_skill.py"):
        shutil.copy2(SCRIPTS_DIR / module, folder)
    if compiled:
        import compileall

        compileall.compile_dir(folder, quiet=1)
    return folder


def cold_configs(dynamodb_environ: dict[str, str] | None, package: Package, work: Path) -> list[ColdConfig]:
    """Every configuration to measure, each of ours next to the hello world run the same way."""
    configs = [
        ColdConfig(HELLO, "hello_world_skill", [SCRIPTS_DIR]),
        ColdConfig(OURS_SQLITE, "lambda_function", [LAMBDA_DIR], HELLO, fresh_db=True),
    ]
    if package.directory is None:
        return configs
    shipped = package.directory
    hello_shipped = hello_copy(work, "hello-shipped", compiled=False)
    lambda_like = {"PYTHONDONTWRITEBYTECODE": "1", "BENCH_PRELOAD": LAMBDA_RUNTIME_MODULES}
    configs += [
        ColdConfig(
            HELLO_SHIPPED, "hello_world_skill", [hello_shipped, shipped], env=lambda_like, isolated=True
        ),
        ColdConfig(OURS_SQLITE_SHIPPED, "lambda_function", [shipped], HELLO_SHIPPED, lambda_like, True, True),
    ]
    if dynamodb_environ is None:
        return configs
    compiled = package.copy(work / "package-with-bytecode", compile_only=None)
    sdk_compiled = package.copy(work / "package-sdk-bytecode", compile_only=AWS_SDK)
    hello_compiled = hello_copy(work, "hello-with-bytecode", compiled=True)
    production = dict(lambda_like, **dynamodb_environ)
    configs += [
        ColdConfig(
            HELLO_DYNAMODB_SHIPPED, "hello_world_dynamodb_skill", [hello_shipped, shipped], None, production,
            isolated=True,
        ),
        ColdConfig(
            OURS_DYNAMODB_SHIPPED, "lambda_function", [shipped], HELLO_DYNAMODB_SHIPPED, production,
            isolated=True,
        ),
        ColdConfig(
            HELLO_DYNAMODB_BYTECODE, "hello_world_dynamodb_skill", [hello_compiled, compiled], None,
            production, isolated=True,
        ),
        ColdConfig(
            OURS_DYNAMODB_BYTECODE, "lambda_function", [compiled], HELLO_DYNAMODB_BYTECODE, production,
            isolated=True,
        ),
        ColdConfig(
            OURS_DYNAMODB_SDK_BYTECODE, "lambda_function", [sdk_compiled], HELLO_DYNAMODB_SHIPPED, production,
            isolated=True,
        ),
    ]  # fmt: skip
    return configs


def run_interleaved(configs: list[ColdConfig], launch: dict, work: Path, runs: int) -> None:
    for config in configs:  # warm the OS file cache (and write .pyc where allowed); not counted
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


def measure_cold_starts(
    runs: int, package: Package, dynamodb_environ: dict[str, str] | None, work: Path
) -> ColdStarts:
    """The cold-start phase: every configuration `runs` times, interleaved, then the import costs."""
    section(f"Cold start: new process, import + first response, {runs} runs each (medians)")
    launch = launch_event()
    notes: list[str] = []
    if dynamodb_environ is None:
        notes.append("DynamoDB-mode cold starts not measured: dynalite is not available (run `npm ci`).")
    configs = cold_configs(dynamodb_environ, package, work)
    run_interleaved(configs, launch, work, runs)
    if package.directory is not None and any(package.directory.rglob("__pycache__")):
        raise RuntimeError(
            "bytecode was written into the as-shipped package: its cold starts are not as shipped"
        )
    cold = ColdStarts(launch, configs, [], 0.0, 0.0, notes)
    print(f"{'configuration':58} {'import':>9} {'1st answer':>10} {'total':>9} {'ratio':>6} {'process':>9}")
    for config in configs:
        ratio = cold.ratio(config.name)
        print(
            f"{config.name:58} {ms(config.median('import')):>9} {ms(config.median('first')):>10} "
            f"{ms(config.median('total')):>9} {f'{ratio:.2f}x' if ratio else '':>6} "
            f"{ms(statistics.median(config.wall)):>9}"
        )
    ours = cold.named(OURS_SQLITE)
    cold.heavy = sorted({name for r in ours.results for name in r["heavy"]})
    print(f"heavy modules loaded by a SQLite cold start: {', '.join(cold.heavy) or 'none'}")
    cold.boto3_import, cold.adapter_import = time_dynamodb_imports(max(5, runs // 2))
    print(
        f"DynamoDB path imports (.venv, with bytecode): boto3 {ms(cold.boto3_import)}, "
        f"then ask_sdk_dynamodb.adapter {ms(cold.adapter_import)}"
    )
    return cold
