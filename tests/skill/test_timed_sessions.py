"""Timed sessions on real (loopback) Alexa timers, with the rest gap and caps of the clinical rules.

Unless a test says otherwise the person was screened earlier in this episode (8.6) and said the
skin where the pack goes feels normal, so what is tested is the session itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from heat_or_ice.adapters import PersistenceError
from tests.skill.screening import answer_questions
from tests.support.conversation import MORNING, Conversation
from tests.support.screened import CHRONIC, FRESH_INJURY, seed_screened_episode
from tests.support.timers_server import FIRST_TEN_MINUTE_ICE_TIMER

INJURED_WEEKS_AGO = {**FRESH_INJURY, "onset": CHRONIC["onset"]}  # heat or ice: either (D6 later)


@pytest.fixture
def unscreened_talk(skill, timers_api):
    return Conversation(skill, api_endpoint=timers_api.endpoint, api_access_token=timers_api.token)


@pytest.fixture
def timed_talk(unscreened_talk, store):
    seed_screened_episode(store, unscreened_talk.device.user_id, unscreened_talk.now)
    return unscreened_talk


def fresh_injury_advice(talk, store):
    seed_screened_episode(store, talk.device.user_id, talk.now, FRESH_INJURY)
    talk.launch()
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    answer_questions(talk)
    assert "time a 10 minute ice session" in talk.speech


def test_advice_then_yes_creates_an_announcing_ice_timer(timed_talk, timers_api, store):
    fresh_injury_advice(timed_talk, store)
    timed_talk.yes()
    [create] = timers_api.requests_to("create")
    assert create.body == FIRST_TEN_MINUTE_ICE_TIMER
    assert create.headers["authorization"] == f"Bearer {timers_api.token}"
    assert "10 minute ice timer is running" in timed_talk.speech
    assert " ".join(timed_talk.transcript).count("damp towel or pillowcase") == 1, (
        "the barrier caution is said once"
    )
    assert "never put it on bare skin" in timed_talk.card["content"], "the card carries the full text"
    assert timed_talk.ended


def test_cautions_are_said_once_before_the_timer(timed_talk):
    timed_talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
    assert "enough towelling" in timed_talk.speech and "fall asleep" in timed_talk.speech
    assert "on top of you rather than underneath" in timed_talk.speech
    assert "15 minute heat timer is running" in timed_talk.speech


def test_moist_heat_cautions_never_mention_a_pad_on_top(timed_talk):
    timed_talk.intent("StartSessionIntent", modality="MOIST_HEAT", duration="PT15M")
    assert "warm, not hot" in timed_talk.speech and "timer is running" in timed_talk.speech
    assert "on top" not in timed_talk.speech and "on top" not in timed_talk.card["content"]


def test_each_caution_is_said_once_per_visit(timed_talk):
    timed_talk.launch()
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "damp towel" in timed_talk.speech
    timed_talk.wait(minutes=45)
    timed_talk.launch()
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "damp towel" in timed_talk.speech, "a new visit hears it again"


def test_a_second_start_ten_minutes_later_is_refused_with_the_minutes_left(timed_talk, timers_api):
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    timed_talk.wait(minutes=10)
    timed_talk.intent("StartSessionIntent", modality="HEAT")
    assert "start the next one in 30 minutes" in timed_talk.speech
    assert len(timers_api.requests_to("create")) == 1
    timed_talk.yes()  # a timer for the end of the rest gap
    rest = timers_api.requests_to("create")[-1].body
    assert rest["duration"] == "PT30M"
    assert "rest break" in rest["triggeringBehavior"]["operation"]["textToAnnounce"][0]["text"]


def test_forty_minutes_after_the_end_a_new_session_is_allowed(timed_talk, timers_api):
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    timed_talk.wait(minutes=50)
    timed_talk.intent("StartSessionIntent", modality="HEAT")
    assert "heat timer is running" in timed_talk.speech
    assert len(timers_api.requests_to("create")) == 2


def test_a_long_request_is_capped_and_the_person_is_told(timed_talk, timers_api):
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT45M")
    assert "45 minutes is longer than I'd suggest" in timed_talk.speech
    assert timers_api.requests_to("create")[0].body["duration"] in ("PT15M", "PT20M")


def test_missing_modality_uses_the_current_advice(timed_talk, timers_api, store):
    fresh_injury_advice(timed_talk, store)
    timed_talk.wait(minutes=1)
    timed_talk.intent("StartSessionIntent")
    assert "ice timer is running" in timed_talk.speech


def test_missing_modality_when_either_would_do_asks_heat_or_ice(unscreened_talk, timers_api, store):
    timed_talk = unscreened_talk
    seed_screened_episode(store, timed_talk.device.user_id, timed_talk.now, INJURED_WEEKS_AGO)
    timed_talk.intent("StartSessionIntent", duration="PT10M")
    assert "heat or ice" in timed_talk.speech.lower() and timed_talk.reprompt
    timed_talk.intent("StartSessionIntent", modality="ICE")
    assert timers_api.requests_to("create")[0].body["duration"] == "PT10M"


def test_a_red_flag_episode_gets_no_session(unscreened_talk, timers_api):
    timed_talk = unscreened_talk
    timed_talk.intent("RecommendIntent", location="LOWER_BACK", symptom="BLADDER_BOWEL")
    timed_talk.wait(minutes=1)
    timed_talk.intent("StartSessionIntent", modality="HEAT")
    assert "won't start a session" in timed_talk.speech
    assert not timers_api.requests_to("create")


def test_permission_denied_gives_the_plan_by_voice_with_a_consent_card(timed_talk, timers_api):
    timers_api.fail("create", 401)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    [ask_for] = timed_talk.directives
    assert ask_for["type"] == "Connections.SendRequest" and ask_for["name"] == "AskFor"
    assert ask_for["payload"]["permissionScope"] == "alexa::alerts:timers:skill:readwrite"
    timed_talk.answer_permission("DENIED")
    assert "set your own timer for 10 minutes" in timed_talk.speech
    assert timed_talk.speech.startswith("No problem."), "their answer is acknowledged first"
    assert timed_talk.card["type"] == "AskForPermissionsConsent"
    # the self-timed session counts: a new one 10 minutes later must wait for the rest gap
    timed_talk.wait(minutes=10)
    timed_talk.intent("StartSessionIntent", modality="HEAT")
    assert "30 minutes" in timed_talk.speech


def test_permission_denied_after_alexa_threw_a_card_adds_no_second_card(timed_talk, timers_api):
    timers_api.fail("create", 403)
    timed_talk.intent("StartSessionIntent", modality="ICE")
    timed_talk.answer_permission("NOT_ANSWERED", card_thrown=True)
    assert "set your own timer" in timed_talk.speech
    assert timed_talk.card.get("type") != "AskForPermissionsConsent", "Alexa already showed one"


def test_permission_accepted_creates_the_timer_right_away(timed_talk, timers_api):
    timers_api.fail("create", 401, times=1)
    timed_talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
    timed_talk.answer_permission("ACCEPTED")
    assert "15 minute heat timer is running" in timed_talk.speech
    assert len(timers_api.requests_to("create")) == 2 and len(timers_api.timers) == 1


def test_the_skill_never_asks_for_permission_twice_in_one_session(timed_talk, timers_api):
    timers_api.fail("create", 401)
    timed_talk.launch()
    timed_talk.intent("StartSessionIntent", modality="ICE")
    assert timed_talk.directives
    timed_talk.intent("StartSessionIntent", modality="ICE")
    assert not timed_talk.directives
    assert "won't keep asking" in timed_talk.speech


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (400, "too many timers"),
        (404, "isn't answering"),
        (500, "isn't answering"),
        (504, "couldn't reach your device"),
    ],
)
def test_timer_faults_get_a_useful_answer_and_the_session_still_counts(timed_talk, timers_api, status, words):
    # 8.7: a session the person is told to time themselves is recorded; the rest gap counts it.
    # (Until the rest gap held under faults, a failed timer recorded nothing and a second
    # session was allowed a minute later.)
    timers_api.fail("create", status)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert words in timed_talk.speech and "10 minutes of ice" in timed_talk.speech
    timers_api.clear_faults()
    timed_talk.wait(minutes=1)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "start the next one in 39 minutes" in timed_talk.speech
    assert not timers_api.timers


def test_a_busy_timers_api_is_said_as_busy_and_nothing_starts(timed_talk, timers_api):
    timers_api.fail("create", 429, code="TOO_MANY_REQUESTS")
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "busy" in timed_talk.speech and "try again in a moment" in timed_talk.speech
    assert "too many timers" not in timed_talk.speech
    timers_api.clear_faults()
    timed_talk.wait(minutes=1)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "10 minute ice timer is running" in timed_talk.speech, "the busy attempt left no session behind"


def test_a_timer_created_but_answered_unreadably_is_found_and_recorded(timed_talk, timers_api):
    timers_api.garble("create", times=1)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "10 minute ice timer is running" in timed_talk.speech
    [timer] = timers_api.timers
    timed_talk.intent("SessionStatusIntent")
    assert "has 10 minutes left" in timed_talk.speech
    timed_talk.wait(minutes=5)
    timed_talk.intent("CancelSessionIntent")
    assert [r.path for r in timers_api.requests_to("delete")] == [f"/v1/alerts/timers/{timer['id']}"]


def test_a_timer_answered_unreadably_and_not_found_still_counts(timed_talk, timers_api):
    timers_api.garble("create", times=1)
    timers_api.fail("list", 500, times=1)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "couldn't confirm it" in timed_talk.speech and "10 minutes of ice" in timed_talk.speech
    timed_talk.wait(minutes=2)
    timed_talk.intent("StartSessionIntent", modality="HEAT")
    assert "start the next one in 38 minutes" in timed_talk.speech, "the unconfirmed timer counts"


def test_a_hanging_timers_api_gets_an_answer_within_alexas_limit(timed_talk, timers_api):
    timers_api.hang("create", times=1)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "taking too long" in timed_talk.speech


def test_status_says_how_long_is_left_from_the_devices_timer(skill, timers_api, store):
    # The loopback Timers API stamps trigger times by the wall clock, so this visit happens now.
    now = datetime.now(UTC).replace(microsecond=0)
    talk = Conversation(skill, start=now, api_endpoint=timers_api.endpoint, api_access_token=timers_api.token)
    seed_screened_episode(store, talk.device.user_id, now)
    talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    talk.wait(minutes=4)
    talk.intent("SessionStatusIntent")
    assert "ice session has 6 minutes left" in talk.speech


def test_status_ignores_a_device_clock_that_disagrees_with_the_session(timed_talk):
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")  # device clock: today
    timed_talk.wait(minutes=4)  # the conversation's clock: months earlier
    timed_talk.intent("SessionStatusIntent")
    assert "ice session has 6 minutes left" in timed_talk.speech


def test_status_when_resting_says_when_heat_can_be_used_again(timed_talk):
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    timed_talk.wait(minutes=25)
    timed_talk.intent("SessionStatusIntent", modality="HEAT")
    assert "use heat again in 15 minutes" in timed_talk.speech


def test_status_with_nothing_recent_says_a_session_can_start(timed_talk):
    timed_talk.intent("SessionStatusIntent")
    assert "start a session now" in timed_talk.speech


def test_how_long_to_leave_the_ice_on_after_advice_says_how_long_and_offers_to_time_it(timed_talk, store,
                                                                                       timers_api):
    fresh_injury_advice(timed_talk, store)
    timed_talk.intent("SessionStatusIntent", modality="ICE")
    assert "About 10 minutes of ice at a time" in timed_talk.speech
    assert "time a 10 minute ice session" in timed_talk.speech and not timed_talk.ended
    timed_talk.yes()
    assert "10 minute ice timer is running" in timed_talk.speech
    assert len(timers_api.requests_to("create")) == 1


def test_how_long_to_keep_it_on_while_a_session_is_offered_means_the_pack_offered(timed_talk, store):
    fresh_injury_advice(timed_talk, store)
    timed_talk.intent("SessionStatusIntent")  # "how long should I keep it on?"
    assert "About 10 minutes of ice at a time" in timed_talk.speech
    assert "time a 10 minute ice session" in timed_talk.speech


def test_cancel_deletes_the_timer_records_an_early_end_and_asks_how_it_felt(timed_talk, timers_api):
    timed_talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
    timer_id = timers_api.timers[0]["id"]
    timed_talk.wait(minutes=5)
    timed_talk.intent("CancelSessionIntent")
    assert [r.path for r in timers_api.requests_to("delete")] == [f"/v1/alerts/timers/{timer_id}"]
    assert "stopped your heat session" in timed_talk.speech
    assert "How did the heat feel" in timed_talk.speech
    timed_talk.wait(minutes=31)
    timed_talk.intent("StartSessionIntent", modality="ICE")
    assert "timer is running" in timed_talk.speech, "the rest gap counts from the early end"


def test_cancel_with_nothing_running(timed_talk):
    timed_talk.intent("CancelSessionIntent")
    assert "no session running" in timed_talk.speech


def test_a_returning_user_hears_the_rest_gap_first(timed_talk):
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    timed_talk.wait(minutes=3)
    timed_talk.launch()
    assert "Welcome back" in timed_talk.speech and "7 minutes left" in timed_talk.speech
    timed_talk.wait(minutes=17)
    timed_talk.launch()
    assert "How did the ice feel" in timed_talk.speech


def test_the_clock_is_the_request_timestamp(timed_talk):
    assert timed_talk.now == MORNING
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    timed_talk.wait(days=2)
    timed_talk.intent("SessionStatusIntent")
    assert "start a session now" in timed_talk.speech


def test_answering_heat_or_ice_with_a_bare_modality_starts_the_session(unscreened_talk, timers_api, store):
    timed_talk = unscreened_talk
    seed_screened_episode(store, timed_talk.device.user_id, timed_talk.now, INJURED_WEEKS_AGO)
    timed_talk.intent("StartSessionIntent")
    timed_talk.intent("RecommendIntent", preference="ICE")
    assert "ice timer is running" in timed_talk.speech


def test_no_to_a_session_offer_moves_on_to_a_stretch_then_goodbye(timed_talk, timers_api, store):
    fresh_injury_advice(timed_talk, store)
    timed_talk.no()
    assert "No problem" in timed_talk.speech and "stretch" in timed_talk.speech
    timed_talk.no()
    assert "Take care" in timed_talk.speech and timed_talk.ended
    assert not timers_api.requests_to("create")


def test_the_daily_heat_cap_is_honoured(timed_talk, timers_api):
    for _ in range(3):
        timed_talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
        assert "heat timer is running" in timed_talk.speech
        timed_talk.wait(minutes=60)
    timed_talk.intent("StartSessionIntent", modality="HEAT")
    assert "as many heat sessions as I'd suggest in a day" in timed_talk.speech
    assert len(timers_api.requests_to("create")) == 3
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    assert "ice timer is running" in timed_talk.speech, "ice has its own cap"


def test_status_right_after_the_start_says_the_full_length(timed_talk):
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    timed_talk.intent("SessionStatusIntent")
    assert "has 10 minutes left" in timed_talk.speech


def test_a_permission_answer_outside_the_session_still_starts_the_timer(timed_talk, timers_api):
    timers_api.fail("create", 401, times=1)
    timed_talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    token = timed_talk.directives[0]["token"]
    timed_talk.device.granted_scopes.add("alexa::alerts:timers:skill:readwrite")
    payload = {
        "permissionScope": "alexa::alerts:timers:skill:readwrite",
        "status": "ACCEPTED",
        "isCardThrown": False,
    }
    event = timed_talk.envelopes.connections_response(None, "AskFor", "200", payload, token)  # no session
    timed_talk.send_raw(event)
    assert "10 minute ice timer is running" in timed_talk.speech
    assert len(timers_api.timers) == 1


# -- Screening before anything physical (8.6) and the skin where the pack goes --------------------
def test_a_new_person_asking_for_a_session_is_screened_first_and_no_timer_is_set(unscreened_talk, timers_api):
    unscreened_talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
    assert "quick safety check" in unscreened_talk.speech and unscreened_talk.reprompt
    assert unscreened_talk.session.attributes["dialog"]["goal"] == "SESSION"
    assert not timers_api.requests_to("create")


def test_the_skin_question_comes_at_session_start_once_per_episode(unscreened_talk, timers_api, store):
    talk = unscreened_talk
    seed_screened_episode(store, talk.device.user_id, talk.now, skin_checked=False)
    talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
    assert "skin where the pack will go feel normal" in talk.speech
    assert talk.session.attributes["dialog"]["waiting"] == "SKIN_CHECK"
    assert not timers_api.requests_to("create")
    talk.yes()
    assert "15 minute heat timer is running" in talk.speech
    talk.wait(hours=2)
    talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
    assert "skin where the pack" not in talk.speech and "timer is running" in talk.speech


def test_skin_that_does_not_feel_normal_gets_no_pack(unscreened_talk, timers_api, store):
    talk = unscreened_talk
    seed_screened_episode(store, talk.device.user_id, talk.now, skin_checked=False)
    talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
    talk.no()
    assert "timer is running" not in talk.speech and "may not feel heat or cold properly" in talk.speech
    assert not timers_api.requests_to("create")


def test_no_timed_session_while_the_history_cannot_be_read(unscreened_talk, timers_api, store, monkeypatch):
    talk = unscreened_talk
    seed_screened_episode(store, talk.device.user_id, talk.now)

    def unreachable(envelope):
        raise PersistenceError("store unreachable")

    monkeypatch.setattr(store, "get_attributes", unreachable)
    for _ in range(3):  # the issue: three ice sessions in a row while the store could not be read
        talk.intent("StartSessionIntent", modality="ICE", duration="PT10M")
        assert "can't reach your history of sessions" in talk.speech and "timer is running" not in talk.speech
        talk.wait(minutes=2)
    assert not timers_api.requests_to("create")


def test_heat_making_it_worse_while_it_is_on_ends_the_session_now(timed_talk, timers_api):
    timed_talk.intent("StartSessionIntent", modality="HEAT", duration="PT15M")
    assert "15 minute heat timer is running" in timed_talk.speech
    timed_talk.wait(minutes=4)
    timed_talk.intent("FeedbackIntent", outcome="WORSE", modality="HEAT")
    assert "take the heat off now" in timed_talk.speech
    assert timers_api.requests_to("delete"), "its timer is cancelled too"
    timed_talk.wait(minutes=31)
    timed_talk.intent("StartSessionIntent", modality="ICE")
    assert "ice timer is running" in timed_talk.speech, "the rest gap counts from when it was taken off"


def test_a_reply_that_does_not_answer_the_skin_question_is_asked_again_before_anything_is_refused(
    unscreened_talk, store
):
    talk = unscreened_talk
    seed_screened_episode(store, talk.device.user_id, talk.now, FRESH_INJURY, skin_checked=False)
    talk.intent("StartSessionIntent", modality="ICE")
    assert "skin where the pack will go" in talk.speech
    talk.intent("AMAZON.FallbackIntent")  # words that answer nothing
    assert "Just yes or no" in talk.speech and not talk.ended
    talk.yes()
    assert "ice timer is running" in talk.speech or "permission" in talk.speech


@pytest.mark.parametrize("leaves_it_to_us", ["yes", "dont_know"])
def test_yes_or_you_pick_to_heat_or_ice_is_answered_with_a_choice_not_the_same_question(
    unscreened_talk, store, timers_api, leaves_it_to_us
):
    timed_talk = unscreened_talk
    seed_screened_episode(store, timed_talk.device.user_id, timed_talk.now, CHRONIC, skin_checked=False)
    timed_talk.launch()
    timed_talk.intent("RecommendIntent", location="LOWER_BACK", onset="MONTHS", cause="NO_CAUSE")
    assert "time heat or ice" in timed_talk.speech
    getattr(timed_talk, leaves_it_to_us)()
    assert "Let's go with heat, then." in timed_talk.speech and "heat or ice?" not in timed_talk.speech
    assert "skin where the pack will go" in timed_talk.speech
    assert "Okay, heat" not in timed_talk.speech, "the choice is said once"
    timed_talk.yes()
    assert "15 minute heat timer is running" in timed_talk.speech
