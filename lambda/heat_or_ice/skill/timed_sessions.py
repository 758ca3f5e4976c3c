"""Timed heat and ice sessions on Alexa timers, under the core's rest-gap and cap rules.

A session is recorded when its timer exists (or when the person chose to time it
themselves), never when creating the timer failed. Permission to set timers is asked by
voice once per session; the plan travels in the request token so the answer can resume it.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Callable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.interfaces.connections import SendRequestDirective
from ask_sdk_model.ui import AskForPermissionsConsentCard

from ..adapters import AlexaTimers, TimerError, TimerErrorKind, Timers, TimerSpec
from ..core import Reply as Answer
from ..core import Modality, QuestionId, RefusalReason, SessionPlan, SessionRefusal, advise, apply_reply, rest_gap_remaining
from .dialog import clear_expectation, session_plan_for, wait_for
from .state import DialogState, Waiting
from .profile import StoredSession
from .ssml import Segment
from .turn import Reply, Turn, minutes_left, minutes_to_wait
from .handlers.followup import ask_feedback, offer_stretch_or_close, session_cautions

TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
TimersFactory = Callable[[HandlerInput], Timers]


def _timer_label(turn: Turn, kind: str) -> str:
    """A label a screen can show ("ice pack 3"). Labels must be unique among active timers; the
    number counts this week's sessions, so an older timer with the same label is long gone."""
    return turn.say(f"timer_label.{kind}", number=len(turn.profile.sessions) + 1)


class SessionCapability:
    """Holds how to reach timers, so tests and the console can point it elsewhere."""

    def __init__(self, timers_for: TimersFactory = AlexaTimers.from_handler_input):
        self.timers_for = timers_for

    def start(self, turn: Turn, modality: Modality | None, minutes: int | None, intro: list[Segment]) -> Response:
        answers = turn.profile.answers()
        advice = advise(answers) if turn.profile.episode is not None else None
        if modality is None:
            modality = advice.offer if advice is not None else None
        if modality is None:
            wait_for(turn, Waiting.SESSION_MODALITY, minutes=minutes)
            return turn.respond(
                Reply(speech=[*intro, turn.say("session.which")], reprompt=[turn.say("session.which.reprompt")])
            )
        plan = session_plan_for(turn, modality, advice, answers, minutes)
        if isinstance(plan, SessionRefusal):
            return self._refuse(turn, plan, intro)
        return self.create_timer(turn, plan, intro)

    def skin_answer(self, turn: Turn, state: DialogState, reply: Answer) -> Response:
        """The answer to "does the skin where the pack will go feel normal?", then the session."""
        answers = apply_reply(turn.profile.answers(), QuestionId.SKIN_SAFETY, reply)
        turn.remember_answers(answers, save_now=True)
        return self.start(turn, state.modality, state.minutes, [])

    def _refuse(self, turn: Turn, refusal: SessionRefusal, intro: list[Segment]) -> Response:
        modality = turn.say(f"modality.{refusal.modality.value}")
        if refusal.reason is RefusalReason.REST_GAP and refusal.wait_minutes:
            wait_for(turn, Waiting.REST_TIMER_OFFER, minutes=refusal.wait_minutes)
            words = turn.say("session.refused.rest_gap", minutes=turn.minutes(refusal.wait_minutes))
            return turn.respond(Reply(speech=[*intro, words], reprompt=[turn.say("session.offer_rest_timer.reprompt")]))
        if refusal.reason is RefusalReason.DAILY_CAP:
            hours = max(1, round((refusal.wait_minutes or 60) / 60))
            words = turn.say("session.refused.daily_cap", modality=modality, hours=hours)
            return offer_stretch_or_close(turn, [*intro, words])
        if refusal.reason is RefusalReason.NOT_SAFE and refusal.alternative is not None:
            alternative = turn.say(f"modality.{refusal.alternative.value}")
            wait_for(turn, Waiting.SESSION_OFFER, modality=refusal.alternative)
            words = turn.say("session.refused.not_safe", modality=modality, alternative=alternative)
            return turn.respond(Reply(speech=[*intro, words], reprompt=[turn.say("help.offer")]))
        clear_expectation(turn)
        key = "session.refused.red_flag" if refusal.reason is RefusalReason.RED_FLAG else "session.refused.not_safe_at_all"
        return turn.respond(Reply(speech=[*intro, turn.say(key)], end_session=True))

    def create_timer(self, turn: Turn, plan: SessionPlan, intro: list[Segment]) -> Response:
        speech = [*intro, *session_cautions(turn, plan.modality)]
        if plan.adjusted and plan.requested_minutes is not None:
            key = "session.shortened" if plan.requested_minutes > plan.minutes else "session.lengthened"
            speech.append(turn.say(key, requested=plan.requested_minutes, minutes=plan.minutes))
        spec = TimerSpec(
            duration=timedelta(minutes=plan.minutes),
            label=_timer_label(turn, plan.modality.value),
            announce_text=turn.say(f"announce.end.{plan.modality.value}"),
            locale=turn.speech.locale,
        )
        try:
            timer_id = self.timers_for(turn.handler_input).create(spec)
        except TimerError as error:
            return self._timer_failed(turn, plan, error, speech)
        self._record(turn, plan, timer_id=timer_id)
        modality = turn.say(f"modality.{plan.modality.value}")
        speech.append(turn.say("session.started", minutes=plan.minutes, modality=modality))
        clear_expectation(turn)
        return turn.respond(Reply(speech=speech, end_session=True))

    def _record(self, turn: Turn, plan: SessionPlan, *, timer_id: str | None = None, self_timed: bool = False) -> None:
        session = StoredSession(plan.modality, turn.now, turn.now + timedelta(minutes=plan.minutes), timer_id, self_timed)
        turn.profile.sessions.append(session)
        turn.changed()

    def _timer_failed(self, turn: Turn, plan: SessionPlan, error: TimerError, speech: list[Segment]) -> Response:
        modality = turn.say(f"modality.{plan.modality.value}")
        if error.kind is TimerErrorKind.PERMISSION_REQUIRED and not turn.state.permission_asked:
            turn.move_to(turn.state.with_(permission_asked=True))
            token = json.dumps({"modality": plan.modality.value, "minutes": plan.minutes})
            payload = {
                "@type": "AskForPermissionsConsentRequest",
                "@version": "1",
                "permissionScope": TIMERS_SCOPE,
            }
            directive = SendRequestDirective(name="AskFor", payload=payload, token=token)
            speech.append(turn.say("session.permission_needed"))
            return turn.respond(Reply(speech=speech, directives=[directive]))
        key = f"session.timer_failed.{error.kind.value}"
        if not turn.speech.has(key):
            key = "session.timer_failed.SERVER_ERROR"
        speech.append(turn.say(key, minutes=plan.minutes, modality=modality))
        clear_expectation(turn)
        return turn.respond(Reply(speech=speech, end_session=True))

    def time_it_yourself(self, turn: Turn, plan: SessionPlan, add_card: bool) -> Response:
        """Permission refused: the person times it; the session counts from now."""
        self._record(turn, plan, self_timed=True)
        modality = turn.say(f"modality.{plan.modality.value}")
        speech = [*session_cautions(turn, plan.modality), turn.say("session.self_timed", minutes=plan.minutes, modality=modality)]
        card = AskForPermissionsConsentCard(permissions=[TIMERS_SCOPE]) if add_card else None
        clear_expectation(turn)
        return turn.respond(Reply(speech=speech, card=card, end_session=True))

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
                words = turn.say("status.running", modality=turn.say(f"modality.{running.modality.value}"), minutes=turn.minutes(minutes_left(left)))
            return turn.respond(Reply(speech=[words], end_session=True))
        wanted = modality or (profile.latest_session().modality if profile.latest_session() else None)
        if wanted is not None:
            answers = profile.answers()
            advice = advise(answers) if profile.episode is not None else None
            plan = session_plan_for(turn, wanted, advice, answers)
            if isinstance(plan, SessionRefusal) and plan.wait_minutes:
                key = "status.resting" if plan.reason is RefusalReason.REST_GAP else "status.capped"
                words = turn.say(key, minutes=turn.minutes(plan.wait_minutes), modality=turn.say(f"modality.{wanted.value}"), hours=max(1, round(plan.wait_minutes / 60)))
                return turn.respond(Reply(speech=[words], end_session=True))
        gap = rest_gap_remaining(profile.history(), turn.now)
        if gap.total_seconds() > 0:
            return turn.respond(Reply(speech=[turn.say("status.resting_any", minutes=turn.minutes(minutes_to_wait(gap)))], end_session=True))
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
        except TimerError:
            return turn.respond(Reply(speech=[turn.say("session.rest_timer_failed", minutes=turn.minutes(minutes))], end_session=True))
        return turn.respond(Reply(speech=[turn.say("session.rest_timer_set", minutes=turn.minutes(minutes))], end_session=True))


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


