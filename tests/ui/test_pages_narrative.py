"""绩效情况 page."""

from __future__ import annotations

import pytest

from perfdesk.render.prose_outline import preview_parts
from perfdesk.ui.pages.narrative import NarrativePage
from perfdesk.ui.pages.narrative_preview import preview_html
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, NarrativePage, demo)


def test_shows_sections(page):
    r = page.doc.report
    assert page.section_list.count() == len(r.sections)
    assert find(page, "sections[0].title").text() == r.sections[0].title
    page.section_list.setCurrentRow(1)
    assert find(page, "sections[1].paragraphs").model.rowCount() == len(r.sections[1].paragraphs)


def test_preview_shows_generated_figures(page):
    page.refresh_preview()
    text = page.preview.toPlainText()
    assert "1892.12" in text  # 基本支出 决算, from the same figures as the tables
    assert "284.86" in text


def test_preview_and_empty_report(demo):
    from perfdesk.model.report import Report

    assert preview_html(Report())  # a blank report must not break it


@pytest.mark.parametrize("template", ["standard", "six_part", "seven_part"])
def test_preview_shows_what_the_chosen_template_prints(demo, tmp_path, template):
    """Every preview paragraph is in the Word report of that template, and the parts a
    template leaves out (政府采购 in 标准版) are not previewed."""
    import docx

    from perfdesk.render import render_all

    demo.template = template
    result = render_all(demo, tmp_path, template=template, excel=False)
    document = docx.Document(str(next(p for p in result.files if p.suffix == ".docx")))
    word = "\n".join(p.text for p in document.paragraphs)
    word += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    parts = preview_parts(demo)
    assert parts
    for _heading, paras in parts:
        for para in paras:
            assert para in word, para[:40]
    headings = [h for h, _ in parts]
    assert ("政府采购、资产与厉行节约" in headings) == (template == "seven_part")


def test_add_and_edit_section(qtbot, page):
    page.add_section()
    n = len(page.doc.report.sections)
    title = find(page, f"sections[{n - 1}].title")
    title.insert("（四）新的成效")
    title.setModified(True)
    assert title.commit()
    assert page.section_list.item(n - 1).text() == "（四）新的成效"
    paras = find(page, f"sections[{n - 1}].paragraphs")
    assert paras.paste_text("第一段。\n第二段。") == 2
    assert page.doc.report.sections[-1].paragraphs == ["第一段。", "第二段。"]
    page.move_section(-1)
    assert page.doc.report.sections[n - 2].title == "（四）新的成效"


@pytest.mark.parametrize(("path", "tab"), [("sections[1].paragraphs[1]", 0), ("sections[2].title", 0),
                                           ("execution_notes", 1), ("goal_notes[0]", 1),
                                           ("sections", 0)])
def test_focus_path(page, path, tab):
    assert page.focus_path(path)
    assert page.tabs.currentIndex() == tab
    if path.startswith("sections["):
        assert page.current == int(path[9])
