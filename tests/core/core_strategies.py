"""Shared builders for the core tests: answer strategies for hypothesis, and a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from heat_or_ice.core import (
    Answers,
    Cause,
    Condition,
    Location,
    Modality,
    Onset,
    OtherPlace,
    Outcome,
    QuestionId,
    RedFlag,
    SessionOutcome,
    SessionRecord,
    Symptom,
    Tier,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TIER_A = tuple(f for f in RedFlag if f.tier is Tier.A)
TIER_B = tuple(f for f in RedFlag if f.tier is Tier.B)
TIER_C = tuple(f for f in RedFlag if f.tier is Tier.C)
HEATS = frozenset({Modality.HEAT, Modality.MOIST_HEAT})
ALL = frozenset(Modality)


def maybe(values):
    return st.none() | st.sampled_from(tuple(values))


def outcome(
    modality: Modality, result: Outcome, *, burning: bool = False, minutes_ago: int = 60
) -> SessionOutcome:
    return SessionOutcome(modality, result, NOW - timedelta(minutes=minutes_ago), burning=burning)


def session(modality: Modality, start: datetime, minutes: int) -> SessionRecord:
    return SessionRecord(modality, start, start + timedelta(minutes=minutes))


outcomes = st.builds(
    SessionOutcome,
    modality=st.sampled_from(Modality),
    outcome=st.sampled_from(Outcome),
    at=st.just(NOW),
    burning=st.booleans(),
)


SOME_FLAGS = st.frozensets(st.sampled_from(RedFlag), max_size=2)
SOME_SYMPTOMS = st.frozensets(st.sampled_from(Symptom), max_size=4)


def answers(
    red_flags: st.SearchStrategy = SOME_FLAGS,
    symptoms: st.SearchStrategy = SOME_SYMPTOMS,
    skin_unsafe: st.SearchStrategy = st.booleans(),  # noqa: B008 - strategies are immutable values
) -> st.SearchStrategy[Answers]:
    """Any combination of answers. Flags are rarer by default so most examples reach comfort rules."""
    return st.builds(
        Answers,
        location=maybe(Location),
        other_place=maybe(OtherPlace),
        onset=maybe(Onset),
        cause=maybe(Cause),
        symptoms=symptoms,
        condition=maybe(Condition),
        preference=maybe(Modality),
        red_flags=red_flags,
        unsure_red_flags=st.frozensets(st.sampled_from(RedFlag), max_size=1),
        skin_unsafe=skin_unsafe,
        answered=st.frozensets(st.sampled_from(QuestionId), max_size=4),
        outcomes=st.lists(outcomes, max_size=3).map(tuple),
    )


calm_answers = answers(
    red_flags=st.just(frozenset()),
    symptoms=st.frozensets(st.sampled_from((Symptom.SPASM, Symptom.STIFFNESS, Symptom.SWELLING)), max_size=2),
    skin_unsafe=st.just(False),
)
