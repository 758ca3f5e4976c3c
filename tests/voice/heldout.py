"""The held-out phrasings (heldout_utterances.json) heard by virtual-alexa and by the console's matcher.

A case passes when the intent and every expected slot value id match. What each hearer returns:
- virtual-alexa (tests/package/virtual_alexa_probe.js, one node process per locale for all of its cases):
  the intent, or "LaunchRequest"/"SessionEndedRequest" when it turns the words into one of those, or
  AMAZON.FallbackIntent when it matches no sample (it throws; Alexa would send the fallback intent);
- the console (heat_or_ice_web.nlu.Understander on the same model file).
Built-in slot values are compared as Alexa sends them: AMAZON.DURATION as ISO-8601, AMAZON.NUMBER as digits.

    python -m tests.voice.heldout              # coverage tables of both hearers, as markdown
    python -m tests.voice.heldout --failures   # ... and every case each hearer gets wrong
    python -m tests.voice.heldout --write      # rewrite the "Voice model" section of BENCHMARKS.md
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Four sets, each written by someone who had seen neither the model nor the other sets, from what each
# intent and slot value means. Each set's misses were read to find the kinds of wording the model
# lacked, but only after the set had been run once; FIRST_LOOK keeps what each hearer understood then,
# which is the honest measure of phrasings nobody had tuned the model against.
CASE_FILES = {
    "first": Path(__file__).with_name("heldout_utterances.json"),
    "regional": Path(__file__).with_name("heldout_regional_utterances.json"),
    "third": Path(__file__).with_name("heldout_third_utterances.json"),
    "fourth": Path(__file__).with_name("heldout_fourth_utterances.json"),
}
SETS = tuple(CASE_FILES)
HEARERS = ("virtual-alexa", "console")
# Percent understood the first time each later set was run, before any of its cases was read.
FIRST_LOOK: dict[str, dict[str, dict[str, float]]] = {
    "regional": {
        "virtual-alexa": {"en-GB": 13.3, "en-CA": 22.2, "en-AU": 20.0, "en-IN": 8.9, "warning_sign": 0.0},
        "console": {"en-GB": 80.0, "en-CA": 68.9, "en-AU": 77.8, "en-IN": 77.8, "warning_sign": 46.2},
    },
    "third": {
        "virtual-alexa": {"en-US": 36.2, "en-GB": 13.3, "en-CA": 36.7, "en-AU": 20.0, "en-IN": 16.7,
                          "warning_sign": 8.2},
        "console": {"en-US": 81.2, "en-GB": 70.0, "en-CA": 80.0, "en-AU": 80.0, "en-IN": 70.0,
                    "warning_sign": 57.4},
    },
    "fourth": {
        "virtual-alexa": {"en-US": 40.0, "en-GB": 13.3, "en-CA": 23.3, "en-AU": 23.3, "en-IN": 3.3,
                          "warning_sign": 11.3},
        "console": {"en-US": 82.5, "en-GB": 73.3, "en-CA": 76.7, "en-AU": 76.7, "en-IN": 76.7,
                    "warning_sign": 54.8},
    },
}
MODELS_DIR = ROOT / "skill-package" / "interactionModels" / "custom"
PROBE = ROOT / "tests" / "package" / "virtual_alexa_probe.js"
NODE = shutil.which("node")
HAVE_VIRTUAL_ALEXA = (ROOT / "node_modules" / "virtual-alexa").is_dir()
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
FALLBACK = "AMAZON.FallbackIntent"

@dataclass(frozen=True)
class Case:
    text: str
    locale: str
    intent: str
    slots: dict[str, str]
    context: str
    category: str
    batch: str = "first"


@dataclass(frozen=True)
class Heard:
    intent: str
    slots: dict[str, str]  # slot name -> value id, or the words for built-in types


@dataclass(frozen=True)
class Outcome:
    case: Case
    heard: Heard

    @property
    def passed(self) -> bool:
        if self.heard.intent != self.case.intent:
            return False
        return all(self.heard.slots.get(name) == value for name, value in self.case.slots.items())


def load_cases() -> list[Case]:
    return [
        Case(**case, batch=batch)
        for batch, path in CASE_FILES.items()
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
    ]


def cases_by_locale(cases: list[Case]) -> dict[str, list[Case]]:
    grouped: dict[str, list[Case]] = {locale: [] for locale in LOCALES}
    for case in cases:
        grouped[case.locale].append(case)
    return grouped


def _built_in_types(model_file: Path) -> dict[tuple[str, str], str]:
    model = json.loads(model_file.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
    return {
        (intent["name"], slot["name"]): slot["type"]
        for intent in model["intents"]
        for slot in intent.get("slots", [])
        if slot["type"].startswith("AMAZON.")
    }


def _as_alexa_sends(type_name: str | None, value: str) -> str:
    from heat_or_ice_web.spoken_values import parse_duration, parse_number

    words = value.lower().split()
    if type_name == "AMAZON.DURATION" and not value.startswith("P"):
        return parse_duration(words) or value
    if type_name == "AMAZON.NUMBER":
        number = parse_number(words)
        return str(number) if number is not None else value
    return value


# --- virtual-alexa --------------------------------------------------------------------------------
def start_virtual_alexa(locale: str, texts: list[str]) -> subprocess.Popen:
    env = dict(
        os.environ,
        NODE_NO_WARNINGS="1",
        AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE="1",
        NODE_PATH=str(ROOT / "node_modules"),
    )
    process = subprocess.Popen(
        [NODE, str(PROBE), str(MODELS_DIR / f"{locale}.json"), locale],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    process.stdin.write(json.dumps(texts))
    process.stdin.close()
    return process


def virtual_alexa_heard(locale: str, process: subprocess.Popen, timeout: float = 120) -> list[Heard]:
    out = process.stdout.read()
    error = process.stderr.read()
    if process.wait(timeout=timeout) != 0:
        raise RuntimeError(f"virtual-alexa probe failed for {locale}: {error}")
    built_ins = _built_in_types(MODELS_DIR / f"{locale}.json")
    heard = []
    for result in json.loads(out):
        if "error" in result:
            heard.append(Heard(FALLBACK, {}))
        elif result.get("type") != "IntentRequest":
            heard.append(Heard(result.get("type", "?"), {}))
        else:
            intent = result["intent"]
            slots = {
                name: _as_alexa_sends(built_ins.get((intent, name)), str(value).strip())
                for name, value in result.get("slots", {}).items()
            }
            heard.append(Heard(intent, slots))
    return heard


def run_virtual_alexa(cases: list[Case]) -> list[Outcome]:
    """Every case through virtual-alexa on its locale's model: one node process per locale, run side by
    side."""
    grouped = {locale: found for locale, found in cases_by_locale(cases).items() if found}
    running = {
        locale: start_virtual_alexa(locale, [c.text for c in found]) for locale, found in grouped.items()
    }
    outcomes = []
    for locale, found in grouped.items():
        outcomes += [
            Outcome(c, h) for c, h in zip(found, virtual_alexa_heard(locale, running[locale]), strict=True)
        ]
    return outcomes


# --- the console's matcher ------------------------------------------------------------------------
def run_console(cases: list[Case]) -> list[Outcome]:
    from heat_or_ice_web.interaction_model import InteractionModel
    from heat_or_ice_web.nlu import Understander

    outcomes = []
    for locale, found in cases_by_locale(cases).items():
        if not found:
            continue
        understander = Understander(InteractionModel.load(MODELS_DIR / f"{locale}.json"))
        for case in found:
            understanding = understander.understand(case.text)
            intent = "LaunchRequest" if understanding.is_launch else understanding.intent
            slots = {}
            for name, fill in understanding.slots.items():
                if fill.matches:
                    slots[name] = fill.matches[0][0]
                elif fill.matches is None:
                    slots[name] = fill.value
            outcomes.append(Outcome(case, Heard(intent, slots)))
    return outcomes


# --- coverage ---------------------------------------------------------------------------------------
def rate(outcomes: list[Outcome]) -> float:
    return 100.0 * sum(o.passed for o in outcomes) / len(outcomes) if outcomes else 100.0


def groups(outcomes: list[Outcome]) -> dict[str, list[Outcome]]:
    """The groups a floor applies to: each locale's own cases, and the warning signs of every locale
    (groups with no cases left out)."""
    found = {locale: [o for o in outcomes if o.case.locale == locale] for locale in LOCALES}
    found["warning_sign"] = [o for o in outcomes if o.case.category == "warning_sign"]
    return {group: cases for group, cases in found.items() if cases}


def of_set(outcomes: list[Outcome], batch: str) -> list[Outcome]:
    return [o for o in outcomes if o.case.batch == batch]


def table(outcomes: list[Outcome], key) -> list[tuple[str, dict[str, tuple[int, int]]]]:
    """Rows of (key, {locale: (passed, total)}) for a grouping of the outcomes."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for outcome in outcomes:
        cell = counts[key(outcome.case)][outcome.case.locale]
        cell[0] += outcome.passed
        cell[1] += 1
    return [(name, {loc: tuple(cell) for loc, cell in row.items()}) for name, row in sorted(counts.items())]


def markdown(outcomes: list[Outcome], title: str) -> str:
    def cell(value: tuple[int, int] | None) -> str:
        if not value:
            return ""
        passed, total = value
        return f"{100 * passed / total:.0f}% ({passed}/{total})"

    lines = [f"#### {title}", ""]
    head = "| | " + " | ".join(LOCALES) + " | all |"
    rule = "|---|" + "---|" * (len(LOCALES) + 1)
    for heading, key in (("Category", lambda c: c.category), ("Intent", lambda c: c.intent)):
        lines += [head.replace("| |", f"| {heading} |", 1), rule]
        for name, row in table(outcomes, key):
            total = (sum(p for p, _ in row.values()), sum(t for _, t in row.values()))
            lines.append(
                f"| {name} | " + " | ".join(cell(row.get(loc)) for loc in LOCALES) + f" | {cell(total)} |"
            )
        lines.append("")
    overall = {loc: [o for o in outcomes if o.case.locale == loc] for loc in LOCALES}
    lines += [
        "| Overall | " + " | ".join(cell((sum(o.passed for o in f), len(f))) for f in overall.values())
        + f" | {cell((sum(o.passed for o in outcomes), len(outcomes)))} |",
        "",
    ]
    return "\n".join(lines)


def failures(outcomes: list[Outcome]) -> str:
    return "\n".join(
        f"  {o.case.locale} {o.case.category}: {o.case.text!r} -> {o.heard.intent} {o.heard.slots}"
        f" (expected {o.case.intent} {o.case.slots})"
        for o in outcomes
        if not o.passed
    )


SECTION = "## Voice model"


def said_as_samples(cases: list[Case]) -> dict[str, tuple[int, int]]:
    """Per set: how many phrasings are, word for word, a sample of some model (and how many of those
    have five words or more). Short replies ("cancel", "yes please") are samples in any model; a long
    one is a phrasing the model was shaped around."""
    samples: set[str] = set()
    for path in MODELS_DIR.glob("*.json"):
        language = json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
        samples |= {sample for intent in language["intents"] for sample in intent.get("samples", [])}
    found = {}
    for batch in SETS:
        same = [c.text for c in cases if c.batch == batch and c.text in samples]
        found[batch] = (len(same), sum(len(text.split()) >= 5 for text in same))
    return found


def model_sizes() -> list[str]:
    lines = [("| Locale | File | Samples, custom intents | Samples, built-in intents | Most in one intent "
              "| Slot words |"),
             "|---|---|---|---|---|---|"]
    for locale in LOCALES:
        path = MODELS_DIR / f"{locale}.json"
        language = json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
        custom = sum(
            len(i.get("samples", [])) for i in language["intents"] if not i["name"].startswith("AMAZON.")
        )
        built_in = sum(
            len(i.get("samples", [])) for i in language["intents"] if i["name"].startswith("AMAZON.")
        )
        most = max(language["intents"], key=lambda i: len(i.get("samples", [])))
        words = sum(1 + len(v["name"].get("synonyms", [])) for t in language["types"] for v in t["values"])
        lines.append(f"| {locale} | {path.stat().st_size / 1e6:.3f} MB | {custom} | {built_in} | "
                     f"{len(most['samples'])} ({most['name']}) | {words} |")
    return lines


def _floor_rows(heard: dict[str, list[Outcome]], floors: dict) -> list[str]:
    rows = ["| Set | Group | virtual-alexa | floor | first look | Console | floor | first look |",
            "|---|---|---|---|---|---|---|---|"]
    for batch in SETS:
        found = {name: groups(of_set(outcomes, batch)) for name, outcomes in heard.items()}
        for group in found["console"]:
            cells = []
            for name in HEARERS:
                first = FIRST_LOOK.get(batch, {}).get(name, {}).get(group)
                cells += [f"{rate(found[name][group]):.1f} ({len(found[name][group])})",
                          f"{floors[batch][name][group]:.0f}",
                          "" if first is None else f"{first:.1f}"]
            rows.append(f"| {batch} | {group} | " + " | ".join(cells) + " |")
    return rows


def section(heard: dict[str, list[Outcome]], seconds: dict[str, float], floors: dict) -> str:
    checkout = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, check=False).stdout.strip() or "?"
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    cases = heard["virtual-alexa"]
    sizes = ", ".join(f"{batch} {len(of_set(cases, batch))}" for batch in SETS)
    lines = [
        SECTION,
        "",
        ("Written by `python -m tests.voice.heldout --write`; the voice tests (tests/voice) hold the same "
         "numbers"),
        f"to the floors below. {len(cases)} held-out phrasings in {len(SETS)} sets ({sizes};",
        "tests/voice/heldout_*.json), each written by someone who had seen neither the model nor the other",
        "sets, from what each intent and slot value means. A case passes when the intent and every expected",
        "slot value id match. After a set was first run, its misses were read to find the kinds of wording",
        "the model lacked; the fixes are general wording (carrier phrases, slot synonyms, sample templates),",
        "never a case's text. \"First look\" is what each hearer understood before anything in that set was",
        "read: the honest measure of phrasings the model was not tuned against. The first set was read",
        "throughout the model's building, so its first look is not known.",
        "",
        ("- **virtual-alexa 0.7.8**, the client of the conversation tests, matches samples exactly: "
         "a slot takes"),
        ("  only listed words, two slots side by side never split "
         "(\"hurt my back lifting a box this morning\"),"),
        ("  and \"exit\" ends the session. Its AMAZON.NUMBER knows \"one\" to \"twenty\" only; "
         "the probe gives it"),
        "  the numbers to 199 in words, as Alexa's built-in type has. One node process per locale.",
        ("- **The console** (`make run`, hosting/heat_or_ice_web/nlu.py) reads the same model file: "
         "a sample said"),
        "  as written first, every split of the words between its slots tried, then the closest samples",
        "  aligned; a slot is only filled with words its type resolves.",
        "- On a device, words Alexa puts in the symptom slot that no value covers are still read for",
        "  warning signs by the skill (lambda/heat_or_ice/skill/warning_words.py); neither hearer here",
        "  measures that.",
        "",
        "Phrasings that are, word for word, a sample of the model (of five words or more in brackets):",
        "; ".join(f"{batch} {n} of {len(of_set(cases, batch))} ({long})"
                  for batch, (n, long) in said_as_samples([o.case for o in cases]).items()) + ".",
        "Short replies are samples of any model; a set never read shares a few long ones by chance,",
        "and more than that means the model was shaped around the set's phrasings.",
        "",
        f"Run {when} on checkout {checkout}: virtual-alexa {seconds['virtual-alexa']:.1f} s, "
        f"console {seconds['console']:.1f} s for all {len(cases)} cases.",
        "",
        "### Per set: now, floor (percent; floors only go up) and first look; cases in brackets",
        "",
        *_floor_rows(heard, floors),
    ]
    exact = markdown(heard["virtual-alexa"], "virtual-alexa 0.7.8 (exact matching), all sets")
    lines += ["", exact.replace("#### ", "### "),
              markdown(heard["console"], "Console matcher, all sets").replace("#### ", "### "),
              "### Model size", "",
              "Alexa builds a locale's model of up to 1.5 MB (its interaction model limits). The generator",
              "refuses to write a bigger file and tests/package holds each to 1,500,000 bytes.", "",
              *model_sizes(), ""]
    return "\n".join(lines)


def write_section(path: Path, text: str) -> None:
    """Replaces the voice model section of the file (or adds it at the end), leaving the rest alone."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line == SECTION), None)
    if start is None:
        new = [*lines, "", *text.rstrip("\n").splitlines()]
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        new = [
            *lines[:start],
            *text.rstrip("\n").splitlines(),
            *([""] if end < len(lines) else []),
            *lines[end:],
        ]
    path.write_text("\n".join(new).rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    from tests.voice.test_heldout import FLOORS

    cases = load_cases()
    heard, seconds = {}, {}
    for name, run in (("virtual-alexa", run_virtual_alexa), ("console", run_console)):
        started = time.perf_counter()
        heard[name] = run(cases)
        seconds[name] = time.perf_counter() - started
    if "--write" in argv:
        write_section(ROOT / "BENCHMARKS.md", section(heard, seconds, FLOORS))
    print("\n".join(_floor_rows(heard, FLOORS)))
    print()
    print(markdown(heard["virtual-alexa"], "virtual-alexa 0.7.8 (exact matching)"))
    print(markdown(heard["console"], "Console matcher (heat_or_ice_web.nlu)"))
    if "--failures" in argv:
        for name, outcomes in heard.items():
            print(f"\n{name} failures:\n{failures(outcomes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
