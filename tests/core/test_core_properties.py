"""Properties over all answer combinations (hypothesis): the safety promises hold for everyone."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from core_strategies import ALL, HEATS, NOW, TIER_A, TIER_B, answers, calm_answers
from hypothesis import given, settings
from hypothesis import strategies as st

from heat_or_ice.core import (
    Action,
    Location,
    Modality,
    OtherPlace,
    Purpose,
    QuestionId,
    QuestionKind,
    RedFlag,
    RefusalReason,
    Reply,
    SessionPlan,
    SessionRecord,
    SessionRefusal,
    Symptom,
    advise,
    apply_reply,
    next_question,
    pack_question,
    plan_session,
    screening_needed,
    worth_asking_again,
)
from heat_or_ice.core.advice import REASON_KEYS
from heat_or_ice.core.questions import SLOTS
from heat_or_ice.core.red_flags import red_flags_present
from heat_or_ice.core.screening import SCREEN_BY_ID, SCREENS, UNSURE_MEANS
from heat_or_ice.core.stretches import allowed_stretches
from heat_or_ice.core.timing import REST_GAP, session_length

CARE = (Action.CLINICIAN_NOW, Action.CLINICIAN_TODAY)
HEAT_ACTIONS = (Action.HEAT, Action.MOIST_HEAT)
fast = settings(max_examples=300, deadline=None)


@fast
@given(answers(), st.sampled_from(TIER_A))
def test_property_emergency_flag_never_yields_a_modality_or_a_session(base, flag):
    advice = advise(base.with_changes(red_flags=base.red_flags | {flag}))
    assert advice.action is Action.CLINICIAN_NOW
    assert advice.offer is None and not advice.session_allowed
    assert advice.stretches == () and advice.cautions == ()
    for modality in Modality:
        refusal = plan_session(modality, None, (), NOW, advice=advice)
        assert isinstance(refusal, SessionRefusal) and refusal.reason is RefusalReason.RED_FLAG


@fast
@given(answers(), st.sampled_from(TIER_A + TIER_B))
def test_property_no_session_with_a_tier_A_or_B_flag(base, flag):
    advice = advise(base.with_changes(red_flags=base.red_flags | {flag}))
    assert not advice.session_allowed and advice.offer is None
    for modality in Modality:
        assert isinstance(plan_session(modality, None, (), NOW, advice=advice), SessionRefusal)


@fast
@given(answers(), st.sampled_from(TIER_A + TIER_B))
def test_property_no_stretches_with_tier_A_or_B_flags(base, flag):
    with_flag = base.with_changes(red_flags=base.red_flags | {flag})
    advice = advise(with_flag)
    assert advice.action in CARE and advice.stretches == ()
    assert allowed_stretches(with_flag, red_flags_present(with_flag)) == ()


@fast
@given(answers())
def test_property_swelling_never_yields_heat(base):
    advice = advise(base.with_changes(symptoms=base.symptoms | {Symptom.SWELLING}))
    assert advice.offer not in HEATS and advice.action not in HEAT_ACTIONS
    assert HEATS <= advice.blocked
    for heat in HEATS:
        assert isinstance(plan_session(heat, None, (), NOW, advice=advice), SessionRefusal)


@fast
@given(answers())
def test_property_no_pack_on_numb_skin(base):
    advice = advise(base.with_changes(skin_unsafe=True))
    assert not advice.session_allowed and advice.offer is None and advice.blocked == ALL
    for modality in Modality:
        assert isinstance(plan_session(modality, None, (), NOW, advice=advice), SessionRefusal)


@fast
@given(answers())
def test_property_advice_is_consistent(base):
    advice = advise(base)
    assert advice.reason in REASON_KEYS
    assert advice.comfort_reason is None or advice.comfort_reason in REASON_KEYS
    assert advice.rule in {f"D{n}" for n in range(1, 25)} | {"8.2"}
    assert advice.offer is None or advice.offer not in advice.blocked
    if not advice.session_allowed:
        assert advice.offer is None
        assert advice.action in CARE or advice.blocked == ALL
    if advice.action in CARE:
        assert not advice.session_allowed and advice.stretches == ()
    if advice.action in (Action.ICE, Action.HEAT, Action.MOIST_HEAT):
        assert advice.offer is not None and advice.offer.value == advice.action.value
    if advice.followed_preference:
        assert advice.offer is base.preference
    if advice.declined_preference is not None:
        assert advice.declined_preference in advice.blocked and advice.offer is not advice.declined_preference
    if advice.action is Action.EITHER and base.preference is None and not base.outcomes:
        assert advice.offer is None


@fast
@given(calm_answers)
def test_property_preference_honoured_unless_blocked(base):
    for preference in Modality:
        advice = advise(base.with_changes(preference=preference))
        if advice.session_allowed and preference not in advice.blocked:
            assert advice.offer is preference and advice.followed_preference
        elif advice.session_allowed:
            assert advice.declined_preference is preference


@fast
@given(st.sampled_from(Modality), st.none() | st.integers(-100, 1000), st.none() | st.sampled_from(Location))
def test_property_no_session_longer_than_its_cap(modality, requested, location):
    plan = plan_session(modality, requested, (), NOW, location=location)
    limits = session_length(modality, location)
    assert limits.shortest <= plan.minutes <= min(limits.longest, limits.hard_max) <= 20
    assert plan.ends_at - plan.starts_at == timedelta(minutes=plan.minutes)
    assert plan.adjusted == (requested is not None and requested != plan.minutes)


attempts = st.lists(
    st.tuples(st.integers(0, 240), st.sampled_from(Modality), st.none() | st.integers(0, 40)),
    min_size=1,
    max_size=25,
)


@fast
@given(attempts)
def test_property_no_two_sessions_closer_than_30_minutes(tries):
    history: list[SessionRecord] = []
    now = NOW
    for wait, modality, requested in tries:
        now += timedelta(minutes=wait)
        result = plan_session(modality, requested, history, now)
        if isinstance(result, SessionPlan):
            history.append(SessionRecord(modality, result.starts_at, result.ends_at))
        elif result.reason is RefusalReason.REST_GAP:
            assert result.available_at > now and result.wait_minutes >= 1
    for before, after in pairwise(history):
        assert after.started_at - before.ends_at >= REST_GAP
    for modality, cap in ((Modality.ICE, 8), (Modality.HEAT, 3)):
        kinds = {modality} if modality is Modality.ICE else HEATS
        for s in history:
            window = [
                t
                for t in history
                if t.modality in kinds and s.started_at - timedelta(hours=24) < t.started_at <= s.started_at
            ]
            assert len(window) <= cap


@fast
@given(answers(red_flags=st.just(frozenset())), st.sampled_from(OtherPlace))
def test_property_8_2_no_heat_or_ice_without_a_covered_place(base, place):
    advice = advise(base.with_changes(location=None, other_place=place))
    if advice.action not in CARE:
        assert advice.rule == "8.2" and advice.action is Action.CLINICIAN_SOON
    assert not advice.session_allowed and advice.offer is None and advice.stretches == ()


@fast
@given(answers())
def test_property_8_3_burning_alone_is_never_a_red_flag(base):
    calm = base.with_changes(symptoms=frozenset({Symptom.BURNING}), red_flags=frozenset(),
                             unsure_red_flags=frozenset(), condition=None, outcomes=())
    assert red_flags_present(calm) == frozenset()


def reply_strategy(question):
    if question.kind is QuestionKind.SLOT:
        places = tuple(OtherPlace) if SLOTS[question.id][0] == "location" else ()
        return st.sampled_from((*SLOTS[question.id][1], *places, Reply.UNSURE))
    return st.sampled_from(tuple(Reply))


def assert_fact_not_known(answers, question):
    """8.5: a fact the person already gave is never asked for again."""
    assert question.id not in answers.answered
    if question.kind is QuestionKind.SLOT:
        assert getattr(answers, question.slot) is None
    screen = SCREEN_BY_ID.get(question.id)
    if screen is not None:
        assert not screen.answered_by & answers.symptoms and not screen.known(answers)
        if question.id is not QuestionId.LOWER_TIER_A:
            assert screen.flag not in red_flags_present(answers)
    if question.id is QuestionId.SWELLING:
        assert Symptom.SWELLING not in answers.symptoms


@fast
@given(answers())
def test_property_8_5_no_question_asks_for_a_fact_already_known(base):
    for question in (
        next_question(base),
        screening_needed(base, Purpose.SESSION),
        screening_needed(base, Purpose.STRETCH),
        pack_question(base),
    ):
        if question is not None:
            assert_fact_not_known(base, question)


@fast
@given(answers(), st.sampled_from(Purpose), st.data())
def test_property_8_6_screening_before_anything_physical_terminates_and_covers_the_place(base, purpose, data):
    current = base
    asked: list[QuestionId] = []
    while (question := screening_needed(current, purpose)) is not None:
        assert question.id not in asked
        asked.append(question.id)
        assert len(asked) <= len(QuestionId)
        current = apply_reply(current, question.id, data.draw(reply_strategy(question)))
    advice = advise(current)
    if advice.session_allowed:
        # Every Tier A and B screening question that fits this person has been answered.
        assert current.location is not None
        for screen in SCREENS:
            if screen.applies(current):
                assert screen.id in current.answered or screen.already_known(current), screen.id
    for again in worth_asking_again(current, purpose):
        assert again.id in UNSURE_MEANS and purpose in UNSURE_MEANS[again.id].stops
        assert SCREEN_BY_ID[again.id].flag in current.unsure_red_flags


@fast
@given(answers(), st.sampled_from(tuple(SCREEN_BY_ID)))
def test_property_8_5_a_clear_answer_replaces_not_sure_and_never_undoes_a_worry(base, question_id):
    screen = SCREEN_BY_ID[question_id]
    unsure = apply_reply(base, question_id, Reply.UNSURE)
    reassuring = Reply.NO if screen.worrying is Reply.YES else Reply.YES
    clear = apply_reply(unsure, question_id, reassuring)
    assert screen.flag not in clear.unsure_red_flags
    worried = apply_reply(base, question_id, screen.worrying)
    later = apply_reply(worried, question_id, reassuring)
    if question_id is QuestionId.LOWER_TIER_A:
        return  # its yes is replaced by the follow-ups' answers
    if not screen.raises(base):
        # e.g. an accident nobody checked, not known to be recent: no worry yet, recency decides (8.1).
        assert RedFlag.SERIOUS_ACCIDENT in later.red_flags or screen.flag not in worried.red_flags
        return
    if question_id is not QuestionId.URGENT_OR_FRAGILE:
        assert screen.flag in later.red_flags
        return
    # Like LOWER_TIER_A its yes is replaced by the follow-up's answer, but the worry is never lost.
    assert {RedFlag.URGENT_OR_FRAGILE, RedFlag.URGENT_SIGNS, RedFlag.FRAGILE_BONE_STRAIN} & (
        later.red_flags | later.unsure_red_flags)
    if QuestionId.FRAGILE_BONES in base.answered:
        return  # the bones answer was already in: the yes was replaced at once (checked above)
    bones = apply_reply(later, QuestionId.FRAGILE_BONES, Reply.YES)
    assert RedFlag.FRAGILE_BONE_STRAIN in bones.red_flags
    not_bones = apply_reply(later, QuestionId.FRAGILE_BONES, Reply.NO)
    # "Yes, but not the bones" is an urgent sign, unless the bones were already a known worry.
    assert RedFlag.URGENT_SIGNS in not_bones.red_flags or RedFlag.FRAGILE_BONE_STRAIN in not_bones.red_flags
    for followed in (bones, not_bones):
        assert RedFlag.URGENT_OR_FRAGILE not in followed.red_flags | followed.unsure_red_flags


@fast
@given(answers(), st.data())
def test_property_dialog_never_repeats_and_always_terminates(base, data):
    current = base
    asked: list[QuestionId] = []
    while (question := next_question(current)) is not None:
        assert question.id not in current.answered and question.id not in asked
        assert_fact_not_known(current, question)
        assert (question.kind is QuestionKind.SLOT) == (question.slot is not None)
        asked.append(question.id)
        assert len(asked) <= len(QuestionId)
        current = apply_reply(current, question.id, data.draw(reply_strategy(question)))
        assert question.id in current.answered
    advise(current)
