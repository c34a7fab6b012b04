"""Open, save, save as, recent files, unsaved changes and bad files."""

from __future__ import annotations

import os
import time

import pytest

from perfdesk.io import load_report, save_report
from perfdesk.ui import dialogs, settings

pytestmark = pytest.mark.gui


def test_save_and_reopen_round_trip(make_window, demo, tmp_path, dialog_log):
    path = tmp_path / "本单位.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path=path)
    assert w.doc.file_path == path and not w.files.is_demo
    w.doc.set_value("unit_name", "某县市场监督管理局甲分局")
    assert w.isWindowModified() and "本单位.perfdesk" in w.windowTitle()
    assert w.save()
    assert not w.isWindowModified()
    assert path.with_name(path.name + ".bak").exists()  # the previous version is kept
    assert load_report(path).unit_name == "某县市场监督管理局甲分局"
    other = make_window(path=path)
    assert other.doc.report == w.doc.report
    assert settings.recent_files()[0] == path.resolve()
    assert dialog_log.calls == []


def test_save_of_new_report_asks_for_a_name(make_window, tmp_path, dialog_log):
    w = make_window()
    w.files.new_report()
    w.doc.set_value("unit_name", "测试单位")
    dialog_log.answer("save_file", tmp_path / "新报告")
    assert w.save()
    saved = tmp_path / "新报告.perfdesk"
    assert saved.exists() and w.doc.file_path == saved
    assert load_report(saved).unit_name == "测试单位"


def test_demo_is_never_overwritten_save_goes_to_save_as(make_window, dialog_log):
    w = make_window()
    assert w.files.is_demo
    w.doc.set_value("unit_name", "改过的示例")
    assert not w.save()  # save-as dialog cancelled (default answer)
    assert dialog_log.names() == ["save_file"]


def test_refuses_to_overwrite_a_file_changed_on_disk(make_window, demo, tmp_path, dialog_log):
    path = tmp_path / "a.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path=path)
    demo.unit_name = "别人改的"
    save_report(demo, path, backup=False)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    w.doc.set_value("supervisor", "我改的")
    assert not w.save()  # default answer: cancel
    assert "已被其他程序修改" in dialog_log.texts("choose")
    assert load_report(path).unit_name == "别人改的"
    dialog_log.answer("choose", 1)  # 覆盖
    assert w.save()
    assert load_report(path).supervisor == "我改的"


def test_bad_file_shows_message_and_keeps_current_document(make_window, tmp_path, dialog_log):
    w = make_window()
    before = w.doc.report
    bad = tmp_path / "坏.perfdesk"
    bad.write_text('{"format": "perfdesk-report", "version": 1, "report": {', encoding="utf-8")
    assert not w.files.open_path(bad)
    assert dialog_log.names() == ["error"]
    assert "文件已损坏" in dialog_log.texts("error")
    assert w.doc.report is before and w.files.is_demo


def test_close_with_unsaved_changes_asks(make_window, demo, tmp_path, dialog_log):
    path = tmp_path / "a.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path=path)
    w.doc.set_value("unit_name", "未保存的修改")
    dialog_log.answer("ask_save_changes", dialogs.CANCEL)
    assert not w.close()
    assert w.isVisible()
    dialog_log.answer("ask_save_changes", dialogs.SAVE)
    assert w.close()
    assert load_report(path).unit_name == "未保存的修改"
    assert dialog_log.names() == ["ask_save_changes", "ask_save_changes"]


def test_close_discarding_changes(make_window, demo, tmp_path, dialog_log):
    path = tmp_path / "a.perfdesk"
    save_report(demo, path, backup=False)
    w = make_window(path=path)
    w.doc.set_value("unit_name", "不要了")
    dialog_log.answer("ask_save_changes", dialogs.DISCARD)
    assert w.close()
    assert load_report(path).unit_name == demo.unit_name


def test_new_asks_before_dropping_unsaved_work(make_window, dialog_log):
    w = make_window()
    w.doc.set_value("unit_name", "改过")
    assert not w.files.new_report()  # cancelled
    assert w.doc.report.unit_name == "改过"
    dialog_log.answer("ask_save_changes", dialogs.DISCARD)
    assert w.files.new_report()
    assert w.doc.report.unit_name == ""


def test_new_from_last_year(make_window, demo, tmp_path, dialog_log):
    last = tmp_path / "2023.perfdesk"
    save_report(demo, last, backup=False)
    w = make_window()
    dialog_log.answer("open_file", last)
    assert w.files.new_from_last_year()
    assert w.doc.report.year == demo.year + 1
    assert w.doc.file_path is None and w.isWindowModified()
    assert w.doc.report.duties == demo.duties


def test_recent_files_menu(make_window, demo, tmp_path):
    paths = []
    for name in ("一.perfdesk", "二.perfdesk"):
        p = tmp_path / name
        save_report(demo, p, backup=False)
        paths.append(p)
    w = make_window()
    for p in paths:
        assert w.files.open_path(p)
        time.sleep(0.001)
    w.files.fill_recent_menu(w.recent_menu)
    texts = [a.text() for a in w.recent_menu.actions() if a.text()]
    assert texts[0].endswith("二.perfdesk") and texts[1].endswith("一.perfdesk")
    w.recent_menu.actions()[1].trigger()
    assert w.doc.file_path == paths[0].resolve()


def test_missing_recent_file_is_dropped(make_window, tmp_path, dialog_log):
    gone = tmp_path / "没了.perfdesk"
    settings.add_recent(gone)
    w = make_window()
    assert not w.files.open_path(gone)
    assert "找不到文件" in dialog_log.texts("error")
    assert gone.resolve() not in settings.recent_files()


def test_one_config_folder_for_settings_and_user_templates(monkeypatch, tmp_path):
    from perfdesk import config

    monkeypatch.delenv("PERFDESK_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("APPDATA", str(tmp_path))
    folder = config.config_dir()
    assert folder.parent == tmp_path and folder.is_dir()
    settings.set_value(config.Setting.LAST_DIR, str(tmp_path))
    assert settings.settings().fileName() == str(folder / "perfdesk.ini")
    assert (folder / "perfdesk.ini").is_file()
    assert config.user_template_dirs()[-1] == folder / "templates"
    assert config.recovery_dir().parent == folder == config.log_path().parent


def test_the_real_dialog_helpers(qtbot, real_dialogs):
    """dialogs.py itself: Chinese buttons, and the answer of the button clicked."""
    from pytestqt.qt_compat import qt_api

    QApplication = qt_api.QtWidgets.QApplication
    seen = []

    def click(label):
        def later():
            box = QApplication.activeModalWidget()
            seen.append(sorted(b.text() for b in box.buttons()))
            next(b for b in box.buttons() if b.text() == label).click()
        qt_api.QtCore.QTimer.singleShot(50, later)

    click("不保存")
    assert real_dialogs["ask_save_changes"](None, "a.perfdesk") == dialogs.DISCARD
    click("取消")
    assert real_dialogs["ask_save_changes"](None, "a.perfdesk") == dialogs.CANCEL
    click("恢复")
    assert real_dialogs["question"](None, "恢复", "是否恢复？", yes="恢复", no="放弃") is True
    click("确定")
    real_dialogs["error"](None, "无法打开报告", "文件内容 <b>不是</b> JSON", "细节")
    assert seen[0] == ["不保存", "保存", "取消"]
