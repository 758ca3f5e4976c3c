"""The real virtual-alexa (the client the conversation tests drive) understands every sample.

This checks the fast emulation in _voice.py against the real thing: each sample, its slots
filled with value names, and every slot word said on its own, must reach the sample's intent
with the expected entity-resolution ids.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from ._voice import MODELS_DIR, ROOT, Model, has_adjacent_slots
from .test_interaction_model import LOCALES, custom_intents, instances

PROBE = ROOT / "tests" / "package" / "virtual_alexa_probe.js"
NODE = shutil.which("node")
HAVE_VIRTUAL_ALEXA = (ROOT / "node_modules" / "virtual-alexa").is_dir()

pytestmark = pytest.mark.skipif(not (NODE and HAVE_VIRTUAL_ALEXA), reason="needs node and `npm ci`")


def expected_utterances(model: Model) -> list[tuple[str, str, dict[str, str]]]:
    cases = []
    for intent in custom_intents(model):
        for sample in model.intents[intent]["samples"]:
            if not has_adjacent_slots(sample):
                cases += [(u, intent, slots) for u, slots in instances(model, intent, sample)]
            if re.fullmatch(r"\{\w+\}", sample):
                type_name = model.slot_types(intent)[sample[1:-1]]
                cases += [(w, intent, {sample[1:-1]: v}) for w, v in model.words(type_name).items()]
    return cases


@pytest.mark.parametrize("locale", LOCALES)
def test_virtual_alexa_matches_every_sample(locale):
    model = Model.load(locale)
    cases = expected_utterances(model)
    env = dict(os.environ, NODE_NO_WARNINGS="1", AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE="1",
               NODE_PATH=str(ROOT / "node_modules"))
    result = subprocess.run(
        [NODE, str(PROBE), str(MODELS_DIR / f"{locale}.json"), locale],
        input=json.dumps([u for u, _, _ in cases]), capture_output=True, text=True, env=env, cwd=ROOT,
        timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    problems = []
    for (utterance, intent, slots), heard in zip(cases, json.loads(result.stdout), strict=True):
        got = (heard.get("intent"), {k: str(v).strip() for k, v in heard.get("slots", {}).items()})
        if got != (intent, slots):
            problems.append((utterance, (intent, slots), heard))
    assert not problems[:10], f"{len(problems)} of {len(cases)} utterances misheard"
