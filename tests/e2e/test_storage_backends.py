"""One person over three sessions: advice, then "the heat made it worse", then advice again.

Run against the skill as Lambda builds it (DynamoDB, here dynalite) and as `make serve` runs it
(SQLite): what the person hears must be the same, and DynamoDB must hold what was learned.
"""

from __future__ import annotations

import boto3

from tests.e2e.safety_questions import answer_no_to_safety_questions
from tests.support.virtual_alexa import VirtualAlexa


def advice_feedback_and_advice_again(alexa: VirtualAlexa) -> None:
    # Session 1: heat advice for back pain that came on by itself; no session, no stretch.
    alexa.say("my lower back started hurting a few weeks ago")
    answer_no_to_safety_questions(alexa)
    alexa.say("it came on by itself")
    answer_no_to_safety_questions(alexa)
    assert "I'd suggest heat." in alexa.speech
    alexa.say("no thanks")
    alexa.say("no thanks")
    assert alexa.ended

    # Session 2: back later to say how the heat went.
    alexa.say("open heat or ice coach")
    assert "Welcome back to Heat or Ice Coach." in alexa.speech
    alexa.say("the heat made it worse")
    assert "I'm sorry the heat made it worse. I'll remember that" in alexa.speech
    alexa.say("stop")
    assert alexa.ended

    # Session 3: asking again, the skill remembers the episode and what the heat did.
    alexa.say("should I use heat or ice")
    assert "Since the heat pack made it worse" in alexa.speech
    assert "I'd suggest heat." not in alexa.speech
    alexa.say("stop")
    assert alexa.ended


def sessions_of(alexa: VirtualAlexa) -> list[str]:
    return list(dict.fromkeys(turn.request["session"]["sessionId"] for turn in alexa.turns))


def test_dynamodb_keeps_what_was_learned_across_three_sessions(new_alexa, dynamodb_skill_url, dynamodb_table):
    alexa = new_alexa(dynamodb_skill_url)
    advice_feedback_and_advice_again(alexa)
    assert len(sessions_of(alexa)) == 3, "three separate Alexa sessions, one user"

    # What the skill stored, read straight from the table (boto3 points at dynalite).
    item = boto3.resource("dynamodb").Table(dynamodb_table).get_item(Key={"id": alexa.user_id})["Item"]
    stored = item["attributes"]
    assert stored["episode"]["location"] == "LOWER_BACK"
    assert stored["episode"]["cause"] == "NO_CAUSE"
    assert [(o["modality"], o["outcome"]) for o in stored["outcomes"]] == [("HEAT", "WORSE")]


def test_sqlite_and_dynamodb_give_the_same_conversation(new_alexa, skill_url, dynamodb_skill_url):
    on_sqlite, on_dynamodb = new_alexa(skill_url), new_alexa(dynamodb_skill_url)
    advice_feedback_and_advice_again(on_sqlite)
    advice_feedback_and_advice_again(on_dynamodb)
    assert on_sqlite.transcript == on_dynamodb.transcript
