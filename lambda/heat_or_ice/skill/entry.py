"""Turning a raw Alexa event into a response envelope, whatever arrives.

The SDK's own lambda handler raises on an envelope it cannot read; here a malformed envelope
still gets a short spoken answer, and so does one the skill fails on in a way its own error
handler cannot catch (the SDK copies and serialises session attributes outside it). Session
attributes nested deeper than the skill ever writes them (MAX_ATTRIBUTE_DEPTH) are not ours:
they are dropped and the request is answered as if the session carried nothing.
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


class OtherSkillRequest(AskSdkException):
    """The request was meant for another skill (SKILL_ID mismatch)."""


def spoken_error(event: Any, key: str = "error.request") -> dict[str, Any]:
    request = event.get("request") if isinstance(event, dict) else None
    locale = request.get("locale") if isinstance(request, dict) else None
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
        return {k: _without_private_keys(v) for k, v in value.items() if not (isinstance(k, str) and k.startswith("__"))}
    if isinstance(value, list):
        return [_without_private_keys(v) for v in value]
    return value


def read_envelope(skill: CustomSkill, event: Any = None, *, text: str | None = None) -> RequestEnvelope | None:
    """The request as the SDK's RequestEnvelope, from a parsed event (Lambda) or raw JSON text
    (HTTP, which then skips a decode and re-encode); None when it is not one we can answer."""
    try:
        if text is None:
            if not isinstance(event, dict) or not isinstance(event.get("request"), dict):
                return None
            text = json.dumps(event)
        if '"__' in text:  # rare: only then is the whole event walked
            text = json.dumps(_without_private_keys(json.loads(text) if event is None else event))
        envelope = skill.serializer.deserialize(payload=text, obj_type=RequestEnvelope)
    except Exception as error:  # the SDK raises several kinds for unreadable fields
        log.warning("unreadable envelope: %s", type(error).__name__)
        return None
    if not isinstance(envelope, RequestEnvelope) or not getattr(envelope.request, "object_type", None):
        return None
    system = getattr(envelope.context, "system", None)
    if getattr(getattr(system, "application", None), "application_id", None) is None:
        return None  # the SDK's own id check and service clients need context.System.application
    session = envelope.session
    if session is not None and session.attributes is not None:
        if not isinstance(session.attributes, dict) or _deeper_than(session.attributes, MAX_ATTRIBUTE_DEPTH):
            log.warning("session attributes the skill never wrote were dropped")
            session.attributes = {}
    return envelope


def _deeper_than(value: Any, limit: int) -> bool:
    """True when dicts and lists nest more than `limit` levels (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
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
    return skill.serializer.serialize(response)  # type: ignore[no-any-return]


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
