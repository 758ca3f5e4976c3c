"""The interaction models: certification rules, the voice contract, and virtual-alexa matching."""

from __future__ import annotations

import re
import subprocess
import sys
import zlib
from collections import defaultdict

import pytest

from ._voice import (
    MODELS_DIR,
    ROOT,
    SLOT,
    VIRTUAL_ALEXA_BUILT_INS,
    Model,
    has_adjacent_slots,
    locales_of_models,
    normalise,
    slots_in,
)

LOCALES = ["en-AU", "en-CA", "en-GB", "en-IN", "en-US"]
MODELS = {locale: Model.load(locale) for locale in locales_of_models()}

# The voice contract: handlers, the core's enums and conversation tests rely on these names.
CONTRACT_TYPES = {
    "PainLocation": {
        "LOWER_BACK", "UPPER_BACK", "NECK", "LEG",
        # places the skill does not advise on
        "KNEE", "HIP", "SHOULDER", "ARM", "ELBOW", "WRIST", "HAND", "ANKLE", "FOOT", "HEAD", "STOMACH",
    },
    "Onset": {"TODAY", "DAYS", "WEEKS", "MONTHS", "FLARE_UP"},
    "Cause": {"INJURY", "ACCIDENT", "NO_CAUSE"},
    "Symptom": {
        "SPASM", "STIFFNESS", "SWELLING", "BURNING", "NUMBNESS", "WEAKNESS", "SHOOTING_PAIN", "BOTH_LEGS",
        "SADDLE_NUMBNESS", "BLADDER_BOWEL", "FEVER", "CHEST_PAIN",
        "TINGLING", "LEG_GIVING_WAY", "SEXUAL_FUNCTION", "NECK_DANGER", "SEVERE_HEADACHE", "WEIGHT_LOSS",
        "CANCER_HISTORY", "NIGHT_PAIN", "COUGH_SNEEZE", "LUMP", "COLD_ARM", "UNSTEADY", "INFECTION_RISK",
    },
    "Condition": {"HERNIATED_DISC", "SCIATICA", "ARTHRITIS", "WHIPLASH", "OSTEOPOROSIS",
                  "LONG_TERM_STEROIDS"},
    "Modality": {"HEAT", "ICE", "MOIST_HEAT"},
    "Outcome": {"BETTER", "SAME", "WORSE"},
    "HoldChange": {"LONGER", "SHORTER"},
}
CONTRACT_INTENTS = {
    "RecommendIntent": {
        "location": "PainLocation", "onset": "Onset", "cause": "Cause", "symptom": "Symptom",
        "otherSymptom": "Symptom", "condition": "Condition", "preference": "Modality",
    },
    "DontKnowIntent": {},
    "StartSessionIntent": {"modality": "Modality", "duration": "AMAZON.DURATION"},
    "SessionStatusIntent": {"modality": "Modality"},
    "CancelSessionIntent": {"modality": "Modality"},
    "FeedbackIntent": {"outcome": "Outcome", "modality": "Modality"},
    "StretchIntent": {"location": "PainLocation"},
    "StretchHoldIntent": {"change": "HoldChange", "seconds": "AMAZON.NUMBER"},
    "ForgetMeIntent": {},
}
REQUIRED_BUILT_INS = {
    "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent",
    "AMAZON.FallbackIntent", "AMAZON.RepeatIntent", "AMAZON.StartOverIntent", "AMAZON.YesIntent",
    "AMAZON.NoIntent",
}
ALSO_USED_BUILT_INS = {"AMAZON.NextIntent", "AMAZON.PauseIntent", "AMAZON.ResumeIntent"}

LAUNCH_WORDS = re.compile(r"\b(ask|open|launch|tell|talk to|enable|start skill)\b", re.IGNORECASE)
# virtual-alexa's own test: any utterance *containing* one of these becomes a LaunchRequest.
LAUNCH_SUBSTRINGS = re.compile(r"(ask|open|launch|talk to|tell)", re.IGNORECASE)
WAKE_WORDS = {"alexa", "amazon", "echo", "computer", "ziggy"}
SAMPLE_CHARS = re.compile(r"^[A-Za-z' .{}]+$")
WORD_CHARS = re.compile(r"^[A-Za-z' .]+$")
# What Alexa's built-in intents (and virtual-alexa's copies of them) already claim.
BUILT_IN_PHRASES = {p for phrases in VIRTUAL_ALEXA_BUILT_INS.values() for p in phrases} | {
    "okay", "ok", "yeah", "yep", "nope", "exit", "quit", "forget it", "go back", "more", "previous", "what",
}


def custom_intents(model: Model) -> list[str]:
    return [name for name in model.intents if not name.startswith("AMAZON.")]


def all_samples(model: Model):
    """(intent, slot or None, sample) for every intent sample and slot-filling sample."""
    for name, intent in model.intents.items():
        for sample in intent.get("samples", []):
            yield name, None, sample
        for slot in intent.get("slots", []):
            for sample in slot.get("samples", []):
                yield name, slot["name"], sample


@pytest.fixture(params=LOCALES)
def model(request) -> Model:
    return MODELS[request.param]


def test_every_locale_has_a_model():
    assert sorted(MODELS) == LOCALES


def test_models_are_what_the_generator_writes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_interaction_models.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, "run scripts/make_interaction_models.py: " + result.stderr


# --- invocation name -------------------------------------------------------------------------
def test_invocation_name_follows_the_certification_rules(model):
    """Lower-case letters and spaces only, at least two words, no launch phrase or wake word.

    "heat or ice coach" has four words, so the rule against connecting words ("or", "for", "the")
    in two-word names does not apply; it is not a person's or place's name.
    """
    name = model.invocation_name
    assert re.fullmatch(r"[a-z]+( [a-z]+)+", name), name
    words = name.split()
    assert len(words) >= 2
    assert not LAUNCH_WORDS.search(name)
    assert not WAKE_WORDS & set(words)
    if len(words) == 2:
        assert not {"the", "a", "an", "for", "to", "of", "or", "and", "in", "on"} & set(words)


def test_every_locale_uses_the_same_invocation_name():
    assert len({m.invocation_name for m in MODELS.values()}) == 1


# --- samples ---------------------------------------------------------------------------------
def test_samples_use_only_letters_spaces_apostrophes_periods_and_slots(model):
    bad = [s for _, _, s in all_samples(model) if not SAMPLE_CHARS.match(s) or re.search(r"\d", s)]
    assert not bad


def test_slot_words_use_only_letters_spaces_apostrophes_and_periods(model):
    bad = [w for _, _, w in model.all_words() if not WORD_CHARS.match(w)]
    assert not bad


def test_samples_have_no_stray_spaces_or_braces(model):
    for _, _, sample in all_samples(model):
        assert sample == sample.strip() and "  " not in sample, sample
        assert SLOT.sub("", sample).count("{") == 0 and SLOT.sub("", sample).count("}") == 0, sample


def test_no_sample_uses_a_launch_phrase(model):
    bad = [s for _, _, s in all_samples(model) if LAUNCH_WORDS.search(SLOT.sub(" ", s))]
    assert not bad


def test_no_sample_or_slot_word_contains_a_launch_phrase_even_inside_a_word(model):
    """virtual-alexa turns any utterance containing "ask" ("basketball") into a LaunchRequest."""
    texts = [SLOT.sub(" ", s) for _, _, s in all_samples(model)] + [w for _, _, w in model.all_words()]
    assert not [t for t in texts if LAUNCH_SUBSTRINGS.search(t)]


def test_no_sample_or_slot_word_contains_a_wake_word(model):
    texts = [SLOT.sub(" ", s) for _, _, s in all_samples(model)] + [w for _, _, w in model.all_words()]
    assert not [t for t in texts if WAKE_WORDS & set(t.lower().split())]


def test_every_slot_in_a_sample_is_declared_on_its_intent(model):
    for intent, _, sample in all_samples(model):
        declared = model.slot_types(intent)
        for slot in slots_in(sample):
            assert slot in declared, f"{intent}: {sample!r} uses undeclared slot {slot}"


def test_slot_samples_fill_their_own_slot_only(model):
    for intent, slot, sample in all_samples(model):
        if slot is not None:
            assert slots_in(sample) == [slot], f"{intent}.{slot}: {sample!r}"


def test_no_slot_appears_twice_in_one_sample(model):
    for intent, _, sample in all_samples(model):
        assert len(slots_in(sample)) == len(set(slots_in(sample))), f"{intent}: {sample!r}"


def test_no_sample_is_in_two_intents_or_twice_in_one(model):
    owners = defaultdict(list)
    for intent, slot, sample in all_samples(model):
        if slot is None:
            owners[normalise(sample)].append(intent)
    assert not {s: i for s, i in owners.items() if len(i) > 1}


def test_slot_samples_do_not_repeat_their_intent_samples(model):
    for name, intent in model.intents.items():
        intent_samples = {normalise(s) for s in intent.get("samples", [])}
        for slot in intent.get("slots", []):
            slot_samples = [normalise(s) for s in slot.get("samples", [])]
            assert len(slot_samples) == len(set(slot_samples)), f"{name}.{slot['name']}"
            assert not intent_samples & set(slot_samples), f"{name}.{slot['name']}"


def test_no_custom_sample_takes_a_phrase_of_a_built_in_intent(model):
    for intent, slot, sample in all_samples(model):
        if not intent.startswith("AMAZON.") and slot is None:
            assert normalise(sample) not in BUILT_IN_PHRASES, f"{intent}: {sample!r}"


def test_no_slot_word_answered_alone_is_a_built_in_phrase(model):
    """Bare "{slot}" samples make every slot word a whole utterance ("{outcome}" -> "good")."""
    assert not [w for _, _, w in model.all_words() if w.lower() in BUILT_IN_PHRASES]


def test_recommend_intent_has_many_natural_phrasings(model):
    assert len(model.intents["RecommendIntent"]["samples"]) >= 60


def test_every_custom_intent_has_samples(model):
    for name in custom_intents(model):
        assert len(model.intents[name]["samples"]) >= 5, name


# --- slot types --------------------------------------------------------------------------------
def test_every_slot_type_is_custom_or_built_in(model):
    for name, intent in model.intents.items():
        for slot in intent.get("slots", []):
            assert slot["type"] in model.types or slot["type"].startswith("AMAZON."), (name, slot)


def test_every_custom_type_is_used(model):
    used = {slot["type"] for intent in model.intents.values() for slot in intent.get("slots", [])}
    assert set(model.types) <= used


def test_value_ids_are_the_voice_contract(model):
    assert {name: {v["id"] for v in t["values"]} for name, t in model.types.items()} == CONTRACT_TYPES


def test_no_word_means_two_values_of_a_type(model):
    for name, slot_type in model.types.items():
        seen: dict[str, str] = {}
        for value in slot_type["values"]:
            for word in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                key = normalise(word)
                assert seen.setdefault(key, value["id"]) == value["id"], f"{name}: {word!r}"
                assert key == word.lower() or word == word.strip(), word
            synonyms = [normalise(s) for s in value["name"].get("synonyms", [])]
            assert len(synonyms) == len(set(synonyms)), (name, value["id"])
            assert normalise(value["name"]["value"]) not in synonyms, (name, value["id"])


def test_no_word_belongs_to_two_slot_types(model):
    """Samples such as "{symptom}" and "{outcome}" stand alone: only the word tells them apart."""
    owner: dict[str, str] = {}
    clashes = []
    for type_name, _, word in model.all_words():
        if owner.setdefault(normalise(word), type_name) != type_name:
            clashes.append((word, owner[normalise(word)], type_name))
    assert not clashes


def test_every_value_has_synonyms(model):
    for name, slot_type in model.types.items():
        for value in slot_type["values"]:
            assert value["name"].get("synonyms"), (name, value["id"])


# --- intents -------------------------------------------------------------------------------------
def test_intents_and_slots_are_the_voice_contract(model):
    assert {name: model.slot_types(name) for name in custom_intents(model)} == CONTRACT_INTENTS


def test_required_built_in_intents_are_present(model):
    assert REQUIRED_BUILT_INS | ALSO_USED_BUILT_INS <= set(model.intents)


def test_fallback_sensitivity_is_set(model):
    level = model.language_model["modelConfiguration"]["fallbackIntentSensitivity"]["level"]
    assert level in {"LOW", "MEDIUM", "HIGH"}


def test_locales_share_intents_slots_types_and_value_ids(model):
    reference = MODELS["en-US"]
    assert list(model.intents) == list(reference.intents)
    for name in model.intents:
        assert model.slot_types(name) == reference.slot_types(name), name
    assert {n: [v["id"] for v in t["values"]] for n, t in model.types.items()} == {
        n: [v["id"] for v in t["values"]] for n, t in reference.types.items()
    }


# --- dialog ----------------------------------------------------------------------------------------
def test_dialog_lets_the_skill_elicit_recommend_and_session_slots(model):
    dialog = model.dialog
    intents = {i["name"]: i for i in dialog["intents"]}
    assert {"RecommendIntent", "StartSessionIntent"} <= set(intents)
    for name, intent in intents.items():
        assert intent["delegationStrategy"] == "SKILL_RESPONSE", name
    assert {s["name"] for s in intents["RecommendIntent"]["slots"]} == set(
        CONTRACT_INTENTS["RecommendIntent"]
    )
    assert "modality" in {s["name"] for s in intents["StartSessionIntent"]["slots"]}


def test_dialog_refers_only_to_declared_intents_slots_and_prompts(model):
    prompt_ids = {p["id"] for p in model.prompts or []}
    referenced = set()
    for intent in model.dialog["intents"]:
        assert intent["name"] in model.intents
        declared = model.slot_types(intent["name"])
        referenced |= set(intent.get("prompts", {}).values())
        for slot in intent["slots"]:
            assert declared.get(slot["name"]) == slot["type"], (intent["name"], slot["name"])
            referenced |= set(slot.get("prompts", {}).values())
            if slot.get("elicitationRequired"):
                assert slot["prompts"].get("elicitation"), (intent["name"], slot["name"])
    assert referenced <= prompt_ids
    assert prompt_ids <= referenced, "a prompts array only for prompts the dialog uses"


def test_elicited_slots_have_slot_filling_samples(model):
    for intent, slot in [
        ("RecommendIntent", "location"), ("RecommendIntent", "onset"), ("RecommendIntent", "cause"),
        ("RecommendIntent", "preference"), ("StartSessionIntent", "modality"),
    ]:
        slots = {s["name"]: s for s in model.intents[intent]["slots"]}
        assert slots[slot].get("samples"), (intent, slot)


# --- matching, as virtual-alexa does it ----------------------------------------------------------
def instances(model: Model, intent: str, sample: str, most: int = 1) -> list[tuple[str, dict[str, str]]]:
    """Utterances made from a sample, its slots filled with their types' value names.

    At most `most` of them, the value names picked by the sample's checksum: each sample is tried with
    a different mix, and every value name comes up across the thousands of samples.
    """
    slot_types = model.slot_types(intent)
    names = slots_in(sample)
    if not names:
        return [(sample, {})]
    # virtual-alexa's greedy matching splits at the last occurrence of a joining word, so a value
    # that contains one ("nothing" holds "in") is tried in samples whose joining words it lacks.
    joins = [part.strip().lower() for part in SLOT.split(sample)[2::2] if part.strip()]
    fillers = {}
    for name in names:
        slot_type = slot_types[name]
        if slot_type in model.types:
            words = model.type_words[slot_type]
            names_of_values = model.value_names(slot_type)
            fitting = [w for w in names_of_values if not any(j in w.lower() for j in joins)]
            fillers[name] = [(w, words[w.lower()]) for w in fitting or names_of_values]
        elif slot_type == "AMAZON.NUMBER":
            # virtual-alexa knows digits and one..twenty only
            fillers[name] = [("20", "20"), ("five", "five")]
        else:
            fillers[name] = [("ten minutes", "ten minutes")]
    made = []
    longest = max(len(f) for f in fillers.values())
    start = zlib.crc32(sample.encode()) % longest
    for k in range(start, start + min(most, longest)):
        text, expected = sample, {}
        for name in names:
            word, value = fillers[name][k % len(fillers[name])]
            text = text.replace("{" + name + "}", word)
            expected[name] = value
        made.append((text, expected))
    return made


def test_every_sample_resolves_to_its_own_intent_and_slot_values(model):
    problems = []
    for intent in custom_intents(model) + ["AMAZON.HelpIntent"]:
        for sample in model.intents[intent]["samples"]:
            if has_adjacent_slots(sample):
                continue  # virtual-alexa cannot split "{a} {b}"; Alexa's NLU can
            for utterance, expected in instances(model, intent, sample):
                found = model.matches(utterance)
                best = model.best(found)
                if best is None or best.intent != intent:
                    problems.append((utterance, intent, best and (best.intent, best.sample)))
                    continue
                got = {k: v.strip() for k, v in best.values.items()}
                if got != expected:
                    problems.append((utterance, expected, got))
                ties = [
                    m for m in found
                    if m.intent != intent and m.score == best.score and m.typed_slots == best.typed_slots
                ]
                if ties:
                    problems.append((utterance, "tie with", [(m.intent, m.sample) for m in ties]))
    assert not problems[:20], f"{len(problems)} problems"


def test_no_literal_sample_is_also_an_instance_of_a_slotted_sample(model):
    """"start a heat session" next to "start a {modality} session" would win the match and lose
    the slot (virtual-alexa prefers literal text; Alexa would see two intents or no slot)."""
    problems = []
    for intent in model.intents:
        for sample in model.intents[intent].get("samples", []):
            if not slots_in(sample):
                others = [m for m in model.matches(sample) if m.sample != sample]
                if others:
                    problems.append((intent, sample, [(m.intent, m.sample) for m in others]))
    assert not problems


def test_every_slot_word_alone_resolves_to_its_type(model):
    """A lone answer ("yesterday", "frozen peas") reaches the slot that owns the word.

    Slot words are often whole clauses ("I pulled a muscle in my neck"); one may be read as a longer
    sample ("{cause} in {location}") as long as that reading keeps the word's own value.
    """
    bare = {}
    for intent in custom_intents(model):
        for sample in model.intents[intent]["samples"]:
            if re.fullmatch(r"\{\w+\}", sample):
                bare[model.slot_types(intent)[sample[1:-1]]] = intent
    problems = []
    for type_name, value_id, word in model.all_words():
        if type_name in bare:
            best = model.resolve(word)
            if best is None or best.intent != bare[type_name] or value_id not in best.values.values():
                problems.append((word, type_name, best and (best.intent, best.values)))
    assert not problems


def test_adjacent_slot_samples_have_a_matchable_twin(model):
    """Samples like "I hurt my {location} {onset}" help Alexa but never match in virtual-alexa;
    each must have a twin with the same slots and words between them that conversation tests can use."""
    for intent in custom_intents(model):
        separated = [set(slots_in(s)) for s in model.intents[intent]["samples"] if not has_adjacent_slots(s)]
        for sample in model.intents[intent]["samples"]:
            if has_adjacent_slots(sample):
                assert set(slots_in(sample)) in separated, f"{intent}: {sample!r}"


def test_model_files_are_pretty_printed_json():
    for path in MODELS_DIR.glob("*.json"):
        assert path.read_text(encoding="utf-8").endswith("}\n"), path


# --- what people say, as the issue lists it ---------------------------------------------------
PLAIN_WORDS = [
    # warning signs in plain words
    ("I can't feel my groin", "RecommendIntent", {"symptom": "SADDLE_NUMBNESS"}),
    ("my bottom feels numb", "RecommendIntent", {"symptom": "SADDLE_NUMBNESS"}),
    ("I've wet myself since the pain started", "RecommendIntent", {"symptom": "BLADDER_BOWEL"}),
    ("I can't pee", "RecommendIntent", {"symptom": "BLADDER_BOWEL"}),
    ("both my legs are tingling", "RecommendIntent", {"symptom": "BOTH_LEGS"}),
    ("my leg keeps giving way", "RecommendIntent", {"symptom": "LEG_GIVING_WAY"}),
    ("my chest hurts too", "RecommendIntent", {"symptom": "CHEST_PAIN"}),
    ("I've been running a temperature", "RecommendIntent", {"symptom": "FEVER"}),
    ("I fell off a ladder", "RecommendIntent", {"cause": "ACCIDENT"}),
    ("I came off my bike", "RecommendIntent", {"cause": "ACCIDENT"}),
    ("I slipped", "RecommendIntent", {"cause": "ACCIDENT"}),
    ("I did wet myself", "RecommendIntent", {"symptom": "BLADDER_BOWEL"}),
    ("I can't feel anything between my legs", "RecommendIntent", {"symptom": "SADDLE_NUMBNESS"}),
    # waking up with it gives the place and that nothing set it off (rules 8.5)
    ("my neck has been stiff since I woke up", "RecommendIntent",
     {"cause": "NO_CAUSE", "symptom": "STIFFNESS", "location": "NECK"}),
    # nerve words told apart (rules 8.3)
    ("pins and needles", "RecommendIntent", {"symptom": "TINGLING"}),
    ("it's tingling", "RecommendIntent", {"symptom": "TINGLING"}),
    ("it's burning", "RecommendIntent", {"symptom": "BURNING"}),
    ("it's numb", "RecommendIntent", {"symptom": "NUMBNESS"}),
    # everyday wording
    ("heat or cold", "RecommendIntent", {}),
    ("hot water bottle", "RecommendIntent", {"preference": "HEAT"}),
    ("I've done my back in", "RecommendIntent", {"location": "LOWER_BACK"}),
    ("I've put my back out", "RecommendIntent", {"location": "LOWER_BACK"}),
    ("a slipped disc", "RecommendIntent", {"condition": "HERNIATED_DISC"}),
    ("a fortnight ago", "RecommendIntent", {"onset": "WEEKS"}),
    ("playing cricket", "RecommendIntent", {"cause": "INJURY"}),
    ("it flared up", "RecommendIntent", {"onset": "FLARE_UP"}),
    ("the ice really helped", "FeedbackIntent", {"outcome": "BETTER", "modality": "ICE"}),
    ("end my heat session", "CancelSessionIntent", {"modality": "HEAT"}),
    # short answers
    ("yeah", "AMAZON.YesIntent", {}),
    ("nope", "AMAZON.NoIntent", {}),
    ("not really", "AMAZON.NoIntent", {}),
    ("nothing like that", "AMAZON.NoIntent", {}),
    ("no swelling", "AMAZON.NoIntent", {}),
    ("that's enough", "AMAZON.StopIntent", {}),
    ("either", "DontKnowIntent", {}),
    ("no preference", "DontKnowIntent", {}),
    ("you choose", "DontKnowIntent", {}),
    ("whatever you recommend", "DontKnowIntent", {}),
    ("what do you suggest", "DontKnowIntent", {}),
]


@pytest.mark.parametrize("said, intent, slots", PLAIN_WORDS)
def test_plain_words_reach_their_intent_and_value_ids_in_every_locale(said, intent, slots):
    for locale, model in MODELS.items():
        best = model.resolve(said)
        assert best is not None, (locale, said)
        got = {k: v.strip() for k, v in best.values.items()}
        assert best.intent == intent and {k: got.get(k) for k in slots} == slots, (locale, said, best)


def _generator():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_interaction_models
    finally:
        sys.path.pop(0)
    return make_interaction_models


def test_no_negation_can_be_heard_as_a_symptom(model):
    """Every "no ..." sample is the No intent, and no custom sample matches it at all (so "no swelling"
    can never reach RecommendIntent with SWELLING, in virtual-alexa or in Alexa)."""
    problems = []
    for sample in model.intents["AMAZON.NoIntent"]["samples"]:
        found = model.matches(sample)
        others = [m for m in found if m.intent != "AMAZON.NoIntent"]
        if others or model.best(found).intent != "AMAZON.NoIntent":
            problems.append((sample, [(m.intent, m.sample) for m in others][:3]))
    assert not problems


def test_each_symptom_name_negated_is_a_no_and_said_alone_is_the_symptom(model):
    generator = _generator()
    symptoms = model.type_words["Symptom"]
    problems = []
    for name in generator.NEGATED_NAMES:
        if model.resolve(f"no {name}").intent != "AMAZON.NoIntent":
            problems.append(f"no {name}")
        if name in symptoms:
            alone = model.resolve(name)
            if alone is None or symptoms[name] not in alone.values.values():
                problems.append(name)
    assert not problems
    assert sum(name in symptoms for name in generator.NEGATED_NAMES) >= 20


# --- size, and Alexa's limits ----------------------------------------------------------------------
# Alexa's interaction model limits: 1.5 MB for a locale's model (a model over it is not built), 200
# characters per sample, no sample in two intents (the last two are checked by the generator and above).
# Samples per intent and slot words are a budget of ours, inside Alexa's 50,000 custom slot values.
BUDGET = {"samples per intent": 6000, "slot words in all": 40000, "bytes per model file": 1_500_000}


def test_the_model_keeps_to_its_budget(model):
    for name, intent in model.intents.items():
        assert len(intent.get("samples", [])) <= BUDGET["samples per intent"], name
    assert len(model.all_words()) <= BUDGET["slot words in all"]
    assert (MODELS_DIR / f"{model.locale}.json").stat().st_size <= BUDGET["bytes per model file"]
    for _, _, sample in all_samples(model):
        assert len(sample) <= 200, sample


# --- multiple-value slots ------------------------------------------------------------------------
def test_multiple_values_only_where_alexa_offers_them(monkeypatch):
    generator = _generator()
    monkeypatch.setattr(generator, "MULTIPLE_VALUE_SLOTS", {"RecommendIntent": ("symptom",)})
    for locale in LOCALES:
        slots = {
            s["name"]: s
            for i in generator.build_model(locale)["interactionModel"]["languageModel"]["intents"]
            if i["name"] == "RecommendIntent"
            for s in i["slots"]
        }
        enabled = slots["symptom"].get("multipleValues") == {"enabled": True}
        assert enabled == (locale in ("en-US", "en-GB", "en-CA", "en-AU")), locale
        assert "multipleValues" not in slots["otherSymptom"]


def test_a_multiple_value_slot_is_read_value_by_value_by_the_skill(model):
    """Alexa sends such a slot as a list in `slotValue`, not in `value`: a skill reading it with
    `read_enum` alone would miss what was said. Enable one only once the skill reads it with
    `read_enum_values`."""
    skill_code = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "lambda" / "heat_or_ice" / "skill").rglob("*.py")
    )
    for name, intent in model.intents.items():
        for slot in intent.get("slots", []):
            if slot.get("multipleValues", {}).get("enabled"):
                assert re.search(rf"read_enum_values\([^)]*[\"']{slot['name']}[\"']", skill_code), (
                    name,
                    slot["name"],
                )
