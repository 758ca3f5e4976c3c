"""The scripted conversation every warm and HTTP measurement replays: one new person each time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from benchmark.common import START


def conversation(send: Callable[[dict], dict], number: int) -> list[dict]:
    """Launch, advice for lower-back pain with slots, every safety question answered no,
    help, stop: one new person each time. Returns the events sent, in order."""
    from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session, slot_json

    now = START + timedelta(minutes=number)
    device = Device(user_id=f"amzn1.ask.account.bench-{number:06d}", api_access_token="")
    envelopes = EnvelopeBuilder(device, clock=lambda: now)
    session = Session()
    sent: list[dict] = []

    def turn(event: dict) -> dict:
        sent.append(event)
        answer = send(event)
        session.new = False
        session.attributes = answer.get("sessionAttributes") or {}
        return answer

    def slot(name: str, type_name: str, value_id: str, words: str) -> dict:
        return slot_json(
            name,
            words,
            type_name=type_name,
            matches=((value_id, words),),
            application_id=device.application_id,
        )

    turn(envelopes.launch(session))
    answer = turn(
        envelopes.intent(
            session,
            "RecommendIntent",
            {
                "location": slot("location", "PainLocation", "LOWER_BACK", "lower back"),
                "onset": slot("onset", "Onset", "WEEKS", "a few weeks"),
                "cause": slot("cause", "Cause", "NO_CAUSE", "no reason"),
            },
        )
    )
    for _ in range(12):
        dialog = session.attributes.get("dialog") or {}
        if dialog.get("waiting") != "QUESTION":
            break
        answer = turn(envelopes.intent(session, "AMAZON.NoIntent"))
    speech = answer["response"]["outputSpeech"]["ssml"]
    assert "suggest" in speech, f"the scripted conversation ended without advice: {speech}"
    turn(envelopes.intent(session, "AMAZON.HelpIntent"))
    turn(envelopes.intent(session, "AMAZON.StopIntent"))
    return sent
