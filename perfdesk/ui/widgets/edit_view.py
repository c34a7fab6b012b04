"""EditKeysView: the table view under every editable table and list, keyed like Excel.

- Ctrl+V and Delete act on the focused table only (``on_paste`` / ``on_delete``);
- the row keys and the row menu (``row_actions``) act on its ``row_editor``;
- typing on a selected cell starts editing and replaces the cell's content, F2 or a
  double click edit it keeping the content;
- Tab / Shift+Tab go from editable cell to editable cell (read-only ones such as 建议得分
  are skipped), row after row, and out of the table after its last cell;
- Enter goes on (``on_enter``); the current cell is always scrolled into view, in the table
  and in the page's scroll area around it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from perfdesk.ui.widgets.list_model import Index
from perfdesk.ui.widgets.row_actions import RowEditor, open_row_menu, row_key_action, row_op
from perfdesk.ui.widgets.wrap_view import WrapTableView

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def edit_key(event: QKeyEvent) -> str:
    """'paste' for the platform's paste keys (Ctrl+V, Shift+Insert), 'delete' for Delete."""
    if event.matches(QKeySequence.StandardKey.Paste):
        return "paste"
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
        return "delete"
    return ""


def plain_enter(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in _ENTER and mods == Qt.KeyboardModifier.NoModifier


def editor_key(delegate: QAbstractItemDelegate, view: EditKeysView, editor: QWidget,
               event: QEvent) -> bool:
    """Enter in a cell editor keeps the text and goes on as Enter on the cell does;
    Ctrl+Enter (Ctrl+Shift+Enter) keeps it and adds a row below (above). True if taken."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    if event.key() not in _ENTER:
        return False  # Insert, Ctrl+Delete, Alt+↑ … in an editor are the editor's own keys
    op = row_op(event)  # Ctrl+Enter, Ctrl+Shift+Enter; any other Enter finishes the cell
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    view.setFocus()
    if op is not None and view.row_editor is not None:
        view.row_editor.run_row_op(op)
    elif view.on_enter is not None:
        view.on_enter()
    return True


class EditKeysView(WrapTableView):
    """A table view that takes its keys itself, only while it has the focus.

    Not QShortcuts: those live in the window's shortcut map, where several tables on one
    page compete for the same key (Qt then fires none, or the wrong one). A key press goes
    to the focused widget only. Accepting the ShortcutOverride keeps any window-wide
    shortcut for the same key from taking it first; a cell editor that is open has the
    focus itself, so its own paste and delete are untouched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_paste: Callable[[], object] | None = None
        self.on_delete: Callable[[], object] | None = None
        self.on_enter: Callable[[], object] | None = None  # Enter on a cell, not editing
        self.row_editor: RowEditor | None = None
        self.replacing = False  # the editor being opened replaces the content (typing)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)

    # --- keys --------------------------------------------------------------------------------
    def _handler(self, event: QKeyEvent) -> Callable[[], object] | None:
        key = edit_key(event)
        if key == "paste" and self.on_paste is not None:
            return self.on_paste
        if key == "delete":
            return self.on_delete
        return row_key_action(self.row_editor, self, event)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self._handler(event) is not None):
            event.accept()  # deliver it to keyPressEvent below
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

    # --- typing replaces, F2 keeps ----------------------------------------------------------
    def edit(self, index: Index,  # type: ignore[override]
             trigger: QAbstractItemView.EditTrigger | None = None,
             event: QEvent | None = None) -> bool:
        """``edit(index)`` opens an editor keeping the content; Qt's own call with the key
        that was typed on the cell (AnyKeyPressed) opens it empty, so the key replaces it."""
        if trigger is None:
            super().edit(index)
            return True
        self.replacing = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        try:
            opened = super().edit(index, trigger, event)  # type: ignore[arg-type]  # Qt's own call may pass no event
        finally:
            self.replacing = False
        editor = self.open_editor()
        if opened and trigger != QAbstractItemView.EditTrigger.AnyKeyPressed \
                and isinstance(editor, QLineEdit):
            editor.deselect()  # Qt selects it all, so that the first key would replace it
            editor.end(False)
        return opened

    # --- Tab: editable cell to editable cell, then out of the table -------------------------
    def editable_at(self, row: int, col: int) -> bool:
        model = self.model()
        if self.isColumnHidden(col) or self.isRowHidden(row):
            return False
        return bool(model.flags(model.index(row, col)) & Qt.ItemFlag.ItemIsEditable)

    def step(self, index: Index, forward: bool, *, wrap: bool = True) -> QModelIndex:
        """The next (previous) editable cell in reading order; round the table if ``wrap``."""
        model = self.model()
        rows, cols = model.rowCount(), model.columnCount()
        total = rows * cols
        if not total:
            return QModelIndex()
        here = index.row() * cols + index.column() if index.isValid() else (-1 if forward else total)
        for k in range(1, total + 1):
            pos = here + k if forward else here - k
            if not wrap and not 0 <= pos < total:
                break
            row, col = divmod(pos % total, cols)
            if self.editable_at(row, col):
                return model.index(row, col)
        return QModelIndex()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveNext,
                      QAbstractItemView.CursorAction.MovePrevious):
            forward = action == QAbstractItemView.CursorAction.MoveNext
            found = self.step(self.currentIndex(), forward)
            if found.isValid():
                return found
        return super().moveCursor(action, modifiers)

    def _at_edge(self, forward: bool) -> bool:
        """True when Tab (Shift+Tab) from the current cell would wrap round the table."""
        cur = self.currentIndex()
        if not cur.isValid():
            return True
        return not self.step(cur, forward, wrap=False).isValid()

    def leave(self, forward: bool) -> bool:
        """Give the focus to the widget after (before) the table in the tab chain."""
        return QWidget.focusNextPrevChild(self, forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Tabbing into a table starts at its first cell, Shift+Tab at its last."""
        model = self.model()
        reason = event.reason()
        if (self.tabKeyNavigation() and model is not None and model.rowCount() > 0
                and reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)):
            forward = reason == Qt.FocusReason.TabFocusReason
            idx = self.step(QModelIndex(), forward, wrap=False)
            if idx.isValid():
                self.setCurrentIndex(idx)
        super().focusInEvent(event)
        self.reveal_later(self.currentIndex())

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab on a cell (or in a paragraph editor, which passes Tab on to here)."""
        if self.tabKeyNavigation() and self._at_edge(next):
            self._close_open_editor()
            return self.leave(next)
        return super().focusNextPrevChild(next)

    def open_editor(self) -> QWidget | None:
        """The cell editor open now (it or a child has the focus), or None."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.viewport():
            editor = editor.parentWidget()
        return editor

    def _close_open_editor(self) -> None:
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def closeEditor(self, editor: QWidget,
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab in a cell editor: the next cell, or out of the table after the last one."""
        forward = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        if (forward or hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem) \
                and self._at_edge(forward):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.leave(forward)
            return
        super().closeEditor(editor, hint)

    # --- the current cell stays in view ----------------------------------------------------
    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.isValid():
            self.reveal_later(current)

    def reveal_later(self, index: Index) -> None:
        """Scroll ``index`` into view once the rows are measured (this event-loop turn)."""
        if not index.isValid():
            return
        keep = QPersistentModelIndex(index)
        QTimer.singleShot(0, self, lambda: self.reveal(keep))

    def reveal(self, index: Index) -> None:
        """``index`` in view: in the table, and in the page's scroll area around the table."""
        if not index.isValid() or not self.isVisible():
            return
        self.updateGeometries()  # the scroll range after rows re-measured since
        self.scrollTo(index)
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        content = area.widget() if area is not None else None
        if area is None or content is None or not content.isAncestorOf(self):
            return
        rect = self.visualRect(index).intersected(self.viewport().rect())
        if rect.isEmpty():
            return
        centre = self.viewport().mapTo(content, rect.center())
        area.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 4, rect.height() // 2 + 4)
