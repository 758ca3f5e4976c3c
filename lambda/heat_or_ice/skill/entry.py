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


def _read_envelope(skill: CustomSkill, event: Any) -> RequestEnvelope | None:
    if not isinstance(event, dict) or not isinstance(event.get("request"), dict):
        return None
    try:
        envelope = skill.serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
    except Exception as error:  # the SDK raises several kinds for unreadable fields
        log.warning("unreadable envelope: %s", type(error).__name__)
        return None
    if envelope is None or envelope.request is None or not getattr(envelope.request, "object_type", None):
        return None
    return envelope


def _application_id(envelope: RequestEnvelope) -> str | None:
    system = getattr(envelope.context, "system", None)
    application = getattr(system, "application", None)
    if application is None and envelope.session is not None:
        application = envelope.session.application
    return getattr(application, "application_id", None)


def handle_event(skill: CustomSkill, event: Any, context: Any = None) -> dict[str, Any]:
    envelope = _read_envelope(skill, event)
    if envelope is None:
        return spoken_error(event)
    if envelope.context is None:
        return spoken_error(event)
    if skill.skill_id is not None and _application_id(envelope) != skill.skill_id:
        raise OtherSkillRequest("request for another skill")
    response = skill.invoke(request_envelope=envelope, context=context)
    return skill.serializer.serialize(response)  # type: ignore[no-any-return]
