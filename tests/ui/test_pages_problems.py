"""问题与改进 page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from perfdesk.ui.pages.problems import ProblemsPage
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, ProblemsPage, demo)


def test_shows_demo(page):
    r = page.doc.report
    problems = find(page, "problems")
    assert problems.model.rowCount() == len(r.problems)
    assert problems.model.data(problems.model.index(0, 1)) == r.problems[0].measure
    assert find(page, "result_use").toPlainText() == r.result_use
    assert find(page, "calc.signature_preview").text() == "2025年3月18日"


def test_date_style_and_clear(page):
    combo = find(page, "date_style")
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert page.doc.report.date_style == "chinese"
    assert find(page, "calc.signature_preview").text() == "二〇二五年三月十八日"
    field = find(page, "signature_date")
    field.clear_date()
    assert page.doc.report.signature_date is None
    assert field.text() == "未填"
    field.setDate(QDate(2025, 4, 2))
    assert page.doc.report.signature_date == date(2025, 4, 2)
    page.doc.undo_stack.undo()  # back to blank: clearing was its own step
    assert page.doc.report.signature_date is None
    page.doc.undo_stack.undo()
    assert page.doc.report.signature_date == date(2025, 3, 18)
    assert field.date() == QDate(2025, 3, 18)


def test_paste_problem_pairs(page):
    table = find(page, "problems")
    table.view.setCurrentIndex(table.model.index(-1, -1))
    assert table.paste_text("问题甲\t措施甲\n问题乙\t措施乙\n")
    assert [(p.text, p.measure) for p in page.doc.report.problems[-2:]] == [
        ("问题甲", "措施甲"), ("问题乙", "措施乙")]


def test_text_field_commits_on_focus_out(qtbot, page):
    notes = find(page, "other_notes")
    notes.setFocus()
    notes.setPlainText("无")
    notes.commit()
    assert page.doc.report.other_notes == "无"
    page.doc.undo_stack.undo()
    assert notes.toPlainText() == ""


@pytest.mark.parametrize("path", ["problems[1].measure", "extra_measures[0]", "result_use",
                                  "other_notes", "signature_date", "date_style", "problems"])
def test_focus_path(page, path):
    assert page.focus_path(path)
    if path == "problems[1].measure":
        idx = find(page, "problems").view.currentIndex()
        assert (idx.row(), idx.column()) == (1, 1)
