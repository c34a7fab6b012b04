"""AmountsGrid: budget lines × the columns 上年决算 / 年初预算 / 全年预算 / 决算.

Typed cells are MoneyEdits named by their field path ("basic.personnel.actual"); computed
rows and cells are grey, read-only, with the tooltip “自动计算”; an optional rate column
(执行率 or 控制率) is computed per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from perfdesk.model import figures
from perfdesk.model.money import fmt_money, fmt_percent
from perfdesk.model.report import Amounts, Report
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.fields import ComputedField, MoneyEdit

Rate = tuple[str, Callable[[Amounts], Decimal | None], str]  # header, fn, tooltip

EXEC_RATE: Rate = ("执行率", figures.execution_rate, "决算 ÷ 全年预算")
CONTROL_RATE: Rate = ("控制率", figures.control_rate, "决算 ÷ 年初（本年）预算")


@dataclass(frozen=True)
class AmountRow:
    label: str
    path: str | None = None  # the Amounts field, e.g. "basic.personnel"
    compute: Callable[[Report], Amounts] | None = None  # a computed line
    columns: tuple[str, ...] | None = None  # typed columns (default: all of the grid's)
    indent: int = 0
    tip: str = ""  # explains a computed line


class AmountsGrid(QWidget):
    def __init__(self, doc: DocumentController, rows: Sequence[AmountRow], *,
                 columns: Sequence[str] = figures.COLUMNS,
                 headers: dict[str, str] | None = None, rate: Rate | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.rows = list(rows)
        self.columns = list(columns)
        self.fields: list[QLineEdit] = []  # row-major, for the page's binder and tab order
        self.edits: dict[str, MoneyEdit] = {}
        self._paths: dict[str, str] = {}  # original row path -> rebased path
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        labels = {**figures.COLUMN_LABELS, **(headers or {})}
        for c, col in enumerate(self.columns, start=1):
            grid.addWidget(self._header(labels[col]), 0, c)
        if rate is not None:
            grid.addWidget(self._header(rate[0]), 0, len(self.columns) + 1)
        grid.addWidget(self._header("（万元）", left=True), 0, 0)
        for r, row in enumerate(self.rows, start=1):
            label = QLabel(("　" * row.indent) + row.label, self)
            if row.compute is not None:
                label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, r, 0)
            for c, col in enumerate(self.columns, start=1):
                w = self._cell(row, col)
                if w is not None:
                    grid.addWidget(w, r, c)
            if rate is not None:
                w = self._rate_cell(row, rate)
                self.fields.append(w)
                grid.addWidget(w, r, len(self.columns) + 1)
        grid.setColumnStretch(0, 0)
        for c in range(1, len(self.columns) + 2):
            grid.setColumnStretch(c, 1)

    def _header(self, text: str, left: bool = False) -> QLabel:
        h = QLabel(text, self)
        h.setStyleSheet("color: #4a5361;")
        h.setAlignment((Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight)
                       | Qt.AlignmentFlag.AlignVCenter)
        return h

    def _amounts(self, row: AmountRow) -> Callable[[Report], Amounts]:
        if row.compute is not None:
            return row.compute
        path = row.path or ""

        def get(report: Report) -> Amounts:
            return self.doc.get(self._paths.get(path, path))
        return get

    def _cell(self, row: AmountRow, col: str) -> QLineEdit | None:
        typed = row.columns if row.columns is not None else tuple(self.columns)
        if row.compute is None and col not in typed:
            return None
        if row.compute is None:
            edit = MoneyEdit(self.doc, f"{row.path}.{col}", self)
            self.edits[f"{row.path}.{col}"] = edit
            self.fields.append(edit)
            return edit
        fn = row.compute
        w = ComputedField(self.doc, f"calc.{_slug(row.label)}.{col}",
                          lambda rep: fmt_money(getattr(fn(rep), col)), row.tip, self)
        self.fields.append(w)
        return w

    def _rate_cell(self, row: AmountRow, rate: Rate) -> ComputedField:
        amounts = self._amounts(row)
        name = f"calc.{_slug(row.label)}.{_slug(rate[0])}"
        return ComputedField(self.doc, name, lambda rep: fmt_percent(rate[1](amounts(rep))),
                             rate[2], self)

    def rebase(self, old: str, new: str) -> None:
        """Point every typed cell whose path starts with ``old`` at ``new`` instead
        (the project page shows one project at a time)."""
        self._paths = {}
        for row in self.rows:
            if row.path and row.path.startswith(old):
                self._paths[row.path] = new + row.path[len(old):]
        for key, edit in self.edits.items():
            if key.startswith(old):
                edit.rebind(new + key[len(old):])
        for w in self.fields:
            if isinstance(w, ComputedField):
                w.load()


def _slug(label: str) -> str:
    return "".join(ch for ch in label if ch not in "：:（）() 、，,").strip()
