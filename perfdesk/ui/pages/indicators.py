"""绩效指标 (附件2): overall goals vs achievements, the indicator table, scoring settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from perfdesk.model.figures import Figures
from perfdesk.model.report import Report
from perfdesk.model.vocabulary import (
    DEFAULT_LABELS,
    DEFAULT_LEVEL1,
    EXEC_RATE,
    EqualMiss,
    ReverseFormula,
)
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.form_page import FormPage, hint_label
from perfdesk.ui.pages.score_text import ScoreSummaryBox, score_line, score_summary_row
from perfdesk.ui.widgets.fields import NumberEdit
from perfdesk.ui.widgets.indicator_table import IndicatorTable

REVERSE_FORMULAS = (
    (ReverseFormula.LINEAR, "分值 ×（1 −（实际 − 目标）÷ 目标），2 倍目标及以上得 0（一体化系统）"),
    (ReverseFormula.RATIO, "分值 × 目标 ÷ 实际（原中央表样）"),
)
EQUAL_MISS = (
    (EqualMiss.PROPORTIONAL, "按偏离方向比例计分"),
    (EqualMiss.ZERO, "未达到即得 0 分"),
)


class WeightEdit(NumberEdit):
    """One entry of ``scoring.weights`` (a dict keyed by 一级指标 id)."""

    def __init__(self, doc: DocumentController, key: str, parent: QWidget | None = None) -> None:
        self.key = key
        super().__init__(doc, f"scoring.weights.{key}", parent)

    def _get(self) -> Any:
        return self.doc.report.scoring.weights.get(self.key)

    def _set(self, value: Any) -> None:
        weights = dict(self.doc.report.scoring.weights)
        if value is None:
            weights.pop(self.key, None)
        else:
            weights[self.key] = value
        self.doc.set_value("scoring.weights", weights, key=self.path)  # one undo step a box


def _summary_text(_report: Report, fig: Figures) -> str:
    return score_line(fig.score)


class IndicatorsPage(FormPage):
    key = "indicators"
    title = "绩效指标"

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.add_tab("绩效指标（附件2）")
        _box, lay = self.group("绩效指标（附件2）", form=False)
        lay.addWidget(hint_label(
            "可在 Excel 中选中指标区域复制，点中起始单元格后按 Ctrl+V 粘贴（列顺序同本表，"
            "不含“建议得分”列；合并单元格留空的一级、二级指标自动沿用上一行）。"
            "回车移到下一格；灰色“建议得分”按数据自动计算，橙色表示与自评得分不同。"))
        self.table = IndicatorTable(doc, "indicators", min_rows=12)
        self.register(self.table)
        lay.addWidget(self.table)
        summary = ScoreSummaryBox(doc, "calc.score_summary", _summary_text,
                                  "预算执行率得分 + 各指标自评得分")
        self.register(summary)
        lay.addLayout(score_summary_row(summary))

        self.add_tab("年度总体目标")
        _box, lay = self.group("年度总体目标（附件2）", form=False)
        pair = QHBoxLayout()
        pair.setSpacing(8)
        pair.addWidget(self.strings("goals", "预期目标", min_rows=10))
        pair.addWidget(self.strings("achievements", "实际完成情况", min_rows=10))
        lay.addLayout(pair)

        self.add_tab("评分设置")
        _box, lay = self.group("评分设置（一般不需修改）", form=False)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        keys = [*(lv.id for lv in DEFAULT_LEVEL1), EXEC_RATE]
        for i, key in enumerate(keys):
            w = WeightEdit(doc, key)
            w.setMaximumWidth(70)
            self.register(w)
            grid.addWidget(QLabel(f"{DEFAULT_LABELS[key]}分值："), 0, i * 2)
            grid.addWidget(w, 0, i * 2 + 1)
        grid.setColumnStretch(len(keys) * 2, 1)
        lay.addLayout(grid)
        lay.addWidget(hint_label("默认按财预〔2020〕10号：产出 50、效益 30、满意度 10、预算执行率 10。"))
        form_grid = QGridLayout()
        form_grid.addWidget(QLabel("反向指标（≤）未达标时："), 0, 0)
        form_grid.addWidget(self.combo("scoring.reverse_formula", REVERSE_FORMULAS), 0, 1)
        form_grid.addWidget(QLabel("等值指标（=）未达标时："), 1, 0)
        form_grid.addWidget(self.combo("scoring.equal_miss", EQUAL_MISS), 1, 1)
        form_grid.setColumnStretch(2, 1)
        lay.addLayout(form_grid)
        self.finish()
