"""Logs carry no user id, token or answer, at any log level, from the skill or the libraries under
it: with the root logger at DEBUG (what Lambda's log-level setting does), boto3 and botocore
would log every DynamoDB item (keyed by the user id, holding the answers) and urllib3 every URL."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from heat_or_ice import log_policy
from heat_or_ice.skill.builder import build_skill_from_environment
from tests.support.conversation import Conversation
from tests.support.screened import FRESH_INJURY, seed_screened_episode

REPO_ROOT = Path(__file__).resolve().parents[2]
USER = "amzn1.ask.account.private-8c1f0e"
TOKEN = "secret-api-token-77aa"
PRIVATE = (USER, TOKEN, "LOWER_BACK", "WORSE", "episode")


def test_at_debug_a_dynamodb_conversation_with_a_timer_logs_nothing_personal(
        dynamodb_table, timers_api, caplog):
    caplog.set_level(logging.DEBUG)  # the root logger, as Lambda's DEBUG log level sets it
    skill = build_skill_from_environment()
    timers_api.token = TOKEN
    talk = Conversation(skill, user_id=USER, api_endpoint=timers_api.endpoint, api_access_token=TOKEN)
    seed_screened_episode(skill.persistence_adapter, USER, talk.now, FRESH_INJURY)  # LOWER_BACK is stored
    talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "timer is running" in talk.speech
    talk.wait(minutes=15)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="ICE")

    assert any(record.name.startswith("heat_or_ice") for record in caplog.records), "the skill still logs"
    for record in caplog.records:
        text = f"{record.name} {record.getMessage()}"
        assert not any(private in text for private in PRIVATE), f"{record.name} logged: {text[:300]}"
        assert not log_policy.is_library_record(record) or record.levelno >= logging.WARNING, text[:300]


def test_under_lambdas_debug_setting_the_function_logs_nothing_personal(dynamodb_table, tmp_path):
    # A fresh interpreter: the root logger at DEBUG with a handler before lambda_function is
    # imported, as the Lambda runtime sets it up; then two requests that read and write DynamoDB.
    script = textwrap.dedent(f"""
        import logging, sys
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
        import lambda_function
        from tests.support.conversation import Conversation

        class ThroughLambda(Conversation):
            def _send(self, event, track_session=True):
                import json
                event = json.loads(json.dumps(event))
                self.last = lambda_function.lambda_handler(event, None)
                self.transcript.append(self.speech)
                return self.last

        talk = ThroughLambda(skill=None, user_id={USER!r}, api_access_token={TOKEN!r})
        talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
        talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
        print(talk.speech)
    """)
    environment = {**os.environ,
                   "PYTHONPATH": os.pathsep.join([str(REPO_ROOT / "lambda"), str(REPO_ROOT / "hosting"),
                                                  str(REPO_ROOT)]),
                   "LOG_LEVEL": "DEBUG"}
    result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "made it worse" in result.stdout
    assert "heat_or_ice" in result.stderr, "the skill's own DEBUG lines are there"
    for private in PRIVATE:
        assert private not in result.stderr, f"{private!r} in the log"
    assert "botocore" not in result.stderr and "urllib3" not in result.stderr


def test_serve_honours_log_level(tmp_path):
    script = textwrap.dedent("""
        import logging, os
        from heat_or_ice_web.serve import configure_logging
        configure_logging(os.environ)
        print(logging.getLogger("heat_or_ice").getEffectiveLevel(), logging.getLogger().level,
              logging.getLogger("botocore").getEffectiveLevel())
    """)
    for level, expected in (("DEBUG", logging.DEBUG), ("WARNING", logging.WARNING),
                            ("nonsense", logging.INFO), ("", logging.INFO)):
        environment = {**os.environ,
                       "PYTHONPATH": os.pathsep.join([str(REPO_ROOT / "lambda"), str(REPO_ROOT / "hosting")]),
                       "LOG_LEVEL": level}
        result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True,
                                text=True, timeout=60, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == [str(expected), str(expected), str(logging.WARNING)], (
            level,
            result.stdout,
        )
