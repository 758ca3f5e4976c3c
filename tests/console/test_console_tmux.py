"""The console in a real terminal (tmux): the prompt, typed lines, a timer going off on its own, Ctrl-D."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from tests.console.conftest import FIXTURE_MODEL, FIXTURE_SKILL, REAL_MODEL, REPO
from tests.console.test_console_cli import console_environment, real_skill_ready

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

POLLS, POLL_SECONDS = 150, 0.1  # at most 15 s for any one thing to appear


class Terminal:
    """One console in a detached tmux session on its own server socket."""

    def __init__(self, socket: str):
        self.socket = socket

    def tmux(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)

    def start(self, command: list[str], env: dict[str, str]) -> None:
        exports = " ".join(
            f"{name}={shlex.quote(value)}"
            for name, value in env.items()
            if name in ("PYTHONPATH", "SKILL_DB_PATH", "PATH", "HOME", "PYTHONUNBUFFERED")
        )
        line = f"cd {shlex.quote(str(REPO))} && env {exports} {shlex.join(command)}"
        started = self.tmux("new-session", "-d", "-s", "console", "-x", "200", "-y", "60", line)
        assert started.returncode == 0, started.stderr

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "console").stdout

    def type(self, line: str) -> None:
        self.tmux("send-keys", "-t", "console", "-l", line)
        self.tmux("send-keys", "-t", "console", "Enter")

    def wait_for(self, text: str, *, after: int = 0) -> str:
        """Poll the screen until `text` appears (past the first `after` characters); bounded."""
        for _ in range(POLLS):
            screen = self.screen()
            if text in screen[after:]:
                return screen
            time.sleep(POLL_SECONDS)
        pytest.fail(f"{text!r} never appeared on the console. Screen:\n{self.screen()}")

    def wait_until_closed(self) -> bool:
        for _ in range(POLLS):
            if self.tmux("has-session", "-t", "console").returncode != 0:
                return True
            time.sleep(POLL_SECONDS)
        return False


@pytest.fixture
def terminal():
    terminal = Terminal(f"heat-or-ice-console-{uuid.uuid4().hex[:10]}")
    yield terminal
    terminal.tmux("kill-server")


def test_typing_at_the_prompt_talks_and_a_timer_announces_itself(terminal, tmp_path):
    terminal.start(
        [
            sys.executable,
            "-m",
            "heat_or_ice_web.console",
            "--model",
            str(FIXTURE_MODEL),
            "--skill",
            f"{FIXTURE_SKILL}:build_skill",
        ],
        console_environment(tmp_path),
    )
    terminal.wait_for("You: ")
    terminal.type("open heat or ice")
    terminal.wait_for("Alexa: Welcome to Heat or Ice Coach.")
    terminal.type("start a heat session for two seconds")
    terminal.wait_for("Do you give Heat or Ice permission to use timers?")
    terminal.type("I approve")
    terminal.wait_for("[timer set: 2 seconds (heat)]")
    # Nobody types: the console's own timer check must announce it when the real clock gets there.
    terminal.wait_for("[timer] Time to take the heat off.")
    terminal.tmux("send-keys", "-t", "console", "C-d")
    assert terminal.wait_until_closed(), "the console did not exit on Ctrl-D"


def test_the_real_skill_in_a_terminal(terminal, tmp_path):
    waiting_on = real_skill_ready()
    if waiting_on:
        pytest.skip(f"waits on the real skill: {waiting_on}")
    from heat_or_ice_web.interaction_model import InteractionModel

    invocation = InteractionModel.load(REAL_MODEL).invocation_name
    terminal.start([sys.executable, "-m", "heat_or_ice_web.console"], console_environment(tmp_path))
    terminal.wait_for("You: ")
    terminal.type(f"open {invocation}")
    screen = terminal.wait_for("Alexa: Welcome")
    terminal.type("stop")
    terminal.wait_for("[session ended]", after=len(screen.rstrip()))
    terminal.tmux("send-keys", "-t", "console", "C-c")
    assert terminal.wait_until_closed(), "the console did not exit on Ctrl-C"
