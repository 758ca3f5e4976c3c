"""One request's working context: the clock, the words, the remembered profile and the reply.

A `Turn` is created by the request interceptor and found by handlers with `Turn.of(handler_input)`.
The skill's "now" is the request's timestamp, never the server clock, so conversations can be
replayed at any time. The profile is loaded lazily, once; if the store is down the turn
carries on with an empty profile that is never saved over what is stored.

A conversation keeps its answers in the session too. If the person had everything deleted
(from another device) since this conversation last read the record, those answers go as well:
the session remembers the record's erasure count it saw (only once there has been an erasure).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import Card, SimpleCard

from ..adapters import VERSION
from ..core import Answers
from . import state as dialog_state
from .profile import Profile
from .speech import Speech
from .ssml import Segment, plain_text, to_ssml

log = logging.getLogger(__name__)
_TURN_KEY = "turn"
SESSIONS_KEY = "sessions"
_EPISODE_KEY = "episode"  # the episode's answers, kept in the session as well as the store
_ERASURES_KEY = "erasures"  # the record's erasure count this conversation last saw


@dataclass
class Reply:
    """What the skill is about to say and do."""

    speech: list[Segment] = field(default_factory=list)
    reprompt: list[Segment] | None = None
    card: tuple[str, str] | Card | None = None  # (title, text) for a simple card, or any card
    directives: list[Any] = field(default_factory=list)
    end_session: bool | None = None


class Turn:
    def __init__(self, handler_input: HandlerInput):
        envelope = handler_input.request_envelope
        self.handler_input = handler_input
        self.request = envelope.request
        self.speech = Speech(getattr(self.request, "locale", None))
        self.now = _request_time(self.request)
        try:
            self.session: dict[str, Any] = handler_input.attributes_manager.session_attributes
        except AttributesManagerException:  # a request outside any session: nothing to carry over
            self.session = {}
        if not isinstance(self.session, dict):
            self.session = {}
            handler_input.attributes_manager.session_attributes = self.session
        self._profile: Profile | None = None
        self.profile_changed = False
        self.episode_unsaved = False  # answers held in the session, to be saved when it ends
        self.forget_requested = False
        self.storage_unavailable = False
        self._state: dialog_state.DialogState | None = None

    # What the skill is waiting for ------------------------------------------------------
    @property
    def state(self) -> dialog_state.DialogState:
        if self._state is None:
            self._state = dialog_state.read(self.session)
        return self._state

    def move_to(self, new_state: dialog_state.DialogState) -> None:
        self._state = new_state

    @property
    def sessions(self) -> Any:
        """The skill's timed-session capability (`timed_sessions.SessionCapability`)."""
        return self.handler_input.attributes_manager.request_attributes[SESSIONS_KEY]

    @classmethod
    def of(cls, handler_input: HandlerInput) -> Turn:
        attributes = handler_input.attributes_manager.request_attributes
        turn = attributes.get(_TURN_KEY)
        if turn is None:
            turn = attributes[_TURN_KEY] = cls(handler_input)
        return turn

    @classmethod
    def existing(cls, handler_input: HandlerInput) -> Turn | None:
        return handler_input.attributes_manager.request_attributes.get(_TURN_KEY)

    # The remembered profile -------------------------------------------------------------
    @property
    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = self._load_profile()
        return self._profile

    def _load_profile(self) -> Profile:
        manager = self.handler_input.attributes_manager
        try:
            stored = manager.persistent_attributes
        except Exception as error:  # any store failure: carry on, but never overwrite what is stored
            log.warning("profile could not be read: %s", type(error).__name__)
            self.storage_unavailable = True
            stored = {}
        profile = Profile.from_attributes(stored, self.now)
        if not self.storage_unavailable:
            seen = self.session.get(_ERASURES_KEY, 0)
            if not isinstance(seen, int) or seen < profile.erasures:
                self.session.pop(_EPISODE_KEY, None)  # deleted elsewhere since: it goes too
            if profile.erasures:
                self.session[_ERASURES_KEY] = profile.erasures
        # This conversation's answers, even if the store lost or never got them.
        episode = self.session.get(_EPISODE_KEY)
        if isinstance(episode, dict):
            profile.episode, profile.episode_updated_at = episode, self.now
        return profile

    def save_now(self) -> None:
        """Writes the profile at once, over the version it was read at (a session is reserved
        this way before its timer exists). Raises VersionConflict when another device wrote
        first and PersistenceError when the store fails; the response interceptor then saves
        only what changes after this."""
        attributes = self.profile.to_attributes(self.now)
        manager = self.handler_input.attributes_manager
        manager.persistent_attributes = attributes
        manager.save_persistent_attributes()
        self.profile.version = attributes.get(VERSION)
        self.profile_changed = self.episode_unsaved = False

    def remember_answers(self, answers: Answers, *, save_now: bool) -> None:
        """Keeps the answers in the session at once; in the store when `save_now`, or when the
        session ends (see SaveProfileInterceptor), so a question turn costs no write."""
        self.profile.remember_answers(answers, self.now)
        self.session[_EPISODE_KEY] = self.profile.episode
        if save_now:
            self.changed()
        else:
            self.episode_unsaved = True

    def forget_episode(self) -> None:
        self.profile.forget_episode()
        self.session.pop(_EPISODE_KEY, None)
        self.changed()

    def changed(self) -> None:
        """Marks the profile to be saved when the response is sent."""
        self.profile_changed = True

    def forget_everything(self) -> None:
        """Deletes the whole stored record when the response is sent."""
        self._profile = Profile()
        self.forget_requested = True

    # Words ------------------------------------------------------------------------------
    def say(self, key: str, **params: object) -> str:
        return self.speech.say(key, **params)

    def minutes(self, count: int) -> str:
        return self.say("minutes.one") if count == 1 else self.say("minutes.many", count=count)

    # The reply --------------------------------------------------------------------------
    def respond(self, reply: Reply) -> Response:
        builder = self.handler_input.response_builder
        speech_ssml = to_ssml(reply.speech)
        builder.speak(speech_ssml)
        reprompt_ssml = None
        if reply.reprompt:
            reprompt_ssml = to_ssml(reply.reprompt)
            builder.ask(reprompt_ssml)
        if isinstance(reply.card, tuple):
            builder.set_card(SimpleCard(title=reply.card[0], content=reply.card[1]))
        elif reply.card is not None:
            builder.set_card(reply.card)
        for directive in reply.directives:
            builder.add_directive(directive)
        if reply.end_session is not None:
            builder.set_should_end_session(reply.end_session)
        elif not reply.reprompt and not reply.directives:
            builder.set_should_end_session(True)
        dialog_state.write(self.session, self.state)
        if reply.speech:
            # Plain words only: "repeat" renders them again, so session data never becomes markup.
            self.session["last_said"] = {"speech": plain_text(reply.speech)}
            if reply.reprompt:
                self.session["last_said"]["reprompt"] = plain_text(reply.reprompt)
        return builder.response


def minutes_left(delta: timedelta) -> int:
    """A running session's time left, to the nearest minute: a device's trigger time carries
    milliseconds that request timestamps don't, so rounding up would say 11 of a 10-minute timer."""
    return max(1, round(delta.total_seconds() / 60))


def minutes_to_wait(delta: timedelta) -> int:
    """A wait, rounded up: starting a minute early would still be refused."""
    return max(1, math.ceil(delta.total_seconds() / 60))


def _request_time(request: Any) -> datetime:
    moment = getattr(request, "timestamp", None)
    if isinstance(moment, datetime):
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    # A request without a timestamp is malformed; answer it all the same, on the server clock.
    return datetime.now(UTC)
