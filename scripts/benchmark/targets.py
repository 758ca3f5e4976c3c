"""Ratios to the hello world, and the targets they are held to (reported as pass/miss, never enforced)."""

from __future__ import annotations

from dataclasses import dataclass

from benchmark.cold import ColdStarts
from benchmark.common import percentile, section
from benchmark.http import HttpRuns
from benchmark.warm import WarmRun

TARGETS = {"warm": 1.5, "cold": 1.5, "http": 0.8}  # ours / hello world


def verdict(ratio: float, target: float, higher_is_better: bool = False) -> str:
    ok = ratio >= target if higher_is_better else ratio <= target
    return f"{'PASS' if ok else 'MISS'} ({'>=' if higher_is_better else '<='} {target}x)"


@dataclass
class Ratios:
    """Ours / hello world for each measurement; the targets table as (what, ratio, verdict) rows."""

    warm: float  # p50
    warm_p99: float
    cold: float  # SQLite mode, import + first answer
    http: float  # throughput
    http_p99: float
    targets: list[tuple[str, float, str]]

    @property
    def warm_missed(self) -> bool:
        return self.warm > TARGETS["warm"]

    @property
    def cold_missed(self) -> bool:
        return self.cold > TARGETS["cold"]

    @property
    def http_missed(self) -> bool:
        return self.http < TARGETS["http"]


def compare(cold: ColdStarts, warm: WarmRun, http: HttpRuns) -> Ratios:
    """The ratios phase: print every ratio and whether it meets its target."""
    section("Ratios to the hello world")
    warm_ratio = percentile(warm.ours, 0.5) / percentile(warm.hello, 0.5)
    warm_p99_ratio = percentile(warm.ours, 0.99) / percentile(warm.hello, 0.99)
    cold_ratio = cold.ours.median("total") / cold.hello.median("total")
    http_ratio = http.ours.throughput / http.hello.throughput
    http_p99_ratio = percentile(http.ours.latencies, 0.99) / percentile(http.hello.latencies, 0.99)
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
    return Ratios(warm_ratio, warm_p99_ratio, cold_ratio, http_ratio, http_p99_ratio, targets)
