"""The decision table of clinical rules section 1.2, as data, in the evaluation order of 1.1.

Each `Rule` row: table id, a condition on `Facts`, the recommended action, the reason key the
skill speaks, and the sources. `advise` (advice.py) reads the tables top to bottom:

1. `SAFETY_RULES`: red flags (D1, D3, D2, and the "still not sure" answers that mean a doctor
   today), no covered place (8.2), and the skin screen (D4). A match is the whole answer.
2. `ESCALATIONS`: see a clinician soon, with comfort care still allowed (D5, D24, and the "still not
   sure" answers that keep comfort care: fragile bones, Tier B; see the table in screening.py).
3. `COMFORT_RULES`: specific situations (D7, D18, D17, D8, D9, D6), then location and cause
   defaults (D19, D16, D11, D12, D20, D23, D13, D14, D15, D10), then preference (D21).
   A comfort row's `offer` gives way to the person's preference unless a safety block forbids
   it (D21, D22; see `facts.BLOCKS`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .facts import Facts
from .model import Action, Modality

ICE, HEAT, MOIST_HEAT = Modality.ICE, Modality.HEAT, Modality.MOIST_HEAT


@dataclass(frozen=True)
class Rule:
    id: str  # decision table row, "D1".."D24"
    when: Callable[[Facts], bool]
    action: Action
    reason: str  # reason key; the skill's locale files hold the words
    sources: tuple[str, ...]
    offer: Modality | None = None  # the modality to offer; ALTERNATE starts with ICE (2.2)
    also_fine: frozenset[Modality] = frozenset()  # the row's own words endorse these too
    from_experience: bool = False  # past outcomes decided it: Advice.learned_from = WORSE


def cites(ids: str) -> tuple[str, ...]:
    return tuple(ids.split())


def first_match(rules: tuple[Rule, ...], facts: Facts) -> Rule | None:
    return next((rule for rule in rules if rule.when(facts)), None)


SAFETY_RULES: tuple[Rule, ...] = (
    Rule("D1", lambda f: f.emergency_not_trauma, Action.CLINICIAN_NOW, "D1",
         cites("E5a E5b E5c E5d E6 E11 E22c E23 S2-13")),
    Rule("D3", lambda f: f.serious_accident, Action.CLINICIAN_NOW, "D3", cites("E5a E5b E22a S1-06 S1-16")),
    # Tier A row 8: no accident, a minor fall or strain (or a cause not known, 8.1) with fragile bones.
    Rule("D3", lambda f: f.trauma, Action.CLINICIAN_NOW, "D3_FRAGILE_BONES", cites("E5b E11")),
    # 8.5, product decision: still "not sure" about an emergency sign is checked by a doctor today.
    Rule("D1", lambda f: "D1_UNSURE" in f.unsure, Action.CLINICIAN_TODAY, "D1_UNSURE", cites("E4c E5a E5b")),
    # 8.1, 8.5: not sure whether the accident was recent, or whether anyone checked it: checked today.
    Rule("D3", lambda f: "D3_UNSURE" in f.unsure, Action.CLINICIAN_TODAY, "D3_UNSURE", cites("E5a E5b E22a")),
    Rule("D2", lambda f: f.urgent, Action.CLINICIAN_TODAY, "D2", cites("E5a E5b E11 E4b E26 E10")),
    # 8.2: no heat or ice advice without a covered place; after asking once more, end gently (S1-26:
    # cold rather than heat on a fresh injury; a pharmacist, GP or physio for anything more).
    Rule("8.2", lambda f: f.place_asked_again, Action.CLINICIAN_SOON, "OUT_OF_SCOPE_ELSEWHERE",
         cites("S1-26 E19")),
    Rule("8.2", lambda f: f.no_covered_place, Action.CLINICIAN_SOON, "OUT_OF_SCOPE", ()),
    Rule("D4", lambda f: f.skin_unsafe, Action.CLINICIAN_SOON, "D4", cites("E6 E7a E7b E8 E9a E9b")),
)

# Safety rows that decline a preference (the others are care, or no advice at all).
DECLINES_PREFERENCE = frozenset({"D4"})
# Safety rows after which nothing of comfort care is said: no cautions, no stretches.
NO_COMFORT = frozenset({"8.2"})

ESCALATIONS: tuple[Rule, ...] = (
    # 8.5, product decision: not sure about fragile bones after a fall or strain: comfort care (a cold
    # pack is first aid either way), no stretches, and a GP should check soon.
    Rule("D3", lambda f: "D3_UNSURE_BONES" in f.unsure, Action.CLINICIAN_SOON, "D3_UNSURE_BONES",
         cites("E5b E11")),
    # Product decision: "not sure" about an urgent sign: comfort care, and mention it to a GP.
    Rule("D2", lambda f: "D2_UNSURE" in f.unsure, Action.CLINICIAN_SOON, "D2_UNSURE", cites("E5a E11 E4b")),
    Rule("D5", lambda f: f.nerve_signs, Action.CLINICIAN_SOON, "D5", cites("S2-13 S2-14 E5e E23")),
    Rule("D24", lambda f: f.keeps_getting_worse, Action.CLINICIAN_SOON, "D24", cites("E5a S0-14 S2-13")),
)

COMFORT_RULES: tuple[Rule, ...] = (
    # 3. Specific situations
    Rule("D7", lambda f: f.swelling, Action.ICE, "D7", cites("S2-07 S1-26 E19 E5a"), offer=ICE),
    Rule("D18", lambda f: f.burned_by_heat, Action.ICE, "D18", cites("S2-07 S2-13"),
         offer=ICE, also_fine=frozenset({MOIST_HEAT}), from_experience=True),
    Rule("D17", lambda f: f.any_heat_worse, Action.ICE, "D17_ANY_HEAT",
         cites("S0-05 S0-06 S1-23 S2-03 S2-13"), offer=ICE, from_experience=True),
    Rule("D17", lambda f: f.dry_heat_worse and f.ice_first, Action.ICE, "D17_DRY_HEAT",
         cites("S0-06 S2-03 S2-06 S2-08"), offer=ICE, also_fine=frozenset({MOIST_HEAT}),
         from_experience=True),
    Rule("D17", lambda f: f.dry_heat_worse, Action.MOIST_HEAT, "D17_DRY_HEAT",
         cites("S0-06 S2-03 S2-06 S2-08"), offer=MOIST_HEAT, also_fine=frozenset({ICE}),
         from_experience=True),
    # Product decision: D17 the other way round; unwanted ice aggravates backs and necks (S1-07, S1-08).
    Rule("D17", lambda f: f.ice_worse, Action.HEAT, "D17_ICE_WORSE", cites("S0-06 S1-07 S1-08 S1-22 S0-30"),
         offer=HEAT, also_fine=frozenset({MOIST_HEAT}), from_experience=True),
    Rule("D8", lambda f: f.fresh_disc, Action.ICE, "D8", cites("S0-21 S0-28 S0-29"), offer=ICE),
    Rule("D9", lambda f: f.fresh_whiplash, Action.ICE, "D9", cites("S1-16 S1-17 E22b"), offer=ICE),
    # D6 covers a fresh minor injury anywhere: D14 and D15 exclude recent injuries by their own words.
    Rule("D6", lambda f: f.fresh_injury, Action.ICE, "D6",
         cites("S0-01 S0-02 S0-08 S1-04 S1-12 E21b E19 E3 E1 E24"),
         offer=ICE, also_fine=frozenset({HEAT, MOIST_HEAT})),
    # 4. Location and cause defaults
    Rule("D19", lambda f: f.both_helped, Action.ALTERNATE, "D19", cites("S0-11 S0-13 S0-21 S2-09"),
         offer=ICE),
    Rule("D8", lambda f: f.disc, Action.ALTERNATE, "D8_LATER", cites("S0-21 S0-29 S0-11 S0-13"), offer=ICE),
    Rule("D9", lambda f: f.whiplash, Action.HEAT, "D9_LATER", cites("S1-16 S1-15 E10"),
         offer=HEAT, also_fine=frozenset({ICE})),
    Rule("D16", lambda f: f.arthritis, Action.MOIST_HEAT, "D16",
         cites("S2-02 S2-06 S2-08 S2-09 S2-10 S0-12"), offer=MOIST_HEAT),
    Rule("D11", lambda f: f.spasm, Action.HEAT, "D11", cites("S0-01 S1-11 S1-25 E29"), offer=HEAT),
    Rule("D12", lambda f: f.stiffness, Action.HEAT, "D12", cites("S0-22 S0-27 S2-06 E19"), offer=HEAT),
    # Section 2.4: after the 72-hour ice-first window, either.
    Rule("D6", lambda f: f.older_injury, Action.EITHER, "D6_LATER", cites("S0-21 S0-24 E21b E24")),
    Rule("D20", lambda f: f.chronic_low_back, Action.EITHER, "D20", cites("S0-12 S1-20 E1 E4a E5a")),
    Rule("D23", lambda f: f.cause_unknown, Action.HEAT, "D23", cites("S1-23 S0-24 S0-30"), offer=HEAT),
    Rule("D13", lambda f: f.upper_back, Action.HEAT, "D13", cites("S0-22 S0-23 S0-27 E5a"), offer=HEAT),
    Rule("D14", lambda f: f.neck, Action.HEAT, "D14", cites("S1-07 S1-15 S1-18 E10 E27"), offer=HEAT),
    Rule("D15", lambda f: f.leg, Action.HEAT, "D15", cites("S0-19 S0-20 E6"), offer=HEAT),
    Rule("D10", lambda f: f.lower_back_by_itself, Action.HEAT, "D10",
         cites("S1-01 S1-02 S1-05 S1-23 E1 E2"), offer=HEAT),
    # 5. Preference: nothing above decides.
    Rule("D21", lambda f: True, Action.EITHER, "D21", cites("S0-04 S0-30 S1-03 S1-20 E3")),
)

# Sources added when the table's other rows speak: preference followed (D21) or declined (D22).
PREFERENCE_SOURCES = cites("S0-04 S0-30 S1-03 S1-20 E3")
DECLINED_SOURCES = cites("E9a E7a E7b E19")
HELPED_SOURCES = cites("S0-07 S0-24 S1-20")
