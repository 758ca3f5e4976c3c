"""Warning signs in words Alexa heard but could not resolve (ER_SUCCESS_NO_MATCH)."""

from __future__ import annotations

import pytest

from heat_or_ice.core import Symptom
from heat_or_ice.skill.warning_words import warning_signs_in
from tests.skill.screening import pending_question
from tests.support.conversation import Unmatched

S = Symptom


@pytest.mark.parametrize(
    ("heard", "sign"),
    [
        ("my groin area feels kind of numb", S.SADDLE_NUMBNESS),
        ("no feeling at all round my backside", S.SADDLE_NUMBNESS),
        ("i can't feel much between my legs", S.SADDLE_NUMBNESS),
        ("i haven't been able to pee right since", S.BLADDER_BOWEL),
        ("i wet the bed last night", S.BLADDER_BOWEL),
        ("my knee keeps buckling on the stairs", S.LEG_GIVING_WAY),
        ("my foot sort of drags along", S.LEG_GIVING_WAY),
        ("trouble getting an erection lately", S.SEXUAL_FUNCTION),
        ("i keep seeing double", S.NECK_DANGER),
        ("it's hard to swallow", S.NECK_DANGER),
        ("a tight feeling in my chest", S.CHEST_PAIN),
        ("i've been running hot and shivering", S.FEVER),
        ("i've dropped about ten pounds", S.WEIGHT_LOSS),
        ("i went through chemo for lymphoma", S.CANCER_HISTORY),
        ("it wakes me at three every morning", S.NIGHT_PAIN),
        ("agony whenever i sneeze", S.COUGH_SNEEZE),
        ("my spine has gone a funny shape", S.LUMP),
        ("my hand is pale and cold", S.COLD_ARM),
        ("i'm wobbly when i walk", S.UNSTEADY),
        ("i'm on tablets after a liver transplant", S.INFECTION_RISK),
        ("the worst headache i've had", S.SEVERE_HEADACHE),
    ],
)
def test_unresolved_words_that_name_a_warning_sign_find_it(heard, sign):
    assert sign in warning_signs_in(heard)


@pytest.mark.parametrize(
    "heard",
    [
        "no numbness down there",
        "nothing wrong with my bladder",
        "i don't have a fever",
        "i haven't noticed any trouble peeing",
        "no problems with my legs giving way",
        "not numb between my legs",
        "it's just sore and stiff",
        "a dull ache low down",
        "",
    ],
)
def test_words_that_deny_a_sign_or_name_none_find_nothing(heard):
    assert warning_signs_in(heard) == frozenset()


def test_saddle_numbness_in_words_the_model_lacks_is_still_an_emergency(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="DAYS", cause="NO_CAUSE")
    assert pending_question(talk) == "LOWER_TIER_A"
    talk.intent("RecommendIntent", symptom=Unmatched("my groin area's gone kind of numb"))
    assert "nine one one" in talk.speech and talk.ended
    assert "groin" not in talk.speech, "the words are never said back"


def test_unresolved_words_that_deny_keep_the_question(talk):
    talk.intent("RecommendIntent", location="LOWER_BACK", onset="DAYS", cause="NO_CAUSE")
    talk.intent("RecommendIntent", symptom=Unmatched("no numbness down there thankfully"))
    assert "nine one one" not in talk.speech and not talk.ended
    assert pending_question(talk) == "LOWER_TIER_A"
