"""`advise(answers) -> Advice`: the recommendation for what a person has told us so far.

The rule rows live in `rules.py`; this module reads them in the order of clinical rules 1.1
(red flags, skin screen, specific situations, location/cause defaults, preference) and turns the
matching row into an `Advice`.

Public API
- `advise(answers) -> Advice`
- `REASON_KEYS`: every reason key `advise` can return (in `reason` or `comfort_reason`);
  the skill keeps words for each. `REASON_MEANINGS` says what each one means.
- `CARE_ACTIONS`: CLINICIAN_NOW and CLINICIAN_TODAY: no modality, no session, no stretches.
- `chosen_for_them(advice) -> Modality | None`: the pick when either is fine and the person leaves it
  to us.

What the fields mean beyond model.py
- `blocked` is every modality for CLINICIAN_NOW/TODAY, for D4 (no pack on that skin) and for
  8.2 (no covered place: `rule` "8.2", action CLINICIAN_SOON, no cautions, no stretches).
- `declined_preference` is set when the preference was refused for safety (D22); then `rule`
  is "D22" and `reason` says why ("D22_SWELLING", "D22_MADE_WORSE"); D4 keeps its own reason.
- CLINICIAN_SOON from D5, D24, an unsure urgent sign or unsure fragile bones keeps a comfort session: `offer`,
  `session_allowed` and `comfort_reason` come from the comfort row that would apply.
- D24 offers the least-bad modality: whatever past outcomes have not ruled out (`facts.BLOCKS`).
  When nothing is left, there is no session (reason "D24").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from .experience import ALL_MODALITIES, HEATS
from .facts import SAFE_ORDER, Facts
from .model import (
    Action,
    Advice,
    Answers,
    Cause,
    Caution,
    Condition,
    Location,
    Modality,
    Onset,
    Outcome,
    QuestionId,
    Symptom,
)
from .rules import (
    COMFORT_RULES,
    DECLINED_SOURCES,
    DECLINES_PREFERENCE,
    ESCALATIONS,
    HELPED_SOURCES,
    NO_COMFORT,
    PREFERENCE_SOURCES,
    SAFETY_RULES,
    Rule,
    first_match,
)
from .stretches import allowed_stretches

CARE_ACTIONS = frozenset({Action.CLINICIAN_NOW, Action.CLINICIAN_TODAY})

# Every reason key `advise` can return (in `reason` or `comfort_reason`), and what it means.
REASON_MEANINGS: dict[str, str] = {
    "D1": "an emergency sign: call emergency services or go to A&E now",
    "D1_UNSURE": "not sure about an emergency sign: see a doctor today (product decision)",
    "D3_UNSURE": "not sure whether an accident was recent or checked: get checked today before home "
    "care (8.1)",
    "D3_UNSURE_BONES": "not sure about fragile bones after a fall or strain: comfort care, no stretches, "
    "and ask a GP to check soon (8.1, 8.5)",
    "OUT_OF_SCOPE": "a place the skill doesn't cover, or none said yet: say what it covers; no heat or "
    "ice (8.2)",
    "OUT_OF_SCOPE_ELSEWHERE": "still no covered place after asking again: for a fresh injury elsewhere, cold "
    "rather than heat in the first days, and a pharmacist, GP or physio for anything more (8.2, S1-26)",
    "D2": "an urgent sign: same-day GP, urgent care or 111",
    "D2_UNSURE": "not sure about an urgent sign: comfort care, and mention it to a GP soon",
    "D3": "a recent accident nobody has checked: get checked now",
    "D3_FRAGILE_BONES": "a minor fall or strain (or no known cause) with fragile bones: get checked now",
    "D4": "numb or unsafe skin: no pack there; ask a pharmacist or clinician",
    "D5": "nerve signs in one limb: book a GP or physio; comfort allowed on normal skin",
    "D6": "a fresh minor injury: ice first; warmth is fine if preferred and not swollen",
    "D6_LATER": "an injury past the 72-hour ice-first window: either",
    "D7": "swelling: ice, never heat",
    "D8": "a disc that flared in the last few days: ice",
    "D8_LATER": "a disc after the first few days: alternate, or whichever feels better",
    "D9": "checked whiplash, early days: ice",
    "D9_LATER": "whiplash later on: heat",
    "D10": "lower back that came on by itself, or a flare-up: heat, start gently",
    "D11": "muscle spasm: heat",
    "D12": "stiffness: heat",
    "D13": "muscular upper back: heat, then self-massage",
    "D14": "a neck that wasn't injured: heat",
    "D15": "sciatica in one leg: heat, never on numb skin",
    "D16": "arthritis or disc degeneration: moist heat",
    "D17_DRY_HEAT": "a heating pad made it worse: moist heat or ice",
    "D17_ANY_HEAT": "heat made it worse, even moist heat, or more than once: ice",
    "D17_ICE_WORSE": "ice made it worse: heat (product decision, D17 the other way round)",
    "D18": "burning or tingling got worse with heat: ice next time",
    "D19": "both have helped: alternate, 30 minutes apart",
    "D20": "chronic low back pain: either, and keep moving",
    "D21": "either is fine: go with your preference",
    "D21_HELPED": "it helped last time: use it again",
    "D22_SWELLING": "the preferred heat is declined because of swelling; cold instead",
    "D22_MADE_WORSE": "the preferred modality made it worse before; a safe alternative instead",
    "D23": "not sure what caused it: a gentle heat trial",
    "D24": "getting worse, or worse more than once: see a GP or physio",
}
REASON_KEYS: frozenset[str] = frozenset(REASON_MEANINGS)


def chosen_for_them(advice: Advice) -> Modality | None:
    """What to use when either is fine and the person says "you pick" (or "yes" to "heat or ice?"):
    warmth, the usual comfort for long-standing pain and once an injury is past its first days
    (D14, D20, S0-12); cold where warmth is ruled out. None when no session may follow."""
    if not advice.session_allowed:
        return None
    if advice.offer is not None:
        return advice.offer
    return next((m for m in (Modality.HEAT, Modality.ICE) if m not in advice.blocked), None)


@lru_cache(maxsize=512)
def advise(answers: Answers) -> Advice:
    """The advice for these answers. Answers are frozen and advice is pure, so it is cached:
    `next_question` asks it again for every reply a question could get."""
    facts = Facts(answers)
    safety = first_match(SAFETY_RULES, facts)
    if safety is not None:
        return _finish(_safety_advice(safety, facts), facts)
    comfort = _comfort_advice(facts)
    escalation = first_match(ESCALATIONS, facts)
    if escalation is not None:
        comfort = _escalated(escalation, comfort, facts)
    return _finish(comfort, facts)


def _safety_advice(rule: Rule, facts: Facts) -> Advice:
    return Advice(
        action=rule.action,
        rule=rule.id,
        reason=rule.reason,
        blocked=ALL_MODALITIES,
        sources=rule.sources,
        declined_preference=facts.preference if rule.id in DECLINES_PREFERENCE else None,
    )


def _comfort_advice(facts: Facts) -> Advice:
    rule = first_match(COMFORT_RULES, facts)
    assert rule is not None  # D21 always matches
    blocked = facts.blocked
    if not ALL_MODALITIES - blocked:
        return _nothing_safe_left(facts)
    preference = facts.preference
    # Both helping is what makes D19 alternate; which came last doesn't pick the first one.
    helped = facts.last_helped if preference is None and rule.action is not Action.ALTERNATE else None
    chose_by = "rule"
    offer = rule.offer
    if preference is not None and preference not in blocked:
        offer, chose_by = preference, "preference"
    elif helped is not None and helped not in blocked:
        offer, chose_by = helped, "helped"
    if offer in blocked:
        offer = next(m for m in SAFE_ORDER if m not in blocked)

    rule_id, reason, sources = rule.id, rule.reason, rule.sources
    declined = preference if preference in blocked else None
    learned = Outcome.WORSE if rule.from_experience else None
    if declined is not None:
        rule_id, reason = "D22", facts.blocked_because(declined)
        sources += DECLINED_SOURCES
        if reason == "D22_MADE_WORSE":
            learned = Outcome.WORSE
    elif chose_by == "preference" and _changes_modality(rule, offer):
        rule_id, reason, sources = "D21", "D21", sources + PREFERENCE_SOURCES
    elif chose_by == "helped" and _changes_modality(rule, offer):
        rule_id, reason, sources = "D21", "D21_HELPED", sources + HELPED_SOURCES
    if learned is None and (chose_by == "helped" or rule.id == "D19"):
        learned = Outcome.BETTER

    keeps_action = rule.action in (Action.EITHER, Action.ALTERNATE)
    return Advice(
        action=rule.action if keeps_action or offer is None else Action(offer.value),
        rule=rule_id,
        reason=reason,
        session_allowed=True,
        offer=offer,
        blocked=blocked,
        sources=sources,
        followed_preference=preference is not None and offer is preference,
        learned_from=learned,
        declined_preference=declined,
    )


def _changes_modality(rule: Rule, offer: Modality | None) -> bool:
    if rule.offer is None or rule.action is Action.ALTERNATE or offer is None or offer is rule.offer:
        return False
    both_warm = offer in HEATS and rule.offer in HEATS
    return not both_warm and offer not in rule.also_fine


def _nothing_safe_left(facts: Facts) -> Advice:
    # Every modality is ruled out by swelling or by what made it worse: see someone (D24).
    return Advice(
        action=Action.CLINICIAN_SOON,
        rule="D24",
        reason="D24",
        blocked=ALL_MODALITIES,
        sources=("E5a", "S0-14", "S2-13"),
        learned_from=Outcome.WORSE,
        declined_preference=facts.preference,
    )


def _escalated(rule: Rule, comfort: Advice, facts: Facts) -> Advice:
    learned = comfort.learned_from
    if rule.id == "D24" and facts.answers.outcomes and not comfort.learned_from:
        learned = Outcome.WORSE
    return replace(
        comfort,
        action=Action.CLINICIAN_SOON,
        rule=rule.id,
        reason=rule.reason,
        comfort_reason=comfort.reason,
        also_see_clinician=True,
        sources=rule.sources + comfort.sources,
        learned_from=learned,
    )


def _finish(advice: Advice, facts: Facts) -> Advice:
    care = advice.action in CARE_ACTIONS or advice.rule in NO_COMFORT
    return replace(
        advice,
        cautions=() if care else _cautions(advice, facts),
        stretches=() if care else allowed_stretches(facts.answers, facts.flags),
        red_flags=facts.flags,
        unsure_red_flags=facts.answers.unsure_red_flags,
    )


def _warmth_possible(advice: Advice) -> bool:
    return advice.session_allowed and bool(HEATS - advice.blocked) and (
        advice.offer in HEATS or advice.action in (Action.EITHER, Action.ALTERNATE) or advice.offer is None
    )


def _nerve_or_leg(facts: Facts) -> bool:
    return facts.nerve_signs or facts.location is Location.LEG or facts.condition in (
        Condition.SCIATICA, Condition.HERNIATED_DISC
    )


# Which safety lines go with the advice (section 2.3); read top to bottom, in speaking order.
CAUTION_RULES: tuple[tuple[Caution, Callable[[Advice, Facts], bool]], ...] = (
    (Caution.NOT_ON_NUMB_SKIN, lambda a, f: f.skin_unsafe or _nerve_or_leg(f) or f.has(Symptom.NUMBNESS)),
    (Caution.BARRIER, lambda a, f: a.session_allowed),
    (Caution.CHECK_SKIN, lambda a, f: a.session_allowed),
    (Caution.NO_SLEEP_ON_HEAT, lambda a, f: _warmth_possible(a)),
    (Caution.STOP_IF_WORSE, lambda a, f: a.session_allowed),
    (Caution.SHORT_TERM_RELIEF, lambda a, f: a.session_allowed),
    (Caution.RED_FLAG_WATCH, lambda a, f: _nerve_or_leg(f)),
    (Caution.STAY_ACTIVE, lambda a, f: a.reason in ("D10", "D20") or f.onset in (Onset.WEEKS, Onset.MONTHS)),
    (Caution.SEE_GP_IF_CHANGED, lambda a, f: f.older_accident),
    (Caution.ICE_IF_SWOLLEN, lambda a, f: _swelling_unknown_after_injury(f) and _warmth_possible(a)),
)


def _swelling_unknown_after_injury(facts: Facts) -> bool:
    injured = facts.cause in (Cause.INJURY, Cause.ACCIDENT) and facts.onset is not Onset.MONTHS
    return injured and not facts.swelling and QuestionId.SWELLING not in facts.answers.answered


def _cautions(advice: Advice, facts: Facts) -> tuple[Caution, ...]:
    return tuple(caution for caution, applies in CAUTION_RULES if applies(advice, facts))
