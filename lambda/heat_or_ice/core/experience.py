"""What past sessions in this episode taught us, read from `Answers.outcomes`.

Public API
- `times_worse(outcomes, modality) -> int`: sessions of that kind reported WORSE.
- `burned_by(outcomes, modality) -> bool`: burning or tingling got worse with it (D18).
- `times_bad(outcomes, modalities=all) -> int`: WORSE or burning, the count behind D24.
- `helped(outcomes) -> frozenset[Modality]`, `last_helped(outcomes) -> Modality | None`.
- `report_outcome(answers, modality, outcome, at) -> SessionOutcome`: what a person's "it felt
  worse" means for the rules: worse with heat while burning or tingling counts as D18 (8.3).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from .model import Answers, Modality, Outcome, SessionOutcome, Symptom

HEATS = frozenset({Modality.HEAT, Modality.MOIST_HEAT})
ALL_MODALITIES = frozenset(Modality)


def _bad(outcome: SessionOutcome) -> bool:
    return outcome.outcome is Outcome.WORSE or outcome.burning


def times_worse(outcomes: Iterable[SessionOutcome], modality: Modality) -> int:
    return sum(1 for o in outcomes if o.modality is modality and o.outcome is Outcome.WORSE)


def burned_by(outcomes: Iterable[SessionOutcome], modality: Modality) -> bool:
    return any(o.burning and o.modality is modality for o in outcomes)


def times_bad(outcomes: Iterable[SessionOutcome], modalities: frozenset[Modality] = ALL_MODALITIES) -> int:
    return sum(1 for o in outcomes if o.modality in modalities and _bad(o))


def helped(outcomes: Iterable[SessionOutcome]) -> frozenset[Modality]:
    return frozenset(o.modality for o in outcomes if o.outcome is Outcome.BETTER and not o.burning)


def last_helped(outcomes: tuple[SessionOutcome, ...]) -> Modality | None:
    for o in reversed(outcomes):
        if o.outcome is Outcome.BETTER and not o.burning:
            return o.modality
    return None


def report_outcome(answers: Answers, modality: Modality, outcome: Outcome, at: datetime) -> SessionOutcome:
    # D18 (S2-07, 8.3): burning or tingling that gets worse with heat is its own signal to stop heat.
    said = bool({Symptom.BURNING, Symptom.TINGLING} & answers.symptoms)
    burning = outcome is Outcome.WORSE and modality in HEATS and said
    return SessionOutcome(modality, outcome, at, burning=burning)
