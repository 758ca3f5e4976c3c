"""Fixtures for the console tests: the fixture interaction model and skill, and the real ones when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from heat_or_ice_web.interaction_model import InteractionModel
from heat_or_ice_web.nlu import Understander

HERE = Path(__file__).parent
FIXTURE_MODEL = HERE / "fixture_model.json"
FIXTURE_SKILL = HERE / "fixture_skill.py"
REPO = HERE.parents[1]
REAL_MODEL = REPO / "skill-package" / "interactionModels" / "custom" / "en-US.json"


@pytest.fixture(scope="session")
def fixture_model() -> InteractionModel:
    return InteractionModel.load(FIXTURE_MODEL)


@pytest.fixture(scope="session")
def fixture_nlu(fixture_model) -> Understander:
    return Understander(fixture_model)


@pytest.fixture(scope="session")
def real_nlu() -> Understander:
    if not REAL_MODEL.is_file():
        pytest.skip("the skill's en-US interaction model is not written yet")
    return Understander(InteractionModel.load(REAL_MODEL))
