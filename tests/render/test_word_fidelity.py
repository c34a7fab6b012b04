"""Word says only what the data and the Excel 附件 support (QA round 2: N3 N4 N6 N7 N9 N10a).

Each case renders a real .docx and reads it back with python-docx; the property tests pin
down ``strip_numbering``, which every list, heading and quoted indicator name goes through.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from pathlib import Path

import pytest
from docx.document import Document
from hypothesis import example, given, settings
from hypothesis import strategies as st

from perfdesk.checks.scoring import suggest
from perfdesk.io import load_report
from perfdesk.model.figures import Figures
from perfdesk.model.report import Adjustment, Amounts, Indicator, Problem, Report, Section
from perfdesk.model.rollover import next_year
from perfdesk.model.vocabulary import AdjustmentKind, Scope
from perfdesk.render.prose_text import clean, cn_number, strip_numbering
from perfdesk.render.word import render_word
from perfdesk.resources import demo_report_path
from tests.render.test_word_helpers import full_text, headings, open_docx

TEMPLATES = ("标准版", "简版（六部分）", "旧版（七部分）", "表格式")
DATA = Path(__file__).resolve().parents[1] / "data"
D = Decimal


def _render(report: Report, tmp_path: Path, template: str = "标准版") -> Document:
    return open_docx(render_word(report, tmp_path / f"{template}.docx", template=template))


def _paragraphs(doc: Document) -> list[str]:
    """Body and table-cell paragraphs, cells in reading order (merged cells once)."""
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        seen: list = []  # the cell elements themselves (ids of lxml proxies are reused)
        for row in table.rows:
            for cell in row.cells:
                if any(cell._tc is tc for tc in seen):
                    continue
                seen.append(cell._tc)
                out += [p.text for p in cell.paragraphs]
    return out


@pytest.fixture(scope="module")
def demo() -> Report:
    return load_report(demo_report_path())


# ---------------------------------------------------------------- N3 第X is not numbering
USER_TEXT = ("第三方评价机构参与度不高", "第一书记驻村帮扶", "第二批中央补助资金已拨付到位",
             "1.5万户个体工商户完成年报")


def test_text_starting_with_di_is_kept_whole(word_env, demo, tmp_path):
    r = copy.deepcopy(demo)
    r.duties = ["第一书记驻村帮扶", "（二）负责市场主体统一登记注册", "第三，负责食品安全监管"]
    r.goals = ["第二批中央补助资金已拨付到位", "1.5万户个体工商户完成年报"]
    r.achievements = ["第三方评价机构参与度不高"]
    r.problems = [Problem(text="第三方评价机构参与度不高", measure="第一，引入第三方评价")]
    r.sections = [Section(title="第三部分 绩效情况", paragraphs=["正文甲"]),
                  Section(title="（二）安全底线", paragraphs=["正文乙"])]
    miss = next(i for i in r.indicators if i.name == "特种设备定期检验率")
    miss.name = "第三方检验检测机构抽查合格率"
    for name in TEMPLATES:
        doc = _render(r, tmp_path, name)
        paras = _paragraphs(doc)
        text = full_text(doc)
        for typed in USER_TEXT:
            assert any(p.endswith(typed) for p in paras), (name, typed)
        assert "2.负责市场主体统一登记注册" in paras, name
        assert "引入第三方评价" in text and "第一，引入" not in text  # numbering goes
        assert "负责食品安全监管" in text and "第三，负责" not in text
        assert "“第三方检验检测机构抽查合格率”" in text, name  # as 附件2 prints it
        assert "“方检验" not in text and "书记驻村" not in text.replace("第一书记驻村", "")
        assert any(p.endswith("第三部分 绩效情况") for p in paras), name
        assert not any(p.endswith("分 绩效情况") and "第三部" not in p for p in paras)


def test_indicator_name_in_word_matches_annex2(word_env, demo, tmp_path):
    from openpyxl import load_workbook

    from perfdesk.render import excel

    r = copy.deepcopy(demo)
    miss = next(i for i in r.indicators if i.name == "特种设备定期检验率")
    miss.name = "第三方检验检测机构抽查合格率"
    text = full_text(_render(r, tmp_path))
    wb = load_workbook(excel.render_workbook(r, tmp_path / "a.xlsx", draft=False))
    names = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value and "检验检测" in str(c.value)}
    assert names == {"第三方检验检测机构抽查合格率"}
    assert f"“{names.pop()}”（年度指标值≥99%" in text


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(
    lambda c: c not in "一二三四五六七八九十百零两第")
_TAIL = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=12)
_CN = st.integers(1, 99).map(cn_number)
_ARABIC = st.integers(1, 99).map(str)


def _clean(text: str) -> str:
    """What a paragraph of user text is once cleaned (strip_numbering cleans first)."""
    return clean(text).replace("\n", " ").strip()


# Beginnings that look like numbering but are text: 第 + numeral + a character, decimals,
# years, series such as 一、二季度 / 1、2月 / 第一、二批, words that start with a numeral.
_NOT_NUMBERING = st.one_of(
    st.builds(lambda n, c: f"第{n}{c}", st.one_of(_CN, _ARABIC), _HAN),
    st.builds(lambda a, b: f"{a}.{b}", _ARABIC, st.integers(0, 99)),
    st.builds(lambda y, p: f"{y}{p}", st.integers(1000, 2099), st.sampled_from("年、.．")),
    st.builds(lambda a, b, c: f"{a}、{b}{c}", _CN, _CN, st.sampled_from("季月批次期")),
    st.builds(lambda a, b, c: f"{a}、{b}{c}", _ARABIC, st.integers(1, 12),
              st.sampled_from("月季批")),
    st.builds(lambda a, b: f"第{a}、{b}批", _CN, _CN),
    st.builds(lambda n, c: f"{n}{c}", _CN, _HAN),
    st.builds(lambda c: c, _HAN),
    st.sampled_from(["A", "“", "《", "——"]),
)


@settings(max_examples=300, deadline=None)
@given(_NOT_NUMBERING, _TAIL)
@example("第三方评价机构", "参与度不高")
@example("第一书记", "驻村帮扶")
@example("第二批", "中央补助资金")
@example("第三部分", " 绩效情况")
@example("1.5", "万户")
def test_text_without_numbering_comes_back_unchanged(start, tail):
    text = _clean(start + tail)
    assert strip_numbering(text) == text


_NUMBERING = st.one_of(
    st.builds(lambda n, p: f"{n}{p}", _ARABIC, st.sampled_from([".", "、", "）", ")", "．"])),
    st.builds(lambda n, p: p.format(n), st.one_of(_ARABIC, _CN), st.sampled_from(["（{}）",
                                                                                   "({})"])),
    st.builds(lambda n, p: f"{n}{p}", _CN, st.sampled_from(["、", "．"])),
    st.builds(lambda n, p: f"第{n}{p}", _CN, st.sampled_from(["，", "、", "：", ":"])),
    st.sampled_from([chr(c) for c in range(0x2460, 0x2474)]),
)


@settings(max_examples=300, deadline=None)
@given(_NUMBERING, st.sampled_from(["", " ", "  "]), _HAN, _TAIL)
@example("第一，", "", "引", "入第三方评价")
@example("（一）", "", "营", "商环境")
@example("3、", " ", "质", "量提升")
def test_numbering_is_stripped_from_text(numbering, space, first, tail):
    body = _clean(first + tail)
    assert strip_numbering(numbering + space + body) == body


# ---------------------------------------------------------------- N4 达到 is the engine's call
def test_full_marks_for_a_missed_target_is_not_called_reached(word_env, tmp_path):
    r = load_report(DATA / "faulty" / "full_marks_for_missed_targets.perfdesk")
    miss = next(i for i in r.indicators if i.name == "特种设备定期检验率")
    assert miss.score == miss.weight and suggest(miss, r.scoring).met is False
    for name in TEMPLATES:
        text = full_text(_render(r, tmp_path, name))
        assert "均达到年度指标值" not in text, name
        assert "其中16项达到年度指标值，1项未达到：“特种设备定期检验率”（年度指标值≥99%，" \
               "实际完成值98.2%，得分5分/5分）" in text, name


def _ind(name: str, target: str, actual: str, weight: str | None, score: str | None
         ) -> Indicator:
    return Indicator(level1="产出指标", level2="数量指标", name=name, target=target,
                     actual=actual, weight=None if weight is None else D(weight),
                     score=None if score is None else D(score))


def test_rows_the_engine_cannot_judge_are_not_counted(word_env, tmp_path):
    r = Report(year=2024, unit_name="某局")
    r.indicators = [_ind("甲", "≥10件", "12件", "5", "5"),
                    _ind("乙", "≤15天", "与计划时间匹配", "5", "5")]  # text actual: no verdict
    text = full_text(_render(r, tmp_path))
    assert "各项指标均达到" not in text
    assert "按实际完成值可判断完成情况的1项均达到年度指标值。另有1项未能依据实际完成值判断" in text
    r.indicators[1] = _ind("乙", "≥10件", "8件", "5", "4")
    text = full_text(_render(r, tmp_path))
    assert "其中1项达到年度指标值，1项未达到：“乙”（年度指标值≥10件，实际完成值8件，得分4分/5分）" in text


def test_points_lost_on_a_reached_target_are_not_a_miss(word_env, tmp_path):
    r = Report(year=2024, unit_name="某局")
    r.indicators = [_ind("甲", "≥10件", "12件", "5", "5"), _ind("乙", "≥10件", "11件", "5", "4")]
    r.indicators[1].deviation = "资料归档不及时"
    text = full_text(_render(r, tmp_path))
    assert "各项指标均达到年度指标值。另有1项自评得分低于分值：“乙”" in text
    assert "“乙”偏差原因及改进措施：资料归档不及时。" in text


# ---------------------------------------------------------------- N6 其中 only when it adds up
def test_seed002_adjustments_are_not_called_a_breakdown(word_env, tmp_path):
    r = load_report(DATA / "seeds" / "seed_002_budget.perfdesk")
    for name in TEMPLATES:
        text = full_text(_render(r, tmp_path, name))
        assert "增加19.41万元，其中" not in text, name
        assert ("全年预算数较年初预算数增加19.41万元。年中预算调整情况：追加调增指标2022年度"
                "绩效考核奖金26.32万元；调减退休人员调减工资调标5.10万元。") in text, name


def test_adjustments_that_add_up_are_the_breakdown(word_env, tmp_path):
    r = Report(year=2024, unit_name="某局")
    r.basic.personnel = Amounts(initial=D(100), annual=D("121.22"), actual=D(120))
    r.basic.public = Amounts(initial=D(0), annual=D(0), actual=D(0))
    r.adjustments = [Adjustment("绩效奖", D("26.32"), AdjustmentKind.ADD, Scope.BASIC),
                     Adjustment("调标", D("5.10"), AdjustmentKind.CUT, Scope.BASIC)]
    text = full_text(_render(r, tmp_path))
    assert "全年预算数较年初预算数增加21.22万元，其中：年中追加绩效奖26.32万元；调减调标5.10万元。" in text
    r.adjustments[1].amount = D("5.11")
    text = full_text(_render(r, tmp_path))
    assert "其中：年中" not in text
    assert "增加21.22万元。年中预算调整情况：追加绩效奖26.32万元；调减调标5.11万元。" in text


# ---------------------------------------------------------------- N7 title-only sections
@pytest.mark.parametrize(("name", "heading"), [("标准版", "（三）整体支出绩效情况"),
                                               ("旧版（七部分）", "（二）主要工作成效")])
def test_title_only_sections_leave_the_heading_and_fallback(word_env, demo, tmp_path, name,
                                                            heading):
    r = next_year(demo)
    assert r.sections and all(s.title and not any(p.strip() for p in s.paragraphs)
                              for s in r.sections)
    doc = _render(r, tmp_path, name)
    assert heading in headings(doc)
    paras = [p.text for p in doc.paragraphs]
    after = paras[paras.index(heading) + 1]
    assert after == f"{r.year}年本单位整体支出绩效情况见上述支出绩效目标完成情况。"
    assert not any(s.title in full_text(doc) for s in r.sections)


def test_a_title_only_section_among_written_ones_is_left_out(word_env, demo, tmp_path):
    r = copy.deepcopy(demo)
    r.sections = [Section(title="空标题", paragraphs=["", " "]),
                  Section(title="市场秩序", paragraphs=["正文"])]
    for name in TEMPLATES:
        doc = _render(r, tmp_path, name)
        text = full_text(doc)
        assert "空标题" not in text and "见上述支出绩效目标完成情况" not in text, name
        assert re.search(r"(1\.|（一）)市场秩序", text), name


# ---------------------------------------------------------------- N9 表格式 numbering
def test_table_form_numbers_titled_sections_consecutively(word_env, demo, tmp_path):
    r = copy.deepcopy(demo)
    r.sections = [Section(paragraphs=["导语段落"]), Section(title="安全底线", paragraphs=["乙"]),
                  Section(title="市场秩序", paragraphs=["丙"])]
    cell = _paragraphs(_render(r, tmp_path, "表格式"))
    i = cell.index("导语段落")
    assert cell[i:i + 5] == ["导语段落", "（一）安全底线", "乙", "（二）市场秩序", "丙"]
    for name in ("标准版", "旧版（七部分）"):
        paras = _paragraphs(_render(r, tmp_path, name))
        assert "1.安全底线" in paras and "2.市场秩序" in paras, name


# ---------------------------------------------------------------- N10a title lines
def _title_lines(doc: Document) -> list[str]:
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    return title.text.split("\n")


@pytest.mark.parametrize(("unit", "lines"), [
    ("湘潭市市场监督管理局高新技术产业开发区分局",
     ["2023年度湘潭市市场监督管理局", "高新技术产业开发区分局", "整体支出绩效自评报告"]),
    ("怀化市工商行政管理局经济开发区分局",
     ["怀化市工商行政管理局经济开发区分局", "2023年度整体支出绩效自评报告"]),
    ("岳阳市岳阳楼区市场监督管理局", ["2023年度岳阳市岳阳楼区市场监督管理局", "整体支出绩效自评报告"]),
    ("某局", ["2023年度某局整体支出绩效自评报告"]),
])
def test_long_titles_break_at_natural_points(word_env, tmp_path, unit, lines):
    r = Report(year=2023, unit_name=unit)
    for name in TEMPLATES:
        got = _title_lines(_render(r, tmp_path, name))
        assert got == lines, name
        assert all(len(line) <= 20 for line in got)


def test_seed002_title(word_env, tmp_path):
    r = load_report(DATA / "seeds" / "seed_002_budget.perfdesk")
    assert _title_lines(_render(r, tmp_path, "表格式")) == [
        "2023年度湘潭市市场监督管理局", "高新技术产业开发区分局", "整体支出绩效自评报告"]


# ---------------------------------------------------------------- unknown totals
@pytest.mark.parametrize("name", TEMPLATES)
def test_blank_scores_give_no_partial_total(word_env, demo, tmp_path, name):

    r = copy.deepcopy(demo)
    r.indicators[0].score = None
    r.income.gov_fund = None
    doc = _render(r, tmp_path, name)
    text = full_text(doc)
    assert "None" not in text
    assert "自评得分89.96分" not in text and "自评得分84.96分" not in text  # no Σ of the rest
    assert "分值合计90分，1项尚未评分。" in text
    if Figures.of(r).score.total is None:
        assert "暂无法计算自评总分和自评等级" in text
        assert "自评等级为" not in text


# ---------------------------------------------------------------- every cell has a paragraph
def test_table_form_cells_are_never_empty_of_paragraphs(word_env, tmp_path):
    """seed 002 has no 机构设置: the loop left its cell without a w:p (invalid OOXML)."""
    from docx.oxml.ns import qn

    r = load_report(DATA / "seeds" / "seed_002_budget.perfdesk")
    doc = _render(r, tmp_path, "表格式")
    cells = list(doc.element.body.iter(qn("w:tc")))
    assert cells and all(tc.find(qn("w:p")) is not None for tc in cells)
    row = next(row for row in doc.tables[0].rows if row.cells[1].text == "机构设置及人员情况")
    assert row.cells[2].text == "" and row.cells[2]._tc is not row.cells[1]._tc


def test_unknown_vehicle_total_states_its_known_parts(word_env, seed004, tmp_path):
    """Seed 004 without its declared totals: 公车购置 is blank in 2023, so neither the
    公务用车 nor the “三公” total is known (附件1 leaves them blank); the typed parts are
    stated, no total and no change on last year."""
    text = full_text(_render(seed004, tmp_path))
    assert ("“三公”经费中，公务用车运行维护费预算56.70万元，决算32.15万元；"
            "因公出国（境）费预算2.00万元。") in text
    assert "较上年决算数137.59万元" not in text and "None" not in text
