"""The one place where text becomes SSML.

Handlers and the speech catalogue deal in plain text and `Pause` markers; `to_ssml` escapes
every piece of text exactly once and turns pauses into `<break>` tags no longer than Alexa's
10-second limit, chaining several for longer holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

MAX_BREAK_SECONDS = 10  # Alexa rejects a single <break> longer than 10 s
MAX_SPEECH_CHARACTERS = 8000  # Alexa's limit for outputSpeech
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


@lru_cache(maxsize=1)
def _not_xml() -> re.Pattern[str]:
    """Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF): a misheard slot may
    hold them. Compiled on first use, to keep it out of cold start."""
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text made safe inside <speak>. Kept local: xml.sax.saxutils costs ~20 ms of cold start."""
    return _not_xml().sub("", text).translate(_ESCAPES)


@dataclass(frozen=True)
class Pause:
    seconds: float


Segment = str | Pause


def _break_tags(seconds: float) -> str:
    tags = []
    remaining = seconds
    while remaining > 0:
        chunk = min(remaining, MAX_BREAK_SECONDS)
        millis = int(round(chunk * 1000))
        tags.append(f'<break time="{millis}ms"/>' if millis % 1000 else f'<break time="{millis // 1000}s"/>')
        remaining -= chunk
    return "".join(tags)


def to_ssml(segments: Iterable[Segment]) -> str:
    """Joins text and pauses into the inside of a <speak> element (ask-sdk adds the wrapper)."""
    parts: list[str] = []
    for segment in segments:
        if isinstance(segment, Pause):
            parts.append(_break_tags(segment.seconds))
        elif segment:
            parts.append(escape(segment.strip()))
    ssml = " ".join(part for part in parts if part)
    if len(ssml) > MAX_SPEECH_CHARACTERS:
        raise ValueError(f"speech of {len(ssml)} characters exceeds Alexa's {MAX_SPEECH_CHARACTERS}")
    return ssml


def plain_text(segments: Iterable[Segment]) -> str:
    """The same speech as plain text, for cards and logs of our own wording."""
    return " ".join(s.strip() for s in segments if isinstance(s, str) and s.strip())
