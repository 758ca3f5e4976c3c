"""Performance evidence for Heat or Ice, against a hello-world skill on the same stack.

    make bench       # or: PYTHONPATH=lambda .venv/bin/python scripts/bench.py
    PYTHONPATH=lambda .venv/bin/python scripts/bench.py --runs 3 --no-package --output /tmp/b.md  # quick

One run measures, for our skill and for scripts/hello_world_skill.py served the same ways:
- cold start: a new Python process importing the Lambda module and answering a LaunchRequest
  (our lambda_function in SQLite mode and in DynamoDB mode against a local dynalite; also with
  what Lambda's runtime has already imported, and "as shipped": from the package directory
  `make package` builds, which has no .pyc files), medians; the DynamoDB path's extra import
  cost; which heavy modules a SQLite cold start loads;
- warm latency: a scripted conversation (launch, advice with slots, yes/no answers, help, stop)
  through lambda_handler in-process, p50 and p99 per request, and the very same request envelopes
  replayed to the hello world (so both pay the SDK's parsing of the same requests);
- HTTP: create_app (verification off, loopback) under werkzeug's threaded server in a
  subprocess, N client threads x M requests on keep-alive connections, throughput and p99
  (three alternating runs per skill, the median reported: this box is shared and noisy);
- the zipped size of the Lambda package (built in a temp dir, as `make package` builds it).
It prints ratios to the hello world, shows the targets as pass/miss (never fails on them),
profiles what misses, and writes BENCHMARKS.md. Nothing is left behind in the checkout.

Each phase lives in scripts/benchmark/ (one module per phase); this script parses the options and
runs the phases in order.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmark.cold import measure_cold_starts
from benchmark.common import LAMBDA_DIR, ROOT, SCRIPTS_DIR
from benchmark.http import measure_http, serve
from benchmark.package import measure_package
from benchmark.profiles import profile_misses
from benchmark.report import machine, render
from benchmark.targets import compare
from benchmark.warm import measure_warm


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="cold starts per configuration (default 15)")
    parser.add_argument(
        "--conversations", type=int, default=300, help="measured warm conversations (default 300)"
    )
    parser.add_argument("--threads", type=int, default=8, help="HTTP client threads (default 8)")
    parser.add_argument("--requests", type=int, default=300, help="HTTP requests per thread (default 300)")
    parser.add_argument(
        "--http-rounds", type=int, default=3, help="HTTP runs per skill; the median is reported"
    )
    parser.add_argument("--http-time-limit", type=float, default=60.0, help="per run, in seconds")
    parser.add_argument("--no-package", action="store_true", help="skip building the Lambda package")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    # The HTTP phase re-invokes this script as its server subprocess: --serve ours|hello --db PATH.
    parser.add_argument("--serve", choices=("ours", "hello"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve:
        serve(args.serve, args.db)
        return 0

    sys.path[:0] = [str(LAMBDA_DIR), str(SCRIPTS_DIR)]
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="heat-or-ice-bench-") as scratch:
        work = Path(scratch)
        package = measure_package(work, skip=args.no_package)  # first: "as shipped" cold starts run from it
        cold = measure_cold_starts(args.runs, package, work)
        warm = measure_warm(args.conversations, work)
        http = measure_http(warm, args.threads, args.requests, args.http_rounds, args.http_time_limit, work)
        ratios = compare(cold, warm, http)
        profiles = profile_misses(ratios, cold, warm, http.bodies, work)
        elapsed = time.monotonic() - began
        notes = cold.notes + http.notes
        report = render(args, machine(), cold, warm, http, ratios, package, notes, profiles, elapsed)
    args.output.write_text(report, encoding="utf-8")
    print(f"\nwrote {args.output} ({elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
