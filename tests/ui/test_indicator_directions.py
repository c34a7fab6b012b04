"""The 方向 column, 采用建议得分 (a table, the whole report) and the note for old files (issue 12)."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QToolBar, QToolButton

from perfdesk.checks.suggest import suggest
from perfdesk.io import load_report, save_report
from perfdesk.model.vocabulary import Direction
from perfdesk.ui.pages.indicators import IndicatorsPage
from perfdesk.ui.widgets.indicator_model import COL_DIRECTION, COL_SUGGEST
from tests.conftest import DATA
from tests.ui.helpers import find, shown_page

pytestmark = pytest.mark.gui
D = Decimal


def _seed4():
    return load_report(DATA / "seeds" / "seed_004.perfdesk")


def _button(table, text: str) -> QToolButton:
    (button,) = [b for b in table.findChildren(QToolButton) if b.text() == text]
    return button


def test_direction_column_shows_the_inferred_direction_and_why(qtbot):
    page = shown_page(qtbot, IndicatorsPage, _seed4())
    model = find(page, "indicators").model
    assert model.headerData(COL_DIRECTION, Qt.Orientation.Horizontal) == "方向"
    zero = model.index(3, COL_DIRECTION)  # 重大食品安全突发事件 0件
    assert model.data(zero) == "反向"
    assert "指标值为 0" in model.data(zero, Qt.ItemDataRole.ToolTipRole)
    assert model.data(zero, Qt.ItemDataRole.FontRole).italic()  # inferred, not chosen
    assert model.data(model.index(0, COL_DIRECTION)) == "正向"  # ≥ 120件
    assert model.data(model.index(7, COL_DIRECTION)) == "正向"  # 质量指标 100%
    qualitative = model.index(12, COL_DIRECTION)  # 按要求及时公开
    assert model.data(qualitative) == "—"
    assert not model.flags(qualitative) & Qt.ItemFlag.ItemIsEditable


def test_choosing_a_direction_with_the_keyboard_rescored_the_row_and_undoes(qtbot):
    report = _seed4()
    row = report.indicators[0]
    row.target, row.actual = "120件", "130件"  # 数量指标: 正向, met
    page = shown_page(qtbot, IndicatorsPage, report)
    table = find(page, "indicators")
    model = table.model
    assert model.data(model.index(0, COL_SUGGEST)) == "3"
    table.setFocus()
    table.select_cell(0, COL_DIRECTION)
    for _ in range(3):  # 自动 → 正向 → 反向 → 等于: each arrow key chooses and closes the list
        qtbot.keyClick(table.view, Qt.Key.Key_F2)
        assert table.view.state() == QAbstractItemView.State.EditingState
        (combo,) = [c for c in table.view.findChildren(QComboBox) if c.isVisible()]
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: table.view.state() != QAbstractItemView.State.EditingState)
    assert report.indicators[0].direction == Direction.EQUAL
    shown = model.index(0, COL_DIRECTION)
    assert model.data(shown) == "等于"
    assert not model.data(shown, Qt.ItemDataRole.FontRole)  # a choice: not grey italic
    assert "选“自动”则按推断：正向" in model.data(shown, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, COL_SUGGEST)) == "2.75"  # 3 × (1 − 10 ÷ 120)
    for _ in range(3):
        page.doc.undo_stack.undo()
    assert report.indicators[0].direction is None
    assert model.data(model.index(0, COL_SUGGEST)) == "3"


def test_adopting_fills_blank_scores_in_one_step_and_asks_before_overwriting(qtbot, dialog_log):
    report = _seed4()
    for i in range(5):
        report.indicators[i].score = None
    report.indicators[5].score = D(1)  # typed, differs from the 3 suggested
    page = shown_page(qtbot, IndicatorsPage, report)
    table = find(page, "indicators")
    depth = page.doc.undo_stack.count()
    dialog_log.answer("choose", 0)  # 只填空白的得分
    qtbot.mouseClick(_button(table, "采用建议得分"), Qt.MouseButton.LeftButton)
    assert "1 行已填写的自评得分与建议得分不同" in dialog_log.texts("choose")
    assert [i.score for i in report.indicators[:6]] == [D("3.00")] * 5 + [D(1)]
    assert page.doc.undo_stack.count() == depth + 1
    assert "已为 5 行填入建议得分" in table.message.text() and "保留未改" in table.message.text()

    dialog_log.answer("choose", 1)  # 全部改为建议得分
    qtbot.mouseClick(_button(table, "采用建议得分"), Qt.MouseButton.LeftButton)
    assert report.indicators[5].score == D("3.00")

    qtbot.mouseClick(_button(table, "采用建议得分"), Qt.MouseButton.LeftButton)
    assert "没有可采用的建议得分" in table.message.text()
    assert dialog_log.names().count("choose") == 2  # nothing to overwrite: not asked

    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert [i.score for i in report.indicators[:6]] == [None] * 5 + [D(1)]


def test_cancel_changes_nothing(qtbot, dialog_log):
    report = _seed4()
    report.indicators[0].score = None
    report.indicators[1].score = D(1)
    page = shown_page(qtbot, IndicatorsPage, report)
    table = find(page, "indicators")
    dialog_log.answer("choose", 2)  # 取消
    qtbot.mouseClick(_button(table, "采用建议得分"), Qt.MouseButton.LeftButton)
    assert (report.indicators[0].score, report.indicators[1].score) == (None, D(1))
    assert "已取消" in table.message.text()


def test_next_year_needs_the_actuals_typed_not_every_score(qtbot, make_window, tmp_path):
    """以上年报告新建 clears actuals and scores; once the actuals are typed, the toolbar's
    采用建议得分 fills every score of every table in one undo step."""
    from perfdesk.model.rollover import next_year

    last = _seed4()
    report = next_year(last)
    tables = [(report.indicators, last.indicators),
              *((p.indicators, q.indicators) for p, q in zip(report.projects, last.projects, strict=True))]
    for new, old in tables:
        for row, before in zip(new, old, strict=True):
            row.actual = before.actual  # what the accountant types this year
    path = tmp_path / "2024.perfdesk"
    save_report(report, path, backup=False)
    w = make_window(path)
    doc = w.doc
    rows = [r for t, _ in tables for r in t]
    blank = [r for r in doc.report.indicators + [i for p in doc.report.projects for i in p.indicators]
             if r.score is None and suggest(r, doc.report.scoring).score is not None]
    assert len(blank) >= 40
    depth = doc.undo_stack.count()
    tools = w.findChild(QToolBar, "mainToolBar")
    button = tools.widgetForAction(w.act_adopt)
    assert button.text() == "采用建议得分"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    all_rows = doc.report.indicators + [i for p in doc.report.projects for i in p.indicators]
    assert not [r for r in all_rows if r.score is None and suggest(r, doc.report.scoring).score is not None]
    assert "行填入建议得分" in w.statusBar().currentMessage()
    assert doc.undo_stack.count() == depth + 1
    w.undo()
    assert sum(r.score is None for r in doc.report.indicators) >= 17
    assert len(rows) == len(all_rows)


def test_a_file_scored_before_directions_says_so_once(qtbot, make_window, demo, tmp_path):
    demo.indicators[0].target = "3000户"  # no comparator: once read as "=", now 正向
    path = tmp_path / "old.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path)
    assert w.notice.isVisible()
    assert "1 行定量指标" in w.notice.text.text() and "“方向”列" in w.notice.text.text()
    qtbot.mouseClick(find(w, "noticeShow"), Qt.MouseButton.LeftButton)
    assert w.current_key() == "indicators"
    idx = w.pages["indicators"].table.view.currentIndex()
    assert (idx.row(), idx.column()) == (0, COL_DIRECTION)
    qtbot.mouseClick(find(w, "noticeClose"), Qt.MouseButton.LeftButton)
    assert not w.notice.isVisible()
    assert w.files.open_path(path, ask=False)
    assert not w.notice.isVisible()  # once is enough


def test_no_note_for_a_file_whose_directions_change_nothing(qtbot, make_window, demo, tmp_path):
    path = tmp_path / "demo.perfdesk"
    save_report(copy.deepcopy(demo), path, backup=False)
    w = make_window(path)
    assert not w.notice.isVisible()
