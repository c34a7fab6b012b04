"""The screen and the outputs say only what is true (issue 13, "Trust").

Driven like an accountant: keys into fields, the menu shortcuts, clicks on the buttons.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from perfdesk.io import save_report
from perfdesk.ui import dialogs
from tests.ui.helpers import find

pytestmark = pytest.mark.gui
TIMEOUT = 60_000


def _type(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)  # leave the field: it commits (and refuses)


# (page, field path, text the field refuses)
REFUSING = [
    ("budget", "basic.public.actual", "abc"),  # a money field
    ("basic", "staffing.authorized", "十几"),  # a count
    ("budget", "income.other", "1.2.3"),
    ("indicators", "scoring.weights.output", "5x"),  # a number (分值)
]


@pytest.mark.parametrize(("page_key", "path", "text"), REFUSING, ids=[p for _, p, _ in REFUSING])
@pytest.mark.parametrize("how", ["new", "open"])
def test_a_refused_entry_does_not_survive_new_or_open(make_window, qtbot, tmp_path, dialog_log,
                                                      page_key, path, text, how, demo):
    w = make_window()
    page = w.show_page(page_key)
    field = find(page, path)
    _type(qtbot, field, text if text.isascii() else "x")
    if not text.isascii():  # QTest types Latin-1 only: an input method inserts the rest
        field.setFocus()
        field.selectAll()
        field.insert(text)
        field.setModified(True)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert any(f.rule == "R-U01" for f in w.doc.findings)
    dialog_log.answer("ask_save_changes", dialogs.DISCARD)
    if how == "new":
        qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    else:
        other = tmp_path / "另一份.perfdesk"
        save_report(demo, other, backup=False)
        dialog_log.answer("open_file", other)
        qtbot.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    value = w.doc.get(path)
    assert field.text() == ("" if value is None else field.format_value(value))
    assert not field.property("invalid")
    assert not any(f.rule == "R-U01" for f in w.doc.findings)


@pytest.mark.parametrize("how", ["new", "open"])
def test_a_refused_table_cell_message_does_not_survive_new_or_open(make_window, qtbot, tmp_path,
                                                                   dialog_log, how, demo):
    w = make_window()
    page = w.show_page("budget")
    table = find(page, "adjustments")
    from perfdesk.ui.widgets.binding import reveal

    reveal(table)  # scrolled into view, as the user would
    qtbot.wait(50)
    cell = table.view.visualRect(table.model.index(0, 1))  # 金额 of the first row
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    for ch in "abc":  # typing in a cell starts editing; the keys go where the focus is
        qtbot.keyClicks(QApplication.focusWidget(), ch)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert table.message.isVisibleTo(table) and "abc" in table.message.text()
    dialog_log.answer("ask_save_changes", dialogs.DISCARD)
    if how == "new":
        qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    else:
        other = tmp_path / "另一份.perfdesk"
        save_report(demo, other, backup=False)
        dialog_log.answer("open_file", other)
        qtbot.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert not table.message.isVisibleTo(table)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def _generate(qtbot, w, folder: Path):
    page = w.show_page("generate")
    page.folder.setText(str(folder))
    page.excel.setChecked(False)
    page.pdf.setChecked(False)
    with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    return page, blocker.args[0]


def test_a_report_rolled_over_without_its_figures_is_a_draft_that_claims_nothing(
        make_window, qtbot, tmp_path, demo, dialog_log):
    last = tmp_path / "2024.perfdesk"
    save_report(demo, last, backup=False)
    w = make_window()
    dialog_log.answer("ask_save_changes", dialogs.DISCARD)
    dialog_log.answer("open_file", last)
    w.act_rollover.trigger()  # 文件 › 以上年报告新建
    assert w.doc.report.year == demo.year + 1
    rules = {f.rule for f in w.doc.findings}
    assert {"R-C05", "R-B15"} <= rules  # errors: 问题/措施 not stated, no spending figure
    page, result = _generate(qtbot, w, tmp_path / "out")
    assert result.draft
    assert "R-C05" in page.open_findings.toPlainText() or "存在的问题" in page.draft_text.text()
    text = _docx_text(next(p for p in result.files if p.suffix == ".docx"))
    assert "本年度无需要说明的问题" not in text and "无需要说明的改进措施" not in text
    assert "待填" in text
    # the user says 无 for both, on the 问题与改进 page: a statement the report may make
    problems = w.show_page("problems")
    for name in ("stated_none.problems", "stated_none.measures"):
        box = find(problems, name)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().topLeft() + box.rect().center() / 4)
    assert "R-C05" not in {f.rule for f in w.doc.findings}
    _page, result = _generate(qtbot, w, tmp_path / "out2")
    text = _docx_text(next(p for p in result.files if p.suffix == ".docx"))
    assert "本年度无需要说明的问题" in text


def test_generating_again_keeps_what_was_written_before(make_window, qtbot, tmp_path, dialog_log):
    w = make_window()
    folder = tmp_path / "out"
    _page, first = _generate(qtbot, w, folder)
    docx = next(p for p in first.files if p.suffix == ".docx")
    docx.write_bytes(docx.read_bytes())  # as if edited in Word since
    before = docx.stat().st_mtime_ns
    dialog_log.answer("choose", 1)  # 保留旧文件（移到“旧版本”文件夹）
    _page, second = _generate(qtbot, w, folder)
    assert "已有" in dialog_log.texts("choose")
    kept = list((folder / "旧版本").rglob(docx.name))
    assert len(kept) == 1 and kept[0].stat().st_mtime_ns == before
    assert all(p.exists() for p in second.files)


def test_r_b06_takes_the_user_to_the_figure_that_is_wrong(make_window, qtbot):
    w = make_window()
    b = w.doc.report.basic
    w.doc.set_value("basic.personnel.actual", b.personnel.annual + Decimal("50"))
    finding = next(f for f in w.doc.findings if f.rule == "R-B06" and "基本支出" in f.message)
    w.go_to_finding(finding)
    focused = QApplication.focusWidget()
    assert getattr(focused, "path", "") in ("basic.personnel.actual", "basic.public.actual")


def test_an_import_says_what_it_filled_and_what_is_left_to_type(make_window, qtbot, tmp_path,
                                                                 demo, dialog_log):
    from perfdesk.render.excel import render_workbook

    workbook = render_workbook(demo, tmp_path / "附件.xlsx", draft=False)
    w = make_window()
    dialog_log.answer("ask_save_changes", dialogs.DISCARD)
    dialog_log.answer("open_file", workbook)
    w.act_import.trigger()  # 文件 › 从 Excel 附件导入
    said = dialog_log.texts()
    assert "已导入" in said or "已填入" in said
    # 附件1 has no 全年预算 column: the 全年预算 of 人员经费 and 公用经费 are not in the forms
    assert "人员经费" in said and "全年预算" in said and "预算执行" in said
    assert w.doc.report.basic.personnel.annual is None
