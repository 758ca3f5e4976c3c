"""`python -m heat_or_ice_web.console` as a person runs it: typed lines piped in, Alexa's words read back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.console.conftest import FIXTURE_MODEL, FIXTURE_SKILL, REAL_MODEL, REPO


def console_environment(tmp_path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO / "lambda"), str(REPO / "hosting"), str(REPO)]),
        "SKILL_DB_PATH": str(tmp_path / "skill.sqlite3"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("SKILL_ID", None)
    env.pop("DYNAMODB_TABLE", None)
    return env


def run_console(tmp_path, lines: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "heat_or_ice_web.console", *args],
        cwd=tmp_path,
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        env=console_environment(tmp_path),
    )


def fixture_args() -> list[str]:
    return ["--model", str(FIXTURE_MODEL), "--skill", f"{FIXTURE_SKILL}:build_skill"]


def real_skill_ready() -> str | None:
    """Why the real skill cannot be driven yet, or None when it can."""
    if not REAL_MODEL.is_file():
        return "the en-US interaction model is not written yet"
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from heat_or_ice.skill.builder import build_skill_from_environment;"
            "build_skill_from_environment()",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=console_environment(REPO / ".."),
        cwd=REPO,
    )
    return None if probe.returncode == 0 else f"the skill does not build yet: {probe.stderr.strip()[-300:]}"


def test_piped_lines_are_a_conversation_with_the_fixture_skill(tmp_path):
    done = run_console(
        tmp_path, ["open heat or ice", "should I use heat or ice", "lower back", "stop"], *fixture_args()
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Signature verification is OFF" in out
    assert "You: open heat or ice\nAlexa: Welcome to Heat or Ice Coach." in out
    assert "You: lower back\nAlexa: For your lower back, use heat. [pause 10s]" in out
    assert "You: stop\nAlexa: Goodbye. Take care of your back.\n  [session ended]" in out
    assert "Traceback" not in done.stderr


def test_a_script_file_runs_the_same_way(tmp_path):
    script = tmp_path / "talk.txt"
    script.write_text("open heat or ice\nstop\n")
    done = subprocess.run(
        [sys.executable, "-m", "heat_or_ice_web.console", "--script", str(script), *fixture_args()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env=console_environment(tmp_path),
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "Welcome to Heat or Ice Coach." in done.stdout and "Goodbye." in done.stdout


def test_voice_without_espeak_is_one_note_and_the_conversation_goes_on(tmp_path):
    env = console_environment(tmp_path)
    env["PATH"] = os.path.dirname(sys.executable)  # no espeak-ng on this PATH
    done = subprocess.run(
        [sys.executable, "-m", "heat_or_ice_web.console", "--voice", *fixture_args()],
        cwd=tmp_path,
        input="open heat or ice\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.count("espeak-ng is not installed") == 1
        and "Welcome to Heat or Ice Coach." in done.stdout
    )


def test_a_missing_interaction_model_is_a_clear_message(tmp_path):
    done = run_console(
        tmp_path, [], "--model", str(tmp_path / "nowhere.json"), "--skill", f"{FIXTURE_SKILL}:build_skill"
    )
    assert done.returncode == 2
    assert "No interaction model" in done.stderr and "Traceback" not in done.stderr


def test_the_real_skill_welcomes_and_says_goodbye(tmp_path):
    waiting_on = real_skill_ready()
    if waiting_on:
        pytest.skip(f"waits on the real skill: {waiting_on}")
    from heat_or_ice_web.interaction_model import InteractionModel

    invocation = InteractionModel.load(REAL_MODEL).invocation_name
    done = run_console(tmp_path, [f"open {invocation}", "should I use heat or ice", "stop"])
    assert done.returncode == 0, done.stderr
    launch, _, rest = done.stdout.partition("You: should I use heat or ice")
    assert "welcome" in launch.lower()
    assert "[skill error]" not in done.stdout
    assert "You: stop" in rest and "[session ended]" in rest.split("You: stop")[1]


def test_the_real_skill_remembers_you_from_one_console_run_to_the_next(tmp_path):
    waiting_on = real_skill_ready()
    if waiting_on:
        pytest.skip(f"waits on the real skill: {waiting_on}")
    from heat_or_ice_web.interaction_model import InteractionModel

    invocation = InteractionModel.load(REAL_MODEL).invocation_name
    story = [f"open {invocation}", "I hurt my lower back lifting a box this morning", *["no"] * 7, "stop"]
    first, second = (run_console(tmp_path, story) for _ in range(2))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr

    def welcome(done: subprocess.CompletedProcess) -> str:
        return done.stdout.split(f"You: open {invocation}\n")[1].splitlines()[0]

    assert welcome(first) != welcome(second)  # same user id, same store: a returning user
