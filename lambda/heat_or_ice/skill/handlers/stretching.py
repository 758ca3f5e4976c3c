"""Guided stretches, one side and one hold per turn, like a coach on a speaker.

Only stretches the core allows for this person are offered; someone not yet screened answers
the safety questions first. A hold is counted with short cues between SSML breaks (each at most
10 s); the person says "next", "repeat", "make it longer" or "stop" between holds.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ...core import Answers, Location, Purpose, StretchId, advise, screening_needed, stretch
from ...core.stretches import HOLD_DEFAULT_SECONDS, hold_seconds
from ..dialog import clear_expectation, continue_advice, wait_for
from ..state import DialogState, Goal, StretchProgress, Waiting
from ..slots import read_enum, read_number
from ..ssml import Pause, Segment
from ..turn import Reply, Turn

CUE_EVERY_SECONDS = 10
HOLD_STEP_SECONDS = 15  # "make it longer" adds this much


class HoldChange(str, Enum):
    LONGER = "LONGER"
    SHORTER = "SHORTER"


def _routine(turn: Turn) -> dict[str, Any] | None:
    """The stretch routine in progress, checked: session data comes back from the device as sent,
    but a damaged copy must not crash the skill or hold a stretch for an hour."""
    progress = turn.state.stretch
    if turn.state.waiting is not Waiting.STRETCH_NEXT or progress is None:
        return None
    current = stretch(progress.current)
    if not 1 <= progress.rep <= current.reps:
        return None
    hold = hold_seconds(current, progress.hold)
    ids = [i.value for i in progress.ids]
    return {"ids": ids, "index": progress.index, "side": progress.side, "rep": progress.rep, "hold": hold}


def _hold_words(turn: Turn, seconds: int) -> list[Segment]:
    words: list[Segment] = [turn.say("stretch.hold", seconds=seconds)]
    elapsed = 0
    while seconds - elapsed > CUE_EVERY_SECONDS:
        elapsed += CUE_EVERY_SECONDS
        words += [Pause(CUE_EVERY_SECONDS), turn.say("stretch.cue", seconds=elapsed)]
    words += [Pause(seconds - elapsed), turn.say("stretch.release")]
    return words


def _guide(turn: Turn, routine: dict[str, Any], intro: list[Segment], with_setup: bool) -> Response:
    """Speaks one hold of the current stretch, and what the person can say next."""
    current = stretch(StretchId(routine["ids"][routine["index"]]))
    hold = int(routine["hold"])
    words: list[Segment] = list(intro)
    card = None
    if with_setup:
        if "stretch_rules" not in turn.state.said:
            turn.move_to(turn.state.saying("stretch_rules"))
            words.append(turn.say("stretch.rules"))
        words += [turn.say("stretch.name", name=current.name), *current.steps]
        if current.caution:
            words.append(current.caution)
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(current.steps, start=1))
        hold_words = turn.say(
            "stretch.card_hold.sides" if current.per_side else "stretch.card_hold", seconds=hold, reps=current.reps
        )
        card = (current.name.capitalize(), f"{steps}\n{hold_words} {current.caution}".strip())
    if current.per_side:
        words.append(turn.say("stretch.side.first" if routine["side"] == 0 else "stretch.side.second"))
    words += _hold_words(turn, hold)
    progress = StretchProgress(
        tuple(StretchId(i) for i in routine["ids"]), routine["index"], routine["side"], routine["rep"], hold
    )
    wait_for(turn, Waiting.STRETCH_NEXT, stretch=progress)
    words.append(turn.say("stretch.next"))
    return turn.respond(Reply(speech=words, reprompt=[turn.say("stretch.next.reprompt")], card=card))


def begin_routine(turn: Turn, location: Location | None = None) -> Response:
    """Begins the first stretch the core allows, screening first if the person hasn't been."""
    answers = turn.profile.answers()
    if location is not None and answers.location not in (None, location):
        answers = Answers(outcomes=answers.outcomes)
    if location is not None:
        answers = answers.with_changes(location=location)
    if screening_needed(answers, Purpose.STRETCH) is not None:
        turn.move_to(turn.state.with_(goal=Goal.STRETCH))
        return continue_advice(turn, answers, [turn.say("stretch.screen_first")])
    turn.move_to(turn.state.with_(goal=None))
    allowed = advise(answers).stretches
    if not allowed:
        clear_expectation(turn)
        return turn.respond(Reply(speech=[turn.say("stretch.none_allowed")], end_session=True))
    routine = {"ids": [s.value for s in allowed], "index": 0, "side": 0, "rep": 1, "hold": HOLD_DEFAULT_SECONDS}
    return _guide(turn, routine, [], with_setup=True)


class StretchHandler(AbstractRequestHandler):
    """"Give me a stretch", "what stretches help my neck", or yes to the offer of one."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("StretchIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        location, _ = read_enum(turn.request, "location", Location)
        return begin_routine(turn, location)


def next_step(turn: Turn, state: DialogState) -> Response:
    """"Next": the other side, the second round, or the next stretch."""
    routine = _routine(turn)
    if routine is None:
        return begin_routine(turn)
    current = stretch(StretchId(routine["ids"][routine["index"]]))
    if current.per_side and routine["side"] == 0:
        routine["side"] = 1
        return _guide(turn, routine, [], with_setup=False)
    if routine["rep"] < current.reps:
        routine.update(side=0, rep=routine["rep"] + 1)
        return _guide(turn, routine, [turn.say("stretch.again")], with_setup=False)
    if routine["index"] + 1 < len(routine["ids"]):
        routine.update(index=routine["index"] + 1, side=0, rep=1)
        return _guide(turn, routine, [turn.say("stretch.next_one")], with_setup=True)
    wait_for(turn, Waiting.ANYTHING_ELSE)
    return turn.respond(
        Reply(speech=[turn.say("stretch.done"), turn.say("advice.anything_else")],
              reprompt=[turn.say("advice.anything_else.reprompt")])
    )


def stop_routine(turn: Turn, state: DialogState) -> Response:
    clear_expectation(turn)
    return turn.respond(Reply(speech=[turn.say("no_problem"), turn.say("goodbye")], end_session=True))


class StretchNextHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NextIntent")(handler_input) and _routine(Turn.of(handler_input)) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        return next_step(turn, turn.state)


class StretchRepeatHandler(AbstractRequestHandler):
    """"Repeat" during a stretch: the same hold again (registered before the general repeat)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input) and _routine(Turn.of(handler_input)) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        return _guide(turn, _routine(turn) or {}, [], with_setup=False)


class StretchHoldHandler(AbstractRequestHandler):
    """"Make it longer", "shorter", "hold for forty five seconds": within 15 to 60 seconds."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("StretchHoldIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        routine = _routine(turn)
        if routine is None:
            return begin_routine(turn)
        current = StretchId(routine["ids"][routine["index"]])
        asked = read_number(turn.request, "seconds")
        change, _ = read_enum(turn.request, "change", HoldChange)
        if asked is None:
            step = -HOLD_STEP_SECONDS if change is HoldChange.SHORTER else HOLD_STEP_SECONDS
            asked = routine["hold"] + step
        routine["hold"] = hold_seconds(current, asked)
        intro = [turn.say("stretch.hold_changed", seconds=routine["hold"])]
        return _guide(turn, routine, intro, with_setup=False)


def stretch_handlers() -> list[AbstractRequestHandler]:
    return [StretchHandler(), StretchNextHandler(), StretchRepeatHandler(), StretchHoldHandler()]
