"""The store down, hung, locked or throttled: the advice is still given, the person is told when
something could not be remembered, and nothing already stored is lost or overwritten.

Real faults where there can be: our own dynalite (on disk, so it can die and come back) killed
between the read and the save of one request, killed for whole turns, and frozen (SIGSTOP) so
its socket accepts and never answers; a SQLite file locked by another writer. Throttling comes
from DynamoDB's own error code through botocore, and from a store wrapper whose failures
hypothesis schedules call by call. (tests/skill/test_storage.py covers the plain read and write
failures; the Timers API's faults live in tests/skill/test_timed_sessions.py.)
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heat_or_ice.adapters import PersistenceError, SqlitePersistenceAdapter, build_persistence_adapter
from heat_or_ice.core import QuestionId, Reply
from heat_or_ice.core.screening import WORRYING_REPLY
from heat_or_ice.skill.builder import build_skill
from tests.robustness.alexa_contract import assert_valid_response
from tests.support import envelope_for
from tests.support.conversation import Conversation
from tests.support.dynalite import CLI, REPO_ROOT, Dynalite

USER = "amzn1.ask.account.store-faults"
CANT_REACH = "can't reach my memory"
COULDNT_SAVE = "couldn't save that"
ALEXA_BUDGET_SECONDS = 8.0  # Alexa gives up on a skill after 8 seconds
HEAT_FACTS = {"location": "LOWER_BACK", "onset": "WEEKS", "cause": "NO_CAUSE"}
SLOT_OF_QUESTION = {"LOCATION": "location", "ONSET": "onset", "CAUSE": "cause", "PREFERENCE": "preference"}


# -- A dynalite of our own, on disk, that can be killed, frozen and brought back ---------------
@dataclass
class DiskDynalite:
    """dynalite keeping its data in `path`, always on the same port, so a restart finds the
    same tables and items: a database that went away and came back."""

    path: Path
    port: int = 0
    server: Dynalite | None = None
    stopped: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self) -> Dynalite:
        self.port = self.port or _free_port()
        log = self.path.with_suffix(".log")
        with open(log, "ab") as output:
            process = subprocess.Popen(
                [
                    "node",
                    str(CLI),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--path",
                    str(self.path),
                    "--createTableMs",
                    "0",
                    "--deleteTableMs",
                    "0",
                    "--updateTableMs",
                    "0",
                ],
                stdout=output,
                stderr=output,
                stdin=subprocess.DEVNULL,
                cwd=REPO_ROOT,
            )
        self.server = Dynalite(process=process, port=self.port, log_path=log)
        client = self.server.resource().meta.client
        for _ in range(200):  # poll until it answers; node starts in well under a second
            if process.poll() is not None:
                raise RuntimeError(f"dynalite exited: {log.read_text(errors='replace')}")
            try:
                client.list_tables()
                return self.server
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.05)
        raise RuntimeError("dynalite did not answer")

    def kill(self) -> None:
        assert self.server is not None
        self.server.process.kill()  # SIGKILL: no goodbye, as a crashed host
        self.server.process.wait(timeout=10)

    def freeze(self) -> None:
        assert self.server is not None
        os.kill(self.server.process.pid, signal.SIGSTOP)  # the socket still accepts; nothing answers

    def thaw(self) -> None:
        assert self.server is not None
        os.kill(self.server.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.server is not None and self.server.process.poll() is None:
            self.thaw()
            self.server.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def disk_dynalite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[DiskDynalite, str]]:
    """A fresh on-disk dynalite with the skill's table; the environment points boto3 at it."""
    database = DiskDynalite(tmp_path / "dynalite")
    server = database.start()
    table = f"heat-or-ice-{uuid.uuid4().hex[:12]}"
    server.create_table(table)
    for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in server.environ().items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv("DYNAMODB_TABLE", table)
    yield database, table
    database.stop()


class AfterRead(AbstractPersistenceAdapter):
    """The real store, with something done to the world right after a read: a fault that lands
    between the read and the save of the same request."""

    def __init__(self, inner: AbstractPersistenceAdapter):
        self.inner = inner
        self.then: Callable[[], None] | None = None

    def get_attributes(self, request_envelope: Any) -> dict:
        attributes = self.inner.get_attributes(request_envelope)
        if self.then is not None:
            self.then()
            self.then = None
        return attributes

    def save_attributes(self, request_envelope: Any, attributes: dict) -> None:
        self.inner.save_attributes(request_envelope, attributes)

    def delete_attributes(self, request_envelope: Any) -> None:
        self.inner.delete_attributes(request_envelope)


def get_advice(talk: Conversation, limit: int = 15, **facts: str) -> str | None:
    """Asks for advice and answers every question (slot questions from `facts`, else "I don't
    know"; yes/no questions with the reassuring reply). Returns the advice, or None when
    questions still come after `limit` answers."""
    talk.intent("RecommendIntent", **facts)
    for _ in range(limit):
        dialog = (talk.session.attributes.get("dialog") or {}) if talk.session else {}
        if dialog.get("waiting") != "QUESTION":
            return talk.speech
        question = dialog.get("question")
        slot = SLOT_OF_QUESTION.get(question)
        if slot is None:
            reassuring = WORRYING_REPLY.get(QuestionId(question), Reply.YES) is not Reply.YES
            talk.yes() if reassuring else talk.no()
        elif slot in facts:
            talk.intent("RecommendIntent", **{slot: facts[slot]})
        else:
            talk.dont_know()
    return None


def said_since(talk: Conversation, start: int) -> str:
    return " ".join(talk.transcript[start:])


def stored_item(server: Dynalite, table: str) -> dict | None:
    return server.raw_item(table, USER)


# -- DynamoDB: killed, frozen, throttled --------------------------------------------------------
def test_dynamodb_killed_between_read_and_save_the_answer_comes_and_nothing_stored_is_lost(disk_dynalite):
    database, table = disk_dynalite
    store = AfterRead(build_persistence_adapter(os.environ))
    talk = Conversation(build_skill(persistence_adapter=store), user_id=USER)
    assert "I'd suggest heat" in get_advice(talk, **HEAT_FACTS)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    assert "made it worse" in talk.speech
    talk.wait(hours=2)  # the session ends (and its answers are saved once more)
    remembered = stored_item(database.server, table)
    assert remembered and remembered["attributes"]["outcomes"][0]["outcome"] == "WORSE"

    store.then = database.kill  # dies after this request's read, before its save
    started = time.monotonic()
    talk.intent("FeedbackIntent", outcome="BETTER", modality="ICE")
    assert time.monotonic() - started < ALEXA_BUDGET_SECONDS
    assert "glad the ice helped" in talk.speech and COULDNT_SAVE in talk.speech
    assert_valid_response(talk.last, "IntentRequest")

    talk.wait(hours=1)
    talk.launch()  # still down: the welcome still comes, and nothing is saved over the history
    assert "Welcome" in talk.speech
    assert_valid_response(talk.last, "LaunchRequest")

    # Back up: everything stored before the crash is there, untouched, and used again.
    database.start()
    assert stored_item(database.server, table) == remembered
    talk.wait(hours=1)
    start = len(talk.transcript)
    get_advice(talk, **HEAT_FACTS)
    assert "heat pack made it worse" in said_since(talk, start)
    assert CANT_REACH not in said_since(talk, start) and COULDNT_SAVE not in said_since(talk, start)
    assert len(stored_item(database.server, table)["attributes"]["outcomes"]) == 1


def test_with_dynamodb_down_for_a_whole_conversation_the_advice_still_comes(disk_dynalite):
    database, table = disk_dynalite
    talk = Conversation(build_skill(persistence_adapter=build_persistence_adapter(os.environ)), user_id=USER)
    get_advice(talk, **HEAT_FACTS)
    remembered = stored_item(database.server, table)
    database.kill()
    talk.wait(hours=1)
    start = len(talk.transcript)
    advice = get_advice(talk, **HEAT_FACTS)
    database.start()
    assert stored_item(database.server, table) == remembered, "something stored was lost"
    assert advice is not None and "I'd suggest" in advice, f"no advice: {talk.transcript[start:][-3:]}"
    assert said_since(talk, start).count(CANT_REACH) == 1


def test_a_frozen_dynamodb_is_given_up_on_within_alexas_budget(disk_dynalite):
    database, table = disk_dynalite
    talk = Conversation(build_skill(persistence_adapter=build_persistence_adapter(os.environ)), user_id=USER)
    get_advice(talk, **HEAT_FACTS)
    remembered = stored_item(database.server, table)

    database.freeze()
    try:
        talk.wait(hours=2)
        started = time.monotonic()
        talk.intent("FeedbackIntent", outcome="SAME", modality="HEAT")
        elapsed = time.monotonic() - started
    finally:
        database.thaw()
    assert elapsed < ALEXA_BUDGET_SECONDS, f"a hung database held the answer for {elapsed:.1f} s"
    assert "didn't change much" in talk.speech and CANT_REACH in talk.speech
    assert stored_item(database.server, table) == remembered


def _throttle(operation: str, client: Any) -> Callable[[], None]:
    """DynamoDB refusing `operation` once with its throttling error code (botocore raises the
    real ProvisionedThroughputExceededException, as after its own retries)."""
    event = f"before-call.dynamodb.{operation}"

    def refuse(**_: Any) -> tuple[Any, dict]:
        client.meta.events.unregister(event, refuse)
        error = {
            "Code": "ProvisionedThroughputExceededException",
            "Message": "Rate of requests exceeds the allowed throughput.",
        }
        return SimpleNamespace(status_code=400, headers={}), {
            "Error": error,
            "ResponseMetadata": {"HTTPStatusCode": 400},
        }

    return lambda: client.meta.events.register(event, refuse)


def test_throttled_dynamodb_reads_and_writes_are_reported_and_overwrite_nothing(disk_dynalite):
    database, table = disk_dynalite
    adapter = build_persistence_adapter(os.environ)
    client = adapter.dynamodb.meta.client
    talk = Conversation(build_skill(persistence_adapter=adapter), user_id=USER)
    get_advice(talk, **HEAT_FACTS)
    remembered = stored_item(database.server, table)

    _throttle("PutItem", client)()
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    assert "made it worse" in talk.speech and COULDNT_SAVE in talk.speech
    assert stored_item(database.server, table) == remembered

    _throttle("GetItem", client)()
    talk.intent("FeedbackIntent", outcome="BETTER", modality="ICE")
    assert "glad the ice helped" in talk.speech and CANT_REACH in talk.speech
    assert stored_item(database.server, table) == remembered

    talk.intent("FeedbackIntent", outcome="SAME", modality="HEAT")  # the store answers again
    assert CANT_REACH not in talk.speech and COULDNT_SAVE not in talk.speech
    outcomes = stored_item(database.server, table)["attributes"]["outcomes"]
    assert [(o["modality"], o["outcome"]) for o in outcomes] == [("HEAT", "SAME")]


# -- SQLite locked by another writer -----------------------------------------------------------
def test_a_sqlite_file_locked_by_another_writer_is_reported_quickly_and_kept(tmp_path):
    path = tmp_path / "skill.sqlite3"
    store = SqlitePersistenceAdapter(path)
    talk = Conversation(build_skill(persistence_adapter=store), user_id=USER)
    get_advice(talk, **HEAT_FACTS)
    remembered = store.get_attributes(envelope_for(USER, talk.now))

    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        started = time.monotonic()
        talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
        elapsed = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "made it worse" in talk.speech and COULDNT_SAVE in talk.speech
    assert elapsed < 2.0, f"a locked file held the answer for {elapsed:.1f} s"
    assert store.get_attributes(envelope_for(USER, talk.now)) == remembered
    store.close()


# -- Throttling scheduled by hypothesis, call by call ---------------------------------------------
class ThrottledStore(AbstractPersistenceAdapter):
    """A real SQLite store in front of which any call may be refused, as a throttled service
    refuses; the schedule comes from hypothesis. Remembers what each request did."""

    def __init__(self, inner: SqlitePersistenceAdapter, refuse: Callable[[str], bool]):
        self.inner = inner
        self.refuse = refuse
        self.calls: list[tuple[str, bool]] = []  # (operation, refused) in this request
        self.last_saved: dict | None = None

    def _call(self, operation: str, action: Callable[[], Any]) -> Any:
        refused = self.refuse(operation)
        self.calls.append((operation, refused))
        if refused:
            raise PersistenceError(f"{operation} throttled")
        return action()

    def get_attributes(self, request_envelope: Any) -> dict:
        return self._call("read", lambda: self.inner.get_attributes(request_envelope))

    def save_attributes(self, request_envelope: Any, attributes: dict) -> None:
        self._call("save", lambda: self.inner.save_attributes(request_envelope, attributes))
        self.last_saved = attributes

    def delete_attributes(self, request_envelope: Any) -> None:
        self._call("delete", lambda: self.inner.delete_attributes(request_envelope))


# The opening of every kind of advice (advice.action.* in the catalogue), and care advice.
ADVICE_WORDS = ("I'd suggest", "both fine here", "alternate ice and heat", "doctor", "physiotherapist")
RECORDING_INTENTS = {
    "RecommendIntent",
    "FeedbackIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "DontKnowIntent",
}


class WatchedConversation(Conversation):
    """Checks every turn against the store's calls: a refused save is owned up to in the same
    answer; a refused read means no save at all (an empty profile never overwrites the stored
    one) and, for a turn that records something, the warning was given in this session."""

    def __init__(self, skill: Any, store: ThrottledStore):
        super().__init__(skill, user_id=USER)
        self.store = store
        self.recorded: list[tuple[str, str, int]] = []  # outcomes the store kept
        self.warned_this_session = False
        self.refused_reads = 0

    def _send(self, event: dict, track_session: bool = True) -> dict:
        self.store.calls.clear()
        if event.get("session", {}).get("new"):
            self.warned_this_session = False
        response = super()._send(event, track_session)
        assert_valid_response(response, event["request"]["type"])
        calls = dict(self.store.calls)
        self.warned_this_session |= CANT_REACH in self.speech
        # Alexa takes no speech once a session has ended: a save refused then (the unfinished
        # answers of someone who walked away) is logged, and they are asked again next time.
        if calls.get("save") is True and event["request"]["type"] != "SessionEndedRequest":
            assert COULDNT_SAVE in self.speech, f"a refused save went unmentioned: {self.speech}"
        if calls.get("read") is True:
            self.refused_reads += 1
            assert "save" not in calls, "saved over the store after a refused read"
            if event["request"].get("intent", {}).get("name") in RECORDING_INTENTS:
                assert self.warned_this_session, f"the person was not told: {self.speech}"
        return response

    def feedback(self, outcome: str, modality: str) -> None:
        self.intent("FeedbackIntent", outcome=outcome, modality=modality)
        if dict(self.store.calls) == {"read": False, "save": False}:
            self.recorded.append((modality, outcome, int(self.now.timestamp())))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    visits=st.lists(
        st.tuples(
            st.sampled_from(["BETTER", "SAME", "WORSE"]),
            st.sampled_from(["HEAT", "ICE", "MOIST_HEAT"]),
            st.integers(1, 30),
        ),
        min_size=1,
        max_size=5,
    ),
)
def test_whatever_calls_are_throttled_nothing_kept_is_lost_and_failures_are_owned(
    tmp_path_factory, data, visits
):
    inner = SqlitePersistenceAdapter(tmp_path_factory.mktemp("throttled") / "skill.sqlite3")
    store = ThrottledStore(inner, lambda operation: data.draw(st.booleans(), label=f"refuse {operation}"))
    talk = WatchedConversation(build_skill(persistence_adapter=store), store)
    for outcome, modality, hours_later in visits:
        talk.launch()
        advice = get_advice(talk, limit=12, **HEAT_FACTS)
        assert advice is not None and any(words in advice for words in ADVICE_WORDS), advice
        talk.feedback(outcome, modality)
        talk.wait(hours=hours_later)
        stored = inner.get_attributes(envelope_for(USER, talk.now))
        assert stored == (store.last_saved or {}), "the store holds something other than the last save"
    kept = [(o["modality"], o["outcome"], o["at"]) for o in (store.last_saved or {}).get("outcomes", [])]
    assert kept == talk.recorded
    inner.close()
