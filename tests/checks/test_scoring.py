"""Scoring exactly as DOMAIN.md §4: 执行率, suggested row scores, bands, totals, 等级."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.checks import targets
from perfdesk.checks.scoring import band_top, in_band, suggest
from perfdesk.model.figures import Figures, exec_rate_score, grade, level1_totals
from perfdesk.model.report import (
    Amounts,
    Indicator,
    Report,
    ScoringSettings,
)
from perfdesk.model.vocabulary import Band, Direction

D = Decimal
LINEAR = ScoringSettings()
RATIO = ScoringSettings(reverse_formula="ratio")


def row(target: str, actual: str, weight: str = "10", band: Band | None = None) -> Indicator:
    return Indicator("产出指标", "数量指标", "指标", target, actual, D(weight), None, "", band)


def test_exec_rate_score_is_weight_times_rate_capped_and_half_up():
    assert exec_rate_score(D(10), D("32.15") / D("56.7")) == D("5.67")  # seed 004 附件3-2
    assert exec_rate_score(D(10), D("1.2")) == D("10.00")
    assert exec_rate_score(D(10), D("0.9935")) == D("9.94")  # 9.935 rounds half up
    assert exec_rate_score(D(10), None) is None


@pytest.mark.parametrize(
    ("total", "expected"),
    [(D(100), "优"), (D(90), "优"), (D("89.99"), "良"), (D(80), "良"), (D(60), "中"), (D("59.99"), "差")],
)
def test_grade_bands(total, expected):
    assert grade(total) == expected


@pytest.mark.parametrize(
    ("target", "actual", "settings", "score", "met"),
    [
        ("≥ 120件", "138件", LINEAR, "10.00", True),
        ("≥120件", "60件", LINEAR, "5.00", False),
        ("≥99%", "98.2%", LINEAR, "9.92", False),
        ("≥1.5万件", "19578件", LINEAR, "10.00", True),
        ("≥1.5万件", "1.2万件", LINEAR, "8.00", False),
        ("≤95%", "100%", LINEAR, "9.47", False),  # seed 004 附件3-3 出勤率
        ("≤95%", "100%", RATIO, "9.50", False),
        ("≤15天", "10天", LINEAR, "10.00", True),
        ("≤10天", "15天", LINEAR, "5.00", False),
        ("≤10天", "20天", LINEAR, "0.00", False),  # 0 from 2A on
        ("≤10天", "25天", RATIO, "4.00", False),
        ("≤760元/批次", "≤760元/批次", LINEAR, "10.00", True),  # an upper bound within the target
        ("100%", "100%", LINEAR, "10.00", True),
        ("100%", "100.2%", LINEAR, "10.00", True),  # equal to the stated precision
        ("100%", "98%", LINEAR, "9.80", False),
        ("0件", "0件", LINEAR, "10.00", True),
        ("0起", "2起", LINEAR, "0.00", False),
        ("≥3%", "18.65%", LINEAR, "10.00", True),  # seed 002: far beyond still full
        ("100%", "达到100%", LINEAR, "10.00", True),  # "达到" in an actual is the value itself
        ("达到95%", "90%", LINEAR, "9.47", False),  # "达到" in a target is ≥
        ("＞90%", "95%", LINEAR, "10.00", True),
    ],
)
def test_quantitative_suggestions(target, actual, settings, score, met):
    s = suggest(row(target, actual), settings)
    assert s.kind == targets.QUANTITATIVE
    assert (s.score, s.met) == (D(score), met)


def test_equal_target_missed_scores_zero_when_configured():
    r = row("19辆", "17辆")
    assert suggest(r, ScoringSettings(equal_miss="zero")).score == D("8.95")  # 数量指标: 正向
    r.direction = Direction.EQUAL
    s = suggest(r, ScoringSettings(equal_miss="zero"))
    assert (s.score, s.met) == (D("0.00"), False)


def test_far_exceeded_is_flagged_for_an_explanation():
    assert suggest(row("≥3%", "18.65%"), LINEAR).exceeded
    assert not suggest(row("≥500万元", "999万元"), LINEAR).exceeded


@pytest.mark.parametrize(
    ("target", "actual", "reason_part"),
    [
        ("≤15天", "与计划时间匹配", "文字"),
        ("≥90%", "90件", "单位不一致"),
        ("≥120件", "", "未填写实际完成值"),
        ("≥120件", "≤200件", "上限"),
    ],
)
def test_no_suggestion_when_the_data_cannot_say(target, actual, reason_part):
    s = suggest(row(target, actual), LINEAR)
    assert s.score is None
    assert reason_part in s.reason


def test_qualitative_rows_get_the_top_of_their_band():
    assert suggest(row("不断加强", "不断加强", band=Band.MET), LINEAR).score == D("10.00")
    assert suggest(row("不断加强", "有所加强", band=Band.PARTIAL), LINEAR).score == D("7.99")
    assert suggest(row("不断加强", "较差", band=Band.MISSED), LINEAR).score == D("5.99")


def test_qualitative_band_suggested_from_plain_achieved_wording():
    s = suggest(row("按要求及时公开", "按要求及时公开"), LINEAR)
    assert (s.band, s.score, s.met) == (Band.MET, D("10.00"), True)
    s = suggest(row("按期完成", "未完成"), LINEAR)
    assert (s.band, s.met) == (Band.MISSED, False)
    s = suggest(row("不断加强", "效果一般"), LINEAR)
    assert (s.band, s.score) == (None, None)


def test_band_membership_is_half_open_except_the_top():
    w = D(5)
    assert in_band(D(5), w, Band.MET) and in_band(D(4), w, Band.MET)
    assert not in_band(D("3.99"), w, Band.MET)
    assert in_band(D(3), w, Band.PARTIAL) and not in_band(D(4), w, Band.PARTIAL)
    assert in_band(D(0), w, Band.MISSED) and not in_band(D(3), w, Band.MISSED)
    for band in (Band.MET, Band.PARTIAL, Band.MISSED):
        assert in_band(band_top(w, band), w, band)


def test_summary_of_demo_and_per_level1_totals(demo):
    s = Figures.of(demo).score
    assert s.total == s.exec_score + s.indicator_score
    assert s.grade == "优"
    totals = level1_totals(demo.indicators)
    assert totals["产出指标"][0] == D(50)
    assert sum(w for w, _ in totals.values()) == D(90)


def test_rate_is_not_computed_from_half_a_total():
    r = Report()
    r.basic.personnel = Amounts(actual=D(100))
    r.basic.public = Amounts(actual=D(20))
    r.projects = []
    assert Figures.of(r).overall.annual is None
    assert Figures.of(r).score.total is None
    r.basic.personnel.annual, r.basic.public.annual = D(100), D(30)
    assert Figures.of(r).overall.annual == D(130)
    assert Figures.of(r).score.exec_score == D("9.23")


def test_project_summary_uses_the_project_amounts(demo):
    p = demo.projects[2]
    s = Figures.of(demo).project_scores[demo.projects.index(p)]
    assert s.exec_score == D("8.65")  # 34.60 ÷ 40.00


weights = st.decimals(min_value=-5, max_value=100, places=2, allow_nan=False, allow_infinity=False)
numbers = st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False, allow_infinity=False)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["≥", "≤", "", ">", "<"]),
    numbers,
    numbers,
    st.sampled_from(["件", "%", "万元"]),
    weights,
    st.sampled_from(["linear", "ratio"]),
    st.sampled_from(["proportional", "zero"]),
)
def test_suggested_score_always_within_zero_and_weight(sign, a, b, unit, w, formula, miss):
    s = suggest(row(f"{sign}{a}{unit}", f"{b}{unit}", str(w)), ScoringSettings(reverse_formula=formula, equal_miss=miss))
    if w < 0:
        assert s.score is None
        return
    assert s.score is not None
    assert D(0) <= s.score <= w
    assert s.score == s.score.quantize(D("0.01"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20), st.text(max_size=20), weights, st.sampled_from([None, *Band]))
def test_any_text_scores_within_bounds_or_not_at_all(target, actual, w, band):
    s = suggest(row(target, actual, str(w), band), LINEAR)
    assert s.score is None or D(0) <= s.score <= w


@settings(max_examples=200, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False), min_size=1, max_size=40))
def test_project_sums_are_exact_in_decimal(values):
    from perfdesk.model.report import Project

    r = Report(projects=[Project(amounts=Amounts(actual=v)) for v in values])
    total = Figures.of(r).projects_sum.actual
    assert total == sum(values, D(0))
    assert isinstance(total, Decimal)


# --- band_to_fill: 补选档次 for qualitative rows without a band ---------------------------
def _qual(actual: str, score: str | None, band: Band | None = None, weight: str = "10") -> Indicator:
    return Indicator("效益指标", "社会效益指标", "指标", "有效提升", actual, D(weight),
                     None if score is None else D(score), "", band)


@pytest.mark.parametrize(("ind", "band"), [
    (_qual("有效提升", "10"), Band.MET),  # the score says 达成
    (_qual("有所提升", "7"), Band.PARTIAL),  # 70% of 10
    (_qual("有效提升", "5.99"), Band.MISSED),  # the score wins over the wording
    (_qual("达成年度指标", None), Band.MET),  # no score: the wording
    (_qual("", None), None),  # nothing to go by
    (_qual("有效提升", "7", band=Band.MET), None),  # already chosen: left to the user
    (row("≥10件", "12件"), None),  # quantitative
])
def test_band_to_fill(ind, band):
    from perfdesk.checks.scoring import band_to_fill

    assert band_to_fill(ind, LINEAR) == band


@settings(max_examples=200, deadline=None)
@given(weight=st.integers(1, 3000).map(lambda n: D(n) / 100),
       share=st.integers(0, 10000).map(lambda n: D(n) / 10000))
def test_band_filled_from_a_score_always_contains_it(weight, share):
    from perfdesk.checks.scoring import band_to_fill

    score = (weight * share).quantize(D("0.01"))
    band = band_to_fill(_qual("有效提升", str(score), weight=str(weight)), LINEAR)
    assert band in (Band.MET, Band.PARTIAL, Band.MISSED)
    assert in_band(score, weight, band)  # so R-I10 is satisfied afterwards


# --- 总分 only from known parts (a blank 自评得分 is unknown, not 0) -----------------------
def test_blank_indicator_scores_leave_total_and_grade_blank(demo):
    import copy

    r = copy.deepcopy(demo)
    for i in r.indicators[:3]:
        i.score = None
    s = Figures.of(r).score
    assert (s.total, s.grade, s.indicator_score) == (None, "", None)  # was 84.89, “良”
    assert s.exec_score == D("9.93")  # the rate part is still known
    assert s.unscored == (0, 1, 2)
    assert s.missing == "3项绩效指标的自评得分为空"
    r.indicators[0].weight = None  # a row without 分值 is not a scored row
    assert Figures.of(r).score.unscored == (1, 2)


def test_no_indicator_rows_means_no_total(demo):
    import copy

    from tests.checks.seeds import SEEDS

    s = Figures.of(SEEDS["002_budget"]()).score
    assert (s.total, s.grade, s.exec_score) == (None, "", D("10.00"))  # was 10 and “差”
    assert s.missing == "未设置绩效指标"
    r = copy.deepcopy(demo)
    r.projects[0].indicators = []
    ps = Figures.of(r).project_scores[r.projects.index(r.projects[0])]
    assert (ps.total, ps.grade, ps.missing) == (None, "", "未设置绩效指标")


def test_project_total_needs_every_project_score(demo):
    import copy

    r = copy.deepcopy(demo)
    r.projects[0].indicators[1].score = None
    s = Figures.of(r).project_scores[r.projects.index(r.projects[0])]
    assert (s.total, s.grade, s.unscored) == (None, "", (1,))
    assert Figures.of(r).project_scores[r.projects.index(r.projects[1])].total is not None


def test_missing_names_both_reasons_when_both_parts_are_unknown(demo):
    import copy

    r = copy.deepcopy(demo)
    r.projects[1].amounts.annual = None
    r.indicators[4].score = None
    assert Figures.of(r).score.missing == "全年预算数为空、1项绩效指标的自评得分为空"


def test_level1_subtotal_of_scores_is_blank_while_a_row_is_unscored(demo):
    demo.indicators[0].score = None
    totals = level1_totals(demo.indicators)
    assert totals["产出指标"] == (D(50), None)
    assert totals["效益指标"] == (D(30), D(30))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.none() | st.integers(0, 10).map(D), st.none() | st.integers(0, 10).map(D)),
                max_size=8))
def test_indicator_score_is_known_iff_every_scored_row_has_a_score(rows):
    from perfdesk.model.figures import indicator_score

    inds = [Indicator("产出指标", "数量指标", "x", "", "", w, sc) for w, sc in rows]
    value, unscored, why = indicator_score(inds)
    scored = [(w, sc) for w, sc in rows if w is not None or sc is not None]
    if not scored or any(w is not None and sc is None for w, sc in rows):
        assert value is None and why
    else:
        assert value == sum((sc for _, sc in rows if sc is not None), D(0)) and why == ""
    assert unscored == tuple(k for k, (w, sc) in enumerate(rows) if w is not None and sc is None)


@pytest.mark.parametrize(
    ("target", "actual", "direction", "score", "met"),
    [
        ("持平", "持平", Direction.EQUAL, "10.00", True),
        ("持平", "增长2%", Direction.EQUAL, "0.00", False),  # reverse against 0: 0
        ("同比增长5%", "持平", Direction.POSITIVE, "0.00", False),
        ("同比下降10%", "增长1%", Direction.POSITIVE, "0.00", False),
    ],
)
def test_no_change_as_target_or_actual(target, actual, direction, score, met):
    s = suggest(row(target, actual), LINEAR)
    assert (s.direction, s.score, s.met) == (direction, D(score), met)
