"""Paths, the benchmark's fixed clock, and the small helpers every phase uses: formatting,
percentiles, subprocess environments, section headings, garbage-collector settling."""

from __future__ import annotations

import gc
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LAMBDA_DIR = ROOT / "lambda"
HOSTING_DIR = ROOT / "hosting"
SCRIPTS_DIR = ROOT / "scripts"
ENTRY_POINT = SCRIPTS_DIR / "bench.py"  # re-invoked with --serve for the HTTP server subprocess
PYTHON = sys.executable
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.001 else f"{seconds * 1e6:.0f} µs"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))]


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
