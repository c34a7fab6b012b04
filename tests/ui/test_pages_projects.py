"""项目支出 page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from perfdesk.model.report import Report
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.projects import ProjectsPage
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, ProjectsPage, demo, width=1200)


def test_shows_projects(page):
    names = [page.project_list.item(i).text() for i in range(page.project_list.count())]
    assert names == [p.name for p in page.doc.report.projects]
    assert find(page, "projects[0].name").text() == "食品安全监督抽检经费"
    assert find(page, "projects[0].amounts.actual").text() == "176.40"
    assert find(page, "calc.年度资金总额.执行率").text() == "98.00%"
    assert find(page, "projects[0].indicators").model.rowCount() == 8


def test_select_rebinds_widgets(page):
    page.project_list.setCurrentRow(2)
    assert page.project.index == 2
    assert find(page, "projects[2].name").text() == "知识产权与质量提升专项经费"
    assert find(page, "calc.年度资金总额.执行率").text() == "86.50%"
    assert find(page, "projects[2].indicators").model.rowCount() == 9
    assert page.findChild(QWidget, "projects[0].name") is None


def test_edit_amount_updates_total_and_list(qtbot, page):
    page.select(1)
    edit = find(page, "projects[1].amounts.actual")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "75")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.doc.report.projects[1].amounts.actual == Decimal(75)
    assert find(page, "calc.年度资金总额.执行率").text() == "100.00%"
    name = find(page, "projects[1].name")
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Law")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert page.project_list.item(1).text() == "Law"


def test_add_remove_move(page):
    page.add_project()
    assert len(page.doc.report.projects) == 4 and page.project.index == 3
    assert page.project_list.count() == 4
    page.move_project(-1)
    assert page.doc.report.projects[2].name == "新项目4" and page.project.index == 2
    page.remove_project()
    assert [p.name for p in page.doc.report.projects][-1] == "知识产权与质量提升专项经费"
    page.doc.undo_stack.undo()
    assert page.project_list.count() == 4


def test_empty_report(qtbot):
    doc = DocumentController(Report())
    page = ProjectsPage(doc)
    qtbot.addWidget(page)
    assert page.empty_hint.isVisibleTo(page)
    page.add_project()
    assert not page.empty_hint.isVisibleTo(page)
    assert find(page, "projects[0].name").text() == "新项目1"


@pytest.mark.parametrize("path", ["projects[2].amounts.actual", "projects[1].name",
                                  "projects[1].purpose", "projects[2].funding.carryover.annual",
                                  "projects[0].implementer"])
def test_focus_path_fields(page, path):
    assert page.focus_path(path)
    assert find(page, path).property("flashing") is True


def test_focus_path_indicator_cell(page):
    assert page.focus_path("projects[2].indicators[3].score")
    assert page.project.index == 2
    table = find(page, "projects[2].indicators")
    idx = table.view.currentIndex()
    assert (idx.row(), idx.column()) == (3, 7)
    assert page.focus_path("projects[0].goals[1]")
    assert page.project.index == 0
    assert find(page, "projects[0].goals").view.currentIndex().row() == 1
    assert page.focus_path("projects")
    assert not page.focus_path("projects[9].name")


def test_project_indicator_paste(page):
    page.select(1)
    table = find(page, "projects[1].indicators")
    n = table.model.rowCount()
    table.view.setCurrentIndex(table.model.index(-1, -1))
    assert table.paste_text("产出指标\t成本指标\t项目总成本\t≤75万元\t73.86万元\t5\t5\t\n")
    assert len(page.doc.report.projects[1].indicators) == n + 1
    assert page.doc.report.projects[1].indicators[-1].name == "项目总成本"


def test_switching_project_keeps_typed_text(page):
    name = find(page, "projects[0].name")
    name.setText("改名后的项目")
    name.setModified(True)
    page.focus_path("projects[2].amounts.actual")  # e.g. a finding double-clicked
    assert page.doc.report.projects[0].name == "改名后的项目"
    assert page.project_list.item(0).text() == "改名后的项目"
    assert find(page, "projects[2].name").text() == "知识产权与质量提升专项经费"


def test_rename_in_list(page):
    item = page.project_list.item(1)
    item.setText("执法办案经费")
    assert page.doc.report.projects[1].name == "执法办案经费"


def test_amount_and_funding_grids_line_up(page):
    def left(grid, col: int) -> int:
        cell = grid.cells[(0, col)]
        return cell.mapTo(page, cell.rect().topLeft()).x()

    for col in range(5):  # 上年决算 … 执行率
        assert left(page.amounts, col) == left(page.funding, col)
