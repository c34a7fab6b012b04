"""Blank amounts in the Word report: a blank (None) is unknown, never zero.

Word must state no figure that 附件1/附件2 and the score do not have, must not report a
blank item as 未发生/为零, and must leave out headings with nothing under them while
keeping the numbering continuous. Everything is read back from rendered .docx files.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from perfdesk.io import load_report
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money, fmt_percent
from perfdesk.model.report import Adjustment, Amounts, Building, Indicator, Project, Report
from perfdesk.model.rollover import next_year
from perfdesk.model.vocabulary import AdjustmentKind, Scope
from perfdesk.render.prose_text import cn_number
from perfdesk.render.word import render_word
from perfdesk.resources import demo_report_path
from tests.render.test_word_helpers import full_text, generated_text, headings, open_docx

TEMPLATES = ("标准版", "简版（六部分）", "旧版（七部分）", "表格式")
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
LEVELS = {"Title": 0, "Heading 1": 1, "Heading 2": 2, "Heading 3": 3}
D = Decimal
ZERO = re.compile(r"(?<![\d.])0\.00(万元|%)")  # a printed zero amount or rate


def _documents() -> dict[str, Report]:
    demo = load_report(demo_report_path())
    out = {"demo": demo, "rollover": next_year(demo)}
    out.update({p.stem: load_report(p) for p in sorted(SEEDS.glob("*.perfdesk"))})
    return out


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return _documents()


@pytest.fixture(scope="module")
def rendered(word_env, reports, tmp_path_factory) -> dict[tuple[str, str], Document]:
    """Every template for the demo, its rolled-over successor and every seed."""
    out = tmp_path_factory.mktemp("blanks")
    return {(key, name): open_docx(render_word(r, out / f"{key}_{i}.docx", template=name))
            for key, r in reports.items() for i, name in enumerate(TEMPLATES)}


def _render(report: Report, tmp_path: Path, template: str = "标准版") -> Document:
    return open_docx(render_word(report, tmp_path / f"{template}.docx", template=template))


def _body(doc: Document) -> list[tuple[int | None, str]]:
    """(heading level or None, text) of each top-level block; a table reads as content."""
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:tbl"):
            out.append((None, "<table>"))
        elif el.tag == qn("w:p"):
            p = Paragraph(el, doc)
            out.append((LEVELS.get(p.style.name if p.style is not None else ""), p.text))
    return out


def _between(doc: Document, start: str, stop_level: int) -> list[str]:
    """The texts after heading ``start`` up to the next heading of ``stop_level`` or higher."""
    blocks = _body(doc)
    i = next(k for k, (_, text) in enumerate(blocks) if text == start)
    out = []
    for level, text in blocks[i + 1:]:
        if level is not None and level <= stop_level:
            break
        out.append(text)
    return out


def _half_filled_basic() -> Report:
    """人员经费 has only a 决算; 公用经费 likewise: 基本支出 全年预算 is unknown."""
    r = Report(year=2020, unit_name="某县某局")
    r.basic.personnel = Amounts(actual=D("100"))
    r.basic.public = Amounts(actual=D("20"))
    r.projects = [Project(name="专项甲", amounts=Amounts(initial=D("50"), annual=D("60"),
                                                         actual=D("60")))]
    return r


def _full_basic(initial: str, annual: str) -> Report:
    r = Report(year=2024, unit_name="某县某局")
    r.basic.personnel = Amounts(initial=D(initial), annual=D(annual), actual=D(annual))
    r.basic.public = Amounts(initial=D(0), annual=D(0), actual=D(0))
    return r


# ---------------------------------------------------------------- D1 execution
def test_half_filled_basic_states_no_partial_total_or_rate(word_env, tmp_path):
    r = _half_filled_basic()
    assert Figures.of(r).score.exec_rate is None  # 附件2 and the score leave the rate blank
    for name in TEMPLATES:
        text = full_text(_render(r, tmp_path, name))
        assert "300.00%" not in text and "预算执行率为" not in text, name
        assert "本单位支出年初预算数" not in text  # 项目 alone is not the unit's budget
        assert "本单位支出全年预算数" not in text
        assert "基本支出全年预算数" not in text and not ZERO.search(text)
        assert "基本支出执行数120.00万元" in text
        assert "暂无法计算" in text


def test_seed001_no_rate_the_attachment_lacks(word_env, rendered):
    for name in TEMPLATES:
        text = full_text(rendered[("seed_001", name)])
        assert "219.86%" not in text, name
        assert "年初预算数为761.36万元，全年预算数为4460.52万元，全年执行数" not in text
        assert "基本支出全年预算数0.00万元" not in text
        assert "全年执行数为9806.96万元" in text


@pytest.mark.parametrize("name", TEMPLATES)
def test_rate_in_prose_is_the_scores_rate(rendered, reports, name):
    for key, r in reports.items():
        text = full_text(rendered[(key, name)])
        rate = Figures.of(r).score.exec_rate
        if rate is None:
            assert "预算执行率为" not in text, key
        else:
            assert f"预算执行率为{fmt_percent(rate)}" in text, key


def test_table_form_annual_budget_is_the_attachments_total(rendered, reports):
    for key, r in reports.items():
        table = rendered[(key, "表格式")].tables[0]
        row = next(row for row in table.rows if row.cells[1].text == "年度预算金额")
        annual = Figures.of(r).overall.annual
        assert row.cells[2].text == ("" if annual is None else f"{fmt_money(annual)}万元"), key


def test_adjustments_are_a_breakdown_only_when_they_add_up(word_env, tmp_path):
    r = _full_basic("100", "90")
    r.adjustments = [Adjustment("绩效奖", D(10), AdjustmentKind.ADD, Scope.BASIC)]
    text = full_text(_render(r, tmp_path))
    assert "其中：年中" not in text  # 减少 10 "其中：年中追加" would contradict itself
    assert "全年预算数较年初预算数减少10.00万元。年中预算调整情况：追加绩效奖10.00万元。" in text
    r = _full_basic("100", "90")
    r.adjustments = [Adjustment("压减一般性支出", D(10), AdjustmentKind.CUT, Scope.BASIC)]
    text = full_text(_render(r, tmp_path))
    assert "全年预算数较年初预算数减少10.00万元，其中：年中调减压减一般性支出10.00万元。" in text
    r = _half_filled_basic()
    r.adjustments = [Adjustment("绩效奖", D(10), AdjustmentKind.ADD, Scope.BASIC)]
    text = full_text(_render(r, tmp_path))
    assert "较年初预算数" not in text
    assert "年中预算调整情况：追加绩效奖10.00万元。" in text


# ---------------------------------------------------------------- D2 blanks are not 0.00
def test_project_line_leaves_out_a_blank_column(word_env, tmp_path):
    r = Report(year=2024, unit_name="某县某局")
    r.projects = [Project(name="专项甲", amounts=Amounts(initial=D("40"), actual=D("30")))]
    text = full_text(_render(r, tmp_path))
    assert "1.专项甲：年初预算数40.00万元，决算数30.00万元。" in text
    assert not ZERO.search(text)


@pytest.mark.parametrize("name", TEMPLATES)
def test_rolled_over_report_prints_no_zero_for_blanks(rendered, name):
    text = full_text(rendered[("rollover", name)])
    assert not ZERO.search(text)
    assert "人员经费0.00" not in text
    assert "人员经费主要包括" in text  # the typed contents survive without an amount


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_empty_clause_left_behind(rendered, reports, name):
    pattern = re.compile(r"(数|率|额)为[，。；]|(预算数|决算数|执行数|投资|规模)[，。；]"
                         r"|：[，。；]|[，；][，。；]|（）|^[，。；]")
    for key, r in reports.items():
        text = generated_text(full_text(rendered[(key, name)]), r)
        for line in text.split("\n"):
            assert not pattern.search(line), (key, line)


# ---------------------------------------------------------------- D3 三公
def test_seed002_denies_no_three_public_item(rendered):
    for name in TEMPLATES:
        text = full_text(rendered[("seed_002_budget", name)])
        assert "“三公”经费年初预算数为9.60万元，决算数为8.70万元" in text
        assert "未发生" not in text and "均为零" not in text


def test_blank_three_public_is_not_called_zero(word_env, tmp_path):
    text = full_text(_render(Report(year=2023, unit_name="某局"), tmp_path))
    assert "均为零" not in text and "未发生" not in text


def test_typed_zero_three_public_is_zero(word_env, tmp_path):
    r = Report(year=2023, unit_name="某局")
    zero = Amounts(initial=D(0), actual=D(0))
    t = r.three_public
    t.vehicle_purchase = t.vehicle_operation = t.overseas = t.reception = zero
    assert "2023年本单位“三公”经费预算和决算均为零。" in full_text(_render(r, tmp_path))
    r.three_public.reception = Amounts()  # one item unknown: the total may not be zero
    text = full_text(_render(r, tmp_path))
    assert "均为零" not in text
    assert "未发生因公出国（境）费用" in text and "公务接待" not in text


# ---------------------------------------------------------------- D4 indicators
def _indicator(name: str, weight: str | None, score: str | None) -> Indicator:
    return Indicator(level1="产出指标", level2="数量指标", name=name, target="≥10件",
                     actual="", weight=None if weight is None else D(weight),
                     score=None if score is None else D(score))


def test_unscored_indicators_claim_no_achievement(word_env, tmp_path):
    r = Report(year=2024, unit_name="某局")
    r.indicators = [_indicator("甲", "5", None), _indicator("乙", "5", None)]
    text = full_text(_render(r, tmp_path))
    assert "绩效指标共2项" in text
    assert "达到年度指标值" not in text and "自评得分0分" not in text


def test_partly_scored_indicators_state_no_score_total(word_env, tmp_path):
    r = Report(year=2024, unit_name="某局")
    r.indicators = [_indicator("甲", "5", "5"), _indicator("乙", "5", None),
                    _indicator("丙", "5", "3")]
    for i, actual in zip(r.indicators, ("12件", "", "8件"), strict=True):
        i.actual = actual
    text = full_text(_render(r, tmp_path))
    assert "分值合计15分，1项尚未评分。" in text and "自评得分8分" not in text
    assert "各项指标均达到" not in text
    assert ("按实际完成值可判断完成情况的2项中，1项达到年度指标值，1项未达到：“丙”"
            "（年度指标值≥10件，实际完成值8件，得分3分/5分）。"
            "另有1项未能依据实际完成值判断是否达到年度指标值。") in text


# ---------------------------------------------------------------- D7 buildings
@pytest.mark.parametrize("name", ["旧版（七部分）", "表格式"])
def test_building_blanks_are_left_out(word_env, tmp_path, name):
    r = Report(year=2024, unit_name="某局")
    r.buildings = [Building(name="业务用房", approved_area=D("1200"),
                            budget_investment=D("350"))]
    text = full_text(_render(r, tmp_path, name))
    assert "业务用房：批复规模1200.00平方米；预算投资350.00万元。" in text
    assert "实际规模" not in text and "实际投资" not in text and "—平方米" not in text


# ---------------------------------------------------------------- D8 empty headings
def _number(text: str, level: int) -> int | None:
    digits = "一二三四五六七八九十"
    forms = {1: f"^([{digits}]+)、", 2: f"^（([{digits}]+)）", 3: r"^(\d+)[.．]"}
    m = re.match(forms[level], text)
    if not m:
        return None
    value = m.group(1)
    return int(value) if value.isdigit() else next(
        n for n in range(1, 100) if cn_number(n) == value)


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_heading_without_content(rendered, reports, name):
    for key in reports:
        blocks = [(level, text) for level, text in _body(rendered[(key, name)])
                  if level is not None or text.strip()]
        for (level, text), (after, _) in zip(blocks, [*blocks[1:], (0, "")], strict=True):
            if level:
                assert after is None or after > level, (key, text)


@pytest.mark.parametrize("name", TEMPLATES)
def test_heading_numbers_are_continuous(rendered, reports, name):
    for key in reports:
        seen: dict[int, int] = {}
        for level, text in _body(rendered[(key, name)]):
            if not level:
                continue
            for deeper in [k for k in seen if k > level]:
                del seen[deeper]
            n = _number(text, level)
            if n is not None:
                assert n == seen.get(level, 0) + 1, (key, text)
                seen[level] = n


def test_empty_parts_are_left_out_and_renumbered(rendered):
    seven = headings(rendered[("seed_002_budget", "旧版（七部分）")])
    assert seven[:3] == ["一、部门概况", "（一）部门职能概述",
                         "（二）部门整体支出规模、使用方向、主要内容和涉及范围"]
    seven = headings(rendered[("seed_000", "旧版（七部分）")])
    assert "（三）年度重点工作计划" not in seven
    assert "（三）部门整体支出规模、使用方向、主要内容和涉及范围" in seven
    standard = headings(rendered[("seed_002_budget", "标准版")])
    assert "（二）机构设置" not in standard and "（一）单位职能职责" in standard
    six = headings(rendered[("seed_002_budget", "简版（六部分）")], ("Heading 2", "Heading 3"))
    assert six[:2] == ["（一）部门（单位）基本情况", "1.主要职能"]
    assert "（二）部门（单位）年度整体支出绩效目标" not in six
    assert "2.机构和人员情况" not in six
    # the demo fills every part: nothing is left out
    assert "（三）年度重点工作计划" in headings(rendered[("demo", "旧版（七部分）")])


# ---------------------------------------------------------------- D9b other budgets
def test_six_part_other_budgets_have_their_own_part(word_env, reports, tmp_path):
    r = reports["demo"]
    r.other_budgets.gov_fund = D("37.75")
    try:
        doc = _render(r, tmp_path, "简版（六部分）")
    finally:
        r.other_budgets.gov_fund = None
    h1 = headings(doc, ("Heading 1",))
    assert h1[2:4] == ["三、政府性基金、国有资本经营和社会保险基金预算支出情况",
                       "四、部门整体支出绩效情况"]
    assert h1[-1] == "七、绩效自评结果拟应用和公开情况"
    own = _between(doc, h1[2], 1)
    assert "2024年本单位政府性基金预算支出37.75万元。" in own
    assert "本单位无国有资本经营预算支出。" in own
    projects = _between(doc, "（二）项目支出情况", 2)
    assert not [t for t in projects if "政府性基金" in t]


def test_six_part_without_other_budgets_keeps_six_parts(rendered):
    doc = rendered[("demo", "简版（六部分）")]
    h1 = headings(doc, ("Heading 1",))
    assert len(h1) == 6 and h1[2] == "三、部门整体支出绩效情况"
    assert not [t for t in _between(doc, "（二）项目支出情况", 2) if "政府性基金" in t]
