"""A QTableView whose rows grow to fit word-wrapped text, re-measured after resizes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

MAX_HINT = 420


class WrapTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        vh.setMinimumSectionSize(26)
        vh.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 12)
        self._pending = False

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for sig in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                        model.dataChanged, model.layoutChanged):
                sig.connect(self.fit_rows)
        self.fit_rows()

    def fit_rows(self, *_args: object) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        self._pending = False
        try:
            self.resizeRowsToContents()
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
