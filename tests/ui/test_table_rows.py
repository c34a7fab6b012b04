"""Table rows fit their wrapped text, re-measured only where something changed: an edit
elsewhere keeps a row height the user dragged, and a big report stays responsive."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.ui.pages.indicators import IndicatorsPage
from perfdesk.ui.widgets.indicator_model import COL_SUGGEST
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, IndicatorsPage, demo)


@pytest.fixture
def table(qtbot, page):
    t = find(page, "indicators")
    qtbot.waitUntil(lambda: t.view.rowHeight(0) > 0)
    return t


def _settle(qtbot) -> None:
    qtbot.wait(10)  # row fitting runs on the next event-loop turn


def test_edit_elsewhere_keeps_a_dragged_row_height(qtbot, table):
    table.view.setRowHeight(0, 150)  # as if the user dragged the row taller
    table.model.doc.set_value("income.general_budget", Decimal("2000.00"))
    table.model.doc.set_value("indicators[6].score", Decimal("4"))
    _settle(qtbot)
    assert table.view.rowHeight(0) == 150


def test_long_text_grows_only_its_row(qtbot, table):
    before = [table.view.rowHeight(r) for r in range(4)]
    table.model.doc.set_value("indicators[2].deviation", "原因说明。" * 40)
    _settle(qtbot)
    after = [table.view.rowHeight(r) for r in range(4)]
    assert after[2] > before[2] * 2
    assert after[:2] == before[:2] and after[3] == before[3]


def test_suggested_score_follows_any_change(qtbot, table):
    changed: list[tuple[int, int, int]] = []
    table.model.dataChanged.connect(
        lambda tl, br, *_: changed.append((tl.column(), br.column(), br.row() - tl.row() + 1)))
    table.model.doc.set_value("income.general_budget", Decimal("2000.00"))
    assert (COL_SUGGEST, COL_SUGGEST, table.model.rowCount()) in changed


def test_selection_and_scroll_survive_rows_changing_above(make_window, qtbot):
    """Rows are inserted, removed and moved as rows (not a reset of the table): the row the
    user is on stays selected and the table does not jump, whatever changes above it."""
    from PySide6.QtCore import Qt

    w = make_window()
    page = w.show_page("indicators")
    t = find(page, "indicators")
    qtbot.waitUntil(lambda: t.view.rowHeight(0) > 0)
    t.select_cell(0, 2)
    qtbot.mouseClick(next(b for b in t.findChildren(type(t.buttons.itemAt(0).widget()))
                          if b.text() == "＋ 添加行"), Qt.MouseButton.LeftButton)
    assert t.model.rowCount() == len(w.doc.report.indicators)
    name = w.doc.report.indicators[9].name
    t.select_cell(9, 2)
    bar = t.view.verticalScrollBar()
    scrolled = bar.value()
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the 添加行 above
    current = t.view.currentIndex()
    assert current.isValid() and w.doc.report.indicators[current.row()].name == name
    assert current.row() == 8 and current.column() == 2
    assert abs(bar.value() - scrolled) <= t.view.rowHeight(0)
