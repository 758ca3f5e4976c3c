"""Whole advice conversations through virtual-alexa and the local HTTP endpoint, in a person's words.

Every utterance goes through virtual-alexa's matching against the real en-US interaction model,
so a sample that stops matching breaks these tests the way it would break a real conversation.
"""

from __future__ import annotations

import pytest

from tests.e2e.safety_questions import answer_no_to_safety_questions


def test_a_fresh_lifting_injury_gets_ice_and_a_timed_ice_session(alexa, timers_api):
    # Each line: what the person says, and words the skill must say back.
    conversation = [
        ("open heat or ice coach", "Where does it hurt"),
        ("I hurt my lower back while lifting",
         "Any numbness between your legs, new trouble with your bladder"),
        ("no", "When did it start"),
        ("it started today", "thin bones or steroid tablets, a fever"),
        ("no", "I'd suggest ice."),
    ]
    for said, expected in conversation:
        alexa.say(said)
        assert expected in alexa.speech, f"after {said!r} the skill said: {alexa.speech}"
        assert not alexa.ended

    assert "for a few days" in alexa.speech
    assert "towel" not in alexa.speech, "the pack's cautions are said when the session starts"
    assert "Would you like me to time a 10 minute ice session?" in alexa.speech

    alexa.say("yes please")
    assert "skin where the pack will go feel normal" in alexa.speech, "8.6: asked when the session starts"
    alexa.say("yes")
    assert "your 10 minute ice timer is running" in alexa.speech
    assert "towel" in alexa.speech
    assert alexa.ended
    [timer] = timers_api.timers
    assert timer["duration"] == "PT10M"


def test_back_pain_that_came_on_by_itself_gets_heat(alexa):
    alexa.say("my lower back started hurting a few weeks ago")
    answer_no_to_safety_questions(alexa)
    assert "How did it start" in alexa.speech
    alexa.say("it came on by itself")
    answer_no_to_safety_questions(alexa)

    assert "I'd suggest heat." in alexa.speech
    assert "usually isn't an injury" in alexa.speech
    assert "Start gently" in alexa.speech
    assert "time a 15 minute heat session" in alexa.speech
    assert not alexa.ended


def test_a_stiff_neck_after_sleeping_awkwardly_gets_heat(alexa):
    alexa.say("my neck is stiff")
    heard = answer_no_to_safety_questions(alexa)
    assert "How did it start" in alexa.speech
    alexa.say("I slept funny")
    heard += answer_no_to_safety_questions(alexa)

    assert "NECK_DANGER_SIGNS" in heard, "the neck's own danger signs are asked about"
    assert "I'd suggest heat." in alexa.speech
    assert "Warmth usually loosens stiffness" in alexa.speech


def test_volunteered_numbness_between_the_legs_is_an_emergency_and_ends_the_session(alexa, timers_api):
    alexa.say("I have numbness between my legs")

    assert "nine one one" in alexa.speech and "emergency room" in alexa.speech
    assert "I'm not going to suggest heat or ice" in alexa.speech
    assert alexa.ended
    assert not alexa.last.directives

    alexa.say("start a heat session")  # a new session, straight after
    assert "won't start a session" in alexa.speech
    assert not timers_api.requests_to("create")


def test_yes_to_a_screening_question_is_an_emergency_and_ends_the_session(alexa):
    alexa.say("my lower back hurts")
    assert "Any numbness between your legs" in alexa.speech
    alexa.say("yes")
    assert "numbness or tingling between your legs" in alexa.speech  # which one?
    alexa.say("no")
    assert "trouble peeing" in alexa.speech
    alexa.say("yes")

    assert "Please call nine one one or go to the emergency room now" in alexa.speech
    assert "I'd suggest" not in alexa.speech and "session" not in alexa.speech
    assert alexa.ended


def _after_a_fall_yesterday(alexa) -> None:
    alexa.say("my lower back hurts")
    answer_no_to_safety_questions(alexa)
    assert "How did it start" in alexa.speech
    alexa.say("I slipped on the stairs")
    answer_no_to_safety_questions(alexa)
    assert "When did it start" in alexa.speech
    alexa.say("yesterday")
    assert "Has a doctor checked you since it happened?" in alexa.speech


def test_nobody_having_checked_a_fresh_fall_is_heard_as_a_no_and_means_getting_checked_now(alexa):
    _after_a_fall_yesterday(alexa)
    alexa.say("no one has checked it yet")

    assert "please get checked" in alexa.speech
    assert "Just to check" not in alexa.speech, "the answer was heard the first time"
    assert alexa.ended


def test_a_doctor_having_seen_a_fresh_fall_is_heard_as_a_yes_and_leads_to_advice(alexa):
    _after_a_fall_yesterday(alexa)
    alexa.say("I went to the doctor")
    answer_no_to_safety_questions(alexa)

    assert "I'd suggest ice." in alexa.speech


def test_trouble_going_to_the_bathroom_said_in_reply_to_the_first_safety_question_is_an_emergency(alexa):
    alexa.say("my lower back hurts")
    assert "new trouble with your bladder or bowels" in alexa.speech
    alexa.say("I have been having a bit of trouble going to the bathroom")

    assert "Please call nine one one or go to the emergency room now" in alexa.speech
    assert alexa.ended


@pytest.mark.parametrize("said", ["it's like a heavy weight on my chest", "chest pressure"])
def test_a_heavy_weight_on_the_chest_said_in_reply_to_the_chest_question_is_an_emergency(alexa, said):
    alexa.say("my upper back hurts")
    assert "chest pain" in alexa.speech.lower()
    alexa.say(said)

    assert "nine one one" in alexa.speech
    assert "I didn't get that" not in alexa.speech
    assert alexa.ended


def test_the_cause_questions_own_words_said_back_are_understood(alexa):
    alexa.say("my lower back hurts")
    answer_no_to_safety_questions(alexa)
    assert "How did it start" in alexa.speech
    alexa.say("an injury")
    assert "How did it start" not in alexa.speech and "Was it an injury" not in alexa.speech
    assert "When did it start" in alexa.speech


def test_a_car_crash_said_plainly_is_an_accident_and_asked_about(alexa):
    alexa.say("my neck hurts")
    answer_no_to_safety_questions(alexa, yes=("ACCIDENT_CHECKED",))
    assert "How did it start" in alexa.speech
    alexa.say("car crash")
    assert "I didn't" not in alexa.speech and "When did it start" in alexa.speech
