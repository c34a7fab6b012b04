"""The main window: demo on first start, live findings and score, navigation, undo/redo."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.checks import check
from perfdesk.ui.pages import STEPS

pytestmark = pytest.mark.gui


def test_first_start_opens_demo_with_banner(make_window):
    w = make_window()
    assert w.doc.report.unit_name
    assert w.doc.report.projects
    assert w.files.is_demo and w.doc.file_path is None
    assert w.banner.isVisible()
    assert "示例报告" in w.windowTitle()
    assert not w.isWindowModified()
    assert w.exec_label.text().startswith("执行率：") and "—" not in w.exec_label.text()
    assert w.grade_label.text() in {"等级：优", "等级：良", "等级：中", "等级：差"}


def test_second_start_is_empty_and_new_gives_empty_report(make_window):
    first = make_window()
    assert first.files.is_demo
    second = make_window()
    assert not second.files.is_demo and second.doc.report.unit_name == ""
    first.files.new_report()  # demo not modified: no question
    assert first.doc.report.unit_name == "" and first.doc.report.projects == []
    assert not first.banner.isVisible()
    assert "未命名报告" in first.windowTitle()


def test_step_list_lists_every_step_with_a_state(make_window):
    w = make_window()
    assert w.steps.count() == len(STEPS)
    for key, *_ in STEPS:
        state, text = w.steps.state_of(key)
        assert state in {"ok", "warning", "error"} and text


def test_pages_are_built_lazily(make_window):
    w = make_window()
    assert set(w.pages) == {"basic"}
    w.steps.setCurrentRow(6)
    assert "generate" in w.pages and w.current_key() == "generate"


def test_finding_appears_in_the_same_event_loop_turn(make_window):
    w = make_window()
    assert w.findings.findings_shown() == []  # the demo is clean
    before = w.score_label.text()
    basic = w.doc.report.basic
    right = basic.personnel.actual + basic.public.actual
    w.doc.set_value("declared.basic.actual", right + Decimal("100"))  # 基本支出 typed wrong
    # no qtbot.wait: the panel, step list and status bar are already up to date
    item = w.findings.item_for("R-B01")
    assert item is not None
    finding = item.data(0, 256)
    assert finding.severity == "error" and finding.path == "declared.basic.actual"
    assert {f.rule for f in w.findings.findings_shown()} == {f.rule for f in check(w.doc.report)} - {"R-S01"}
    assert w.steps.state_of("budget")[0] == "error"
    assert w.steps.state_of("generate")[0] == "error"
    assert "错误 0" not in w.count_label.text()
    assert "个错误" in w.findings.summary.text()
    w.doc.set_value("declared.basic.actual", right)  # fixed
    assert w.findings.findings_shown() == []
    assert w.steps.state_of("budget")[0] == "ok"
    # the live score follows an edit within the same turn too
    w.doc.set_value("indicators[0].score", Decimal(0))
    assert w.score_label.text() != before


@pytest.mark.parametrize("built_before", [True, False])
def test_double_click_goes_to_page_and_focuses_field(make_window, qtbot, built_before):
    from PySide6.QtWidgets import QApplication

    from perfdesk.checks import ERROR, Finding

    w = make_window()
    if built_before:
        w.page("indicators")
    finding = Finding("R-I02", ERROR, "自评得分超过分值", ("indicators[2].score",))
    w.doc.findings = [finding]
    w._refresh_findings()
    item = w.findings.item_for("R-I02")
    assert item is not None
    rect = w.findings.tree.visualItemRect(item)
    from pytestqt.qt_compat import qt_api

    Qt = qt_api.QtCore.Qt
    viewport = w.findings.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.current_key() == "indicators"
    assert w.steps.currentRow() == 3
    table = w.page("indicators").binder.find("indicators")[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table.view)
    current = table.view.currentIndex()
    assert (current.row(), current.column()) == (2, table.model.column_of("score"))


def test_go_to_builds_a_page_not_yet_shown(make_window):
    w = make_window()
    assert "problems" not in w.pages
    w.go_to("problems[0].measure")
    assert "problems" in w.pages and w.current_key() == "problems"


def test_undo_redo_through_menu_actions(make_window):
    w = make_window()
    old = w.doc.report.unit_name
    w.doc.set_value("unit_name", "某县市场监督管理局（测试）")
    assert w.isWindowModified()
    assert w.act_undo.isEnabled()
    w.act_undo.trigger()
    assert w.doc.report.unit_name == old
    assert not w.isWindowModified()
    w.act_redo.trigger()
    assert w.doc.report.unit_name == "某县市场监督管理局（测试）"
    assert w.isWindowModified()
    assert w.act_undo.shortcut().toString() == "Ctrl+Z"


def test_menu_shortcuts(make_window):
    w = make_window()
    assert w.act_new.shortcut().toString() == "Ctrl+N"
    assert w.act_open.shortcut().toString() == "Ctrl+O"
    assert w.act_save.shortcut().toString() == "Ctrl+S"
    assert w.act_save_as.shortcut().toString() == "Ctrl+Shift+S"


def test_window_layout_persists(make_window, qtbot):
    w = make_window()
    w.resize(700, 500)  # inside the offscreen screen (800×600), which restoring clamps to
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (700, 500))
    w.close()
    from perfdesk.ui.main_window import MainWindow

    again = MainWindow()  # not through make_window, which sizes every window to 1366×768
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_run_opens_the_file_from_argv(demo, tmp_path):
    """A real start in a fresh process (app.exec() cannot run twice in one test session)."""
    import os
    import subprocess
    import sys

    from perfdesk import config
    from perfdesk.io import save_report
    from perfdesk.ui import settings

    path = tmp_path / "命令行.perfdesk"
    save_report(demo, path, backup=False)
    code = ("import sys\nfrom perfdesk.ui import app\n"
            "sys.exit(app.run(['perfdesk', sys.argv[1], app.BENCHMARK_FLAG]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code, str(path)], env=env, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert settings.recent_files()[0] == path.resolve()
    assert config.log_path().parent.exists()
    assert not config.fault_path().exists()  # clean exit: nothing to report next time


def test_previous_hard_crash_is_reported_once(monkeypatch):
    from perfdesk import config
    from perfdesk.ui import app

    config.fault_path().write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    assert "Segmentation fault" in app.previous_fault()
    assert app.previous_fault() == ""


def test_first_check_waits_for_the_first_frame_but_an_edit_never_waits(qtbot):
    from perfdesk.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.start()  # the demo
    assert w.doc.checks_pending and w.doc.findings == []
    assert w.steps.state_of("basic") == ("neutral", "审核中…")
    basic = w.doc.report.basic
    w.doc.set_value("declared.basic.actual",
                    basic.personnel.actual + basic.public.actual + Decimal(1))
    assert not w.doc.checks_pending
    assert w.findings.item_for("R-B01") is not None  # no event loop turn needed
    w.doc.undo_stack.setClean()
    w.show()
    w.close()


def test_window_shows_then_checks(qtbot):
    from perfdesk.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.start()
    w.show()
    qtbot.waitUntil(lambda: not w.doc.checks_pending, timeout=3000)
    assert w.score_label.text().startswith("总分：")
    w.close()


@pytest.mark.parametrize(("screen", "dpi", "fits"), [
    ((1366, 768), 96, (1280, 704)),  # the common office laptop: shorter, title bar on screen
    ((1920, 1080), 144, (1248, 656)),  # Windows at 150 %: 1280×720 logical pixels
    ((2560, 1440), 96, (1280, 740)),  # a big screen: the designed size
])
def test_first_start_window_fits_the_screen(tmp_path, screen, dpi, fits):
    """A fresh process on a configured screen (offscreen platform), no saved layout."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": dpi}]}))
    code = ("from perfdesk.ui.app import create_app\nfrom perfdesk.ui.main_window import MainWindow\n"
            "app = create_app(['x'])\nw = MainWindow()\ng = w.frameGeometry()\n"
            "free = w.screen().availableGeometry()\n"
            "print(w.width(), w.height(), int(free.contains(g)), g.center().x() - free.center().x(),"
            " int(w.devicePixelRatio() * 100))")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PERFDESK_CONFIG_DIR": str(tmp_path / "cfg")}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    width, height, inside, off_centre, scale = map(int, done.stdout.split())
    assert scale == dpi * 100 // 96  # Qt scales by the screen's DPI, as Windows does
    assert (width, height) == fits
    assert inside == 1 and abs(off_centre) <= 1


def test_status_bar_does_not_grade_an_impossible_total(make_window):
    w = make_window()
    w.doc.set_value("indicators[0].score", Decimal("50"))  # 分值 5
    assert "超过满分" in w.grade_label.text()
    assert "优" not in w.grade_label.text()
    w.doc.undo_stack.undo()
    assert w.grade_label.text() in {"等级：优", "等级：良", "等级：中", "等级：差"}
