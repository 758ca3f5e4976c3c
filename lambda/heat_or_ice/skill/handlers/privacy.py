"""Privacy by voice: "delete my history" confirms, then removes everything stored about the person."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..dialog import wait_for
from ..state import DialogState, Waiting
from ..turn import Reply, Turn


class ForgetMeHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("ForgetMeIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        wait_for(turn, Waiting.FORGET_CONFIRM)
        return turn.respond(
            Reply(speech=[turn.say("forget.confirm")], reprompt=[turn.say("forget.confirm.reprompt")])
        )


def answer_forget(turn: Turn, confirmed: bool) -> Response:
    """Yes or no to "shall I delete everything?"."""
    turn.session.clear()  # nothing of the old conversation stays behind either
    turn.move_to(DialogState())
    if not confirmed:
        return turn.respond(Reply(speech=[turn.say("forget.kept")], end_session=True))
    turn.forget_everything()
    return turn.respond(Reply(speech=[turn.say("forget.done")], end_session=True))


def privacy_handlers() -> list[AbstractRequestHandler]:
    return [ForgetMeHandler()]
