"""What is still being typed (no Enter or Tab yet) is never lost or misplaced: saving,
closing, starting a new report and reordering projects take it in first."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from perfdesk.io import load_report, save_report
from perfdesk.model import Report
from tests.ui.helpers import find

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opened(make_window, demo: Report, tmp_path: Path):
    path = tmp_path / "本单位.perfdesk"
    save_report(demo, path, backup=False)
    window = make_window(path=path)
    assert window.doc.file_path == path
    return window, path


def _type(qtbot, field, text: str) -> None:
    """Type without Enter or Tab, the way a user leaves a field half-done."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_ctrl_s_saves_the_figure_still_being_typed(opened, qtbot):
    window, path = opened
    field = find(window.show_page("budget"), "income.general_budget")
    _type(qtbot, field, "4321.00")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert load_report(path).income.general_budget == Decimal("4321.00")
    assert not window.isWindowModified()


def test_a_paragraph_and_an_open_table_cell_are_saved_too(opened, qtbot):
    window, path = opened
    text = find(window.show_page("budget"), "basic.personnel_items")
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    text.selectAll()
    text.insertPlainText("基本工资、津贴补贴")  # within the 1.5 s before it commits by itself
    window.act_save.trigger()
    assert load_report(path).basic.personnel_items == "基本工资、津贴补贴"

    table = find(window.show_page("indicators"), "indicators")
    index = table.model.index(0, 4)  # 实际完成值
    table.view.setFocus()
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table.view)
    editor = QApplication.focusWidget()
    editor.selectAll()
    editor.insert("3500户")
    window.act_save.trigger()
    assert load_report(path).indicators[0].actual == "3500户"


def test_closing_while_typing_asks_to_save(opened, qtbot, dialog_log):
    window, _path = opened
    _type(qtbot, find(window.show_page("budget"), "income.general_budget"), "4321.00")
    window.close()
    assert "ask_save_changes" in dialog_log.names()  # the default answer cancels
    assert window.isVisible()
    assert window.doc.report.income.general_budget == Decimal("4321.00")


def test_new_report_does_not_inherit_the_typing(opened, qtbot, dialog_log):
    window, _path = opened
    field = find(window.show_page("basic"), "unit_name")
    _type(qtbot, field, "Half typed")
    dialog_log.answer("ask_save_changes", "discard")
    assert window.files.new_report()
    assert "ask_save_changes" in dialog_log.names()
    window.show_page("problems").setFocus()  # focus leaves the old field
    assert window.doc.report.unit_name == ""


def test_text_that_cannot_be_read_stops_the_save_and_says_why(opened, qtbot, dialog_log):
    window, path = opened
    before = path.read_bytes()
    _type(qtbot, find(window.show_page("budget"), "income.general_budget"), "12a")
    window.act_save.trigger()
    assert "有内容无法识别" in dialog_log.texts("warning")
    assert path.read_bytes() == before


def _button(page, text: str) -> QToolButton:
    return next(b for b in page.findChildren(QToolButton)
                if b.text() == text and b.parentWidget() is page.project_list.parentWidget())


def test_moving_a_project_while_typing_keeps_the_figure_with_its_project(opened, qtbot):
    window, _path = opened
    page = window.show_page("projects")
    page.project_list.setCurrentRow(0)
    first = window.doc.report.projects[0].name
    second = window.doc.report.projects[1]
    second_actual = second.amounts.actual
    _type(qtbot, find(page, "projects[0].amounts.actual"), "999.00")
    qtbot.mouseClick(_button(page, "下移"), Qt.MouseButton.LeftButton)
    moved = {p.name: p.amounts.actual for p in window.doc.report.projects}
    assert moved[first] == Decimal("999.00")
    assert moved[second.name] == second_actual


def test_deleting_a_project_while_typing_leaves_the_next_one_alone(opened, qtbot):
    window, _path = opened
    page = window.show_page("projects")
    page.project_list.setCurrentRow(0)
    nxt = window.doc.report.projects[1]
    name, purpose = nxt.name, nxt.purpose
    _type(qtbot, find(page, "projects[0].name"), "To be deleted")
    qtbot.mouseClick(_button(page, "删除"), Qt.MouseButton.LeftButton)
    assert window.doc.report.projects[0].name == name
    assert window.doc.report.projects[0].purpose == purpose
    assert all(p.name != "To be deleted" for p in window.doc.report.projects)


def test_undo_button_while_typing_undoes_the_typing(opened, qtbot):
    window, _path = opened
    window.doc.set_value("supervisor", "某县人民政府")  # an earlier change: 撤销 is enabled
    page = window.show_page("projects")
    old = window.doc.report.projects[0].amounts.actual
    field = find(page, "projects[0].amounts.actual")
    _type(qtbot, field, "777.00")
    window.act_undo.trigger()  # the toolbar button: focus stays in the field
    assert window.doc.report.projects[0].amounts.actual == old
    assert window.doc.report.supervisor == "某县人民政府"  # only the typing went
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field writes nothing back
    assert window.doc.report.projects[0].amounts.actual == old
    window.act_redo.trigger()
    assert window.doc.report.projects[0].amounts.actual == Decimal("777.00")


def test_switching_project_with_refused_text_keeps_it_on_screen(opened, qtbot, dialog_log):
    window, _path = opened
    page = window.show_page("projects")
    page.project_list.setCurrentRow(1)
    before = window.doc.report.projects[1].amounts.actual
    field = find(page, "projects[1].amounts.actual")
    _type(qtbot, field, "73.86a")
    item = page.project_list.visualItemRect(page.project_list.item(0)).center()
    qtbot.mouseClick(page.project_list.viewport(), Qt.MouseButton.LeftButton, pos=item)
    assert "有内容无法识别" in dialog_log.texts("warning")
    assert page.project_list.currentRow() == 1 and page.project.index == 1
    assert field.text() == "73.86a" and field.error  # still there to correct
    assert window.doc.report.projects[1].amounts.actual == before
    assert any(f.rule == "R-U01" for f in window.doc.findings)
