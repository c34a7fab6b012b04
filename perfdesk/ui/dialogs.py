"""Every message box and file dialog PerfDesk shows goes through this module.

Callers use ``dialogs.question(...)`` (module attribute, never ``from ... import``) so that
tests can monkeypatch one place and no modal dialog ever blocks a run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # QMessageBox and QFileDialog are imported when first used
    from PySide6.QtWidgets import QMessageBox, QWidget

REPORT_FILTER = "PerfDesk 报告 (*.perfdesk);;所有文件 (*)"
EXCEL_FILTER = "Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)"

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


def _box(parent: QWidget | None, icon: str, title: str, text: str,
         details: str = "") -> QMessageBox:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(getattr(QMessageBox.Icon, icon), title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages are never markup
    if details:
        box.setDetailedText(details)
    return box


def info(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, "Information", title, text)
    box.addButton("确定", box.ButtonRole.AcceptRole)
    box.exec()


def warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = _box(parent, "Warning", title, text, details)
    box.addButton("确定", box.ButtonRole.AcceptRole)
    box.exec()


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = _box(parent, "Critical", title, text, details)
    box.addButton("确定", box.ButtonRole.AcceptRole)
    box.exec()


def choose(parent: QWidget | None, title: str, text: str, buttons: list[str],
           default: int = 0, details: str = "") -> int:
    """Ask with the given button texts; the index of the one clicked (-1 on Esc/close)."""
    box = _box(parent, "Question", title, text, details)
    made = [box.addButton(label, box.ButtonRole.ActionRole) for label in buttons]
    if 0 <= default < len(made):
        box.setDefaultButton(made[default])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else -1


def question(parent: QWidget | None, title: str, text: str, yes: str = "是", no: str = "否") -> bool:
    return choose(parent, title, text, [yes, no]) == 0


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """保存 / 不保存 / 取消 for a document with unsaved changes."""
    answer = choose(parent, "保存修改", f"“{name}”有尚未保存的修改。是否保存？",
                    ["保存", "不保存", "取消"], default=0)
    return {0: SAVE, 1: DISCARD}.get(answer, CANCEL)


def open_file(parent: QWidget | None, title: str, start: str = "",
              filters: str = REPORT_FILTER) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return Path(name) if name else None


def open_files(parent: QWidget | None, title: str, start: str = "",
               filters: str = REPORT_FILTER) -> list[Path]:
    """Several files at once (empty when cancelled)."""
    from PySide6.QtWidgets import QFileDialog

    names, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return [Path(n) for n in names]


def save_file(parent: QWidget | None, title: str, start: str = "",
              filters: str = REPORT_FILTER) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    return Path(name) if name else None


def choose_dir(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(name) if name else None


def crash(parent: QWidget | None, text: str, details: str) -> None:
    """The unexpected-error dialog shown by the exception hook."""
    error(parent, "程序出错", text, details)


def print_choices(parent: QWidget | None, docs: list[Any], printers: list[Any],
                  note: str = "") -> Any:
    """The 打印 dialog (ui.widgets.print_dialog); its PrintChoices, or None if cancelled."""
    from perfdesk.ui.widgets.print_dialog import PrintDialog

    dialog = PrintDialog(docs, printers, note, parent)
    return dialog.choices() if dialog.exec() == PrintDialog.DialogCode.Accepted else None
