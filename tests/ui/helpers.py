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


def shown_page(qtbot: Any, page_cls: type, report: Report, width: int = 1100) -> Any:
    """A page over a fresh DocumentController, shown at a realistic size."""
    page = page_cls(DocumentController(report))
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    return page
