"""Pasting and deleting: Ctrl+V and Delete act on the focused table or list only; what a
table paste leaves out is said; a block pasted into a money grid fills the grid."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QVBoxLayout, QWidget

from perfdesk.model.numbers import fmt_money_exact
from perfdesk.model.report import Adjustment, Building
from perfdesk.model.vocabulary import AdjustmentKind, Scope
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.amounts_grid import AmountsGrid
from perfdesk.ui.widgets.record_model import Column
from perfdesk.ui.widgets.record_table import RecordTable
from perfdesk.ui.widgets.string_list import StringListEditor
from tests.ui.helpers import find

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
KINDS = tuple((k, k.label) for k in AdjustmentKind)
SCOPES = tuple((s, s.label) for s in Scope)


def ctrl_v(qtbot, widget: QWidget, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)


def delete(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)


def select(table: RecordTable, *cells: tuple[int, int]) -> None:
    table.select_cell(*cells[0])
    for r, c in cells[1:]:
        table.view.selectionModel().select(table.model.index(r, c),
                                           QItemSelectionModel.SelectionFlag.Select)


# --- one page, several tables: the keys go to the focused one ------------------------------
@pytest.fixture
def host(qtbot, demo):
    """Two record tables, a list editor and a line edit side by side in one window."""
    doc = DocumentController(demo)
    doc.report.adjustments = [Adjustment("甲", Decimal(1), AdjustmentKind.ADD, Scope.BASIC),
                              Adjustment("乙", Decimal(2), AdjustmentKind.CUT, Scope.PROJECT)]
    doc.report.buildings = [Building("办公楼", Decimal(100), Decimal(90))]
    w = QWidget()
    lay = QVBoxLayout(w)
    w.adjustments = RecordTable(doc, "adjustments", [
        Column("description", "调整事项"),
        Column("amount", "金额（万元）", kind="money"),
        Column("kind", "方向", kind="choice", choices=KINDS),
        Column("scope", "属于", kind="choice", choices=SCOPES),
    ], Adjustment)
    w.buildings = RecordTable(doc, "buildings", [
        Column("name", "项目名称"),
        Column("approved_area", "批复面积", kind="number"),
        Column("actual_area", "实际面积", kind="number"),
    ], Building)
    w.duties = StringListEditor(doc, "duties", "职能职责")
    w.line = QLineEdit()
    for child in (w.adjustments, w.buildings, w.duties, w.line):
        lay.addWidget(child)
    qtbot.addWidget(w)
    w.resize(900, 900)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    w.doc = doc
    return w


def state(doc: DocumentController):
    r = doc.report
    return copy.deepcopy((r.adjustments, r.buildings, r.duties))


def test_ctrl_v_pastes_into_the_focused_table_only(host, qtbot):
    doc = host.doc
    host.buildings.select_cell(0, 1)  # a current cell there too
    host.adjustments.select_cell(1, 0)
    _adjustments, buildings, duties = state(doc)
    ctrl_v(qtbot, host.adjustments.view, "丙\t3\t追加\t基本支出\n")
    assert [a.description for a in doc.report.adjustments] == ["甲", "丙"]
    assert (doc.report.buildings, doc.report.duties) == (buildings, duties)
    assert host.adjustments.model.index(1, 0).data() == "丙"

    ctrl_v(qtbot, host.buildings.view, "120\n")
    assert doc.report.buildings[0].approved_area == Decimal(120)
    assert [a.description for a in doc.report.adjustments] == ["甲", "丙"]
    assert doc.report.duties == duties


def test_delete_clears_the_focused_table_only(host, qtbot):
    doc = host.doc
    select(host.adjustments, (0, 0), (1, 0))
    select(host.buildings, (0, 0))
    _adjustments, buildings, duties = state(doc)
    delete(qtbot, host.adjustments.view)
    assert [a.description for a in doc.report.adjustments] == ["", ""]
    assert host.adjustments.model.index(0, 0).data() == ""
    assert (doc.report.buildings, doc.report.duties) == (buildings, duties)

    delete(qtbot, host.buildings.view)
    assert doc.report.buildings[0].name == ""
    assert len(doc.report.duties) == len(duties)


def test_list_editor_keys_act_on_the_list_only(host, qtbot):
    doc = host.doc
    select(host.adjustments, (0, 0))
    adjustments, buildings, duties = state(doc)
    host.duties.select_row(0)
    ctrl_v(qtbot, host.duties.view, "1、负责甲\n2、负责乙\n")
    assert doc.report.duties == [*duties[:1], "负责甲", "负责乙", *duties[1:]]
    delete(qtbot, host.duties.view)  # the current item: 负责乙
    assert doc.report.duties == [*duties[:1], "负责甲", *duties[1:]]
    assert (doc.report.adjustments, doc.report.buildings) == (adjustments, buildings)


def test_keys_with_the_focus_elsewhere_change_no_table(host, qtbot):
    doc = host.doc
    select(host.adjustments, (0, 0), (0, 1))
    host.duties.select_row(0)
    before = state(doc)
    ctrl_v(qtbot, host.line, "随便")
    assert host.line.text() == "随便"  # the line edit's own paste
    qtbot.keyClick(host.line, Qt.Key.Key_Home)
    qtbot.keyClick(host.line, Qt.Key.Key_Delete)
    assert host.line.text() == "便"
    assert state(doc) == before
    assert not doc.undo_stack.canUndo()


def test_ctrl_v_in_an_open_cell_editor_pastes_into_the_editor(host, qtbot):
    table = host.adjustments
    before = state(host.doc)
    table.select_cell(0, 0)
    table.view.edit(table.model.index(0, 0))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table.view)
    editor = QApplication.focusWidget()
    assert editor is not None and editor.parent() is table.view.viewport()
    QApplication.clipboard().setText("追加")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert "追加" in editor.text()
    assert state(host.doc) == before  # nothing pasted as a block


# --- the same in the window: the pages QA found it on ----------------------------------------
@pytest.fixture
def window(make_window):
    return make_window()


def test_delete_and_ctrl_v_in_the_project_list_leave_the_indicators(window, qtbot):
    page = window.show_page("projects")
    page.tabs.setCurrentIndex(1)  # 项目绩效指标（附件3）
    table = page.table
    table.view.setFocus()
    select(table, (0, 2), (1, 2))
    indicators = copy.deepcopy(window.doc.report.projects[0].indicators)
    projects = len(window.doc.report.projects)
    delete(qtbot, page.project_list)  # Delete removes no project (Ctrl+Delete does)
    assert len(window.doc.report.projects) == projects
    assert not window.doc.undo_stack.canUndo()
    ctrl_v(qtbot, page.project_list, "复制的项目名称")  # pastes a project into the list
    assert window.doc.report.projects[0].indicators == indicators
    assert [p.name for p in window.doc.report.projects].count("复制的项目名称") == 1
    window.doc.undo_stack.undo()
    assert len(window.doc.report.projects) == projects
    page.project_list.setCurrentRow(0)
    assert table.model.index(0, 2).data() == indicators[0].name
    table.view.setFocus()
    select(table, (0, 2), (1, 2))
    # and in the table itself the keys work
    delete(qtbot, table.view)
    assert [i.name for i in window.doc.report.projects[0].indicators[:2]] == ["", ""]


def test_basic_page_list_editors_each_take_their_own_keys(window, qtbot):
    page = window.show_page("basic")
    report = window.doc.report
    editors = {p: find(page, p) for p in ("duties", "departments", "branches", "subordinates")}
    before = {p: list(getattr(report, p)) for p in editors}
    duties = editors["duties"]
    duties.select_row(0)
    ctrl_v(qtbot, duties.view, "1、负责甲\n2、负责乙\n")
    assert report.duties == [*before["duties"][:1], "负责甲", "负责乙", *before["duties"][1:]]
    shown = [duties.model.index(r, 0).data() for r in range(duties.model.rowCount())]
    assert shown == report.duties
    departments = editors["departments"]
    departments.select_row(0)
    delete(qtbot, departments.view)
    assert report.departments == before["departments"][1:]
    for p in ("branches", "subordinates"):
        assert getattr(report, p) == before[p]


# --- what a table paste leaves out is said; blanks are blanks -------------------------------
def test_extra_columns_are_pasted_up_to_the_table_and_reported(host, qtbot):
    table = host.adjustments
    table.select_cell(0, 0)
    ctrl_v(qtbot, table.view, "x\t9.99\t追加\t基本支出\tEXTRA\tMORE\r\n")
    a = host.doc.report.adjustments[0]
    assert (a.description, a.amount, a.kind, a.scope) == ("x", Decimal("9.99"), AdjustmentKind.ADD, Scope.BASIC)
    assert table.message.isVisible()
    assert table.message.text() == ("已粘贴1行。复制的内容比表格多2列（从“EXTRA”起），"
                                    "表格里没有对应的列，这2列没有粘贴。")
    # Excel's blank cells on the right are no extra columns
    ctrl_v(qtbot, table.view, "y\t1\t调减\t项目支出\t\t\r\n")
    assert host.doc.report.adjustments[0].description == "y"
    assert not table.message.isVisible()


@pytest.mark.parametrize("dash", ["—", "——", "－", "-", " – "])
def test_dashes_are_blank_in_money_and_number_columns(host, qtbot, dash):
    host.buildings.select_cell(0, 1)
    ctrl_v(qtbot, host.buildings.view, f"{dash}\t{dash}\n")
    b = host.doc.report.buildings[0]
    assert (b.approved_area, b.actual_area) == (None, None)
    assert not host.buildings.message.isVisible()
    assert host.buildings.model.index(0, 1).data() == ""
    host.adjustments.select_cell(0, 1)
    ctrl_v(qtbot, host.adjustments.view, f"{dash}\n")
    assert host.doc.report.adjustments[0].amount is None
    assert not host.adjustments.message.isVisible()


def test_dash_in_indicator_weight_and_score(window, qtbot):
    page = window.show_page("indicators")
    table = page.table
    table.select_cell(0, 5)  # 分值, 建议得分 (computed) is skipped, then 自评得分
    ctrl_v(qtbot, table.view, "—\t－\n")
    item = window.doc.report.indicators[0]
    assert (item.weight, item.score) == (None, None)
    assert not table.message.isVisible(), table.message.text()


def test_a_blank_choice_keeps_its_option_and_says_so(host, qtbot):
    table = host.adjustments
    table.select_cell(1, 0)
    ctrl_v(qtbot, table.view, "乙改\t3\t\t基本支出\r\nG\t4\t\t项目支出\r\n")
    items = host.doc.report.adjustments
    assert [(a.description, a.amount, a.kind, a.scope) for a in items[1:]] == [
        ("乙改", Decimal(3), AdjustmentKind.CUT, Scope.BASIC),  # its 方向 unchanged
        ("G", Decimal(4), AdjustmentKind.ADD, Scope.PROJECT),  # a new row: the default
    ]
    assert table.message.text() == "已粘贴2行。第2、3行“方向”是空白，保留原来的选择，请核对。"
    assert host.doc.undo_stack.undoText() == "粘贴 年中预算调整"  # 撤销 names what it undoes


def test_a_blank_band_is_unchosen(window, qtbot):
    page = window.show_page("indicators")
    table = page.table
    rows = window.doc.report.indicators
    row = next(i for i, x in enumerate(rows) if x.band)
    table.select_cell(row, 7)
    ctrl_v(qtbot, table.view, f"{rows[row].score}\t\t\n")  # score, blank 偏差原因, blank 档次
    assert window.doc.report.indicators[row].band is None
    assert not table.message.isVisible(), table.message.text()


# --- a block pasted into a money grid -------------------------------------------------------
@pytest.fixture
def three_public(window):
    page = window.show_page("budget")
    page.tabs.setCurrentIndex(2)  # “三公”经费
    edit = find(page, "three_public.vehicle_operation.prior")
    grid = edit.parent()
    assert isinstance(grid, AmountsGrid)
    return window, grid


def figures(report, line):
    a = getattr(report.three_public, line)
    return [a.prior, a.initial, a.annual, a.actual]


def test_a_row_pasted_into_a_grid_cell_fills_to_the_right(three_public, qtbot):
    window, grid = three_public
    report = window.doc.report
    before = figures(report, "vehicle_operation")
    edit = find(grid, "three_public.vehicle_operation.prior")
    steps = window.doc.undo_stack.index()
    ctrl_v(qtbot, edit, "137.11\t56.7\t32.15")
    assert figures(report, "vehicle_operation") == [Decimal("137.11"), Decimal("56.7"),
                                                    Decimal("32.15"), before[3]]
    texts = [find(grid, f"three_public.vehicle_operation.{c}").text()
             for c in ("prior", "initial", "annual")]
    assert texts == ["137.11", "56.70", "32.15"]
    assert not edit.error
    assert grid.message.isVisible()
    assert grid.message.text() == ("已从“公车运行维护·上年决算”起粘贴1行3列，填入3个数（可撤销）。")
    assert window.doc.undo_stack.index() == steps + 1  # one undo step
    window.doc.undo_stack.undo()
    assert figures(report, "vehicle_operation") == before
    assert find(grid, "three_public.vehicle_operation.prior").text() == fmt_money_exact(before[0])
    assert not grid.message.isVisible()  # “可撤销” would now mislead


def test_a_block_fills_down_and_skips_computed_cells(three_public, qtbot):
    window, grid = three_public
    report = window.doc.report
    edit = find(grid, "three_public.vehicle_purchase.actual")
    # Excel: 公车购置 / 公车运行维护 / 因公出国（境）, 决算 and 控制率, blank cells on the right
    ctrl_v(qtbot, edit, "1.5\t80%\t\r\n17.85\t89.25%\t\r\n—\t\t\r\n")
    assert report.three_public.vehicle_purchase.actual == Decimal("1.5")
    assert report.three_public.vehicle_operation.actual == Decimal("17.85")
    assert report.three_public.overseas.actual is None
    assert grid.message.text() == (
        "已从“其中：公车购置·决算”起粘贴3行2列，填入3个数（可撤销）。"
        "落在自动计算格子上的2个数（“其中：公车购置·控制率”等）没有采用，这些格子会自动算出。")


def test_a_block_that_does_not_fit_changes_nothing(three_public, qtbot):
    window, grid = three_public
    report = window.doc.report
    before = copy.deepcopy(report.three_public)
    edit = find(grid, "three_public.reception.annual")
    ctrl_v(qtbot, edit, "1\t2\t3\t4\n5\t6\t7\t8\n")
    assert report.three_public == before
    assert not window.doc.undo_stack.canUndo()
    assert grid.message.text() == (
        "粘贴的内容有2行4列，放不下：从这一列往右只有3列。"
        "未粘贴任何内容；请选中左上角合适的格子再粘贴，或在 Excel 中少复制一些。")
    assert edit.text() == fmt_money_exact(before.reception.annual)  # not “1\t2\t3\t4…”


def test_a_block_with_a_bad_figure_changes_nothing(three_public, qtbot):
    window, grid = three_public
    report = window.doc.report
    before = copy.deepcopy(report.three_public)
    edit = find(grid, "three_public.overseas.prior")
    ctrl_v(qtbot, edit, "1\t约十万\n")
    assert report.three_public == before
    assert grid.message.text().startswith("第1行第2个数（应填入“因公出国（境）·年初（本年）预算”）：")
    assert grid.message.text().endswith("。未粘贴任何内容。")
    assert "约十万" in grid.message.text()


def test_a_single_figure_still_pastes_into_the_cell(three_public, qtbot):
    window, grid = three_public
    edit = find(grid, "three_public.overseas.prior")
    QApplication.clipboard().setText("58.7万元\t\r\n")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.doc.report.three_public.overseas.prior == Decimal("58.7")
    assert not grid.message.isVisible()


def test_the_context_menu_paste_fills_the_grid_too(three_public, qtbot):
    window, grid = three_public
    edit = find(grid, "three_public.overseas.prior")
    QApplication.clipboard().setText("7\t8\n")
    offered = []

    def choose_paste() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        own = next(a for a in menu.actions() if a.objectName() == "edit-paste")
        ours = next(a for a in menu.actions() if a.isVisible() and a.text() == own.text())
        offered.append(own.isVisible())
        menu.close()
        ours.trigger()

    QTimer.singleShot(100, choose_paste)
    at = QPoint(5, 5)
    QApplication.sendEvent(edit, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                   edit.mapToGlobal(at)))
    assert offered == [False]  # the line edit's own 粘贴 (into this cell only) is hidden
    overseas = window.doc.report.three_public.overseas
    assert (overseas.prior, overseas.initial) == (Decimal(7), Decimal(8))
    assert grid.message.text().startswith("已从“因公出国（境）·上年决算”起粘贴1行2列")
