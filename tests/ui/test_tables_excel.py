"""Every table and list works like Excel, the same way: Insert / Ctrl+Enter add a row below
and open its first cell, Ctrl+Shift+Enter above, Ctrl+Delete removes rows, Enter on the
last row moves to a new row, typing on a cell replaces it (F2 keeps it), Tab skips
read-only cells, Alt+↑/↓ move rows, and one row menu (right click, Menu key, Shift+F10)
with 插入行（上方/下方）, 删除行, 复制, 粘贴, 上移, 下移 — each undone by one Ctrl+Z.

Driven as a user would: keys and clicks on the real widgets of a main window holding the
demo report; the menu's entries are chosen by their access keys."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMenu, QPlainTextEdit

from perfdesk.model.report import Building
from tests.ui.helpers import find

pytestmark = pytest.mark.gui

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
NONE = Qt.KeyboardModifier.NoModifier
EDITING = QAbstractItemView.State.EditingState


@dataclass
class Grid:
    """One table or list of the window, as the tests see it."""

    kind: str
    view: QAbstractItemView
    items: Callable[[], list[Any]]
    label: Callable[[Any], str]  # the row's first text, to tell rows apart
    owner: Any  # the widget (or page) that edits the rows

    def select(self, row: int, col: int = 0) -> None:
        self.view.setFocus()
        self.view.setCurrentIndex(self.view.model().index(row, col))

    def labels(self) -> list[str]:
        return [self.label(x) for x in self.items()]


def _table(page: Any, path: str, label: Callable[[Any], str]) -> Callable[[], Grid]:
    def make() -> Grid:
        w = find(page, path)
        return Grid(path, w.view, w.model.items, label, w)
    return make


TABLE_KINDS = ["duties", "adjustments", "buildings", "problems", "indicators",
               "project_indicators"]
LIST_KINDS = ["projects", "sections"]
ALL_KINDS = TABLE_KINDS + LIST_KINDS


@pytest.fixture
def window(make_window):
    return make_window()  # a first start: the demo report


def grid_of(window: Any, kind: str) -> Grid:
    doc = window.doc
    if kind == "duties":
        page = window.show_page("basic")
        return _table(page, "duties", str)()
    if kind in ("adjustments", "buildings"):
        page = window.show_page("budget")
        page.tabs.setCurrentIndex(1 if kind == "adjustments" else 3)
        if kind == "buildings" and not doc.report.buildings:
            doc.replace_list("buildings", [Building(name="办公楼维修"), Building(name="执法用房"),
                                           Building(name="档案室")])
        return _table(page, kind, lambda b: b.description if kind == "adjustments" else b.name)()
    if kind == "problems":
        page = window.show_page("problems")
        return _table(page, "problems", lambda p: p.text)()
    if kind == "indicators":
        page = window.show_page("indicators")
        return _table(page, "indicators", lambda i: i.name)()
    if kind == "project_indicators":
        page = window.show_page("projects")
        page.project_list.setCurrentRow(0)
        page.tabs.setCurrentIndex(1)
        return Grid(kind, page.table.view, page.table.model.items, lambda i: i.name, page.table)
    if kind == "projects":
        page = window.show_page("projects")
        return Grid(kind, page.project_list, lambda: doc.report.projects, lambda p: p.name, page)
    page = window.show_page("narrative")
    return Grid(kind, page.section_list, lambda: doc.report.sections, lambda s: s.title, page)


def key(qtbot: Any, grid: Grid, k: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    target = QApplication.focusWidget() or grid.view
    qtbot.keyClick(target, k, mods)


def undo(qtbot: Any, grid: Grid) -> None:
    window = grid.view.window()
    if not window.isActiveWindow():  # back from a dialog
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    editor = QApplication.focusWidget()
    if grid.view.state() == EDITING and editor is not None:
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(QApplication.focusWidget() or grid.view, Qt.Key.Key_Z, CTRL)


def editor_text(grid: Grid) -> str:
    editor = QApplication.focusWidget()
    assert grid.view.state() == EDITING and editor is not None and grid.view.isAncestorOf(editor)
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    assert isinstance(editor, QLineEdit), type(editor)
    return editor.text()


def open_menu(qtbot: Any, grid: Grid, how: str, row: int | None) -> QMenu:
    """The row menu at ``row`` (None: where the user is) as a user opens it: right click,
    Menu key, Shift+F10."""
    if row is None:
        qtbot.keyClick(grid.view, Qt.Key.Key_Menu)
    elif how == "click":
        grid.select(0)
        rect = grid.view.visualRect(grid.view.model().index(row, 0))
        qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
        grid.view.customContextMenuRequested.emit(rect.center())  # what the click requests
    else:
        grid.select(row)
        if how == "menu":
            qtbot.keyClick(grid.view, Qt.Key.Key_Menu)
        else:
            qtbot.keyClick(grid.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def entries(menu: QMenu) -> dict[str, bool]:
    """The menu's entries (text without access key) and whether each can be chosen."""
    return {re.sub(r"\(&\w\)", "", a.text().split("\t")[0]): a.isEnabled()
            for a in menu.actions() if not a.isSeparator()}


# --- adding rows -----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize(("keys", "below"), [
    ((Qt.Key.Key_Insert, NONE), True),
    ((Qt.Key.Key_Return, CTRL), True),
    ((Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier), True),
    ((Qt.Key.Key_Return, CTRL | SHIFT), False),
], ids=["Insert", "Ctrl+Enter", "Ctrl+keypad-Enter", "Ctrl+Shift+Enter"])
def test_keys_add_a_row_next_to_the_current_one_open_for_typing(window, qtbot, kind, keys,
                                                               below):
    grid = grid_of(window, kind)
    before = grid.labels()
    grid.select(1)
    key(qtbot, grid, *keys)
    at = 2 if below else 1
    assert len(grid.items()) == len(before) + 1
    assert grid.labels()[:at] == before[:at] and grid.labels()[at + 1:] == before[at:]
    assert grid.view.currentIndex().row() == at
    assert grid.view.state() == EDITING  # the new row's first cell, open
    if kind in TABLE_KINDS:
        first = grid.view.currentIndex().column()
        assert grid.view.editable_at(at, first)
        assert all(not grid.view.editable_at(at, c) for c in range(first)) \
            or kind.endswith("indicators")  # indicators: 三级指标, the group comes along
    undo(qtbot, grid)  # one Ctrl+Z and the row is gone
    assert grid.labels() == before


@pytest.mark.parametrize("kind", ["indicators", "project_indicators"])
def test_an_indicator_row_joins_the_group_it_is_inserted_in(window, qtbot, kind):
    grid = grid_of(window, kind)
    row = next(i for i, x in enumerate(grid.items()) if x.level1 == "效益指标")
    grid.select(row)
    key(qtbot, grid, Qt.Key.Key_Insert)
    new, near = grid.items()[row + 1], grid.items()[row]
    assert (new.level1, new.level2, new.name) == (near.level1, near.level2, "")
    assert grid.view.currentIndex().column() == 2  # typing starts at 三级指标
    qtbot.keyClicks(QApplication.focusWidget(), "Zero complaints")
    key(qtbot, grid, Qt.Key.Key_Return)
    assert grid.items()[row + 1].name == "Zero complaints"


# --- removing rows ---------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_ctrl_delete_removes_the_current_row_and_ctrl_z_brings_it_back(window, qtbot, kind):
    grid = grid_of(window, kind)
    before = copy.deepcopy(grid.items())
    grid.select(1)
    key(qtbot, grid, Qt.Key.Key_Delete, CTRL)
    assert grid.labels() == [grid.label(x) for i, x in enumerate(before) if i != 1]
    undo(qtbot, grid)
    assert grid.items() == before


@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_ctrl_delete_removes_every_selected_row_in_one_step(window, qtbot, kind):
    grid = grid_of(window, kind)
    before = copy.deepcopy(grid.items())
    grid.select(0)
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, SHIFT)  # rows 1 and 2, as with the mouse
    key(qtbot, grid, Qt.Key.Key_Delete, CTRL)
    assert grid.labels() == [grid.label(x) for x in before[2:]]
    undo(qtbot, grid)
    assert grid.items() == before


# --- Enter on the last row -------------------------------------------------------------------
@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_enter_on_the_last_row_moves_to_a_new_row_which_goes_again_if_left_empty(
        window, qtbot, kind):
    grid = grid_of(window, kind)
    before = copy.deepcopy(grid.items())
    steps = window.doc.undo_stack.index()
    last = len(before) - 1
    cols = grid.view.model().columnCount()
    editable = [c for c in range(cols) if grid.view.editable_at(last, c)]
    grid.select(last, editable[-1])
    key(qtbot, grid, Qt.Key.Key_Return)
    assert len(grid.items()) == len(before) + 1
    assert grid.view.currentIndex().row() == last + 1 and grid.view.state() == EDITING
    qtbot.keyClicks(QApplication.focusWidget(), "12")  # something typed: the row stays
    key(qtbot, grid, Qt.Key.Key_Return)
    if cols == 1:  # a list: Enter took the text and went on to the next new item …
        assert len(grid.items()) == len(before) + 2
        key(qtbot, grid, Qt.Key.Key_Return)  # … which Enter on it, left empty, takes back
    assert len(grid.items()) == len(before) + 1
    model = grid.view.model()
    assert "12" in [model.index(last + 1, c).data() for c in range(cols)]
    undo(qtbot, grid)
    undo(qtbot, grid)
    assert grid.items() == before
    # Enter past the end, then Enter again without typing: no row, no trace
    grid.select(last, editable[-1])
    key(qtbot, grid, Qt.Key.Key_Return)
    assert len(grid.items()) == len(before) + 1
    for _ in range(cols + 1):
        if len(grid.items()) == len(before):
            break
        key(qtbot, grid, Qt.Key.Key_Return)
    assert grid.items() == before
    assert window.doc.undo_stack.index() == steps


@pytest.mark.parametrize("kind", ["duties", "problems"])
def test_an_empty_new_row_left_by_clicking_elsewhere_goes_again(window, qtbot, kind):
    grid = grid_of(window, kind)
    before = copy.deepcopy(grid.items())
    last = len(before) - 1
    grid.select(last, grid.view.model().columnCount() - 1)
    key(qtbot, grid, Qt.Key.Key_Return)
    assert len(grid.items()) == len(before) + 1
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.view.visualRect(grid.view.model().index(0, 0)).center())
    qtbot.waitUntil(lambda: len(grid.items()) == len(before))
    assert grid.items() == before


@pytest.mark.parametrize("kind", LIST_KINDS)
def test_enter_goes_down_the_list_and_after_the_last_item_adds_one(window, qtbot, kind):
    grid = grid_of(window, kind)
    n = len(grid.items())
    grid.select(0)
    key(qtbot, grid, Qt.Key.Key_Return)
    assert grid.view.currentIndex().row() == 1
    grid.select(n - 1)
    key(qtbot, grid, Qt.Key.Key_Return)
    assert len(grid.items()) == n + 1 and grid.view.state() == EDITING
    qtbot.keyClicks(QApplication.focusWidget(), "New part")
    key(qtbot, grid, Qt.Key.Key_Return)  # the list's editor closes a moment later
    qtbot.waitUntil(lambda: grid.label(grid.items()[n]) == "New part")


# --- typing replaces, F2 keeps -------------------------------------------------------------------
CELLS = {  # kind -> a text cell with content (row, column)
    "duties": (0, 0), "adjustments": (0, 0), "problems": (0, 0), "problems-measure": (0, 1),
    "indicators": (0, 2), "indicators-deviation": (4, 8), "project_indicators": (0, 2),
    "buildings": (0, 0),
}


@pytest.mark.parametrize("cell", list(CELLS))
def test_typing_on_a_cell_replaces_it_and_f2_keeps_it(window, qtbot, cell):
    kind = cell.split("-")[0]
    grid = grid_of(window, kind)
    row, col = CELLS[cell]
    if kind == "indicators" and col == 8:
        assert grid.items()[row].deviation  # the demo's one long reason
    index = grid.view.model().index(row, col)
    old = index.data(Qt.ItemDataRole.EditRole)
    assert old
    grid.select(row, col)
    qtbot.keyClicks(grid.view, "x")
    assert editor_text(grid) == "x"  # the key replaced the content, as in Excel
    qtbot.keyClicks(QApplication.focusWidget(), "yz")
    key(qtbot, grid, Qt.Key.Key_Return)
    assert grid.view.model().index(row, col).data(Qt.ItemDataRole.EditRole) == "xyz"
    undo(qtbot, grid)
    grid.select(row, col)
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)
    assert editor_text(grid) == old  # F2: the content, the cursor at its end
    qtbot.keyClicks(QApplication.focusWidget(), "!")
    key(qtbot, grid, Qt.Key.Key_Return)
    assert grid.view.model().index(row, col).data(Qt.ItemDataRole.EditRole) == old + "!"


@pytest.mark.parametrize("kind", LIST_KINDS)
def test_typing_on_a_list_item_renames_it(window, qtbot, kind):
    grid = grid_of(window, kind)
    grid.select(1)
    qtbot.keyClicks(grid.view, "Q")
    assert editor_text(grid) == "Q"
    qtbot.keyClicks(QApplication.focusWidget(), "uality")
    key(qtbot, grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.label(grid.items()[1]) == "Quality")


# --- Tab skips what cannot be typed in -------------------------------------------------------------
@pytest.mark.parametrize("kind", ["indicators", "project_indicators"])
def test_tab_skips_the_suggested_score_both_ways(window, qtbot, kind):
    from perfdesk.ui.widgets.indicator_model import COL_SCORE, COL_SUGGEST

    grid = grid_of(window, kind)
    grid.select(0, COL_SUGGEST - 1)  # 分值
    key(qtbot, grid, Qt.Key.Key_Tab)
    assert grid.view.currentIndex().column() == COL_SCORE
    key(qtbot, grid, Qt.Key.Key_Backtab, SHIFT)
    assert grid.view.currentIndex().column() == COL_SUGGEST - 1
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)  # and from an open editor as well
    key(qtbot, grid, Qt.Key.Key_Tab)
    assert grid.view.currentIndex().column() == COL_SCORE and grid.view.state() == EDITING


def test_tab_skips_computed_columns_and_wraps_to_the_next_row(window, qtbot):
    grid = grid_of(window, "buildings")
    model = grid.view.model()
    computed = [c for c in range(model.columnCount()) if not grid.view.editable_at(0, c)]
    assert computed  # 规模控制率, 投资概算控制率
    seen = []
    grid.select(0, 0)
    for _ in range(model.columnCount() - len(computed)):
        key(qtbot, grid, Qt.Key.Key_Tab)
        idx = grid.view.currentIndex()
        seen.append((idx.row(), idx.column()))
    assert all(c not in computed for _r, c in seen)
    assert seen[-1] == (1, 0)  # after the row's last editable cell: the next row's first


def test_the_current_cell_is_scrolled_into_view_in_the_page(window, qtbot):
    grid = grid_of(window, "indicators")
    grid.select(0, 2)
    last = len(grid.items()) - 1
    for _ in range(last):
        qtbot.keyClick(grid.view, Qt.Key.Key_Down)
    assert grid.view.currentIndex().row() == last
    qtbot.wait(20)  # scrolled after the rows are measured
    rect = grid.view.visualRect(grid.view.currentIndex())
    shown = grid.view.viewport().visibleRegion().boundingRect()
    assert shown.contains(rect), (shown, rect)  # not hidden by the table nor by the page


# --- the row menu --------------------------------------------------------------------------------
MENU = ["插入行（上方）", "插入行（下方）", "删除行", "复制", "粘贴", "上移", "下移"]


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize("how", ["click", "menu", "shift-f10"])
def test_the_row_menu_inserts_below_by_its_access_key(window, qtbot, kind, how):
    grid = grid_of(window, kind)
    before = grid.labels()
    menu = open_menu(qtbot, grid, how, 1)
    assert list(entries(menu))[:7] == MENU
    texts = [a.text() for a in menu.actions()]
    assert "插入行（下方）(&B)\tInsert / Ctrl+Enter" in texts  # the keys shown beside it
    assert grid.view.currentIndex().row() == 1  # the clicked row became current
    qtbot.keyClick(menu, Qt.Key.Key_B)
    assert len(grid.items()) == len(before) + 1 and grid.view.currentIndex().row() == 2
    undo(qtbot, grid)
    assert grid.labels() == before


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_the_row_menu_removes_moves_and_inserts_above(window, qtbot, kind):
    grid = grid_of(window, kind)
    before = copy.deepcopy(grid.items())
    labels = grid.labels()
    qtbot.keyClick(open_menu(qtbot, grid, "menu", 1), Qt.Key.Key_D)  # 删除行
    assert grid.labels() == labels[:1] + labels[2:]
    undo(qtbot, grid)
    qtbot.keyClick(open_menu(qtbot, grid, "menu", 1), Qt.Key.Key_N)  # 下移
    assert grid.labels()[1:3] == [labels[2], labels[1]]
    assert grid.view.currentIndex().row() == 2
    undo(qtbot, grid)
    qtbot.keyClick(open_menu(qtbot, grid, "menu", 1), Qt.Key.Key_U)  # 上移
    assert grid.labels()[:2] == [labels[1], labels[0]]
    undo(qtbot, grid)
    qtbot.keyClick(open_menu(qtbot, grid, "menu", 1), Qt.Key.Key_A)  # 插入行（上方）
    assert len(grid.items()) == len(before) + 1 and grid.view.currentIndex().row() == 1
    assert grid.labels()[2] == labels[1]
    undo(qtbot, grid)
    assert grid.items() == before


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_menu_entries_that_do_not_apply_are_greyed(window, qtbot, kind):
    grid = grid_of(window, kind)
    QApplication.clipboard().setText("")
    menu = open_menu(qtbot, grid, "menu", 0)
    state = entries(menu)
    assert not state["上移"] and state["下移"] and state["删除行"] and not state["粘贴"]
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    menu = open_menu(qtbot, grid, "menu", len(grid.items()) - 1)
    assert entries(menu)["上移"] and not entries(menu)["下移"]
    qtbot.keyClick(menu, Qt.Key.Key_Escape)


@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_a_read_only_table_offers_only_copy(window, qtbot, kind):
    grid = grid_of(window, kind)
    grid.owner.set_read_only(True)
    before = copy.deepcopy(grid.items())
    menu = open_menu(qtbot, grid, "menu", 1)
    state = entries(menu)
    assert state["复制"] and not any(v for k, v in state.items() if k != "复制")
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    for k, mods in ((Qt.Key.Key_Insert, NONE), (Qt.Key.Key_Delete, CTRL),
                    (Qt.Key.Key_Down, ALT), (Qt.Key.Key_X, NONE)):
        qtbot.keyClick(grid.view, k, mods)
    assert grid.view.state() != EDITING
    assert grid.items() == before


# --- copy and paste, as Excel does -------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["adjustments", "problems", "indicators", "buildings"])
def test_a_row_copied_by_the_menu_pastes_over_another_row_as_in_excel(window, qtbot, kind):
    grid = grid_of(window, kind)
    before = copy.deepcopy(grid.items())
    grid.select(0, 0)
    model = grid.view.model()
    qtbot.keyClick(grid.view, Qt.Key.Key_End, SHIFT)  # the whole first row selected
    qtbot.keyClick(grid.view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text().count("\t") >= 1
    menu = open_menu(qtbot, grid, "click", 2)
    qtbot.keyClick(menu, Qt.Key.Key_P)  # 粘贴 at the clicked row's first cell
    assert grid.items()[2] == before[0]
    assert model.rowCount() == len(before)
    undo(qtbot, grid)
    assert grid.items() == before


def test_copied_lines_paste_as_new_items_of_a_string_list(window, qtbot):
    grid = grid_of(window, "duties")
    before = list(grid.items())
    grid.select(0)
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(open_menu(qtbot, grid, "menu", None), Qt.Key.Key_C)  # 复制 the two selected
    assert QApplication.clipboard().text() == f"{before[0]}\n{before[1]}\n"
    grid.select(len(before) - 1)
    qtbot.keyClick(grid.view, Qt.Key.Key_V, CTRL)
    assert grid.items() == before + before[:2]
    undo(qtbot, grid)
    assert grid.items() == before


def test_a_copied_project_pastes_back_whole(window, qtbot):
    grid = grid_of(window, "projects")
    before = copy.deepcopy(grid.items())
    grid.select(0)
    qtbot.keyClick(grid.view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == before[0].name + "\n"
    grid.select(2)
    qtbot.keyClick(open_menu(qtbot, grid, "menu", 2), Qt.Key.Key_P)
    assert len(grid.items()) == 4 and grid.items()[3] == before[0]  # figures, indicators too
    undo(qtbot, grid)
    assert grid.items() == before
    QApplication.clipboard().setText("Project A\nProject B\n")  # text from elsewhere
    grid.select(0)
    qtbot.keyClick(grid.view, Qt.Key.Key_V, CTRL)
    assert [p.name for p in grid.items()[1:3]] == ["Project A", "Project B"]


# --- the indicator tables' own entries ---------------------------------------------------------------
def _answer_library(qtbot, names: list[str]) -> None:
    from perfdesk.ui.widgets.indicator_library import IndicatorLibraryDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, IndicatorLibraryDialog)
        dialog.check(names)
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)  # 添加所选
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, answer)


@pytest.mark.parametrize("kind", ["indicators", "project_indicators"])
def test_the_indicator_menu_inserts_from_the_library_and_fills_bands(window, qtbot, kind):
    from perfdesk.ui.widgets.indicator_library import library

    grid = grid_of(window, kind)
    before = copy.deepcopy(grid.items())
    menu = open_menu(qtbot, grid, "menu", 1)
    assert {"从指标库插入…", "补选档次"} <= set(entries(menu))
    name = next(i.name for i in library() if i.name not in {x.name for x in before})
    _answer_library(qtbot, [name])
    qtbot.keyClick(menu, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: len(grid.items()) == len(before) + 1)
    assert name in grid.labels()
    undo(qtbot, grid)
    assert grid.items() == before
    grid.owner.doc.set_value(f"{grid.owner.path}[0].band", None)
    grid.owner.doc.set_value(f"{grid.owner.path}[0].target", "按时完成")
    grid.owner.doc.set_value(f"{grid.owner.path}[0].actual", "按时完成")
    qtbot.keyClick(open_menu(qtbot, grid, "menu", 0), Qt.Key.Key_G)  # 补选档次
    assert grid.items()[0].band is not None
    assert "已为" in grid.owner.message.text()
    undo(qtbot, grid)
    assert grid.items()[0].band is None


def test_the_keys_reach_the_focused_table_only(window, qtbot):
    """Two lists side by side (年度总体目标): Insert in one leaves the other alone."""
    page = window.show_page("indicators")
    page.tabs.setCurrentIndex(1)
    goals, achievements = find(page, "goals"), find(page, "achievements")
    g, a = list(window.doc.report.goals), list(window.doc.report.achievements)
    goals.view.setFocus()
    goals.view.setCurrentIndex(goals.model.index(0, 0))
    achievements.view.setCurrentIndex(achievements.model.index(0, 0))
    qtbot.keyClick(goals.view, Qt.Key.Key_Insert)
    assert len(window.doc.report.goals) == len(g) + 1
    assert window.doc.report.achievements == a


def test_the_menu_opens_at_the_current_cell_from_the_keyboard(window, qtbot):
    grid = grid_of(window, "indicators")
    grid.select(3, 4)
    menu = open_menu(qtbot, grid, "menu", 3)
    cell = grid.view.visualRect(grid.view.currentIndex())
    top_left = grid.view.viewport().mapToGlobal(cell.topLeft())
    assert abs(menu.pos().y() - (top_left.y() + cell.height() // 2)) <= cell.height()
    assert menu.pos().x() >= top_left.x() - 1
    assert menu.pos() != QPoint(0, 0)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)


def test_arrows_in_an_amounts_grid_go_up_and_down_its_typed_cells(window, qtbot):
    page = window.show_page("budget")
    page.tabs.setCurrentIndex(2)  # “三公”经费
    purchase = find(page, "three_public.vehicle_purchase.actual")
    purchase.setFocus()
    qtbot.waitUntil(purchase.hasFocus)
    qtbot.keyClick(purchase, Qt.Key.Key_Up)  # above it: the computed 公务用车 line
    assert QApplication.focusWidget() is purchase
    qtbot.keyClick(purchase, Qt.Key.Key_Down)
    below = find(page, "three_public.vehicle_operation.actual")
    assert QApplication.focusWidget() is below
    assert below.selectedText() == below.text()  # typing replaces the figure
    qtbot.keyClicks(below, "1.5")
    qtbot.keyClick(below, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is find(page, "three_public.overseas.actual")
    assert window.doc.report.three_public.vehicle_operation.actual == Decimal("1.5")
