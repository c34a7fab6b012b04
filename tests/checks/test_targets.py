"""The target/actual parser on what accountants really type (DOMAIN.md §3, issue 3 §1)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.checks.targets import (
    ACHIEVED,
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
    achievement,
    parse,
    units_agree,
)

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
        "当年12月底前",
        "XX件",
        "100%完成",  # a number followed by words: not guessed
        "≤3天以上",  # contradictory comparators
        "约120件左右吧",
        "1.2.3件",
        "≥",
        "万件",
        "2024年",  # a date, not a number of years
        "12月",
        "2024年12月31日前",
    ],
)
def test_words_and_odd_shapes_are_qualitative_never_guessed(text):
    assert parse(text).kind == QUALITATIVE


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
