"""What the skill remembers, in SQLite and in DynamoDB (dynalite), and what happens when the store fails."""

from __future__ import annotations

import json

import boto3

from heat_or_ice.adapters import PersistenceError, SqlitePersistenceAdapter
from heat_or_ice.skill.builder import build_skill, build_skill_from_environment
from tests.skill.screening import answer_questions
from tests.support import envelope_for
from tests.support.conversation import Conversation

USER = "amzn1.ask.account.storage-test"


def three_visits(skill) -> list[str]:
    """Advice, a self-reported session outcome, and a return visit days later: what was said."""
    talk = Conversation(skill, user_id=USER)
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE")
    answer_questions(talk)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    talk.wait(hours=6)
    talk.launch()
    talk.intent("RecommendIntent")
    return talk.transcript


class FailingStore(SqlitePersistenceAdapter):
    """A real SQLite store whose reads or writes can be made to fail, as a database outage would."""

    fail_reads = False
    fail_writes = False

    def get_attributes(self, request_envelope):
        if self.fail_reads:
            raise PersistenceError("store unreachable")
        return super().get_attributes(request_envelope)

    def save_attributes(self, request_envelope, attributes):
        if self.fail_writes:
            raise PersistenceError("store unreachable")
        super().save_attributes(request_envelope, attributes)


def test_sqlite_remembers_across_skill_instances(tmp_path):
    path = tmp_path / "skill.sqlite3"
    first = Conversation(build_skill(persistence_adapter=SqlitePersistenceAdapter(path)), user_id=USER)
    first.intent("RecommendIntent", location="NECK", onset="DAYS", cause="NO_CAUSE")
    answer_questions(first)
    second = Conversation(build_skill(persistence_adapter=SqlitePersistenceAdapter(path)), user_id=USER)
    second.now = first.now
    second.wait(hours=1)
    second.intent("RecommendIntent")
    assert "neck" in second.speech and "I'd suggest heat" in second.speech


def test_dynamodb_keeps_the_history_and_speaks_exactly_as_sqlite(dynamodb_table, tmp_path, monkeypatch):
    on_dynamodb = three_visits(build_skill_from_environment())
    item = boto3.resource("dynamodb").Table(dynamodb_table).get_item(Key={"id": USER})["Item"]
    stored = item["attributes"]
    assert stored["episode"]["location"] == "LOWER_BACK"
    assert stored["outcomes"][0]["outcome"] == "WORSE"
    assert int(item["expires_at"]) == int(stored["expires_at"]) > int(stored["outcomes"][0]["at"])
    monkeypatch.delenv("DYNAMODB_TABLE")
    monkeypatch.setenv("SKILL_DB_PATH", str(tmp_path / "same.sqlite3"))
    on_sqlite = three_visits(build_skill_from_environment())
    assert on_dynamodb == on_sqlite
    assert "heat pack made it worse" in on_sqlite[-1]


def test_stored_record_holds_only_ids_flags_and_times(tmp_path):
    store = SqlitePersistenceAdapter(tmp_path / "skill.sqlite3")
    talk = Conversation(build_skill(persistence_adapter=store), user_id=USER)
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="TODAY", cause="INJURY", symptom="SPASM")
    answer_questions(talk)
    stored = store.get_attributes(envelope_for(USER, talk.now))
    text = json.dumps(stored)
    assert USER not in text
    assert set(stored) <= {
        "schema",
        "episode",
        "episode_updated_at",
        "sessions",
        "outcomes",
        "expires_at",
        "version",
    }
    assert stored["expires_at"] > stored["episode_updated_at"]


def test_a_store_that_cannot_be_read_still_gives_advice_and_says_it_will_not_remember(tmp_path):
    store = FailingStore(tmp_path / "skill.sqlite3")
    talk = Conversation(build_skill(persistence_adapter=store), user_id=USER)
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE")
    answer_questions(talk)
    remembered = store.get_attributes(envelope_for(USER, talk.now))
    store.fail_reads = True
    talk.wait(hours=1)
    talk.intent("RecommendIntent", location="NECK", onset="DAYS", cause="NO_CAUSE")
    assert "can't reach my memory" in talk.speech
    store.fail_reads = False
    assert store.get_attributes(envelope_for(USER, talk.now)) == remembered, "nothing stored was overwritten"


def test_a_failed_write_is_reported_to_the_person(tmp_path):
    store = FailingStore(tmp_path / "skill.sqlite3")
    store.fail_writes = True
    talk = Conversation(build_skill(persistence_adapter=store), user_id=USER)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    assert "couldn't save that" in talk.speech
