"""A tiny skill built from CustomSkillBuilder, so the web layer is tested on its own.

test_web_real_skill.py serves the real Heat or Ice skill instead.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type

from tests.support.alexa_signing import TEST_SKILL_ID

HELLO_SPEECH = "Hello from the web layer test."
# A handler that fails with a message quoting user data, to prove it never reaches a log.
SECRET_IN_ERROR = "amzn1.ask.account.SECRET-USER-ID"


class _HelloHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):  # noqa: ANN001, ANN201
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input):  # noqa: ANN001, ANN201
        return handler_input.response_builder.speak(HELLO_SPEECH).response


class _BrokenHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):  # noqa: ANN001, ANN201
        return is_intent_name("BreakIntent")(handler_input)

    def handle(self, handler_input):  # noqa: ANN001, ANN201
        raise RuntimeError(f"could not load {SECRET_IN_ERROR}")


def hello_skill(skill_id: str | None = TEST_SKILL_ID) -> CustomSkill:
    builder = CustomSkillBuilder()
    builder.skill_id = skill_id
    builder.add_request_handler(_HelloHandler())
    builder.add_request_handler(_BrokenHandler())
    return builder.create()
