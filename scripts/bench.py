"""Performance evidence for Heat or Ice, against hello-world skills on the same stack.

    make bench           # print the results
    make bench-report    # the same, then rewrite the performance section of BENCHMARKS.md
    make bench ARGS="--runs 3 --conversations 50 --http-rounds 1 --no-package"   # a quick look

One run measures, for our skill and for a hello world served the same ways:
- the Lambda package as `make package` builds it: size zipped and unpacked, its listing;
- cold start, a new Python process importing the handler and answering a LaunchRequest:
  in the production configuration (DynamoDB on a local dynalite through the official adapter,
  from the package as shipped, without bytecode, and with bytecode, against a hello world on the
  same adapter) and locally (SQLite, from the source tree and as shipped); medians of interleaved
  runs; the DynamoDB path's import costs;
- warm latency: a scripted conversation (launch, advice with slots, yes/no answers, help, stop)
  in-process, p50 and p99 per request, the very same request envelopes replayed to the hello world,
  with SQLite and with DynamoDB (where the store calls per conversation are counted too);
- HTTP: create_app with request verification on (requests signed by a test CA and stamped now)
  under werkzeug's threaded server, N client threads x M requests on keep-alive connections,
  alternating runs per skill, the median reported.
It prints every ratio to the hello world, shows the targets as pass/miss (never fails on them),
and profiles what misses. Nothing is left behind in the checkout; only `--write` writes a file.

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
from benchmark.common import HOSTING_DIR, LAMBDA_DIR, ROOT, SCRIPTS_DIR, section
from benchmark.dynamodb import local_dynamodb
from benchmark.http import measure_http, serve
from benchmark.package import measure_package
from benchmark.profiles import profile_misses, profile_warm
from benchmark.report import Results, load_average, machine, summary, write
from benchmark.targets import compare
from benchmark.warm import measure_warm, measure_warm_dynamodb


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=12, help="cold starts per configuration (default 12)")
    parser.add_argument(
        "--conversations", type=int, default=300, help="measured warm conversations, SQLite (default 300)"
    )
    parser.add_argument(
        "--dynamodb-conversations",
        type=int,
        default=60,
        help="measured warm conversations, DynamoDB (default 60)",
    )
    parser.add_argument("--threads", type=int, default=8, help="HTTP client threads (default 8)")
    parser.add_argument("--requests", type=int, default=150, help="HTTP requests per thread (default 150)")
    parser.add_argument(
        "--http-rounds", type=int, default=3, help="HTTP runs per skill; the median is reported (default 3)"
    )
    parser.add_argument("--http-time-limit", type=float, default=60.0, help="per run, in seconds")
    parser.add_argument("--no-package", action="store_true", help="skip the package and its cold starts")
    parser.add_argument(
        "--write", type=Path, metavar="FILE", help="write the report into FILE (BENCHMARKS.md)"
    )
    # The HTTP phase re-invokes this script as its server subprocess.
    parser.add_argument("--serve", choices=("ours", "hello"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--trust-root", help=argparse.SUPPRESS)
    parser.add_argument("--cert-chain", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve:
        serve(args.serve, args.db, args.trust_root, args.cert_chain)
        return 0

    sys.path[:0] = [str(LAMBDA_DIR), str(HOSTING_DIR), str(SCRIPTS_DIR), str(ROOT)]
    began, load_at_start = time.monotonic(), load_average()
    with (
        tempfile.TemporaryDirectory(prefix="heat-or-ice-bench-") as scratch,
        local_dynamodb() as (dynamodb, why),
    ):
        work = Path(scratch)
        package = measure_package(work, skip=args.no_package)  # first: the production cold starts run from it
        cold = measure_cold_starts(args.runs, package, dynamodb, work)
        warm = measure_warm(args.conversations, work)
        warm_dynamodb = measure_warm_dynamodb(args.dynamodb_conversations, dynamodb) if dynamodb else None
        http = measure_http(warm, args.threads, args.requests, args.http_rounds, args.http_time_limit, work)
        ratios = compare(cold, warm, warm_dynamodb, http)
        profiles = profile_misses(ratios, cold, warm, http.conversations, work)
        if warm_dynamodb is not None and ratios.missed("warm-dynamodb"):
            section("Profile: warm conversations in DynamoDB mode (cProfile, 30 conversations)")
            text = profile_warm(warm_dynamodb.handler, 700_000, 30)
            print(text)
            profiles.append(("Warm requests, DynamoDB on dynalite (cProfile of 30 conversations)", text))
        notes = cold.notes + http.notes + ([f"No DynamoDB phases: {why}"] if why else [])
        elapsed = time.monotonic() - began
        results = Results(
            args,
            machine(load_at_start),
            package,
            cold,
            warm,
            warm_dynamodb,
            http,
            ratios,
            notes,
            profiles,
            elapsed,
        )
    section("Summary")
    print("\n".join(summary(results)))
    if not package.error:
        print(
            f"Lambda package: {package.zipped / 1e6:.2f} MB zipped, {package.unzipped / 1e6:.2f} MB unpacked"
        )
    for note in notes:
        print(f"note: {note}")
    print(f"({elapsed:.0f} s; load average {load_at_start} at the start, {load_average()} at the end)")
    if args.write:
        write(args.write, results)
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
