"""Ratios to the hello world, and the targets they are held to (reported as pass/miss, never enforced)."""

from __future__ import annotations

from dataclasses import dataclass, field

from benchmark import cold as configs
from benchmark.cold import ColdStarts
from benchmark.common import percentile, section
from benchmark.http import HttpRuns
from benchmark.warm import WarmRun

# Cold starts: (configuration of ours, what it stands for, at most this many times its hello world's).
COLD_TARGETS = (
    (configs.OURS_DYNAMODB_SHIPPED, "Cold start, DynamoDB, as shipped (no bytecode)", 1.3),
    (configs.OURS_DYNAMODB_BYTECODE, "Cold start, DynamoDB, with bytecode", 1.3),
    (configs.OURS_SQLITE, "Cold start, SQLite (source tree)", 1.5),
    (configs.OURS_SQLITE_SHIPPED, "Cold start, SQLite, as shipped", 1.5),
)
WARM_TARGET = 1.3  # p50 per request, at most
HTTP_TARGET = 0.9  # throughput, at least


@dataclass
class Target:
    kind: str  # "cold", "warm" (SQLite), "warm-dynamodb" or "http"
    what: str
    ratio: float
    limit: float
    higher_is_better: bool = False
    config: str = ""  # the cold-start configuration, for a cold target

    @property
    def met(self) -> bool:
        return self.ratio >= self.limit if self.higher_is_better else self.ratio <= self.limit

    @property
    def verdict(self) -> str:
        return f"{'PASS' if self.met else 'MISS'} ({'>=' if self.higher_is_better else '<='} {self.limit}x)"


@dataclass
class Ratios:
    """Every target with its ratio, plus the ratios reported without a target."""

    targets: list[Target]
    others: list[tuple[str, float]] = field(default_factory=list)

    def missed(self, kind: str) -> bool:
        return any(t.kind == kind and not t.met for t in self.targets)

    def missed_cold_configs(self) -> list[str]:
        return [t.config for t in self.targets if t.kind == "cold" and not t.met]


def p50_ratio(run: WarmRun) -> float:
    return percentile(run.ours, 0.5) / percentile(run.hello, 0.5)


def compare(cold: ColdStarts, warm: WarmRun, warm_dynamodb: WarmRun | None, http: HttpRuns) -> Ratios:
    """The ratios phase: print every ratio and whether it meets its target."""
    section("Ratios to the hello world (one run)")
    targets = [
        Target("cold", what, ratio, limit, config=name)
        for name, what, limit in COLD_TARGETS
        if (ratio := cold.ratio(name)) is not None
    ]
    targets.append(Target("warm", "Warm per request (p50), SQLite", p50_ratio(warm), WARM_TARGET))
    if warm_dynamodb is not None:
        what = "Warm per request (p50), DynamoDB (dynalite)"
        targets.append(Target("warm-dynamodb", what, p50_ratio(warm_dynamodb), WARM_TARGET))
    http_ratio = http.ours.throughput / http.hello.throughput
    targets.append(Target("http", "HTTP throughput, verification on", http_ratio, HTTP_TARGET, True))
    others = [
        ("Warm p99, SQLite", percentile(warm.ours, 0.99) / percentile(warm.hello, 0.99)),
        ("HTTP p99 latency", percentile(http.ours.latencies, 0.99) / percentile(http.hello.latencies, 0.99)),
    ]
    if warm_dynamodb is not None:
        others.insert(
            1,
            (
                "Warm p99, DynamoDB",
                percentile(warm_dynamodb.ours, 0.99) / percentile(warm_dynamodb.hello, 0.99),
            ),
        )
    if (ratio := cold.ratio(configs.OURS_DYNAMODB_SDK_BYTECODE)) is not None:
        others.insert(0, ("Cold start, DynamoDB, as shipped but the AWS SDK with bytecode", ratio))
    for target in targets:
        print(f"{target.what:62} {target.ratio:6.2f}x  {target.verdict}")
    for what, ratio in others:
        print(f"{what:62} {ratio:6.2f}x  (no target)")
    return Ratios(targets, others)
