"""绩效指标 page."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.model.vocabulary import BENEFIT, OUTPUT, SATISFACTION
from perfdesk.ui.pages.indicators import IndicatorsPage
from perfdesk.ui.widgets.indicator_model import COL_SUGGEST
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, IndicatorsPage, demo)


def test_shows_demo(page):
    r = page.doc.report
    table = find(page, "indicators")
    assert table.model.rowCount() == len(r.indicators) == 17
    model = table.model
    assert model.data(model.index(0, 0)) == "产出指标"
    assert model.data(model.index(1, 0)) == ""  # grouped under the row above
    assert "应为 50" in table.subtotal.text()
    assert "总分" in find(page, "calc.score_summary").text()
    assert find(page, "goals").model.rowCount() == len(r.goals)


def test_suggestion_shown(page):
    from perfdesk.checks import scoring

    model = find(page, "indicators").model
    report = page.doc.report
    shown = [model.data(model.index(i, COL_SUGGEST)) for i in range(model.rowCount())]
    expected = [scoring.suggest(ind, report.scoring).score for ind in report.indicators]
    assert len(shown) == len(expected) > 0 and any(shown)
    assert [s != "" for s in shown] == [e is not None for e in expected]


def test_paste_block_one_undo_step(page):
    table = find(page, "indicators")
    table.select_cell(0, 2)
    depth = page.doc.undo_stack.count()
    assert table.paste_text("新指标甲\t≥1件\t2件\t5\t5\n新指标乙\t≥2件\t2件\t5\t5\n")
    assert [i.name for i in page.doc.report.indicators[:2]] == ["新指标甲", "新指标乙"]
    assert page.doc.undo_stack.count() == depth + 1
    assert not table.paste_text("x\t≥1件\t2件\tabc\t5\n")
    assert "第1行" in table.message.text() and "分值" in table.message.text()


def test_weight_edit(qtbot, page):
    w = find(page, "scoring.weights.output")
    w.setFocus()
    w.selectAll()
    w.insert("45")
    w.setModified(True)
    assert w.commit()
    assert page.doc.report.scoring.weights[OUTPUT] == Decimal(45)
    assert "应为 45" in find(page, "indicators").subtotal.text()


@pytest.mark.parametrize(("path", "row", "col"), [("indicators[5].deviation", 5, 8),
                                                   ("indicators[16].band", 16, 9),
                                                   ("indicators[2]", 2, 0)])
def test_focus_path_cells(page, path, row, col):
    assert page.focus_path(path)
    idx = find(page, "indicators").view.currentIndex()
    assert (idx.row(), idx.column()) == (row, col)


@pytest.mark.parametrize("path", ["goals[1]", "achievements", "scoring.weights",
                                  "scoring.reverse_formula"])
def test_focus_path_other(page, path):
    assert page.focus_path(path)


def test_fill_bands_chooses_every_missing_band_in_one_undo_step(qtbot):
    from perfdesk.checks import check
    from perfdesk.io import load_report
    from tests.conftest import DATA

    report = load_report(DATA / "seeds" / "seed_004.perfdesk")
    page = shown_page(qtbot, IndicatorsPage, report)
    table = find(page, "indicators")

    def unbanded() -> int:  # rows named by 附件2's R-I10 (one finding for the table)
        return sum(len(f.paths) for f in check(page.doc.report)
                   if f.rule == "R-I10" and f.path.startswith("indicators["))

    assert unbanded() == 7
    depth = page.doc.undo_stack.count()
    assert table.fill_bands() == 7
    assert unbanded() == 0
    assert "7 个定性指标" in table.message.text()
    assert page.doc.undo_stack.count() == depth + 1
    page.doc.undo_stack.undo()
    assert unbanded() == 7
    page.doc.undo_stack.redo()
    assert table.fill_bands() == 0  # nothing left to fill
    assert "没有可补选" in table.message.text()


def test_each_weight_box_is_its_own_undo_step(page):
    for key, value in (("benefit", "25"), ("satisfaction", "15")):
        w = find(page, f"scoring.weights.{key}")
        w.setFocus()
        w.selectAll()
        w.insert(value)
        w.setModified(True)
        assert w.commit()
    weights = page.doc.report.scoring.weights
    assert (weights[BENEFIT], weights[SATISFACTION]) == (Decimal(25), Decimal(15))
    page.doc.undo_stack.undo()
    weights = page.doc.report.scoring.weights
    assert (weights[BENEFIT], weights[SATISFACTION]) == (Decimal(25), Decimal(10))


def test_score_line_says_why_the_total_is_missing(page):
    page.doc.set_value("indicators[0].score", None)
    text = find(page, "calc.score_summary").text()
    assert "总分 —" in text and "等级 —" in text
    assert "自评得分为空" in text
    assert "None" not in text


def test_long_annex3_table_fits_at_1366_without_sideways_scrolling(qtbot, make_window, tmp_path):
    """seed_004 业务工作经费 (17 rows) scrolls down; every column, 定性档次 too, is in view."""
    import shutil

    from PySide6.QtCore import Qt

    from tests.conftest import DATA

    path = tmp_path / "seed_004.perfdesk"
    shutil.copy(DATA / "seeds" / "seed_004.perfdesk", path)
    w = make_window(path)
    assert (w.width(), w.height()) == (1366, 768)
    page = w.show_page("projects")
    assert w.doc.report.projects[0].name == "业务工作经费"
    page.project_list.setCurrentRow(0)
    page.tabs.setCurrentIndex(1)
    view = page.table.view
    assert page.table.model.rowCount() >= 17
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())  # a long table
    qtbot.wait(50)  # rows re-measured after the scroll bar took its width
    assert view.horizontalScrollBar().maximum() == 0
    last = page.table.model.columnCount() - 1
    assert view.columnViewportPosition(last) + view.columnWidth(last) <= view.viewport().width()
    header = view.horizontalHeader()
    for col in range(page.table.model.columnCount()):  # every heading readable in full
        title = page.table.model.headerData(col, Qt.Orientation.Horizontal)
        assert view.columnWidth(col) >= header.sectionSizeFromContents(col).width(), title
