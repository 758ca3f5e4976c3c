"""Warm latency, in-process: the scripted conversation through our handler, and the very same
request envelopes replayed to the hello world (so both pay the SDK's parsing of the same requests).

Twice: with the SQLite store against scripts/hello_world_skill.py (the skill's own CPU cost), and
in the production configuration, DynamoDB on a local dynalite through the official adapter,
against scripts/hello_world_dynamodb_skill.py; there the DynamoDB calls per conversation are
counted too, since a round trip costs more than everything else a request does.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmark.common import ms, percentile, section, settle
from benchmark.conversation import conversation

Handler = Callable[[dict, Any], dict]
WARM_UP_CONVERSATIONS = 20  # people 0-19 warm up; the measured conversations come after them
DYNAMODB_PEOPLE = 500_000  # the DynamoDB phase's people are numbered from here: nobody is seen twice


def time_calls(handler: Handler, events: Iterator[dict] | list[dict]) -> list[float]:
    timings = []
    for event in events:
        started = time.perf_counter()
        handler(event, None)
        timings.append(time.perf_counter() - started)
    return timings


def run_conversations(
    handler: Handler, first: int, count: int, timings: list[float] | None = None
) -> list[list[dict]]:
    def send(event: dict) -> dict:
        started = time.perf_counter()
        answer = handler(event, None)
        if timings is not None:
            timings.append(time.perf_counter() - started)
        return answer

    return [conversation(send, first + n) for n in range(count)]


@dataclass
class WarmRun:
    """One warm comparison's results; the SQLite one is reused by the HTTP phase and the profiles."""

    handler: Handler  # our handler, imported and warmed up
    recorded: list[list[dict]]  # the measured conversations' events, one list per person
    ours: list[float]
    hello: list[float]
    calls: dict[str, Counter] = field(default_factory=dict)  # DynamoDB operations, per skill

    @property
    def turns(self) -> int:
        return len(self.recorded[0])

    @property
    def next_person(self) -> int:
        """The first conversation number not used yet: more conversations must be new people."""
        return WARM_UP_CONVERSATIONS + len(self.recorded)

    def print(self, label: str) -> None:
        for name, timings in (("ours", self.ours), ("hello", self.hello)):
            print(
                f"{label} {name:5}: {len(timings)} requests ({self.turns} per conversation)  "
                f"p50 {ms(percentile(timings, 0.5))}  p99 {ms(percentile(timings, 0.99))}"
            )
        for name, counted in self.calls.items():
            per = ", ".join(f"{n / len(self.recorded):.1f} {op}" for op, n in sorted(counted.items()))
            print(f"{label} {name:5}: DynamoDB calls per conversation: {per or 'none'}")


def compare(
    handler: Handler,
    hello_handler: Handler,
    first: int,
    conversations: int,
    calls: dict[str, Counter] | None = None,
) -> WarmRun:
    """Each conversation through our handler, then at once its very same envelopes through the
    hello world's: both skills pay the SDK's parsing of the same requests, so the ratio is what our
    skill itself adds, and a noisy moment on this shared machine hits both alike.

    `calls`, if given, counts each skill's store calls: only the measured requests' are kept.
    """
    calls = calls or {}
    for talk in run_conversations(handler, first, WARM_UP_CONVERSATIONS):  # imports, caches, connections
        time_calls(hello_handler, talk)
    for counter in calls.values():
        counter.clear()
    settle()
    recorded: list[list[dict]] = []
    our_timings: list[float] = []
    hello_timings: list[float] = []
    for number in range(first + WARM_UP_CONVERSATIONS, first + WARM_UP_CONVERSATIONS + conversations):
        recorded += run_conversations(handler, number, 1, our_timings)
        hello_timings += time_calls(hello_handler, recorded[-1])
    measured = {name: Counter(counter) for name, counter in calls.items()}
    return WarmRun(handler, recorded, our_timings, hello_timings, measured)


def measure_warm(conversations: int, work: Path) -> WarmRun:
    """SQLite: `conversations` scripted conversations through our lambda_handler, then the same
    events through the hello world's."""
    section(f"Warm, SQLite: the scripted conversation in-process, {conversations} conversations")
    os.environ["SKILL_DB_PATH"] = str(work / "warm" / "skill.sqlite3")
    for variable in ("DYNAMODB_TABLE", "SKILL_ID"):
        os.environ.pop(variable, None)
    import hello_world_skill
    import lambda_function

    run = compare(lambda_function.lambda_handler, hello_world_skill.lambda_handler, 0, conversations)
    run.print("SQLite")
    return run


def count_calls(resource: Any, counter: Counter) -> None:
    resource.meta.client.meta.events.register(
        "before-call.dynamodb", lambda model, **_: counter.update([model.name])
    )


def measure_warm_dynamodb(conversations: int, environ: dict[str, str]) -> WarmRun:
    """DynamoDB on dynalite: our skill built as Lambda builds it, the hello world on the same adapter."""
    section(f"Warm, DynamoDB (dynalite): the same conversation in-process, {conversations} conversations")
    saved = dict(os.environ)
    os.environ.update(environ)  # boto3 reads the endpoint, region and keys from here, as on Lambda
    try:
        import hello_world_dynamodb_skill
        from heat_or_ice.skill.builder import build_skill_from_environment
        from heat_or_ice.skill.entry import handle_event

        skill = build_skill_from_environment(os.environ)

        def handler(event: dict, context: Any) -> dict:
            return handle_event(skill, event, context)

        calls = {"ours": Counter(), "hello": Counter()}
        count_calls(skill.persistence_adapter.dynamodb, calls["ours"])
        count_calls(hello_world_dynamodb_skill.persistence_adapter.dynamodb, calls["hello"])
        hello_handler = hello_world_dynamodb_skill.lambda_handler
        run = compare(handler, hello_handler, DYNAMODB_PEOPLE, conversations, calls)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    run.print("DynamoDB")
    return run
