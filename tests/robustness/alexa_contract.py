"""What every answer the skill sends back must be, whatever it was sent.

A response envelope is JSON, has version "1.0" and a `response` object the SDK's own model
reads back; its speech and reprompt are SSML that parses as XML, holds nothing but the
elements the skill itself writes (<speak> and <break time="...">, at most 10 s each), and stays
under Alexa's 8,000-character limit. Anything a person said can only ever appear as text.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import ResponseEnvelope

MAX_SPEECH_CHARACTERS = 8000
MAX_CARD_CHARACTERS = 8000
SKILL_SSML_ELEMENTS = frozenset({"speak", "break"})  # ssml.to_ssml writes nothing else
_BREAK_TIME = re.compile(r"^(?:(\d+)ms|(\d+)s)$")
_SERIALIZER = DefaultSerializer()
SPEAKING_REQUESTS = ("LaunchRequest", "IntentRequest")


def assert_valid_ssml(ssml: Any, where: str = "outputSpeech") -> ElementTree.Element:
    assert isinstance(ssml, str), f"{where}: SSML is {type(ssml).__name__}, not text"
    assert len(ssml) < MAX_SPEECH_CHARACTERS, f"{where}: {len(ssml)} characters of SSML"
    try:
        root = ElementTree.fromstring(ssml)
    except (ElementTree.ParseError, UnicodeError) as error:
        raise AssertionError(f"{where}: SSML is not well-formed XML ({error}): {ssml[:300]!r}") from None
    assert root.tag == "speak", f"{where}: root element is <{root.tag}>"
    for element in root.iter():
        assert element.tag in SKILL_SSML_ELEMENTS, f"{where}: <{element.tag}> in the speech: {ssml[:300]!r}"
        if element.tag == "break":
            assert set(element.attrib) == {"time"}, f"{where}: <break> with {element.attrib}"
            match = _BREAK_TIME.match(element.attrib["time"])
            assert match, f"{where}: <break time={element.attrib['time']!r}>"
            millis = int(match.group(1)) if match.group(1) else int(match.group(2)) * 1000
            assert 0 < millis <= 10_000, f"{where}: a break of {millis} ms"
        else:
            assert not element.attrib, f"{where}: <{element.tag}> with attributes {element.attrib}"
    return root


def _assert_valid_speech(speech: Any, where: str) -> None:
    assert isinstance(speech, dict), f"{where} is {type(speech).__name__}"
    if speech.get("type") == "SSML":
        assert_valid_ssml(speech.get("ssml"), where)
    else:
        assert speech.get("type") == "PlainText", f"{where}: type {speech.get('type')!r}"
        text = speech.get("text")
        assert isinstance(text, str) and len(text) < MAX_SPEECH_CHARACTERS, f"{where}: text {text!r:.100}"


def assert_valid_response(envelope: Any, request_type: Any = None) -> dict[str, Any]:
    """Fails with a readable message unless `envelope` is an answer Alexa would accept.

    `request_type` is the type the caller sent, when readable: Launch and Intent requests must
    be answered with speech."""
    assert isinstance(envelope, dict), f"response envelope is {type(envelope).__name__}"
    text = json.dumps(envelope, allow_nan=False)  # what goes back to Alexa is strict JSON
    assert envelope.get("version") == "1.0", f"version {envelope.get('version')!r}"
    response = envelope.get("response")
    assert isinstance(response, dict), f"response is {type(response).__name__}"
    # The SDK's model reads it back: nothing in it has an unknown shape.
    model = _SERIALIZER.deserialize(text, ResponseEnvelope)
    assert isinstance(model, ResponseEnvelope)
    if "outputSpeech" in response:
        _assert_valid_speech(response["outputSpeech"], "outputSpeech")
    elif request_type in SPEAKING_REQUESTS:
        raise AssertionError(f"a {request_type} was answered without speech: {response}")
    if "reprompt" in response:
        reprompt = response["reprompt"]
        assert isinstance(reprompt, dict), f"reprompt is {type(reprompt).__name__}"
        _assert_valid_speech(reprompt.get("outputSpeech"), "reprompt")
    end = response.get("shouldEndSession")
    assert end is None or isinstance(end, bool), f"shouldEndSession {end!r}"
    card = response.get("card")
    if card is not None:
        assert isinstance(card, dict) and isinstance(card.get("type"), str), f"card {card!r:.200}"
        words = "".join(
            v for v in (card.get("title"), card.get("content"), card.get("text")) if isinstance(v, str)
        )
        assert len(words) < MAX_CARD_CHARACTERS, f"a card of {len(words)} characters"
    directives = response.get("directives")
    if directives is not None:
        assert isinstance(directives, list) and all(
            isinstance(d, dict) and isinstance(d.get("type"), str) for d in directives
        ), f"directives {directives!r:.300}"
    attributes = envelope.get("sessionAttributes")
    assert attributes is None or isinstance(attributes, dict), f"sessionAttributes {attributes!r:.200}"
    return envelope


def request_type_of(event: Any) -> Any:
    request = event.get("request") if isinstance(event, dict) else None
    return request.get("type") if isinstance(request, dict) else None


def speech_of(envelope: dict[str, Any]) -> str:
    """The plain words of the answer's outputSpeech (tags dropped, entities decoded)."""
    speech = envelope.get("response", {}).get("outputSpeech") or {}
    if speech.get("type") != "SSML":
        return str(speech.get("text", ""))
    return " ".join("".join(ElementTree.fromstring(speech["ssml"]).itertext()).split())
