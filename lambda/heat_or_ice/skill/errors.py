"""The one exception handler: whatever broke, the person hears a calm sentence."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_model import Response

from .speech import Speech
from .ssml import to_ssml

log = logging.getLogger("heat_or_ice.errors")


class SpeakingExceptionHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        import traceback  # only when something broke: it costs cold start otherwise

        # The exception's message may quote what the person said; log its type and where it came from only.
        frames = " <- ".join(
            f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}"
            for frame in reversed(traceback.extract_tb(exception.__traceback__))
        )
        log.error("unhandled %s at %s", type(exception).__name__, frames)
        request = handler_input.request_envelope.request
        speech = Speech(getattr(request, "locale", None))
        builder = ResponseFactory()  # a fresh one: the failed handler may have added directives
        builder.speak(to_ssml([speech.say("error.general")]))
        if handler_input.request_envelope.session is not None:
            builder.ask(to_ssml([speech.say("launch.what_next.reprompt")]))
        else:
            builder.set_should_end_session(True)
        return builder.response
