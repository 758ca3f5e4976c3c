"""The persona benchmark's runner drives the real skill to advice and names the advice it heard."""

from __future__ import annotations

import pytest
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder

from heat_or_ice.adapters import SqlitePersistenceAdapter
from heat_or_ice.skill.builder import build_skill
from scripts.personas.cast import PERSONAS
from scripts.personas.hearing import EMERGENCY, ICE, NOT_COVERED, SAME_DAY, advice_in, catalogue, waiting_for
from scripts.personas.people import NO, YES, answer
from scripts.personas.report import SECTION, summarise, write_section
from scripts.personas.runner import run_all, run_persona


@pytest.fixture
def skill(tmp_path):
    store = SqlitePersistenceAdapter(tmp_path / "personas.sqlite3")
    yield build_skill(persistence_adapter=store)
    store.close()


def persona(name: str):
    return next(p for p in PERSONAS if p.name == name)


def test_the_cast_is_large_enough_and_names_are_unique():
    names = [p.name for p in PERSONAS]
    assert len(names) >= 45
    assert len(set(names)) == len(names)


def test_someone_who_says_numb_between_the_legs_hears_emergency_care_at_once(skill):
    result = run_persona(persona("saddle_numbness_said"), skill)
    assert result.heard == EMERGENCY
    assert result.utterances == 1 and result.words > 0
    assert result.right


def test_a_lifting_strain_is_answered_question_by_question_until_ice(skill):
    result = run_persona(persona("lifting_box"), skill)
    assert result.heard == ICE
    assert result.utterances == len(result.transcript)
    assert result.transcript[0][0].startswith("RecommendIntent(location=LOWER_BACK")
    assert all(said in ("no", "yes") or said.startswith("RecommendIntent") for said, _ in result.transcript)


def test_a_launch_counts_as_an_utterance(skill):
    plain = run_persona(persona("lifting_box"), skill)
    launched = run_persona(persona("lifting_box_after_launch"), skill)
    assert launched.transcript[0][0] == "LaunchRequest()"
    assert launched.utterances == plain.utterances + 1


def test_a_person_says_yes_only_to_a_question_that_names_a_sign_they_have():
    question = "Any numbness between your legs or around your bottom?"
    assert answer(persona("saddle_numbness_asked"), "SADDLE_NUMBNESS", question, None, 1) == YES
    assert answer(persona("neck_pins_and_needles_arm"), "SADDLE_NUMBNESS",
                  "Any numbness or tingling between your legs?", None, 1) == NO


def test_a_question_whose_yes_is_reassuring_is_answered_the_right_way_round():
    question = "Did it come on after desk work or exertion, and does it feel like a sore muscle?"
    assert answer(persona("desk_upper_back"), "UPPER_BACK_MUSCULAR", question, None, 1) == YES
    assert answer(persona("high_upper_back_not_muscular"), "UPPER_BACK_MUSCULAR", question, None, 1) == NO


def test_what_the_skill_waits_on_is_read_from_either_form_of_the_dialog_state():
    typed = {"sessionAttributes": {"dialog": {"waiting": "QUESTION", "question": "ONSET", "misses": 0}}}
    older = {"sessionAttributes": {"expect": {"kind": "question", "id": "ONSET"}}}
    assert waiting_for(typed) == waiting_for(older) == ("QUESTION", "ONSET")
    assert waiting_for({"sessionAttributes": {}}) == ("NOTHING", None)


def test_care_is_told_apart_by_the_locale_text_spoken():
    cat = catalogue()
    card = {"response": {"card": {"title": cat.say("care.card_title")}}}
    urgent = next(k for k, v in cat.strings.items() if k.startswith("care.") and "{urgent_care}" in v)
    emergency = next(k for k, v in cat.strings.items()
                     if k.startswith("care.") and "{emergency_number}" in v and "{urgent_care}" not in v)
    assert advice_in(card, cat.say(urgent)).advice == SAME_DAY
    assert advice_in(card, cat.say(emergency)).advice == EMERGENCY


def test_a_skill_that_stops_after_saying_which_places_it_covers_is_heard_as_not_covered():
    places = catalogue().strings

    class SaysWhichPlacesItCovers(AbstractRequestHandler):
        def can_handle(self, handler_input):
            return True

        def handle(self, handler_input):
            words = (f"I can help with your {places['location.LOWER_BACK']}, {places['location.UPPER_BACK']} "
                     f"or {places['location.NECK']}, but not that place.")
            return handler_input.response_builder.speak(words).set_should_end_session(True).response

    builder = SkillBuilder()
    builder.add_request_handler(SaysWhichPlacesItCovers())
    result = run_persona(persona("knee"), builder.create())
    assert result.heard == NOT_COVERED and result.right
    assert result.utterances == 1


def test_the_summary_counts_right_answers():
    results = run_all([persona("saddle_numbness_said"), persona("fever_said")])
    summary = summarise(results)
    assert (summary.right, summary.total) == (2, 2)
    assert summary.utterances.maximum == 1


def test_writing_replaces_only_the_persona_section(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# Benchmarks\n\n## Warm\nkept\n\n{SECTION}\n\nold numbers\n\n## Later\nalso kept\n")
    write_section(path, f"{SECTION}\n\nnew numbers\n")
    text = path.read_text()
    assert "new numbers" in text and "old numbers" not in text
    assert text.index("kept") < text.index("new numbers") < text.index("also kept")
