"""The unit's side: a reviewer's 审核意见 opened as a to-do list; each item jumps to its field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.review.opinions import Todo
from perfdesk.review.rules import SEVERITY_LABELS

PATH_ROLE = Qt.ItemDataRole.UserRole


class TodoDock(QDockWidget):
    def __init__(self, parent: QWidget, go_to: Callable[[str], object]) -> None:
        super().__init__("审核意见（待办）", parent)
        self.setObjectName("todoDock")
        self.go_to = go_to
        body = QWidget()
        lay = QVBoxLayout(body)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("todoList")
        self.items.setWordWrap(True)
        self.items.itemActivated.connect(self._jump)
        self.items.itemDoubleClicked.connect(self._jump)
        lay.addWidget(self.head)
        lay.addWidget(self.items, 1)
        self.setWidget(body)

    def set_todo(self, todo: Todo) -> None:
        year = f"{todo.year}年度" if todo.year else ""
        who = f"（{todo.reviewer}）" if todo.reviewer else ""
        comment = f"<br>审核意见：{todo.comment}" if todo.comment else ""
        self.head.setText(f"{todo.unit}{year}：{len(todo.items)} 项待改{who}。双击一项转到对应位置。{comment}")
        self.items.clear()
        for i, item in enumerate(todo.items, 1):
            row = QListWidgetItem(f"{i}. [{SEVERITY_LABELS.get(item.severity, item.severity)}] {item.text}")
            row.setData(PATH_ROLE, item.path)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(row)

    def _jump(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.go_to(str(path))
