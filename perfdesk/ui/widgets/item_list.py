"""ItemList: the list of projects (项目支出) or of sections (绩效情况), keyed like every table.

One item a row, its name edited in place (typing replaces it, F2 or a double click edits
it); Enter goes to the next item, after the last one to a new item; the row keys and the
row menu (``row_actions``) add, remove, copy, paste and move items through its
``row_editor``, the page that owns the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

from perfdesk.ui.widgets.edit_view import plain_enter
from perfdesk.ui.widgets.row_actions import RowEditor, open_row_menu, row_key_action


class ItemList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row_editor: RowEditor | None = None
        self.on_enter: Callable[[], object] | None = None
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)

    def _handler(self, event: QKeyEvent) -> Callable[[], object] | None:
        return row_key_action(self.row_editor, self, event)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self._handler(event) is not None):
            event.accept()  # ours while the list has the focus, not a window shortcut's
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        handler = self._handler(event)
        if handler is not None:
            handler()
            event.accept()
            return
        if (plain_enter(event) and self.on_enter is not None
                and self.state() != QAbstractItemView.State.EditingState):
            self.on_enter()
            event.accept()
            return
        super().keyPressEvent(event)

    def _menu_at(self, pos: QPoint) -> None:
        if self.row_editor is not None:
            open_row_menu(self.row_editor, self, pos)
