"""A tiny skill for console tests, on plain ask-sdk-core, matching fixture_model.json.

It exercises what the console must play: a welcome with a reprompt, Dialog.ElicitSlot for a missing
or unknown location, Dialog.Delegate for a session without a modality, a card, a long <break>, the
Timers API (401 -> AskFor permission request, then Connections.Response), and goodbye.
"""

from __future__ import annotations

from ask_sdk_core.api_client import DefaultApiClient
from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import get_dialog_state, get_slot, is_intent_name, is_request_type
from ask_sdk_model import DialogState
from ask_sdk_model.dialog import DelegateDirective, ElicitSlotDirective
from ask_sdk_model.interfaces.connections import SendRequestDirective
from ask_sdk_model.services import ServiceException
from ask_sdk_model.services.timer_management import (
    AnnounceOperation,
    CreationBehavior,
    DisplayExperience,
    NotificationConfig,
    TextToAnnounce,
    TimerRequest,
    TriggeringBehavior,
    Visibility,
)
from ask_sdk_model.slu.entityresolution import StatusCode
from ask_sdk_model.ui import SimpleCard

TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
WELCOME = "Welcome to Heat or Ice Coach. Ask me whether to use heat or ice."
ENDED: list[str] = []  # SessionEndedRequest reasons this skill has seen


def resolved_id(handler_input, name):
    slot = get_slot(handler_input, name)
    if slot is None or slot.resolutions is None:
        return None
    authority = slot.resolutions.resolutions_per_authority[0]
    return authority.values[0].value.id if authority.status.code == StatusCode.ER_SUCCESS_MATCH else None


def start_timer(handler_input, modality: str, duration: str):
    """Create the timer, or ask for permission on 401 (Amazon's cookbook pattern)."""
    rb = handler_input.response_builder
    request = TimerRequest(
        duration=duration,
        timer_label=modality.lower(),
        creation_behavior=CreationBehavior(
            display_experience=DisplayExperience(visibility=Visibility.VISIBLE)
        ),
        triggering_behavior=TriggeringBehavior(
            operation=AnnounceOperation(
                text_to_announce=[
                    TextToAnnounce(locale="en-US", text=f"Time to take the {modality.lower()} off.")
                ]
            ),
            notification_config=NotificationConfig(play_audible=True),
        ),
    )
    try:
        handler_input.service_client_factory.get_timer_management_service().create_timer(request)
    except ServiceException as problem:
        if problem.status_code != 401:
            return rb.speak(f"I couldn't set the timer, error {problem.status_code}.").response
        handler_input.attributes_manager.session_attributes["pending"] = {
            "modality": modality,
            "duration": duration,
        }
        payload = {
            "@type": "AskForPermissionsConsentRequest",
            "@version": "1",
            "permissionScope": TIMERS_SCOPE,
        }
        return rb.add_directive(SendRequestDirective(name="AskFor", payload=payload, token="timer")).response
    return (
        rb.speak(f"Starting your {modality.lower()} session. I'll tell you when to stop.")
        .set_should_end_session(True)
        .response
    )


class Launch(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input):
        handler_input.attributes_manager.session_attributes["visits"] = 1
        return (
            handler_input.response_builder.speak(WELCOME)
            .ask("Heat or ice: what would you like to know?")
            .response
        )


class Recommend(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("RecommendIntent")(handler_input)

    def handle(self, handler_input):
        rb = handler_input.response_builder
        location = resolved_id(handler_input, "location")
        if location is None:
            question = "Where does it hurt: lower back, upper back or neck?"
            intent = handler_input.request_envelope.request.intent
            return (
                rb.speak(question)
                .ask(question)
                .add_directive(ElicitSlotDirective(slot_to_elicit="location", updated_intent=intent))
                .response
            )
        attributes = handler_input.attributes_manager.session_attributes
        attributes["offer"] = "HEAT"
        speech = (
            f'For your {location.replace("_", " ").lower()}, use heat. <break time="10s"/> '
            f"Visits so far: {attributes.get('visits', 0)}. Want me to start a heat session?"
        )
        return (
            rb.speak(speech)
            .ask("Shall I start a heat session?")
            .set_card(SimpleCard("Heat or Ice", "Use heat.\nWrap it in a towel."))
            .response
        )


class Yes(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("AMAZON.YesIntent")(handler_input)

    def handle(self, handler_input):
        offer = handler_input.attributes_manager.session_attributes.get("offer")
        if offer is None:
            return handler_input.response_builder.speak("Yes to what?").ask("What would you like?").response
        return start_timer(handler_input, offer, "PT15M")


class StartSession(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("StartSessionIntent")(handler_input)

    def handle(self, handler_input):
        modality = resolved_id(handler_input, "modality")
        if modality is None and get_dialog_state(handler_input) != DialogState.COMPLETED:
            intent = handler_input.request_envelope.request.intent
            return handler_input.response_builder.add_directive(
                DelegateDirective(updated_intent=intent)
            ).response
        duration = getattr(get_slot(handler_input, "duration"), "value", None) or "PT15M"
        return start_timer(handler_input, modality or "HEAT", duration)


class Stretch(AbstractRequestHandler):
    """Delegates first, so the console must answer COMPLETED with the slots it was given."""

    def can_handle(self, handler_input):
        return is_intent_name("StretchIntent")(handler_input)

    def handle(self, handler_input):
        intent = handler_input.request_envelope.request.intent
        if get_dialog_state(handler_input) != DialogState.COMPLETED:
            return handler_input.response_builder.add_directive(
                DelegateDirective(updated_intent=intent)
            ).response
        count = getattr(get_slot(handler_input, "count"), "value", None) or "one"
        return handler_input.response_builder.speak(f"Here come {count} stretches.").ask("Ready?").response


class PermissionAnswer(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("Connections.Response")(handler_input)

    def handle(self, handler_input):
        request = handler_input.request_envelope.request
        pending = handler_input.attributes_manager.session_attributes.get("pending")
        if request.payload.get("status") == "ACCEPTED" and pending:
            return start_timer(handler_input, pending["modality"], pending["duration"])
        return (
            handler_input.response_builder.speak("Okay, no timer then. Goodbye.")
            .set_should_end_session(True)
            .response
        )


class Goodbye(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("AMAZON.StopIntent")(handler_input) or is_intent_name("AMAZON.CancelIntent")(
            handler_input
        )

    def handle(self, handler_input):
        return (
            handler_input.response_builder.speak("Goodbye. Take care of your back.")
            .set_should_end_session(True)
            .response
        )


class SessionEnded(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input):
        ENDED.append(str(handler_input.request_envelope.request.reason.value))
        return handler_input.response_builder.response


class Anything(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True

    def handle(self, handler_input):
        return (
            handler_input.response_builder.speak("Sorry, I didn't get that.").ask("Say that again?").response
        )


class SpeakErrors(AbstractExceptionHandler):
    def can_handle(self, handler_input, exception):
        return True

    def handle(self, handler_input, exception):
        return handler_input.response_builder.speak(f"Fixture error: {exception}").response


def build_skill(skill_id: str | None = None):
    builder = CustomSkillBuilder(api_client=DefaultApiClient())
    builder.skill_id = skill_id
    for handler in (
        Launch(),
        Recommend(),
        Yes(),
        StartSession(),
        Stretch(),
        PermissionAnswer(),
        Goodbye(),
        SessionEnded(),
        Anything(),
    ):
        builder.add_request_handler(handler)
    builder.add_exception_handler(SpeakErrors())
    return builder.create()
