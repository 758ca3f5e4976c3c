"""Every word the skill can say exists in every locale, and what the core can decide has words."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from heat_or_ice.core import Location, QuestionId
from heat_or_ice.core.advice import CARE_ACTIONS, REASON_KEYS
from heat_or_ice.core.model import Caution, Modality
from heat_or_ice.skill.speech import LOCALES_DIR, SUPPORTED_LOCALES, Speech
from heat_or_ice.skill.ssml import Pause, to_ssml

LOCALES = Path(LOCALES_DIR)

BASE = json.loads((LOCALES / "en.json").read_text())


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_reason_question_caution_and_modality_has_words(locale):
    speech = Speech(locale)
    for key in REASON_KEYS:
        assert speech.has(f"reason.{key}") or speech.has(f"care.{key}"), key
    for question in QuestionId:
        assert speech.say(f"question.{question.value}") and speech.say(f"question.{question.value}.reprompt")
    for caution in Caution:
        assert speech.say(f"caution.{caution.value}")
    for modality in Modality:
        assert speech.say(f"modality.{modality.value}") and speech.say(f"announce.end.{modality.value}")


def test_care_reasons_have_care_words():
    care_reasons = {"D1", "D1_UNSURE", "D2", "D3", "D3_FRAGILE_BONES", "D3_UNSURE"}
    assert care_reasons <= REASON_KEYS
    # A reason may have its words for one place ("care.D1_UNSURE.NECK"); the reason part is still one.
    cares = [key for key in BASE if key.startswith("care.") and key != "care.card_title"]
    assert {key.split(".")[1] for key in cares} == care_reasons
    places = {key.split(".")[2] for key in cares if key.count(".") == 2}
    assert places <= {location.value for location in Location}
    assert CARE_ACTIONS


def test_no_words_for_reasons_the_core_never_gives():
    # A reason may have its words for one place ("reason.D6.NECK"); the reason part is still one.
    spoken = [key.split(".") for key in BASE if key.startswith("reason.")]
    assert {parts[1] for parts in spoken} <= REASON_KEYS
    assert {parts[2] for parts in spoken if len(parts) == 3} <= {location.value for location in Location}


@pytest.mark.parametrize("locale", [loc for loc in SUPPORTED_LOCALES if (LOCALES / f"{loc}.json").exists()])
def test_country_files_only_override_known_keys(locale):
    override = json.loads((LOCALES / f"{locale}.json").read_text())
    for key, text in override.items():
        assert key in BASE, key
        assert _placeholders(text) == _placeholders(BASE[key]), key


def test_every_placeholder_is_filled_by_a_locale_value_or_a_caller():
    speech = Speech("en-GB")
    assert "nine nine nine" in speech.say("caution.RED_FLAG_WATCH")


def test_emergency_numbers_per_country():
    numbers = {loc: Speech(loc).say("care.D1") for loc in SUPPORTED_LOCALES}
    assert "nine one one" in numbers["en-US"] and "nine one one" in numbers["en-CA"]
    assert "nine nine nine" in numbers["en-GB"] and "triple zero" in numbers["en-AU"]
    assert "one one two" in numbers["en-IN"]


def test_unknown_locales_fall_back_to_us_english():
    assert Speech("fr-FR").locale == "en-US" and Speech(None).locale == "en-US"


def test_ssml_escapes_text_once_and_chains_long_pauses():
    assert to_ssml(["Fish & <chips>"]) == "Fish &amp; &lt;chips&gt;"
    assert to_ssml(["Hold", Pause(25), "release"]) == (
        'Hold <break time="10s"/><break time="10s"/><break time="5s"/> release'
    )


def test_ssml_refuses_speech_over_alexas_limit():
    with pytest.raises(ValueError):
        to_ssml(["word " * 2000])
