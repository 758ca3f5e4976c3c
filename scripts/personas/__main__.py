"""Run the persona benchmark.

    make personas                      # print the table and the summary
    make personas ARGS=--write         # ... and rewrite the "Persona benchmark" section of BENCHMARKS.md
    make personas ARGS="--show knee"   # ... and the conversation of the named personas
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from .cast import PERSONAS
from .report import section, summarise, table, transcript, write_section
from .runner import run_all

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.personas", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--write", action="store_true", help="rewrite the Persona benchmark section of BENCHMARKS.md"
    )
    parser.add_argument("--show", nargs="*", default=None, metavar="NAME",
                        help="print these personas' conversations (no names: every one)")
    parser.add_argument("--only", nargs="*", default=[], metavar="NAME", help="run only these personas")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # the skill's request log is not part of the report

    unknown = set(args.only) - {p.name for p in PERSONAS}
    if unknown:
        parser.error(f"no persona named {', '.join(sorted(unknown))}")
    personas = [p for p in PERSONAS if not args.only or p.name in args.only]
    results = run_all(personas)

    print("\n".join(table(results)))
    print()
    print("\n".join(summarise(results).lines()))
    shown = [r for r in results if args.show is not None and (not args.show or r.persona.name in args.show)]
    for result in shown:
        print()
        print("\n".join(transcript(result)))
    if args.write:
        if args.only:
            parser.error("--write needs every persona (drop --only)")
        path = ROOT / "BENCHMARKS.md"
        write_section(path, section(results))
        print(f"\nwrote the Persona benchmark section of {path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
