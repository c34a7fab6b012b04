"""Small helpers shared by the page tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from perfdesk.model import Report
from perfdesk.ui.document import DocumentController


def find(root: QWidget, name: str) -> Any:
    """The child widget whose objectName is ``name`` (a field path); fails if absent."""
    w = root.findChild(QWidget, name)
    assert w is not None, name
    return w


def type_and_enter(qtbot: Any, widget: Any, text: str) -> None:
    """Replace a line edit's text as a user would, then press Enter."""
    from PySide6.QtCore import Qt

    widget.setFocus()
    widget.selectAll()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:  # QTest can only type Latin-1; paste the rest as an input method would
        widget.insert(text)
        widget.setModified(True)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def shown_page(qtbot: Any, page_cls: type, report: Report, width: int = 1100) -> Any:
    """A page over a fresh DocumentController, shown at a realistic size."""
    page = page_cls(DocumentController(report))
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    return page
