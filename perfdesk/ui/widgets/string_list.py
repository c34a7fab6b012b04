"""StringListEditor: an editable, numbered list of strings (duties, goals, paragraphs).

Add, remove, move up/down (buttons, the row keys and the row menu, as in every table);
pasting several lines (from Word or Excel) makes several items, with “1、” / “（二）”
numbering taken off. Every change is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
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
from perfdesk.ui.widgets.edit_view import EditKeysView, editor_key
from perfdesk.ui.widgets.list_model import DocListModel, Index
from perfdesk.ui.widgets.row_actions import ProvisionalRow, RowOp, selected_rows

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked
                 | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)
NO_EDIT = QAbstractItemView.EditTrigger.NoEditTriggers


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
        flag = self.flagged(index, role)
        if flag is not None:
            return flag
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "直接输入即改写，F2 或双击在原文上修改；右键可插入、删除、移动；可一次粘贴多行"
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
    """Paragraph editors for a one-column list; Enter keeps the text and goes on."""

    def __init__(self, view: EditKeysView,
                 on_multiline: Callable[[int, str], None] | None = None) -> None:
        super().__init__(view)
        self.view = view
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
        load_paragraph(editor, index, replace=self.view.replacing)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, ParagraphEditor)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, ParagraphEditor) and editor_key(self, self.view, obj, event):
            return True
        return super().eventFilter(obj, event)


def load_paragraph(editor: ParagraphEditor, index: Index, *, replace: bool) -> None:
    """The cell's text, the cursor at its end (F2, double click); empty when a typed key
    opened the editor: the key replaces the content, as in Excel."""
    editor.setPlainText("" if replace else str(index.data(Qt.ItemDataRole.EditRole) or ""))
    editor.moveCursor(editor.textCursor().MoveOperation.End)


def tool_button(text: str, tip: str, slot: Callable[[], None], parent: QWidget) -> QToolButton:
    b = QToolButton(parent)
    b.setText(text)
    b.setToolTip(tip)
    b.setAutoRaise(False)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.clicked.connect(slot)
    return b


class StringListEditor(QWidget):
    """A numbered list over ``doc.get(path)`` (a list[str]), with the row keys and menu."""

    path: str  # the list field it edits (set_path keeps it and the objectName equal)

    edited = Signal()

    def __init__(self, doc: DocumentController, path: str, header: str, *,
                 min_rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        set_path(self, path)
        self.read_only = False
        self.model = StringListModel(doc, path, header)
        self.view = EditKeysView(self)
        self.view.on_paste = self.paste_clipboard
        self.view.on_delete = self.remove_current
        self.view.on_enter = self.enter_on_row
        self.view.row_editor = self
        self.view.setModel(self.model)
        self.view.setItemDelegate(ParagraphDelegate(self.view, self._paste_at))
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(EDIT_TRIGGERS)
        self.view.setTabKeyNavigation(False)
        self.provisional = ProvisionalRow(self.view, doc, self.items)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row_h = self.view.fontMetrics().lineSpacing() + 10
        self.view.setMinimumHeight(row_h * min_rows + 30)
        self.setFocusProxy(self.view)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.buttons: list[QToolButton] = []
        for text, tip, slot in (
            ("＋ 添加", "在当前行后添加一项（Insert 或 Ctrl+Enter）", self.add_item),
            ("删除", "删除选中的项（Ctrl+Delete，可撤销）", self.remove_current),
            ("上移", "上移当前项（Alt+↑）", lambda: self.move_current(-1)),
            ("下移", "下移当前项（Alt+↓）", lambda: self.move_current(1)),
            ("粘贴", "从剪贴板粘贴，多行成为多项（Ctrl+V）", self.paste_clipboard),
        ):
            self.buttons.append(tool_button(text, tip, slot, self))
            buttons.addWidget(self.buttons[-1])
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

    # --- the row keys and the row menu (RowEditor) ------------------------------------------
    def row_count(self) -> int:
        return self.model.rowCount()

    def is_read_only(self) -> bool:
        return self.read_only

    def set_read_only(self, read_only: bool) -> None:
        """Only looked at and copied from: no editing, no row changes."""
        self.read_only = read_only
        self.view.setEditTriggers(NO_EDIT if read_only else EDIT_TRIGGERS)
        for b in self.buttons:
            b.setEnabled(not read_only)

    def run_row_op(self, op: RowOp) -> None:
        if op == RowOp.COPY:
            self.copy_rows()
        elif self.read_only:
            return
        elif op == RowOp.PASTE:
            self.paste_clipboard()
        elif op == RowOp.REMOVE:
            self.remove_current()
        elif op in (RowOp.MOVE_UP, RowOp.MOVE_DOWN):
            self.move_current(-1 if op == RowOp.MOVE_UP else 1)
        else:
            row = self.current_row()
            if op == RowOp.INSERT_ABOVE:
                self.insert_row(max(row, 0))
            else:
                self.insert_row(row + 1 if row >= 0 else self.model.rowCount())

    def add_menu_actions(self, menu: QMenu) -> None:
        """No entries of its own."""

    # --- editing -----------------------------------------------------------------------
    def insert_row(self, row: int, *, provisional: bool = False) -> None:
        """A blank item at ``row``, its editor open."""
        self.doc.insert_item(self.path, row, "", "添加")
        if provisional:
            self.provisional.start(row)
        self.select_row(row)
        self.view.setFocus()
        self.view.edit(self.model.index(row, 0))

    def add_item(self, text: str = "", edit: bool = True) -> None:
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        if self.read_only:
            return
        if edit and not text:
            self.insert_row(row)
            return
        self.doc.insert_item(self.path, row, text)
        self.select_row(row)
        if edit:
            self.view.setFocus()
            self.view.edit(self.model.index(row, 0))

    def enter_on_row(self) -> None:
        """Enter: the next item; after the last, a new one (gone again if left empty)."""
        row = self.current_row()
        if row < 0 or row < self.model.rowCount() - 1:
            self.select_row(row + 1)
        elif self.provisional.is_current():
            self.provisional.drop()  # Enter on the empty new item: the list is done
            self.select_row(self.model.rowCount() - 1)
        elif not self.read_only:
            self.insert_row(self.model.rowCount(), provisional=True)

    def remove_current(self) -> None:
        """Remove the selected items (one undo step)."""
        if self.read_only:
            return
        rows = selected_rows(self.view)
        if not rows:
            return
        if len(rows) == 1:
            self.doc.remove_item(self.path, rows[0], "删除行")
        else:
            keep = [x for i, x in enumerate(self.items()) if i not in rows]
            self.doc.replace_list(self.path, keep, "删除行")
        self.select_row(min(rows[0], self.model.rowCount() - 1))

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        dst = row + delta
        if self.read_only or row < 0 or not 0 <= dst < self.model.rowCount():
            return
        self.doc.move_item(self.path, row, dst)
        self.select_row(dst)

    def copy_rows(self) -> None:
        """The selected items to the clipboard, one line each."""
        items = self.items()
        rows = [r for r in selected_rows(self.view) if r < len(items)]
        if rows:
            QGuiApplication.clipboard().setText("\n".join(items[r] for r in rows) + "\n")

    def paste_clipboard(self) -> None:
        if not self.read_only:
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
