"""Typed words -> intents and slots, on a small fixture model and on the skill's real en-US model."""

from __future__ import annotations

import pytest

from heat_or_ice_web.nlu import FALLBACK
from heat_or_ice_web.spoken_values import describe_seconds, duration_seconds, parse_duration, parse_number


def resolved(understanding, slot):
    fill = understanding.slots[slot]
    return [value_id for value_id, _ in fill.matches]


# -- samples, synonyms, entity resolution ---------------------------------------------------
def test_an_exact_sample_picks_its_intent_whatever_the_case_and_punctuation(fixture_nlu):
    heard = fixture_nlu.understand("Should I use heat, or ice?")
    assert heard.intent == "RecommendIntent" and heard.slots == {} and heard.left_over == 0


def test_a_synonym_resolves_to_its_value_id(fixture_nlu):
    heard = fixture_nlu.understand("start a cold session")
    assert heard.intent == "StartSessionIntent"
    assert heard.slots["modality"].value == "cold"
    assert heard.slots["modality"].matches == (("ICE", "ice"),)


def test_a_multi_word_synonym_fills_the_slot_in_the_middle_of_a_sample(fixture_nlu):
    heard = fixture_nlu.understand("should I use heat or ice for my bottom of my back")
    assert resolved(heard, "location") == ["LOWER_BACK"]


def test_words_the_sample_does_not_explain_are_left_over_not_forced_into_a_slot(fixture_nlu):
    heard = fixture_nlu.understand("I hurt my lower back lifting a box this morning")
    assert heard.intent == "RecommendIntent"
    assert heard.slots["location"].value == "lower back"
    assert resolved(heard, "location") == ["LOWER_BACK"]
    assert heard.left_over == 5


def test_words_a_slot_type_does_not_know_are_never_made_into_a_value(fixture_nlu):
    heard = fixture_nlu.understand("my knee hurts")  # the fixture's type knows backs and necks only
    assert heard.intent == "RecommendIntent"
    assert "location" not in heard.slots and heard.left_over == 1


@pytest.mark.parametrize(
    "said, intent",
    [
        ("yes", "AMAZON.YesIntent"),
        ("yeah", "AMAZON.YesIntent"),
        ("sure", "AMAZON.YesIntent"),
        ("yes please", "AMAZON.YesIntent"),
        ("no", "AMAZON.NoIntent"),
        ("nope", "AMAZON.NoIntent"),
        ("help", "AMAZON.HelpIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("cancel", "AMAZON.CancelIntent"),
        ("say that again", "AMAZON.RepeatIntent"),
        ("Alexa, stop!", "AMAZON.StopIntent"),
    ],
)
def test_built_in_intents_need_no_samples(fixture_nlu, said, intent):
    assert fixture_nlu.understand(said).intent == intent


def test_built_in_intents_the_model_does_not_declare_are_never_chosen(fixture_nlu):
    assert fixture_nlu.understand("start over").intent == FALLBACK  # the fixture has no StartOverIntent


@pytest.mark.parametrize("said", ["what is the weather like today", "banana", "lower back"])
def test_nothing_good_enough_is_the_fallback_intent(fixture_nlu, said):
    assert fixture_nlu.understand(said).intent == FALLBACK


# -- invocation -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "said",
    ["open heat or ice", "Alexa, open Heat or Ice", "launch heat or ice", "talk to heat or ice", "launch"],
)
def test_opening_the_skill_is_a_launch(fixture_nlu, said):
    heard = fixture_nlu.understand(said)
    assert heard.is_launch and heard.says_invocation


def test_asking_the_skill_something_directly_is_that_intent_in_a_new_session(fixture_nlu):
    heard = fixture_nlu.understand("ask heat or ice to start a heat session for half an hour")
    assert heard.says_invocation and heard.intent == "StartSessionIntent"
    assert heard.slots["duration"].value == "PT30M"


def test_the_invocation_name_inside_a_sentence_is_not_a_launch(fixture_nlu):
    heard = fixture_nlu.understand("should I use heat or ice")
    assert not heard.says_invocation and heard.intent == "RecommendIntent"


# -- built-in slot types ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "said, iso",
    [
        ("ten minutes", "PT10M"),
        ("fifteen minutes", "PT15M"),
        ("20 minutes", "PT20M"),
        ("an hour", "PT1H"),
        ("half an hour", "PT30M"),
        ("an hour and a half", "PT1H30M"),
        ("twenty five minutes", "PT25M"),
        ("ninety minutes", "PT90M"),
        ("1.5 hours", "PT1H30M"),
        ("thirty seconds", "PT30S"),
        ("two days", "P2D"),
    ],
)
def test_spoken_durations_become_iso_8601(said, iso):
    assert parse_duration(said.split()) == iso


@pytest.mark.parametrize("said", ["minutes", "ten", "a box", ""])
def test_words_that_are_not_a_duration_are_not_one(said):
    assert parse_duration(said.split()) is None


@pytest.mark.parametrize(
    "said, number",
    [("three", 3), ("twenty five", 25), ("25", 25), ("one hundred and five", 105), ("a hundred", 100)],
)
def test_spoken_numbers_become_digits(said, number):
    assert parse_number(said.split()) == number


def test_iso_durations_read_back_as_seconds_and_words():
    assert duration_seconds("PT1H30M") == 5400 and duration_seconds("nonsense") is None
    assert describe_seconds(900) == "15 minutes" and describe_seconds(3660) == "1 hour 1 minute"


def test_a_duration_slot_is_sent_as_iso_and_a_number_slot_as_digits(fixture_nlu):
    session = fixture_nlu.understand("start a heat session for ten minutes")
    assert session.slots["duration"].value == "PT10M" and session.slots["duration"].matches is None
    stretches = fixture_nlu.understand("show me three stretches")
    assert stretches.intent == "StretchIntent" and stretches.slots["count"].value == "3"


# -- answers to a slot question (Dialog.ElicitSlot) ---------------------------------------------
def test_an_answer_fills_the_elicited_slot_from_the_type_values(fixture_nlu):
    heard = fixture_nlu.understand_answer("lower back", "RecommendIntent", "location")
    assert heard.intent == "RecommendIntent" and resolved(heard, "location") == ["LOWER_BACK"]


def test_an_answer_can_use_the_slot_samples(fixture_nlu):
    heard = fixture_nlu.understand_answer("it's my neck", "RecommendIntent", "location")
    assert resolved(heard, "location") == ["NECK"] and heard.left_over == 0


def test_an_unknown_answer_fills_the_slot_with_no_match(fixture_nlu):
    heard = fixture_nlu.understand_answer("my ankle", "RecommendIntent", "location")
    assert heard.intent == "RecommendIntent" and heard.slots["location"].matches == ()


def test_stop_while_answering_is_still_stop(fixture_nlu):
    assert fixture_nlu.understand_answer("stop", "RecommendIntent", "location").intent == "AMAZON.StopIntent"


def test_a_duration_answer_fills_a_duration_slot(fixture_nlu):
    heard = fixture_nlu.understand_answer("twenty minutes", "StartSessionIntent", "duration")
    assert heard.slots["duration"].value == "PT20M"


# -- the skill's own en-US model ----------------------------------------------------------------
def test_real_model_should_i_use_heat_or_ice(real_nlu):
    assert real_nlu.understand("should I use heat or ice").intent == "RecommendIntent"


def test_real_model_a_story_about_a_lower_back_injury(real_nlu):
    heard = real_nlu.understand("I hurt my lower back lifting a box this morning")
    assert heard.intent == "RecommendIntent"
    assert resolved(heard, "location") == ["LOWER_BACK"]
    # Whatever else the model can extract must resolve to real value ids.
    for name in set(heard.slots) - {"location"}:
        assert heard.slots[name].matches, f"{name} did not resolve"
    if "onset" in heard.slots:
        assert resolved(heard, "onset") == ["TODAY"]
    if "cause" in heard.slots:
        assert resolved(heard, "cause") == ["INJURY"]


def test_real_model_places_it_does_not_advise_on_still_resolve(real_nlu):
    heard = real_nlu.understand("my knee hurts")
    assert heard.intent == "RecommendIntent" and resolved(heard, "location") == ["KNEE"]


@pytest.mark.parametrize(
    "said, slots",
    [
        ("I can't feel my groin", {"symptom": "SADDLE_NUMBNESS"}),
        ("I've wet myself since the pain started", {"symptom": "BLADDER_BOWEL"}),
        ("both my legs are tingling", {"symptom": "BOTH_LEGS"}),
        ("my leg keeps giving way", {"symptom": "LEG_GIVING_WAY"}),
        ("I've been running a temperature", {"symptom": "FEVER"}),
        ("I fell off a ladder", {"cause": "ACCIDENT"}),
        ("I came off my bike", {"cause": "ACCIDENT"}),
        ("pins and needles", {"symptom": "TINGLING"}),
        ("a fortnight ago", {"onset": "WEEKS"}),
        ("3 days ago", {"onset": "DAYS"}),
        ("my neck's been sore since yesterday", {"location": "NECK", "onset": "DAYS"}),
        ("I hurt my lower back lifting a box this morning",
         {"location": "LOWER_BACK", "cause": "INJURY", "onset": "TODAY"}),
        ("is heat or ice better for a stiff neck", {"location": "NECK", "symptom": "STIFFNESS"}),
        # the place, and that nothing set it off (8.5); Alexa splits "a stiff neck", the console too
        ("I woke up with a stiff neck", {"cause": "NO_CAUSE", "symptom": "STIFFNESS", "location": "NECK"}),
    ],
)
def test_real_model_plain_words_resolve_to_value_ids(real_nlu, said, slots):
    heard = real_nlu.understand(said)
    assert heard.intent == "RecommendIntent"
    got = {name: resolved(heard, name) for name in heard.slots}
    assert all(len(ids) == 1 for ids in got.values()), got  # every slot resolved, none made up
    assert {name: got[name][0] for name in slots if name in got} == slots


def test_real_model_a_sentence_about_the_bladder_never_becomes_a_place(real_nlu):
    for said in ("I've wet myself since the pain started", "my wee has gone funny since the pain started"):
        assert "location" not in real_nlu.understand(said).slots
        answer = real_nlu.understand_answer(said, "RecommendIntent", "location")
        assert "location" not in answer.slots or answer.slots["location"].matches


@pytest.mark.parametrize(
    "said, intent",
    [("no swelling", "AMAZON.NoIntent"), ("nothing like that", "AMAZON.NoIntent"),
     ("nope", "AMAZON.NoIntent"),
     ("yeah", "AMAZON.YesIntent"), ("that's enough", "AMAZON.StopIntent"), ("either", "DontKnowIntent"),
     ("whatever you recommend", "DontKnowIntent"), ("end my heat session", "CancelSessionIntent"),
     # "Has a doctor checked you since it happened?"
     ("nobody has looked at it", "AMAZON.NoIntent"), ("not yet", "AMAZON.NoIntent"),
     ("i've seen a physio", "AMAZON.YesIntent"),
     ("nope i'm good bye", "AMAZON.StopIntent"), ("what was the last thing you said", "AMAZON.RepeatIntent"),
     ("i slept in the wrong position", "RecommendIntent"), ("since saturday", "RecommendIntent"),
     ("yeah my gp had a look", "AMAZON.YesIntent"), ("how long should i keep it on", "SessionStatusIntent")],
)
def test_real_model_short_answers_reach_their_intent(real_nlu, said, intent):
    assert real_nlu.understand(said).intent == intent


def test_real_model_start_a_heat_session_for_ten_minutes(real_nlu):
    heard = real_nlu.understand("start a heat session for ten minutes")
    assert heard.intent == "StartSessionIntent"
    assert resolved(heard, "modality") == ["HEAT"]
    assert heard.slots["duration"].value == "PT10M"


def test_real_model_opens_by_its_invocation_name(real_nlu):
    name = real_nlu.model.invocation_name
    assert real_nlu.understand(f"open {name}").is_launch
    assert real_nlu.understand("stop").intent == "AMAZON.StopIntent"


@pytest.mark.parametrize(
    "said",
    ["there's a squeezing in my chest", "there's a weird feeling in my groin", "there's pain in both legs"],
)
def test_real_model_never_hears_no_in_words_that_deny_nothing(real_nlu, said):
    # Close to "there's no pain in my chest" word for word; the missing "no" is the whole answer.
    assert real_nlu.understand(said).intent != "AMAZON.NoIntent"


def test_real_model_a_squeeze_in_the_chest_is_chest_pain(real_nlu):
    heard = real_nlu.understand("there's a squeezing in my chest")
    assert heard.intent == "RecommendIntent" and resolved(heard, "symptom") == ["CHEST_PAIN"]
