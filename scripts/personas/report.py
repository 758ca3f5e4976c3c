"""The persona table and its summary, for the terminal and for BENCHMARKS.md."""

from __future__ import annotations

import statistics
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .hearing import COMFORT_CLASSES, NO_ADVICE
from .runner import LIMIT, Result

SECTION = "## Persona benchmark"


@dataclass(frozen=True)
class Spread:
    count: int
    median: float | None
    maximum: int | None

    def __str__(self) -> str:
        if not self.count:
            return "none"
        return f"median {_number(self.median)}, max {self.maximum} (of {self.count})"


def _number(value: float | None) -> str:
    return "-" if value is None else (f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}")


def spread(values: list[int | None]) -> Spread:
    known = [v for v in values if v is not None]
    if not known:
        return Spread(0, None, None)
    return Spread(len(known), statistics.median(known), max(known))


def gives_place_start_cause(result: Result) -> bool:
    persona = result.persona
    return (not persona.warning_signs and persona.expected[0] in COMFORT_CLASSES
            and {"location", "onset", "cause"} <= persona.opening_gives)


def gives_only_place(result: Result) -> bool:
    persona = result.persona
    return persona.opening.intent == "RecommendIntent" and persona.opening_gives == {"location"}


@dataclass(frozen=True)
class Summary:
    right: int
    total: int
    no_advice: int
    utterances: Spread
    full_openings: Spread
    place_only: Spread
    words: Spread

    def lines(self) -> list[str]:
        return [
            f"Right: {self.right}/{self.total}",
            f"Utterances to advice, everyone: {self.utterances}",
            ("Utterances to advice, no warning sign and the opening gives place, start and cause: "
             f"{self.full_openings}"),
            f"Utterances to advice, the opening gives only the place: {self.place_only}",
            f"Words in the advice turn: {self.words}",
            f"No advice within {LIMIT} utterances: {self.no_advice}",
        ]


def summarise(results: list[Result]) -> Summary:
    return Summary(
        right=sum(r.right for r in results),
        total=len(results),
        no_advice=sum(r.heard == NO_ADVICE for r in results),
        utterances=spread([r.utterances for r in results]),
        full_openings=spread([r.utterances for r in results if gives_place_start_cause(r)]),
        place_only=spread([r.utterances for r in results if gives_only_place(r)]),
        words=spread([r.words for r in results]),
    )


def _cell(value: object) -> str:
    return "-" if value is None else str(value).replace("|", "/")


def table(results: list[Result], *, descriptions: bool = False) -> list[str]:
    head = ["Persona", "Expected", "Heard", "Right", "Utterances", "Words", "Notes"]
    if descriptions:
        head.insert(1, "Who")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        row = [r.persona.name, " or ".join(r.persona.expected), r.heard, "yes" if r.right else "NO",
               r.utterances, r.words, r.notes]
        if descriptions:
            row.insert(1, r.persona.description)
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return lines


def transcript(result: Result) -> list[str]:
    lines = [f"{result.persona.name}: {result.persona.description}",
             f"  expected {' or '.join(result.persona.expected)}; heard {result.heard} ({result.how})"]
    for said, reply in result.transcript:
        lines += [f"  > {said}", f"  < {reply}"]
    return lines


def _checkout() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("-dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def section(results: list[Result]) -> str:
    summary = summarise(results)
    lines = [
        SECTION,
        "",
        "Written by `make personas ARGS=--write` (scripts/personas); `make personas` prints the same. Each",
        "persona is a new user talking to the real skill through `handle_event` (JSON envelopes, slot",
        "values by the voice contract's ids with entity resolution, a temporary SQLite store). It opens",
        "(after \"open heat or ice coach\" for some), then answers whatever question the skill waits on from",
        "what is true of it: its place, start and cause, and the warning signs it has, recognised by the",
        "question's words. *Expected* is what a careful clinician would advise under the clinical rules",
        "(section 8 wins); *heard* is read from the advice turn's card title and the locale text spoken.",
        "*Utterances* counts every request up to the one answered with advice, the opening (and the launch)",
        (f"included; a person stops after {LIMIT}. *Words* are the words spoken in that turn. "
         "Reported, not enforced."),
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on checkout {_checkout()}.",
        "",
        "| Summary | |",
        "|---|---|",
        *[f"| {line.split(': ', 1)[0]} | {line.split(': ', 1)[1]} |" for line in summary.lines()],
        "",
        "### Each persona",
        "",
        *table(results, descriptions=True),
        "",
    ]
    return "\n".join(lines)


def write_section(path: Path, text: str) -> None:
    """Replaces the persona section of BENCHMARKS.md (or adds it at the end), leaving the rest alone."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = old.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == SECTION), None)
    if start is None:
        new = old.rstrip("\n") + ("\n\n" if old.strip() else "") + text
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        new = "\n".join([*lines[:start], *text.rstrip("\n").splitlines(), *([""] if end < len(lines) else []),
                         *lines[end:]])
    path.write_text(new.rstrip("\n") + "\n", encoding="utf-8")
