"""Ctrl+Z / Ctrl+Y typed on the keyboard: a field undoes its own uncommitted typing first,
otherwise the document's last edit is undone, whichever editor has the focus."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import find

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(make_window, qtbot):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    return w


def _type_over(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_ctrl_z_undoes_typing_not_yet_committed_in_the_field(window, qtbot):
    unit = find(window.show_page("basic"), "unit_name")
    old = window.doc.report.unit_name
    _type_over(qtbot, unit, "Test Bureau")
    qtbot.keyClick(unit, Qt.Key.Key_Z, CTRL)
    assert unit.text() == old  # the field's own typing went
    assert window.doc.report.unit_name == old
    assert not window.doc.undo_stack.canUndo()  # and nothing reached the document


def test_ctrl_z_after_tab_undoes_the_edit_and_ctrl_y_redoes_it(window, qtbot):
    page = window.show_page("basic")
    unit = find(page, "unit_name")
    old = window.doc.report.unit_name
    _type_over(qtbot, unit, "Test Bureau")
    qtbot.keyClick(unit, Qt.Key.Key_Tab)
    assert window.doc.report.unit_name == "Test Bureau"
    nxt = QApplication.focusWidget()
    assert nxt is find(page, "supervisor")  # a line edit, which used to swallow Ctrl+Z
    qtbot.keyClick(nxt, Qt.Key.Key_Z, CTRL)
    assert window.doc.report.unit_name == old
    assert unit.text() == old
    qtbot.keyClick(nxt, Qt.Key.Key_Y, CTRL)
    assert window.doc.report.unit_name == "Test Bureau"
    qtbot.keyClick(nxt, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(nxt, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.doc.report.unit_name == "Test Bureau"


def test_ctrl_z_in_a_money_field_a_text_box_and_a_date(window, qtbot):
    budget = window.show_page("budget")
    general = find(budget, "income.general_budget")
    old = window.doc.report.income.general_budget
    _type_over(qtbot, general, "1,234.5")
    qtbot.keyClick(general, Qt.Key.Key_Return)
    assert window.doc.report.income.general_budget == Decimal("1234.50")
    for key, path in (("basic", "organization_note"), ("problems", "signature_date")):
        editor = find(window.show_page(key), path)
        editor.setFocus()
        assert QApplication.focusWidget() in (editor, editor.focusProxy())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
        assert window.doc.report.income.general_budget == old, path
        window.doc.undo_stack.redo()


def test_every_redo_key_is_bound_once(window):
    keys = [k.toString() for k in window.act_redo.shortcuts()]
    assert "Ctrl+Y" in keys
    assert all(n == 1 for n in Counter(keys).values()), keys  # a repeat makes the key dead
