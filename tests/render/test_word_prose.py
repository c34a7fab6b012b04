"""Prose building blocks: dates, number formatting, zero/empty wording, cleaning."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from perfdesk.model.figures import Figures
from perfdesk.model.report import Adjustment, Amounts, Problem, Report
from perfdesk.model.vocabulary import AdjustmentKind, NarrativePart, Scope
from perfdesk.render import prose, prose_perf
from perfdesk.render.dates import format_date
from perfdesk.render.prose_text import change_phrase, clean, numbered, paragraphs, strip_numbering
from perfdesk.render.word_context import build_context, title_lines


@pytest.mark.parametrize(("d", "arabic", "chinese"), [
    (date(2025, 3, 18), "2025年3月18日", "二〇二五年三月十八日"),
    (date(2024, 10, 1), "2024年10月1日", "二〇二四年十月一日"),
    (date(2020, 12, 31), "2020年12月31日", "二〇二〇年十二月三十一日"),
    (date(2021, 4, 20), "2021年4月20日", "二〇二一年四月二十日"),
])
def test_dates(d, arabic, chinese):
    assert format_date(d, "arabic") == arabic
    assert format_date(d, "chinese") == chinese
    assert "O" not in chinese and "0" not in chinese and "\u3007" in chinese
    assert format_date(None, "arabic") == ""


def test_clean_and_paragraphs():
    assert clean("a\x00b\x1fc\ufffe\x7fd") == "abcd"
    assert clean("tab\tkept") == "tab\tkept"
    assert paragraphs("一\r\n\r\n二\r三\n  ") == ["一", "二", "三"]
    assert strip_numbering("（一）营商环境") == "营商环境"
    assert strip_numbering("3、 质量提升") == "质量提升"
    assert strip_numbering("1.5万件目标") == "1.5万件目标"
    assert numbered(["1、甲", "（二）乙"]) == ["1.甲", "2.乙"]


def test_change_phrase():
    assert change_phrase(Decimal("20.31"), Decimal("43.12")) == \
        "较上年决算数43.12万元减少22.81万元，下降52.90%"
    assert change_phrase(Decimal("12"), Decimal("10")) == "较上年决算数10.00万元增加2.00万元，增长20.00%"
    assert change_phrase(Decimal("1"), None) == ""
    assert change_phrase(Decimal("1"), Decimal("0")) == ""


def test_money_always_two_decimals_and_half_up():
    r = Report(year=2024)
    r.basic.personnel = Amounts(initial=Decimal("100.005"), annual=Decimal("100"),
                                actual=Decimal("99.994"))
    r.basic.public = Amounts(initial=Decimal(0), annual=Decimal(0), actual=Decimal(0))
    text = prose.basic_spending(r, Figures.of(r))[0]
    assert "年初预算数为100.01万元，全年预算数为100.00万元，决算数为99.99万元" in text


def test_adjustments_sentence():
    r = Report(year=2024)
    r.basic.personnel = Amounts(initial=Decimal(100), annual=Decimal(110), actual=Decimal(110))
    r.basic.public = Amounts(initial=Decimal(0), annual=Decimal(0), actual=Decimal(0))
    r.adjustments = [Adjustment("绩效奖", Decimal(12), AdjustmentKind.ADD, Scope.BASIC),
                     Adjustment("压减", Decimal(2), AdjustmentKind.CUT, Scope.BASIC)]
    assert prose.basic_spending(r, Figures.of(r))[1] == \
        "全年预算数较年初预算数增加10.00万元，其中：年中追加绩效奖12.00万元；调减压减2.00万元。"


def test_other_budgets_wording():
    r = Report(year=2024)
    assert prose.gov_fund(r) == ["本单位无政府性基金预算支出。"]
    r.other_budgets.gov_fund = Decimal("37.75")
    r.other_budgets.gov_fund_note = "用于减免房租补贴。"
    assert prose.gov_fund(r) == ["2024年本单位政府性基金预算支出37.75万元。", "用于减免房租补贴。"]
    assert prose.social_insurance(r) == ["本单位无社会保险基金预算支出。"]


def test_three_public_items_and_zero():
    r = Report(year=2023)
    t = r.three_public
    t.vehicle_purchase = Amounts(prior=Decimal("90.41"), actual=Decimal("10"))
    t.vehicle_operation = Amounts(prior=Decimal("46.70"), initial=Decimal("56.7"),
                                  actual=Decimal("32.15"))
    t.overseas = Amounts(initial=Decimal("2"))
    text = prose.three_public(r, Figures.of(r))[0]
    # 购置费 has no budget: the vehicle budget is unknown, its 决算 (both parts known) is not
    assert "公务用车购置及运行维护费决算42.15万元（其中公务用车购置费10.00万元，运行维护费32.15万元）" \
        in text
    assert "预算56.70" not in text
    assert "因公出国（境）费预算2.00万元。" in text  # its blank 决算 is not printed as 0.00
    assert "公务接待" not in text  # a blank item is not reported as 未发生
    t.reception = Amounts(initial=Decimal(0), actual=Decimal(0))
    assert "未发生公务接待费用" in prose.three_public(r, Figures.of(r))[0]


def test_staffing_and_score_sentences(demo):
    assert "编制控制率为91.86%" in prose.staffing_sentence(demo, Figures.of(demo))
    assert prose_perf.score(demo, Figures.of(demo)).endswith("自评等级为“优”。")
    assert "99.89分" in prose_perf.score(demo, Figures.of(demo))


def test_indicator_summary_names_the_missed_ones(demo):
    text = prose_perf.indicator_summary(demo, Figures.of(demo))[0]
    assert text.startswith("本单位年度整体支出绩效指标共17项（产出指标10项、效益指标5项、满意度指标2项）")
    assert "其中16项达到年度指标值，1项未达到：“特种设备定期检验率”" in text


def test_problems_and_measures_pairing():
    r = Report(problems=[Problem("问题甲\n补充说明", "措施甲"), Problem("问题乙", "")],
               extra_measures=["另一措施"])
    assert prose_perf.problems(r) == ["（一）问题甲", "补充说明", "（二）问题乙"]
    assert prose_perf.measures(r) == ["（一）措施甲", "（二）另一措施"]
    empty = Report()
    assert prose_perf.problems(empty) == ["（待填：存在的问题及原因分析）"]  # blank is not 无
    assert prose_perf.measures(empty) == ["（待填：下一步改进措施）"]
    empty.stated_none = [NarrativePart.PROBLEMS, NarrativePart.MEASURES]
    assert prose_perf.problems(empty) == ["本年度无需要说明的问题。"]
    assert prose_perf.measures(empty) == ["无需要说明的改进措施。"]
    assert prose_perf.other_notes(empty) == ["无其他需要说明的情况。"]


def test_title_line_break(demo):
    assert title_lines(demo) == "2024年度青禾县市场监督管理局\n整体支出绩效自评报告"
    assert title_lines(Report(year=2024, unit_name="某局")) == "2024年度某局整体支出绩效自评报告"


def test_context_has_no_floats(demo):
    ctx = build_context(demo)

    def walk(v):
        assert not isinstance(v, float)
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(ctx)
    assert ctx["date_text"] == "2025年3月18日"
