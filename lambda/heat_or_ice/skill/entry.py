"""Turning a raw Alexa event into a response envelope, whatever arrives.

The SDK's own lambda handler raises on an envelope it cannot read; here a malformed envelope
still gets a short spoken answer, and so does one the skill fails on in a way its own error
handler cannot catch (the SDK copies and serialises session attributes outside it). Session
attributes nested deeper, or far bigger, than the skill ever writes them (MAX_ATTRIBUTE_DEPTH,
MAX_ATTRIBUTE_WEIGHT) are not ours: they are dropped, and the request is answered as if the
session carried nothing (echoing them back could also push the answer past Alexa's size limit).
A request for another skill is refused (raised), as the skill-id check requires.

Each request runs under one time budget (adapters.deadline) and is decided again when the
person's record changed under it (attempts.invoke_deciding_again).
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope

from ..adapters import deadline
from .attempts import StillConflicting, invoke_deciding_again
from .speech import Speech
from .ssml import to_ssml

log = logging.getLogger("heat_or_ice.entry")
RESPONSE_VERSION = "1.0"
# The skill's own session attributes nest four or five levels; the SDK deep-copies them with
# recursion, which a few hundred levels exhaust.
MAX_ATTRIBUTE_DEPTH = 32
# Values plus characters of text: the skill's own session attributes weigh about a thousand.
MAX_ATTRIBUTE_WEIGHT = 20_000


class OtherSkillRequest(AskSdkException):
    """The request was meant for another skill (SKILL_ID mismatch)."""


def spoken_error(event: Any, key: str = "error.request", *, locale: str | None = None) -> dict[str, Any]:
    request = event.get("request") if isinstance(event, dict) else None
    locale = locale or (request.get("locale") if isinstance(request, dict) else None)
    words = Speech(locale if isinstance(locale, str) else None).say(key)
    return {
        "version": RESPONSE_VERSION,
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{to_ssml([words])}</speak>"},
            "shouldEndSession": True,
        },
    }


def _without_private_keys(value: Any) -> Any:
    """Drops "__x__" keys at any depth: the SDK copies unknown keys onto its objects, and a key
    like "__dict__" would overwrite their internals."""
    if isinstance(value, dict):
        return {
            k: _without_private_keys(v)
            for k, v in value.items()
            if not (isinstance(k, str) and k.startswith("__"))
        }
    if isinstance(value, list):
        return [_without_private_keys(v) for v in value]
    return value


def read_envelope(skill: CustomSkill, event: Any = None, *,
                  text: str | None = None) -> RequestEnvelope | None:
    """The request as the SDK's RequestEnvelope, from a parsed event (Lambda) or raw JSON text
    (HTTP, which then skips a decode and re-encode); None when it is not one we can answer."""
    envelope = _deserialize(skill, event, text)
    if envelope is None:
        # Session attributes are the one part a caller can make up wholesale (a list, a structure
        # too deep to encode): without them the request may still be one to answer.
        bare = _without_session_attributes(event, text)
        envelope = _deserialize(skill, bare, None) if bare is not None else None
        if envelope is not None:
            log.warning("session attributes the skill never wrote were dropped")
    if envelope is None:
        return None
    if not isinstance(envelope, RequestEnvelope) or not getattr(envelope.request, "object_type", None):
        return None
    system = getattr(envelope.context, "system", None)
    if getattr(getattr(system, "application", None), "application_id", None) is None:
        return None  # the SDK's own id check and service clients need context.System.application
    session = envelope.session
    if session is not None and session.attributes is not None:
        if not isinstance(session.attributes, dict) or _beyond(session.attributes, MAX_ATTRIBUTE_DEPTH,
                                                               MAX_ATTRIBUTE_WEIGHT):
            log.warning("session attributes the skill never wrote were dropped")
            session.attributes = {}
    return envelope


def _deserialize(skill: CustomSkill, event: Any, text: str | None) -> RequestEnvelope | None:
    try:
        if text is None:
            if not isinstance(event, dict) or not isinstance(event.get("request"), dict):
                return None
            text = json.dumps(event)
        if '"__' in text:  # rare: only then is the whole event walked
            text = json.dumps(_without_private_keys(json.loads(text) if event is None else event))
        return skill.serializer.deserialize(payload=text, obj_type=RequestEnvelope)  # type: ignore[no-any-return]
    except Exception as error:  # the SDK raises several kinds for unreadable fields, json RecursionError
        log.warning("unreadable envelope: %s", type(error).__name__)
        return None


def _without_session_attributes(event: Any, text: str | None) -> dict[str, Any] | None:
    if text is not None:
        try:
            event = json.loads(text)
        except (ValueError, RecursionError):
            return None
    session = event.get("session") if isinstance(event, dict) else None
    if not isinstance(session, dict) or "attributes" not in session:
        return None
    return {**event, "session": {key: value for key, value in session.items() if key != "attributes"}}


def _beyond(value: Any, depth_limit: int, weight_limit: int) -> bool:
    """True when dicts and lists nest more than `depth_limit` levels, or the whole weighs more
    than `weight_limit` (one per value, plus the length of every text); walked without recursion."""
    stack = [(value, 1)]
    weight = 0
    while stack:
        item, depth = stack.pop()
        weight += 1
        if isinstance(item, str):
            weight += len(item)
        elif isinstance(item, dict):
            weight += sum(len(key) for key in item if isinstance(key, str))
            if depth > depth_limit:
                return True
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            if depth > depth_limit:
                return True
            stack.extend((child, depth + 1) for child in item)
        if weight > weight_limit:
            return True
    return False


def respond(
    skill: CustomSkill,
    envelope: RequestEnvelope,
    context: Any = None,
    *,
    budget: float = deadline.REQUEST_BUDGET_SECONDS,
    clock: deadline.Clock = time.monotonic,
) -> dict[str, Any]:
    """The skill's answer to a readable envelope; raises OtherSkillRequest for another skill's.

    Outside calls made while answering share `budget` seconds on `clock` (tests inject one)."""
    if skill.skill_id is not None and envelope.context.system.application.application_id != skill.skill_id:
        raise OtherSkillRequest("request for another skill")
    with deadline.request_deadline(deadline.Deadline.after(budget, clock)):
        response = invoke_deciding_again(skill, envelope, context)
    answer = skill.serializer.serialize(response)
    if answer.get("response") is None and _expects_speech(envelope):
        # A handler answered nothing (a session state it did not expect): still say something.
        log.error("a handler gave no response to a %s", envelope.request.object_type)
        answer = spoken_error(None, "error.general", locale=getattr(envelope.request, "locale", None))
    return answer  # type: ignore[no-any-return]


def _expects_speech(envelope: RequestEnvelope) -> bool:
    return envelope.request.object_type in ("LaunchRequest", "IntentRequest")


def handle_event(skill: CustomSkill, event: Any, context: Any = None) -> dict[str, Any]:
    envelope = read_envelope(skill, event)
    if envelope is None:
        return spoken_error(event)
    try:
        return respond(skill, envelope, context)
    except OtherSkillRequest:
        raise
    except StillConflicting:
        return spoken_error(event, "storage.busy")
    except Exception as error:  # noqa: BLE001 - whatever broke outside the skill's own handler, answer
        log.error("request failed outside the skill's handlers: %s", type(error).__name__)
        return spoken_error(event, "error.general")
