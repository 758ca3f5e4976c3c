"""The real virtual-alexa (the client the conversation tests drive) hears samples as _voice.py says.

This checks the fast emulation in _voice.py, which the model tests use on every sample and slot word,
against the real thing on a fixed selection of them: each selected sample with its slots filled, and
selected slot words said on their own, must reach the same intent and entity-resolution ids in both.
One node process per locale hears all of its utterances; the locales run side by side.
"""

from __future__ import annotations

import json
import re
import zlib

import pytest

from tests.voice.heldout import HAVE_VIRTUAL_ALEXA, NODE, start_virtual_alexa

from ._voice import Model, has_adjacent_slots
from .test_interaction_model import LOCALES, MODELS, custom_intents, instances

SAMPLES_PER_LOCALE = 300  # about; each costs virtual-alexa a few milliseconds on a model this size
WORDS_PER_LOCALE = 150

pytestmark = pytest.mark.skipif(not (NODE and HAVE_VIRTUAL_ALEXA), reason="needs node and `npm ci`")


def picked(texts: list[str], about: int) -> list[str]:
    """A fixed selection of about `about` texts: the same ones on every run, spread over the list."""
    every = max(1, len(texts) // about)
    return [t for t in texts if zlib.crc32(t.encode()) % every == 0]


def expected_utterances(model: Model) -> list[tuple[str, str, dict[str, str]]]:
    cases = []
    samples = [
        (i, s)
        for i in custom_intents(model)
        for s in model.intents[i]["samples"]
        if not has_adjacent_slots(s)
    ]
    chosen = set(picked([s for _, s in samples], SAMPLES_PER_LOCALE))
    for intent, sample in samples:
        if sample in chosen:
            cases += [(u, intent, slots) for u, slots in instances(model, intent, sample)]
    bare = {}
    for intent in custom_intents(model):
        for sample in model.intents[intent]["samples"]:
            if re.fullmatch(r"\{\w+\}", sample):
                bare[model.slot_types(intent)[sample[1:-1]]] = (intent, sample[1:-1])
    words = [(w, t, v) for t, v, w in model.all_words() if t in bare]
    chosen_words = set(picked([w for w, _, _ in words], WORDS_PER_LOCALE))
    cases += [(w, bare[t][0], {bare[t][1]: v}) for w, t, v in words if w in chosen_words]
    # what the emulation makes of each: the test checks the real client agrees
    expected = []
    for utterance, _intent, _slots in cases:
        best = model.resolve(utterance)
        got = (best.intent, {k: v.strip() for k, v in best.values.items()}) if best else (None, {})
        expected.append((utterance, got[0], got[1]))
    return expected


@pytest.fixture(scope="module")
def heard_by_locale() -> dict[str, tuple[list, list]]:
    cases = {locale: expected_utterances(MODELS[locale]) for locale in LOCALES}
    running = {
        locale: start_virtual_alexa(locale, [u for u, _, _ in found]) for locale, found in cases.items()
    }
    heard = {}
    for locale, process in running.items():
        out, err = process.stdout.read(), process.stderr.read()
        assert process.wait(timeout=300) == 0, err
        heard[locale] = (cases[locale], json.loads(out))
    return heard


@pytest.mark.parametrize("locale", LOCALES)
def test_virtual_alexa_hears_what_the_emulation_says(locale, heard_by_locale):
    cases, heard = heard_by_locale[locale]
    problems = []
    for (utterance, intent, slots), result in zip(cases, heard, strict=True):
        got = (result.get("intent"), {k: str(v).strip() for k, v in result.get("slots", {}).items()})
        if got != (intent, slots):
            problems.append((utterance, (intent, slots), result))
    assert len(cases) > SAMPLES_PER_LOCALE / 2
    assert not problems[:10], f"{len(problems)} of {len(cases)} utterances heard differently"
