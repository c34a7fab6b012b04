"""The reviewer window's table: one row per unit (and per unit not received), sortable by
the figures themselves and filtered by the presets a reviewer asks for."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from perfdesk.io.units_list import ListedUnit
from perfdesk.model.numbers import fmt_money, fmt_percent
from perfdesk.review.results import UnitResult

COLUMNS = ("单位", "主管部门", "年度", "全年预算", "全年执行数", "执行率", "执行率得分", "指标得分",
           "总分（自填/复核）", "等级", "错误", "警告", "结论", "轮次", "文件")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NOT_RECEIVED = "未报送"

# (label, test) presets of the filter box
FILTERS = ("全部单位", "只看有错误的", "执行率低于90%", "未报送", "未下结论", "退回修改", "待定",
           "通过", "重新报送")
_LOW = Decimal("0.9")
Index = QModelIndex | QPersistentModelIndex


@dataclass
class Row:
    unit: UnitResult | None  # None: a listed unit that sent nothing
    listed: ListedUnit | None
    verdict: str = ""  # 通过 / 退回修改 / 待定 / ''
    round: int = 0

    @property
    def name(self) -> str:
        if self.unit is not None:
            return self.unit.name or self.unit.key
        return self.listed.name if self.listed else ""


def _score(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class UnitsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def refresh(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def _values(self, r: Row) -> list[tuple[str, Any]]:
        """(text, sort key) per column."""
        u = r.unit
        if u is None:
            listed = r.listed
            return [(r.name, r.name), (listed.supervisor if listed else "", ""), ("", 0)] + [
                ("", -1)] * 9 + [(NOT_RECEIVED, NOT_RECEIVED), ("", 0), ("", "")]
        f = u.figures
        rate = f.exec_rate
        stated = _score(f.stated_total)
        return [
            (r.name, r.name), (u.supervisor, u.supervisor), (str(u.year or ""), u.year or 0),
            (fmt_money(f.budget, "—"), f.budget if f.budget is not None else -1),
            (fmt_money(f.actual, "—"), f.actual if f.actual is not None else -1),
            (fmt_percent(rate, "—"), rate if rate is not None else -1),
            (_score(f.exec_score), f.exec_score if f.exec_score is not None else -1),
            (_score(f.indicator_score), f.indicator_score if f.indicator_score is not None else -1),
            (f"{stated} / {_score(f.total)}", f.total if f.total is not None else -1),
            (f.grade or "—", f.grade), (str(u.errors), u.errors), (str(u.warnings), u.warnings),
            (r.verdict or "待审", r.verdict), (str(r.round or 1), r.round),
            (str(len(u.files)), len(u.files)),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        text, key = self._values(r)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return float(key) if isinstance(key, Decimal) else key
        if role == Qt.ItemDataRole.ToolTipRole and r.unit is not None and index.column() == 14:
            return "\n".join(f"{e.rel}（{e.role}）" for e in r.unit.files)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.unit is None or (index.column() == 10 and r.unit.errors):
                return QBrush(QColor("#b00020"))
            if index.column() == 11 and r.unit.warnings:
                return QBrush(QColor("#8a5a00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.column() <= 13:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class UnitsFilter(QSortFilterProxyModel):
    """The preset (FILTERS) and the search text (a unit's or its 主管部门's name)."""

    def __init__(self) -> None:
        super().__init__()
        self.preset = FILTERS[0]
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_preset(self, preset: str) -> None:
        self.preset = preset
        self.invalidate()

    def set_text(self, text: str) -> None:
        self.text = text.strip()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, UnitsModel)
        r = model.rows[source_row]
        if self.text and self.text not in r.name and (r.unit is None or self.text not in r.unit.supervisor):
            return False
        u, p = r.unit, self.preset
        if p == "全部单位":
            return True
        if p == "未报送":
            return u is None
        if u is None:
            return False
        if p == "只看有错误的":
            return u.errors > 0
        if p == "执行率低于90%":
            return u.figures.exec_rate is not None and u.figures.exec_rate < _LOW
        if p == "未下结论":
            return not r.verdict
        if p == "重新报送":
            return r.round > 1
        return r.verdict == p
