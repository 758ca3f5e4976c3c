"""Advice conversations: what the person says, and what the skill must say or do.

Each test names the decision-table row (D1-D24) of the clinical rules whose path it walks.
"""

from __future__ import annotations

import pytest

from tests.skill.screening import answer_questions, pending_question
from tests.support.conversation import Conversation, Unmatched


def test_launch_welcomes_says_what_it_does_and_asks_where_it_hurts(talk):
    talk.launch()
    assert "Welcome to Heat or Ice" in talk.speech
    assert "not medical care" in talk.speech
    assert "Where does it hurt" in talk.speech
    assert talk.reprompt and not talk.ended


def test_D6_fresh_lifting_injury_is_not_asked_where_or_when_and_gets_ice(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    asked = answer_questions(talk)
    # 8.5: the lower back's emergency signs in one direct question, then Tier B with fragile bones
    # (an injury): advice on the third utterance.
    assert asked == ["LOWER_TIER_A", "URGENT_OR_FRAGILE"]
    assert "I'd suggest ice" in talk.speech
    assert "for a few days" in talk.speech
    assert "modest, short-term relief" in talk.card["content"]
    assert "time a 10 minute ice session" in talk.speech
    assert talk.card["type"] == "Simple" and "ice" in talk.card["title"].lower()
    assert "not medical advice" in talk.card["content"]


def test_slot_questions_use_elicit_slot_with_a_reprompt(talk):
    talk.intent("RecommendIntent")
    assert pending_question(talk) == "LOCATION"
    assert talk.elicited_slot() == "location"
    assert talk.reprompt


def test_D10_back_pain_that_came_on_by_itself_gets_heat(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE")
    answer_questions(talk)
    assert "I'd suggest heat" in talk.speech
    assert "comes on by itself" in talk.speech
    assert "fall asleep" not in talk.speech, "session cautions wait for the session"
    assert "Never fall asleep with heat on" in talk.card["content"]


def test_D1_volunteered_saddle_numbness_is_an_emergency_with_no_offer(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", symptom="SADDLE_NUMBNESS")
    assert "nine one one" in talk.speech
    assert "emergency room" in talk.speech
    assert talk.ended
    assert "session" not in talk.speech.lower() or "not going to suggest" in talk.speech
    assert not talk.directives


def test_D1_answered_yes_to_bladder_question_is_an_emergency(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="DAYS", cause="NO_CAUSE")
    asked = answer_questions(talk, yes=("LOWER_TIER_A", "BLADDER_BOWEL"))
    assert asked[:3] == ["LOWER_TIER_A", "SADDLE_NUMBNESS", "BLADDER_BOWEL"], "a yes is followed by which one"
    assert "nine one one" in talk.speech and talk.ended


def test_D1_emergency_number_follows_the_locale(skill):
    talk = Conversation(skill, locale="en-GB")
    talk.intent("RecommendIntent", location="LEG", symptom="BOTH_LEGS")
    assert "nine nine nine" in talk.speech and "A and E" in talk.speech
    talk = Conversation(skill, locale="en-AU")
    talk.intent("RecommendIntent", location="LEG", symptom="BOTH_LEGS")
    assert "triple zero" in talk.speech
    talk = Conversation(skill, locale="en-IN")
    talk.intent("RecommendIntent", location="LEG", symptom="BOTH_LEGS")
    assert "one one two" in talk.speech


def test_D3_a_recent_accident_nobody_has_checked_sends_to_emergency_care(talk):
    talk.intent("RecommendIntent", location="NECK", cause="ACCIDENT", onset="TODAY")
    asked = answer_questions(talk, no=("ACCIDENT_CHECKED",))
    assert "ACCIDENT_CHECKED" in asked
    assert "After an accident like that" in talk.speech
    assert talk.ended


def test_8_1_an_accident_a_doctor_already_checked_gets_ice_not_the_emergency_room(talk):
    talk.intent("RecommendIntent", location="NECK", cause="ACCIDENT", onset="DAYS", condition="WHIPLASH")
    answer_questions(talk)  # "no": checked by a doctor
    assert "nine one one" not in talk.speech
    assert "I'd suggest ice" in talk.speech


def test_8_1_back_pain_for_years_since_a_car_accident_is_long_standing_pain(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="ACCIDENT", onset="MONTHS")
    asked = answer_questions(talk, preference="HEAT")
    assert "ACCIDENT_RECENT_UNCHECKED" not in asked
    assert "nine one one" not in talk.speech and not talk.ended
    assert "time heat or ice" in talk.speech


def test_D2_urgent_signs_mean_get_checked_today(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE")
    answer_questions(talk, yes=("URGENT_SIGNS",))
    assert "checked today" in talk.speech
    assert "urgent care" in talk.speech
    assert talk.ended


def test_D4_skin_that_does_not_feel_normal_where_the_pack_goes_means_no_pack(timed_talk, timers_api):
    talk = timed_talk
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="WEEKS", cause="NO_CAUSE")
    answer_questions(talk)
    assert "skin" not in talk.speech, "8.6: the skin question waits for the session"
    talk.yes()  # time a heat session
    assert pending_question(talk) == "SKIN_FEELS_NORMAL" or "skin where the pack will go" in talk.speech
    talk.no()
    assert "may not feel heat or cold properly" in talk.speech
    assert not timers_api.requests_to("create")


def test_D7_swelling_means_ice_even_for_someone_who_prefers_heat(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY", symptom="SWELLING",
                preference="HEAT")
    answer_questions(talk)
    assert "I'd suggest ice" in talk.speech
    assert "swelling worse" in talk.speech
    assert "heat session" not in talk.speech


def test_D11_spasm_gets_heat(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", symptom="SPASM", onset="DAYS", cause="NO_CAUSE")
    answer_questions(talk)
    assert "I'd suggest heat" in talk.speech and "spasming" in talk.speech


def test_D14_neck_without_injury_gets_heat(talk):
    talk.intent("RecommendIntent", location="NECK", cause="NO_CAUSE", onset="DAYS")
    asked = answer_questions(talk)
    assert "NECK_DANGER_SIGNS" in asked
    assert "I'd suggest heat" in talk.speech and "neck" in talk.speech


def test_D5_shooting_pain_down_one_leg_means_see_a_clinician_soon(talk):
    talk.intent("RecommendIntent", location="LEG", symptom="SHOOTING_PAIN", cause="NO_CAUSE", onset="WEEKS")
    asked = answer_questions(talk)
    assert "LOWER_TIER_A" in asked, "one leg or both is asked with the other emergency signs"
    assert "doctor or physical therapist" in talk.speech
    assert "Nerve symptoms" in talk.speech


def test_D16_arthritis_gets_gentle_moist_heat(talk):
    talk.intent(
        "RecommendIntent", location="LOWER_BACK", condition="ARTHRITIS", onset="MONTHS", cause="NO_CAUSE"
    )
    answer_questions(talk)
    assert "moist" in talk.speech.lower()


def test_D20_chronic_pain_offers_the_choice_with_the_session_instead_of_asking_first(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="MONTHS", cause="NO_CAUSE")
    asked = answer_questions(talk, preference="ICE")
    assert "PREFERENCE" not in asked, "the choice comes with the offer, not as a question before advice"
    assert "regular movement" in talk.speech and "time heat or ice" in talk.speech
    talk.intent("RecommendIntent", preference="ICE")
    assert "ice" in talk.speech.lower() and "heat or ice" not in talk.speech


def test_D23_unknown_cause_gets_a_gentle_heat_trial(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="DAYS")
    answer_questions(talk)  # "I don't know" to how it started
    assert "gentle warmth" in talk.speech


def test_unmatched_location_gets_a_helpful_reask_then_ends_gently_without_looping(talk):
    talk.intent("RecommendIntent", location=Unmatched("my wet myself since the"))
    assert "wet myself" not in talk.speech, "words that were not understood are never said back"
    assert "I can help with the lower back" in talk.speech
    assert pending_question(talk) == "LOCATION_AGAIN"
    talk.intent("RecommendIntent", location=Unmatched("elbow"))
    assert "elbow" not in talk.speech
    assert "only help with back and neck pain" in talk.speech and talk.ended


def test_8_2_a_knee_gets_no_heat_or_ice_advice_and_no_echo(talk):
    talk.intent("RecommendIntent", location="KNEE")
    assert "I can help with the lower back" in talk.speech and "your knee" not in talk.speech
    talk.intent("RecommendIntent", location="HIP")  # a second place not covered
    assert "I'd suggest" not in talk.speech and "time a" not in talk.speech
    assert "cold is better than heat for the first few days" in talk.speech
    assert "pharmacist" in talk.speech and talk.ended


def test_8_2_the_same_knee_said_again_ends_gently_on_the_second_telling(talk):
    talk.intent("RecommendIntent", location="KNEE")
    talk.intent("RecommendIntent", location="KNEE")  # "it's my knee", again
    assert "didn't catch" not in talk.speech
    assert "I can only help with back and neck pain" in talk.speech and talk.ended


def test_8_2_a_knee_then_the_lower_back_goes_on_as_usual(talk):
    talk.intent("RecommendIntent", location="KNEE")
    talk.intent("RecommendIntent", location="LOWER_BACK")
    assert pending_question(talk) == "LOWER_TIER_A"


def test_yes_to_where_does_it_hurt_is_asked_again_once_then_the_dialog_moves_on(talk):
    talk.launch()
    talk.yes()
    assert pending_question(talk) == "LOCATION" and "didn't get that" in talk.speech
    talk.yes()
    assert pending_question(talk) != "LOCATION"


def test_hostile_slot_text_is_escaped_in_speech(talk):
    talk.intent("RecommendIntent", location=Unmatched("<audio src='x'/> & knee"))
    assert "<audio" not in talk.ssml and "knee" not in talk.speech


def test_help_mid_dialog_explains_and_repeats_the_pending_question(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    question = pending_question(talk)
    talk.intent("AMAZON.HelpIntent")
    assert "few short questions" in talk.speech
    assert pending_question(talk) == question and talk.reprompt


def test_repeat_mid_dialog_says_the_question_again_without_what_came_before_it(talk):
    talk.launch()
    assert "Welcome" in talk.speech and "Where does it hurt" in talk.speech
    talk.intent("AMAZON.RepeatIntent")
    assert talk.speech.startswith("Where does it hurt") and "Welcome" not in talk.speech and talk.reprompt
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    question = pending_question(talk)
    talk.intent("AMAZON.RepeatIntent")
    assert pending_question(talk) == question and "sorry" not in talk.speech.lower()


def test_say_that_again_right_after_care_words_ended_the_visit_repeats_them_and_only_them(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", symptom="WEIGHT_LOSS")
    care = talk.speech
    assert "checked today" in care and talk.ended
    talk.intent("AMAZON.RepeatIntent")  # a new visit, straight after
    assert talk.speech == care, "not 'I haven't said anything yet' before the words it said"


def test_repeat_with_nothing_said_and_nothing_standing_says_so(talk):
    talk.intent("AMAZON.RepeatIntent")
    assert "I haven't said anything yet" in talk.speech


def test_fallback_mid_dialog_reasks_then_accepts_dont_know(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    question = pending_question(talk)
    talk.intent("AMAZON.FallbackIntent")
    assert "didn't get that" in talk.speech and pending_question(talk) == question
    talk.intent("AMAZON.FallbackIntent")
    assert pending_question(talk) != question


def test_start_over_forgets_the_episode_and_asks_where_it_hurts(talk):
    talk.intent("RecommendIntent", location="NECK", cause="NO_CAUSE", onset="DAYS")
    talk.intent("AMAZON.StartOverIntent")
    assert "start again" in talk.speech and pending_question(talk) == "LOCATION"


def test_stop_says_goodbye_and_ends(talk):
    talk.launch()
    talk.intent("AMAZON.StopIntent")
    assert "Take care" in talk.speech and talk.ended


def test_a_returning_user_within_three_days_is_not_screened_again(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    answer_questions(talk)
    talk.wait(hours=5)
    talk.intent("RecommendIntent")
    assert pending_question(talk) is None
    assert "I'd suggest ice" in talk.speech


def test_a_new_episode_after_three_quiet_days_is_screened_again(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    answer_questions(talk)
    talk.wait(days=4)
    talk.intent("RecommendIntent", location="LOWER_BACK")
    assert pending_question(talk) is not None


def test_yes_to_anything_else_says_what_the_skill_can_do(talk):
    talk.intent("CancelSessionIntent")
    assert "no session running" in talk.speech and "anything else" in talk.speech
    talk.yes()
    assert "What would you like" in talk.speech and not talk.ended


# More decision-table rows, each as the person would put it: what they said, which screening
# questions they answered yes, and the words the advice must contain.
DECISION_PATHS = [
    ("D8", dict(location="LOWER_BACK", condition="HERNIATED_DISC", onset="DAYS", cause="NO_CAUSE"), (),
     ["I'd suggest ice", "disc that flared up"]),
    ("D8_LATER", dict(location="LOWER_BACK", condition="HERNIATED_DISC", onset="WEEKS", cause="NO_CAUSE"), (),
     ["swap between ice and heat", "half an hour"]),
    ("D9", dict(location="NECK", condition="WHIPLASH", onset="DAYS", cause="INJURY"), (),
     ["I'd suggest ice", "whiplash"]),
    ("D12", dict(location="LOWER_BACK", symptom="STIFFNESS", onset="WEEKS", cause="NO_CAUSE"), (),
     ["I'd suggest heat", "loosens stiffness"]),
    ("D13", dict(location="UPPER_BACK", onset="DAYS", cause="NO_CAUSE"), ("UPPER_BACK_MUSCULAR",),
     ["I'd suggest heat", "sore muscles"]),
    ("D2 upper back not clearly muscular", dict(location="UPPER_BACK", onset="DAYS", cause="NO_CAUSE"),
     ("URGENT_SIGNS",),
     ["checked today"]),
    ("D15", dict(location="LEG", onset="WEEKS", cause="NO_CAUSE"), (),
     ["I'd suggest heat", "leg pain", "both legs"]),
    ("D20 with a preference",
     dict(location="LOWER_BACK", onset="MONTHS", cause="NO_CAUSE", preference="ICE"), (),
     ["so ice it is", "regular movement"]),
    ("D6_LATER", dict(location="LOWER_BACK", onset="WEEKS", cause="INJURY", preference="HEAT"), (),
     ["so heat it is", "no longer needs to come first"]),
    ("D3 fragile bones", dict(location="LOWER_BACK", onset="TODAY", cause="INJURY"),
     ("URGENT_OR_FRAGILE", "FRAGILE_BONES"),
     ["even a small strain can cause a break", "call nine one one"]),
]


@pytest.mark.parametrize(("rule", "said", "yes", "words"), DECISION_PATHS, ids=[p[0] for p in DECISION_PATHS])
def test_decision_paths_the_dialog_can_reach(talk, rule, said, yes, words):
    talk.intent("RecommendIntent", **said)
    answer_questions(talk, yes=yes)
    for expected in words:
        assert expected in talk.speech, rule


def test_D22_preferred_heat_is_declined_with_the_reason_when_there_is_swelling(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="DAYS", preference="HEAT",
                symptom="SWELLING")
    answer_questions(talk)
    assert "you'd prefer heat, but I'd rather not" in talk.speech
    assert "heat can make swelling worse" in talk.speech
    assert "ice session" in talk.speech


def test_answers_given_before_walking_away_are_kept_for_next_time(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    talk.no()  # numbness between the legs, bladder or bowels, both legs
    talk.wait(hours=2)  # no answer: Alexa ends the session
    talk.intent("RecommendIntent")
    assert pending_question(talk) not in (None, "LOCATION", "LOWER_TIER_A")
    answer_questions(talk)
    assert "I'd suggest ice" in talk.speech


@pytest.mark.parametrize("leave", ["stop", "cancel", "silence"])
def test_answers_are_kept_whatever_ends_the_visit(talk, leave):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="INJURY", onset="TODAY")
    talk.no()  # no emergency signs
    if leave == "silence":
        talk.wait(hours=1)  # Alexa ends the session after the reprompt: SessionEndedRequest
    else:
        talk.intent("AMAZON.StopIntent" if leave == "stop" else "AMAZON.CancelIntent")
        assert talk.ended
    talk.wait(hours=1)
    talk.intent("RecommendIntent")
    assert pending_question(talk) == "URGENT_OR_FRAGILE", "nothing answered is asked again"


def test_a_safety_question_answered_with_something_else_is_never_asked_a_third_time(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="DAYS", cause="NO_CAUSE")
    assert pending_question(talk) == "LOWER_TIER_A"
    talk.intent("RecommendIntent", condition="SCIATICA")  # something new, but not an answer
    assert pending_question(talk) == "LOWER_TIER_A"
    assert talk.speech.startswith("Thanks. Just to check:")
    talk.intent("RecommendIntent", symptom="SPASM")
    # Settled the way "not sure" is (8.5): each sign asked on its own, starting with the first.
    assert pending_question(talk) == "SADDLE_NUMBNESS"


def test_a_plain_numb_in_reply_to_the_numbness_question_is_a_yes(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="DAYS", cause="NO_CAUSE")
    talk.intent("RecommendIntent", symptom="NUMBNESS")  # "yes it's numb"
    assert pending_question(talk) == "SADDLE_NUMBNESS", "a yes to the combined question: which one"


def test_not_sure_about_chest_pain_names_the_chest_signs_to_call_about(talk):
    talk.intent("RecommendIntent", location="UPPER_BACK", onset="DAYS", cause="NO_CAUSE")
    assert pending_question(talk) == "CHEST_PAIN"
    talk.dont_know()
    talk.dont_know()
    assert "checked today" in talk.speech and "chest" in talk.speech
    assert "between your legs" not in talk.speech


def test_a_neck_is_told_the_neck_signs_to_call_about_not_the_lower_backs(talk):
    talk.intent("RecommendIntent", location="NECK", onset="DAYS", cause="NO_CAUSE", symptom="NUMBNESS")
    answer_questions(talk)
    assert "Nerve symptoms" in talk.speech
    assert "weak or clumsy" in talk.speech and "between your legs" not in talk.speech
    assert "between your legs" not in talk.card["content"]


def test_after_an_emergency_a_reply_it_cannot_use_hears_the_care_again_not_the_menu(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", symptom="SADDLE_NUMBNESS")
    assert "nine one one" in talk.speech and talk.ended
    talk.intent("AMAZON.FallbackIntent")
    assert "nine one one" in talk.speech
    assert "start a session" not in talk.speech and "heat or ice" not in talk.speech.replace(
        "I'm not going to suggest heat or ice", "")


def test_a_yes_no_question_asked_again_is_still_a_question_not_only_its_examples(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="DAYS", cause="INJURY")
    talk.no()  # the lower back's emergency signs
    assert pending_question(talk) == "URGENT_OR_FRAGILE"
    talk.intent("RecommendIntent", condition="SCIATICA")  # something else, not an answer
    assert talk.speech.startswith("Thanks. Just to check:")
    assert "Do any of these apply" in talk.speech and "For example" not in talk.speech


def _stretch_asked_after_advice_for_a_stiff_neck_since_last_week(talk) -> None:
    talk.intent("RecommendIntent", location="NECK", onset="WEEKS", symptom="STIFFNESS")
    asked = answer_questions(talk)
    assert "CAUSE" not in asked, "it changes nothing in the advice for a stiff neck"
    assert "I'd suggest heat" in talk.speech
    talk.intent("StretchIntent")
    assert pending_question(talk) == "CAUSE", "a stretch needs it (8.6)"


def test_asked_for_a_stretch_with_the_start_already_said_how_it_started_is_asked_alone(talk):
    _stretch_asked_after_advice_for_a_stiff_neck_since_last_week(talk)
    assert "How did it start?" in talk.speech
    assert "and when" not in talk.speech, "the start was said already"


def test_a_reply_that_answers_nothing_before_a_stretch_is_not_understood_once_not_twice_over(talk):
    _stretch_asked_after_advice_for_a_stiff_neck_since_last_week(talk)
    talk.intent("AMAZON.FallbackIntent")
    assert "I didn't get that." in talk.speech
    assert "Just to check" not in talk.speech, "one way of saying it was not understood"
    assert pending_question(talk) == "CAUSE"


@pytest.mark.parametrize(("when", "emergency"), [("DAYS", True), ("MONTHS", False)])
def test_a_start_said_in_reply_to_whether_an_unchecked_accident_was_recent_answers_it(talk, when, emergency):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="ACCIDENT")
    replies = (("LOWER_TIER_A", talk.no), ("ONSET", talk.dont_know), ("ACCIDENT_CHECKED", talk.no))
    for question, reply in replies:
        assert pending_question(talk) == question
        reply()
    assert pending_question(talk) == "ACCIDENT_RECENT_UNCHECKED"
    talk.intent("RecommendIntent", onset=when)  # "yeah, it was Tuesday", "no, years ago"
    assert ("nine one one" in talk.speech) is emergency
    assert "Just to check" not in talk.speech and pending_question(talk) != "ACCIDENT_RECENT_UNCHECKED"


def test_an_unchecked_fall_weeks_ago_is_advised_with_a_gp_if_it_changes_said_aloud(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", cause="ACCIDENT", onset="WEEKS")
    answer_questions(talk, no=("ACCIDENT_CHECKED", "ACCIDENT_RECENT_UNCHECKED"))
    assert "Heat or ice are both fine" in talk.speech or "I'd suggest" in talk.speech
    assert "If it has changed or is getting worse, see your doctor." in talk.speech, "8.1: Tier C, said aloud"


def test_a_checked_fresh_neck_injury_is_advised_in_words_for_a_neck(talk):
    talk.intent("RecommendIntent", location="NECK", cause="ACCIDENT", onset="TODAY")
    answer_questions(talk)  # a doctor has checked it
    assert "For a neck you've just hurt" in talk.speech
    assert "back" not in talk.speech
