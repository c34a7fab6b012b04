"""The 指标库: where added rows land (in the template's order) and the dialog's filter."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from perfdesk.model.report import Indicator
from perfdesk.model.vocabulary import LEVEL2_BY_LEVEL1
from perfdesk.render.excel import render_workbook
from perfdesk.ui.pages.indicators import IndicatorsPage
from perfdesk.ui.widgets.indicator_library import IndicatorLibraryDialog
from perfdesk.ui.widgets.indicator_table import insert_grouped, vocabulary_rank
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui

LEVEL1 = list(LEVEL2_BY_LEVEL1)


def pick_from_library(qtbot: Any, table: Any, names: list[str]) -> None:
    """Click 指标库…, tick ``names`` in the dialog and click 添加所选, as the user does."""
    done: list[bool] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, IndicatorLibraryDialog)
        dialog.check(names)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        done.append(True)

    QTimer.singleShot(50, in_dialog)
    table.open_library()
    assert done


def shown_level(table: Any, col: int) -> list[str]:
    """The 一级 (col 0) or 二级 (col 1) headings down the table, as the user reads them."""
    model = table.model
    return [model.data(model.index(r, col)) for r in range(model.rowCount())
            if model.data(model.index(r, col))]


def annex2_level1(report: Any, tmp_path: Any) -> list[str]:
    """The 一级 headings of the generated 附件2, top to bottom."""
    ws = load_workbook(render_workbook(report, tmp_path / "a.xlsx", draft=True))[
        "附件2 整体支出绩效自评表"]
    out = []
    for row in ws.iter_rows(values_only=True):
        for v in row:
            name = str(v or "").split("(")[0]
            if name in LEVEL1 and name not in out:
                out.append(name)
    return out


@pytest.fixture
def page(qtbot, demo):
    return shown_page(qtbot, IndicatorsPage, demo)


def test_a_missing_level1_goes_before_the_groups_after_it(qtbot, page, tmp_path):
    doc = page.doc
    doc.replace_list("indicators", [i for i in doc.report.indicators if i.level1 != "效益指标"])
    table = find(page, "indicators")
    assert shown_level(table, 0) == ["产出指标", "满意度指标"]
    pick_from_library(qtbot, table, ["为消费者挽回经济损失"])
    assert shown_level(table, 0) == ["产出指标", "效益指标", "满意度指标"]
    names = [i.name for i in doc.report.indicators]
    first_satisfaction = [i.level1 for i in doc.report.indicators].index("满意度指标")
    assert names.index("为消费者挽回经济损失") == first_satisfaction - 1
    assert annex2_level1(doc.report, tmp_path) == ["产出指标", "效益指标", "满意度指标"]


def test_a_missing_level2_goes_among_its_level1_in_order(qtbot, page):
    doc = page.doc
    doc.replace_list("indicators", [i for i in doc.report.indicators if i.level2 != "时效指标"])
    table = find(page, "indicators")
    pick_from_library(qtbot, table, ["资金支付时限"])
    output = [i.level2 for i in doc.report.indicators if i.level1 == "产出指标"]
    assert list(dict.fromkeys(output)) == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert "时效指标" in shown_level(table, 1)


def test_insert_grouped_small_cases():
    a = Indicator("产出指标", "数量指标", "a")
    b = Indicator("效益指标", "社会效益指标", "b")
    new = Indicator("产出指标", "数量指标", "n")
    assert [i.name for i in insert_grouped([a, b], [new])] == ["a", "n", "b"]
    first = Indicator("产出指标", "质量指标", "q")
    assert [i.name for i in insert_grouped([first], [new])] == ["n", "q"]
    own = Indicator("自定一级", "x", "o")  # outside the vocabulary: at the end
    assert [i.name for i in insert_grouped([a, b], [own])] == ["a", "b", "o"]


PAIRS = [(l1, l2) for l1, l2s in LEVEL2_BY_LEVEL1.items() for l2 in l2s]
PAIRS += [("产出指标", "社会效益指标"), ("产出指标", ""), ("效益指标", "自定二级"),
          ("自定一级", "甲"), ("", "")]  # wrong pairings and names outside the vocabulary
rows = st.lists(st.sampled_from(PAIRS).map(lambda p: Indicator(p[0], p[1], "x")), max_size=12)


def groups_in_order(items: list[Indicator]) -> bool:
    """Ranks never go back, and each 一级 and each 一级/二级 group is in one piece."""
    ranks = [vocabulary_rank(i) for i in items]
    if ranks != sorted(ranks):
        return False
    for key in (lambda i: i.level1, lambda i: (i.level1, i.level2)):
        runs = [k for n, k in enumerate(map(key, items)) if n == 0 or key(items[n - 1]) != k]
        if len(runs) != len(set(runs)):
            return False
    return True


def in_order(items: list[Indicator]) -> list[Indicator]:
    return sorted(items, key=lambda i: (*vocabulary_rank(i), i.level1, i.level2))


@settings(max_examples=300, deadline=None)
@given(rows, rows)
def test_insert_grouped_keeps_the_vocabulary_order(items, new):
    items = in_order(items)
    assert groups_in_order(items)
    for n, x in enumerate(new):
        x.name = f"new{n}"
    out = insert_grouped(items, new)
    assert groups_in_order(out)
    assert [i for i in out if not i.name.startswith("new")] == items  # nothing else moved
    assert sorted(i.name for i in out if i.name.startswith("new")) == sorted(
        i.name for i in new)


# --- the dialog ------------------------------------------------------------------------------
@pytest.fixture
def dialog(qtbot):
    d = IndicatorLibraryDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    d.filter.setFocus()
    qtbot.waitUntil(d.filter.hasFocus)
    return d


def type_filter(d: IndicatorLibraryDialog, text: str) -> None:
    d.filter.insert(text)  # QTest cannot type Chinese; the input method inserts it


def test_enter_in_the_filter_goes_to_the_list_and_keeps_the_dialog_open(qtbot, dialog):
    type_filter(dialog, "抽检")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.tree.hasFocus()
    current = dialog.tree.currentItem()
    assert current is not None and "抽检" in current.text(0)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)  # tick it, then Enter adds it
    assert [i.name for i in dialog.selected()] == [current.text(0)]
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == 1


def visible_tree(d: IndicatorLibraryDialog) -> list[str]:
    out = []
    for i in range(d.tree.topLevelItemCount()):
        top = d.tree.topLevelItem(i)
        if top.isHidden():
            continue
        out.append(top.text(0))
        for j in range(top.childCount()):
            mid = top.child(j)
            if mid.isHidden():
                continue
            out.append("  " + mid.text(0))
            out += ["    " + mid.child(k).text(0) for k in range(mid.childCount())
                    if not mid.child(k).isHidden()]
    return out


def test_filter_hides_headings_without_matches(qtbot, dialog):
    type_filter(dialog, "满意度")
    shown = visible_tree(dialog)
    assert shown[:2] == ["满意度指标", "  服务对象满意度指标"]
    assert all(line.startswith("    ") for line in shown[2:]) and len(shown) > 2
    assert not any(h in shown for h in ("产出指标", "效益指标", "  数量指标"))
    dialog.filter.clear()
    assert len(visible_tree(dialog)) == len(dialog._entries) + sum(
        1 + len(v) for v in LEVEL2_BY_LEVEL1.values())  # everything back
    type_filter(dialog, "没有这个指标")
    assert visible_tree(dialog) == []
    assert dialog.no_match.isVisible() and "没有这个指标" in dialog.no_match.text()
