"""What Alexa would say, for a terminal: SSML as readable text, and optionally aloud through espeak-ng.

Printing never waits on <break> tags: a long pause is shown as "[pause 10s]" so the reader sees where
a device would go quiet, without the console actually sleeping.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<break\b([^>]*)/?>", re.IGNORECASE)
_TIME = re.compile(r"""time\s*=\s*["']\s*([\d.]+)\s*(ms|s)\s*["']""", re.IGNORECASE)
_SUB = re.compile(r"<sub\b[^>]*>(.*?)</sub>", re.IGNORECASE | re.DOTALL)
_AUDIO = re.compile(r"<audio\b[^>]*?(?:/>|>.*?</audio>)", re.IGNORECASE | re.DOTALL)
_SENTENCE_END = re.compile(r"</(?:p|s)>|<(?:p|s)\b[^>]*>", re.IGNORECASE)

# Tags espeak-ng understands in SSML mode; Alexa-only ones (amazon:*, voice names, phoneme
# alphabets, lang) are dropped but their words kept, and <audio> is left out entirely.
_ESPEAK_TAGS = {"speak", "break", "p", "s", "prosody", "emphasis", "say-as", "sub"}
_ANY_TAG = re.compile(r"<\s*(/?)\s*([\w:.-]+)([^>]*?)(/?)\s*>")


def _pause_marker(attributes: str) -> str:
    """Breaks of a second or more become a visible marker; shorter ones are just a space."""
    found = _TIME.search(attributes)
    if not found:
        return " "
    seconds = float(found.group(1)) / (1000 if found.group(2).lower() == "ms" else 1)
    if seconds < 1:
        return " "
    return f" [pause {seconds:g}s] "


def ssml_to_text(ssml: str) -> str:
    """Readable text for SSML (or plain text): tags removed, entities decoded, pauses marked."""
    text = _AUDIO.sub(" [audio] ", ssml or "")
    text = _BREAK.sub(lambda m: _pause_marker(m.group(1)), text)
    text = _SUB.sub(lambda m: m.group(1), text)  # show the written form, not the spoken alias
    text = _SENTENCE_END.sub(" ", text)
    text = html.unescape(_TAG.sub("", text))
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Said:
    """One thing to show: `alexa` is speech (with its SSML), `card` a card, `note` the console's remark."""

    kind: str
    text: str
    ssml: str = ""


_CARD_WIDTH = 120
_SCOPE_WORDS = {
    "alexa::alerts:timers:skill:readwrite": "timers",
    "alexa::alerts:reminders:skill:readwrite": "reminders",
}


def speech_of(output_speech: dict | None) -> str:
    """The SSML of an outputSpeech object; PlainText is escaped and wrapped so both read the same way."""
    speech = output_speech or {}
    if speech.get("ssml"):
        return speech["ssml"]
    return f"<speak>{html.escape(speech['text'], quote=False)}</speak>" if speech.get("text") else ""


def shown_in(response_body: dict) -> list[Said]:
    """What a device would say and show for the `response` part of a skill's reply."""
    said: list[Said] = []
    ssml = speech_of(response_body.get("outputSpeech"))
    if ssml:
        said.append(Said("alexa", ssml_to_text(ssml), ssml))
    card = response_body.get("card") or {}
    if card.get("type") == "AskForPermissionsConsent":
        wanted = ", ".join(card.get("permissions", []))
        said.append(Said("card", f"permission request in the Alexa app: {wanted}"))
    elif card:
        content = " / ".join((card.get("content") or card.get("text") or "").splitlines())
        if len(content) > _CARD_WIDTH:  # the speech already says it all; this line only shows there is a card
            content = content[:_CARD_WIDTH].rsplit(" ", 1)[0] + " …"
        said.append(Said("card", f"{card.get('title', '')}: {content}".strip(": ")))
    return said


def permission_question(skill_name: str, scope: str) -> Said:
    """Alexa's own words when a skill asks for a permission by voice (the skill cannot change them)."""
    wanted = _SCOPE_WORDS.get(scope, scope)
    question = f"Do you give {skill_name} permission to use {wanted}? Say 'I approve' or 'no'."
    return Said("alexa", question, f"<speak>{question}</speak>")


def ssml_for_espeak(ssml: str) -> str:
    """SSML with only the tags espeak-ng knows, wrapped in <speak>."""
    body = _AUDIO.sub(" ", ssml or "")

    def keep_known(match: re.Match) -> str:
        name = match.group(2).lower()
        return match.group(0) if name in _ESPEAK_TAGS and name != "speak" else " "

    body = _ANY_TAG.sub(keep_known, body)
    return f"<speak>{body.strip()}</speak>"


def espeak_voice(locale: str) -> str:
    """espeak-ng voice for an Alexa locale: "en-US" -> "en-us", "de-DE" -> "de"."""
    lowered = locale.lower()
    return lowered if lowered in ("en-us", "en-gb", "pt-br") else lowered.split("-")[0]


class Voice:
    """Speaks SSML aloud with `espeak-ng -m` when asked to and installed; otherwise stays quiet.

    A missing or failing espeak-ng produces one clear note and never stops the console.
    """

    def __init__(
        self,
        enabled: bool,
        locale: str = "en-US",
        *,
        note: Callable[[str], None] = print,
        program: str = "espeak-ng",
    ):
        self.voice = espeak_voice(locale)
        self._note = note
        self._lock = threading.Lock()  # timer announcements come from another thread
        self.program = shutil.which(program) if enabled else None
        if enabled and self.program is None:
            note(
                f"[voice] {program} is not installed, so replies are printed only "
                f"(install it with: sudo apt-get install espeak-ng)."
            )

    @property
    def speaking(self) -> bool:
        return self.program is not None

    def say(self, ssml: str) -> None:
        if self.program is None or not ssml:
            return
        with self._lock:
            try:
                subprocess.run(
                    [self.program, "-m", "-v", self.voice, ssml_for_espeak(ssml)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    timeout=300,
                )
            except (OSError, subprocess.SubprocessError) as problem:
                self.program = None
                self._note(f"[voice] espeak-ng failed ({_first_line(problem)}); printing only from now on.")


def _first_line(problem: Exception) -> str:
    stderr = getattr(problem, "stderr", None)
    text = stderr.decode(errors="replace") if isinstance(stderr, bytes) and stderr.strip() else str(problem)
    return text.strip().splitlines()[0] if text.strip() else type(problem).__name__
