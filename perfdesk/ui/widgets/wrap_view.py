"""A QTableView whose rows grow to fit word-wrapped text, re-measured after resizes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

MAX_HINT = 420


class WrapTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        vh.setMinimumSectionSize(26)
        vh.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 12)
        self._pending = False
        self._rows: set[int] | None = None  # rows to re-measure; None = all
        self.horizontalHeader().sectionResized.connect(self._on_column_resized)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for sig in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                        model.layoutChanged):
                sig.connect(self.fit_rows)
            model.dataChanged.connect(self._on_data_changed)
        self.fit_rows()

    def fit_rows(self, *_args: object) -> None:
        """Re-measure every row (soon: once for a burst of changes)."""
        self._rows = None
        self._schedule()

    def _on_column_resized(self, *_args: object) -> None:
        self.fit_rows()  # a column got wider or narrower: its text wraps to other heights

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: object) -> None:
        # Measuring rows is the slow part of a big table: only the rows that changed, and
        # not at all for computed columns (short numbers that never wrap).
        fixed = getattr(self.model(), "computed_columns", ())
        if all(c in fixed for c in range(top_left.column(), bottom_right.column() + 1)):
            return
        if self._rows is not None:
            self._rows.update(range(top_left.row(), bottom_right.row() + 1))
        self._schedule()

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._fit)

    def before_rows(self) -> None:
        """Hook: settle the column widths before the rows are measured."""

    def _fit(self) -> None:
        rows, self._rows, self._pending = self._rows, set(), False
        try:
            self.before_rows()
            if rows is None:
                self.resizeRowsToContents()
            else:
                count = self.model().rowCount() if self.model() is not None else 0
                for row in sorted(r for r in rows if r < count):
                    self.resizeRowToContents(row)
            self.updateGeometry()
        except RuntimeError:  # deleted meanwhile
            pass

    def sizeHint(self) -> QSize:
        """Tall enough for the rows (within limits), not Qt's fixed 192 px."""
        hint = super().sizeHint()
        rows = self.model().rowCount() if self.model() is not None else 0
        content = (self.horizontalHeader().height() + 2 * self.frameWidth() + 4
                   + sum(self.rowHeight(r) for r in range(rows)))
        return QSize(hint.width(), max(self.minimumHeight(), min(content, MAX_HINT)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()
