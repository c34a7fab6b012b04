"""The target/actual parser on what accountants really type (DOMAIN.md §3, issue 3 §1)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.checks.targets import (
    ACHIEVED,
    CHANGE,
    DEADLINE,
    EMPTY,
    EQ,
    GE,
    GT,
    LE,
    LT,
    MISSED,
    PARTIAL,
    QUALITATIVE,
    QUANTITATIVE,
    RANGE,
    achievement,
    parse,
    units_agree,
)

D = Decimal

QUANT = [
    # seeds
    ("≥ 120件", GE, "120", "件"),
    ("≧1580批次", GE, "1580", "批次"),
    ("≥1.5万件", GE, "15000", "件"),
    ("19578件", EQ, "19578", "件"),
    ("≤760元/批次", LE, "760", "元/批次"),
    ("≤15天", LE, "15", "天"),
    ("≤3天", LE, "3", "天"),
    ("100%", EQ, "100", "%"),
    ("≥90%", GE, "90", "%"),
    ("0件", EQ, "0", "件"),
    ("19辆", EQ, "19", "辆"),
    ("≤95%", LE, "95", "%"),
    ("≥ 150万元", GE, "1500000", "元"),
    ("1066.1万元", EQ, "10661000", "元"),
    ("≥12000家", GE, "12000", "家"),
    # beyond the seeds
    ("不低于95%", GE, "95", "%"),
    ("不少于 3000 户", GE, "3000", "户"),
    ("至少5次", GE, "5", "次"),
    ("＞＝３０件", GE, "30", "件"),
    (">=30件", GE, "30", "件"),
    ("不高于5‰", LE, "0.5", "%"),
    ("不超过15个工作日", LE, "15", "个工作日"),
    ("15个工作日以内", LE, "15", "个工作日"),
    ("控制在40万元以内", LE, "400000", "元"),
    ("＞90%", GT, "90", "%"),
    ("<5起", LT, "5", "起"),
    ("=100%", EQ, "100", "%"),
    ("１，２３４件", EQ, "1234", "件"),
    ("1,234,567.5元", EQ, "1234567.5", "元"),
    ("≥ 1 2 0 件", GE, "120", "件"),
    ("\u3000≥120件\u3000", GE, "120", "件"),
    ("2亿元", EQ, "200000000", "元"),
    ("120件以上", GE, "120", "件"),
    ("≥90%以上", GE, "90", "%"),
    ("≥2000台件", GE, "2000", "台件"),
    ("12000人次", EQ, "12000", "人次"),
    ("18名", EQ, "18", "人"),
    ("3日", EQ, "3", "天"),
    ("5", EQ, "5", ""),
    ("≥5份。", GE, "5", "份"),
    ("≥1次/季度", GE, "1", "次/季度"),
    ("≤3个月", LE, "3", "个月"),
]


@pytest.mark.parametrize(("text", "comparator", "number", "unit"), QUANT)
def test_quantitative_texts_parse_to_comparator_number_unit(text, comparator, number, unit):
    v = parse(text)
    assert v.kind == QUANTITATIVE
    assert (v.comparator, v.number, v.unit) == (comparator, Decimal(number), unit)


@pytest.mark.parametrize(
    "text",
    [
        "按要求及时公开",
        "与计划时间匹配",
        "控制在标准以内",
        "不断加强",
        "持续提高",
        "有所改善",
        "按预算定",
        "按文件定",
        "无",
        "具有可持续性",
        "XX件",
        "100%完成",  # a number followed by words: not guessed
        "≤3天以上",  # contradictory comparators
        "约120件左右吧",
        "1.2.3件",
        "≥",
        "万件",
        "2024年",  # a date, not a number of years
        "12月",
        "12月前",  # before December begins, or by its end? not guessed
        "13月底前",
        "2月30日前",
    ],
)
def test_words_and_odd_shapes_are_qualitative_never_guessed(text):
    assert parse(text).kind == QUALITATIVE


@pytest.mark.parametrize(
    ("text", "comparator", "stated"),
    [
        ("120件", EQ, False),  # no comparator: the direction is inferred from the row
        ("=120件", EQ, True),
        ("控制在15天", LE, True),  # 控制在 N alone is "at most N"
        ("控制在5%以内", LE, True),
        ("控制在95%以上", GE, True),
        ("保持在95%以上", GE, True),
        ("保持在95%", EQ, False),  # a bare 保持在 follows the row's direction
        ("不超过3起", LE, True),
        ("3个工作日之内", LE, True),
        ("100户及以上", GE, True),
        ("达到90%", GE, True),
        ("高于95%", GT, True),
        ("低于800元/批次", LT, True),
    ],
)
def test_written_comparators_are_stated(text, comparator, stated):
    v = parse(text)
    assert (v.kind, v.comparator, v.stated) == (QUANTITATIVE, comparator, stated)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("95%-100%", "95", "100", "%"),
        ("95%～100%", "95", "100", "%"),
        ("5-10天", "5", "10", "天"),
        ("5天-10天", "5", "10", "天"),
        ("90%至95%", "90", "95", "%"),
        ("1-2万元", "10000", "20000", "元"),
        ("5~10次", "5", "10", "次"),
    ],
)
def test_ranges(text, low, high, unit):
    v = parse(text)
    assert (v.kind, v.shape, v.number, v.high, v.unit) == (QUANTITATIVE, RANGE, D(low), D(high), unit)


@pytest.mark.parametrize("text", ["10-5天", "95%-100件", "5天-10%"])
def test_ranges_that_do_not_read_are_qualitative(text):
    assert parse(text).kind == QUALITATIVE


@pytest.mark.parametrize(
    ("text", "months", "span", "comparator", "year"),
    [
        ("12月底前", "12", "0", LE, None),
        ("12月底前完成", "12", "0", LE, None),
        ("当年12月底前", "12", "0", LE, None),
        ("年底前完成", "12", "0", LE, None),
        ("2024年12月31日前", "12", "0", LE, 2024),
        ("6月30日前", "6", "0", LE, None),
        ("6月15日前", "5.5", "0", LE, None),
        ("12月完成", "12", "1", EQ, None),  # sometime in December
        ("次年2月完成", "14", "1", EQ, None),
        ("2025年1月完成", "1", "1", EQ, 2025),
        ("12月底完成", "12", "0", EQ, None),
        ("12月份完成", "12", "1", EQ, None),
    ],
)
def test_deadlines_are_months_since_the_start_of_the_year(text, months, span, comparator, year):
    v = parse(text)
    assert (v.kind, v.shape, v.comparator, v.year) == (QUANTITATIVE, DEADLINE, comparator, year)
    assert (v.number, v.span) == (D(months), D(span))


@pytest.mark.parametrize(
    ("text", "sense", "number", "unit", "comparator"),
    [
        ("同比增长5%", 1, "5", "%", EQ),
        ("增长6.2%", 1, "6.2", "%", EQ),
        ("同比下降10%", -1, "10", "%", EQ),
        ("较上年提高2个百分点", 1, "2", "个百分点", EQ),
        ("同比增长不低于5%", 1, "5", "%", GE),
        ("增长5%以上", 1, "5", "%", GE),
        ("比上年增加500户", 1, "500", "户", EQ),
        ("持平", 0, "0", "", EQ),
    ],
)
def test_relative_changes(text, sense, number, unit, comparator):
    v = parse(text)
    assert (v.kind, v.shape, v.sense, v.number, v.unit, v.comparator) == (
        QUANTITATIVE, CHANGE, sense, D(number), unit, comparator)


def test_unit_conversions_and_the_multiplier_typed():
    assert (parse("≤2小时").number, parse("≤2小时").unit) == (D(120), "分钟")
    assert parse("1200000公斤").number == parse("1200吨").number
    v = parse("≥150万元")
    assert (v.number, v.unit, v.mult, v.unit_text) == (D(1500000), "元", D(10000), "元")


@pytest.mark.parametrize("text", ["", "   ", "\u3000", "—"])
def test_blank_is_empty(text):
    assert parse(text).kind == EMPTY


def test_wan_multiplier_makes_units_comparable():
    target, actual = parse("≥1.5万件"), parse("19578件")
    assert units_agree(target, actual)
    assert actual.number > target.number
    assert parse("≥ 150万元").number == parse("1500000元").number


def test_units_that_differ_do_not_agree():
    assert not units_agree(parse("≥90%"), parse("90件"))
    assert not units_agree(parse("≤15天"), parse("15个工作日"))
    assert units_agree(parse("≥120件"), parse("138"))  # unit left out of the actual


def test_precision_step_follows_what_was_typed():
    assert parse("98.2%").step == Decimal("0.1")
    assert parse("≥1.5万件").step == Decimal(1000)
    assert parse("100%").step == Decimal(1)


@pytest.mark.parametrize(
    ("actual", "target", "expected"),
    [
        ("及时完成", "及时完成", ACHIEVED),
        ("按要求及时公开", "按要求及时公开", ACHIEVED),
        ("不断加强", "不断加强", ACHIEVED),
        ("与计划时间匹配", "≤15天", ACHIEVED),
        ("与年初计划一致", "按计划完成", ACHIEVED),
        ("已全部公开", "按要求公开", ACHIEVED),
        ("按期完成", "当年12月底前", ACHIEVED),
        ("达到预期目标", "持续改善", ACHIEVED),
        ("基本完成", "按期完成", PARTIAL),
        ("部分落实", "全面落实", PARTIAL),
        ("未完成", "按期完成", MISSED),
        ("尚未公开", "按要求公开", MISSED),
        ("未按时公示", "按规定时限公示", MISSED),
        ("有待加强", "不断加强", PARTIAL),
        ("较好", "不断加强", None),
        ("", "不断加强", None),
        ("正在推进", "按期完成", None),
    ],
)
def test_achievement_wording(actual, target, expected):
    assert achievement(actual, target) == expected


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parser_never_raises_on_arbitrary_text(text):
    v = parse(text)
    assert v.kind in (EMPTY, QUALITATIVE, QUANTITATIVE)
    achievement(text, text)
    achievement(text, "")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["≥", "≤", ">", "<", "", "不低于", "不超过", "＞＝"]),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["件", "%", "批次", "元/批次", "个工作日", "万元", "万件", ""]),
)
def test_parser_reads_back_what_was_written(sign, number, unit):
    v = parse(f"{sign}{number}{unit}")
    assert v.kind == QUANTITATIVE
    scale = Decimal(10000) if unit.startswith("万") else Decimal(1)
    assert v.number == number * scale
