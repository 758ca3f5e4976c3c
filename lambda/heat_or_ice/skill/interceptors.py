"""Work done around every handler: a redacted request log, and saving what the turn learned.

Logs carry the request type, intent and slot *names*, never user or device ids, tokens, or
what the person said about their body. A profile that could not be saved is reported to the
person in the same response, so nothing is silently dropped.

A save finding that another device wrote first (VersionConflict) is let through, so the whole
request is decided again on the fresh record (see attempts); on the request's last attempt it
is reported like any failed save.
"""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor, AbstractResponseInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import IntentRequest, Response
from ask_sdk_model.ui import SsmlOutputSpeech

from ..adapters import VersionConflict
from . import attempts
from .ssml import to_ssml
from .turn import Turn

log = logging.getLogger("heat_or_ice.requests")


def describe_request(handler_input: HandlerInput) -> str:
    """A log line with nothing personal in it."""
    request = handler_input.request_envelope.request
    kind = getattr(request, "object_type", None) or type(request).__name__
    if isinstance(request, IntentRequest) and request.intent is not None:
        filled = sorted(
            name for name, slot in (request.intent.slots or {}).items() if getattr(slot, "value", None)
        )
        return f"{kind} {request.intent.name} slots={filled}"
    return str(kind)


class RequestLogInterceptor(AbstractRequestInterceptor):
    def process(self, handler_input: HandlerInput) -> None:
        if log.isEnabledFor(logging.INFO):
            log.info("request %s", describe_request(handler_input))


def add_to_speech(response: Response, sentence: str) -> None:
    speech = response.output_speech
    if (isinstance(speech, SsmlOutputSpeech) and isinstance(speech.ssml, str)
            and speech.ssml.endswith("</speak>")):
        speech.ssml = speech.ssml[: -len("</speak>")] + " " + to_ssml([sentence]) + "</speak>"


class SaveProfileInterceptor(AbstractResponseInterceptor):
    """Saves (or deletes) the profile once per request, after the handler decided everything."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        turn = Turn.existing(handler_input)
        if turn is None or response is None:
            return
        if turn.forget_requested:
            _delete_profile(handler_input, response, turn)
            return
        if turn.storage_unavailable:
            wants_saving = turn.profile_changed or turn.episode_unsaved
            if wants_saving and not turn.session.get("told_storage_unavailable"):
                turn.session["told_storage_unavailable"] = True
                add_to_speech(response, turn.say("storage.unavailable"))
            return
        ends_session = response.should_end_session is True
        if not (turn.profile_changed or (turn.episode_unsaved and ends_session)):
            return
        manager = handler_input.attributes_manager
        try:
            manager.persistent_attributes = turn.profile.to_attributes(turn.now)
            manager.save_persistent_attributes()
        except VersionConflict:
            if not attempts.current().last:
                raise  # decided again on what the other device wrote
            log.warning("profile could not be saved: the record kept changing")
            add_to_speech(response, turn.say("storage.save_failed"))
        except Exception as error:  # the store's own retries are spent: tell the person
            log.warning("profile could not be saved: %s", type(error).__name__)
            add_to_speech(response, turn.say("storage.save_failed"))


def _delete_profile(handler_input: HandlerInput, response: Response, turn: Turn) -> None:
    try:
        handler_input.attributes_manager.delete_persistent_attributes()
    except Exception as error:  # said out loud: the person believes it is gone otherwise
        log.warning("profile could not be deleted: %s", type(error).__name__)
        speech = response.output_speech
        if isinstance(speech, SsmlOutputSpeech):
            speech.ssml = f"<speak>{to_ssml([turn.say('forget.failed')])}</speak>"
