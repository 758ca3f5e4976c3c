"""How much of the held-out set each hearer understands: virtual-alexa (Alexa's exact-matching stand-in
in the conversation tests) and the console's matcher, on every locale's model.

The phrasings in heldout_utterances.json were written by someone who had not seen the model, from what
each intent means; improve the model with wording that generalises, never by copying a case into it.
Run `python -m tests.voice.heldout` for the full coverage tables (per locale, category and intent).
"""

from __future__ import annotations

import pytest

from . import heldout

# Pass rates (percent) below which these tests fail, for both hearers. They only ever go up: raise one
# when the model reaches more, never lower one to let a change through.
# Targets: 90 on en-US, 95 on warning signs, 85 on each other locale. virtual-alexa cannot split two
# slots that touch ("hurt my back lifting a box this morning") and the Canadian, Australian and Indian
# cases use words the model deliberately was not given from the set, so their floors start lower.
FLOORS = {
    "en-US": 90.0,
    "warning_sign": 95.0,
    "en-GB": 85.0,
    "en-CA": 69.0,
    "en-AU": 81.0,
    "en-IN": 82.0,
}

pytestmark = pytest.mark.skipif(
    not (heldout.NODE and heldout.HAVE_VIRTUAL_ALEXA), reason="needs node and `npm ci`"
)


@pytest.fixture(scope="module")
def cases() -> list[heldout.Case]:
    return heldout.load_cases()


@pytest.fixture(scope="module")
def virtual_alexa(cases) -> list[heldout.Outcome]:
    return heldout.run_virtual_alexa(cases)


@pytest.fixture(scope="module")
def console(cases) -> list[heldout.Outcome]:
    return heldout.run_console(cases)


def test_the_set_covers_what_it_must(cases):
    assert len(cases) >= 300
    assert sum(c.category == "warning_sign" for c in cases) >= 60
    assert {c.locale for c in cases} == set(heldout.LOCALES)


@pytest.mark.parametrize("group", list(FLOORS))
def test_virtual_alexa_understands_at_least_the_floor(virtual_alexa, group):
    found = heldout.groups(virtual_alexa)[group]
    rate = heldout.rate(found)
    assert rate >= FLOORS[group], f"{group}: {rate:.1f}% < {FLOORS[group]}%\n{heldout.failures(found)}"


@pytest.mark.parametrize("group", list(FLOORS))
def test_the_console_understands_at_least_the_floor(console, group):
    found = heldout.groups(console)[group]
    rate = heldout.rate(found)
    assert rate >= FLOORS[group], f"{group}: {rate:.1f}% < {FLOORS[group]}%\n{heldout.failures(found)}"


@pytest.mark.parametrize("group", list(FLOORS))
def test_the_console_hears_at_least_what_virtual_alexa_hears(virtual_alexa, console, group):
    assert heldout.rate(heldout.groups(console)[group]) >= heldout.rate(heldout.groups(virtual_alexa)[group])


def test_coverage_tables(virtual_alexa, console, capsys):
    with capsys.disabled():
        print()
        print(heldout.markdown(virtual_alexa, "virtual-alexa 0.7.8 (exact matching)"))
        print(heldout.markdown(console, "Console matcher (heat_or_ice_web.nlu)"))
