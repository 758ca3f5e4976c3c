"""Follow-ups across several visits with the clock moving: outcomes that change the next advice,
guided stretches, and forgetting everything on request."""

from __future__ import annotations

import re

import boto3

from heat_or_ice.skill.builder import build_skill_from_environment
from tests.skill.screening import answer_questions
from tests.support import envelope_for
from tests.support.conversation import Conversation

USER = "amzn1.ask.account.followups"


def heat_advice(talk: Conversation) -> None:
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE")
    answer_questions(talk)
    assert "I'd suggest heat" in talk.speech


def start_heat_session(talk: Conversation) -> None:
    talk.intent("StartSessionIntent", modality="HEAT")
    if "skin where the pack will go" in talk.speech:  # 8.6: asked once per episode, at the start
        talk.yes()
    assert "heat timer is running" in talk.speech


def test_heat_made_it_worse_so_the_next_advice_is_not_dry_heat_and_says_why(timed_talk):
    talk = timed_talk
    heat_advice(talk)
    start_heat_session(talk)
    talk.wait(hours=2)
    talk.launch()
    assert "How did the heat feel" in talk.speech
    talk.intent("FeedbackIntent", outcome="WORSE")
    assert "sorry the heat made it worse" in talk.speech
    assert "Since the heat pack made it worse" in talk.speech
    assert "I'd suggest heat" not in talk.speech
    assert "moist warmth" in talk.speech or "I'd suggest ice" in talk.speech
    talk.wait(days=1)
    talk.intent("RecommendIntent")
    assert "I'd suggest heat." not in talk.speech and "made it worse" in talk.speech


def test_worse_twice_means_see_a_clinician(talk):
    heat_advice(talk)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    talk.wait(hours=3)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="ICE")
    assert "doctor or physical therapist" in talk.speech


def test_that_helped_offers_the_same_again(talk):
    heat_advice(talk)
    talk.intent("FeedbackIntent", outcome="BETTER", modality="HEAT")
    assert "glad the heat helped" in talk.speech
    assert "heat" in talk.speech and "ice session" not in talk.speech


def test_im_done_during_a_session_ends_it_and_its_timer_and_asks_how_it_felt(timed_talk, timers_api):
    talk = timed_talk
    heat_advice(talk)
    start_heat_session(talk)
    [timer] = timers_api.timers
    talk.wait(minutes=6)
    talk.intent("FeedbackIntent")
    assert "counted your session as finished" in talk.speech
    assert "How did the heat feel" in talk.speech and talk.reprompt
    assert [r.path for r in timers_api.requests_to("delete")] == [f"/v1/alerts/timers/{timer['id']}"], (
        "a timer left running would still ring 'take it off' later"
    )


def _breaks(ssml: str) -> list[int]:
    return [int(seconds) for seconds in re.findall(r'<break time="(\d+)s"/>', ssml)]


def test_a_guided_stretch_sets_up_then_counts_each_hold_on_ready(talk):
    heat_advice(talk)
    talk.intent("StretchIntent")
    assert "gentle tension" in talk.speech and "If it hurts, stop" in talk.speech
    assert "knee rolls" in talk.speech and "Say ready when you're in position" in talk.speech
    assert not _breaks(talk.ssml), "the hold starts when they say they are in position"
    assert talk.card["type"] == "Simple" and "1." in talk.card["content"]
    assert "Hold each way for 5 seconds, 3 times" in talk.card["content"]
    first_stretch = talk.card["title"]
    talk.yes()
    assert max(_breaks(talk.ssml)) <= 10 and sum(_breaks(talk.ssml)) == 3 * 2 * 5 + 2 * 2
    assert "Say next, repeat, longer, or stop" in talk.speech
    talk.intent("StretchHoldIntent", change="LONGER")
    assert "10 seconds" in talk.speech and sum(_breaks(talk.ssml)) == 3 * 2 * 10 + 2 * 2
    talk.intent("StretchHoldIntent", seconds="90")
    assert "longest hold for this one" in talk.speech, "holds stay within the stretch's own range"
    assert sum(_breaks(talk.ssml)) == 3 * 2 * 10 + 2 * 2
    talk.intent("AMAZON.RepeatIntent")
    assert sum(_breaks(talk.ssml)) == 3 * 2 * 10 + 2 * 2
    talk.intent("AMAZON.HelpIntent")
    assert "Say ready" in talk.speech and "hurts, stop" in talk.speech and not _breaks(talk.ssml)
    talk.intent("AMAZON.NextIntent")
    assert "Next: knee to chest" in talk.speech and "Hold one knee" in talk.speech
    assert talk.card["title"] != first_stretch and not _breaks(talk.ssml)
    talk.intent("AMAZON.NextIntent")  # "next" while setting up means ready
    assert sum(_breaks(talk.ssml)) == 3 * 5 + 2 * 2, "knee to chest starts at its own 5 s hold"
    talk.intent("AMAZON.NextIntent")
    assert "other knee" in talk.speech and "Say ready" in talk.speech and not _breaks(talk.ssml)
    for said in talk.transcript:
        assert len(said) < 8000
    talk.intent("AMAZON.StopIntent")
    assert talk.ended


def test_a_stretch_for_someone_not_yet_screened_asks_the_safety_questions_first(talk):
    talk.intent("StretchIntent", location="LOWER_BACK")
    assert "safety questions" in talk.speech
    answer_questions(talk, onset="WEEKS", cause="NO_CAUSE")
    # 8.6: straight to the stretch once screened, no heat-or-ice advice first.
    assert "knee rolls" in talk.speech and "Say ready" in talk.speech
    assert not any("I'd suggest" in said or "time a" in said for said in talk.transcript)
    talk.yes()
    assert _breaks(talk.ssml)


def test_no_stretches_with_a_red_flag(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", symptom="FEVER")
    talk.wait(minutes=1)
    talk.intent("StretchIntent")
    assert "Hold it for" not in talk.speech
    assert "rather not suggest stretches" in talk.speech or "checked" in talk.speech


def test_forget_me_confirms_first_and_no_keeps_everything(talk, store):
    heat_advice(talk)
    talk.intent("ForgetMeIntent")
    assert "Shall I delete it" in talk.speech and talk.reprompt
    talk.no()
    assert "haven't deleted anything" in talk.speech
    assert store.get_attributes(envelope_for(talk.device.user_id, talk.now))


def test_forget_me_leaves_nothing_behind_in_sqlite(talk, store):
    heat_advice(talk)
    talk.intent("FeedbackIntent", outcome="BETTER", modality="HEAT")
    talk.intent("ForgetMeIntent")
    talk.yes()
    assert "deleted everything" in talk.speech
    # What stays for a day is a tombstone: no data, only what stops an older write undoing this.
    assert set(store.get_attributes(envelope_for(talk.device.user_id, talk.now))) == {"version", "erasures"}
    talk.wait(minutes=5)
    talk.launch()
    assert "Welcome to Heat or Ice" in talk.speech, "a forgotten user is greeted as new"


def test_forget_me_leaves_nothing_behind_in_dynamodb(dynamodb_table):
    talk = Conversation(build_skill_from_environment(), user_id=USER)
    heat_advice(talk)
    table = boto3.resource("dynamodb").Table(dynamodb_table)
    assert "Item" in table.get_item(Key={"id": USER})
    talk.intent("ForgetMeIntent")
    talk.yes()
    tombstone = table.get_item(Key={"id": USER})["Item"]
    assert tombstone["attributes"] == {} and set(tombstone) == {
        "id",
        "attributes",
        "version",
        "erasures",
        "expires_at",
    }


def test_D19_when_both_heat_and_ice_helped_the_advice_is_to_alternate(talk):
    heat_advice(talk)
    talk.intent("FeedbackIntent", outcome="BETTER", modality="HEAT")
    talk.wait(hours=3)
    talk.intent("FeedbackIntent", outcome="BETTER", modality="ICE")
    assert "Both heat and ice have helped you" in talk.speech
    assert "swap between ice and heat" in talk.speech and "half an hour" in talk.speech


def test_D18_burning_worse_with_heat_means_stop_heat_and_use_cold(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE", symptom="BURNING")
    answer_questions(talk)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    assert "sign to stop the heat" in talk.speech
    assert "ice session" in talk.speech and "heat session" not in talk.speech
    # 8.3: burning describes pain and is not a nerve sign; burning that grows with heat is D18.
    assert "nine one one" not in talk.speech


def test_a_wish_for_heat_is_dropped_once_heat_made_it_worse(timed_talk):
    talk = timed_talk
    heat_advice(talk)
    talk.intent("RecommendIntent", preference="HEAT")  # "I'd rather use heat"
    start_heat_session(talk)
    talk.wait(hours=2)
    talk.launch()
    talk.intent("FeedbackIntent", outcome="WORSE")
    assert "sorry the heat made it worse" in talk.speech
    assert "you'd prefer heat" not in talk.speech, "a wish it just disproved is not declined back"


def test_asking_for_heat_again_after_it_made_things_worse_names_heat(talk):
    heat_advice(talk)
    talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    talk.wait(days=1)
    talk.intent("RecommendIntent", location="LOWER_BACK", preference="HEAT")
    assert "you'd prefer heat" in talk.speech
    assert "Last time, heat made it worse" in talk.speech


def test_not_understood_after_advice_asks_the_offer_again_not_the_whole_advice(talk):
    heat_advice(talk)
    advice = talk.speech
    talk.intent("AMAZON.FallbackIntent")
    assert talk.speech.startswith("I didn't get that.")
    assert "heat session" in talk.speech and len(talk.speech) < len(advice) / 2


def test_im_done_in_a_stretch_ends_the_stretches(talk):
    heat_advice(talk)
    talk.intent("StretchIntent")
    talk.intent("FeedbackIntent")  # "I'm done"
    assert "leave the stretches there" in talk.speech and talk.ended
