"""A thin Qt table model over one list field of the report (napari-style adapter).

The list lives in the Report; the model reads it on demand and writes only through the
DocumentController. Document events become ``dataChanged`` (a value inside the list), the
exact row operations (``beginInsertRows``/``beginRemoveRows``/``beginMoveRows``: a row
added, removed or moved), or a model reset (rows pasted, a list above this one changed,
another report loaded).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal

from perfdesk.model.document import ListChanged, ListOp
from perfdesk.ui.document import DocumentController

Index = QModelIndex | QPersistentModelIndex


class DocListModel(QAbstractTableModel):
    """Rows = items of the list at ``list_path``. Subclasses provide columns and data."""

    error = Signal(str)  # a refused edit or paste, in Chinese
    # Columns computed from the whole report (建议得分 uses the budget figures too): they
    # are refreshed on every change; other cells only when their own row changes.
    computed_columns: tuple[int, ...] = ()

    def __init__(self, doc: DocumentController, list_path: str) -> None:
        super().__init__()
        self.doc = doc
        self.list_path = list_path
        self._row_re = re.compile(re.escape(list_path) + r"\[(\d+)\]")
        doc.changed.connect(self._on_changed)
        doc.structure_changed.connect(self._on_structure)
        doc.list_about_to_change.connect(self._before_rows)
        doc.list_changed.connect(self._after_rows)
        doc.reset.connect(self.refresh)

    # --- the list ----------------------------------------------------------------------
    def items(self) -> list[Any]:
        try:
            value = self.doc.get(self.list_path)
        except (IndexError, KeyError, AttributeError, ValueError):
            return []
        return value if isinstance(value, list) else []

    def set_list_path(self, list_path: str) -> None:
        self.beginResetModel()
        self.list_path = list_path
        self._row_re = re.compile(re.escape(list_path) + r"\[(\d+)\]")
        self.endResetModel()

    def item_path(self, row: int, field: str | None = None) -> str:
        base = f"{self.list_path}[{row}]"
        return f"{base}.{field}" if field else base

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    # --- document signals --------------------------------------------------------------
    def _on_changed(self, path: str) -> None:
        rows, cols = self.rowCount(), self.columnCount()
        if not rows:
            return
        m = self._row_re.match(path)
        if m:
            row = int(m.group(1))
            if row < rows:  # and the row below: grouped cells show or hide by their neighbour
                self.dataChanged.emit(self.index(row, 0), self.index(min(row + 1, rows - 1), cols - 1))
        elif self.list_path.startswith(path):  # the whole list was replaced
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
            return
        for col in self.computed_columns:
            self.dataChanged.emit(self.index(0, col), self.index(rows - 1, col))

    def _on_structure(self, path: str) -> None:
        lp = self.list_path
        if lp.startswith(path + "[") or lp.startswith(path + "."):
            self.refresh()  # a list above this one changed: the rows may be another item's

    # Rows of this very list: exact row operations, so selection and scroll survive an edit.
    def _before_rows(self, change: ListChanged) -> None:
        if change.path != self.list_path:
            return
        top = QModelIndex()
        if change.op == ListOp.INSERT:
            self.beginInsertRows(top, change.index, change.index)
        elif change.op == ListOp.REMOVE:
            self.beginRemoveRows(top, change.index, change.index)
        elif change.op == ListOp.MOVE and change.index != change.to:
            dest = change.to + 1 if change.to > change.index else change.to
            self.beginMoveRows(top, change.index, change.index, top, dest)
        else:
            self.beginResetModel()

    def _after_rows(self, change: ListChanged) -> None:
        if change.path != self.list_path:
            return
        if change.op == ListOp.INSERT:
            self.endInsertRows()
        elif change.op == ListOp.REMOVE:
            self.endRemoveRows()
        elif change.op == ListOp.MOVE and change.index != change.to:
            self.endMoveRows()
        else:
            self.endResetModel()
