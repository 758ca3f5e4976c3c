"""Guided stretches, like a coach on a speaker: set-up, "say ready", then a counted hold.

The flow returns typed outcomes with no words (`StretchSetUp`, `HoldCounted`, `RoutineDone`...);
`render` maps each to locale keys, and `WAITING_AFTER` says what the skill waits for next. The
core decides who may stretch, which stretches, in what order and for how long
(`core.stretches`); where the routine is lives in the dialog state (`DialogState.stretch`).

Entry points (the reply table calls the last three for yes / no / "I don't know"):
`begin_routine(turn, location=None)`, `start_hold(turn, state)`, `next_step(turn, state)`,
`stop_routine(turn, state)`; `remind(turn, state, intro)` for a reply that fits neither (it says
what to say now, where replaying the last turn would read a counted hold without its pauses).
"Next", "repeat" and "make it longer" are this module's intents.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ...core import (
    Answers,
    Location,
    Purpose,
    Question,
    StretchId,
    advise,
    screening_needed,
    stretch,
    worth_asking_again,
)
from ...core.stretches import Routine, Side, hold_seconds, start_routine
from ..dialog import ask
from ..slots import read_enum, read_number
from ..ssml import Pause, Segment
from ..state import DialogState, Goal, StretchProgress, Waiting
from ..turn import Reply, Turn

CUE_EVERY_SECONDS = 10  # a short cue at least this often, so a hold is never one long silence
REST_SECONDS = 2  # between repetitions of a set
RULES_SAID = "stretch_rules"  # the general rules are said once per visit
ASKED_AGAIN = "asked_again."  # + question id: a "not sure" asked once more for a stretch, this visit


class HoldChange(str, Enum):
    """Value ids of the HoldChange slot type."""

    LONGER = "LONGER"
    SHORTER = "SHORTER"


class Opening(Enum):
    """How a stretch's set-up begins."""

    ROUTINE = "ROUTINE"  # the first stretch of a routine: the general rules come first
    NEXT = "NEXT"  # the routine's next stretch
    ANOTHER = "ANOTHER"  # one more, asked for
    OTHER_SIDE = "OTHER_SIDE"  # the same stretch, on the other side
    AGAIN = "AGAIN"  # "repeat" before the hold


class HoldNote(Enum):
    """What became of a hold the person asked to change."""

    CHANGED = "CHANGED"
    LONGEST = "LONGEST"  # already as long as this stretch goes
    SHORTEST = "SHORTEST"


# Outcomes: what happened, no words ---------------------------------------------------------------
@dataclass(frozen=True)
class NeedsScreening:
    question: Question


@dataclass(frozen=True)
class NoStretches:
    """The core allows no stretch for this person now (red flags, a recent accident...)."""


@dataclass(frozen=True)
class StretchSetUp:
    stretch: StretchId
    side: Side | None
    opening: Opening
    hold: int


@dataclass(frozen=True)
class HoldChanged:
    """A new hold asked for before the hold began; it starts on "ready"."""

    seconds: int
    note: HoldNote


@dataclass(frozen=True)
class HoldCounted:
    stretch: StretchId
    side: Side | None
    seconds: int
    note: HoldNote | None = None


@dataclass(frozen=True)
class Reminder:
    """What the person can say now, after a reply that fitted neither the set-up nor the hold."""

    ready: bool  # still setting up: "say ready"


@dataclass(frozen=True)
class RoutineDone:
    more_available: bool


@dataclass(frozen=True)
class RoutineStopped:
    hurts: bool = False  # stopped because the stretch hurt


Outcome = NoStretches | StretchSetUp | HoldChanged | HoldCounted | Reminder | RoutineDone | RoutineStopped


# The routine in the dialog state ----------------------------------------------------------------
def routine_of(state: DialogState) -> Routine | None:
    """The routine in progress, checked: a damaged copy from the device is no routine at all."""
    progress = state.stretch
    if progress is None:
        return None
    try:
        current = stretch(progress.current)
        side = (Side.OTHER if progress.side else Side.FIRST) if current.per_side else None
        return Routine(tuple(progress.ids), progress.index, side, hold_seconds(current, progress.hold))
    except (ValueError, IndexError, KeyError):
        return None


def progress_of(routine: Routine) -> StretchProgress:
    return StretchProgress(
        routine.ids, routine.index, 1 if routine.side is Side.OTHER else 0, 1, routine.hold
    )


# The flow ---------------------------------------------------------------------------------------
def _episode_answers(turn: Turn, location: Location | None) -> Answers:
    answers = turn.profile.answers()
    if location is not None and answers.location not in (None, location):
        answers = Answers(outcomes=answers.outcomes)  # another place is another episode
    return answers.with_changes(location=location) if location is not None else answers


def _screening_question(turn: Turn, answers: Answers) -> Question | None:
    """8.6: the red-flag screen for the place (and, for an injury, its cause and start) before any
    stretch; then, once per visit, a "not sure" that stops stretches is asked again (8.5)."""
    question = screening_needed(answers, Purpose.STRETCH)
    if question is not None:
        return question
    for again in worth_asking_again(answers, Purpose.STRETCH):
        if f"{ASKED_AGAIN}{again.id.value}" not in turn.state.said:
            turn.move_to(turn.state.saying(f"{ASKED_AGAIN}{again.id.value}"))
            return again
    return None


def begin_routine(turn: Turn, location: Location | None = None) -> Response:
    """"Give me a stretch", or yes to the offer of one: the screen first if this episode has not had
    it (then the advice dialog comes back here), else the first stretch, or one more."""
    answers = _episode_answers(turn, location)
    question = _screening_question(turn, answers)
    if question is not None:
        turn.remember_answers(answers, save_now=False)
        turn.move_to(turn.state.with_(goal=Goal.STRETCH))
        return ask(turn, question, [turn.say("stretch.screen_first")])
    if location is not None:
        turn.remember_answers(answers, save_now=True)
    turn.move_to(turn.state.with_(goal=None))
    allowed = advise(answers).stretches
    if not allowed:
        return _show(turn, NoStretches(), None)
    previous = routine_of(turn.state)
    if previous is not None and set(previous.ids) <= set(allowed):
        routine = previous.another(allowed)
        if routine is None:
            return _show(turn, RoutineDone(more_available=False), None)
        return _show(turn, _set_up(routine, Opening.ANOTHER), routine)
    routine = start_routine(allowed)
    assert routine is not None  # allowed is not empty
    return _show(turn, _set_up(routine, Opening.ROUTINE), routine)


def start_hold(turn: Turn, state: DialogState) -> Response:
    """"Ready": counts the current stretch's set on this side."""
    routine = routine_of(state)
    if routine is None:
        return begin_routine(turn)
    return _show(turn, _counted(routine), routine)


def next_step(turn: Turn, state: DialogState) -> Response:
    """"Next" after a hold: the other side, the next stretch, or the end of the routine. Before
    the hold (still setting up), "next" means they are ready."""
    routine = routine_of(state)
    if routine is None:
        return begin_routine(turn)
    if state.waiting is Waiting.STRETCH_READY:
        return start_hold(turn, state)
    following = routine.after_hold()
    if following is None:
        more = routine.another(advise(turn.profile.answers()).stretches) is not None
        return _show(turn, RoutineDone(more_available=more), routine)
    opening = Opening.OTHER_SIDE if following.index == routine.index else Opening.NEXT
    return _show(turn, _set_up(following, opening), following)


def stop_routine(turn: Turn, state: DialogState) -> Response:
    return _show(turn, RoutineStopped(), None)


def stop_for_pain(turn: Turn) -> Response:
    """"Ouch", "that hurts" in a stretch: stop it, come out slowly, no more stretches today."""
    return _show(turn, RoutineStopped(hurts=True), None)



def remind(turn: Turn, state: DialogState, intro: list[Segment] | None = None) -> Response:
    routine = routine_of(state)
    if routine is None:
        return begin_routine(turn)
    outcome = Reminder(ready=state.waiting is not Waiting.STRETCH_NEXT)
    return _show(turn, outcome, routine, intro or [])


def repeat_step(turn: Turn, state: DialogState) -> Response:
    """"Repeat": the set-up again before a hold, the same set again after one."""
    routine = routine_of(state)
    if routine is None:
        return begin_routine(turn)
    if state.waiting is Waiting.STRETCH_READY:
        return _show(turn, _set_up(routine, Opening.AGAIN), routine)
    return _show(turn, _counted(routine), routine)


def change_hold(turn: Turn, state: DialogState, change: HoldChange | None, seconds: int | None) -> Response:
    """"Make it longer", "shorter", "hold for 45 seconds": within the stretch's own range. After a
    hold the set is counted again at once; before one, it starts on "ready"."""
    routine = routine_of(state)
    if routine is None:
        return begin_routine(turn)
    if seconds is not None:
        changed = routine.with_hold(seconds)
        wanted_longer = seconds > routine.hold
    else:
        wanted_longer = change is not HoldChange.SHORTER
        changed = routine.longer() if wanted_longer else routine.shorter()
    reached = seconds != changed.hold if seconds is not None else changed.hold == routine.hold
    note = (HoldNote.LONGEST if wanted_longer else HoldNote.SHORTEST) if reached else HoldNote.CHANGED
    if state.waiting is Waiting.STRETCH_NEXT:
        return _show(turn, _counted(changed, note), changed)
    return _show(turn, HoldChanged(changed.hold, note), changed)


def _set_up(routine: Routine, opening: Opening) -> StretchSetUp:
    return StretchSetUp(routine.current.id, routine.side, opening, routine.hold)


def _counted(routine: Routine, note: HoldNote | None = None) -> HoldCounted:
    return HoldCounted(routine.current.id, routine.side, routine.hold, note)


# What the skill waits for after each outcome.
WAITING_AFTER: dict[type, Waiting] = {
    NoStretches: Waiting.NOTHING,
    StretchSetUp: Waiting.STRETCH_READY,
    HoldChanged: Waiting.STRETCH_READY,
    HoldCounted: Waiting.STRETCH_NEXT,
    RoutineStopped: Waiting.NOTHING,
}


def _waiting_after(outcome: Outcome) -> Waiting:
    if isinstance(outcome, RoutineDone):
        # "Would you like another one?": a yes comes back to begin_routine, which carries on.
        return Waiting.STRETCH_OFFER if outcome.more_available else Waiting.ANYTHING_ELSE
    if isinstance(outcome, Reminder):
        return Waiting.STRETCH_READY if outcome.ready else Waiting.STRETCH_NEXT
    return WAITING_AFTER[type(outcome)]


def _show(turn: Turn, outcome: Outcome, routine: Routine | None,
          intro: list[Segment] | None = None) -> Response:
    waiting = _waiting_after(outcome)
    keep = (
        routine if waiting in (Waiting.STRETCH_READY, Waiting.STRETCH_NEXT, Waiting.STRETCH_OFFER) else None
    )
    rules_due = RULES_SAID not in turn.state.said
    state = turn.state.waiting_for(waiting, stretch=progress_of(keep) if keep else None)
    if isinstance(outcome, StretchSetUp) and outcome.opening is Opening.ROUTINE:
        state = state.saying(RULES_SAID)
    turn.move_to(state)
    reply = render(turn, outcome, rules_due=rules_due)
    reply.speech = [*(intro or []), *reply.speech]
    return turn.respond(reply)


# Words ------------------------------------------------------------------------------------------
def render(turn: Turn, outcome: Outcome, *, rules_due: bool = False) -> Reply:
    """The words, card and reprompt for an outcome; every word from the locale files."""
    if isinstance(outcome, NoStretches):
        return Reply(speech=[turn.say("stretch.none_allowed")], end_session=True)
    if isinstance(outcome, StretchSetUp):
        return _set_up_reply(turn, outcome, rules_due)
    if isinstance(outcome, HoldChanged):
        return Reply(
            speech=[_note_words(turn, outcome.note, outcome.seconds), turn.say("stretch.say_ready")],
            reprompt=[turn.say("stretch.say_ready.reprompt")],
        )
    if isinstance(outcome, Reminder):
        key = "stretch.say_ready.reprompt" if outcome.ready else "stretch.next.reprompt"
        return Reply(speech=[turn.say(key)], reprompt=[turn.say(key)])
    if isinstance(outcome, HoldCounted):
        words = [_note_words(turn, outcome.note, outcome.seconds)] if outcome.note else []
        words += [*counted_set(turn, outcome.stretch, outcome.seconds), turn.say("stretch.next")]
        return Reply(speech=words, reprompt=[turn.say("stretch.next.reprompt")])
    if isinstance(outcome, RoutineDone):
        if outcome.more_available:
            return Reply(
                speech=[turn.say("stretch.done"), turn.say("stretch.offer_another")],
                reprompt=[turn.say("stretch.offer_another.reprompt")],
            )
        return Reply(
            speech=[turn.say("stretch.done.all"), turn.say("advice.anything_else")],
            reprompt=[turn.say("advice.anything_else.reprompt")],
        )
    if outcome.hurts:
        return Reply(speech=[turn.say("stretch.stopped.hurts"), turn.say("goodbye")], end_session=True)
    return Reply(speech=[turn.say("stretch.stopped"), turn.say("goodbye")], end_session=True)


def _words(turn: Turn, stretch_id: StretchId, part: str, fallback: str | None = None,
           **params: object) -> str:
    """A stretch's own words for `part`, or the general ones."""
    key = f"stretch.{stretch_id.value}.{part}"
    if turn.speech.has(key):
        return turn.say(key, **params)
    return turn.say(fallback, **params) if fallback else ""


def _set_up_reply(turn: Turn, outcome: StretchSetUp, rules_due: bool) -> Reply:
    sid = outcome.stretch
    name = turn.say(f"stretch.{sid.value}.name")
    words: list[Segment] = []
    if outcome.opening is Opening.OTHER_SIDE:
        words.append(_words(turn, sid, "side.other", "stretch.side.other"))
    else:
        if outcome.opening is Opening.ROUTINE and rules_due:
            words.append(turn.say("stretch.rules"))
        if outcome.opening is not Opening.AGAIN:
            intro = {Opening.ROUTINE: "stretch.intro.first", Opening.NEXT: "stretch.intro.next"}
            words.append(turn.say(intro.get(outcome.opening, "stretch.intro.another"), name=name))
        # A two-sided stretch's set-up already says "one knee", "one ear": no "first side" line.
        words += [_words(turn, sid, "warning"), turn.say(f"stretch.{sid.value}.setup")]
    words.append(turn.say("stretch.say_ready"))
    card = None if outcome.opening is Opening.OTHER_SIDE else stretch_card(turn, sid, outcome.hold)
    return Reply(speech=words, reprompt=[turn.say("stretch.say_ready.reprompt")], card=card)


def stretch_card(turn: Turn, stretch_id: StretchId, hold: int) -> tuple[str, str]:
    """The full steps, the hold and the caution, for the Alexa app."""
    chosen = stretch(stretch_id)
    steps = turn.say(f"stretch.{stretch_id.value}.steps").split("\n")
    numbered = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))
    if chosen.per_side:
        hold_key = "stretch.card_hold.sides"
    elif chosen.moves_per_rep > 1:
        hold_key = "stretch.card_hold.each_way"
    else:
        hold_key = "stretch.card_hold"
    hold_line = turn.say(hold_key, seconds=hold, reps=chosen.reps)
    caution = turn.say(f"stretch.{stretch_id.value}.caution")
    title = turn.say(f"stretch.{stretch_id.value}.name")
    return title[:1].upper() + title[1:], f"{numbered}\n{hold_line} {caution} {turn.say('stretch.rules')}"


def _note_words(turn: Turn, note: HoldNote | None, seconds: int) -> str:
    key = {HoldNote.LONGEST: "stretch.hold_longest", HoldNote.SHORTEST: "stretch.hold_shortest"}
    return turn.say(key.get(note, "stretch.hold_changed"), seconds=seconds) if note else ""  # type: ignore[arg-type]


def counted_set(turn: Turn, stretch_id: StretchId, seconds: int) -> list[Segment]:
    """One set on one side: each repetition's moves held for `seconds`, with a short cue at least
    every 10 seconds (no SSML break may be longer), and a short rest between repetitions."""
    chosen = stretch(stretch_id)
    long_hold = seconds > CUE_EVERY_SECONDS
    words: list[Segment] = []
    if not long_hold and chosen.reps > 1:
        words.append(turn.say("stretch.set", times=chosen.reps, seconds=seconds))
    for rep in range(chosen.reps):
        if rep:
            words += [Pause(REST_SECONDS)]
            if long_hold:
                words.append(turn.say("stretch.again"))
        for move in range(1, chosen.moves_per_rep + 1):
            # After the first repetition a short reminder of the move is enough.
            again = f"move.{move}.again"
            part = again if rep and turn.speech.has(f"stretch.{stretch_id.value}.{again}") else f"move.{move}"
            words.append(_words(turn, stretch_id, part, None if long_hold else "stretch.hold.go"))
            if long_hold:
                words.append(
                    turn.say("stretch.hold.go") if rep else turn.say("stretch.hold.long", seconds=seconds)
                )
            words += _counted_pause(turn, seconds)
        words.append(_words(turn, stretch_id, "release", "stretch.release"))
    return [w for w in words if w]


def _counted_pause(turn: Turn, seconds: int) -> list[Segment]:
    words: list[Segment] = []
    elapsed = 0
    while seconds - elapsed > CUE_EVERY_SECONDS:
        elapsed += CUE_EVERY_SECONDS
        words += [Pause(CUE_EVERY_SECONDS), turn.say("stretch.cue", seconds=elapsed)]
    words.append(Pause(seconds - elapsed))
    return words


# Intents of the routine -------------------------------------------------------------------------
def in_routine(turn: Turn) -> bool:
    return (
        turn.state.waiting in (Waiting.STRETCH_READY, Waiting.STRETCH_NEXT)
        and routine_of(turn.state) is not None
    )


class StretchHandler(AbstractRequestHandler):
    """"Give me a stretch", "another stretch", "what stretches help my neck"."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("StretchIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        location, _ = read_enum(turn.request, "location", Location)
        return begin_routine(turn, location)


class StretchNextHandler(AbstractRequestHandler):
    """"Next" in a routine: ready before a hold, on to the next after one."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NextIntent")(handler_input) and in_routine(Turn.of(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        return next_step(turn, turn.state)


class StretchRepeatHandler(AbstractRequestHandler):
    """"Repeat" in a routine (registered before the general repeat, which has no pauses to replay)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input) and in_routine(Turn.of(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        return repeat_step(turn, turn.state)


class StretchHoldHandler(AbstractRequestHandler):
    """"Make it longer", "shorter", "hold for forty five seconds"."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("StretchHoldIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        change, _ = read_enum(turn.request, "change", HoldChange)
        return change_hold(turn, turn.state, change, read_number(turn.request, "seconds"))


def _said_nothing_more(handler_input: HandlerInput) -> bool:
    slots = getattr(getattr(handler_input.request_envelope.request, "intent", None), "slots", None) or {}
    return not any(isinstance(slot.value, str) and slot.value.strip() for slot in slots.values())


class StretchStopHandler(AbstractRequestHandler):
    """"I want to stop", "stop it" in a routine, with no heat or ice running: the stretches end."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not is_intent_name("CancelSessionIntent")(handler_input) or not _said_nothing_more(handler_input):
            return False
        turn = Turn.of(handler_input)
        return in_routine(turn) and turn.profile.running_session(turn.now) is None

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn.of(handler_input)
        return stop_routine(turn, turn.state)


class StretchHurtsHandler(AbstractRequestHandler):
    """"It hurts" in a routine, naming nothing else: the stretch stops, gently."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (is_intent_name("RecommendIntent")(handler_input) and _said_nothing_more(handler_input)
                and in_routine(Turn.of(handler_input)))

    def handle(self, handler_input: HandlerInput) -> Response:
        return stop_for_pain(Turn.of(handler_input))


def stretch_handlers() -> list[AbstractRequestHandler]:
    return [StretchHandler(), StretchNextHandler(), StretchRepeatHandler(), StretchHoldHandler(),
            StretchStopHandler(), StretchHurtsHandler()]
