"""Forty people talking to the skill at once, for thirty seconds, over real HTTP.

The skill is served by create_app on 127.0.0.1 through a threaded werkzeug server, storing in
SQLite on a temp file. Eight client threads each carry five simulated people, taking turns, so
forty conversations are open at any moment. Each person has their own user id, their own pain
(location, onset, cause), and their own clock that moves between visits; a visit is: open the
skill, get advice (answering every question), say how the last session felt, sometimes start a
session (refusing the timer permission, so it is self-timed), ask for help, stop.

Pass: no 5xx, no transport error, every answer a valid response, no storage warning; afterwards
every person's stored record holds exactly the outcomes, sessions and episode that person gave,
and nothing of anybody else's. The run is bounded by time.monotonic (~30 s) and stops by itself.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from heat_or_ice.adapters import SqlitePersistenceAdapter
from heat_or_ice.core import QuestionId, Reply
from heat_or_ice.core.screening import WORRYING_REPLY
from heat_or_ice.skill.builder import build_skill
from heat_or_ice_web.app import create_app
from heat_or_ice_web.envelopes import Device, EnvelopeBuilder, Session, permission_answer_payload, slot_json
from tests.robustness.alexa_contract import assert_valid_response, speech_of
from tests.robustness.envelope_strategies import SKILL_ID, SLOT_VALUES
from tests.support import envelope_for

pytestmark = pytest.mark.load

DURATION_SECONDS = 30.0
CLIENT_THREADS = 8
PEOPLE_PER_THREAD = 5  # 40 people, 40 conversations open at once
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
SLOT_TYPES = {
    "location": "PainLocation",
    "onset": "Onset",
    "cause": "Cause",
    "modality": "Modality",
    "outcome": "Outcome",
}
SPOKEN = {value_id: words[0] for values in SLOT_VALUES.values() for value_id, words in values}
PAINS = [
    (location, onset, cause)
    for location in ("LOWER_BACK", "UPPER_BACK", "NECK")
    for onset in ("TODAY", "DAYS", "WEEKS", "MONTHS")
    for cause in ("NO_CAUSE", "INJURY")
]
SLOT_OF_QUESTION = {"LOCATION": "location", "ONSET": "onset", "CAUSE": "cause"}
SESSIONS_SURELY_KEPT = 6 * 24 * 3600  # the skill keeps a week of sessions
TROUBLE = ("something went wrong", "can't reach my memory", "couldn't save that", "couldn't understand")


@dataclass
class Person:
    """One simulated user: who they are, what they said, and their own clock."""

    number: int
    rng: random.Random
    user_id: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    now: datetime = START
    session: Session | None = None
    outcomes: list[tuple[str, str, int]] = field(default_factory=list)  # (modality, outcome, at)
    sessions_started: list[int] = field(default_factory=list)
    turns: int = 0
    last_heard: int = 0  # epoch seconds of the last answered request

    def __post_init__(self) -> None:
        self.user_id = f"amzn1.ask.account.load-{self.number:02d}-{self.rng.getrandbits(32):08x}"
        location, onset, cause = PAINS[self.number % len(PAINS)]
        self.facts = {"location": location, "onset": onset, "cause": cause}
        # Each person's clock sits on its own second of the minute and moves in whole minutes,
        # so every stored time says whose it is.
        self.now = START + timedelta(seconds=self.number)
        device = Device(
            application_id=SKILL_ID, user_id=self.user_id, api_access_token=""
        )  # no timer permission
        self.envelopes = EnvelopeBuilder(device, clock=lambda: self.now)

    # Requests -----------------------------------------------------------------------------
    def intent(self, name: str, **slots: str) -> dict:
        self.session = self.session or Session()
        filled = {
            slot: slot_json(
                slot,
                SPOKEN[value].lower(),
                type_name=SLOT_TYPES[slot],
                matches=((value, SPOKEN[value]),),
                application_id=SKILL_ID,
            )
            for slot, value in slots.items()
        }
        return self.envelopes.intent(self.session, name, filled)

    def heard(self, answer: dict) -> None:
        """Alexa keeps the session (and its attributes) until the skill ends it."""
        self.turns += 1
        self.last_heard = int(self.now.timestamp())
        if self.session is None:
            return
        if answer["response"].get("shouldEndSession") is True:
            self.session = None
        else:
            self.session.new = False
            self.session.attributes = answer.get("sessionAttributes") or {}

    def waiting_for(self) -> tuple[str | None, str | None]:
        dialog = (self.session.attributes.get("dialog") or {}) if self.session else {}
        return dialog.get("waiting"), dialog.get("question")

    def pending_question(self) -> str | None:
        waiting, question = self.waiting_for()
        return question if waiting == "QUESTION" else None

    def reply_to(self, question: str) -> dict:
        """Mostly the reassuring answer, sometimes "I don't know"."""
        if self.rng.random() >= 0.8:
            return self.intent("DontKnowIntent")
        reassuring_is_yes = WORRYING_REPLY.get(QuestionId(question), Reply.YES) is not Reply.YES
        return self.intent("AMAZON.YesIntent" if reassuring_is_yes else "AMAZON.NoIntent")

    # A visit, as a generator: yields each request, receives each answer ------------------------
    def visits(self) -> Generator[dict, dict, None]:
        while True:
            self.session = Session()
            self.heard((yield self.envelopes.launch(self.session)))
            self.heard((yield self.intent("RecommendIntent", **self.facts)))
            for _ in range(12):
                question = self.pending_question()
                if question is None:
                    break
                slot = SLOT_OF_QUESTION.get(question)
                request = (
                    self.intent("RecommendIntent", **{slot: self.facts[slot]})
                    if slot
                    else self.reply_to(question)
                )
                self.heard((yield request))
            modality = self.rng.choice(["HEAT", "ICE", "MOIST_HEAT"])
            outcome = self.rng.choice(["BETTER", "SAME", "WORSE"])
            self.heard((yield self.intent("FeedbackIntent", outcome=outcome, modality=modality)))
            self.outcomes.append((modality, outcome, int(self.now.timestamp())))
            if self.rng.random() < 0.4:
                yield from self.start_a_session()
            self.heard((yield self.intent("AMAZON.HelpIntent")))
            self.heard((yield self.intent("AMAZON.StopIntent")))
            self.now += timedelta(minutes=self.rng.randint(90, 600))  # the next visit, hours later

    def start_a_session(self) -> Generator[dict, dict, None]:
        answer = yield self.intent("StartSessionIntent", modality=self.rng.choice(["HEAT", "ICE"]))
        self.heard(answer)
        if self.waiting_for()[0] == "SKIN_CHECK":  # once per episode (8.6): the skin there is fine
            answer = yield self.intent("AMAZON.YesIntent")
            self.heard(answer)
        ask_for = next(
            (
                d
                for d in answer["response"].get("directives") or []
                if d.get("type") == "Connections.SendRequest"
            ),
            None,
        )
        if ask_for is None:
            return  # refused by the rest-gap or daily-cap rules: nothing to record
        payload = permission_answer_payload(TIMERS_SCOPE, "DENIED")
        answer = yield self.envelopes.connections_response(
            self.session or Session(), "AskFor", "200", payload, ask_for.get("token")
        )
        self.heard(answer)
        if "count the session as starting now" in speech_of(answer):
            self.sessions_started.append(int(self.now.timestamp()))


class Client(threading.Thread):
    """One keep-alive connection carrying five people, a turn each in rotation."""

    def __init__(self, port: int, people: list[Person], deadline: float, errors: list[str]):
        super().__init__(daemon=True)
        self.port, self.people, self.deadline, self.errors = port, people, deadline, errors
        self.requests = 0
        self.latencies: list[float] = []

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        scripts = [(person, person.visits()) for person in self.people]
        pending = {id(person): script.send(None) for person, script in scripts}
        try:
            while time.monotonic() < self.deadline and len(self.errors) < 20:
                for person, script in scripts:
                    event = pending[id(person)]
                    answer = self.post(connection, person, event)
                    if answer is None:
                        return
                    pending[id(person)] = script.send(answer)
        except Exception as error:  # noqa: BLE001 - reported by the test, not lost in a thread
            self.errors.append(f"client crashed: {type(error).__name__}: {error}")
        finally:
            connection.close()

    def post(self, connection: http.client.HTTPConnection, person: Person, event: dict) -> dict | None:
        body = json.dumps(event).encode()
        request = event["request"]
        what = f"{person.user_id} {request['type']} {request.get('intent', {}).get('name', '')}"
        started = time.monotonic()
        try:
            connection.request("POST", "/", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.errors.append(f"{what}: {type(error).__name__}: {error}")
            return None
        self.latencies.append(time.monotonic() - started)
        self.requests += 1
        if response.status != 200:
            self.errors.append(f"{what}: HTTP {response.status} {raw[:200]!r}")
            return None
        try:
            answer = assert_valid_response(json.loads(raw), event["request"]["type"])
            words = speech_of(answer)
            assert not any(trouble in words for trouble in TROUBLE), words
        except (AssertionError, ValueError) as error:
            self.errors.append(f"{what}: {error}")
            return None
        return answer


class QuietRequestHandler(WSGIRequestHandler):
    """No access-log line per request: thirteen thousand of them would only cost time."""

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


@pytest.fixture
def served_skill(tmp_path) -> Iterator[tuple[int, SqlitePersistenceAdapter]]:
    store = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    app = create_app(
        build_skill(persistence_adapter=store, skill_id=SKILL_ID),
        verify_signature=False,
        verify_timestamp=False,
        serve_host="127.0.0.1",
    )
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.server_port, store
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    store.close()


def test_forty_people_for_thirty_seconds_no_errors_and_every_history_is_their_own(served_skill):
    port, store = served_skill
    rng = random.Random(20260302)
    people = [
        Person(number, random.Random(rng.getrandbits(64)))
        for number in range(CLIENT_THREADS * PEOPLE_PER_THREAD)
    ]
    errors: list[str] = []
    started = time.monotonic()
    deadline = started + DURATION_SECONDS
    clients = [Client(port, people[i::CLIENT_THREADS], deadline, errors) for i in range(CLIENT_THREADS)]
    for client in clients:
        client.start()
    for client in clients:
        client.join(timeout=DURATION_SECONDS + 30)
    elapsed = time.monotonic() - started
    assert not any(client.is_alive() for client in clients), "a client never finished"
    assert errors == [], "\n".join(errors[:20])

    requests = sum(client.requests for client in clients)
    latencies = sorted(latency for client in clients for latency in client.latencies)
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    print(
        f"\nload: {requests} requests from {len(people)} people in {elapsed:.1f} s "
        f"({requests / elapsed:.0f}/s), p99 {p99 * 1000:.1f} ms"
    )
    assert DURATION_SECONDS <= elapsed < DURATION_SECONDS + 15
    assert all(person.turns >= 10 for person in people), "somebody hardly got a word in"

    for person in people:
        stored = store.get_attributes(envelope_for(person.user_id, person.now))
        said = [(o["modality"], o["outcome"], o["at"]) for o in stored.get("outcomes", [])]
        assert said == person.outcomes, f"{person.user_id}: stored {said}, said {person.outcomes}"
        assert said, f"{person.user_id} has no outcomes stored"
        assert all(at % 60 == person.number % 60 for _, _, at in said), (
            f"{person.user_id} holds another's outcome"
        )
        started_at = {s["started_at"] for s in stored.get("sessions", [])}
        assert started_at <= set(person.sessions_started), f"{person.user_id}: sessions {started_at}"
        recent = {at for at in person.sessions_started if at >= person.last_heard - SESSIONS_SURELY_KEPT}
        assert recent <= started_at, f"{person.user_id}: sessions {recent - started_at} were lost"
        episode = stored.get("episode") or {}
        assert {k: episode.get(k) for k in person.facts} == person.facts, (
            f"{person.user_id}: episode {episode}"
        )
