"""Alexa request envelopes as plain JSON-ready dicts, shaped like the ones a device session produces.

LaunchRequest, IntentRequest (slots with entity resolution), SessionEndedRequest and Connections.Response,
each with the session and context.System (application, user with granted permissions, device,
apiEndpoint, apiAccessToken), a request id, an ISO-8601 timestamp from an injectable clock, and the locale.
Everything here deserializes with ask_sdk_core's DefaultSerializer into ask_sdk_model.RequestEnvelope.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

Clock = Callable[[], datetime]

TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
CONSOLE_SKILL_ID = "amzn1.ask.skill.local-console"


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4()}"


@dataclass
class Device:
    """The person and the device talking to the skill, and what they have allowed it to do."""

    application_id: str = CONSOLE_SKILL_ID
    user_id: str = field(default_factory=lambda: new_id("amzn1.ask.account.console-"))
    device_id: str = field(default_factory=lambda: new_id("amzn1.ask.device.console-"))
    api_endpoint: str = "https://api.amazonalexa.com"
    api_access_token: str = field(default_factory=lambda: uuid.uuid4().hex)
    locale: str = "en-US"
    granted_scopes: set[str] = field(default_factory=set)

    def system(self) -> dict:
        user: dict = {"userId": self.user_id}
        if self.granted_scopes:
            user["permissions"] = {
                "consentToken": self.api_access_token,
                "scopes": {scope: {"status": "GRANTED"} for scope in sorted(self.granted_scopes)},
            }
        return {
            "application": {"applicationId": self.application_id},
            "user": user,
            "device": {"deviceId": self.device_id, "supportedInterfaces": {}},
            "apiEndpoint": self.api_endpoint,
            "apiAccessToken": self.api_access_token,
        }


@dataclass
class Session:
    """One skill session: Alexa sends `attributes` back exactly as the skill last returned them."""

    session_id: str = field(default_factory=lambda: new_id("amzn1.echo-api.session."))
    new: bool = True
    attributes: dict = field(default_factory=dict)

    def as_json(self, device: Device) -> dict:
        return {
            "new": self.new,
            "sessionId": self.session_id,
            "application": {"applicationId": device.application_id},
            "attributes": self.attributes,
            "user": device.system()["user"],
        }


def iso_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slot_json(
    name: str,
    value: str | None = None,
    *,
    type_name: str | None = None,
    matches: tuple[tuple[str, str], ...] | None = None,
    application_id: str = CONSOLE_SKILL_ID,
    confirmation: str = "NONE",
) -> dict:
    """One slot as Alexa sends it. `matches`: None for built-in types, () for a custom value with no match."""
    slot: dict = {"name": name, "confirmationStatus": confirmation}
    if value is None:
        return slot
    slot["value"] = value
    slot["source"] = "USER"
    simple: dict = {"type": "Simple", "value": value}
    if matches is not None and type_name:
        authority = {
            "authority": f"amzn1.er-authority.echo-sdk.{application_id}.{type_name}",
            "status": {"code": "ER_SUCCESS_MATCH" if matches else "ER_SUCCESS_NO_MATCH"},
        }
        if matches:
            authority["values"] = [{"value": {"name": name_, "id": id_}} for id_, name_ in matches]
        slot["resolutions"] = {"resolutionsPerAuthority": [authority]}
        simple["resolutions"] = slot["resolutions"]
    slot["slotValue"] = simple
    return slot


class EnvelopeBuilder:
    """Builds the requests of one device; timestamps and ids come from here so tests can pin them."""

    def __init__(self, device: Device, clock: Clock = utc_now):
        self.device = device
        self.clock = clock

    def launch(self, session: Session) -> dict:
        return self._envelope(session, {"type": "LaunchRequest"})

    def intent(
        self,
        session: Session,
        name: str,
        slots: dict[str, dict] | None = None,
        *,
        dialog_state: str | None = None,
        confirmation: str = "NONE",
    ) -> dict:
        request: dict = {
            "type": "IntentRequest",
            "intent": {"name": name, "confirmationStatus": confirmation, "slots": slots or {}},
        }
        if dialog_state:
            request["dialogState"] = dialog_state
        return self._envelope(session, request)

    def session_ended(
        self, session: Session, reason: str = "USER_INITIATED", error: dict | None = None
    ) -> dict:
        request: dict = {"type": "SessionEndedRequest", "reason": reason}
        if error:
            request["error"] = error
        return self._envelope(session, request)

    def connections_response(
        self, session: Session | None, name: str, status_code: str, payload: dict, token: str | None
    ) -> dict:
        request = {
            "type": "Connections.Response",
            "name": name,
            "status": {"code": status_code, "message": "OK" if status_code == "200" else "Error"},
            "payload": payload,
            "token": token or "",
        }
        return self._envelope(session, request)

    def _envelope(self, session: Session | None, request: dict) -> dict:
        request = {
            "requestId": new_id("amzn1.echo-api.request."),
            "timestamp": iso_timestamp(self.clock()),
            "locale": self.device.locale,
            **request,
        }
        envelope: dict = {"version": "1.0", "context": {"System": self.device.system()}, "request": request}
        if session is not None:
            envelope["session"] = session.as_json(self.device)
        return envelope


def permission_answer_payload(scope: str, status: str) -> dict:
    """The payload of Connections.Response for AskFor: status is ACCEPTED, DENIED or NOT_ANSWERED."""
    return {"permissionScope": scope, "status": status, "isCardThrown": False}
