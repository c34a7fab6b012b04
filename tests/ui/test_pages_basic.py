"""基本情况 page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from perfdesk.ui.pages.basic_info import BasicInfoPage
from perfdesk.ui.widgets.string_list import StringListEditor
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, BasicInfoPage, demo)


def test_shows_demo_figures(page):
    assert find(page, "unit_name").text() == "青禾县市场监督管理局"
    assert find(page, "year").text() == "2024"
    assert find(page, "calc.staffing_rate").text() == "91.86%"  # 79 ÷ 86
    assert find(page, "duties").model.rowCount() == 8


def test_typing_staffing_updates_rate_and_undo(qtbot, page):
    actual = find(page, "staffing.actual")
    actual.setFocus()
    actual.selectAll()
    qtbot.keyClicks(actual, "86")
    qtbot.keyClick(actual, Qt.Key.Key_Return)
    assert page.doc.report.staffing.actual == 86
    assert find(page, "calc.staffing_rate").text() == "100.00%"
    page.doc.undo_stack.undo()
    assert actual.text() == "79"
    assert find(page, "calc.staffing_rate").text() == "91.86%"


def test_list_paste_on_page(page):
    editor = find(page, "departments")
    assert isinstance(editor, StringListEditor)
    n = len(page.doc.report.departments)
    editor.select_row(n - 1)
    assert editor.paste_text("综合股\n执法股\n宣传股") == 3
    assert page.doc.report.departments[-3:] == ["综合股", "执法股", "宣传股"]


@pytest.mark.parametrize("path", ["unit_name", "supervisor", "staffing.actual", "staffing.note",
                                  "organization_note", "year"])
def test_focus_path_fields(page, path):
    assert page.focus_path(path)
    w = find(page, path)
    assert w.property("flashing") is True


@pytest.mark.parametrize(("path", "list_path", "row"), [("duties[3]", "duties", 3),
                                                       ("branches", "branches", 0),
                                                       ("subordinates[1]", "subordinates", 1)])
def test_focus_path_list_items(page, path, list_path, row):
    assert page.focus_path(path)
    editor = find(page, list_path)
    assert editor.view.currentIndex().row() == row
    assert editor.view.viewport().property("flashing") is True


def test_reset_reloads(page, demo):
    demo.unit_name = "另一个单位"
    page.doc.load(demo, None)
    assert find(page, "unit_name").text() == "另一个单位"
    assert isinstance(find(page, "supervisor"), QLineEdit)
    assert not page.focus_path("income.other")  # not on this page
