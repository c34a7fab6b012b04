"""The editing widgets: money and text fields, list editor, indicator table, paste parser."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from perfdesk.io.tsv import parse_tsv, split_lines, to_tsv
from perfdesk.model.report import Indicator, Report
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.amounts_grid import EXEC_RATE, AmountRow, AmountsGrid
from perfdesk.ui.widgets.fields import ComputedField, IntEdit, LineField, MoneyEdit
from perfdesk.ui.widgets.indicator_library import IndicatorLibraryDialog, library
from perfdesk.ui.widgets.indicator_model import COL_SCORE, COL_SUGGEST
from perfdesk.ui.widgets.indicator_table import IndicatorTable, insert_grouped
from perfdesk.ui.widgets.string_list import StringListEditor
from tests.ui.helpers import type_and_enter

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(demo, qtbot):
    return DocumentController(demo)


# --- MoneyEdit ---------------------------------------------------------------------------
def test_money_edit_commits_decimal_and_total_updates(qtbot, doc):
    edit = MoneyEdit(doc, "basic.personnel.actual")
    total = ComputedField(doc, "calc.basic", lambda _r, fig: str(fig.basic_sum.actual))
    doc.changed.connect(lambda _p: total.load())
    qtbot.addWidget(edit)
    qtbot.addWidget(total)
    assert edit.objectName() == "basic.personnel.actual"
    type_and_enter(qtbot, edit, "1700.5")
    value = doc.get("basic.personnel.actual")
    assert value == Decimal("1700.5") and isinstance(value, Decimal)
    assert edit.text() == "1700.50"
    assert total.text() == str(Decimal("1700.5") + doc.report.basic.public.actual)


def test_money_edit_refuses_invalid_input(qtbot, doc):
    edit = MoneyEdit(doc, "basic.public.actual")
    qtbot.addWidget(edit)
    before = doc.get("basic.public.actual")
    depth = doc.undo_stack.count()
    type_and_enter(qtbot, edit, "12a")
    assert doc.get("basic.public.actual") == before
    assert doc.undo_stack.count() == depth
    assert edit.text() == "12a"  # never silently changed
    assert edit.error and "不是有效金额" in edit.toolTip()
    assert edit.property("invalid") is True
    # fixing it clears the error and commits
    type_and_enter(qtbot, edit, "12")
    assert not edit.error and doc.get("basic.public.actual") == Decimal("12")


@pytest.mark.parametrize(("typed", "value", "shown"), [
    ("１,２３４.５", Decimal("1234.5"), "1234.50"),
    ("1,234.56", Decimal("1234.56"), "1234.56"),
    ("12.5万元", Decimal("12.5"), "12.50"),
    (" 88 ", Decimal("88"), "88.00"),
    ("1.234", Decimal("1.234"), "1.234"),  # extra decimals kept, not rounded away
    ("", None, ""),
])
def test_money_edit_normalises(qtbot, doc, typed, value, shown):
    edit = MoneyEdit(doc, "income.other")
    qtbot.addWidget(edit)
    type_and_enter(qtbot, edit, typed) if typed else (edit.setFocus(), edit.clear(), edit.commit())
    assert doc.get("income.other") == value
    assert edit.text() == shown


def test_undo_restores_and_one_step_per_field(qtbot, doc):
    edit = MoneyEdit(doc, "basic.personnel.initial")
    qtbot.addWidget(edit)
    original = doc.get("basic.personnel.initial")
    type_and_enter(qtbot, edit, "1")
    type_and_enter(qtbot, edit, "2")  # same field again: merged into one step
    assert doc.get("basic.personnel.initial") == Decimal(2)
    doc.undo_stack.undo()
    assert doc.get("basic.personnel.initial") == original
    assert edit.text() == "1602.40"
    doc.undo_stack.redo()
    assert edit.text() == "2.00"


def test_int_and_line_fields(qtbot, doc):
    year = IntEdit(doc, "year")
    name = LineField(doc, "unit_name")
    qtbot.addWidget(year)
    qtbot.addWidget(name)
    type_and_enter(qtbot, year, "２０２５年")
    assert doc.report.year == 2025
    type_and_enter(qtbot, year, "二〇二五")
    assert doc.report.year == 2025 and year.error
    type_and_enter(qtbot, name, "  某县市场监督管理局 ")
    assert doc.report.unit_name == "某县市场监督管理局"


def test_field_not_clobbered_while_typing(qtbot, doc):
    edit = MoneyEdit(doc, "basic.office.actual")
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "9")
    assert edit.isModified()
    doc.set_value("basic.public.actual", Decimal(1))  # another field changes
    edit.load()
    assert edit.text() == "939.62"  # cursor at the start: the typed 9 is kept


def test_amounts_grid_computed_cells(qtbot, doc):
    grid = AmountsGrid(doc, [AmountRow("人员经费", "basic.personnel"),
                             AmountRow("基本支出", compute=lambda f: f.basic_sum)], rate=EXEC_RATE)
    qtbot.addWidget(grid)
    computed = [w for w in grid.fields if w.property("computed")]
    assert len(computed) == 4 + 2  # 基本支出 columns + two rates
    assert all(w.isReadOnly() and "自动计算" in w.toolTip() for w in computed)
    assert grid.findChild(MoneyEdit, "basic.personnel.annual") is not None


# --- StringListEditor ------------------------------------------------------------------------
def test_list_editor_paste_three_lines(qtbot, doc):
    doc.report.duties = []
    editor = StringListEditor(doc, "duties", "职能职责")
    qtbot.addWidget(editor)
    assert editor.paste_text("1、负责甲\n2、负责乙\r\n\n（三）负责丙\n") == 3
    assert doc.report.duties == ["负责甲", "负责乙", "负责丙"]
    assert editor.model.rowCount() == 3
    doc.undo_stack.undo()  # one undo step
    assert doc.report.duties == []


def test_list_editor_add_remove_move(qtbot, doc):
    editor = StringListEditor(doc, "branches", "派出机构")
    qtbot.addWidget(editor)
    first, second = doc.report.branches[:2]
    editor.select_row(0)
    editor.move_current(1)
    assert doc.report.branches[:2] == [second, first]
    n = len(doc.report.branches)
    editor.add_item("新所", edit=False)
    assert len(doc.report.branches) == n + 1 and doc.report.branches[2] == "新所"
    editor.remove_current()
    assert len(doc.report.branches) == n


# --- IndicatorTable ---------------------------------------------------------------------------
TSV = ("产出指标(50分)\t数量指标\t立案查处案件数\t≥ 120件\t138件\t3\t3\t\n"
       "\t\t罚没入库数\t≥150万元\t162万元\t3\t3\t\n"
       "\t质量指标\t抽检完成率\t100%\t100%\t4\t4\t\n")


def test_indicator_paste_from_excel(qtbot):
    doc = DocumentController(Report())
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    assert table.paste_text(TSV)
    rows = doc.report.indicators
    assert [r.name for r in rows] == ["立案查处案件数", "罚没入库数", "抽检完成率"]
    assert [r.level1 for r in rows] == ["产出指标"] * 3  # weight label cleaned, filled down
    assert [r.level2 for r in rows] == ["数量指标", "数量指标", "质量指标"]
    assert rows[0].weight == Decimal(3) and isinstance(rows[0].weight, Decimal)
    assert rows[2].score == Decimal(4)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.report.indicators == []


def test_indicator_paste_bad_weight_refused(qtbot, demo):
    doc = DocumentController(demo)
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    before = [Indicator(**vars(i)) for i in doc.report.indicators]
    bad = TSV.replace("\t4\t4\t", "\t四分\t4\t")
    table.select_cell(0, 0)
    assert not table.paste_text(bad)
    assert doc.report.indicators == before
    assert doc.undo_stack.count() == 0
    msg = table.message.text()
    assert "第3行" in msg and "分值" in msg and "四分" in msg


def test_indicator_paste_at_selected_column(qtbot, demo):
    doc = DocumentController(demo)
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    table.select_cell(1, 3)  # 年度指标值 of row 2
    assert table.paste_text("≥10件\t12件\t6\n")
    row = doc.report.indicators[1]
    assert (row.target, row.actual, row.weight) == ("≥10件", "12件", Decimal(6))


def test_suggested_score_column(qtbot, demo):
    from perfdesk.checks import scoring

    doc = DocumentController(demo)
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    model = table.model
    assert model.headerData(COL_SUGGEST, Qt.Orientation.Horizontal) == "建议得分"
    assert not model.flags(model.index(0, COL_SUGGEST)) & Qt.ItemFlag.ItemIsEditable
    for row, ind in enumerate(doc.report.indicators):
        shown = model.data(model.index(row, COL_SUGGEST))
        s = scoring.suggest(ind, doc.report.scoring)
        expected = "" if s.score is None else format(s.score.normalize(), "f") \
            if s.score == s.score.to_integral() else format(s.score, "f")
        assert shown == expected
    # editing the target updates the suggestion in the same turn
    doc.report.indicators[0].weight = Decimal(5)
    doc.set_value("indicators[0].target", "≥10000户")
    doc.set_value("indicators[0].actual", "5000户")
    assert model.data(model.index(0, COL_SUGGEST)) == "2.50"


def test_table_cell_edit_and_enter_moves(qtbot, demo):
    doc = DocumentController(demo)
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    table.show()
    model = table.model
    assert model.setData(model.index(0, COL_SCORE), "４")
    assert doc.report.indicators[0].score == Decimal(4)
    assert not model.setData(model.index(0, COL_SCORE), "abc")
    assert doc.report.indicators[0].score == Decimal(4)
    assert "第1行" in table.message.text()
    table.select_cell(0, COL_SCORE)
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert table.view.currentIndex().column() == COL_SCORE + 1
    table.select_cell(0, model.columnCount() - 1)  # 方向, the last column
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (1, 0)


def test_indicator_subtotals(qtbot, demo):
    doc = DocumentController(demo)
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    text = table.subtotal.text()
    assert "产出指标" in text and "应为 50" in text
    sub = {name: w for name, w, _s, _t in table.indicator_model.subtotals()}
    assert sub["产出指标"] == sum(i.weight or 0 for i in demo.indicators if i.level1 == "产出指标")


def test_indicator_library(qtbot):
    rows = library()
    names = {r.name for r in rows}
    assert len(rows) >= 30 and {"项目总成本", "服务对象满意度"} <= names
    assert all(r.level1 and r.level2 and r.name for r in rows)
    dialog = IndicatorLibraryDialog()
    qtbot.addWidget(dialog)
    dialog.check(["项目总成本", "服务对象满意度"])
    assert [r.name for r in dialog.selected()] == ["项目总成本", "服务对象满意度"]
    doc = DocumentController(Report())
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    table.add_from_library(dialog.selected())
    assert [r.name for r in doc.report.indicators] == ["项目总成本", "服务对象满意度"]


def test_insert_grouped_keeps_groups():
    a = Indicator("产出指标", "数量指标", "a")
    b = Indicator("效益指标", "社会效益指标", "b")
    new = Indicator("产出指标", "数量指标", "n")
    assert [i.name for i in insert_grouped([a, b], [new])] == ["a", "n", "b"]


# --- the paste parser ----------------------------------------------------------------------------
def test_parse_tsv_excel_quoting():
    assert parse_tsv('a\t"x\ty"\r\n"line\nbreak"\t"say ""hi"""\n') == [
        ["a", "x\ty"], ["line\nbreak", 'say "hi"']]
    assert parse_tsv("") == []
    assert parse_tsv('"open\tb') == [['"open', "b"]]
    assert split_lines("目标1∶推进\n2、加强\n①提升") == ["目标1∶推进", "加强", "提升"]


cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_tsv_never_raises(text):
    rows = parse_tsv(text)
    assert all(isinstance(c, str) for r in rows for c in r)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, min_size=1, max_size=6), max_size=8))
def test_parse_tsv_round_trips(rows):
    assert parse_tsv(to_tsv(rows)) == rows


def test_enter_in_cell_editor_commits_and_moves(qtbot, demo):
    doc = DocumentController(demo)
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    table.show()
    idx = table.select_cell(0, 3)
    table.view.edit(idx)
    editor = table.view.focusWidget()
    assert editor is not None and editor is not table.view
    editor.selectAll()
    qtbot.keyClicks(editor, ">=5000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.report.indicators[0].target == ">=5000"
    assert table.view.currentIndex().column() == 4


def test_tab_order_follows_form(qtbot, demo):
    from perfdesk.ui.pages.basic_info import BasicInfoPage

    page = BasicInfoPage(DocumentController(demo))
    qtbot.addWidget(page)
    order = [w.path for w in page.binder.widgets if not w.property("computed")]
    assert order[:4] == ["year", "unit_name", "supervisor", "duties"]
    page.show()

    def next_tab_stop(w):
        w = w.nextInFocusChain()
        while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()):
            w = w.nextInFocusChain()
        return w

    year = page.findChild(IntEdit, "year")
    unit = next_tab_stop(year)
    assert unit.objectName() == "unit_name"
    assert next_tab_stop(unit).objectName() == "supervisor"
    assert next_tab_stop(next_tab_stop(unit)) is page.findChild(StringListEditor, "duties").view


def test_text_field_idle_commit_keeps_cursor(qtbot, doc):
    from perfdesk.ui.widgets.fields import TextField

    field = TextField(doc, "frugality")
    qtbot.addWidget(field)
    field.setPlainText("")
    field._dirty = True
    field.insertPlainText("第一句。 ")
    field._on_text()
    assert field._idle.isActive()  # a pause in typing commits …
    field._idle.timeout.emit()  # … (fired by hand: no waiting on the event loop)
    assert doc.report.frugality == "第一句。"
    assert field.toPlainText() == "第一句。 "  # the blank being typed is not taken away


def test_commit_pending_commits_focused_field(qtbot, doc, monkeypatch):
    from perfdesk.ui.widgets.binding import commit_pending

    edit = MoneyEdit(doc, "income.other")
    qtbot.addWidget(edit)
    monkeypatch.setattr(QApplication, "focusWidget", staticmethod(lambda: edit))
    edit.setText("77")
    edit.setModified(True)
    assert commit_pending()
    assert doc.report.income.other == Decimal(77)
    edit.setText("77x")
    edit.setModified(True)
    assert not commit_pending()


def test_paste_skips_header_and_placeholder_rows(qtbot):
    doc = DocumentController(Report())
    table = IndicatorTable(doc, "indicators")
    qtbot.addWidget(table)
    text = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t自评得分\t偏差原因\n"
            '"产出指标\n(50 分)"\t数量指标\t案件数\t≥1件\t2件\t5\t5\t\n'
            "\t\t……\t\t\t\t\t\n"
            '\t"经济效\n益指标"\t挽回损失\t≥500万元\t600万元\t4\t4\t\n'
            "总分\t100\t100\n")
    assert table.paste_text(text), table.message.text()
    rows = doc.report.indicators
    assert [(r.level1, r.level2, r.name) for r in rows] == [
        ("产出指标", "数量指标", "案件数"), ("产出指标", "经济效益指标", "挽回损失")]
