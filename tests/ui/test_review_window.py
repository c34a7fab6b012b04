"""The reviewer window driven by keys and clicks: open a folder, filter, set verdicts, reopen
the review file, a corrected unit resubmitted (second round), a unit opened read-only, export,
opinions, and 取消 of a running review."""

from __future__ import annotations

import hashlib

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from perfdesk.io import load_report, save_report
from perfdesk.review.review_file import path_for
from perfdesk.ui.review.window import ReviewWindow
from tests.checks import faulty
from tests.review.builder import varied
from tests.review.handmade import Layout, write_annexes, write_word

pytestmark = pytest.mark.gui


def _folder(tmp_path, extra: int = 0):
    folder = tmp_path / "2024年度材料"
    for n, name in enumerate(("青禾县水利局", "青禾县林业局", "青禾县审计局")):
        r = varied(n, name)
        if name == "青禾县林业局":
            faulty.full_marks_for_missed_targets(r)
            faulty.basic_does_not_add_up(r)
        (folder / name).mkdir(parents=True)
        save_report(r, folder / name / f"{name}.perfdesk", backup=False)
    r = varied(3, "青禾县统计局")
    write_annexes(r, folder / "青禾县统计局", "青禾县统计局", Layout(reorder=True))
    write_word(r, folder / "青禾县统计局" / "报告.docx", projects_initial=r.projects[0].amounts.initial)
    for n in range(extra):
        name = f"青禾县第{n + 1}中学"
        (folder / name).mkdir(parents=True)
        save_report(varied(n, name), folder / name / f"{name}.perfdesk", backup=False)
    return folder


def _type(widget, text):
    """Chinese typed through the input method (QTest only types Latin-1)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _window(qtbot, make=None):
    opened = []
    w = ReviewWindow(open_copy=make or (lambda report, title: opened.append((report, title))), jobs=2)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w, opened


def _open(qtbot, w, dialog_log, folder):
    dialog_log.answer("choose_dir", folder)
    with qtbot.waitSignal(w.finished, timeout=120000):
        qtbot.mouseClick(w.open_button, Qt.MouseButton.LeftButton)


def _click_row(qtbot, w, name):
    for r in range(w.proxy.rowCount()):
        index = w.proxy.index(r, 0)
        if index.data() == name:
            w.table.scrollTo(index)
            rect = w.table.visualRect(index)
            qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return index
    raise AssertionError(name)


def test_review_window_round_trip(qtbot, tmp_path, dialog_log, make_window):
    folder = _folder(tmp_path)
    copies = []
    w, _opened = _window(qtbot, lambda report, title: copies.append(main.show_copy(report, title)))
    main = make_window()
    _open(qtbot, w, dialog_log, folder)
    assert w.proxy.rowCount() == 4 and "审核完成" in w.status_label.text()

    # filter: only the units with errors, then a name
    w.filter.setFocus()
    qtbot.keyClick(w.filter, Qt.Key.Key_Down)
    assert w.filter.currentText() == "只看有错误的"
    with_errors = [u.name for u in w.result.units if u.errors]
    assert with_errors == ["青禾县林业局"]
    assert sorted(w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount())) == sorted(with_errors)
    qtbot.keyClick(w.filter, Qt.Key.Key_Up)
    _type(w.search, "林业")
    assert [w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount())] == ["青禾县林业局"]

    # a verdict and a comment
    _click_row(qtbot, w, "青禾县林业局")
    assert w.findings.topLevelItemCount() >= 2 and "R-I03" in [
        w.findings.topLevelItem(i).text(0) for i in range(w.findings.topLevelItemCount())]
    qtbot.mouseClick(w.verdict_buttons[list(w.verdict_buttons)[1]], Qt.MouseButton.LeftButton)
    _type(w.comment, "得分与完成值不符，请改正")
    qtbot.mouseClick(w.save_verdict_button, Qt.MouseButton.LeftButton)
    assert w.proxy.index(0, 12).data() == "退回修改"
    assert path_for(folder).is_file()

    # open it read-only: a copy in a main window; the unit's file is untouched
    unit_file = folder / "青禾县林业局" / "青禾县林业局.perfdesk"
    before = _sha(unit_file)
    index = _click_row(qtbot, w, "青禾县林业局")
    qtbot.mouseDClick(w.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=w.table.visualRect(index).center())
    assert copies, "double-click opens the unit"
    view = copies[0]
    qtbot.addWidget(view)
    assert "只读副本" in view.windowTitle() and view.doc.file_path is None
    assert not view.act_save.isEnabled() and not view.save()
    view.doc.set_value("unit_name", "试改")
    view.close()
    assert _sha(unit_file) == before

    # export the roll-up
    out = tmp_path / "汇总表.xlsx"
    dialog_log.answer("save_file", out)
    qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    rows = list(load_workbook(out)["单位汇总"].iter_rows(values_only=True))
    assert any(r[1] == "青禾县林业局" and r[14] == "退回修改" for r in rows)

    # opinions for the units sent back
    dialog_log.answer("choose_dir", tmp_path / "意见")
    qtbot.mouseClick(w.opinion_button, Qt.MouseButton.LeftButton)
    made = sorted(p.name for p in (tmp_path / "意见").iterdir())
    assert any(n.startswith("青禾县林业局") and n.endswith(".docx") for n in made)
    assert any(n.endswith(".perfdesk-todo") for n in made)
    w.close()

    # reopen: the verdict is back
    w2, _ = _window(qtbot)
    _open(qtbot, w2, dialog_log, folder)
    _type(w2.search, "林业")
    _click_row(qtbot, w2, "青禾县林业局")
    assert w2.verdict_buttons[list(w2.verdict_buttons)[1]].isChecked()
    assert w2.comment.toPlainText() == "得分与完成值不符，请改正"

    # the unit resubmits a corrected file: second round, what went, verdict pending again
    fixed = load_report(unit_file)
    fixed.indicators[4].score -= 1
    save_report(fixed, unit_file, backup=False)
    with qtbot.waitSignal(w2.finished, timeout=120000):
        qtbot.mouseClick(w2.rerun_button, Qt.MouseButton.LeftButton)
    _click_row(qtbot, w2, "青禾县林业局")
    assert "第2轮" in w2.round_label.text() and "已改正" in w2.round_label.text()
    assert w2.proxy.index(0, 13).data() == "2"
    assert not any(b.isChecked() for b in w2.verdict_buttons.values())
    history = [w2.history.item(i).text() for i in range(w2.history.count())]
    assert any("第1轮" in h and "退回修改" in h for h in history)
    assert sum("第2轮" in h for h in history) == 1


def test_cancel_stops_a_running_review(qtbot, tmp_path, dialog_log):
    folder = _folder(tmp_path, extra=40)
    w, _ = _window(qtbot)
    dialog_log.answer("choose_dir", folder)
    with qtbot.waitSignal(w.finished, timeout=120000):
        qtbot.mouseClick(w.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.cancel_button.isVisible(), timeout=5000)
        qtbot.mouseClick(w.cancel_button, Qt.MouseButton.LeftButton)
    assert w.result is not None and w.result.cancelled
    assert "已取消" in w.status_label.text()
    assert not path_for(folder).exists() or w.result.units is not None
    QApplication.processEvents()


def test_the_units_perfdesk_opens_the_opinion_as_a_to_do_list(qtbot, tmp_path, make_window, demo):
    from perfdesk.checks import check
    from perfdesk.review.opinions import Opinion, write_todo
    from perfdesk.review.results import ReviewFinding, UnitResult

    faulty.full_marks_for_missed_targets(demo)
    f = next(x for x in check(demo) if x.rule == "R-I03")
    unit = UnitResult("k", demo.unit_name, year=demo.year, findings=[
        ReviewFinding(f.rule, f.severity, f.message, f.paths, "附件2第5行", "", "得分与完成值不符")])
    todo = write_todo(Opinion(unit, "请改正后重报"), tmp_path / "意见.perfdesk-todo")
    path = tmp_path / "本单位.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path=path)
    assert w.open_todo(todo)
    items = w.todo_dock.items
    assert items.count() == 1 and "得分与完成值不符" in items.item(0).text()
    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Down)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    assert w.current_key() == "indicators"
