"""预算执行 page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from perfdesk.model.figures import Figures
from perfdesk.model.vocabulary import AdjustmentKind, Scope
from perfdesk.ui.pages.budget import BudgetPage
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, BudgetPage, demo)


def test_shows_demo_figures(page):
    r = page.doc.report
    assert find(page, "basic.personnel.actual").text() == "1655.28"
    assert find(page, "calc.基本支出.actual").text() == "1892.12"
    assert find(page, "calc.支出合计.actual").text() == str(Figures.of(r).overall_sum.actual)
    assert find(page, "calc.支出合计.执行率").text() == "99.33%"
    assert find(page, "calc.income_total").text() == "2176.98"


def test_computed_cells_read_only(page):
    cell = find(page, "calc.基本支出.annual")
    assert cell.isReadOnly() and "自动计算" in cell.toolTip()
    assert cell.property("computed") is True


def test_typing_updates_totals_in_same_turn(qtbot, page):
    edit = find(page, "basic.public.actual")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "300")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.doc.report.basic.public.actual == Decimal(300)
    assert find(page, "calc.基本支出.actual").text() == "1955.28"
    page.doc.undo_stack.undo()
    assert find(page, "calc.基本支出.actual").text() == "1892.12"
    assert edit.text() == "236.84"


def test_invalid_amount_refused(qtbot, page):
    edit = find(page, "three_public.reception.actual")
    before = page.doc.report.three_public.reception.actual
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "1.2.3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.doc.report.three_public.reception.actual == before
    assert edit.error


def test_adjustments_table_and_reconciliation(page):
    table = find(page, "adjustments")
    model = table.model
    assert model.rowCount() == len(page.doc.report.adjustments)
    assert model.data(model.index(0, 3)) in ("基本支出", "项目支出")
    text = find(page, "calc.reconcile.basic").text()
    assert "年初" in text and "全年预算" in text
    n = model.rowCount()
    table.view.setCurrentIndex(model.index(-1, -1))
    assert table.paste_text("新增事项\t１０\t调减\t项目支出\n")
    new = page.doc.report.adjustments[n]
    assert (new.description, new.amount, new.kind, new.scope) == (
        "新增事项", Decimal(10), AdjustmentKind.CUT, Scope.PROJECT)
    assert not table.paste_text("x\t10\t减少\t项目支出\n")  # not a direction
    assert "方向" in table.message.text()
    assert len(page.doc.report.adjustments) == n + 1


@pytest.mark.parametrize(("path", "tab"), [
    ("basic.personnel.actual", 0), ("income.carryover", 0), ("basic.public_items", 0),
    ("declared.basic.actual", 0), ("three_public.reception.initial", 2),
    ("three_public.note", 2), ("other_budgets.gov_fund_note", 3), ("procurement.actual", 3),
    ("frugality", 3),
])
def test_focus_path_switches_tab(page, path, tab):
    assert page.focus_path(path)
    assert page.tabs.currentIndex() == tab
    assert find(page, path).property("flashing") is True
    if path.startswith("declared"):
        assert page.declared_box.isChecked()


@pytest.mark.parametrize(("path", "tab", "row", "col"), [
    ("adjustments[1].amount", 1, 1, 1), ("buildings[0].actual_area", 3, 0, 2),
])
def test_focus_path_table_cells(page, path, tab, row, col):
    if path.startswith("buildings"):
        from perfdesk.model.report import Building
        page.doc.insert_item("buildings", 0, Building("办公楼"))
    assert page.focus_path(path)
    assert page.tabs.currentIndex() == tab
    table = find(page, path.split("[")[0])
    idx = table.view.currentIndex()
    assert (idx.row(), idx.column()) == (row, col)
