"""The row keys and the row menu that every table and list shares, as in Excel.

Insert or Ctrl+Enter adds a row below the current one, Ctrl+Shift+Enter above it,
Ctrl+Delete removes the selected rows, Ctrl+C / Ctrl+V copy and paste, Alt+↑ / Alt+↓ move
the current row; the Menu key, Shift+F10 or a right click open the same actions as a menu.
A widget that edits rows implements ``RowEditor``; ``row_op`` reads a key press and
``open_row_menu`` shows the menu at a cell (or at the current one, from the keyboard).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QWidget

from perfdesk.ui.document import DocumentController


class RowOp(StrEnum):
    INSERT_ABOVE = "insert_above"
    INSERT_BELOW = "insert_below"
    REMOVE = "remove"
    COPY = "copy"
    PASTE = "paste"
    MOVE_UP = "move_up"
    MOVE_DOWN = "move_down"


# (menu text with its access key, the keys shown beside it)
MENU_TEXT: dict[RowOp, tuple[str, str]] = {
    RowOp.INSERT_ABOVE: ("插入行（上方）(&A)", "Ctrl+Shift+Enter"),
    RowOp.INSERT_BELOW: ("插入行（下方）(&B)", "Insert / Ctrl+Enter"),
    RowOp.REMOVE: ("删除行(&D)", "Ctrl+Delete"),
    RowOp.COPY: ("复制(&C)", "Ctrl+C"),
    RowOp.PASTE: ("粘贴(&P)", "Ctrl+V"),
    RowOp.MOVE_UP: ("上移(&U)", "Alt+↑"),
    RowOp.MOVE_DOWN: ("下移(&N)", "Alt+↓"),
}
GROUPS = ((RowOp.INSERT_ABOVE, RowOp.INSERT_BELOW, RowOp.REMOVE), (RowOp.COPY, RowOp.PASTE),
          (RowOp.MOVE_UP, RowOp.MOVE_DOWN))
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CTRL, _SHIFT, _ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                       Qt.KeyboardModifier.AltModifier)


class RowEditor(Protocol):
    """What the row keys and the row menu work on (a table, a list)."""

    def row_count(self) -> int: ...

    def current_row(self) -> int: ...

    def is_read_only(self) -> bool: ...

    def run_row_op(self, op: RowOp) -> None: ...

    def add_menu_actions(self, menu: QMenu) -> None:
        """Entries of its own after the common ones (the indicator tables' 指标库)."""


def _mods(event: QKeyEvent) -> Qt.KeyboardModifier:
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


def row_op(event: QKeyEvent) -> RowOp | None:
    """The row operation a key press asks for, or None."""
    if event.matches(QKeySequence.StandardKey.Copy):
        return RowOp.COPY
    if event.matches(QKeySequence.StandardKey.Paste):
        return RowOp.PASTE
    key, mods = event.key(), _mods(event)
    if key == Qt.Key.Key_Insert and mods == Qt.KeyboardModifier.NoModifier:
        return RowOp.INSERT_BELOW
    if key in _ENTER and mods == _CTRL:
        return RowOp.INSERT_BELOW
    if key in _ENTER and mods == _CTRL | _SHIFT:
        return RowOp.INSERT_ABOVE
    if key == Qt.Key.Key_Delete and mods == _CTRL:
        return RowOp.REMOVE
    if key == Qt.Key.Key_Up and mods == _ALT:
        return RowOp.MOVE_UP
    if key == Qt.Key.Key_Down and mods == _ALT:
        return RowOp.MOVE_DOWN
    return None


def is_menu_key(event: QKeyEvent) -> bool:
    """The keyboard's Menu key, or Shift+F10."""
    mods = _mods(event)
    return ((event.key() == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier)
            or (event.key() == Qt.Key.Key_F10 and mods == _SHIFT))


def row_key_action(editor: RowEditor | None, view: QAbstractItemView,
                   event: QKeyEvent) -> Callable[[], object] | None:
    """What a key press on ``view`` does to ``editor``'s rows (the menu key: the menu)."""
    if editor is None:
        return None
    if is_menu_key(event):
        return lambda: open_row_menu(editor, view)
    op = row_op(event)
    if op is not None:
        return _runner(editor, op)
    return None


def enabled_ops(editor: RowEditor) -> set[RowOp]:
    """The operations that apply now: nothing that changes a read-only table, no 上移 on
    the first row, no 下移 on the last, nothing on a row when there is none."""
    rows, cur = editor.row_count(), editor.current_row()
    has_row = 0 <= cur < rows
    ops = {RowOp.COPY} if has_row else set()
    if editor.is_read_only():
        return ops
    ops |= {RowOp.INSERT_ABOVE, RowOp.INSERT_BELOW}
    if has_row:
        ops.add(RowOp.REMOVE)
    if QGuiApplication.clipboard().text().strip():
        ops.add(RowOp.PASTE)
    if has_row and cur > 0:
        ops.add(RowOp.MOVE_UP)
    if has_row and cur < rows - 1:
        ops.add(RowOp.MOVE_DOWN)
    return ops


def menu_action(menu: QMenu, text: str, keys: str, slot: Callable[[], object],
                enabled: bool = True, name: str = "") -> QAction:
    """An entry of a row menu: its text, the keys that do the same shown on the right."""
    action = QAction(f"{text}\t{keys}" if keys else text, menu)
    action.setObjectName(name)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def row_menu(editor: RowEditor, parent: QWidget) -> QMenu:
    """The row menu for ``editor``'s current row (entries that do not apply are greyed)."""
    menu = QMenu(parent)
    menu.setObjectName("rowMenu")
    enabled = enabled_ops(editor)
    for group in GROUPS:
        if menu.actions():
            menu.addSeparator()
        for op in group:
            text, keys = MENU_TEXT[op]
            menu_action(menu, text, keys, _runner(editor, op), op in enabled, f"row-{op}")
    editor.add_menu_actions(menu)
    return menu


def _runner(editor: RowEditor, op: RowOp) -> Callable[[], None]:
    return lambda: editor.run_row_op(op)


def open_row_menu(editor: RowEditor, view: QAbstractItemView, pos: QPoint | None = None) -> QMenu:
    """Show the row menu at ``pos`` (viewport coordinates: a right click, which first makes
    the cell under it current unless it is selected already) or, from the keyboard, at the
    current cell. Returns the menu (it deletes itself once closed)."""
    if pos is not None:
        idx = view.indexAt(pos)
        if idx.isValid() and not view.selectionModel().isSelected(idx):
            view.setCurrentIndex(idx)
    else:
        cur = view.currentIndex()
        if cur.isValid():
            view.scrollTo(cur)
        rect = view.visualRect(cur) if cur.isValid() else view.viewport().rect()
        pos = QPoint(rect.left() + min(rect.width() // 2, 40), rect.top() + rect.height() // 2)
    menu = row_menu(editor, view)
    menu.aboutToHide.connect(menu.deleteLater)
    menu.popup(view.viewport().mapToGlobal(pos))
    return menu


_copied: tuple[str, list[Any]] = ("", [])  # the clipboard text, and the items it stands for


def copy_items(items: list[Any], text: str) -> None:
    """Put ``text`` on the clipboard and keep copies of ``items``: pasted back while the
    clipboard still holds that text, they come back whole (a project with its figures)."""
    global _copied
    _copied = (text, copy.deepcopy(items))
    QGuiApplication.clipboard().setText(text)


def pasted_items(kind: type) -> list[Any] | None:
    """Fresh copies of the items copied last, if the clipboard still holds their text and
    they are of ``kind``; otherwise None (the clipboard has something else)."""
    text, items = _copied
    if not items or QGuiApplication.clipboard().text() != text:
        return None
    if not all(isinstance(i, kind) for i in items):
        return None
    return copy.deepcopy(items)


def selected_rows(view: QAbstractItemView) -> list[int]:
    """The rows with a selected cell, or the current row; sorted."""
    rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
    cur: QModelIndex = view.currentIndex()
    if not rows and cur.isValid():
        rows = [cur.row()]
    return rows


class ProvisionalRow(QObject):
    """The row that Enter after the last row added: it goes again (its 添加行 step undone,
    so no trace is left) when the user leaves it, or presses Enter on it, without having
    typed anything into it — as an empty row below the data in Excel is no row at all."""

    def __init__(self, view: QAbstractItemView, doc: DocumentController,
                 items: Callable[[], list[Any]]) -> None:
        super().__init__(view)
        self.view, self.doc, self.items = view, doc, items
        self.row = -1
        self._snapshot: Any = None
        self._step = -1
        view.selectionModel().currentRowChanged.connect(self._check_later)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._check_later)

    def start(self, row: int) -> None:
        """``row`` was just added by Enter (its undo step is the last one)."""
        self.row, self._step = row, self.doc.undo_stack.index()
        self._snapshot = copy.deepcopy(self.items()[row])

    def untouched(self) -> bool:
        items = self.items()
        return (0 <= self.row == len(items) - 1 and self.doc.undo_stack.index() == self._step
                and items[self.row] == self._snapshot)

    def is_current(self) -> bool:
        """The user is on the provisional row and has typed nothing into it."""
        return self.untouched() and self.view.currentIndex().row() == self.row

    def _check_later(self, *_args: object) -> None:
        if self.row >= 0:
            QTimer.singleShot(0, self, self.check)

    def check(self) -> None:
        if self.row < 0:
            return
        if not self.untouched():
            self.row = -1  # typed into, undone or replaced: an ordinary row now
            return
        if QApplication.activePopupWidget() is not None:
            return  # its row menu, say: decide once that closes
        focus = QApplication.focusWidget()
        inside = focus is not None and (focus is self.view or self.view.isAncestorOf(focus))
        if not (inside and self.view.currentIndex().row() == self.row):
            self.drop()

    def drop(self) -> bool:
        """Take the row back if it is still untouched; whether it was."""
        keep = not self.untouched()
        self.row = -1
        if keep:
            return False
        self.doc.undo_stack.undo()
        return True
