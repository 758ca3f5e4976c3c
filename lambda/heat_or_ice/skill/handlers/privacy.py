"""Privacy by voice: "delete my history" confirms, then removes everything stored about the person."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..dialog import clear_expectation, expect, expecting
from ..turn import Reply, Turn


class ForgetMeHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("ForgetMeIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        expect(turn, "confirm_forget")
        return turn.respond(Reply(speech=[turn.say("forget.confirm")], reprompt=[turn.say("forget.confirm.reprompt")]))


class ForgetMeAnswerHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        answered = is_intent_name("AMAZON.YesIntent")(handler_input) or is_intent_name("AMAZON.NoIntent")(handler_input)
        return answered and bool(expecting(Turn.of(handler_input), "confirm_forget"))

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        turn.session.clear()  # nothing of the old conversation stays behind either
        if is_intent_name("AMAZON.NoIntent")(handler_input):
            clear_expectation(turn)
            return turn.respond(Reply(speech=[turn.say("forget.kept")], end_session=True))
        turn.forget_everything()
        return turn.respond(Reply(speech=[turn.say("forget.done")], end_session=True))


def privacy_handlers() -> list[AbstractRequestHandler]:
    return [ForgetMeHandler(), ForgetMeAnswerHandler()]
