"""The machine description and BENCHMARKS.md: every phase's results rendered as markdown."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from benchmark.cold import HEAVY_MODULES, LAMBDA_RUNTIME_MODULES, ColdConfig, ColdStarts
from benchmark.common import ROOT, ms, percentile
from benchmark.http import HttpRuns
from benchmark.package import Package
from benchmark.targets import Ratios
from benchmark.warm import WarmRun


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


def render(
    args: argparse.Namespace,
    host: dict[str, str],
    cold: ColdStarts,
    warm: WarmRun,
    http: HttpRuns,
    ratios: Ratios,
    package: Package,
    notes: list[str],
    profiles: list[tuple[str, str]],
    elapsed: float,
) -> str:
    ours, hello = warm.ours, warm.hello

    def baseline(config: ColdConfig) -> float:  # like for like: the hello world run the same way
        for variant in ("runtime preloaded", "as shipped"):
            if config.name.endswith(variant):
                return cold.named(f"hello world, {variant}").median("total")
        return cold.hello.median("total")

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
        *[f"| {what} | {ratio:.2f}x | {result} |" for what, ratio, result in ratios.targets],
        "",
        f"## Cold start: new Python process, import + first response ({args.runs} runs, medians)",
        "",
        "| Configuration | Import | First answer | Import + answer | vs hello world, run alike "
        "| Whole process | Modules |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in cold.configs:
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
        f"**{', '.join(cold.heavy) or 'none'}**.",
        f"- DynamoDB mode's extra imports (medians in a fresh process): `import boto3` {ms(cold.boto3_import)}, "
        "then "
        f"`import ask_sdk_dynamodb.adapter` {ms(cold.adapter_import)} (it builds a boto3 resource at import).",
        "",
        "## Warm: per request, in-process through lambda_handler",
        "",
        f"A scripted conversation of {warm.turns} requests (launch, advice for lower-back pain given with slots, "
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
        f"| ratio | | {percentile(ours, 0.5) / percentile(hello, 0.5):.2f}x | {ratios.warm_p99:.2f}x | "
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
        f"{', '.join(f'{r.throughput:.0f}' for r in http.rounds['ours'])}, hello world "
        f"{', '.join(f'{r.throughput:.0f}' for r in http.rounds['hello'])} requests/s).",
        "",
        "| Skill | Requests | Seconds | Requests/s | p50 | p99 | Errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, result in (("ours", http.ours), ("hello world", http.hello)):
        lines.append(
            f"| {name} | {result.requests} | {result.seconds:.2f} | {result.throughput:.0f} | "
            f"{ms(percentile(result.latencies, 0.5))} | {ms(percentile(result.latencies, 0.99))} | "
            f"{len(result.errors)} |"
        )
    lines += [
        f"| ratio | | | {http.ours.throughput / http.hello.throughput:.2f}x | | {ratios.http_p99:.2f}x | |",
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
