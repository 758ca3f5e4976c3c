"""The floor the benchmark compares against: a hello-world skill on ask-sdk-core.

Shaped like Amazon's hello-world sample: a CustomSkillBuilder, a LaunchRequest handler and an
intent handler that each speak one sentence (any intent gets the same sentence, so a scripted
conversation of any length can be replayed against it), and the SDK's own lambda handler.
No persistence, no API client: the least a skill on this stack can do per request.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

SPEECH = "Hello world!"


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak(SPEECH).ask(SPEECH).response


class HelloWorldIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak(SPEECH).ask(SPEECH).response


def builder() -> CustomSkillBuilder:
    skill_builder = CustomSkillBuilder()
    skill_builder.add_request_handler(LaunchRequestHandler())
    skill_builder.add_request_handler(HelloWorldIntentHandler())
    return skill_builder


def build_skill() -> CustomSkill:
    return builder().create()


lambda_handler = builder().lambda_handler()
