"""The Word report: every template renders the demo; headings, figures and GB/T 9704
formatting read back with python-docx. Rendered once per module and shared."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from perfdesk.io import load_report
from perfdesk.model import figures
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money, fmt_percent
from perfdesk.model.report import Report
from perfdesk.render.templates import list_templates
from perfdesk.render.word import render_word
from perfdesk.render.word_draft import DRAFT_TEXT, is_draft
from perfdesk.resources import demo_report_path
from tests.render.test_word_helpers import (
    full_text,
    generated_text,
    headings,
    model_amounts,
    money_in_text,
    open_docx,
)

TEMPLATES = ("标准版", "简版（六部分）", "旧版（七部分）", "表格式")

EXPECTED_HEADINGS = {
    "标准版": [
        "一、单位基本情况", "（一）单位职能职责", "（二）机构设置",
        "二、一般公共预算支出情况", "（一）基本支出情况", "（二）项目支出情况",
        "三、政府性基金预算支出情况", "四、国有资本经营预算支出情况",
        "五、社会保险基金预算支出情况",
        "六、单位整体支出绩效情况", "（一）支出预算执行情况", "（二）支出绩效目标完成情况",
        "（三）整体支出绩效情况",
        "七、存在的问题及原因分析", "八、下一步改进措施",
        "九、单位整体支出绩效自评结果拟应用和公开情况", "十、其他需要说明的情况",
    ],
    "简版（六部分）": [
        "一、基本情况", "（一）部门（单位）基本情况", "（二）部门（单位）年度整体支出绩效目标",
        "二、一般公共预算支出情况", "（一）基本支出情况", "（二）项目支出情况",
        "三、部门整体支出绩效情况", "SECTIONS",
        "四、存在的问题及原因分析", "五、下一步整改措施", "六、绩效自评结果拟应用和公开情况",
    ],
    "旧版（七部分）": [
        "一、部门概况", "（一）部门职能概述", "（二）部门组织机构及人员情况",
        "（三）年度重点工作计划", "（四）部门整体支出规模、使用方向、主要内容和涉及范围",
        "二、部门整体支出管理及使用情况", "（一）基本支出", "（二）项目支出",
        "三、部门专项组织实施情况", "四、资产管理情况", "五、部门整体支出绩效情况",
        "（一）绩效目标完成情况", "（二）主要工作成效", "（三）综合评价情况及评价结论",
        "（四）绩效评价结果应用建议", "六、存在的主要问题", "七、改进措施和有关建议",
    ],
    "表格式": ["附表：绩效指标完成情况"],
}


@pytest.fixture(scope="module")
def demo_report() -> Report:
    return load_report(demo_report_path())


@pytest.fixture(scope="module")
def rendered(word_env, demo_report, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("word")
    return {name: render_word(demo_report, out / f"{i}.docx", template=name)
            for i, name in enumerate(TEMPLATES)}


@pytest.fixture(scope="module")
def docs(rendered):
    return {name: open_docx(path) for name, path in rendered.items()}


def test_bundled_templates_are_listed(word_env):
    names = [t.name for t in list_templates()]
    assert names[:4] == list(TEMPLATES)


@pytest.mark.parametrize("name", TEMPLATES)
def test_headings_in_order(docs, demo_report, name):
    doc = docs[name]
    title = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert title == ["2024年度青禾县市场监督管理局\n整体支出绩效自评报告"]
    expected = []
    for h in EXPECTED_HEADINGS[name]:  # the demo's own sections, renumbered （一）…
        expected += [s.title for s in demo_report.sections] if h == "SECTIONS" else [h]
    assert headings(doc) == expected


def test_standard_section_titles_are_level_three(docs, demo_report):
    h3 = headings(docs["标准版"], ("Heading 3",))
    assert h3 == [f"{i}.{s.title.split('）', 1)[1]}" for i, s in enumerate(demo_report.sections, 1)]


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_template_artefacts(docs, name):
    text = full_text(docs[name])
    for artefact in ("{{", "}}", "{%", "%}", "None", "—%"):
        assert artefact not in text, artefact


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_amount_in_prose_comes_from_the_model(docs, demo_report, name):
    allowed = model_amounts(demo_report)
    printed = money_in_text(generated_text(full_text(docs[name]), demo_report))
    assert printed, "no amounts printed"
    assert set(printed) <= allowed, set(printed) - allowed


def test_standard_figures_equal_the_model(docs, demo_report):
    r = demo_report
    text = full_text(docs["标准版"])
    basic, proj = Figures.of(r).basic, Figures.of(r).projects
    overall = Figures.of(r).overall
    m = fmt_money
    assert (f"2024年基本支出年初预算数为{m(basic.initial)}万元，全年预算数为{m(basic.annual)}万元，"
            f"决算数为{m(basic.actual)}万元") in text
    assert (f"2024年项目支出年初预算数为{m(proj.initial)}万元，全年预算数为{m(proj.annual)}万元，"
            f"决算数为{m(proj.actual)}万元，共3个项目") in text
    for i, p in enumerate(r.projects, 1):
        a = p.amounts
        assert (f"{i}.{p.name}：年初预算数{m(a.initial)}万元，全年预算数{m(a.annual)}万元，"
                f"决算数{m(a.actual)}万元，执行率{fmt_percent(figures.execution_rate(a))}") in text
    assert f"人员经费{m(r.basic.personnel.actual)}万元" in text
    assert f"公用经费{m(r.basic.public.actual)}万元" in text
    assert (f"全年执行数为{m(overall.actual)}万元，预算执行率为"
            f"{fmt_percent(figures.execution_rate(overall))}") in text
    tp = Figures.of(r).three_public
    assert (f"“三公”经费年初预算数为{m(tp.initial)}万元，决算数为{m(tp.actual)}万元，"
            f"控制率为{fmt_percent(figures.control_rate(tp))}") in text
    assert f"较上年决算数{m(tp.prior)}万元减少" in text
    assert r.three_public.note in text
    assert f"编制控制率为{fmt_percent(Figures.of(r).staffing_rate)}" in text
    s = Figures.of(r).score
    assert f"自评得分为{s.total}分" in text
    assert f"自评等级为“{s.grade}”" in text
    assert "本单位无政府性基金预算支出。" in text
    assert "无其他需要说明的情况。" in text


def test_narrative_inserted_as_written_paragraph_by_paragraph(docs, demo_report):
    paras = [p.text for p in docs["标准版"].paragraphs]
    for section in demo_report.sections:
        for text in section.paragraphs:
            assert text in paras
    for problem in demo_report.problems:
        assert any(p.endswith(problem.text) for p in paras)
        assert any(p.endswith(problem.measure) for p in paras)


def test_signature_and_date(docs):
    doc = docs["标准版"]
    sig = [p for p in doc.paragraphs if p.style.name == "PD Signature"]
    date = [p for p in doc.paragraphs if p.style.name == "PD Date"]
    assert [p.text for p in sig] == ["青禾县市场监督管理局"]
    assert [p.text for p in date] == ["2025年3月18日"]
    assert doc.paragraphs[-3].text == ""  # one blank line above the 署名
    sig_ind = int(sig[0]._p.pPr.find(qn("w:ind")).get(qn("w:right")))
    date_ind = int(date[0]._p.pPr.find(qn("w:ind")).get(qn("w:right")))
    assert sig_ind == 640  # two characters of 16 pt
    # the date's first character sits two characters right of the 署名's first one
    assert (date_ind + 6.5 * 320) == sig_ind + 10 * 320 - 2 * 320


def test_chinese_date_style(word_env, demo_report, tmp_path):
    r = copy.deepcopy(demo_report)
    r.date_style = "chinese"
    doc = open_docx(render_word(r, tmp_path / "c.docx"))
    assert "二〇二五年三月十八日" in [p.text for p in doc.paragraphs]


# ---------------------------------------------------------------- formatting (XML)
def _style_xml(doc, name):
    return doc.styles[name].element


def _fonts(el):
    return el.find(qn("w:rPr")).find(qn("w:rFonts"))


def _val(el, tag):
    found = el.find(".//" + qn(tag))
    return None if found is None else found.get(qn("w:val"))


@pytest.mark.parametrize("name", TEMPLATES)
def test_page_setup(docs, name):
    s = docs[name].sections[0]
    assert (s.page_width.mm, s.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert s.top_margin.mm == pytest.approx(37, abs=0.1)
    assert s.bottom_margin.mm == pytest.approx(35, abs=0.1)
    assert s.left_margin.mm == pytest.approx(28, abs=0.1)
    assert s.right_margin.mm == pytest.approx(26, abs=0.1)


def test_styles_follow_gbt9704(docs):
    doc = docs["标准版"]
    expected = {  # style: (eastAsia font, half-points, bold)
        "Normal": ("仿宋_GB2312", "32", None),
        "Title": ("方正小标宋简体", "44", None),
        "Heading 1": ("黑体", "32", "0"),
        "Heading 2": ("楷体_GB2312", "32", "0"),
        "Heading 3": ("仿宋_GB2312", "32", None),
    }
    for name, (font, size, bold) in expected.items():
        el = _style_xml(doc, name)
        assert _fonts(el).get(qn("w:eastAsia")) == font, name
        assert _val(el.find(qn("w:rPr")), "w:sz") == size, name
        if bold is not None:
            assert _val(el.find(qn("w:rPr")), "w:b") == bold, name
    assert el.find(qn("w:rPr")).find(qn("w:b")) is not None  # Heading 3 bold
    body = _style_xml(doc, "Normal").find(qn("w:pPr"))
    spacing = body.find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "exact"
    assert 560 <= int(spacing.get(qn("w:line"))) <= 580  # 28–29 pt
    ind = body.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    title = _style_xml(doc, "Title").find(qn("w:pPr"))
    assert title.find(qn("w:jc")).get(qn("w:val")) == "center"


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_run_sets_east_asian_font(docs, name):
    body = docs[name].element.body
    runs = [r for r in body.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    assert runs
    for r in runs:
        fonts = r.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), r.xpath("string(.)")


def test_page_numbers_in_footer(docs):
    doc = docs["标准版"]
    s = doc.sections[0]
    for footer, align in ((s.footer, "right"), (s.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert p.text.startswith("— ") and p.text.endswith(" —")
        xml = p._p.xml
        assert "PAGE" in xml and 'w:eastAsia="宋体"' in xml and 'w:val="28"' in xml
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
    assert doc.settings.odd_and_even_pages_header_footer


def test_table_form_tables(docs):
    doc = docs["表格式"]
    assert len(doc.tables) == 2
    for table in doc.tables:
        assert table._tbl.tblPr.find(qn("w:tblBorders")) is not None
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    indicators = doc.tables[1]
    assert len(indicators.rows) == 1 + 17 + 2  # header, one row per indicator, 执行率, 总分
    assert indicators.rows[-1].cells[-1].text == "99.89"
    assert indicators.rows[1].cells[2].text == "新增市场主体户数"


# ---------------------------------------------------------------- draft
def test_draft_marks_every_page(word_env, demo_report, tmp_path, docs):
    doc = open_docx(render_word(demo_report, tmp_path / "d.docx", draft=True))
    assert is_draft(doc)
    s = doc.sections[0]
    for header in (s.header, s.even_page_header):
        assert DRAFT_TEXT in header.paragraphs[0].text
        assert "PowerPlusWaterMarkObject" in header._element.xml
    assert DRAFT_TEXT in doc.core_properties.title
    assert not is_draft(docs["标准版"])


def test_render_all_names_the_draft(word_env, demo_report, tmp_path):
    from perfdesk.checks.finding import ERROR, Finding
    from perfdesk.render import render_all

    err = Finding("R-B01", ERROR, "基本支出不等于人员经费与公用经费之和")
    result = render_all(demo_report, tmp_path, excel=False, findings=[err])
    assert result.draft and result.files[0].name.endswith("（草稿）.docx")
    assert is_draft(open_docx(result.files[0]))
    final = render_all(demo_report, tmp_path, excel=False, findings=[])
    assert not final.draft and not is_draft(open_docx(final.files[0]))
