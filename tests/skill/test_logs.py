"""Logs never carry user ids, device ids, tokens, or what the person said about their body."""

from __future__ import annotations

import logging

from tests.skill.screening import answer_questions
from tests.support.conversation import Conversation, Unmatched

SECRET_TOKEN = "secret-api-token-5f0c"


def test_a_whole_conversation_logs_nothing_personal(skill, caplog):
    caplog.set_level(logging.DEBUG)
    talk = Conversation(skill, api_access_token=SECRET_TOKEN, user_id="amzn1.ask.account.private-user")
    talk.launch()
    talk.intent("RecommendIntent", location="LOWER_BACK", symptom="SPASM", otherSymptom="NUMBNESS")
    answer_questions(talk, onset="DAYS", cause="INJURY")
    talk.intent("RecommendIntent", location=Unmatched("left kneecap"))
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    talk.intent("AMAZON.StopIntent")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RecommendIntent" in logged, "requests are logged"
    for private in (talk.device.user_id, talk.device.device_id, SECRET_TOKEN, "SPASM", "NUMBNESS", "spasm",
                    "numbness", "kneecap", "WORSE", "LOWER_BACK", "lower back"):
        assert private not in logged


def test_an_error_is_logged_without_what_the_person_said(skill, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    from heat_or_ice.skill.handlers import advice

    def broken(*_args, **_kwargs):
        raise ValueError("lower back SADDLE_NUMBNESS")  # an exception message quoting the person

    monkeypatch.setattr(advice, "continue_advice", broken)
    talk = Conversation(skill)
    talk.intent("RecommendIntent", location="LOWER_BACK")
    assert "went wrong on my side" in talk.speech and talk.reprompt
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "ValueError" in logged and "SADDLE_NUMBNESS" not in logged and "lower back" not in logged
