"""A QTableView whose rows grow to fit word-wrapped text, re-measured after resizes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


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
        except RuntimeError:  # deleted meanwhile
            pass

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()
