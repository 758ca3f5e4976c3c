"""Alexa timers for a heat or ice session: the small port the skill uses, and its Alexa adapter.

The skill creates an ANNOUNCE timer ("time to take the ice pack off"), lists and cancels them.
Every failure is a TimerError whose kind says what the skill should tell the user:

| kind                | cause                                                       |
|---------------------|-------------------------------------------------------------|
| PERMISSION_REQUIRED | 401 or 403, or no API access token: ask for the permission  |
| BAD_REQUEST         | 400 (e.g. duplicate label) and other 4xx; refused locally   |
| NOT_FOUND           | 404: the timer is gone (dismissed or cancelled)             |
| BUSY                | 429: too many requests just now; try again in a moment      |
| DEVICE_OFFLINE      | 504                                                         |
| SERVER_ERROR        | 500 and other 5xx, or an answer that cannot be read         |
| TIMEOUT             | no answer within the client's deadline, or no connection    |
| UNCONFIRMED         | create answered 2xx unreadably and the timer was not found: |
|                     | it may be running; the session must be counted all the same |
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_model.services import ServiceException

from heat_or_ice.adapters.api_client import ApiUnreachableError

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.services.timer_management import (
        Status,
        TimerManagementServiceClient,
        TimerRequest,
        TimerResponse,
    )

Result = TypeVar("Result")

MAX_TIMER_DURATION = timedelta(hours=2)  # platform limit, counted from creation
MAX_LABEL_LENGTH = 256


class TimerErrorKind(enum.Enum):
    PERMISSION_REQUIRED = "PERMISSION_REQUIRED"
    BAD_REQUEST = "BAD_REQUEST"
    NOT_FOUND = "NOT_FOUND"
    BUSY = "BUSY"
    DEVICE_OFFLINE = "DEVICE_OFFLINE"
    SERVER_ERROR = "SERVER_ERROR"
    TIMEOUT = "TIMEOUT"
    UNCONFIRMED = "UNCONFIRMED"


class TimerError(Exception):
    """A timer operation failed; `status` is the HTTP status when there was an answer."""

    def __init__(self, kind: TimerErrorKind, message: str, status: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.unreadable = False  # an answer that could not be read: the call may have worked


@dataclass(frozen=True)
class TimerSpec:
    duration: timedelta
    label: str  # unique among the user's active timers; shown on screens
    announce_text: str  # spoken when the timer goes off
    locale: str  # of announce_text, e.g. "en-US"


@dataclass(frozen=True)
class TimerInfo:
    id: str
    label: str | None
    status: Status  # ON, PAUSED or OFF
    trigger_time: datetime | None


class Timers(Protocol):
    def create(self, spec: TimerSpec) -> str:
        """Start a timer and return its id."""

    def list_timers(self) -> list[TimerInfo]:
        """The skill's timers, soonest first."""

    def delete(self, timer_id: str) -> None:
        """Cancel one timer; NOT_FOUND when it is already gone."""

    def delete_all(self) -> None:
        """Cancel every timer this skill created."""


def iso_duration(duration: timedelta) -> str:
    """ISO-8601 duration in whole seconds, e.g. 10 minutes -> "PT10M", 90 s -> "PT1M30S"."""
    total = round(duration.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if value]
    return "PT" + ("".join(parts) or "0S")


def timer_request(spec: TimerSpec) -> TimerRequest:
    """The create-timer body: visible on screens, chimes, then announces `announce_text`.

    Refuses (BAD_REQUEST, no call made) what the platform would refuse anyway.
    """
    if not timedelta(seconds=1) <= spec.duration <= MAX_TIMER_DURATION:
        raise TimerError(TimerErrorKind.BAD_REQUEST, f"Timer duration {spec.duration} is not 1 s to 2 h")
    if len(spec.label) > MAX_LABEL_LENGTH:
        raise TimerError(TimerErrorKind.BAD_REQUEST, f"Timer label is longer than {MAX_LABEL_LENGTH}")
    if not spec.announce_text.strip():
        raise TimerError(TimerErrorKind.BAD_REQUEST, "An announcing timer needs text to announce")
    # The Timers API's model classes load on the first timer, not at cold start.
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

    return TimerRequest(
        duration=iso_duration(spec.duration),
        timer_label=spec.label or None,
        creation_behavior=CreationBehavior(display_experience=DisplayExperience(visibility=Visibility.VISIBLE)),
        triggering_behavior=TriggeringBehavior(
            operation=AnnounceOperation(
                text_to_announce=[TextToAnnounce(locale=spec.locale, text=spec.announce_text)]),
            # The chime keeps ringing until the user says "stop", then Alexa speaks the text.
            notification_config=NotificationConfig(play_audible=True),
        ),
    )


class AlexaTimers:
    """Timers on the Alexa Timers API, through the SDK's TimerManagementServiceClient."""

    def __init__(self, client: TimerManagementServiceClient):
        self._client = client

    @classmethod
    def from_handler_input(cls, handler_input: HandlerInput) -> AlexaTimers:
        """The skill must be built with an api_client (e.g. LazyApiClient), else ValueError.

        Raises TimerError(PERMISSION_REQUIRED) when the request carries no API access token.
        """
        if not handler_input.request_envelope.context.system.api_access_token:
            raise TimerError(TimerErrorKind.PERMISSION_REQUIRED, "The request carries no API access token")
        return cls(handler_input.service_client_factory.get_timer_management_service())

    def create(self, spec: TimerSpec) -> str:
        """The new timer's id. An unreadable success may still have started a timer: it is looked
        up by its label (unique among active timers), and UNCONFIRMED if that fails too."""
        request = timer_request(spec)
        try:
            response: TimerResponse = self._call(lambda: self._client.create_timer(request))
        except TimerError as error:
            if not error.unreadable:
                raise
            found = self._find_by_label(spec.label)
            if found is None:
                raise TimerError(
                    TimerErrorKind.UNCONFIRMED, "The timer may exist but could not be confirmed"
                ) from error
            return found
        if not isinstance(getattr(response, "id", None), str) or not response.id:
            found = self._find_by_label(spec.label)
            if found is None:
                raise TimerError(TimerErrorKind.UNCONFIRMED, "The answer to create carried no timer id")
            return found
        return response.id

    def _find_by_label(self, label: str) -> str | None:
        try:
            return next((timer.id for timer in self.list_timers() if timer.label == label and timer.id), None)
        except TimerError:
            return None

    def list_timers(self) -> list[TimerInfo]:
        response = self._call(self._client.get_timers)
        return [
            TimerInfo(id=timer.id, label=timer.timer_label, status=timer.status,
                      trigger_time=timer.trigger_time)
            for timer in response.timers or []
        ]

    def delete(self, timer_id: str) -> None:
        self._call(lambda: self._client.delete_timer(timer_id))

    def delete_all(self) -> None:
        self._call(self._client.delete_timers)

    @staticmethod
    def _call(operation: Callable[[], Result]) -> Result:
        try:
            return operation()
        except ServiceException as error:
            raise timer_error(error) from error
        except SerializationException as error:
            # A body the SDK could not parse: for a 2xx answer the call itself worked.
            failure = TimerError(TimerErrorKind.SERVER_ERROR, "Unreadable Timers API answer")
            failure.unreadable = True
            raise failure from error


def timer_error(error: ServiceException) -> TimerError:
    """Classify a service client failure by its status, or by the unreachable API behind it."""
    if _caused_by_unreachable_api(error):
        return TimerError(TimerErrorKind.TIMEOUT, str(error))
    status = error.status_code
    message = getattr(error.body, "message", None) or str(error)
    if status in (401, 403):
        kind = TimerErrorKind.PERMISSION_REQUIRED
    elif status == 404:
        kind = TimerErrorKind.NOT_FOUND
    elif status == 429:
        kind = TimerErrorKind.BUSY
    elif status == 504:
        kind = TimerErrorKind.DEVICE_OFFLINE
    elif status is not None and 400 <= status < 500:
        kind = TimerErrorKind.BAD_REQUEST
    else:
        kind = TimerErrorKind.SERVER_ERROR
    return TimerError(kind, message, status)


def _caused_by_unreachable_api(error: BaseException) -> bool:
    # BaseServiceClient turns any ApiClient failure into ServiceException(500) raised inside its
    # except block, so the ApiUnreachableError survives only as the exception's context.
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ApiUnreachableError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
