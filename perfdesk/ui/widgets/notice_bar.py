"""A one-time note under the menu bar: shown when a report is opened, closed by the user.

Used for files saved before directions were inferred (``checks.suggest.direction_notice``):
the note says once that their bare targets are now scored in a direction, and offers to
show the first row concerned.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    go = Signal(str)  # the field path to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setStyleSheet("#noticeBar { background: #eef4ff; border-bottom: 1px solid #9db7e8; }")
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.show_button = QPushButton("查看")
        self.show_button.setObjectName("noticeShow")
        self.show_button.clicked.connect(self._go)
        close = QPushButton("知道了")
        close.setObjectName("noticeClose")
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(QLabel("ⓘ"))
        row.addWidget(self.text, 1)
        row.addWidget(self.show_button)
        row.addWidget(close)
        self._path = ""
        self._said: set[str] = set()  # what was said in this session: once is enough
        self.hide()

    def say(self, text: str, path: str = "", key: str = "") -> bool:
        """Show ``text`` (with a 查看 button going to ``path``) unless it was already said for
        ``key`` (e.g. the file) in this session. True when shown."""
        if not text or (key and key in self._said):
            return False
        if key:
            self._said.add(key)
        self._path = path
        self.text.setText(text)
        self.show_button.setVisible(bool(path))
        self.show()
        return True

    def _go(self) -> None:
        if self._path:
            self.go.emit(self._path)
