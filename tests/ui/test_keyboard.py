"""Keyboard: Tab walks every page field by field in visual order and never gets stuck."""

from __future__ import annotations

import itertools
import shutil
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGroupBox, QScrollArea, QWidget

from tests.conftest import DATA
from tests.ui.helpers import find

pytestmark = pytest.mark.gui

TAB, BACKTAB = Qt.Key.Key_Tab, Qt.Key.Key_Backtab


@pytest.fixture
def seed4(make_window, tmp_path):
    path = tmp_path / "seed_004.perfdesk"
    shutil.copy(DATA / "seeds" / "seed_004.perfdesk", path)
    return make_window(path)


def press(qtbot: Any, key: Qt.Key) -> QWidget:
    """Tab (or Shift+Tab) as the user presses it, to whatever has the focus; the new focus."""
    mod = Qt.KeyboardModifier.ShiftModifier if key == BACKTAB else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(QApplication.focusWidget(), key, mod)
    return QApplication.focusWidget()


def tabbable(w: QWidget) -> bool:
    return bool(w.isVisible() and w.isEnabled()
                and (w.focusProxy() or w).focusPolicy() & Qt.FocusPolicy.TabFocus)


def expected_chain(page: Any) -> list[QWidget]:
    """The fields the user can reach now, in form order; a check box that opens a group
    (“与决算报表核对（选填）”) just before the fields inside it."""
    chain: list[QWidget] = list(page.binder.widgets)
    for box in page.findChildren(QGroupBox):
        if box.isCheckable():
            inside = [i for i, w in enumerate(chain) if box.isAncestorOf(w)]
            chain.insert(inside[0] if inside else len(chain), box)
    return [w for w in chain if tabbable(w)]


def owner(chain: list[QWidget], w: QWidget | None) -> QWidget | None:
    """The page widget holding the focus ``w`` (a table for its cells), None outside the page."""
    if w is None:
        return None
    holders = [c for c in chain if w is c or c.isAncestorOf(w)]
    inner = [c for c in holders if not any(d is not c and c.isAncestorOf(d) for d in holders)]
    return inner[0] if inner else None  # a field, not the check box of the group around it


def cells(w: QWidget) -> int:
    view = getattr(w, "view", None)
    tabs = isinstance(view, QAbstractItemView) and view.tabKeyNavigation()
    model = view.model() if tabs else None
    return model.rowCount() * model.columnCount() if model is not None else 1


def tab_walk(qtbot: Any, chain: list[QWidget], presses: int,
             key: Qt.Key = TAB) -> list[QWidget | None]:
    """From the first widget of ``chain``, the page widgets the focus visits over ``presses``
    Tabs (each once, in order), up to the first press that takes the focus off the page."""
    chain[0].setFocus()
    qtbot.waitUntil(lambda: owner(chain, QApplication.focusWidget()) is chain[0])
    visited: list[QWidget | None] = [chain[0]]
    for _ in range(presses):
        now = owner(chain, press(qtbot, key))
        if now is not visited[-1]:
            visited.append(now)
        if now is None:
            break
    return visited


def content_of(w: QWidget) -> QWidget:
    """The widget scrolled by the scroll area around ``w`` (positions there do not scroll)."""
    p = w.parentWidget()
    while p is not None and not isinstance(p, QScrollArea):
        p = p.parentWidget()
    assert p is not None
    return p.widget()


def assert_visual_order(widgets: list[QWidget]) -> None:
    """Top to bottom; side by side (tops within a few pixels) left to right."""
    content = content_of(widgets[0])
    pos = [w.mapTo(content, QPoint(0, 0)) for w in widgets]
    for (a, pa), (b, pb) in itertools.pairwise(zip(widgets, pos, strict=True)):
        name = f"{a.objectName() or type(a).__name__} -> {b.objectName() or type(b).__name__}"
        if abs(pb.y() - pa.y()) <= 8:
            assert pb.x() > pa.x(), name
        else:
            assert pb.y() > pa.y(), name


PAGES = ["basic", "budget", "projects", "indicators", "narrative", "problems"]


def date_filled(window: Any) -> None:
    """A 成文日期 left blank (“未填”) keeps Tab inside the date box: see the xfail below."""
    window.doc.set_value("signature_date", date(2025, 3, 18))


@pytest.mark.parametrize("key", PAGES)
def test_tab_visits_every_field_of_each_page_in_order(qtbot, seed4, key):
    date_filled(seed4)
    page = seed4.show_page(key)
    tabs = page.tabs.count() if page.tabs is not None else 1
    walked = 0
    for t in range(tabs):
        if page.tabs is not None:
            page.tabs.setCurrentIndex(t)
        qtbot.wait(20)
        chain = expected_chain(page)
        if not chain:
            continue
        walked += 1
        visited = tab_walk(qtbot, chain, sum(cells(w) for w in chain) + 30)
        assert visited[:-1] == chain, f"{key} tab {t}"
        assert visited[-1] is None  # and then on past the page, never stuck in it
        assert_visual_order(chain)
    assert walked


def test_tab_reaches_the_last_fields_of_problems(qtbot, seed4):
    date_filled(seed4)
    page = seed4.show_page("problems")
    chain = expected_chain(page)
    visited = tab_walk(qtbot, chain, sum(cells(w) for w in chain) + 30)
    names = [w.objectName() for w in visited if w is not None]
    assert names == ["problems", "extra_measures", "result_use", "other_notes",
                     "signature_date", "date_style"]


@pytest.mark.parametrize("key", ["basic", "problems"])
def test_shift_tab_walks_back_through_the_page(qtbot, seed4, key):
    date_filled(seed4)
    page = seed4.show_page(key)
    chain = expected_chain(page)[::-1]
    visited = tab_walk(qtbot, chain, sum(cells(w) for w in chain) + 30, BACKTAB)
    assert visited[:-1] == chain
    assert visited[-1] is None


def test_tab_leaves_a_blank_signature_date(qtbot, seed4):
    page = seed4.show_page("problems")
    date_box = find(page, "signature_date")
    assert seed4.doc.report.signature_date is None and date_box.text() == "未填"
    date_box.setFocus()
    qtbot.waitUntil(date_box.hasFocus)
    for _ in range(3):  # 年, 月, 日 at most
        if press(qtbot, TAB) is not date_box:
            break
    assert QApplication.focusWidget() is find(page, "date_style")


def test_tab_leaves_a_table_after_its_last_cell_and_shift_tab_before_its_first(qtbot, seed4):
    page = seed4.show_page("problems")
    table = find(page, "problems")
    rows = table.model.rowCount()
    assert rows >= 2
    table.setFocus()
    qtbot.waitUntil(table.view.hasFocus)
    table.select_cell(rows - 1, 0)
    assert press(qtbot, TAB) is table.view  # the next cell first
    assert table.view.currentIndex().column() == 1
    assert press(qtbot, TAB) is find(page, "extra_measures").view
    assert press(qtbot, BACKTAB) is table.view  # back into the table, at its last cell
    assert table.view.currentIndex().row() == rows - 1
    table.select_cell(0, 0)
    before = press(qtbot, BACKTAB)
    assert not table.isAncestorOf(before)
    assert table.view.currentIndex().row() == 0  # it did not wrap round to the last row


def test_tab_into_a_table_starts_at_its_first_cell_shift_tab_at_its_last(qtbot, seed4):
    page = seed4.show_page("problems")
    table = find(page, "problems")
    rows = table.model.rowCount()
    table.select_cell(1, 1)  # left somewhere in the middle last time
    lst = find(page, "extra_measures")
    lst.setFocus()
    qtbot.waitUntil(lst.view.hasFocus)
    assert press(qtbot, BACKTAB) is table.view
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (rows - 1, 1)
    table.select_cell(1, 0)
    date_filled(seed4)  # so that Tab can go round the window back to the table
    lst.setFocus()
    qtbot.waitUntil(lst.view.hasFocus)
    for _ in range(40):
        if press(qtbot, TAB) is table.view:
            break
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (0, 0)


def test_tab_in_the_editor_of_the_last_cell_saves_it_and_leaves_the_table(qtbot, seed4):
    page = seed4.show_page("problems")
    table = find(page, "problems")
    last = table.model.rowCount() - 1
    table.setFocus()
    table.select_cell(last, 1)
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table.view and table.view.isAncestorOf(editor)
    editor.selectAll()
    editor.insertPlainText("落实整改责任")
    assert press(qtbot, TAB) is find(page, "extra_measures").view
    assert seed4.doc.report.problems[last].measure == "落实整改责任"


def test_tab_in_a_choice_editor_of_the_last_cell_leaves_and_shift_tab_of_the_first(qtbot, seed4):
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from perfdesk.model.report import Adjustment

    page = seed4.show_page("budget")
    page.tabs.setCurrentIndex(1)
    seed4.doc.replace_list("adjustments", [Adjustment(description="追加工资调标资金")])
    table = find(page, "adjustments")
    table.setFocus()
    table.select_cell(0, 3)  # 属于: a drop-down list, the last cell
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    assert isinstance(QApplication.focusWidget(), QComboBox)
    after = press(qtbot, TAB)
    assert after is not None and not table.isAncestorOf(after)
    assert table.view.state() != QAbstractItemView.State.EditingState
    table.setFocus()
    table.select_cell(0, 1)
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    assert isinstance(QApplication.focusWidget(), QLineEdit)  # 金额
    editing = press(qtbot, BACKTAB)  # the cell before, 调整事项, opens for typing
    assert table.view.isAncestorOf(editing) and table.view.currentIndex().column() == 0
    before = press(qtbot, BACKTAB)  # and from the first cell out
    assert before is not None and not table.isAncestorOf(before)


def test_tab_still_moves_between_cells_and_enter_too(qtbot, seed4):
    page = seed4.show_page("indicators")
    table = find(page, "indicators")
    table.setFocus()
    table.select_cell(0, 9)
    press(qtbot, TAB)
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (1, 0)
    press(qtbot, BACKTAB)  # back past the read-only 定性档次 “—” of a quantitative row
    assert not table.view.editable_at(0, 9)
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (0, 8)
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert table.view.hasFocus() and table.view.currentIndex().row() == 1


def test_string_list_tab_in_editor_goes_on_then_out(qtbot, seed4):
    page = seed4.show_page("problems")
    lst = find(page, "extra_measures")
    lst.setFocus()
    lst.add_item("甲")  # opens the editor on the new, last item
    qtbot.waitUntil(lambda: lst.view.isAncestorOf(QApplication.focusWidget()))
    assert press(qtbot, TAB) is find(page, "result_use")


def test_scroll_areas_take_no_focus(qtbot, seed4):
    page = seed4.show_page("budget")
    page.tabs.setCurrentIndex(3)
    actual = find(page, "procurement.actual")
    actual.setFocus()
    qtbot.waitUntil(actual.hasFocus)
    assert press(qtbot, TAB) is find(page, "buildings").view
    for key in ("basic", "budget", "problems"):
        for area in seed4.page(key).findChildren(QScrollArea):
            assert area.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_declared_check_box_comes_before_its_fields(qtbot, seed4):
    page = seed4.show_page("budget")
    page.tabs.setCurrentIndex(0)
    box = page.declared_group()
    assert box.isChecked()  # seed_004 fills the declared figures
    find(page, "basic.public_items").setFocus()
    qtbot.waitUntil(lambda: find(page, "basic.public_items").hasFocus())
    assert press(qtbot, TAB) is box
    assert press(qtbot, TAB) is find(page, "declared.basic.prior")
