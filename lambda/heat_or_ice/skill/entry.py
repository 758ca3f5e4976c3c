"""Turning a raw Alexa event into a response envelope, whatever arrives.

The SDK's own lambda handler raises on an envelope it cannot read; here a malformed envelope
still gets a short spoken answer. A request for another skill is refused (raised), as the
skill-id check requires.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope

from .speech import Speech
from .ssml import to_ssml

log = logging.getLogger("heat_or_ice.entry")
RESPONSE_VERSION = "1.0"


class OtherSkillRequest(AskSdkException):
    """The request was meant for another skill (SKILL_ID mismatch)."""


def spoken_error(event: Any) -> dict[str, Any]:
    request = event.get("request") if isinstance(event, dict) else None
    locale = request.get("locale") if isinstance(request, dict) else None
    words = Speech(locale if isinstance(locale, str) else None).say("error.request")
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
    return envelope


def respond(skill: CustomSkill, envelope: RequestEnvelope, context: Any = None) -> dict[str, Any]:
    """The skill's answer to a readable envelope; raises OtherSkillRequest for another skill's."""
    if skill.skill_id is not None and envelope.context.system.application.application_id != skill.skill_id:
        raise OtherSkillRequest("request for another skill")
    response = skill.invoke(request_envelope=envelope, context=context)
    return skill.serializer.serialize(response)  # type: ignore[no-any-return]


def handle_event(skill: CustomSkill, event: Any, context: Any = None) -> dict[str, Any]:
    envelope = read_envelope(skill, event)
    if envelope is None:
        return spoken_error(event)
    return respond(skill, envelope, context)
