"""Conversations with the real skill, written the way a person talks to it.

    talk = Conversation(skill, start=MORNING)
    talk.launch()
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    assert "safety check" in talk.speech
    talk.no()
    talk.wait(minutes=40)

Each request goes through `handle_event` (the same path as `lambda_handler`) as a JSON event
built by the skill's own envelope builder; the clock is the conversation's, moved by `wait`.
Custom slot values are given by value id and arrive with entity resolution, as Alexa sends them;
`Unmatched("my knee")` sends a value that resolved to nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from heat_or_ice.skill.entry import handle_event
from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session, permission_answer_payload, slot_json

MORNING = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SLOT_TYPES = {
    "location": "PainLocation",
    "onset": "Onset",
    "cause": "Cause",
    "symptom": "Symptom",
    "otherSymptom": "Symptom",
    "condition": "Condition",
    "preference": "Modality",
    "modality": "Modality",
    "outcome": "Outcome",
    "change": "HoldChange",
}
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"


@dataclass(frozen=True)
class Unmatched:
    """A slot value Alexa heard but could not resolve to any value of the slot's type."""

    heard: str


def speech_text(ssml: str | None) -> str:
    text = re.sub(r"<[^>]+>", " ", ssml or "")
    return re.sub(r"\s+", " ", text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")).strip()


def _slot(name: str, value: Any, application_id: str) -> dict:
    type_name = SLOT_TYPES.get(name)
    if isinstance(value, Unmatched):
        return slot_json(name, value.heard, type_name=type_name, matches=(), application_id=application_id)
    if type_name is None:  # built-in types (AMAZON.DURATION, AMAZON.NUMBER) carry no resolutions
        return slot_json(name, str(value))
    spoken = str(value).lower().replace("_", " ")
    return slot_json(
        name, spoken, type_name=type_name, matches=((str(value), spoken),), application_id=application_id
    )


class Conversation:
    def __init__(self, skill: Any, *, start: datetime = MORNING, locale: str = "en-US",
                 api_endpoint: str = "https://api.amazonalexa.com", api_access_token: str = "token",
                 user_id: str | None = None):
        self.skill = skill
        self.now = start
        self.device = Device(locale=locale, api_endpoint=api_endpoint, api_access_token=api_access_token)
        self.device.application_id = getattr(skill, "skill_id", None) or self.device.application_id
        if user_id:
            self.device.user_id = user_id
        self.envelopes = EnvelopeBuilder(self.device, clock=lambda: self.now)
        self.session: Session | None = None
        self.last: dict = {}
        self.transcript: list[str] = []  # everything the skill said, in order

    # Moving the clock ---------------------------------------------------------------------
    def wait(self, *, minutes: float = 0, hours: float = 0, days: float = 0) -> None:
        """Time passes; an open skill session times out as on a device, which tells the skill."""
        if self.session is not None:
            self._send(
                self.envelopes.session_ended(self.session, "EXCEEDED_MAX_REPROMPTS"), track_session=False
            )
            self.transcript.pop()  # Alexa says nothing when a session times out
            self.session = None
        self.now += timedelta(minutes=minutes, hours=hours, days=days)

    # What the person does -----------------------------------------------------------------
    def launch(self) -> dict:
        self.session = Session()
        return self._send(self.envelopes.launch(self.session))

    def intent(self, name: str, **slots: Any) -> dict:
        session = self._session()
        slot_json_by_name = {
            k: _slot(k, v, self.device.application_id) for k, v in slots.items() if v is not None
        }
        return self._send(self.envelopes.intent(session, name, slot_json_by_name))

    def yes(self) -> dict:
        return self.intent("AMAZON.YesIntent")

    def no(self) -> dict:
        return self.intent("AMAZON.NoIntent")

    def dont_know(self) -> dict:
        return self.intent("DontKnowIntent")

    def answer_permission(self, status: str, *, card_thrown: bool = False) -> dict:
        """Alexa's Connections.Response to the skill's last AskFor request."""
        ask_for = next(d for d in self.directives if d.get("type") == "Connections.SendRequest")
        if status == "ACCEPTED":
            self.device.granted_scopes.add(TIMERS_SCOPE)
        payload = permission_answer_payload(TIMERS_SCOPE, status)
        payload["isCardThrown"] = card_thrown
        self.session = self.session or Session()
        return self._send(
            self.envelopes.connections_response(self.session, "AskFor", "200", payload, ask_for.get("token"))
        )

    def send_raw(self, event: Any) -> dict:
        return self._send(event, track_session=False)

    # What the skill said ------------------------------------------------------------------
    @property
    def response(self) -> dict:
        return self.last.get("response", {})

    @property
    def speech(self) -> str:
        return speech_text(self.response.get("outputSpeech", {}).get("ssml"))

    @property
    def reprompt(self) -> str:
        return speech_text(self.response.get("reprompt", {}).get("outputSpeech", {}).get("ssml"))

    @property
    def ssml(self) -> str:
        return self.response.get("outputSpeech", {}).get("ssml", "")

    @property
    def ended(self) -> bool:
        return self.response.get("shouldEndSession") is True

    @property
    def directives(self) -> list[dict]:
        return self.response.get("directives") or []

    @property
    def card(self) -> dict:
        return self.response.get("card") or {}

    def elicited_slot(self) -> str | None:
        elicit = next((d for d in self.directives if d.get("type") == "Dialog.ElicitSlot"), None)
        return elicit.get("slotToElicit") if elicit else None

    # Plumbing -----------------------------------------------------------------------------
    def _session(self) -> Session:
        if self.session is None:
            self.session = Session()
        return self.session

    def _send(self, event: dict, track_session: bool = True) -> dict:
        event = json.loads(json.dumps(event))  # what crosses the wire is JSON
        self.last = handle_event(self.skill, event, None)
        json.dumps(self.last)  # the response must be JSON too
        self.transcript.append(self.speech)
        if track_session and self.session is not None:
            if self.ended:
                self.session = None
            else:
                self.session.new = False
                self.session.attributes = self.last.get("sessionAttributes") or {}
        return self.last
