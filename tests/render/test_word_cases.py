"""Edge cases of the Word report: hostile text, empty sections, 0/1/30 projects, seed 004."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.io import load_report
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money
from perfdesk.model.report import Amounts, Problem, Project, Report, Section
from perfdesk.model.vocabulary import NarrativePart
from perfdesk.render.word import render_word
from perfdesk.resources import demo_report_path
from tests.render.test_word_helpers import full_text, headings, open_docx

TEMPLATES = ("标准版", "简版（六部分）", "旧版（七部分）", "表格式")

HOSTILE = [
    "{{ 7*7 }} 与 {% for x in range(3) %}x{% endfor %} 原样保留",
    "{%p if true %}段落标记{%p endif %}，{%tr for r in rows %}行标记",
    "<w:t>尖括号</w:t> & 符号 &amp; ]]> \"引号\" '单引号'",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "表情 👍🏻🎉 与生僻字 𠀀𪚥",
    "控\x00制\x07字\x0b符\x1b\ufffe清除",
    "长段落" + "很长的文字，" * 3000,
]
# What the hostile lines must read as (control characters dropped, nothing else changed).
EXPECTED = [HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[3], HOSTILE[4], "控制字符清除",
            HOSTILE[6]]


@pytest.fixture(scope="module")
def demo_report() -> Report:
    return load_report(demo_report_path())


@pytest.fixture(scope="module")
def hostile_docs(word_env, demo_report, tmp_path_factory):
    r = copy.deepcopy(demo_report)
    r.unit_name = "青禾县<市场>&监管局{{ x }}"
    r.sections = [Section(title="{{ title }}<b>标题</b>", paragraphs=list(HOSTILE))]
    r.problems = [Problem(text="{% raw %}问题&<>", measure="措施\n第二段{{")]
    r.other_notes = "第一行\r\n第二行\x0c"
    r.projects[0].name = "项目<名称>&{{ p }}"
    out = tmp_path_factory.mktemp("hostile")
    return r, {n: open_docx(render_word(r, out / f"{i}.docx", template=n))
               for i, n in enumerate(TEMPLATES)}


@pytest.mark.parametrize("name", TEMPLATES)
def test_hostile_text_renders_as_typed(hostile_docs, name):
    _, docs = hostile_docs
    doc = docs[name]
    paragraphs = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += [p.text for p in cell.paragraphs]
    for expected in EXPECTED:
        assert expected in paragraphs, expected[:40]
    text = full_text(doc)
    assert "49" not in text.replace("2024", "")  # {{ 7*7 }} never evaluated
    assert "<class" not in text
    assert "青禾县<市场>&监管局{{ x }}" in text
    assert "项目<名称>&{{ p }}" in text
    assert "{% raw %}问题&<>" in text
    assert "第一行" in paragraphs and "第二行" in paragraphs  # one paragraph per line


# ---------------------------------------------------------------- empty report
def _minimal() -> Report:
    return Report(year=2024, unit_name="某县某局", duties=["负责某项工作。"],
                  signature_date=date(2025, 3, 1),
                  stated_none=[NarrativePart.PROBLEMS, NarrativePart.MEASURES])


@pytest.fixture(scope="module")
def empty_docs(word_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("empty")
    return {n: open_docx(render_word(_minimal(), out / f"{i}.docx", template=n))
            for i, n in enumerate(TEMPLATES)}


@pytest.mark.parametrize("name", TEMPLATES)
def test_empty_optional_sections_have_sensible_wording(empty_docs, name):
    text = full_text(empty_docs[name])
    for artefact in ("{{", "{%", "None", "—万元", "nan"):
        assert artefact not in text
    assert "本单位无项目支出。" in text
    assert "本年度无需要说明的问题。" in text
    if name == "标准版":
        assert "本单位无政府性基金预算支出。" in text
        assert "本单位无国有资本经营预算支出。" in text
        assert "本单位无社会保险基金预算支出。" in text
        assert "无其他需要说明的情况。" in text
        assert "暂无法计算" in text  # no budget: no score invented
        assert "三公" not in text  # blank is unknown: neither 均为零 nor 未发生


def test_empty_report_keeps_the_outline(empty_docs):
    assert len(headings(empty_docs["标准版"], ("Heading 1",))) == 10


# ---------------------------------------------------------------- 0, 1, 30 projects
def _with_projects(n: int) -> Report:
    r = load_report(demo_report_path())
    r.adjustments = [a for a in r.adjustments if a.scope != "project"]
    r.projects = [
        Project(name=f"专项经费{i}", purpose="专项工作",
                amounts=Amounts(prior=Decimal("1.00"), initial=Decimal(f"{i}.50"),
                                annual=Decimal(f"{i}.50"), actual=Decimal(f"{i}.25")))
        for i in range(1, n + 1)
    ]
    return r


@pytest.mark.parametrize("n", [0, 1, 30])
def test_project_list(word_env, tmp_path, n):
    r = _with_projects(n)
    doc = open_docx(render_word(r, tmp_path / f"p{n}.docx"))
    paras = [p.text for p in doc.paragraphs]
    lines = [p for p in paras if p.split("：")[0].split(".", 1)[-1].startswith("专项经费")]
    assert len(lines) == n
    total = Figures.of(r).projects
    text = "\n".join(paras)
    if n == 0:
        assert "2024年本单位无项目支出。" in paras
    else:
        assert (f"项目支出年初预算数为{fmt_money(total.initial)}万元，全年预算数为"
                f"{fmt_money(total.annual)}万元，决算数为{fmt_money(total.actual)}万元，共{n}个项目"
                ) in text
        assert lines[-1].startswith(f"{n}.专项经费{n}：年初预算数{n}.50万元")


# ---------------------------------------------------------------- seed 004
SEED004_H1 = [
    "一、单位基本情况", "二、一般公共预算支出情况", "三、政府性基金预算支出情况",
    "四、国有资本经营预算支出情况", "五、社会保险基金预算支出情况", "六、单位整体支出绩效情况",
    "七、存在的问题及原因分析", "八、下一步改进措施",
    "九、单位整体支出绩效自评结果拟应用和公开情况", "十、其他需要说明的情况",
]
SEED004_H2 = ["（一）单位职能职责", "（二）机构设置", "（一）基本支出情况", "（二）项目支出情况",
              "（一）支出预算执行情况", "（二）支出绩效目标完成情况", "（三）整体支出绩效情况"]


@pytest.fixture
def seed004_full(seed004: Report) -> Report:
    r = seed004
    # The seed's stated 项目支出 全年预算 (855.87); its 附件3 全年 figures sum to 880.42.
    r.declared.projects.annual = Decimal("855.87")
    # Its 附件1 prints the “三公” totals although some items are blank (blank there meaning
    # none); PerfDesk never sums blanks, so the printed totals are declared, as the
    # importer keeps them.
    r.declared.vehicle = Amounts(Decimal("137.11"), Decimal("56.7"), None, Decimal("32.15"))
    r.declared.three_public = Amounts(Decimal("137.59"), Decimal("58.7"), None,
                                      Decimal("32.15"))
    r.duties = ["负责市场综合监督管理。", "负责市场主体统一登记注册。"]
    r.signature_date = date(2024, 3, 28)
    return r


def test_seed004_standard_reproduces_headings_and_figures(word_env, seed004_full, tmp_path):
    r = seed004_full
    doc = open_docx(render_word(r, tmp_path / "seed004.docx", template="standard"))
    assert headings(doc, ("Heading 1",)) == SEED004_H1
    assert headings(doc, ("Heading 2",)) == SEED004_H2
    text = full_text(doc)
    assert "2023年基本支出年初预算数为4668.70万元，全年预算数为4980.37万元，决算数为4980.37万元" in text
    assert "人员经费4360.55万元" in text and "公用经费619.82万元" in text
    assert "2023年项目支出年初预算数为696.00万元，全年预算数为855.87万元，决算数为855.87万元" in text
    assert "596" not in text
    for name, actual in (("业务工作经费", "730.54"), ("运行维护经费", "32.15"),
                         ("编外用工人员经费", "93.18")):
        assert f"{name}：" in text and f"决算数{actual}万元" in text
    assert "本单位无政府性基金预算支出。" in text
    assert "编制控制率为87.38%" in text
    # 三公: 年初预算 58.70, 决算 32.15, 上年 137.59
    assert "“三公”经费年初预算数为58.70万元，决算数为32.15万元" in text
    assert "较上年决算数137.59万元减少105.44万元" in text


def test_seed004_prose_and_attachment_print_the_same_figure(word_env, seed004_full, tmp_path):
    """The prose 项目支出 年初预算 equals 附件1's cell: one figure, typed once."""
    from openpyxl import load_workbook

    from perfdesk.render import excel

    r = seed004_full
    text = full_text(open_docx(render_word(r, tmp_path / "s.docx")))
    wb = load_workbook(excel.render_workbook(r, tmp_path / "s.xlsx", draft=False))
    ws = wb.worksheets[0]
    row = next(i for i in range(1, ws.max_row + 1)
               if str(ws.cell(i, 1).value or "").startswith("项目支出"))
    header = next(i for i in range(1, row) if ws.cell(i, 1).value == "经费控制情况(万元)")
    col = next(c for c in range(2, ws.max_column + 1)
               if str(ws.cell(header, c).value or "") == "2023年预算数")
    initial = Decimal(str(ws.cell(row, col).value))
    assert initial == Decimal("696")
    assert f"项目支出年初预算数为{fmt_money(initial)}万元" in text


# ---------------------------------------------------------------- big report
def test_large_report_renders(word_env, tmp_path):
    r = _with_projects(100)
    r.indicators = r.indicators * 10
    doc = open_docx(render_word(r, tmp_path / "big.docx", template="表格式"))
    assert len(doc.tables[1].rows) == 1 + len(r.indicators) + 2


def test_output_path_is_returned(word_env, tmp_path):
    target = tmp_path / "sub" / "报告.docx"
    assert render_word(_minimal(), target) == target
    assert target.stat().st_size > 0
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".~")]


def test_path_type(word_env, tmp_path):
    assert isinstance(render_word(_minimal(), str(tmp_path / "a.docx")), Path)
