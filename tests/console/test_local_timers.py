"""The console's local Timers API: real HTTPS on 127.0.0.1, reached the way the skill reaches Amazon's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from heat_or_ice_web.local_timers import MAX_TIMERS, LocalTimersServer

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TOKEN = "granted-token"


def announce_body(duration: str = "PT15M", label: str | None = "ice", text: str = "Ice off now.") -> dict:
    body = {
        "duration": duration,
        "triggeringBehavior": {
            "operation": {"type": "ANNOUNCE", "textToAnnounce": [{"locale": "en-US", "text": text}]},
            "notificationConfig": {"playAudible": True},
        },
    }
    if label:
        body["timerLabel"] = label
    return body


class Api:
    def __init__(self, server: LocalTimersServer, bundle: str):
        self.server, self.bundle = server, bundle

    def call(self, method: str, path: str = "", body: dict | None = None, token: str = TOKEN):
        return requests.request(
            method,
            f"{self.server.url}/v1/alerts/timers{path}",
            json=body,
            timeout=5,
            headers={"Authorization": f"Bearer {token}"},
            verify=self.bundle,
        )


@pytest.fixture
def clock():
    now = [START]
    clock = lambda: now[0]  # noqa: E731
    clock.advance = lambda **kw: now.__setitem__(0, now[0] + timedelta(**kw))
    return clock


@pytest.fixture
def api(clock):
    with LocalTimersServer(clock=clock) as server:
        yield Api(server, str(server.write_trust_bundle()))


def test_without_the_users_permission_every_call_is_401(api):
    assert api.call("GET").status_code == 401
    assert api.call("POST", body=announce_body()).status_code == 401


def test_create_list_get_and_delete(api, clock):
    api.server.grant(TOKEN)
    created = api.call("POST", body=announce_body())
    assert created.status_code == 200
    timer = created.json()
    assert timer["status"] == "ON" and timer["timerLabel"] == "ice" and timer["duration"] == "PT15M"
    assert timer["triggerTime"].startswith("2026-03-02T08:15:00")
    assert api.call("GET").json()["totalCount"] == 1
    assert api.call("GET", f"/{timer['id']}").json()["id"] == timer["id"]
    assert api.call("DELETE", f"/{timer['id']}").status_code == 200
    assert api.call("GET", f"/{timer['id']}").status_code == 404
    assert api.call("GET").json()["timers"] == []


def test_a_label_already_running_is_400(api):
    api.server.grant(TOKEN)
    assert api.call("POST", body=announce_body(label="heat")).status_code == 200
    duplicate = api.call("POST", body=announce_body(label="heat"))
    assert duplicate.status_code == 400 and duplicate.json()["code"] == "DUPLICATE_TIMER_LABEL"


def test_at_most_two_hours_and_ten_timers(api):
    api.server.grant(TOKEN)
    assert api.call("POST", body=announce_body("PT2H1M")).status_code == 400
    assert api.call("POST", body=announce_body("PT2H", label="longest")).status_code == 200
    for number in range(1, MAX_TIMERS):
        assert api.call("POST", body=announce_body(label=f"t{number}")).status_code == 200
    assert api.call("POST", body=announce_body(label="eleventh")).status_code == 403


def test_a_bad_duration_or_body_is_400(api):
    api.server.grant(TOKEN)
    assert api.call("POST", body=announce_body("fifteen minutes")).status_code == 400
    assert api.call("POST", body={"duration": "PT1M"}).status_code == 400  # no triggeringBehavior


def test_timers_go_off_when_the_clock_reaches_them(api, clock):
    api.server.grant(TOKEN)
    api.call("POST", body=announce_body("PT10M", label="heat", text="Heat off now."))
    api.call("POST", body=announce_body("PT20M", label="ice", text="Ice off now."))
    clock.advance(minutes=9)
    assert api.server.book.take_due() == []
    clock.advance(minutes=1)
    assert [t.announce for t in api.server.book.take_due()] == ["Heat off now."]
    clock.advance(minutes=30)
    assert [t.announce for t in api.server.book.take_due()] == ["Ice off now."]
    assert api.call("GET").json()["totalCount"] == 0


def test_pause_and_resume_keep_the_remaining_time(api, clock):
    api.server.grant(TOKEN)
    timer = api.call("POST", body=announce_body("PT10M")).json()
    clock.advance(minutes=4)
    assert api.call("POST", f"/{timer['id']}/pause").json()["status"] == "PAUSED"
    clock.advance(hours=1)
    assert api.server.book.take_due() == []
    resumed = api.call("POST", f"/{timer['id']}/resume").json()
    assert resumed["triggerTime"].startswith("2026-03-02T09:10:00")


def test_it_serves_loopback_only_with_a_certificate_nobody_else_trusts(api):
    assert api.server.url.startswith("https://127.0.0.1:")
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(f"{api.server.url}/v1/alerts/timers", timeout=5, verify=True)
