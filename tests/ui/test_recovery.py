"""Autosave to a recovery file; after a crash the next start offers to restore."""

from __future__ import annotations

import pytest

from perfdesk.model import load_report, save_report
from perfdesk.ui import autosave, settings

pytestmark = pytest.mark.gui


def test_autosave_after_idle_and_deleted_on_save(make_window, demo, tmp_path, qtbot):
    path = tmp_path / "a.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path=path, autosave_ms=50)
    w.doc.set_value("unit_name", "打字中")
    assert not autosave.has_recovery()  # waits for a pause
    qtbot.waitUntil(autosave.has_recovery, timeout=2000)
    report, original = autosave.read_recovery()
    assert report.unit_name == "打字中" and original == path
    assert w.save()
    assert not autosave.has_recovery()


def test_clean_close_leaves_no_recovery_file(make_window, qtbot):
    w = make_window(autosave_ms=20)
    w.doc.set_value("unit_name", "x")
    qtbot.waitUntil(autosave.has_recovery, timeout=2000)
    w.doc.undo_stack.undo()  # back to clean: nothing to recover
    assert not autosave.has_recovery()
    w.doc.set_value("unit_name", "y")
    w.autosaver.flush()
    w.doc.undo_stack.setClean()
    w.close()
    assert not autosave.has_recovery()


def _crash_leftover(report, original=None):
    """What a crashed session leaves behind."""
    save_report(report, settings.recovery_path(), backup=False)
    meta = settings.recovery_path().with_suffix(".json")
    meta.write_text('{"file": "%s"}' % (original or ""), encoding="utf-8")


def test_restore_after_crash(make_window, demo, tmp_path, dialog_log):
    path = tmp_path / "本单位.perfdesk"
    save_report(demo, path, backup=False)
    demo.unit_name = "崩溃前没保存的名称"
    _crash_leftover(demo, path.as_posix())
    dialog_log.answer("question", True)
    w = make_window()
    assert dialog_log.names() == ["question"]
    assert "恢复" in dialog_log.texts("question")
    assert w.doc.report.unit_name == "崩溃前没保存的名称"
    assert w.doc.file_path == path
    assert w.isWindowModified() and w.doc.dirty
    assert not w.files.is_demo
    # restored work is saved to its own file, and then the recovery file is gone
    assert w.save()
    assert load_report(path).unit_name == "崩溃前没保存的名称"
    assert not autosave.has_recovery()


def test_declining_restore_discards_and_starts_normally(make_window, demo, dialog_log):
    demo.unit_name = "不要恢复"
    _crash_leftover(demo)
    dialog_log.answer("question", False)
    w = make_window()
    assert w.doc.report.unit_name != "不要恢复"
    assert not autosave.has_recovery()


def test_unreadable_recovery_file_is_reported(make_window, dialog_log):
    settings.recovery_path().write_text("{garbage", encoding="utf-8")
    w = make_window()
    assert dialog_log.names() == ["warning"]
    assert not autosave.has_recovery()
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
    assert autosave.read_recovery()[0].unit_name == "出错前的修改"
