"""文件 › 从决算/预算报表取数…: the preview, tick boxes, one undo step, sources kept and shown."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from perfdesk.model.report import Report
from perfdesk.ui.fill_dialog import FillDialog

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[1] / "data" / "tables"
B = DATA / "b_hubei_2023_决算_元.xls"
C = DATA / "c_shaanxi_2024_决算.xls"
A = DATA / "a_hunan_2024_决算_万元.xlsx"
F = DATA / "f_inconsistent_2024_决算.xlsx"


def _open_from_menu(qtbot, w) -> FillDialog:
    """Alt+F opens 文件, T picks 从决算/预算报表取数… (its mnemonic)."""
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    qtbot.keyClick(menu, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: w.findChild(FillDialog) is not None and w.findChild(FillDialog).isVisible())
    return w.findChild(FillDialog)


def _row(dlg: FillDialog, path: str) -> int:
    return next(i for i, c in enumerate(dlg.plan.candidates) if c.path == path)


def _click_tick(qtbot, dlg: FillDialog, row: int) -> None:
    table = dlg.table
    table.scrollToItem(table.item(row, 0))
    rect = table.visualItemRect(table.item(row, 0))
    # the check box sits at the left of the cell
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 12, rect.center().y()))


def test_fill_an_empty_report_with_one_undo_step(make_window, qtbot, dialog_log):
    w = make_window()
    w.files.new_report()
    assert w.doc.report == Report()
    dialog_log.answer("open_files", [B])
    dlg = _open_from_menu(qtbot, w)
    row = _row(dlg, "basic.personnel.actual")
    assert dlg.table.item(row, 1).text() == "人员经费（决算数）"
    assert dlg.table.item(row, 2).text() == "空" and dlg.table.item(row, 3).text() == "123.46"
    assert dlg.table.item(row, 4).text() == "b_hubei_2023_决算_元.xls › 表6!C6（人员经费合计 × 决算数；元；一般公共预算财政拨款）"
    assert "全年预算数（调整预算）" in dlg.notes.toPlainText()
    # untick one figure with the mouse: it is not filled
    office = _row(dlg, "basic.office.actual")
    _click_tick(qtbot, dlg, office)
    assert not dlg.ticked(office)
    # the keyboard does the same: Space on the current row's box
    travel = _row(dlg, "basic.utilities_travel.actual")
    dlg.table.setFocus()
    dlg.table.setCurrentCell(travel, 0)
    qtbot.keyClick(dlg.table, Qt.Key.Key_Space)
    assert not dlg.ticked(travel)
    qtbot.keyClick(dlg.table, Qt.Key.Key_Space)
    assert dlg.ticked(travel)
    n = len(dlg.chosen())
    assert dlg.apply_button.text() == f"填入 {n} 个数(&F)"
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    r = w.doc.report
    assert r.basic.personnel.actual == Decimal("123.46") and r.basic.office.actual is None
    assert r.year == 2023 and r.sources["basic.personnel.actual"].raw == "1234564.5"
    # the checks see the figures at once: only 尾差 info, no arithmetic error
    qtbot.waitUntil(lambda: not w.doc.checks_pending)
    rules = {f.rule for f in w.doc.findings}
    assert "R-B16" in rules and not {"R-B01", "R-B08"} & rules
    # the field's tooltip says where the figure came from
    w.show_page("budget")
    from perfdesk.ui.widgets.fields import MoneyEdit

    edit = next(e for e in w.findChildren(MoneyEdit) if e.path == "basic.personnel.actual")
    assert "取自 b_hubei_2023_决算_元.xls › 表6!C6" in edit.toolTip() and "原值 1234564.5" in edit.toolTip()
    # one Ctrl+Z takes the whole fill back, sources included
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.report == Report()


def test_conflicts_are_unticked_and_ticking_one_unticks_the_other(make_window, qtbot, dialog_log):
    w = make_window()
    before = w.doc.report.declared.overall.actual
    dialog_log.answer("open_files", [A, F])
    dlg = _open_from_menu(qtbot, w)
    rows = [i for i, c in enumerate(dlg.plan.candidates) if c.path == "declared.overall.actual"]
    assert len(rows) == 2 and not any(dlg.ticked(i) for i in rows)
    assert dlg.table.item(rows[0], 3).text().endswith("（不一致）")
    _click_tick(qtbot, dlg, rows[0])
    _click_tick(qtbot, dlg, rows[1])
    assert [dlg.ticked(i) for i in rows] == [False, True]
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert w.doc.report.declared.overall.actual == before and not w.doc.undo_stack.canUndo()


def test_scope_mismatch_rows_come_unticked(make_window, qtbot, dialog_log):
    w = make_window()
    w.files.new_report()
    dialog_log.answer("open_files", [C])
    dlg = _open_from_menu(qtbot, w)
    row = _row(dlg, "basic.personnel.actual")
    assert not dlg.ticked(row) and "口径不同" in dlg.table.item(row, 5).text()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert w.doc.report == Report()


def test_files_with_nothing_to_take_say_so(make_window, qtbot, dialog_log, tmp_path):
    bad = tmp_path / "决算.xls"
    bad.write_text("项目,金额\n", encoding="utf-8")
    w = make_window()
    before = w.doc.report
    dialog_log.answer("open_files", [bad])
    w.act_fill.trigger()
    assert dialog_log.names() == ["open_files", "warning"]
    assert "“决算.xls”是纯文本（CSV/TXT）文件" in dialog_log.texts("warning")
    assert w.doc.report == before and not w.doc.undo_stack.canUndo()
