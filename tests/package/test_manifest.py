"""skill.json: what certification reads, and its agreement with the interaction models and icons."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zlib

import pytest

from ._voice import ROOT, SKILL_PACKAGE, SLOT, Model, load_skill_json, locales_of_models, normalise

MANIFEST = load_skill_json()["manifest"]
PUBLISHING = MANIFEST["publishingInformation"]
LOCALES = sorted(PUBLISHING["locales"])
EMERGENCY_NUMBERS = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112"}
COUNTRY_OF = {"en-US": "US", "en-CA": "CA", "en-GB": "GB", "en-AU": "AU", "en-IN": "IN"}
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
ICON_SIZES = {"smallIconUri": 108, "largeIconUri": 512}


@pytest.fixture(params=LOCALES)
def locale(request) -> str:
    return request.param


def sample_matches(model: Model, phrase: str) -> bool:
    """True when the phrase is one of the model's samples, its slots filled with words of their types."""
    phrase = normalise(phrase)
    for name, intent in model.intents.items():
        slot_types = model.slot_types(name)
        for sample in intent.get("samples", []):
            parts = SLOT.split(sample)
            pattern = "".join(
                re.escape(normalise(part)) if i % 2 == 0 else f"(?P<{part}>.+?)"
                for i, part in enumerate(parts)
            )
            m = re.fullmatch(pattern.replace(r"\ ", " "), phrase)
            if not m:
                continue
            ok = True
            for slot, value in m.groupdict().items():
                slot_type = slot_types[slot]
                if slot_type in model.types and value.strip() not in model.words(slot_type):
                    ok = False
            if ok:
                return True
    return False


def test_every_manifest_locale_has_a_model_and_back():
    assert LOCALES == locales_of_models()


def test_distribution_countries_match_the_locales():
    assert PUBLISHING["isAvailableWorldwide"] is False
    assert sorted(PUBLISHING["distributionCountries"]) == sorted(COUNTRY_OF[locale] for locale in LOCALES)


def test_category_is_health_and_fitness():
    assert PUBLISHING["category"] == "HEALTH_AND_FITNESS"


def test_testing_instructions_are_given():
    assert len(PUBLISHING["testingInstructions"]) > 200


def test_locale_text_fields_are_filled(locale):
    entry = PUBLISHING["locales"][locale]
    assert entry["name"] and entry["keywords"]
    assert 0 < len(entry["summary"]) <= 160
    assert 0 < len(entry["description"]) <= 4000


def test_description_carries_the_medical_disclaimer_and_emergency_number(locale):
    description = PUBLISHING["locales"][locale]["description"]
    assert "not a substitute for professional medical advice" in description
    assert re.search(rf"\bcall {EMERGENCY_NUMBERS[locale]}\b", description)
    other_numbers = set(EMERGENCY_NUMBERS.values()) - {EMERGENCY_NUMBERS[locale]}
    assert not [n for n in other_numbers if re.search(rf"\b{n}\b", description)]


def test_example_phrases_are_real_samples(locale):
    model = Model.load(locale)
    invocation = re.escape(model.invocation_name)
    phrases = PUBLISHING["locales"][locale]["examplePhrases"]
    assert len(phrases) == 3
    assert re.fullmatch(rf"Alexa, open {invocation}", phrases[0]), "the first phrase opens the skill"
    for phrase in phrases[1:]:
        m = re.fullmatch(rf"Alexa, ask {invocation} (?:to )?(.+)", phrase)
        assert m, phrase
        assert sample_matches(model, m.group(1)), f"{locale}: {m.group(1)!r} is not a sample"


def test_phrases_quoted_in_the_description_are_real(locale):
    model = Model.load(locale)
    for quoted in re.findall(r'"([^"]+)"', PUBLISHING["locales"][locale]["description"]):
        if quoted.startswith("Alexa, open "):
            assert quoted == f"Alexa, open {model.invocation_name}"
        else:
            assert sample_matches(model, quoted), f"{locale}: {quoted!r}"


def test_the_skill_name_matches_the_invocation_name(locale):
    name = PUBLISHING["locales"][locale]["name"]
    assert name.lower() == Model.load(locale).invocation_name


def test_privacy_and_compliance_are_declared(locale):
    privacy = MANIFEST["privacyAndCompliance"]
    assert privacy["allowsPurchases"] is False
    assert privacy["isChildDirected"] is False
    assert privacy["isExportCompliant"] is True
    assert privacy["containsAds"] is False
    # The skill stores what people tell it about their pain, so it says it uses personal
    # information and must link a privacy policy in every locale.
    assert privacy["usesPersonalInfo"] is True
    assert privacy["locales"][locale]["privacyPolicyUrl"].startswith("https://")


def test_timers_permission_is_requested():
    assert {"name": TIMERS_SCOPE} in MANIFEST["permissions"]


def test_endpoint_is_a_lambda_arn():
    uri = MANIFEST["apis"]["custom"]["endpoint"]["uri"]
    assert re.fullmatch(r"arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?", uri)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    header = data[16:29]
    assert struct.unpack(">I", data[29:33])[0] == zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF
    return struct.unpack(">II", header[:8])


def test_icons_exist_and_have_the_right_size(locale):
    entry = PUBLISHING["locales"][locale]
    for field, size in ICON_SIZES.items():
        uri = entry[field]
        assert uri.startswith("file://assets/images/") and uri.endswith(".png"), uri
        path = SKILL_PACKAGE / uri.removeprefix("file://")
        assert png_size(path.read_bytes()) == (size, size), path


def test_icons_are_what_the_generator_draws():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_icons.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, "run scripts/make_icons.py: " + result.stderr
