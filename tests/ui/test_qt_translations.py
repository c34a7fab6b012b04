"""Qt's own dialogs speak Chinese: the file dialog PerfDesk shows on Linux (Qt's own, not
the desktop's) has Chinese buttons and labels once the translations app start-up installs
are in — including the two labels Qt's zh_CN catalogue leaves in English."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from perfdesk.ui import app

pytestmark = pytest.mark.gui


@pytest.fixture
def translated(qapp):
    installed = app.install_translations(qapp)
    assert len(installed) == 2, "Qt's zh_CN translation was not found"
    yield
    for tr in installed:
        qapp.removeTranslator(tr)


def test_the_open_dialog_is_chinese(make_window, qtbot, real_dialogs, translated):
    w = make_window()
    seen: dict[str, list[str]] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, look)
            return
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
        seen["labels"] = [lb.text() for lb in dialog.findChildren(QLabel) if lb.isVisible() and lb.text()]
        dialog.reject()

    QTimer.singleShot(0, look)
    qtbot.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # 文件 › 打开
    assert seen, "no file dialog appeared"
    texts = [re.sub(r"\(&.\)|&", "", t) for t in seen["buttons"] + seen["labels"]]
    assert "打开" in texts and "取消" in texts
    assert {"查找范围：", "文件名称：", "文件类型："} <= set(texts), texts
    assert [t for t in texts if re.search(r"[A-Za-z]{2,}", t.replace("PerfDesk", ""))] == [], texts

