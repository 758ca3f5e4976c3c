"""Drives one persona through the real skill, as JSON envelopes through `handle_event`.

The person opens (after "open heat or ice coach" when `launch_first`), then answers whatever the
skill waits on, until a turn gives advice or care (or gets a timed session under way, for someone
who asked for one), the skill stops talking, or `LIMIT` utterances have been said. Every request
is one utterance, the launch included.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from heat_or_ice.adapters import SqlitePersistenceAdapter
from heat_or_ice.skill.builder import build_skill
from tests.support.conversation import Conversation

from .hearing import (
    CARE_CLASSES,
    NO_ADVICE,
    NOT_COVERED,
    Heard,
    advice_in,
    elicited_slot,
    refused_for_red_flag,
    scope_said,
    session_starting,
    waiting_for,
    word_count,
)
from .people import LAUNCH, SLOT_QUESTIONS, YES, Persona, Say, answer, start_session

LIMIT = 10  # utterances; a person who has heard no advice by then has given up
NEXT_DAY_LIMIT = 5
# No request of the benchmark may leave the machine: a Timers API call would fail here at once.
UNREACHABLE_API = "https://127.0.0.1:9"


@dataclass
class Result:
    persona: Persona
    heard: str
    how: str
    utterances: int | None = None  # user utterances up to and including the one answered by the advice
    words: int | None = None  # words spoken in the advice turn
    asked: list[str] = field(default_factory=list)  # questions the skill waited on, in order
    transcript: list[tuple[str, str]] = field(default_factory=list)  # (what the person said, the reply)
    screened: bool = False  # a safety question came before the advice
    locked_out: bool | None = None  # the next day's session was refused (None: not tried)

    @property
    def right(self) -> bool:
        return (
            self.heard in self.persona.expected
            and (self.screened or not self.persona.must_screen_first)
            and not self.locked_out
        )

    @property
    def notes(self) -> str:
        notes = []
        if self.persona.must_screen_first and not self.screened:
            notes.append("no safety question first")
        if self.locked_out:
            notes.append("locked out the next day")
        elif self.locked_out is False:
            notes.append("next day: session allowed")
        return "; ".join(notes)


class Talk:
    """A conversation that counts utterances and keeps the transcript."""

    def __init__(self, skill: object):
        self.conversation = Conversation(skill, api_endpoint=UNREACHABLE_API)
        self.utterances = 0
        self.transcript: list[tuple[str, str]] = []

    def say(self, utterance: Say) -> None:
        self.utterances += 1
        if utterance is LAUNCH:
            self.conversation.launch()
        else:
            self.conversation.intent(utterance.intent, **dict(utterance.slots))
        self.transcript.append((str(utterance), self.conversation.speech))

    @property
    def last(self) -> dict:
        return self.conversation.last

    @property
    def speech(self) -> str:
        return self.conversation.speech


def _is_safety_question(question_id: str) -> bool:
    return question_id not in SLOT_QUESTIONS and "SKIN" not in question_id


def _heard_now(talk: Talk, persona: Persona) -> Heard | None:
    heard = advice_in(talk.last, talk.speech)
    if heard is not None:
        return heard
    modality = persona.opening.slots.get("modality")
    reason = session_starting(talk.last, talk.speech)
    if modality and reason:
        return Heard(modality, f"session under way ({reason})")
    return None


def _next_utterance(talk: Talk, persona: Persona, asked: list[str], times: Counter) -> Say | None:
    waiting, question_id = waiting_for(talk.last)
    if waiting == "QUESTION" and question_id:
        times[question_id] += 1
        asked.append(question_id)
        return answer(persona, question_id, talk.speech, elicited_slot(talk.last), times[question_id])
    modality = persona.opening.slots.get("modality")
    if modality and waiting == "SESSION_MODALITY":
        return start_session(modality)
    if modality and waiting == "SESSION_OFFER":
        return YES
    return None  # nothing this person can sensibly say next


def run_persona(persona: Persona, skill: object, limit: int = LIMIT) -> Result:
    talk = Talk(skill)
    asked: list[str] = []
    times: Counter = Counter()
    openers = ([LAUNCH] if persona.launch_first else []) + [persona.opening]
    scope: str | None = None  # how the skill said which places it covers, if it did
    while True:
        utterance = openers.pop(0) if openers else _next_utterance(talk, persona, asked, times)
        if utterance is None:
            break
        talk.say(utterance)
        heard = _heard_now(talk, persona)
        if heard is not None:
            result = Result(persona, heard.advice, heard.how, talk.utterances, word_count(talk.speech),
                            asked, talk.transcript, screened=any(map(_is_safety_question, asked)))
            if persona.next_day_session:
                result.locked_out = _locked_out_next_day(talk, persona)
            return result
        scope = scope or scope_said(talk.speech, asking=waiting_for(talk.last)[0] == "QUESTION")
        if talk.conversation.ended:
            break
        if talk.utterances >= limit:
            scope = None  # still being asked questions: the person gave up, whatever was said on the way
            break
    if scope is not None:  # the skill stopped without advice, having said which places it covers
        return Result(persona, NOT_COVERED, f"no advice; {scope}", talk.utterances, word_count(talk.speech),
                      asked, talk.transcript, screened=any(map(_is_safety_question, asked)))
    return Result(persona, NO_ADVICE, "no advice", None, None, asked, talk.transcript)


def _locked_out_next_day(talk: Talk, persona: Persona) -> bool:
    """The person comes back the next day, sure of their answers now, and asks for a session."""
    sure = replace(persona, unsure=frozenset(), opening=start_session(persona.next_day_session or "ICE"))
    talk.conversation.wait(days=1)
    start = talk.utterances
    asked: list[str] = []
    times: Counter = Counter()
    utterance: Say | None = sure.opening
    while utterance is not None and talk.utterances - start < NEXT_DAY_LIMIT:
        talk.say(utterance)
        if refused_for_red_flag(talk.speech):
            return True
        heard = _heard_now(talk, sure)
        if heard is not None:
            return heard.advice in CARE_CLASSES
        if talk.conversation.ended:
            return True
        utterance = _next_utterance(talk, sure, asked, times)
    return True


def run_all(personas: list[Persona], limit: int = LIMIT) -> list[Result]:
    """Every persona, each a new user of one skill on a temporary SQLite store."""
    with tempfile.TemporaryDirectory(prefix="personas-") as directory:
        store = SqlitePersistenceAdapter(Path(directory) / "personas.sqlite3")
        try:
            skill = build_skill(persistence_adapter=store)
            return [run_persona(persona, skill, limit) for persona in personas]
        finally:
            store.close()
