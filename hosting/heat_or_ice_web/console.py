"""Talk to the skill from a keyboard, no Amazon account needed: `make run` (heat_or_ice_web.console).

Type what you would say ("open heat or ice", "should I use heat or ice", "stop"); read what Alexa would
say. The skill runs in this process behind the flask-ask-sdk web app on 127.0.0.1 with SQLite storage,
and its Timers API calls go to a local HTTPS stand-in whose timers announce themselves here when due.
Lines come from the keyboard, from a pipe (one exchange per line, exit at end of input) or from --script.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from heat_or_ice_web.console_alexa import LocalAlexa
from heat_or_ice_web.envelopes import CONSOLE_SKILL_ID, Clock, Device, EnvelopeBuilder, utc_now
from heat_or_ice_web.interaction_model import InteractionModel, find_model_file, skill_display_name
from heat_or_ice_web.local_timers import LocalTimersServer, Timer
from heat_or_ice_web.nlu import Understander
from heat_or_ice_web.skill_transport import (
    HttpSkill,
    InProcessSkill,
    LocalSkillServer,
    SkillLoadError,
    load_skill,
)
from heat_or_ice_web.speech_out import Said, Voice
from heat_or_ice_web.spoken_values import describe_seconds, duration_seconds

DEFAULT_SKILL = "heat_or_ice.skill.builder:build_skill_from_environment"
TIMER_CHECK_SECONDS = 1.0
CONSOLE_USER_ID = "amzn1.ask.account.local-console-user"
CONSOLE_DEVICE_ID = "amzn1.ask.device.local-console-device"


class ConsoleSetupError(Exception):
    """Something the console needs is missing; the message says what and how to fix it."""


@dataclass
class Options:
    locale: str = "en-US"
    port: int = 0
    model: Path | None = None
    skill: str = DEFAULT_SKILL
    skill_url: str | None = None
    db_path: str | None = None
    voice: bool = False
    show_json: bool = False
    script: Path | None = None
    check_timestamps: bool = True  # off only for tests whose clock runs ahead of the real one


class Console:
    """Prints each exchange: what the user said, what Alexa says, cards, timers and session changes."""

    def __init__(
        self,
        alexa: LocalAlexa,
        timers: LocalTimersServer | None,
        voice: Voice,
        out: Callable[[str], None] = print,
    ):
        self.alexa, self.timers, self.voice, self._out = alexa, timers, voice, out
        self._print_lock = threading.Lock()
        self._timer_news: list[str] = []
        if timers is not None:
            timers.book.on_created = self._timer_created

    def hear(self, line: str) -> None:
        self.show(self.alexa.hear(line))

    def leave(self) -> None:
        self.show(self.alexa.leave())
        if self.timers is not None and self.timers.book.running():
            names = ", ".join(t.label or "unnamed" for t in self.timers.book.running())
            self.print(f"[timers still running, and stopping with the console: {names}]")

    def check_timers(self, *, interrupting: bool = False) -> None:
        """Announce every timer the clock has reached, as the device would."""
        for timer in self.timers.book.take_due() if self.timers else []:
            if interrupting:  # the prompt is showing: break the line, then put the prompt back
                with self._print_lock:
                    sys.stdout.write(f"\n[timer] {timer.announce}\nYou: ")
                    sys.stdout.flush()
            else:
                self.print(f"[timer] {timer.announce}")
            self.voice.say(f"<speak>{timer.announce}</speak>")

    def show(self, said: list[Said]) -> None:
        for item in said:
            if item.kind == "alexa":
                self.print(f"Alexa: {item.text}")
                self.voice.say(item.ssml)
            else:
                self.print(f"  {'[card] ' if item.kind == 'card' else ''}{item.text}")
            if item.kind == "alexa" and self._timer_news:
                self._flush_timer_news()
        self._flush_timer_news()

    def print(self, text: str) -> None:
        with self._print_lock:
            self._out(text)
            sys.stdout.flush()

    def trace(self, request: dict, response: dict | None) -> None:
        self.print("  > " + json.dumps(request, indent=2).replace("\n", "\n    "))
        self.print("  < " + json.dumps(response, indent=2).replace("\n", "\n    "))

    def _timer_created(self, timer: Timer) -> None:
        length = describe_seconds(duration_seconds(timer.duration) or 0)
        self._timer_news.append(f"  [timer set: {length}{f' ({timer.label})' if timer.label else ''}]")

    def _flush_timer_news(self) -> None:
        news, self._timer_news = self._timer_news, []
        for line in news:
            self.print(line)


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for the console's lifetime and put the old ones back afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, old in saved.items():
            os.environ.pop(name, None) if old is None else os.environ.__setitem__(name, old)


@contextlib.contextmanager
def open_console(
    options: Options,
    *,
    clock: Clock = utc_now,
    out: Callable[[str], None] = print,
    skill: object | None = None,
) -> Iterator[Console]:
    """Start the timers stand-in and the skill server, yield a ready Console, stop both afterwards."""
    model_file = options.model or find_model_file(options.locale)
    if model_file is None or not Path(model_file).is_file():
        raise ConsoleSetupError(
            f"No interaction model for {options.locale}: expected "
            f"skill-package/interactionModels/custom/{options.locale}.json (or pass --model)."
        )
    model = InteractionModel.load(model_file)
    with contextlib.ExitStack() as stack:
        timers = stack.enter_context(LocalTimersServer(clock=clock, locale=options.locale))
        no_proxy = ",".join(filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1", "localhost"]))
        # The skill runs in this process, so its requests calls must trust the timers certificate.
        settings = {
            "REQUESTS_CA_BUNDLE": str(timers.write_trust_bundle()),
            "NO_PROXY": no_proxy,
            "no_proxy": no_proxy,
        }
        if options.db_path:
            settings["SKILL_DB_PATH"] = options.db_path
        stack.enter_context(_environment(**settings))
        if options.skill_url:
            send = HttpSkill(options.skill_url)
            application_id = os.environ.get("SKILL_ID") or CONSOLE_SKILL_ID
            out(
                f"[console] talking to the skill at {options.skill_url}; for timers it must trust "
                f"{timers.cert_path} (REQUESTS_CA_BUNDLE) while this console runs"
            )
        else:
            if skill is None:
                try:
                    skill = load_skill(options.skill)
                except SkillLoadError as problem:
                    raise ConsoleSetupError(str(problem)) from problem
                if options.skill == DEFAULT_SKILL:
                    _say_where_data_lives(out)
            application_id = getattr(skill, "skill_id", None) or CONSOLE_SKILL_ID
            send = _serve(skill, options, stack, out)
        # One fixed person and device, so what the skill stored last time is found again next time.
        device = Device(
            application_id=application_id,
            user_id=CONSOLE_USER_ID,
            device_id=CONSOLE_DEVICE_ID,
            api_endpoint=timers.url,
            locale=options.locale,
        )
        alexa = LocalAlexa(
            Understander(model),
            send,
            EnvelopeBuilder(device, clock),
            skill_name=skill_display_name(Path(model_file), options.locale, model),
            on_grant=lambda scope: timers.grant(device.api_access_token),
        )
        console = Console(alexa, timers, Voice(options.voice, options.locale, note=out), out)
        if options.show_json:
            alexa.trace = console.trace
        yield console


def _say_where_data_lives(out: Callable[[str], None]) -> None:
    path = os.environ.get("SKILL_DB_PATH")
    if not path and not os.environ.get("DYNAMODB_TABLE"):
        with contextlib.suppress(ImportError):
            from heat_or_ice.adapters.persistence import default_sqlite_path

            path = str(default_sqlite_path())
    if path:
        out(f"[console] the skill keeps what it remembers in {path} (SQLite; --db to use another file)")


def _serve(skill: object, options: Options, stack: contextlib.ExitStack, out: Callable[[str], None]):  # type: ignore[no-untyped-def]
    try:
        server = stack.enter_context(
            LocalSkillServer(skill, options.port, check_timestamps=options.check_timestamps)
        )
    except ImportError as problem:
        out(
            f"[console] the flask-ask-sdk web app is not available ({problem}); calling the skill in-process."
        )
        return InProcessSkill(skill)
    out(
        f"[console] skill listening on {server.url} (127.0.0.1 only). Signature verification is OFF: "
        f"this console is its only client, on loopback."
    )
    return HttpSkill(server.url)


def run(console: Console, lines: Iterable[str] | None) -> None:
    """Talk until the input ends. `lines` None means the keyboard, with a timer check every second."""
    stop_ticking = threading.Event()
    if lines is None:

        def tick() -> None:
            while not stop_ticking.wait(TIMER_CHECK_SECONDS):
                console.check_timers(interrupting=True)

        threading.Thread(target=tick, name="timer-check", daemon=True).start()
    try:
        for line in lines if lines is not None else _keyboard():
            if lines is not None:
                console.check_timers()
                console.print(f"You: {line}")
            console.hear(line)
        console.check_timers()
    except KeyboardInterrupt:
        console.print("")
    finally:
        stop_ticking.set()
        console.leave()


def _keyboard() -> Iterator[str]:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (arrow keys and history at the prompt)
    while True:
        try:
            yield input("You: ")
        except EOFError:
            print()
            return


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m heat_or_ice_web.console", description=__doc__.splitlines()[0]
    )
    add = parser.add_argument
    add("--locale", default="en-US", help="locale of the interaction model and of requests (default en-US)")
    add("--port", type=int, default=0, help="port of the local skill server (default: any free port)")
    add("--script", type=Path, help="say the lines of this file, then exit")
    add(
        "--voice",
        action="store_true",
        default=os.environ.get("HEAT_OR_ICE_VOICE") == "1",
        help="also speak replies with espeak-ng (or set HEAT_OR_ICE_VOICE=1)",
    )
    add("--model", type=Path, help="interaction model file (default: skill-package's, for --locale)")
    add("--skill", default=DEFAULT_SKILL, help="skill factory: package.module:function or file.py:function")
    add("--skill-url", help="talk to a skill already serving at this URL instead of starting one")
    add("--db", dest="db_path", help="SQLite file for the skill (default: $SKILL_DB_PATH or the adapters')")
    add("--show-json", action="store_true", help="print every request and response envelope")
    return Options(**vars(parser.parse_args(argv)))


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    try:
        with open_console(options) as console:
            if options.script:
                run(console, options.script.read_text(encoding="utf-8").splitlines())
            elif sys.stdin.isatty():
                example = f"open {console.alexa.model.invocation_name}"
                console.print(f'Say something, e.g. "{example}". Ctrl-D or Ctrl-C to quit.')
                run(console, None)
            else:
                run(console, (line.rstrip("\n") for line in sys.stdin))
    except ConsoleSetupError as problem:
        print(f"[console] {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
