"""virtual-alexa (Bespoken's Alexa client, on node) driven from Python, against a skill's URL.

    with VirtualAlexaProcess.start() as node:
        alexa = node.device(skill_url, application_id=SKILL_ID, api_endpoint=timers.endpoint,
                            api_access_token=timers.token)
        alexa.say("open heat or ice coach")
        alexa.say("I hurt my lower back while lifting")
        assert "safety check" in alexa.speech

One node process (tests/support/virtual_alexa_driver.js) serves every device of a test session
over stdin/stdout, so a conversation pays ~3 ms per utterance instead of node's start-up.
`say()` goes through virtual-alexa's own utterance matching against the real interaction model:
an utterance that matches no sample raises UtteranceNotUnderstood, as virtual-alexa throws.

What the driver's filter adds to every envelope, because virtual-alexa cannot (see its header):
the test's Timers API as context.System.apiEndpoint, ISO-8601 AMAZON.DURATION values, a session
on Connections.Response, and granted permission scopes.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("virtual_alexa_driver.js")
NODE_MODULES = REPO_ROOT / "node_modules"
MODELS_DIR = REPO_ROOT / "skill-package" / "interactionModels" / "custom"
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
# One answer is one HTTP round trip to a loopback skill (milliseconds); a Timers API call that
# hangs is cut by the skill's own deadline well inside this.
REPLY_TIMEOUT_SECONDS = 20.0
STOP_TIMEOUT_SECONDS = 5.0


class VirtualAlexaUnavailable(RuntimeError):
    """node or virtual-alexa is missing, or the driver died: a broken test setup."""


class VirtualAlexaError(RuntimeError):
    """virtual-alexa refused a command or the skill's endpoint answered with an HTTP error."""


class UtteranceNotUnderstood(VirtualAlexaError):
    """The utterance matches no sample of the interaction model (virtual-alexa's exact matching)."""


def speech_text(ssml: str | None) -> str:
    """What a listener hears, as plain text: tags dropped, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", ssml or "")
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
    return re.sub(r"\s+", " ", text.replace("&amp;", "&")).strip()


@dataclass(frozen=True)
class Turn:
    """One request virtual-alexa sent (after the filter) and the skill's answer to it."""

    request: dict[str, Any]
    reply: dict[str, Any]

    @property
    def response(self) -> dict[str, Any]:
        return self.reply.get("response") or {}

    @property
    def speech(self) -> str:
        return speech_text((self.response.get("outputSpeech") or {}).get("ssml"))

    @property
    def reprompt(self) -> str:
        return speech_text(((self.response.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml"))

    @property
    def ended(self) -> bool:
        return self.response.get("shouldEndSession") is True

    @property
    def directives(self) -> list[dict[str, Any]]:
        return self.response.get("directives") or []

    @property
    def card(self) -> dict[str, Any]:
        return self.response.get("card") or {}

    @property
    def intent(self) -> str | None:
        return ((self.request.get("request") or {}).get("intent") or {}).get("name")


@dataclass(repr=False)
class VirtualAlexa:
    """One virtual Echo with one user, talking to one skill URL. Sessions come and go as on a
    device: a reply that ends the session ends it, and the next utterance opens a new one."""

    process: VirtualAlexaProcess
    handle: int
    user_id: str
    turns: list[Turn] = field(default_factory=list)

    def __repr__(self) -> str:
        return (f"VirtualAlexa(user_id={self.user_id!r}, turns={len(self.turns)}, "
                f"last said={self.transcript[-1:]!r})")

    # What the person does -----------------------------------------------------------------
    def say(self, utterance: str) -> Turn:
        """Speak: virtual-alexa matches the words against the model's samples (or opens the
        skill, for "open heat or ice coach") and sends what it understood."""
        return self._exchange({"op": "utter", "text": utterance})

    def intend(self, intent: str, **slots: str) -> Turn:
        """Send an intent directly, for what no utterance can express in virtual-alexa; slot
        values are spoken words, resolved against the model's slot types as for `say`."""
        return self._exchange({"op": "intend", "intent": intent, "slots": slots})

    def answer_permission(self, status: str, *, card_thrown: bool = False) -> Turn:
        """Alexa's Connections.Response to the skill's last AskFor (the person said yes or no to
        Alexa's own permission prompt); ACCEPTED also grants the scope on later requests."""
        ask_for = next(
            (d for d in self.last.directives
             if d.get("type") == "Connections.SendRequest" and d.get("name") == "AskFor"),
            None,
        )
        if ask_for is None:
            raise AssertionError(f"the skill did not ask for a permission; it said: {self.speech!r}")
        scope = (ask_for.get("payload") or {}).get("permissionScope")
        payload = {"permissionScope": scope, "status": status, "isCardThrown": card_thrown}
        return self._exchange({
            "op": "permissionAnswer", "name": "AskFor", "payload": payload, "token": ask_for.get("token"),
            "statusCode": "200", "grantScope": scope if status == "ACCEPTED" else None,
        })

    def walk_away(self) -> Turn:
        """The person stops answering: Alexa closes the session with a SessionEndedRequest."""
        return self._exchange({"op": "endSession"})

    def close(self) -> None:
        """Forget this device in the driver (its session, dialog state and filter)."""
        self.process.call({"op": "close", "device": self.handle})

    # What the skill did -------------------------------------------------------------------
    @property
    def last(self) -> Turn:
        if not self.turns:
            raise AssertionError("nothing has been said yet")
        return self.turns[-1]

    @property
    def speech(self) -> str:
        return self.last.speech

    @property
    def reprompt(self) -> str:
        return self.last.reprompt

    @property
    def ended(self) -> bool:
        return self.last.ended

    @property
    def transcript(self) -> list[str]:
        """Everything the skill said, in order."""
        return [turn.speech for turn in self.turns if turn.speech]

    def _exchange(self, command: dict[str, Any]) -> Turn:
        answer = self.process.call({**command, "device": self.handle})
        turn = Turn(request=answer["request"] or {}, reply=answer["response"] or {})
        self.turns.append(turn)
        return turn


class VirtualAlexaProcess:
    """The node driver process. Start with start() (or `with`); stop() terminates it."""

    def __init__(self, process: subprocess.Popen[str], stderr_path: Path) -> None:
        self._process = process
        self._stderr_path = stderr_path
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read_answers, name="virtual-alexa-reader", daemon=True)
        self._reader.start()

    @classmethod
    def start(cls) -> VirtualAlexaProcess:
        node = shutil.which("node")
        if node is None:
            raise VirtualAlexaUnavailable("node is not on PATH: install Node.js (see Makefile: make test)")
        if not (NODE_MODULES / "virtual-alexa").is_dir():
            raise VirtualAlexaUnavailable(f"virtual-alexa is missing: run `npm ci` in {REPO_ROOT}")
        env = dict(os.environ, NODE_PATH=str(NODE_MODULES), NODE_NO_WARNINGS="1",
                   AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE="1")
        stderr_fd, stderr_name = tempfile.mkstemp(prefix="virtual-alexa-", suffix=".log")
        try:
            # stderr goes to a file, not a pipe nobody reads (a full pipe would stall node).
            process = subprocess.Popen(
                [node, str(DRIVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr_fd,
                text=True, encoding="utf-8", env=env, cwd=REPO_ROOT,
            )
        finally:
            os.close(stderr_fd)
        return cls(process, Path(stderr_name))

    def device(self, skill_url: str, *, application_id: str, locale: str = "en-US",
               api_endpoint: str | None = None, api_access_token: str | None = None) -> VirtualAlexa:
        """A new virtual device with a new user (virtual-alexa makes up the user id)."""
        answer = self.call({
            "op": "create", "model": str(MODELS_DIR / f"{locale}.json"), "locale": locale,
            "skillURL": skill_url, "applicationID": application_id,
            "apiEndpoint": api_endpoint, "apiAccessToken": api_access_token,
        })
        return VirtualAlexa(self, answer["device"], answer["userId"])

    def call(self, command: dict[str, Any]) -> dict[str, Any]:
        with self._lock:  # one command, one answer, in order
            if self._process.poll() is not None:
                raise VirtualAlexaUnavailable(f"the virtual-alexa driver has exited:\n{self._stderr()}")
            assert self._process.stdin is not None
            self._process.stdin.write(json.dumps(command) + "\n")
            self._process.stdin.flush()
            try:
                line = self._answers.get(timeout=REPLY_TIMEOUT_SECONDS)
            except queue.Empty:
                # A late answer would be taken for the next command's: this driver is done for.
                self._process.kill()
                raise VirtualAlexaUnavailable(
                    f"no answer to {command['op']} within {REPLY_TIMEOUT_SECONDS} s:\n{self._stderr()}"
                ) from None
        if line is None:
            raise VirtualAlexaUnavailable(f"the virtual-alexa driver has exited:\n{self._stderr()}")
        answer = json.loads(line)
        error = answer.get("error")
        if error is not None:
            if error.startswith("Unable to match utterance"):
                raise UtteranceNotUnderstood(error)
            raise VirtualAlexaError(error)
        return answer

    def stop(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()  # the driver's input ends: node exits on its own
            try:
                self._process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self._process.terminate()
                try:
                    self._process.wait(timeout=STOP_TIMEOUT_SECONDS)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait(timeout=STOP_TIMEOUT_SECONDS)
        self._reader.join(timeout=STOP_TIMEOUT_SECONDS)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._stderr_path.unlink(missing_ok=True)

    def __enter__(self) -> VirtualAlexaProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _read_answers(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._answers.put(line)
        self._answers.put(None)  # end of output: the driver exited

    def _stderr(self) -> str:
        try:
            return self._stderr_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""
