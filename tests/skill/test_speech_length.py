"""One short idea per turn: advice at most 60 words, questions shorter (clinical rules 8.7)."""

from __future__ import annotations

import itertools
import re

from heat_or_ice.skill.speech import Speech
from tests.skill.screening import answer_questions
from tests.support.conversation import Conversation

ADVICE_WORD_LIMIT = 60
QUESTION_WORD_LIMIT = 40
OPENINGS = [
    dict(location=place, cause=cause, onset=onset, **extra)
    for place, cause, onset, extra in itertools.product(
        ("LOWER_BACK", "UPPER_BACK", "NECK", "LEG"),
        ("INJURY", "NO_CAUSE"),
        ("TODAY", "WEEKS", "MONTHS", "FLARE_UP"),
        ({}, {"symptom": "SPASM"}, {"symptom": "TINGLING"}, {"symptom": "STIFFNESS", "preference": "ICE"},
         {"condition": "ARTHRITIS"}, {"condition": "HERNIATED_DISC", "symptom": "SWELLING"}),
    )
]


def words(text: str) -> int:
    return len(re.findall(r"[\w'-]+", text))


def test_every_advice_turn_is_at_most_sixty_words(skill):
    longest = (0, "")
    for opening in OPENINGS:
        talk = Conversation(skill)
        talk.intent("RecommendIntent", **opening)
        answer_questions(talk)
        longest = max(longest, (words(talk.speech), talk.speech))
    assert longest[0] <= ADVICE_WORD_LIMIT, longest[1]


def test_every_question_is_shorter_than_advice():
    speech = Speech("en-US")
    for key in speech.keys():
        if key.startswith("question."):
            assert words(speech.say(key)) <= QUESTION_WORD_LIMIT, key
