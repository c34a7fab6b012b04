"""RecordTable: a spreadsheet-like editor over a list of records.

Enter moves to the next cell (then the next row; after the last cell, to a new row),
typing on a cell replaces it, Ctrl+V pastes a block copied from Excel at the current cell
(one undo step, refused as a whole if a cell cannot be read), Ctrl+C copies the selected
cells, Delete clears them; the row keys, the row menu and the buttons add, remove and move
rows (``edit_view``, ``row_actions``); columns are sized to their content (``column_fit``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.io.tsv import parse_tsv, to_tsv
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.binding import flash, set_path
from perfdesk.ui.widgets.column_fit import ColumnFitter
from perfdesk.ui.widgets.edit_view import EditKeysView, editor_key
from perfdesk.ui.widgets.list_model import Index
from perfdesk.ui.widgets.record_model import Column, RecordTableModel
from perfdesk.ui.widgets.row_actions import ProvisionalRow, RowOp, selected_rows
from perfdesk.ui.widgets.string_list import (
    EDIT_TRIGGERS,
    NO_EDIT,
    ParagraphEditor,
    load_paragraph,
    tool_button,
)


class CellDelegate(QStyledItemDelegate):
    """Combo boxes for choice columns; Enter in an editor commits and moves on."""

    def __init__(self, view: RecordView) -> None:
        super().__init__(view)
        self.view = view

    def _column(self, index: Index) -> Column:
        model = index.model()
        assert isinstance(model, RecordTableModel)
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = self._column(index)
        if col.kind == "choice":
            model = index.model()
            assert isinstance(model, RecordTableModel)
            item = model.items()[index.row()]
            combo = QComboBox(parent)
            for stored, label in col.options(item):
                combo.addItem(label, stored)
            current = getattr(item, col.field or "")
            if combo.findData(current) < 0 and current:
                combo.addItem(str(current), current)
            combo.activated.connect(lambda _i: self._commit_combo(combo))
            return combo
        if col.kind == "para":
            editor = ParagraphEditor(parent, None)
            editor.installEventFilter(self)
            return editor
        return super().createEditor(parent, option, index)

    def _commit_combo(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        if isinstance(editor, ParagraphEditor):
            load_paragraph(editor, index, replace=self.view.replacing)
            return
        super().setEditorData(editor, index)
        if self.view.replacing and isinstance(editor, QLineEdit):
            editor.clear()  # the typed key replaces the content

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, ParagraphEditor):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, QWidget) and editor_key(self, self.view, obj, event):
            return True
        return super().eventFilter(obj, event)


class RecordView(EditKeysView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.horizontalHeader().setHighlightSections(False)
        self.columns = ColumnFitter(self)

    def record_model(self) -> RecordTableModel:
        model = self.model()
        assert isinstance(model, RecordTableModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.columns.watch(model)

    def before_rows(self) -> None:
        if self.columns.pending:
            self.columns.fit()

    def next_cell(self) -> QModelIndex:
        """The editable cell after the current one, in reading order (invalid after the last)."""
        idx = self.currentIndex()
        return self.step(idx if idx.isValid() else QModelIndex(), True, wrap=False)

    def move_next(self) -> None:
        """Enter: the next editable cell to the right, then on the next row."""
        new = self.next_cell()
        if new.isValid():
            self.setCurrentIndex(new)
            self.scrollTo(new)


class RecordTable(QWidget):
    """A RecordView with its buttons and a message line; objectName = the list path."""

    path: str  # the list field it edits (set_path keeps it and the objectName equal)

    def __init__(self, doc: DocumentController, path: str, columns: Sequence[Column],
                 factory: Callable[[], Any], *, model: RecordTableModel | None = None,
                 min_rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        set_path(self, path)
        self.read_only = False
        self.model = model if model is not None else RecordTableModel(doc, path, columns, factory)
        self.view = RecordView(self)
        self.view.setModel(self.model)
        self.view.row_editor = self
        self.view.on_enter = self.enter_on_cell
        self.provisional = ProvisionalRow(self.view, doc, self.model.items)
        self.setFocusProxy(self.view)
        row_h = self.view.fontMetrics().lineSpacing() + 12
        self.view.setMinimumHeight(row_h * (min_rows + 1) + 8)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.model.error.connect(self.show_message)
        doc.reset.connect(self._forget_message)  # another report: the old refusal is not its own

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(4)
        for text, tip, slot in (
            ("＋ 添加行", "在当前行后添加一行（Insert 或 Ctrl+Enter）", self.add_row),
            ("删除行", "删除选中的行（Ctrl+Delete，可撤销）", self.remove_rows),
            ("上移", "上移当前行（Alt+↑）", lambda: self.move_current(-1)),
            ("下移", "下移当前行（Alt+↓）", lambda: self.move_current(1)),
            ("从 Excel 粘贴", "把在 Excel 中复制的区域粘贴到当前单元格起（Ctrl+V）",
             self.paste_clipboard),
        ):
            self.buttons.addWidget(tool_button(text, tip, slot, self))
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        self.view.on_paste = self.paste_clipboard  # Ctrl+V / Delete while the view has focus
        self.view.on_delete = self.clear_selection

    def add_button(self, button: QToolButton) -> None:
        self.buttons.insertWidget(self.buttons.count() - 1, button)

    def show_message(self, text: str, *, error: bool = True) -> None:
        """A line under the table: a refused edit (red) or the outcome of an action."""
        self.message.setStyleSheet("color: #b42318;" if error else "color: #1f3a5f;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _forget_message(self) -> None:
        self.show_message("")

    def rebind(self, path: str) -> None:
        set_path(self, path)
        self.model.set_list_path(path)
        self.show_message("")

    # --- the row keys and the row menu (RowEditor) ------------------------------------------
    def row_count(self) -> int:
        return self.model.rowCount()

    def current_row(self) -> int:
        idx = self.view.currentIndex()
        return idx.row() if idx.isValid() else -1

    def is_read_only(self) -> bool:
        return self.read_only

    def set_read_only(self, read_only: bool) -> None:
        """Only looked at and copied from: no editing, no row changes."""
        self.read_only = read_only
        self.view.setEditTriggers(NO_EDIT if read_only else EDIT_TRIGGERS)
        for i in range(self.buttons.count()):
            item = self.buttons.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(not read_only)

    def run_row_op(self, op: RowOp) -> None:
        if op == RowOp.COPY:
            self.copy_selection()
        elif self.read_only:
            return
        elif op == RowOp.PASTE:
            self.paste_clipboard()
        elif op == RowOp.REMOVE:
            self.remove_rows()
        elif op in (RowOp.MOVE_UP, RowOp.MOVE_DOWN):
            self.move_current(-1 if op == RowOp.MOVE_UP else 1)
        else:
            row = self.current_row()
            if op == RowOp.INSERT_ABOVE:
                self.insert_row(max(row, 0))
            else:
                self.insert_row(row + 1 if row >= 0 else self.model.rowCount())

    def add_menu_actions(self, menu: QMenu) -> None:
        """No entries of its own (the indicator tables add theirs)."""

    # --- rows ----------------------------------------------------------------------------
    def select_cell(self, row: int, col: int) -> QModelIndex:
        idx = self.model.index(row, max(col, 0))
        if idx.isValid():
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
        return idx

    def new_record(self, at: int) -> Any:
        """The blank record that an inserted row at ``at`` starts as."""
        return self.model.factory()

    def typing_column(self, row: int) -> int:
        """Where typing starts in a new row: its first editable cell."""
        cols = range(self.model.columnCount())
        return next((c for c in cols if self.view.editable_at(row, c)), 0)

    def insert_row(self, at: int, *, provisional: bool = False) -> None:
        """A new row at ``at`` (one undo step), its first cell open for typing."""
        self.doc.insert_item(self.path, at, self.new_record(at), "添加行")
        if provisional:
            self.provisional.start(at)
        idx = self.select_cell(at, self.typing_column(at))
        self.view.setFocus()
        if idx.isValid():
            self.view.edit(idx)

    def insert_records(self, records: list[Any], at: int | None = None) -> None:
        items = list(self.model.items())
        if at is None:
            at = self.current_row() + 1 if self.current_row() >= 0 else len(items)
        if len(records) == 1:  # a row operation: the other rows keep selection and scroll
            self.doc.insert_item(self.path, at, records[0], "添加行")
        else:
            self.doc.replace_list(self.path, items[:at] + records + items[at:], "添加")
        self.select_cell(at, self.typing_column(at))

    def add_row(self) -> None:
        if self.read_only:
            return
        row = self.current_row()
        self.insert_row(row + 1 if row >= 0 else self.model.rowCount())

    def enter_on_cell(self) -> None:
        """Enter: the next editable cell; after the last one, a new row (gone again if
        left empty)."""
        if self.view.next_cell().isValid():
            self.view.move_next()
        elif self.provisional.is_current():
            self.provisional.drop()  # Enter through the empty new row: the table is done
            last = self.model.rowCount() - 1
            self.select_cell(last, self.typing_column(last))
        elif not self.read_only:
            self.insert_row(self.model.rowCount(), provisional=True)

    def remove_rows(self) -> None:
        """Remove the rows with a selected cell, or the current row (one undo step)."""
        if self.read_only:
            return
        rows = selected_rows(self.view)
        if not rows:
            return
        col = self.view.currentIndex().column()
        items = [x for i, x in enumerate(self.model.items()) if i not in rows]
        if len(rows) == 1:
            self.doc.remove_item(self.path, rows[0], "删除行")
        else:
            self.doc.replace_list(self.path, items, "删除行")
        if items:
            self.select_cell(min(rows[0], len(items) - 1), col)

    def move_current(self, delta: int) -> None:
        row, dst = self.current_row(), self.current_row() + delta
        if self.read_only or row < 0 or not 0 <= dst < self.model.rowCount():
            return
        col = self.view.currentIndex().column()
        self.doc.move_item(self.path, row, dst)
        self.select_cell(dst, col)

    def clear_selection(self) -> None:
        if not self.read_only:
            self.model.clear_cells(self.view.selectionModel().selectedIndexes())

    def copy_selection(self) -> None:
        """The selected cells to the clipboard as Excel takes them (tab-separated rows);
        computed columns are left out, so the block pastes back where it came from."""
        block = self.model.copy_block(self.view.selectionModel().selectedIndexes()
                                      or [self.view.currentIndex()])
        if block:
            QGuiApplication.clipboard().setText(to_tsv(block))

    # --- paste -----------------------------------------------------------------------------
    def paste_clipboard(self) -> None:
        if not self.read_only:
            self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste Excel text at the current cell (row 0 / first column when none)."""
        idx = self.view.currentIndex()
        row = idx.row() if idx.isValid() else self.model.rowCount()
        col = idx.column() if idx.isValid() else 0
        error = self.model.paste_block(parse_tsv(text), row, col)
        if error:
            self.show_message(error)
            flash(self.message)
            return False
        self.show_message(self.model.paste_note, error=False)  # e.g. columns left out
        if self.model.paste_note:
            flash(self.message)
        self.select_cell(min(row, self.model.rowCount() - 1), col)
        return True

    # --- navigation ------------------------------------------------------------------------
    def focus_item(self, rest: str) -> QWidget | None:
        """``rest`` like '[3].score': select that row and column, focus and flash it."""
        row, col = 0, self.model.pasteable()[0]
        if rest.startswith("["):
            try:
                row = int(rest[1:rest.index("]")])
            except ValueError:
                row = 0
            field = rest[rest.index("]") + 1:].lstrip(".").split(".")[0].split("[")[0]
            if field and self.model.column_of(field) >= 0:
                col = self.model.column_of(field)
        self.view.setFocus()
        if self.model.rowCount():
            idx = self.select_cell(min(row, self.model.rowCount() - 1), col)
            flash(self.view.viewport(), self.view.visualRect(idx))
        else:
            flash(self.view.viewport())
        return self.view
