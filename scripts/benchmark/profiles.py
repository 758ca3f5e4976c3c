"""Profiles of what misses a target: cProfile of warm requests in-process and through create_app
(verification on), and `python -X importtime` of a cold start against its hello world's."""

from __future__ import annotations

import cProfile
import io
import pstats
import subprocess
import sys
from pathlib import Path

from benchmark.cold import ColdConfig, ColdStarts
from benchmark.common import ROOT, section, settle
from benchmark.targets import Ratios
from benchmark.warm import Handler, WarmRun, run_conversations


def profile_warm(handler: Handler, first: int, count: int, top: int = 18) -> str:
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
    return shorten(out.getvalue())


def shorten(text: str) -> str:
    for prefix in (ROOT, Path(sys.prefix), Path(sys.base_prefix)):  # shorter paths, no home folders
        text = text.replace(f"{prefix}/", "")
    return "\n".join(
        line for line in text.splitlines() if line.strip() and not line.startswith("   Ordered by")
    )


def profile_http(conversations: list[list[dict]], work: Path, top: int = 18) -> str:
    """The web layer around the skill, in-process, verification on: create_app's view for every
    recorded request, signed and stamped now."""
    import logging

    from benchmark.http import signed_now
    from heat_or_ice.adapters import SqlitePersistenceAdapter
    from heat_or_ice.skill.builder import build_skill
    from heat_or_ice_web.app import create_app
    from tests.support.alexa_signing import verifier_trusting_test_root

    logging.disable(logging.WARNING)
    skill = build_skill(persistence_adapter=SqlitePersistenceAdapter(work / "profile-http.sqlite3"))
    client = create_app(skill, signature_verifier=verifier_trusting_test_root()).test_client()
    requests = [request for stream in signed_now(conversations) for request in stream]
    settle()
    profiler = cProfile.Profile()
    profiler.enable()
    for body, headers in requests:
        assert client.post("/", data=body, headers=headers).status_code == 200
    profiler.disable()
    logging.disable(logging.NOTSET)
    return print_stats(profiler, top, "heat_or_ice|flask|werkzeug|skill_adapter|webservice|verifi")


def import_times(config: ColdConfig, work: Path, event: dict) -> dict[str, tuple[int, int]]:
    """{module: (own µs, cumulative µs)} from `python -X importtime` of one cold start."""
    result = subprocess.run(
        config.command("-X", "importtime"),
        env=config.environ(event, work / "importtime" / config.name / "skill.sqlite3"),
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


def import_profile(config: ColdConfig, baseline: ColdConfig, work: Path, event: dict, top: int = 15) -> str:
    """The modules the hello world does not load, by cumulative import time, then the top importers."""
    ours, hello = import_times(config, work, event), import_times(baseline, work, event)
    extra = {name: times for name, times in ours.items() if name not in hello}
    own_total = sum(own for own, _ in extra.values())

    def table(rows: list[tuple[str, tuple[int, int]]]) -> list[str]:
        return [f"{c / 1000:>8.1f} ms {s / 1000:>6.1f} ms  {name}" for name, (s, c) in rows]

    header = f"{'cumulative':>11} {'self':>9}  module"
    top_level = [(name, times) for name, times in ours.items() if "." not in name]
    return "\n".join(
        [
            f"{len(extra)} modules {baseline.name!r} does not import, {own_total / 1000:.1f} ms of their own "
            "import time, by cumulative time:",
            header,
            *table(sorted(extra.items(), key=lambda item: -item[1][1])[:top]),
            "",
            f"Top-level imports of {config.name!r} by cumulative time ({len(ours)} modules in all):",
            header,
            *table(sorted(top_level, key=lambda item: -item[1][1])[:top]),
        ]
    )


def profile_misses(
    ratios: Ratios, cold: ColdStarts, warm: WarmRun, http_conversations: list[list[dict]], work: Path
) -> list[tuple[str, str]]:
    """The profiles phase: profile what missed its target; (title, text) for each profile taken."""
    profiles: list[tuple[str, str]] = []
    # An HTTP miss profiles the warm path too: every HTTP request runs it.
    if ratios.missed("warm") or ratios.missed("http"):
        section("Profile: warm conversations through lambda_handler (cProfile, 60 conversations, SQLite)")
        text = profile_warm(warm.handler, 100_000, 60)
        print(text)
        profiles.append(("Warm requests (cProfile of 60 conversations through lambda_handler, SQLite)", text))
    if ratios.missed("http"):
        section("Profile: the same conversations through create_app, verification on (Flask test client)")
        text = profile_http(http_conversations[:60], work)
        print(text)
        profiles.append(
            ("HTTP requests (cProfile of 60 conversations through create_app, verification on)", text)
        )
    for name in ratios.missed_cold_configs():
        config = cold.named(name)
        baseline = cold.named(config.baseline)
        section(f"Profile: cold start imports of {name!r} (python -X importtime)")
        text = import_profile(config, baseline, work, cold.launch)
        print(text)
        profiles.append((f"Cold start imports: {name} (python -X importtime)", text))
    return profiles
