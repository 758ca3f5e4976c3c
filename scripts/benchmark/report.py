"""The machine description, and every phase's results as the markdown `make bench-report` writes
into BENCHMARKS.md, between markers: the file's other sections are kept as they are."""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmark.cold import HEAVY_MODULES, LAMBDA_RUNTIME_MODULES, ColdStarts
from benchmark.common import ROOT, ms, percentile
from benchmark.http import HttpRuns
from benchmark.package import AWS_SDK, Package
from benchmark.targets import Ratios
from benchmark.warm import WarmRun

BEGIN = "<!-- performance:begin (written by `make bench-report`; sections outside the markers are kept) -->"
END = "<!-- performance:end -->"
# Headings of the sections this report wrote before it used markers: replaced, not kept.
OLD_SECTIONS = ("Targets", "Cold start", "Warm", "HTTP", "Lambda package", "Notes", "Profiles of what missed")


def load_average() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def machine(load_at_start: str) -> dict[str, str]:
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
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "OS": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "Date (UTC)": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "Checkout": commit.stdout.strip() or "unknown",
        "Load average (1 min), start / end": f"{load_at_start} / {load_average()}",
    }


@dataclass
class Results:
    args: argparse.Namespace
    host: dict[str, str]
    package: Package
    cold: ColdStarts
    warm: WarmRun
    warm_dynamodb: WarmRun | None
    http: HttpRuns
    ratios: Ratios
    notes: list[str]
    profiles: list[tuple[str, str]]
    elapsed: float


def mb(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


def summary(results: Results) -> list[str]:
    """The targets table: what `make bench` prints last."""
    lines = ["| Target | Ours / hello world | Result |", "|---|---|---|"]
    lines += [f"| {t.what} | {t.ratio:.2f}x | {t.verdict} |" for t in results.ratios.targets]
    lines += [f"| {what} | {ratio:.2f}x | no target |" for what, ratio in results.ratios.others]
    return lines


def cold_section(results: Results) -> list[str]:
    cold = results.cold
    preloaded = LAMBDA_RUNTIME_MODULES.replace(",", ", ")
    lines = [
        "### Cold start: a new Python process imports the handler and answers a launch "
        f"({results.args.runs} runs, medians)",
        "",
        "| Configuration | Import | First answer | Import + answer | vs its hello world "
        "| Whole process | Modules |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in cold.configs:
        ratio = cold.ratio(c.name)
        lines.append(
            f"| {c.name} | {ms(c.median('import'))} | {ms(c.median('first'))} | {ms(c.median('total'))} | "
            f"{f'{ratio:.2f}x' if ratio else 'baseline'} | {ms(statistics.median(c.wall))} | "
            f"{c.results[0]['modules']} |"
        )
    lines += [
        "",
        "- *Source tree*: `lambda/` and `scripts/`, with bytecode, as `make run` and the tests run them.",
        "- *As shipped*: from the directory `make package` builds (scripts/build_package.py: the CodeUri "
        "files and the pinned requirements), never compiled, with `PYTHONDONTWRITEBYTECODE=1`: Lambda's "
        "code directory is read-only, so every cold start there compiles what it imports. *With bytecode*: "
        "a copy compiled beforehand. *The AWS SDK with bytecode*: a copy with only boto3, botocore, "
        "s3transfer and jmespath compiled, which is what the Lambda runtime's own copy of the SDK gives.",
        "- Package configurations run as Lambda loads a handler: `python -S` (the package and the standard "
        f"library only) with the runtime's modules already imported ({preloaded}).",
        "- *DynamoDB*: the official ask-sdk-dynamodb adapter against a local dynalite on loopback. The hello "
        "world (scripts/hello_world_dynamodb_skill.py) builds it at import as Amazon's samples do, ours on "
        "the first request; the launch reads the person's attributes in both.",
        "- *Whole process* adds interpreter start-up, which Lambda pays too.",
        f"- Heavy modules loaded by a SQLite-mode cold start ({', '.join(HEAVY_MODULES)}): "
        f"**{', '.join(cold.heavy) or 'none'}**.",
        "- The DynamoDB path's own imports (fresh process, with bytecode): "
        f"`import boto3` {ms(cold.boto3_import)}, then `import ask_sdk_dynamodb.adapter` "
        f"{ms(cold.adapter_import)} (it builds a boto3 resource at import).",
        "",
    ]
    return lines


def warm_table(run: WarmRun) -> list[str]:
    lines = [
        "| Skill | Requests | p50 | p99 | Mean |",
        "|---|---|---|---|---|",
    ]
    for name, timings in (("ours", run.ours), ("hello world", run.hello)):
        lines.append(
            f"| {name} | {len(timings)} | {ms(percentile(timings, 0.5))} | {ms(percentile(timings, 0.99))} | "
            f"{ms(statistics.fmean(timings))} |"
        )
    lines.append(
        f"| ratio | | {percentile(run.ours, 0.5) / percentile(run.hello, 0.5):.2f}x | "
        f"{percentile(run.ours, 0.99) / percentile(run.hello, 0.99):.2f}x | "
        f"{statistics.fmean(run.ours) / statistics.fmean(run.hello):.2f}x |"
    )
    return lines


def warm_section(results: Results) -> list[str]:
    warm, dynamodb = results.warm, results.warm_dynamodb
    lines = [
        "### Warm: per request, in-process through the handler",
        "",
        f"A scripted conversation of {warm.turns} requests (launch, advice for lower-back pain given with "
        "slots, every safety question answered no, help, stop), one new person per conversation; the hello "
        "world answers the very same request envelopes, so both pay the SDK's parsing of the same requests.",
        "",
        f"SQLite store, against scripts/hello_world_skill.py ({len(warm.recorded)} conversations):",
        "",
        *warm_table(warm),
        "",
    ]
    if dynamodb is not None:
        conversations = len(dynamodb.recorded)
        calls = {
            name: ", ".join(f"{n / conversations:.1f} {op}" for op, n in sorted(counted.items())) or "none"
            for name, counted in dynamodb.calls.items()
        }
        lines += [
            "DynamoDB on dynalite (loopback), against scripts/hello_world_dynamodb_skill.py "
            f"({conversations} conversations):",
            "",
            *warm_table(dynamodb),
            "",
            f"DynamoDB calls per conversation: ours {calls.get('ours')}; hello world {calls.get('hello')}.",
            "",
        ]
    return lines


def http_section(results: Results) -> list[str]:
    http, args = results.http, results.args
    runs = {name: ", ".join(f"{r.throughput:.0f}" for r in http.rounds[name]) for name in ("ours", "hello")}
    lines = [
        "### HTTP: create_app on 127.0.0.1, verification on "
        f"({args.threads} client threads x {args.requests} requests)",
        "",
        "werkzeug's threaded server in a subprocess, keep-alive connections. Every request is signed as "
        "Alexa signs (a test root CA, an intermediate, an echo-api.amazon.com leaf) and stamped now; the "
        "server checks certificate URL, chain, signing certificate, body signature, timestamp and "
        "application id, as in production. Both skills get the same requests (whole conversations per "
        "thread; ours on a fresh SQLite store), after three launches sent one at a time (the first "
        "verifications running at once can fail: asn1crypto parses the shared trust roots lazily and not "
        f"thread-safely). {args.http_rounds} rounds, each running ours then the hello world; the table shows "
        f"the round whose ratio is the median (all rounds: ours {runs['ours']}, hello world {runs['hello']} "
        "requests/s).",
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
    p99 = percentile(http.ours.latencies, 0.99) / percentile(http.hello.latencies, 0.99)
    lines += [f"| ratio | | | {http.ours.throughput / http.hello.throughput:.2f}x | | {p99:.2f}x | |", ""]
    return lines


def package_section(package: Package) -> list[str]:
    lines = ["### Lambda package", ""]
    if package.error:
        return [*lines, f"Not measured: {package.error}", ""]
    sdk_unzipped, sdk_zipped = package.share(AWS_SDK)
    lines += [
        "`make package` (scripts/build_package.py): the files of template.yaml's CodeUri (`lambda/`) and "
        "lambda/requirements.txt installed for python3.13 on arm64, zipped with deflate: "
        f"**{mb(package.zipped)} zipped, {mb(package.unzipped)} unpacked**, {package.files} files "
        f"(Lambda allows 50 MB zipped, 250 MB unpacked). The bundled AWS SDK ({', '.join(AWS_SDK)}) is "
        f"{mb(sdk_unzipped)} unpacked and {mb(sdk_zipped)} zipped of that; without it the package would be "
        f"{mb(package.unzipped - sdk_unzipped)} unpacked, {mb(package.zipped - sdk_zipped)} zipped.",
        "",
        "| Top-level entry | Files | Unpacked | Zipped |",
        "|---|---|---|---|",
    ]
    code = [e for e in package.entries if not e.name.endswith(".dist-info")]
    metadata = [e for e in package.entries if e.name.endswith(".dist-info")]
    lines += [f"| {e.name} | {e.files} | {mb(e.unzipped)} | {mb(e.zipped)} |" for e in code]
    lines.append(
        f"| {len(metadata)} `*.dist-info` folders (each distribution's metadata) | "
        f"{sum(e.files for e in metadata)} | {mb(sum(e.unzipped for e in metadata))} | "
        f"{mb(sum(e.zipped for e in metadata))} |"
    )
    return [*lines, ""]


def render(results: Results) -> str:
    """The markdown block between the markers."""
    lines = [
        BEGIN,
        "## Performance against a hello-world skill",
        "",
        "One run of `make bench-report` (scripts/bench.py) on the machine below; `make bench` prints the "
        "same without writing this file. Every comparison is with a hello-world skill on the same stack "
        "served the same way (scripts/hello_world_skill.py; scripts/hello_world_dynamodb_skill.py where "
        "DynamoDB is in play). Targets are reported, not enforced.",
        "",
        "| Machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in results.host.items()],
        "",
        "The machine is shared (other people's builds and tests run on the same two cores), so timings move "
        "from run to run by several percent and more; interleaved cold starts and alternating HTTP runs put "
        "that noise on both skills alike, and the load average above shows how busy it was.",
        "",
        "### Targets",
        "",
        *summary(results),
        "",
        *cold_section(results),
        *warm_section(results),
        *http_section(results),
        *package_section(results.package),
    ]
    if results.notes:
        lines += ["### Notes", "", *[f"- {note}" for note in results.notes], ""]
    if results.profiles:
        lines += ["### Profiles of what missed a target", ""]
        for title, text in results.profiles:
            lines += [f"#### {title}", "", "```", text, "```", ""]
    lines += [f"_Run took {results.elapsed:.0f} s._", END]
    return "\n".join(lines)


def merged(existing: str, block: str) -> str:
    """`existing` BENCHMARKS.md with the performance block replaced; every other section kept."""
    if BEGIN in existing and END in existing:
        before, rest = existing.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        return before + block + after
    # Before the markers, this report owned every "## " section it wrote; keep everyone else's.
    sections = re.split(r"(?m)^(?=## )", existing)
    kept = [s for s in sections[1:] if not s.removeprefix("## ").startswith(OLD_SECTIONS)]
    return "# Benchmarks\n\n" + block + "\n" + ("\n" + "".join(kept).rstrip() + "\n" if kept else "")


def write(path: Path, results: Results) -> None:
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    path.write_text(merged(existing, render(results)), encoding="utf-8")
