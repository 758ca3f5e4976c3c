"""The floor for the production configuration: a hello-world skill on the official DynamoDB adapter.

Shaped like Amazon's samples that remember a person on Lambda (Cake Time): at import, a boto3
DynamoDB resource and the SDK's DynamoDbAdapter on an existing table (DYNAMODB_TABLE; boto3 takes
the region and AWS_ENDPOINT_URL_DYNAMODB from the environment). The launch handler reads the
person's attributes to greet them, any intent speaks one sentence, and the stop intent saves the
visit: one read and one write per conversation, the least a skill that remembers people does.
"""

from __future__ import annotations

import os

import boto3
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_dynamodb.adapter import DynamoDbAdapter
from ask_sdk_model import Response

SPEECH = "Hello world!"
WELCOME_BACK = "Hello again!"


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        known = bool(handler_input.attributes_manager.persistent_attributes)
        speech = WELCOME_BACK if known else SPEECH
        return handler_input.response_builder.speak(speech).ask(speech).response


class StopIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.StopIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        manager = handler_input.attributes_manager
        visited = handler_input.request_envelope.request.timestamp
        manager.persistent_attributes = {"last_visit": visited.isoformat()}
        manager.save_persistent_attributes()
        return handler_input.response_builder.speak(SPEECH).set_should_end_session(True).response


class HelloWorldIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak(SPEECH).ask(SPEECH).response


def builder(adapter: DynamoDbAdapter) -> CustomSkillBuilder:
    skill_builder = CustomSkillBuilder(persistence_adapter=adapter)
    skill_builder.add_request_handler(LaunchRequestHandler())
    skill_builder.add_request_handler(StopIntentHandler())
    skill_builder.add_request_handler(HelloWorldIntentHandler())
    return skill_builder


persistence_adapter = DynamoDbAdapter(
    table_name=os.environ["DYNAMODB_TABLE"], create_table=False, dynamodb_resource=boto3.resource("dynamodb")
)
lambda_handler = builder(persistence_adapter).lambda_handler()
