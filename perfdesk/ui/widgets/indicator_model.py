"""The indicator table's model: 附件2/附件3 columns over a list[Indicator].

Rows are shown grouped: the 一级/二级 text appears on the first row of its group only and
each 一级 has its own light tint. 建议得分 comes from ``perfdesk.checks.scoring.suggest`` and
is read-only. 方向 shows the direction a quantitative row is scored in: the user's choice,
or (grey, italic) the one inferred from the 指标值 and the 二级指标, with the reason as its
tooltip; choosing “自动” goes back to the inferred one.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from perfdesk.checks import targets
from perfdesk.checks.scoring import Suggestion, suggest
from perfdesk.checks.suggest import infer_direction
from perfdesk.model.numbers import fmt_points
from perfdesk.model.report import Indicator, Report
from perfdesk.model.vocabulary import EXEC_RATE, LEVEL2_BY_LEVEL1, Band, Direction
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.list_model import Index
from perfdesk.ui.widgets.record_model import Column, RecordTableModel

BAND_CHOICES: tuple[tuple[Band | None, str], ...] = (
    (None, "未选"), *((band, band.label) for band in Band),
)
BAND_ALIASES = {
    "达成年度指标": Band.MET,
    "部分达成年度指标并具有一定效果": Band.PARTIAL,
    "未达成年度指标且效果较差": Band.MISSED,
}
DIRECTION_CHOICES: tuple[tuple[Direction | None, str], ...] = (
    (None, "自动"), *((d, d.label) for d in Direction),
)
DIRECTION_ALIASES = {"推断": None, "自动判断": None, "正": Direction.POSITIVE, "反": Direction.NEGATIVE,
                     "≥": Direction.POSITIVE, "≤": Direction.NEGATIVE, "=": Direction.EQUAL}
DIRECTION_TIP = ("定量指标的计分方向：正向＝越多越好（达到或超过指标值为达到），反向＝越少越好，"
                 "等于＝与指标值相符为达到；“自动”按指标值的写法和二级指标推断（灰色斜体）")
INFERRED = QColor("#667085")
LEVEL1_CHOICES = tuple((k, k) for k in LEVEL2_BY_LEVEL1)
TINTS = {"产出指标": "#f2f6fc", "效益指标": "#f1f8f2", "满意度指标": "#fcf8ec"}
SUGGEST_TIP = "按年度指标值与实际完成值自动计算的建议得分"


def _level2_choices(item: Indicator) -> tuple[tuple[str, str], ...]:
    return tuple((v, v) for v in LEVEL2_BY_LEVEL1.get(item.level1, ()))


def suggestion(item: Indicator, report: Report) -> Suggestion:
    return suggest(item, report.scoring)


def suggested_score(item: Indicator, report: Report) -> Decimal | None:
    return suggestion(item, report).score


def _suggest_text(item: Indicator, report: Report) -> str:
    score = suggested_score(item, report)
    return "" if score is None else fmt_points(score)


def is_qualitative(item: Indicator, report: Report) -> bool:
    """Whether the row takes a 达成程度 (a target that is not a number, or none yet)."""
    return suggestion(item, report).kind != targets.QUANTITATIVE


def clean_level(text: str) -> str:
    """'产出指标\\n(50 分)' -> '产出指标'; '经济效\\n益指标' -> '经济效益指标'."""
    s = "".join(unicodedata.normalize("NFKC", text).split())
    s = re.sub(r"[(（]\d+(\.\d+)?分?[)）]$", "", s)
    return s


INDICATOR_COLUMNS = [
    Column("level1", "一级指标", kind="choice", choices=LEVEL1_CHOICES),
    Column("level2", "二级指标", kind="choice", choices_for=_level2_choices),
    Column("name", "三级指标"),
    Column("target", "年度指标值"),
    Column("actual", "实际完成值"),
    Column("weight", "分值", kind="number"),
    Column(None, "建议得分", compute=_suggest_text, tip=SUGGEST_TIP),
    Column("score", "自评得分", kind="number"),
    Column("deviation", "偏差原因及改进措施", kind="para",
           tip="偏差原因分析及改进措施：未达标或大幅超额时必须说明"),
    Column("band", "定性档次", kind="choice", choices=BAND_CHOICES,
           tip="定性指标选择档次：达成 80%–100%，部分达成 60%–80%，未达成 60% 以下（占分值）"),
    Column("direction", "方向", kind="choice", choices=DIRECTION_CHOICES, tip=DIRECTION_TIP),
]
COL_LEVEL1, COL_LEVEL2, COL_SUGGEST, COL_SCORE, COL_BAND, COL_DIRECTION = 0, 1, 6, 7, 9, 10


def direction_tip(item: Indicator, report: Report) -> str:
    """Why the row is scored in its direction, and how to change it."""
    s = suggestion(item, report)
    if s.direction is None:
        return "定性指标不需要方向：按“定性档次”计分"
    if s.direction_stored:
        inferred, why = infer_direction(targets.parse(item.target), item.level1, item.level2)
        return (f"已设定为“{s.direction.label}”。选“自动”则按推断：{inferred.label}（{why}）")
    return f"自动判断为“{s.direction.label}”：{s.direction_reason}。可改为正向、反向或等于"


class IndicatorModel(RecordTableModel):
    def __init__(self, doc: DocumentController, list_path: str) -> None:
        super().__init__(doc, list_path, INDICATOR_COLUMNS, Indicator)

    def _group_start(self, items: list[Indicator], row: int, col: int) -> bool:
        if row == 0:
            return True
        a, b = items[row - 1], items[row]
        if col == COL_LEVEL1:
            return a.level1 != b.level1
        return a.level1 != b.level1 or a.level2 != b.level2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self.items()
        if not index.isValid() or index.row() >= len(items):
            return None
        flag = self.flagged(index, role)
        if flag is not None:
            return flag
        row, col = index.row(), index.column()
        item = items[row]
        if col in (COL_LEVEL1, COL_LEVEL2):
            start = self._group_start(items, row, col)
            if role == Qt.ItemDataRole.DisplayRole and not start:
                return ""  # grouped under the row above
            if role == Qt.ItemDataRole.FontRole and start and col == COL_LEVEL1:
                f = QFont()
                f.setBold(True)
                return f
            if role == Qt.ItemDataRole.ToolTipRole:
                return item.level1 if col == COL_LEVEL1 else item.level2
        if col == COL_DIRECTION:
            shown = self._direction_data(item, role)
            if shown is not None:
                return shown
        if role == Qt.ItemDataRole.BackgroundRole and col != COL_SUGGEST:
            if col == COL_BAND and not is_qualitative(item, self.doc.report):
                return QBrush(QColor("#eceff3"))
            if col == COL_DIRECTION and is_qualitative(item, self.doc.report) and item.direction is None:
                return QBrush(QColor("#eceff3"))
            tint = TINTS.get(item.level1)
            return QBrush(QColor(tint)) if tint else None
        if col == COL_SUGGEST and role == Qt.ItemDataRole.ToolTipRole:
            reason = suggestion(item, self.doc.report).reason
            return f"{SUGGEST_TIP}{'：' + reason if reason else ''}"
        if col == COL_SUGGEST and role == Qt.ItemDataRole.ForegroundRole:
            sug = suggested_score(item, self.doc.report)
            if sug is not None and item.score is not None and sug != item.score:
                return QBrush(QColor("#b54708"))  # the user's score differs
        if col == COL_BAND and role == Qt.ItemDataRole.DisplayRole and not item.band:
            return "—" if not is_qualitative(item, self.doc.report) else "未选"
        return super().data(index, role)

    def _direction_data(self, item: Indicator, role: int) -> Any:
        """The 方向 cell: the chosen direction, or the inferred one in grey italic."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return direction_tip(item, self.doc.report)
        if item.direction is not None:
            return None  # the stored choice shows like any choice
        s = suggestion(item, self.doc.report)
        if role == Qt.ItemDataRole.DisplayRole:
            return s.direction.label if s.direction is not None else "—"
        if role == Qt.ItemDataRole.ForegroundRole and s.direction is not None:
            return QBrush(INFERRED)
        if role == Qt.ItemDataRole.FontRole and s.direction is not None:
            f = QFont()
            f.setItalic(True)
            return f
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        items = self.items()
        if not index.isValid() or index.row() >= len(items):
            return flags
        item = items[index.row()]
        if (index.column() == COL_BAND and not item.band and not is_qualitative(item, self.doc.report)) or (
                index.column() == COL_DIRECTION and item.direction is None
                and is_qualitative(item, self.doc.report)):
            return flags & ~Qt.ItemFlag.ItemIsEditable
        return flags

    def parse_cell(self, col: Column, item: Any, text: Any) -> Any:
        if col.field in ("level1", "level2"):
            return clean_level(str(text or ""))  # R-I07 reports a wrong pairing
        if col.field == "direction":
            s = "".join(str(text or "").split())
            if not s:
                return None
            if s in DIRECTION_ALIASES:
                return DIRECTION_ALIASES[s]
        if col.field == "band":
            s = "".join(str(text or "").split())
            if not s:
                return None
            if s in BAND_ALIASES:
                return BAND_ALIASES[s]
            for stored, label in BAND_CHOICES:
                if s in (stored, label):
                    return stored
        return super().parse_cell(col, item, text)

    def prepare_paste(self, row: int, col: int, values: dict[str, str], prev: Any) -> None:
        """Cells merged in Excel arrive blank below their first row: fill them down."""
        if prev is None:
            return
        for field in ("level1", "level2"):
            if field in values and not values[field].strip():
                values[field] = getattr(prev, field)

    def skip_pasted(self, values: dict[str, str]) -> bool:
        """The paper form's “……” rows (and the 总分 line) are not indicators."""
        name = "".join(values.get("name", "x").split())
        if name and set(name) <= set("…．.。·"):
            return not "".join(values.get("weight", "").split())
        return "".join(values.get("level1", "").split()) == "总分"

    # --- subtotals ------------------------------------------------------------------------
    def subtotals(self) -> list[tuple[str, Decimal, Decimal, Decimal | None]]:
        """(一级, Σ分值, Σ自评得分, weight from settings) in the template's order."""
        scoring = self.doc.report.scoring
        items = self.items()
        names = [scoring.label(k) for k in scoring.weights if k != EXEC_RATE]
        names += [i.level1 for i in items if i.level1 and i.level1 not in names]
        out = []
        for name in dict.fromkeys(names):
            rows = [i for i in items if i.level1 == name]
            w = sum((i.weight for i in rows if i.weight is not None), Decimal(0))
            s = sum((i.score for i in rows if i.score is not None), Decimal(0))
            key = scoring.level1_of(name)
            out.append((name, w, s, scoring.weights.get(key) if key is not None else None))
        return out

    def subtotal_html(self) -> str:
        parts = []
        for name, w, s, target in self.subtotals():
            ok = target is not None and w == target
            colour = "#1a7f37" if ok else "#b42318"
            expect = f" / 应为 {fmt_points(target)}" if target is not None else "（模板无此一级指标）"
            parts.append(f"<b>{name}</b> 分值 <span style='color:{colour}'>{fmt_points(w)}"
                         f"{expect}</span>，得分 {fmt_points(s)}")
        scoring = self.doc.report.scoring
        if EXEC_RATE in scoring.weights:
            parts.append(f"<b>{scoring.label(EXEC_RATE)}</b> "
                         f"{fmt_points(scoring.weights[EXEC_RATE])} 分（自动计算）")
        return "　｜　".join(parts)

