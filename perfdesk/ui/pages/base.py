"""What every wizard page is: a widget over the DocumentController that can focus a field."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from perfdesk.ui.document import DocumentController


class Page(QWidget):
    """A wizard step. Subclasses set ``key`` and ``title`` and build their form.

    Pages edit only through ``self.doc`` (undoable), refresh on ``doc.changed`` /
    ``doc.structure_changed`` / ``doc.reset``, and implement ``focus_path`` so that a
    double-clicked finding lands on its field.
    """

    key = ""
    title = ""
    scrolls_itself = False  # True: the page has its own scroll area(s); do not wrap it in one

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc

    def focus_path(self, path: str) -> bool:
        """Show, focus and highlight the widget editing ``path``; False if not on this page."""
        return False
