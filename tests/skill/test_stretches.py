"""Guided stretches as conversations (clinical rules 4 and 8.8): lying-down stretches first, each with
its own hold, set-up then "say ready" then the counted hold, two or three per routine and more on
request; and the words of every stretch in the locale files, short enough to say in one breath."""

from __future__ import annotations

import re

import pytest

from heat_or_ice.core import StretchId
from heat_or_ice.core.stretches import stretch
from heat_or_ice.skill.handlers.stretching import (
    HoldCounted,
    Opening,
    Reminder,
    StretchSetUp,
    counted_set,
    render,
)
from heat_or_ice.skill.speech import SUPPORTED_LOCALES, Speech
from heat_or_ice.skill.ssml import Pause, plain_text
from tests.skill.screening import answer_questions
from tests.support.conversation import Conversation

SET_UP_MOST_WORDS = 35  # one breath


def _breaks(ssml: str) -> list[int]:
    return [int(seconds) for seconds in re.findall(r'<break time="(\d+)s"/>', ssml)]


def _words(text: str) -> int:
    return len(text.split())


def screened_lower_back(talk: Conversation) -> None:
    """A settled lower back, screened; the advice is then declined."""
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE")
    answer_questions(talk)
    assert "I'd suggest heat" in talk.speech


def dialog(talk: Conversation) -> dict:
    return (talk.session.attributes if talk.session else {}).get("dialog", {})


# Words ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_stretch_has_a_name_set_up_steps_and_caution_in_every_locale(locale):
    speech = Speech(locale)
    for sid in StretchId:
        for part in ("name", "setup", "steps", "caution"):
            assert speech.say(f"stretch.{sid.value}.{part}"), (sid, part)
        for move in range(1, stretch(sid).moves_per_rep + 1):
            if stretch(sid).moves_per_rep > 1:
                assert speech.has(f"stretch.{sid.value}.move.{move}"), (sid, move)


@pytest.mark.parametrize("sid", list(StretchId))
def test_a_set_up_is_one_breath_and_the_card_has_every_step(sid):
    speech = Speech("en-US")
    assert _words(speech.say(f"stretch.{sid.value}.setup")) <= SET_UP_MOST_WORDS
    assert _words(speech.say(f"stretch.{sid.value}.caution")) <= 30
    steps = speech.say(f"stretch.{sid.value}.steps").split("\n")
    assert 2 <= len(steps) <= 6 and all(step.endswith(".") for step in steps)


class _Turn:
    """Just the words of a turn, for rendering outcomes without a request."""

    def __init__(self) -> None:
        self.speech = Speech("en-US")

    def say(self, key: str, **params: object) -> str:
        return self.speech.say(key, **params)


@pytest.mark.parametrize("sid", list(StretchId))
def test_the_first_set_up_turn_stays_short_and_asks_for_ready(sid):
    chosen = stretch(sid)
    outcome = StretchSetUp(sid, None, Opening.ROUTINE, chosen.hold_seconds)
    reply = render(_Turn(), outcome, rules_due=True)  # type: ignore[arg-type]
    said = plain_text(reply.speech)
    assert said.endswith("Say ready when you're in position.")
    assert _words(said) <= 60, said
    assert reply.card and reply.card[0][0].isupper()


@pytest.mark.parametrize("sid", list(StretchId))
def test_a_counted_set_never_pauses_more_than_10_seconds_and_holds_the_whole_time(sid):
    chosen = stretch(sid)
    for seconds in (chosen.min_hold_seconds, chosen.hold_seconds, chosen.max_hold_seconds):
        words = counted_set(_Turn(), sid, seconds)  # type: ignore[arg-type]
        pauses = [w.seconds for w in words if isinstance(w, Pause)]
        assert max(pauses) <= 10
        rests = (chosen.reps - 1) * 2
        assert sum(pauses) == chosen.reps * chosen.moves_per_rep * seconds + rests, (sid, seconds)
        assert _words(plain_text(words)) <= 120


def test_a_counted_30_second_hold_has_a_cue_every_10_seconds():
    reply = render(_Turn(), HoldCounted(StretchId.KNEELING_HIP_FLEXOR, None, 30))  # type: ignore[arg-type]
    said = plain_text(reply.speech)
    assert "Hold for 30 seconds" in said and "10 seconds." in said and "20 seconds." in said
    assert said.endswith("Say next, repeat, longer, or stop.")


# Conversations ----------------------------------------------------------------------------------
def test_give_me_a_stretch_starts_with_lying_down_knee_rolls_at_5_seconds(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    assert "First: knee rolls." in talk.speech and "Lie on your back" in talk.speech
    assert talk.speech.endswith("Say ready when you're in position.") and not _breaks(talk.ssml)
    assert dialog(talk)["waiting"] == "STRETCH_READY"
    talk.yes()  # "ready"
    assert dialog(talk)["waiting"] == "STRETCH_NEXT"
    assert "3 times, 5 seconds each" in talk.speech and "roll your knees to one side" in talk.speech
    assert set(_breaks(talk.ssml)) <= {2, 5}


NOT_FOR_A_STRETCH = {"PREFERENCE", "SKIN_FEELS_NORMAL", "SKIN_SAFETY", "SWELLING"}


def test_give_me_a_stretch_from_a_new_user_screens_then_stretches_with_no_heat_or_ice_advice(talk):
    talk.intent("StretchIntent")
    assert "safety questions" in talk.speech
    asked = answer_questions(talk, location="LOWER_BACK", onset="WEEKS", cause="INJURY")
    assert "LOWER_TIER_A" in asked and not NOT_FOR_A_STRETCH & set(asked), asked
    assert "First: knee rolls." in talk.speech and talk.speech.endswith("Say ready when you're in position.")
    assert not any("I'd suggest" in said or "heat" in said.lower() for said in talk.transcript)
    talk.yes()
    assert "3 times, 5 seconds each" in talk.speech


def test_a_stretch_for_the_neck_asks_the_neck_screen_and_starts_with_tilts_and_turns(talk):
    talk.intent("StretchIntent", location="NECK")
    asked = answer_questions(talk, onset="WEEKS", cause="NO_CAUSE")
    assert "NECK_DANGER_SIGNS" in asked and "LOWER_TIER_A" not in asked
    assert "First: gentle neck tilts and turns." in talk.speech and "pins and needles" in talk.speech


def test_a_fresh_injury_gets_only_the_lying_down_stretches_then_no_more(talk):
    talk.intent("StretchIntent", location="LOWER_BACK")
    answer_questions(talk, onset="TODAY", cause="INJURY")
    assert "First: knee rolls." in talk.speech
    for _ in range(10):
        if dialog(talk).get("waiting") not in ("STRETCH_READY", "STRETCH_NEXT"):
            break
        talk.yes()
    assert "That's all the stretches I have for you today" in talk.speech
    assert dialog(talk)["waiting"] == "ANYTHING_ELSE"


def test_longer_on_knee_rolls_makes_the_hold_longer_never_shorter(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.yes()
    before = sum(_breaks(talk.ssml))
    talk.intent("StretchHoldIntent", change="LONGER")
    assert "10 seconds" in talk.speech and sum(_breaks(talk.ssml)) > before
    longer = sum(_breaks(talk.ssml))
    talk.intent("StretchHoldIntent", change="LONGER")
    assert "longest hold for this one" in talk.speech and sum(_breaks(talk.ssml)) == longer
    talk.intent("StretchHoldIntent", change="SHORTER")
    assert sum(_breaks(talk.ssml)) == before


def test_longer_before_the_hold_waits_for_ready(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.intent("StretchHoldIntent", change="LONGER")
    assert "10 seconds" in talk.speech and "Say ready" in talk.speech and not _breaks(talk.ssml)
    talk.yes()
    assert "3 times, 10 seconds each" in talk.speech


def test_a_routine_is_three_stretches_then_more_on_request(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    names = []
    for _ in range(12):
        if dialog(talk).get("waiting") != "STRETCH_READY":
            break
        names.append(talk.card.get("title"))
        talk.yes()  # ready
        talk.yes()  # next
    assert [n for n in names if n] == ["Knee rolls", "Knee to chest", "Pelvic tilt"]
    assert "That's your stretches done" in talk.speech and "another one" in talk.speech
    assert dialog(talk)["waiting"] == "STRETCH_OFFER"
    talk.yes()
    assert "Here's another one: kneeling hip flexor stretch." in talk.speech
    assert "thick pad" in talk.speech and "Kneel on one knee" in talk.speech
    talk.yes()
    assert sum(_breaks(talk.ssml)) == 2 * 30 + 2, "the hip flexor holds 30 s, twice"
    talk.yes()
    assert "Now kneel on the other knee" in talk.speech
    talk.yes()
    talk.yes()
    assert "another one" in talk.speech
    talk.no()
    assert talk.ended


def test_another_stretch_in_the_middle_of_a_routine_moves_on_to_the_next(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.intent("StretchIntent")  # "another stretch"
    assert "Here's another one: knee to chest." in talk.speech


def test_repeat_says_the_set_up_again_before_the_hold_and_counts_again_after(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.intent("AMAZON.RepeatIntent")
    assert "Lie on your back" in talk.speech and not _breaks(talk.ssml)
    talk.yes()
    counted = talk.ssml
    talk.intent("AMAZON.RepeatIntent")
    assert talk.ssml == counted


def test_a_reminder_says_what_to_say_now_without_replaying_a_hold():
    reply = render(_Turn(), Reminder(ready=False))  # type: ignore[arg-type]
    assert plain_text(reply.speech) == "Say next, repeat, longer, or stop."
    reply = render(_Turn(), Reminder(ready=True))  # type: ignore[arg-type]
    assert plain_text(reply.speech) == "Say ready when you're in position, or stop."


def test_no_when_asked_to_get_ready_stops_the_stretches(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.no()
    assert "leave the stretches there" in talk.speech and talk.ended


def test_a_hold_read_back_from_the_session_stays_within_the_stretch_range(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.session.attributes["dialog"]["stretch"]["hold"] = 500
    talk.yes()
    assert max(_breaks(talk.ssml)) <= 10 and sum(_breaks(talk.ssml)) == 3 * 2 * 10 + 4


def test_a_damaged_routine_in_the_session_starts_again_instead_of_failing(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.session.attributes["dialog"]["stretch"]["ids"] = ["KNEES_TO_CHEST", "KNEES_TO_CHEST"]
    talk.yes()
    assert "First: knee rolls." in talk.speech and "Say ready" in talk.speech


def test_no_stretch_for_someone_with_an_urgent_sign(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", symptom="FEVER")
    talk.wait(minutes=1)
    talk.intent("StretchIntent")
    assert "rather not suggest stretches" in talk.speech and not _breaks(talk.ssml)


def test_im_ready_during_a_stretch_starts_the_hold_not_a_heat_session(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="NO_CAUSE", onset="WEEKS")
    answer_questions(talk)
    talk.intent("StretchIntent")
    assert talk.session.attributes["dialog"]["waiting"] == "STRETCH_READY"
    talk.intent("StartSessionIntent")  # "I'm ready" can sound like "let's start"
    assert talk.session.attributes["dialog"]["waiting"] != "SESSION_MODALITY"
    assert "timer" not in talk.speech.lower()


def test_a_reply_the_stretch_does_not_understand_is_reminded_not_replayed(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="NO_CAUSE", onset="WEEKS")
    answer_questions(talk)
    talk.intent("StretchIntent")
    talk.intent("AMAZON.FallbackIntent")
    assert talk.speech.lower().count("sorry") <= 1
    assert talk.session.attributes["dialog"]["waiting"] == "STRETCH_READY"


@pytest.mark.parametrize("when", ["before the hold", "after the hold"])
def test_ouch_in_a_stretch_stops_it_gently_and_offers_no_more(talk, when):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    if when == "after the hold":
        talk.yes()  # ready: the hold is counted
    talk.intent("FeedbackIntent", outcome="WORSE")  # "ouch, that hurts"
    assert "Let's stop there" in talk.speech and "slowly" in talk.speech
    assert "stretch" not in talk.reprompt.lower() and talk.ended


def test_i_want_to_stop_in_a_stretch_ends_the_stretches(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.intent("CancelSessionIntent")  # "I want to stop"
    assert "leave the stretches there" in talk.speech and talk.ended


def test_it_hurts_in_a_stretch_stops_it_rather_than_advising_again(talk):
    screened_lower_back(talk)
    talk.intent("StretchIntent")
    talk.yes()
    talk.intent("RecommendIntent")  # "it hurts"
    assert "Let's stop there" in talk.speech and "I'd suggest" not in talk.speech
