"""AlexaTimers against a real HTTPS Timers API on loopback, through the SDK's own clients."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model.services import ApiConfiguration, ServiceClientFactory
from ask_sdk_model.services.timer_management import Status

from heat_or_ice.adapters import AlexaTimers, LazyApiClient, TimerError, TimerErrorKind, TimerSpec
from tests.support import envelope_for

REPO_ROOT = Path(__file__).resolve().parents[2]
ICE_TEN_MINUTES = TimerSpec(duration=timedelta(minutes=10), label="heat-or-ice-ice-1714564800",
                            announce_text="Time to take the ice pack off.", locale="en-US")


def alexa_timers(api, *, token: str | None = None, api_client=None) -> AlexaTimers:
    """AlexaTimers wired as CustomSkill.invoke wires services from context.System."""
    configuration = ApiConfiguration(serializer=DefaultSerializer(), api_client=api_client or LazyApiClient(),
                                     authorization_value=token or api.token, api_endpoint=api.endpoint)
    return AlexaTimers(ServiceClientFactory(configuration).get_timer_management_service())


def spec(label: str, minutes: int = 10) -> TimerSpec:
    return TimerSpec(timedelta(minutes=minutes), label, "Time to take the heat off.", "en-US")


def test_create_sends_a_visible_announcing_timer(timers_api):
    timer_id = alexa_timers(timers_api).create(ICE_TEN_MINUTES)

    [request] = timers_api.requests_to("create")
    assert request.body == {
        "duration": "PT10M",
        "timerLabel": "heat-or-ice-ice-1714564800",
        "creationBehavior": {"displayExperience": {"visibility": "VISIBLE"}},
        "triggeringBehavior": {
            "operation": {"type": "ANNOUNCE",
                          "textToAnnounce": [{"locale": "en-US", "text": "Time to take the ice pack off."}]},
            "notificationConfig": {"playAudible": True},
        },
    }
    assert request.headers["authorization"] == f"Bearer {timers_api.token}"
    assert request.headers["content-type"] == "application/json"
    assert [timer["id"] for timer in timers_api.timers] == [timer_id]


def test_list_and_delete(timers_api):
    timers = alexa_timers(timers_api)
    heat = timers.create(spec("heat-or-ice-heat-1", minutes=20))
    ice = timers.create(spec("heat-or-ice-ice-2", minutes=10))

    listed = timers.list_timers()
    assert [(t.id, t.label, t.status) for t in listed] == [(ice, "heat-or-ice-ice-2", Status.ON),
                                                         (heat, "heat-or-ice-heat-1", Status.ON)]
    assert all(isinstance(t.trigger_time, datetime) for t in listed)

    timers.delete(ice)
    assert [t.id for t in timers.list_timers()] == [heat]
    with pytest.raises(TimerError) as gone:
        timers.delete(ice)
    assert (gone.value.kind, gone.value.status) == (TimerErrorKind.NOT_FOUND, 404)

    timers.delete_all()
    assert timers.list_timers() == []


@pytest.mark.parametrize(("route", "status", "kind"), [
    ("create", 400, TimerErrorKind.BAD_REQUEST),
    ("create", 401, TimerErrorKind.PERMISSION_REQUIRED),
    ("create", 403, TimerErrorKind.PERMISSION_REQUIRED),
    ("create", 500, TimerErrorKind.SERVER_ERROR),
    ("create", 503, TimerErrorKind.SERVER_ERROR),
    ("create", 504, TimerErrorKind.DEVICE_OFFLINE),
    ("list", 401, TimerErrorKind.PERMISSION_REQUIRED),
    ("delete", 404, TimerErrorKind.NOT_FOUND),
    ("delete_all", 500, TimerErrorKind.SERVER_ERROR),
])
def test_each_failure_status_has_its_kind(timers_api, route, status, kind):
    timers_api.fail(route, status, message="injected")
    timers = alexa_timers(timers_api)
    operation = {"create": lambda: timers.create(ICE_TEN_MINUTES), "list": timers.list_timers,
                 "delete": lambda: timers.delete("some-id"), "delete_all": timers.delete_all}[route]

    with pytest.raises(TimerError) as failure:
        operation()

    assert (failure.value.kind, failure.value.status) == (kind, status)
    assert len(timers_api.requests_to(route)) == 1


def test_a_wrong_token_means_permission_is_required(timers_api):
    with pytest.raises(TimerError) as failure:
        alexa_timers(timers_api, token="someone-elses-token").create(ICE_TEN_MINUTES)
    assert failure.value.kind is TimerErrorKind.PERMISSION_REQUIRED


def test_the_platforms_limits_are_answered_with_bad_request(timers_api):
    timers = alexa_timers(timers_api)
    timers.create(ICE_TEN_MINUTES)
    with pytest.raises(TimerError) as duplicate:
        timers.create(ICE_TEN_MINUTES)
    assert duplicate.value.kind is TimerErrorKind.BAD_REQUEST

    for number in range(9):
        timers.create(spec(f"other-{number}"))
    with pytest.raises(TimerError) as eleventh:
        timers.create(spec("one-too-many"))
    assert eleventh.value.kind is TimerErrorKind.BAD_REQUEST
    assert len(timers_api.timers) == 10


def test_more_than_two_hours_is_refused_without_a_call(timers_api):
    timers = alexa_timers(timers_api)
    with pytest.raises(TimerError) as failure:
        timers.create(TimerSpec(timedelta(hours=2, seconds=1), "too-long", "Done.", "en-US"))
    assert (failure.value.kind, failure.value.status) == (TimerErrorKind.BAD_REQUEST, None)
    assert timers_api.requests == []

    timers.create(TimerSpec(timedelta(hours=2), "two-hours", "Done.", "en-US"))
    assert timers_api.requests_to("create")[0].body["duration"] == "PT2H"


def test_a_hanging_api_gives_up_at_the_clients_deadline(timers_api):
    timers_api.hang("create")
    timers = alexa_timers(timers_api, api_client=LazyApiClient(connect_timeout=0.5, call_timeout=0.5))

    with pytest.raises(TimerError) as failure:
        timers.create(ICE_TEN_MINUTES)

    assert (failure.value.kind, failure.value.status) == (TimerErrorKind.TIMEOUT, None)


def test_a_server_the_client_does_not_trust_is_never_talked_to(timers_api, monkeypatch):
    monkeypatch.setenv(
        "REQUESTS_CA_BUNDLE", os.environ.get("CURL_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    )
    with pytest.raises(TimerError) as failure:
        alexa_timers(timers_api).create(ICE_TEN_MINUTES)
    assert failure.value.kind is TimerErrorKind.TIMEOUT  # no usable connection
    assert timers_api.requests == []


class StartIceTimer(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True

    def handle(self, handler_input):
        timer_id = AlexaTimers.from_handler_input(handler_input).create(ICE_TEN_MINUTES)
        return handler_input.response_builder.speak(f"timer {timer_id}").response


def test_a_skill_reaches_the_api_through_context_system(timers_api):
    builder = CustomSkillBuilder(api_client=LazyApiClient())
    builder.add_request_handler(StartIceTimer())
    envelope = envelope_for("alice", api_endpoint=timers_api.endpoint, api_access_token=timers_api.token)

    response = builder.create().invoke(request_envelope=envelope, context=None)

    [timer] = timers_api.timers
    assert response.response.output_speech.ssml == f"<speak>timer {timer['id']}</speak>"


def test_a_request_without_an_api_token_needs_permission(timers_api):
    builder = CustomSkillBuilder(api_client=LazyApiClient())
    builder.add_request_handler(StartIceTimer())

    with pytest.raises(TimerError) as failure:
        builder.create().invoke(request_envelope=envelope_for("alice", api_endpoint=timers_api.endpoint),
                                context=None)
    assert failure.value.kind is TimerErrorKind.PERMISSION_REQUIRED


def test_the_lazy_client_does_not_import_its_http_library_until_used():
    code = (
        "import sys\n"
        "import heat_or_ice.adapters\n"
        "from heat_or_ice.adapters import LazyApiClient, AlexaTimers\n"
        "from ask_sdk_core.skill_builder import CustomSkillBuilder\n"
        "CustomSkillBuilder(api_client=LazyApiClient()).create()\n"
        "assert 'urllib3' not in sys.modules and 'requests' not in sys.modules\n"
        "from ask_sdk_model.services import ApiClientRequest\n"
        "try:\n"
        "    LazyApiClient().invoke(ApiClientRequest(url='http://127.0.0.1:9/', method='GET'))\n"
        "except Exception:\n"
        "    pass  # plain http is refused; only the import matters here\n"
        "assert 'urllib3' in sys.modules\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "lambda")}
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
