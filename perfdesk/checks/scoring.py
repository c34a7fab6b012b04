"""Scoring (DOMAIN.md §4): 预算执行率 score, totals, 等级.

Everything is Decimal, rounded half up to two places.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfdesk.model import figures
from perfdesk.model.money import q2, total
from perfdesk.model.report import EXEC_RATE_KEY, Amounts, Indicator, Project, Report

ONE = Decimal(1)


def exec_rate_score(weight: Decimal, rate: Decimal | None) -> Decimal | None:
    """分值 × min(执行率, 100%), two places. None when the rate is undefined."""
    if rate is None:
        return None
    return q2(weight * min(max(rate, Decimal(0)), ONE))


def grade(total_score: Decimal | None) -> str:
    """等级: ≥90 优, 80–90 良, 60–80 中, <60 差."""
    if total_score is None:
        return ""
    if total_score >= 90:
        return "优"
    if total_score >= 80:
        return "良"
    if total_score >= 60:
        return "中"
    return "差"


@dataclass(frozen=True)
class ScoreSummary:
    exec_rate: Decimal | None  # exact fraction
    exec_weight: Decimal  # 分值 of 预算执行率
    exec_score: Decimal | None
    indicator_weight: Decimal  # Σ 分值 of indicator rows
    indicator_score: Decimal  # Σ 自评得分 of indicator rows
    total_weight: Decimal
    total: Decimal | None  # 总分
    grade: str  # 等级


def _summary(amounts: Amounts, indicators: list[Indicator], exec_weight: Decimal) -> ScoreSummary:
    rate = figures.execution_rate(amounts)
    exec_score = exec_rate_score(exec_weight, rate)
    ind_weight = total([i.weight for i in indicators]) or Decimal(0)
    ind_score = total([i.score for i in indicators]) or Decimal(0)
    overall = None if exec_score is None else q2(exec_score + ind_score)
    return ScoreSummary(
        exec_rate=rate,
        exec_weight=exec_weight,
        exec_score=exec_score,
        indicator_weight=ind_weight,
        indicator_score=q2(ind_score),
        total_weight=exec_weight + ind_weight,
        total=overall,
        grade=grade(overall),
    )


def exec_weight(report: Report) -> Decimal:
    return report.scoring.weights.get(EXEC_RATE_KEY, Decimal(10))


def summary(report: Report) -> ScoreSummary:
    """附件2: the unit's overall score."""
    return _summary(figures.effective_overall(report), report.indicators, exec_weight(report))


def project_summary(report: Report, project: Project) -> ScoreSummary:
    """附件3: one project's score."""
    return _summary(project.amounts, project.indicators, exec_weight(report))
