"""How much of the held-out phrasings each hearer understands: virtual-alexa (Alexa's exact-matching
stand-in in the conversation tests) and the console's matcher, on every locale's model.

The phrasings (tests/voice/heldout_*.json) were written by people who had not seen the model, from what
each intent means; improve the model with wording that generalises, never by copying a case into it.
Run `python -m tests.voice.heldout` for the full coverage tables (per set, locale, category and intent).
"""

from __future__ import annotations

import pytest

from . import heldout

# Pass rates (percent) below which these tests fail, per set and hearer. They only ever go up: raise one
# when the model reaches more, never lower one to let a change through.
# Targets on every set: 90 on en-US, 95 on warning signs, 85 on each other locale. The first set meets
# them for both hearers, but it was read throughout the model's building. On the later sets, written
# afterwards, an exact matcher reaches far less: a phrasing passes only if a sample and the slot words
# spell it out word for word, and two slots side by side never split. The console, which aligns words
# as a person would, is the nearer measure of what a new phrasing meets (see heldout.FIRST_LOOK).
FLOORS: dict[str, dict[str, dict[str, float]]] = {
    "first": {
        "virtual-alexa": {"en-US": 91.0, "warning_sign": 98.0, "en-GB": 90.0, "en-CA": 88.0, "en-AU": 89.0,
                          "en-IN": 94.0},
        "console": {"en-US": 95.0, "warning_sign": 100.0, "en-GB": 100.0, "en-CA": 97.0, "en-AU": 100.0,
                    "en-IN": 97.0},
    },
    "regional": {
        "virtual-alexa": {"warning_sign": 15.0, "en-GB": 15.0, "en-CA": 24.0, "en-AU": 28.0, "en-IN": 13.0},
        "console": {"warning_sign": 92.0, "en-GB": 86.0, "en-CA": 77.0, "en-AU": 95.0, "en-IN": 82.0},
    },
    "third": {
        "virtual-alexa": {"en-US": 42.0, "warning_sign": 29.0, "en-GB": 20.0, "en-CA": 43.0, "en-AU": 26.0,
                          "en-IN": 26.0},
        "console": {"en-US": 90.0, "warning_sign": 88.0, "en-GB": 86.0, "en-CA": 93.0, "en-AU": 80.0,
                    "en-IN": 83.0},
    },
    "fourth": {
        "virtual-alexa": {"en-US": 40.0, "warning_sign": 11.0, "en-GB": 16.0, "en-CA": 23.0, "en-AU": 23.0,
                          "en-IN": 3.0},
        "console": {"en-US": 83.0, "warning_sign": 56.0, "en-GB": 73.0, "en-CA": 76.0, "en-AU": 76.0,
                    "en-IN": 76.0},
    },
}
FLOORED = [
    (batch, hearer, group)
    for batch, by_hearer in FLOORS.items()
    for hearer, by_group in by_hearer.items()
    for group in by_group
]

pytestmark = pytest.mark.skipif(
    not (heldout.NODE and heldout.HAVE_VIRTUAL_ALEXA), reason="needs node and `npm ci`"
)


@pytest.fixture(scope="module")
def cases() -> list[heldout.Case]:
    return heldout.load_cases()


@pytest.fixture(scope="module")
def heard(cases) -> dict[str, list[heldout.Outcome]]:
    return {"virtual-alexa": heldout.run_virtual_alexa(cases), "console": heldout.run_console(cases)}


def test_the_sets_cover_what_they_must(cases):
    assert len(cases) >= 300
    assert sum(c.category == "warning_sign" for c in cases) >= 60
    assert {c.locale for c in cases} == set(heldout.LOCALES)
    assert set(FLOORS) == set(heldout.SETS), "every set has its floors"
    for batch in heldout.SETS:
        found = [c for c in cases if c.batch == batch]
        assert {c.locale for c in found} >= {"en-GB", "en-CA", "en-AU", "en-IN"}
        assert sum(c.category == "warning_sign" for c in found) >= 20


@pytest.mark.parametrize(("batch", "hearer", "group"), FLOORED)
def test_each_hearer_understands_at_least_the_floor(heard, batch, hearer, group):
    found = heldout.groups(heldout.of_set(heard[hearer], batch))[group]
    rate = heldout.rate(found)
    floor = FLOORS[batch][hearer][group]
    assert rate >= floor, f"{batch} {hearer} {group}: {rate:.1f}% < {floor}%\n{heldout.failures(found)}"


@pytest.mark.parametrize("batch", list(FLOORS))
def test_the_console_hears_at_least_what_virtual_alexa_hears(heard, batch):
    console = heldout.groups(heldout.of_set(heard["console"], batch))
    exact = heldout.groups(heldout.of_set(heard["virtual-alexa"], batch))
    behind = {g: (heldout.rate(exact[g]), heldout.rate(console[g])) for g in exact
              if heldout.rate(console[g]) < heldout.rate(exact[g])}
    assert not behind, behind


def test_coverage_tables(heard, capsys):
    with capsys.disabled():
        print()
        print(heldout.markdown(heard["virtual-alexa"], "virtual-alexa 0.7.8 (exact matching)"))
        print(heldout.markdown(heard["console"], "Console matcher (heat_or_ice_web.nlu)"))
