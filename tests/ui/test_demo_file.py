"""The bundled demo opened as README's start command opens it (``perfdesk
resources/samples/demo.perfdesk``): the 示例报告 banner shows, and 保存 asks where to save
instead of writing into the program's own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from perfdesk.io import load_report
from perfdesk.resources import demo_report_path, resource_path
from tests.ui.helpers import find, type_and_enter

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_demo_from_the_command_line_is_an_example(make_window, qtbot, dialog_log, tmp_path):
    demo = demo_report_path()
    before = demo.read_bytes()
    w = make_window(demo)
    assert w.banner.isVisible() and w.files.is_demo
    assert "示例报告" in w.windowTitle()
    type_and_enter(qtbot, find(w.page("basic"), "supervisor"), "某县人民政府（试用）")
    assert w.isWindowModified()

    qtbot.keyClick(w, Qt.Key.Key_S, CTRL)  # 保存: asks where, cancelled: nothing written
    assert dialog_log.names() == ["save_file"]
    start = Path(dialog_log.calls[0][1][1])
    assert not start.resolve().is_relative_to(resource_path().resolve()), start
    assert demo.read_bytes() == before

    mine = tmp_path / "本单位2024年绩效自评.perfdesk"
    dialog_log.answer("save_file", mine)
    qtbot.keyClick(w, Qt.Key.Key_S, CTRL)
    assert load_report(mine).supervisor == "某县人民政府（试用）"
    assert demo.read_bytes() == before
    assert not w.banner.isVisible() and "本单位2024年绩效自评" in w.windowTitle()


def test_the_demo_chosen_in_the_open_dialog_is_an_example_too(make_window, qtbot, dialog_log):
    w = make_window()
    w.files.new_report()
    dialog_log.answer("open_file", demo_report_path())
    qtbot.keyClick(w, Qt.Key.Key_O, CTRL)
    assert w.files.is_demo and w.banner.isVisible() and w.doc.file_path is None
