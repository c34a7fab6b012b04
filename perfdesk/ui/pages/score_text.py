"""The one-line score summary under an indicator table (附件2 on 绩效指标, 附件3 on 项目支出)."""

from __future__ import annotations

from perfdesk.model.figures import ScoreSummary
from perfdesk.model.numbers import fmt_percent, fmt_points


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
