"""Timed heat and ice sessions on Alexa timers, under the core's rest-gap and cap rules.

Starting a session is a flow that returns a typed outcome and says nothing (`decide_start`);
one function (`render`) turns any outcome into words. The flow, in order:
1. no timed session while the history of sessions cannot be read: the rest gap cannot be
   checked (8.7);
2. screening before anything physical (8.6): while the core's `screening_needed` has a question,
   the advice dialog asks it, remembering that a session was asked for (Goal.SESSION);
3. the plan (rest gap, daily caps, what is safe) from the core; then, once per episode, the
   question about the skin where the pack will go (`pack_question`, state SKIN_CHECK);
4. the session is reserved: written to the record, as a self-timed session, with a conditional
   save, BEFORE any timer exists. Of two devices starting at once only one reservation lands;
   the other request is decided again (attempts) and hears about the rest gap;
5. the timer is created and its id written to the reserved session. If the timer cannot be set
   the session stays recorded as one the person times themselves (8.7: the rest gap and caps
   count it); only "busy, try again in a moment" and a permission request take it back, because
   then no session starts now;
6. what an earlier attempt of the same request already did (its reservation, the timer it
   created) is picked up again, never repeated: one request never creates two timers.
Permission to set timers is asked by voice once per visit; the plan travels in the request
token so the answer can resume it.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.interfaces.connections import SendRequestDirective
from ask_sdk_model.ui import AskForPermissionsConsentCard

from ..adapters import (
    AlexaTimers,
    PersistenceError,
    TimerError,
    TimerErrorKind,
    Timers,
    TimerSpec,
    VersionConflict,
)
from ..core import (
    Caution,
    Modality,
    Purpose,
    Question,
    QuestionId,
    RefusalReason,
    SessionPlan,
    SessionRefusal,
    advise,
    apply_reply,
    chosen_for_them,
    pack_question,
    rest_gap_remaining,
    screening_needed,
)
from ..core import Reply as Answer
from . import attempts
from .dialog import ask, clear_expectation, question_words, session_plan_for, wait_for
from .handlers.followup import ask_feedback, offer_stretch_or_close
from .outcomes import OfferSession
from .profile import StoredSession
from .rendering import show
from .ssml import Segment, plain_text
from .state import DialogState, Goal, Waiting
from .turn import Reply, Turn, minutes_left, minutes_to_wait

log = logging.getLogger(__name__)
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
TimersFactory = Callable[[HandlerInput], Timers]


# -- What a request to start a session came to (no words here) ---------------------------------
@dataclass(frozen=True)
class AskWhich:
    """Heat or ice? Nothing was advised yet and nothing was said."""

    minutes: int | None


@dataclass(frozen=True)
class NeedsScreening:
    """A safety question must be answered before any session (8.6)."""

    question: Question
    modality: Modality | None
    minutes: int | None


@dataclass(frozen=True)
class SkinCheck:
    """The question about the skin where the pack will go (8.6), once per episode."""

    question: Question
    modality: Modality
    minutes: int | None


@dataclass(frozen=True)
class SessionStarted:
    plan: SessionPlan


@dataclass(frozen=True)
class TimeItYourself:
    """Recorded as self-timed: no timer could be set (`why`), or the person declined (None)."""

    plan: SessionPlan
    why: TimerErrorKind | None
    consent_card: bool = False


@dataclass(frozen=True)
class NeedsPermission:
    plan: SessionPlan


@dataclass(frozen=True)
class TimersBusy:
    """The Timers API asked us to slow down (429): nothing started, try again in a moment."""

    plan: SessionPlan


@dataclass(frozen=True)
class RestGap:
    modality: Modality
    wait_minutes: int


@dataclass(frozen=True)
class DailyCap:
    modality: Modality
    wait_minutes: int | None


@dataclass(frozen=True)
class NotSafe:
    modality: Modality
    alternative: Modality | None
    red_flag: bool = False
    skin: bool = False  # D4: the skin where the pack would go may not feel it


@dataclass(frozen=True)
class HistoryUnavailable:
    """The record of past sessions could not be read, or the new one could not be written."""


@dataclass(frozen=True)
class RecordBusy:
    """Another device kept changing the record on every attempt: nothing started."""


StartOutcome = (
    AskWhich | NeedsScreening | SkinCheck | SessionStarted | TimeItYourself | NeedsPermission | TimersBusy
    | RestGap | DailyCap | NotSafe | HistoryUnavailable | RecordBusy
)


@dataclass(frozen=True)
class _TimerResult:
    """What creating the timer did, kept across attempts of one request."""

    plan: SessionPlan
    timer_id: str | None = None
    failure: TimerErrorKind | None = None


_RESERVATION = "session.reservation"  # keys of attempts.Attempt.done
_TIMER = "session.timer"


def _timer_label(turn: Turn, kind: str, number: int | None = None) -> str:
    """A label a screen can show ("ice pack 3"). Labels must be unique among active timers; the
    number counts this week's sessions, so an older timer with the same label is long gone."""
    return turn.say(f"timer_label.{kind}", number=number or len(turn.profile.sessions) + 1)


class SessionCapability:
    """Holds how to reach timers, so tests and the console can point it elsewhere."""

    def __init__(self, timers_for: TimersFactory = AlexaTimers.from_handler_input):
        self.timers_for = timers_for

    # -- entry points ---------------------------------------------------------------------------
    def start(self, turn: Turn, modality: Modality | None, minutes: int | None,
              intro: list[Segment]) -> Response:
        return render(turn, self.decide_start(turn, modality, minutes), intro)

    def start_their_pick(self, turn: Turn, minutes: int | None) -> Response:
        """"You pick", or a "yes" to "heat or ice?": the usual choice for them, said, then the session."""
        modality = chosen_for_them(advise(turn.profile.answers())) if turn.profile.episode else None
        if modality is None:
            return self.start(turn, None, minutes, [])
        picked = turn.say("session.picked", modality=_name(turn, modality))
        return render(turn, self.decide_start(turn, modality, minutes), [picked], pack_named=True)

    def skin_answer(self, turn: Turn, state: DialogState, reply: Answer) -> Response:
        """The answer to "does the skin where the pack will go feel normal?", then the session."""
        answers = apply_reply(turn.profile.answers(), state.question or QuestionId.SKIN_FEELS_NORMAL, reply)
        turn.remember_answers(answers, save_now=True)
        return self.start(turn, state.modality, state.minutes, [])

    def after_permission(self, turn: Turn, plan: SessionPlan, *, accepted: bool,
                         consent_card: bool) -> Response:
        """Alexa's answer to the voice permission request: the timer now, or the person times it."""
        outcome = self._reserve_and_time(turn, plan, declined=not accepted, consent_card=consent_card)
        intro = [turn.say("session.permission_thanks")] if accepted else []
        return render(turn, outcome, intro)

    # -- the flow -------------------------------------------------------------------------------
    def decide_start(self, turn: Turn, modality: Modality | None, minutes: int | None) -> StartOutcome:
        profile = turn.profile  # read first: whether the history is readable is known after
        if turn.storage_unavailable:
            return HistoryUnavailable()
        done = attempts.current().done
        mine = profile.reserved_by(done.get(_RESERVATION, ""))
        earlier: _TimerResult | None = done.get(_TIMER)
        if mine is not None:
            if earlier is not None:
                # an earlier attempt reserved; only its last write was lost
                return self._finish(turn, mine, earlier)
            profile.sessions.remove(mine)  # reserved by an attempt that never reached the timer: start over
        answers = profile.answers()
        screening = screening_needed(answers, Purpose.SESSION)
        if screening is not None:
            return self._without_timer(turn, NeedsScreening(screening, modality, minutes))
        advice = advise(answers)
        modality = modality or advice.offer
        if modality is None:
            return self._without_timer(turn, AskWhich(minutes))
        plan = session_plan_for(turn, modality, advice, answers, minutes)
        if isinstance(plan, SessionRefusal):
            return self._without_timer(turn, _refusal(plan, skin=advice.reason == "D4"))
        skin = pack_question(answers, modality)
        if skin is not None:
            return self._without_timer(turn, SkinCheck(skin, modality, minutes))
        return self._reserve_and_time(turn, plan)

    def _reserve_and_time(
        self, turn: Turn, plan: SessionPlan, *, declined: bool = False, consent_card: bool = False
    ) -> StartOutcome:
        profile = turn.profile
        if turn.storage_unavailable:
            return HistoryUnavailable()
        done = attempts.current().done
        timers: Timers | None = None
        no_timer: _TimerResult | None = _TimerResult(plan) if declined else None
        if not declined and done.get(_TIMER) is None:
            try:
                timers = self.timers_for(turn.handler_input)
            except TimerError as error:  # no API token: the permission comes before anything else
                if error.kind is TimerErrorKind.PERMISSION_REQUIRED and not turn.state.permission_asked:
                    return self._without_timer(turn, NeedsPermission(plan))
                no_timer = _TimerResult(plan, failure=error.kind)
        session = StoredSession(
            plan.modality, turn.now, turn.now + timedelta(minutes=plan.minutes),
            self_timed=True, reservation=done.setdefault(_RESERVATION, uuid.uuid4().hex[:16]),
        )
        profile.sessions.append(session)
        try:
            turn.save_now()
        except VersionConflict:
            profile.sessions.remove(session)
            if not attempts.current().last:
                raise  # another device wrote first: decided again on what it wrote
            return self._without_timer(turn, RecordBusy())
        except PersistenceError as error:
            profile.sessions.remove(session)
            log.warning("a session could not be reserved: %s", type(error).__name__)
            return self._without_timer(turn, HistoryUnavailable())
        earlier: _TimerResult | None = done.get(_TIMER)
        if no_timer is not None:
            self._release_unused_timer(turn)
            result = no_timer
        elif (earlier is not None
              and (earlier.plan.modality, earlier.plan.minutes) == (plan.modality, plan.minutes)):
            result = earlier  # created by an earlier attempt of this request: never twice
        else:
            self._release_unused_timer(turn)
            result = self._create_timer(turn, plan, timers or self.timers_for(turn.handler_input))
        done[_TIMER] = result
        return self._finish(turn, session, result, consent_card=consent_card)

    def _create_timer(self, turn: Turn, plan: SessionPlan, timers: Timers) -> _TimerResult:
        spec = TimerSpec(
            duration=timedelta(minutes=plan.minutes),
            # reserved: counted
            label=_timer_label(turn, plan.modality.value, number=len(turn.profile.sessions)),
            announce_text=turn.say(f"announce.end.{plan.modality.value}"),
            locale=turn.speech.locale,
        )
        try:
            return _TimerResult(plan, timer_id=timers.create(spec))
        except TimerError as error:
            return _TimerResult(plan, failure=error.kind)

    def _finish(self, turn: Turn, session: StoredSession, result: _TimerResult, *,
                consent_card: bool = False) -> StartOutcome:
        """The reserved session, given what creating its timer did."""
        plan = result.plan
        if result.timer_id is not None:
            session.timer_id, session.self_timed = result.timer_id, False
            turn.changed()
            return SessionStarted(plan)
        busy = result.failure is TimerErrorKind.BUSY
        ask = result.failure is TimerErrorKind.PERMISSION_REQUIRED and not turn.state.permission_asked
        if busy or ask:  # nothing starts now: the reservation goes
            turn.profile.sessions.remove(session)
            turn.changed()
            return TimersBusy(plan) if busy else NeedsPermission(plan)
        return TimeItYourself(plan, result.failure, consent_card)  # recorded, self-timed, as reserved

    def _without_timer(self, turn: Turn, outcome: StartOutcome) -> StartOutcome:
        self._release_unused_timer(turn)
        return outcome

    def _release_unused_timer(self, turn: Turn) -> None:
        """A timer an earlier attempt created for a session this attempt will not record (the
        record was erased, or the decision changed): cancelled, so no timer runs unrecorded."""
        done = attempts.current().done
        earlier: _TimerResult | None = done.pop(_TIMER, None)
        if earlier is None or earlier.timer_id is None:
            return
        try:
            self.timers_for(turn.handler_input).delete(earlier.timer_id)
        except TimerError as error:
            if error.kind is not TimerErrorKind.NOT_FOUND:
                log.warning("an unused timer could not be cancelled: %s", error.kind.value)

    # -- other session intents ------------------------------------------------------------------
    def status(self, turn: Turn, modality: Modality | None) -> Response:
        profile = turn.profile
        running = profile.running_session(turn.now)
        if running is not None:
            left = self._time_left_on_device(turn, running)
            if left is None:
                running.ends_at, running.ended_early = turn.now, True
                turn.changed()
                words = turn.say("status.timer_gone", modality=turn.say(f"modality.{running.modality.value}"))
            else:
                words = turn.say(
                    "status.running",
                    modality=turn.say(f"modality.{running.modality.value}"),
                    minutes=turn.minutes(minutes_left(left)),
                )
            return turn.respond(Reply(speech=[words], end_session=True))
        # "How long should I keep it on?" while a session is offered: "it" is the pack offered.
        offering = turn.state.waiting in (Waiting.SESSION_OFFER, Waiting.SKIN_CHECK)
        modality = modality or (turn.state.modality if offering else None)
        wanted = modality or (profile.latest_session().modality if profile.latest_session() else None)
        if wanted is not None:
            answers = profile.answers()
            advice = advise(answers) if profile.episode is not None else None
            plan = session_plan_for(turn, wanted, advice, answers)
            if isinstance(plan, SessionRefusal) and plan.wait_minutes:
                key = "status.resting" if plan.reason is RefusalReason.REST_GAP else "status.capped"
                words = turn.say(
                    key,
                    minutes=turn.minutes(plan.wait_minutes),
                    modality=turn.say(f"modality.{wanted.value}"),
                    hours=max(1, round(plan.wait_minutes / 60)),
                )
                return turn.respond(Reply(speech=[words], end_session=True))
            if modality is not None and isinstance(plan, SessionPlan):
                # "How long should I leave the ice on?": how long, and the offer to time it.
                how_long = turn.say("status.how_long", modality=_name(turn, wanted),
                                    minutes=turn.minutes(plan.minutes))
                return show(turn, OfferSession(wanted, plan.minutes), [how_long])
        gap = rest_gap_remaining(profile.history(), turn.now)
        if gap.total_seconds() > 0:
            return turn.respond(
                Reply(
                    speech=[turn.say("status.resting_any", minutes=turn.minutes(minutes_to_wait(gap)))],
                    end_session=True,
                )
            )
        return offer_stretch_or_close(turn, [turn.say("status.ready")])

    def _time_left_on_device(self, turn: Turn, session: StoredSession) -> timedelta | None:
        """Time left by the device's timer; None if the person already stopped it there."""
        planned = session.ends_at - turn.now
        if not session.timer_id:
            return planned
        try:
            timers = self.timers_for(turn.handler_input).list_timers()
        except TimerError:
            return planned  # can't ask the device: the plan is the best answer
        mine = next((t for t in timers if t.id == session.timer_id), None)
        if mine is None:
            return None
        device_left = mine.trigger_time - turn.now if mine.trigger_time is not None else None
        # Trust the device's clock only within the session's own length; a skewed clock says nonsense.
        if device_left is not None and timedelta(0) <= device_left <= session.ends_at - session.started_at:
            return device_left
        return planned

    def cancel(self, turn: Turn) -> Response:
        running = turn.profile.running_session(turn.now)
        if running is None:
            clear_expectation(turn)
            return offer_stretch_or_close(turn, [turn.say("cancel.none")])
        speech: list[Segment] = []
        if running.timer_id:
            try:
                self.timers_for(turn.handler_input).delete(running.timer_id)
            except TimerError as error:
                if error.kind is not TimerErrorKind.NOT_FOUND:
                    speech.append(turn.say("cancel.timer_still_on"))
        running.ends_at, running.ended_early = turn.now, True
        turn.changed()
        speech.insert(0, turn.say("cancel.done", modality=turn.say(f"modality.{running.modality.value}")))
        return ask_feedback(turn, running, speech)

    def rest_timer(self, turn: Turn, minutes: int) -> Response:
        spec = TimerSpec(
            duration=timedelta(minutes=minutes),
            label=_timer_label(turn, "REST"),
            announce_text=turn.say("announce.rest_over"),
            locale=turn.speech.locale,
        )
        clear_expectation(turn)
        try:
            self.timers_for(turn.handler_input).create(spec)
        except TimerError as error:
            key = "session.timers_busy" if error.kind is TimerErrorKind.BUSY else "session.rest_timer_failed"
            return turn.respond(
                Reply(speech=[turn.say(key, minutes=turn.minutes(minutes))], end_session=True)
            )
        return turn.respond(
            Reply(
                speech=[turn.say("session.rest_timer_set", minutes=turn.minutes(minutes))], end_session=True
            )
        )


def _refusal(refusal: SessionRefusal, *, skin: bool = False) -> StartOutcome:
    if refusal.reason is RefusalReason.REST_GAP and refusal.wait_minutes:
        return RestGap(refusal.modality, refusal.wait_minutes)
    if refusal.reason is RefusalReason.DAILY_CAP:
        return DailyCap(refusal.modality, refusal.wait_minutes)
    return NotSafe(
        refusal.modality, refusal.alternative, red_flag=refusal.reason is RefusalReason.RED_FLAG, skin=skin
    )


# -- Words: every outcome, in one place -----------------------------------------------------------
def render(turn: Turn, outcome: StartOutcome, intro: list[Segment], *, pack_named: bool = False) -> Response:
    """`pack_named`: the intro already says which pack ("Let's go with heat, then.")."""
    if isinstance(outcome, NeedsScreening):
        # The advice dialog asks; the goal tells it a session was asked for.
        turn.move_to(turn.state.with_(goal=Goal.SESSION, modality=outcome.modality, minutes=outcome.minutes))
        return ask(turn, outcome.question, [*intro, turn.say("session.screen_first")])
    if isinstance(outcome, SkinCheck):
        wait_for(turn, Waiting.SKIN_CHECK, question=outcome.question.id, modality=outcome.modality,
                 minutes=outcome.minutes)
        words, reprompt = question_words(turn, outcome.question.id)
        chosen = [] if pack_named else [turn.say("session.chosen", modality=_name(turn, outcome.modality))]
        return turn.respond(Reply(speech=[*intro, *chosen, words], reprompt=[reprompt]))
    if isinstance(outcome, AskWhich):
        wait_for(turn, Waiting.SESSION_MODALITY, minutes=outcome.minutes)
        return turn.respond(
            Reply(speech=[*intro, turn.say("session.which")], reprompt=[turn.say("session.which.reprompt")])
        )
    if isinstance(outcome, SessionStarted):
        plan = outcome.plan
        speech = [*intro, *_cautions(turn, plan.modality), *_adjusted(turn, plan),
                  turn.say("session.started", minutes=plan.minutes, modality=_name(turn, plan.modality))]
        clear_expectation(turn)
        return turn.respond(Reply(speech=speech, card=_card(turn, plan.modality), end_session=True))
    if isinstance(outcome, TimeItYourself):
        plan = outcome.plan
        if outcome.why is None:
            # "No" to the timers permission: the "no problem" belongs to their answer, so it comes first.
            key, ack = "session.self_timed", [turn.say("no_problem")]
        else:
            key, ack = f"session.timer_failed.{outcome.why.value}", []
            key = key if turn.speech.has(key) else "session.timer_failed.SERVER_ERROR"
        speech = [*intro, *ack, *_cautions(turn, plan.modality), *_adjusted(turn, plan),
                  turn.say(key, minutes=plan.minutes, modality=_name(turn, plan.modality))]
        card = (
            AskForPermissionsConsentCard(permissions=[TIMERS_SCOPE])
            if outcome.consent_card
            else _card(turn, plan.modality)
        )
        clear_expectation(turn)
        return turn.respond(Reply(speech=speech, card=card, end_session=True))
    if isinstance(outcome, NeedsPermission):
        plan = outcome.plan
        turn.move_to(turn.state.with_(permission_asked=True))
        token = json.dumps({"modality": plan.modality.value, "minutes": plan.minutes})
        payload = {
            "@type": "AskForPermissionsConsentRequest",
            "@version": "1",
            "permissionScope": TIMERS_SCOPE,
        }
        directive = SendRequestDirective(name="AskFor", payload=payload, token=token)
        return turn.respond(
            Reply(speech=[*intro, turn.say("session.permission_needed")], directives=[directive])
        )
    if isinstance(outcome, TimersBusy):
        clear_expectation(turn)
        return turn.respond(Reply(speech=[*intro, turn.say("session.timers_busy")], end_session=True))
    if isinstance(outcome, RestGap):
        wait_for(turn, Waiting.REST_TIMER_OFFER, minutes=outcome.wait_minutes)
        words = turn.say("session.refused.rest_gap", minutes=turn.minutes(outcome.wait_minutes))
        return turn.respond(
            Reply(speech=[*intro, words], reprompt=[turn.say("session.offer_rest_timer.reprompt")])
        )
    if isinstance(outcome, DailyCap):
        hours = max(1, round((outcome.wait_minutes or 60) / 60))
        words = turn.say("session.refused.daily_cap", modality=_name(turn, outcome.modality), hours=hours)
        return offer_stretch_or_close(turn, [*intro, words])
    if isinstance(outcome, NotSafe):
        if outcome.alternative is not None and not outcome.red_flag:
            wait_for(turn, Waiting.SESSION_OFFER, modality=outcome.alternative)
            words = turn.say("session.refused.not_safe", modality=_name(turn, outcome.modality),
                             alternative=_name(turn, outcome.alternative))
            return turn.respond(Reply(speech=[*intro, words], reprompt=[turn.say("help.offer")]))
        clear_expectation(turn)
        if outcome.red_flag:
            key = "session.refused.red_flag"
        else:
            key = "reason.D4" if outcome.skin else "session.refused.not_safe_at_all"
        return turn.respond(Reply(speech=[*intro, turn.say(key)], end_session=True))
    if isinstance(outcome, HistoryUnavailable):
        clear_expectation(turn)
        return turn.respond(Reply(speech=[*intro, turn.say("session.history_unavailable")], end_session=True))
    clear_expectation(turn)
    return turn.respond(Reply(speech=[*intro, turn.say("storage.busy")], end_session=True))


def _name(turn: Turn, modality: Modality) -> str:
    return turn.say(f"modality.{modality.value}")


def _adjusted(turn: Turn, plan: SessionPlan) -> list[Segment]:
    if not plan.adjusted or plan.requested_minutes is None:
        return []
    key = "session.shortened" if plan.requested_minutes > plan.minutes else "session.lengthened"
    return [turn.say(key, requested=plan.requested_minutes, minutes=plan.minutes)]


def _cautions(turn: Turn, modality: Modality) -> list[Segment]:
    """The safety lines for this kind of session (8.7), short, each said once per visit."""
    lines = [f"session.cautions.{modality.value}"]
    answers = turn.profile.answers()
    if turn.profile.episode is not None and Caution.NOT_ON_NUMB_SKIN in advise(answers).cautions:
        lines.append("caution.NOT_ON_NUMB_SKIN")
    new = [line for line in lines if line not in turn.state.said]
    turn.move_to(turn.state.saying(*new))
    return [turn.say(line) for line in new]


def _card(turn: Turn, modality: Modality) -> tuple[str, str]:
    """The full safety text of this kind of session, on the card."""
    title = turn.say("session.card_title", modality=_name(turn, modality))
    return title, plain_text([turn.say(f"session.card.{modality.value}")])


def plan_from_token(turn: Turn, token: Any) -> SessionPlan | None:
    """The plan the permission request was made for, checked again against the rules now."""
    try:
        wanted = json.loads(token) if isinstance(token, str) else {}
        modality, minutes = Modality(wanted["modality"]), int(wanted["minutes"])
    except (ValueError, KeyError, TypeError):
        return None
    answers = turn.profile.answers()
    advice = advise(answers) if turn.profile.episode is not None else None
    plan = session_plan_for(turn, modality, advice, answers, minutes)
    return plan if isinstance(plan, SessionPlan) else None
