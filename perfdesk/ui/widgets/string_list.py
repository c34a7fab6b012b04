"""StringListEditor: an editable, numbered list of strings (duties, goals, paragraphs).

Add, remove, move up/down; pasting several lines (from Word or Excel) makes several items,
with “1、” / “（二）” numbering taken off. Every change is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.io.tsv import split_lines
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.binding import flash, set_path
from perfdesk.ui.widgets.list_model import DocListModel, Index
from perfdesk.ui.widgets.wrap_view import WrapTableView


class StringListModel(DocListModel):
    def __init__(self, doc: DocumentController, list_path: str, header: str) -> None:
        super().__init__(doc, list_path)
        self.header = header

    def columnCount(self, parent: Index | None = None) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self.items()
        if not index.isValid() or index.row() >= len(items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "双击或按 F2 修改；可一次粘贴多行"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = " ".join(str(value).split("\n")).strip()
        self.doc.set_value(self.item_path(index.row()), text)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header if orientation == Qt.Orientation.Horizontal else str(section + 1)


class ParagraphEditor(QPlainTextEdit):
    """In-cell editor: wraps long text; Enter finishes; a multi-line paste is split."""

    def __init__(self, parent: QWidget, on_multiline: Callable[[str], None] | None) -> None:
        super().__init__(parent)
        self.on_multiline = on_multiline
        self.setTabChangesFocus(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text()
        if self.on_multiline is not None and len(split_lines(text)) > 1:
            cb = self.on_multiline
            QTimer.singleShot(0, lambda: cb(text))  # after the editor's own event
            return
        self.insertPlainText(" ".join(text.splitlines()))


class ParagraphDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject,
                 on_multiline: Callable[[int, str], None] | None = None) -> None:
        super().__init__(parent)
        self.on_multiline = on_multiline

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        row = index.row()
        cb = None
        if self.on_multiline is not None:
            cb = self._multiline_callback(row)
        editor = ParagraphEditor(parent, cb)
        editor.installEventFilter(self)
        return editor

    def _multiline_callback(self, row: int) -> Callable[[str], None]:
        def cb(text: str) -> None:
            if self.on_multiline is not None:
                self.on_multiline(row, text)
        return cb

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, ParagraphEditor)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, ParagraphEditor)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (isinstance(obj, ParagraphEditor) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(obj, event)


def edit_key(event: QKeyEvent) -> str:
    """'paste' for the platform's paste keys (Ctrl+V, Shift+Insert), 'delete' for Delete."""
    if event.matches(QKeySequence.StandardKey.Paste):
        return "paste"
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
        return "delete"
    return ""


class EditKeysView(WrapTableView):
    """A table view that takes Ctrl+V and Delete itself, only while it has the focus.

    Not QShortcuts: those live in the window's shortcut map, where several tables on one
    page compete for the same key (Qt then fires none, or the wrong one). A key press goes
    to the focused widget only. Accepting the ShortcutOverride keeps any window-wide
    shortcut for the same key from taking it first; a cell editor that is open has the
    focus itself, so its own paste and delete are untouched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_paste: Callable[[], object] | None = None
        self.on_delete: Callable[[], object] | None = None

    def _handler(self, event: QKeyEvent) -> Callable[[], object] | None:
        key = edit_key(event)
        return self.on_paste if key == "paste" else self.on_delete if key == "delete" else None

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
        super().keyPressEvent(event)

    # --- Tab: from cell to cell, then out of the table --------------------------------------
    def _at_edge(self, forward: bool) -> bool:
        """True when Tab (Shift+Tab) from the current cell would wrap round the table."""
        cur = self.currentIndex()
        if not cur.isValid():
            return True
        action = (QAbstractItemView.CursorAction.MoveNext if forward
                  else QAbstractItemView.CursorAction.MovePrevious)
        nxt = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if not nxt.isValid():
            return True
        here, there = (cur.row(), cur.column()), (nxt.row(), nxt.column())
        return there <= here if forward else there >= here

    def leave(self, forward: bool) -> bool:
        """Give the focus to the widget after (before) the table in the tab chain."""
        return QWidget.focusNextPrevChild(self, forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Tabbing into a table starts at its first cell, Shift+Tab at its last."""
        model = self.model()
        reason = event.reason()
        if (self.tabKeyNavigation() and model is not None and model.rowCount() > 0
                and reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)):
            cols = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
            if cols:
                forward = reason == Qt.FocusReason.TabFocusReason
                idx = (model.index(0, cols[0]) if forward
                       else model.index(model.rowCount() - 1, cols[-1]))
                self.setCurrentIndex(idx)
                self.scrollTo(idx)
        super().focusInEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab on a cell (or in a paragraph editor, which passes Tab on to here)."""
        if self.tabKeyNavigation() and self._at_edge(next):
            self._close_open_editor()
            return self.leave(next)
        return super().focusNextPrevChild(next)

    def _close_open_editor(self) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.viewport():
            editor = editor.parentWidget()
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


def tool_button(text: str, tip: str, slot: Callable[[], None], parent: QWidget) -> QToolButton:
    b = QToolButton(parent)
    b.setText(text)
    b.setToolTip(tip)
    b.setAutoRaise(False)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.clicked.connect(slot)
    return b


class StringListEditor(QWidget):
    """A numbered list over ``doc.get(path)`` (a list[str])."""

    path: str  # the list field it edits (set_path keeps it and the objectName equal)

    edited = Signal()

    def __init__(self, doc: DocumentController, path: str, header: str, *,
                 min_rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        set_path(self, path)
        self.model = StringListModel(doc, path, header)
        self.view = EditKeysView(self)
        self.view.on_paste = self.paste_clipboard
        self.view.on_delete = self.remove_current
        self.view.setModel(self.model)
        self.view.setItemDelegate(ParagraphDelegate(self.view, self._paste_at))
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setTabKeyNavigation(False)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row_h = self.view.fontMetrics().lineSpacing() + 10
        self.view.setMinimumHeight(row_h * min_rows + 30)
        self.setFocusProxy(self.view)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for text, tip, slot in (
            ("＋ 添加", "在当前行后添加一项", self.add_item),
            ("删除", "删除当前项（可撤销）", self.remove_current),
            ("上移", "上移当前项", lambda: self.move_current(-1)),
            ("下移", "下移当前项", lambda: self.move_current(1)),
            ("粘贴", "从剪贴板粘贴，多行成为多项", self.paste_clipboard),
        ):
            buttons.addWidget(tool_button(text, tip, slot, self))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    # --- binding -----------------------------------------------------------------------
    def rebind(self, path: str) -> None:
        set_path(self, path)
        self.model.set_list_path(path)

    def items(self) -> list[str]:
        return list(self.model.items())

    def current_row(self) -> int:
        idx = self.view.currentIndex()
        return idx.row() if idx.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            idx = self.model.index(row, 0)
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)

    # --- editing -----------------------------------------------------------------------
    def add_item(self, text: str = "", edit: bool = True) -> None:
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self.doc.insert_item(self.path, row, text)
        self.select_row(row)
        if edit:
            self.view.setFocus()
            self.view.edit(self.model.index(row, 0))

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.doc.remove_item(self.path, row)
        self.select_row(min(row, self.model.rowCount() - 1))

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        dst = row + delta
        if row < 0 or not 0 <= dst < self.model.rowCount():
            return
        self.doc.move_item(self.path, row, dst)
        self.select_row(dst)

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> int:
        """Insert the pasted lines after the current item (one undo step); returns how many."""
        lines = split_lines(text)
        if not lines:
            return 0
        items = self.items()
        at = self.current_row() + 1 if self.current_row() >= 0 else len(items)
        self.doc.replace_list(self.path, items[:at] + lines + items[at:], "粘贴")
        self.select_row(at + len(lines) - 1)
        return len(lines)

    def _paste_at(self, row: int, text: str) -> None:
        """A multi-line paste inside a cell: the lines replace that item (if empty) or follow it."""
        lines = split_lines(text)
        self.view.setFocus()
        items = self.items()
        if row < len(items) and not items[row].strip():
            new = items[:row] + lines + items[row + 1:]
        else:
            new = items[: row + 1] + lines + items[row + 1:]
        self.doc.replace_list(self.path, new, "粘贴")

    # --- navigation --------------------------------------------------------------------
    def focus_item(self, rest: str) -> QWidget | None:
        row = 0
        if rest.startswith("["):
            try:
                row = int(rest[1:rest.index("]")])
            except ValueError:
                row = 0
        self.view.setFocus()
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))
            flash(self.view.viewport(), self.view.visualRect(self.view.currentIndex()))
        else:
            flash(self.view.viewport())
        return self.view
