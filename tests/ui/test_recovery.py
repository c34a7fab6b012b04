"""Autosave to a recovery file; after a crash the next start offers to restore."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from perfdesk.io import load_report, save_report
from perfdesk.ui import autosave

pytestmark = pytest.mark.gui


def test_autosave_after_idle_and_deleted_on_save(make_window, demo, tmp_path, qtbot):
    path = tmp_path / "a.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path=path, autosave_ms=50)
    w.doc.set_value("unit_name", "打字中")
    assert not w.autosaver.has_file()  # waits for a pause
    qtbot.waitUntil(w.autosaver.has_file, timeout=2000)
    report, original = autosave.Leftover(w.autosaver.path).read()
    assert report.unit_name == "打字中" and original == path
    assert w.save()
    assert not w.autosaver.has_file()


def test_clean_close_leaves_nothing_to_recover(make_window, qtbot):
    w = make_window(autosave_ms=20)
    w.doc.set_value("unit_name", "x")
    qtbot.waitUntil(w.autosaver.has_file, timeout=2000)
    w.doc.undo_stack.undo()  # back to clean: nothing to recover
    assert not w.autosaver.has_file()
    w.doc.set_value("unit_name", "y")
    w.autosaver.flush()
    w.doc.undo_stack.setClean()
    w.close()
    assert list(autosave.recovery_dir().iterdir()) == []


def test_a_running_window_is_not_mistaken_for_a_crash(make_window, dialog_log):
    first = make_window()
    first.doc.set_value("unit_name", "第一个窗口未保存的修改")
    assert first.autosaver.flush()
    assert autosave.leftovers() == []  # its lock is held
    make_window()
    assert "question" not in dialog_log.names()
    assert first.autosaver.has_file()


def _crash_leftover(report, original=""):
    """What a crashed session leaves behind (its lock died with the process)."""
    path = autosave.recovery_dir() / "crashed.perfdesk"
    save_report(report, path, backup=False)
    path.with_suffix(".json").write_text(json.dumps({"file": original}), encoding="utf-8")
    return path


def test_restore_after_crash(make_window, demo, tmp_path, dialog_log):
    path = tmp_path / "本单位.perfdesk"
    save_report(demo, path, backup=False)
    demo.unit_name = "崩溃前没保存的名称"
    leftover = _crash_leftover(demo, path.as_posix())
    dialog_log.answer("question", True)
    w = make_window()
    assert dialog_log.names() == ["question"]
    assert "恢复" in dialog_log.texts("question")
    assert w.doc.report.unit_name == "崩溃前没保存的名称"
    assert w.doc.file_path == path
    assert w.isWindowModified() and w.doc.dirty
    assert not w.files.is_demo
    assert not leftover.exists() and w.autosaver.has_file()  # still recoverable
    # restored work is saved to its own file, and then nothing is left to recover
    assert w.save()
    assert load_report(path).unit_name == "崩溃前没保存的名称"
    assert not w.autosaver.has_file() and autosave.leftovers() == []


def test_leftover_of_a_killed_process_is_found(demo, tmp_path):
    """A real crash: a separate process autosaves, then dies without cleaning up."""
    code = (
        "import os, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from perfdesk.ui.document import DocumentController\n"
        "from perfdesk.ui.autosave import Autosaver\n"
        "app = QApplication([])\n"
        "doc = DocumentController()\n"
        "saver = Autosaver(doc)\n"
        "doc.set_value('unit_name', '被强制结束前的修改')\n"
        "assert saver.flush()\n"
        "os._exit(1)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    found = autosave.leftovers()
    assert len(found) == 1
    assert found[0].read()[0].unit_name == "被强制结束前的修改"


def test_declining_restore_discards_and_starts_normally(make_window, demo, dialog_log):
    demo.unit_name = "不要恢复"
    _crash_leftover(demo)
    dialog_log.answer("question", False)
    w = make_window()
    assert w.doc.report.unit_name != "不要恢复"
    assert autosave.leftovers() == []


def test_unreadable_recovery_file_is_reported(make_window, dialog_log):
    (autosave.recovery_dir() / "broken.perfdesk").write_text("{garbage", encoding="utf-8")
    w = make_window()
    assert dialog_log.names() == ["warning"]
    assert autosave.leftovers() == []
    assert w.files.is_demo


def test_exception_hook_autosaves_and_shows_chinese_dialog(make_window, dialog_log):
    from perfdesk.ui import app

    w = make_window()
    w.doc.set_value("unit_name", "出错前的修改")
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        app.excepthook(type(exc), exc, exc.__traceback__)
    assert dialog_log.names() == ["crash"]
    assert "意外错误" in dialog_log.texts("crash")
    assert autosave.Leftover(w.autosaver.path).read()[0].unit_name == "出错前的修改"


def test_restoring_says_the_file_asked_for_was_not_opened(make_window, demo, tmp_path, dialog_log):
    from perfdesk.ui import settings

    first = tmp_path / "甲.perfdesk"
    second = tmp_path / "乙.perfdesk"
    save_report(demo, first, backup=False)
    save_report(demo, second, backup=False)
    _crash_leftover(demo, first.as_posix())
    dialog_log.answer("question", True)
    w = make_window(path=second)
    assert w.doc.file_path == first  # the recovered work
    assert "“乙.perfdesk”还没有打开" in dialog_log.texts("info")
    assert settings.recent_files()[0] == second.resolve()  # one click away in 最近打开
