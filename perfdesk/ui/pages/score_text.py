"""The one-line score summary under an indicator table (附件2 on 绩效指标, 附件3 on 项目支出)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from perfdesk.model.figures import Figures, ScoreSummary
from perfdesk.model.numbers import fmt_percent, fmt_points
from perfdesk.model.report import Report
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.fields import COMPUTED_STYLE, COMPUTED_TIP


def score_line(s: ScoreSummary, rate_label: str = "预算执行率") -> str:
    """'预算执行率 99.33%，得分 9.93；指标得分 89.96；总分 99.89　等级 优', with — for what is
    not known yet and the reason (“因3项绩效指标的自评得分为空”) when the total is missing."""
    def num(value: object) -> str:
        return "—" if value is None else fmt_points(value)  # type: ignore[arg-type]

    text = (f"{rate_label} {fmt_percent(s.exec_rate, '—')}，得分 {num(s.exec_score)}；"
            f"指标得分 {num(s.indicator_score)}；总分 {num(s.total)}　等级 {s.grade or '—'}")
    if s.total is None and s.missing:
        text += f"（因{s.missing}，暂无法计算总分）"
    return text


class ScoreSummaryBox(QLabel):
    """评分汇总: the score line in a grey box like the other computed figures, wrapping
    onto a second line where the page is narrow, so that it is never cut off."""

    def __init__(self, doc: DocumentController, name: str,
                 compute: Callable[[Report, Figures], str], tip: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.compute = doc, compute
        self.path = name
        self.setObjectName(name)
        self.setProperty("computed", True)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(f"QLabel {{ {COMPUTED_STYLE} padding: 2px 4px; }}")
        self.setToolTip(f"{COMPUTED_TIP}{'：' + tip if tip else ''}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.load()

    def load(self, force: bool = False) -> None:
        try:
            text = self.compute(self.doc.report, self.doc.figures)
        except IndexError:  # bound to a project an undo or a delete just removed
            text = ""
        if text != self.text():
            self.setText(text)


def score_summary_row(box: ScoreSummaryBox) -> QHBoxLayout:
    """“评分汇总：” and the box, which takes the width of the table above it."""
    row = QHBoxLayout()
    row.setSpacing(6)
    label = QLabel("评分汇总：")
    row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(box, 1)
    return row
