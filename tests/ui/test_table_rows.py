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
