"""Checks while typing, errors shaded alike, and undo that names what it undoes.

Typed by keys into real fields, never committed with Tab or Enter: the 审核结果 panel follows
within a second (TRIAL_MS after the last key), while the report, the undo history and the
recovery journal still hold only committed edits.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qt_compat import qt_api

from perfdesk.ui.widgets.fields import TRIAL_MS
from tests.ui.helpers import find

pytestmark = pytest.mark.gui

Qt = qt_api.QtCore.Qt
SECOND = 1000


def rules(w) -> set[str]:
    return {f.rule for f in w.findings.findings_shown()}


def _click_into(qtbot, field) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())
    field.selectAll()


def test_the_panel_follows_typing_without_committing(make_window, qtbot):
    w = make_window()
    page = w.show_page("budget")
    field = find(page, "basic.public.actual")
    before = w.doc.report.basic.public.actual
    steps = w.doc.undo_stack.count()
    assert "R-B10" not in rules(w)
    _click_into(qtbot, field)
    qtbot.keyClicks(field, "236.845")  # three decimals: R-B10, no Tab, no Enter
    assert TRIAL_MS <= 300
    qtbot.waitUntil(lambda: "R-B10" in rules(w), timeout=SECOND)
    assert field.hasFocus() and field.text() == "236.845"
    assert w.doc.report.basic.public.actual == before  # nothing committed
    assert w.doc.undo_stack.count() == steps
    assert field.property("invalid")  # shaded while typed, like any error

    qtbot.keyClick(field, Qt.Key.Key_Escape)  # put back: the typing's findings go with it
    assert field.text() == "236.84" and "R-B10" not in rules(w)
    assert not field.property("invalid")


def test_partial_input_never_flashes_a_refusal(make_window, qtbot):
    w = make_window()
    page = w.show_page("budget")
    field = find(page, "basic.public.actual")
    seen: list[set[str]] = []
    w.doc.findings_changed.connect(lambda: seen.append({f.rule for f in w.doc.findings}))
    _click_into(qtbot, field)
    for text in ("-", "12", "12."):
        field.selectAll()
        qtbot.keyClicks(field, text)
        qtbot.wait(TRIAL_MS + 150)
    assert seen, "the checks did not follow the typing"
    assert all("R-U01" not in s for s in seen)
    qtbot.keyClicks(field, "5")  # 12.5: the panel follows, then Tab commits it
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert w.doc.report.basic.public.actual == Decimal("12.5")
    assert w.doc.undo_stack.undoText() == "修改 公用经费 决算"


def test_text_that_does_not_read_waits_for_the_commit(make_window, qtbot):
    w = make_window()
    page = w.show_page("budget")
    field = find(page, "basic.public.actual")
    _click_into(qtbot, field)
    qtbot.keyClicks(field, "12a")
    qtbot.wait(TRIAL_MS + 200)
    assert "R-U01" not in rules(w)  # not yet: the user may still be typing
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert "R-U01" in rules(w) and field.property("invalid")


def test_a_paragraph_is_checked_while_typed(make_window, qtbot):
    w = make_window()
    page = w.show_page("problems")
    field = find(page, "other_notes")
    qtbot.mouseClick(field.viewport(), Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, "XX")  # a placeholder left in: R-C03
    qtbot.waitUntil(lambda: "R-C03" in rules(w), timeout=SECOND)
    assert w.doc.report.other_notes != "XX"


def test_every_error_is_shaded_the_same_way(make_window, qtbot):
    from perfdesk.ui.widgets.binding import ERROR_STYLE
    from perfdesk.ui.widgets.list_model import ERROR_BG

    w = make_window()
    page = w.show_page("budget")
    declared = find(page, "declared.basic.actual")
    field = find(page, "basic.public.actual")
    w.doc.set_value("declared.basic.actual", Decimal("1909.85"))  # ≠ 人员 + 公用: R-B01
    assert "R-B01" in rules(w)
    assert declared.property("invalid") and declared.styleSheet() == ERROR_STYLE
    assert declared.toolTip().startswith("基本支出决算 1909.85 万元 ≠")
    _click_into(qtbot, field)
    qtbot.keyClicks(field, "abc")  # refused text: R-U01 — the same shading
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.styleSheet() == declared.styleSheet()

    # an error in a table cell: the cell is shaded with the same colour
    page = w.show_page("indicators")
    table = find(page, "indicators")
    w.doc.set_value("indicators[0].score", Decimal("99"))  # more than its 分值: R-I02
    col = table.model.column_of("score")
    cell = table.model.index(0, col)
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == ERROR_BG
    assert "自评得分" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_undo_names_the_step_and_goes_to_the_field(make_window, qtbot):
    w = make_window()
    page = w.show_page("budget")
    field = find(page, "basic.public.actual")
    _click_into(qtbot, field)
    qtbot.keyClicks(field, "240")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert w.act_undo.text() == "撤销“修改 公用经费 决算”(&U)"
    w.steps.setCurrentRow(0)  # elsewhere now
    other = find(w.pages["basic"], "unit_name")
    _click_into(qtbot, other)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.report.basic.public.actual == Decimal("236.84")
    assert w.current_key() == "budget" and w.focusWidget() is field
    assert w.statusBar().currentMessage() == "已撤销：修改 公用经费 决算"
    assert w.act_redo.text() == "重做“修改 公用经费 决算”(&R)"
    w.steps.setCurrentRow(0)
    qtbot.keyClick(w, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.report.basic.public.actual == Decimal("240")
    assert w.current_key() == "budget" and w.focusWidget() is field


def test_undo_of_a_project_figure_names_the_project(make_window, qtbot):
    w = make_window()
    page = w.show_page("projects")
    page.select(1)  # 市场监管执法办案经费
    field = find(page, "projects[1].amounts.actual")
    _click_into(qtbot, field)
    qtbot.keyClicks(field, "50")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert w.doc.undo_stack.undoText() == "修改 “市场监管执法办案经费” 决算"
