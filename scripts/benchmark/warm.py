"""Warm latency: the scripted conversation through lambda_handler in-process, and the very same
request envelopes replayed to the hello world (so both pay the SDK's parsing of the same requests)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.common import ms, percentile, section, settle
from benchmark.conversation import conversation

Handler = Callable[[dict, Any], dict]
WARM_UP_CONVERSATIONS = 20  # people 0-19 warm up; the measured conversations come after them


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
    """The warm phase's results, and what the HTTP phase and the profiles reuse."""

    handler: Handler  # our lambda_handler, imported and warmed up
    recorded: list[list[dict]]  # the measured conversations' events, one list per person
    ours: list[float]
    hello: list[float]

    @property
    def turns(self) -> int:
        return len(self.recorded[0])

    @property
    def next_person(self) -> int:
        """The first conversation number not used yet: more conversations must be new people."""
        return WARM_UP_CONVERSATIONS + len(self.recorded)


def measure_warm(conversations: int, work: Path) -> WarmRun:
    """The warm phase: `conversations` scripted conversations through our lambda_handler, then the
    same events through the hello world's."""
    section(f"Warm: scripted conversation in-process through lambda_handler, {conversations} conversations")
    os.environ["SKILL_DB_PATH"] = str(work / "warm" / "skill.sqlite3")
    for variable in ("DYNAMODB_TABLE", "SKILL_ID"):
        os.environ.pop(variable, None)
    import hello_world_skill
    import lambda_function

    handler = lambda_function.lambda_handler
    run_conversations(handler, 0, WARM_UP_CONVERSATIONS)  # warm-up: imports, caches, the file
    settle()
    our_timings: list[float] = []
    recorded = run_conversations(handler, WARM_UP_CONVERSATIONS, conversations, our_timings)
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
    return WarmRun(handler, recorded, our_timings, hello_timings)
