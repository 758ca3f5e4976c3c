"""Profiles of what misses a target: cProfile of warm requests in-process and through create_app,
and `python -X importtime` of a cold start against the hello world's."""

from __future__ import annotations

import cProfile
import io
import pstats
import subprocess
import sys
from pathlib import Path

from benchmark.cold import COLD_CHILD, ColdConfig, ColdStarts
from benchmark.common import PYTHON, ROOT, section, settle
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
    text = out.getvalue()
    for prefix in (ROOT, Path(sys.prefix), Path(sys.base_prefix)):  # shorter paths, no home folders
        text = text.replace(f"{prefix}/", "")
    return "\n".join(
        line for line in text.splitlines() if line.strip() and not line.startswith("   Ordered by")
    )


def profile_http(conversations: list[list[bytes]], work: Path, top: int = 18) -> str:
    """The web layer around the skill, in-process: create_app's view for every recorded request."""
    import logging

    from heat_or_ice.adapters import SqlitePersistenceAdapter
    from heat_or_ice.skill.builder import build_skill
    from heat_or_ice_web.app import create_app

    logging.disable(logging.WARNING)
    skill = build_skill(persistence_adapter=SqlitePersistenceAdapter(work / "profile-http.sqlite3"))
    client = create_app(
        skill, verify_signature=False, verify_timestamp=False, serve_host="127.0.0.1"
    ).test_client()
    settle()
    profiler = cProfile.Profile()
    profiler.enable()
    for talk in conversations:
        for body in talk:
            assert client.post("/", data=body, content_type="application/json").status_code == 200
    profiler.disable()
    logging.disable(logging.NOTSET)
    return print_stats(profiler, top, "heat_or_ice|flask|werkzeug|skill_adapter|webservice")


def import_profile(config: ColdConfig, baseline: ColdConfig, work: Path, event: dict, top: int = 15) -> str:
    """python -X importtime of a cold start; the modules the hello world does not load, by cumulative time."""

    def imports(which: ColdConfig) -> dict[str, tuple[int, int]]:
        result = subprocess.run(
            [PYTHON, "-X", "importtime", "-c", COLD_CHILD],
            env=which.environ(event, work / "importtime" / "skill.sqlite3"),
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

    ours, hello = imports(config), imports(baseline)
    extra = {name: times for name, times in ours.items() if name not in hello}
    rows = sorted(extra.items(), key=lambda item: -item[1][1])[:top]
    own_total = sum(own for own, _ in extra.values())
    lines = [
        f"{len(extra)} modules the hello world does not import, {own_total / 1000:.1f} ms of their own "
        "import time:",
        f"{'cumulative':>11} {'self':>9}  module",
    ]
    lines += [f"{c / 1000:>8.1f} ms {s / 1000:>6.1f} ms  {name}" for name, (s, c) in rows]
    return "\n".join(lines)


def profile_misses(
    ratios: Ratios, cold: ColdStarts, warm: WarmRun, http_bodies: list[list[bytes]], work: Path
) -> list[tuple[str, str]]:
    """The profiles phase: profile what missed its target; (title, text) for each profile taken."""
    profiles: list[tuple[str, str]] = []
    # An HTTP miss profiles the warm path too: every HTTP request runs it.
    if ratios.warm_missed or ratios.http_missed:
        section("Profile: warm conversations through lambda_handler (cProfile, 60 conversations)")
        text = profile_warm(warm.handler, 100_000, 60)
        print(text)
        profiles.append(("Warm requests (cProfile of 60 conversations through lambda_handler)", text))
    if ratios.http_missed:
        section("Profile: the same conversations through create_app (Flask test client, cProfile)")
        text = profile_http(http_bodies[:60], work)
        print(text)
        profiles.append(
            ("HTTP requests (cProfile of 60 conversations through create_app, Flask test client)", text)
        )
    if ratios.cold_missed:
        section("Profile: cold start imports (python -X importtime)")
        text = import_profile(cold.ours, cold.hello, work, cold.launch)
        print(text)
        profiles.append(("Cold start imports (python -X importtime, SQLite mode)", text))
    return profiles
