"""Real stand-ins for the services the skill talks to (dynalite, a loopback Timers API over
TLS) and small builders for the requests that drive them."""

from __future__ import annotations

from datetime import UTC, datetime

from ask_sdk_model import Application, Context, Intent, IntentRequest, RequestEnvelope, User
from ask_sdk_model.interfaces.system import SystemState


def envelope_for(user_id: str, at: datetime | None = None, *, api_endpoint: str | None = None,
                 api_access_token: str | None = None) -> RequestEnvelope:
    """An IntentRequest envelope from `user_id`, stamped `at` (UTC; default 2024-05-01 12:00)."""
    timestamp = at or datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    return RequestEnvelope(
        version="1.0",
        context=Context(system=SystemState(
            application=Application(application_id="amzn1.ask.skill.test"),
            user=User(user_id=user_id),
            api_endpoint=api_endpoint,
            api_access_token=api_access_token,
        )),
        request=IntentRequest(request_id="amzn1.echo-api.request.test", timestamp=timestamp,
                              locale="en-US", intent=Intent(name="TestIntent")),
    )
