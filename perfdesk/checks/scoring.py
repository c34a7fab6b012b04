"""Scoring (DOMAIN.md §4): 预算执行率 score, suggested indicator scores, totals, 等级.

Everything is Decimal, rounded half up to two places.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfdesk.checks.suggest import (
    BAND_CEIL,
    BAND_FLOOR,
    CENT,
    FAR_EXCEEDED,
    Suggestion,
    band_range,
    band_to_fill,
    band_top,
    in_band,
    suggest,
)
from perfdesk.model import figures
from perfdesk.model.money import q2, total
from perfdesk.model.report import (
    Amounts,
    Indicator,
    Project,
    Report,
)
from perfdesk.model.vocabulary import DEFAULT_EXEC_RATE_WEIGHT, EXEC_RATE

__all__ = [
    "BAND_CEIL", "BAND_FLOOR", "CENT", "FAR_EXCEEDED", "ScoreSummary", "Suggestion", "band_range",
    "band_to_fill", "band_top", "basic_amounts", "exec_rate_score", "exec_weight", "grade",
    "in_band", "indicator_score", "level1_totals", "overall_amounts", "project_summary",
    "rate_gap", "suggest", "summary",
]

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
    """The score of 附件2 (``summary``) or of one project's 附件3 (``project_summary``).

    ``total`` (总分) is known only when both of its parts are: the 预算执行率 score (the
    rate needs 全年预算数 and 全年执行数) and the indicator score, which needs at least one
    scored row and a 自评得分 on every row that has a 分值. Otherwise ``total`` is None,
    ``grade`` is "" and ``missing`` says why, in words a sentence can quote after 因.
    """

    exec_rate: Decimal | None  # exact fraction
    exec_weight: Decimal  # 分值 of 预算执行率
    exec_score: Decimal | None
    indicator_weight: Decimal  # Σ 分值 of indicator rows
    indicator_score: Decimal | None  # Σ 自评得分; None while a row with 分值 has none
    total_weight: Decimal
    total: Decimal | None  # 总分
    grade: str  # 等级
    missing: str = ""  # why 总分 is unknown ("" when it is known)
    unscored: tuple[int, ...] = ()  # indexes of rows with 分值 but no 自评得分


def rate_gap(amounts: Amounts) -> str:
    """Why 预算执行率 cannot be computed from ``amounts`` ('' when it can)."""
    if amounts.annual is None:
        return "全年预算数为空"
    if amounts.annual == 0:
        return "全年预算数为零"
    if amounts.actual is None:
        return "全年执行数为空"
    return ""


def indicator_score(indicators: list[Indicator]) -> tuple[Decimal | None, tuple[int, ...], str]:
    """(Σ 自评得分, unscored row indexes, why unknown) of one indicator table.

    The sum is known only when some row carries a 分值 or a 自评得分 and every row with a
    分值 has its 自评得分: a blank score is unknown, not 0.
    """
    unscored = tuple(k for k, i in enumerate(indicators) if i.weight is not None and i.score is None)
    if unscored:
        return None, unscored, f"{len(unscored)}项绩效指标的自评得分为空"
    scores = [i.score for i in indicators if i.score is not None]
    if not scores and all(i.weight is None for i in indicators):
        return None, (), "未设置绩效指标"
    return sum(scores, Decimal(0)), (), ""


def _summary(amounts: Amounts, indicators: list[Indicator], exec_weight: Decimal) -> ScoreSummary:
    rate = figures.execution_rate(amounts)
    exec_score = exec_rate_score(exec_weight, rate)
    ind_weight = total([i.weight for i in indicators]) or Decimal(0)
    ind_score, unscored, ind_gap = indicator_score(indicators)
    overall = None if exec_score is None or ind_score is None else q2(exec_score + ind_score)
    reasons = [r for r in (rate_gap(amounts) if exec_score is None else "", ind_gap) if r]
    return ScoreSummary(
        exec_rate=rate,
        exec_weight=exec_weight,
        exec_score=exec_score,
        indicator_weight=ind_weight,
        indicator_score=None if ind_score is None else q2(ind_score),
        total_weight=exec_weight + ind_weight,
        total=overall,
        grade=grade(overall),
        missing="、".join(reasons) if overall is None else "",
        unscored=unscored,
    )


def basic_amounts(report: Report) -> Amounts:
    """基本支出 per column: declared, else 人员 + 公用 when both are filled, else blank.

    The figure 附件1/附件2 print and the score uses (``figures.effective_basic``, strict:
    a rate is never computed from part of a total).
    """
    return figures.effective_basic(report)


def overall_amounts(report: Report) -> Amounts:
    """支出合计 / 年度资金总额 per column: declared, else 基本 + 项目 when both are known.

    项目支出 counts as 0 when the report has no projects and declares none
    (``figures.effective_overall``).
    """
    return figures.effective_overall(report)


def exec_weight(report: Report) -> Decimal:
    return report.scoring.weights.get(EXEC_RATE, Decimal(DEFAULT_EXEC_RATE_WEIGHT))


def summary(report: Report) -> ScoreSummary:
    """附件2: the unit's overall score."""
    return _summary(overall_amounts(report), report.indicators, exec_weight(report))


def project_summary(report: Report, project: Project) -> ScoreSummary:
    """附件3: one project's score."""
    return _summary(project.amounts, project.indicators, exec_weight(report))


# ---------------------------------------------------------------------------------------
# Suggested score of one indicator row: perfdesk.checks.suggest (re-exported here).


def level1_totals(indicators: list[Indicator]) -> dict[str, tuple[Decimal, Decimal | None]]:
    """一级指标 → (Σ 分值, Σ 自评得分), in first-seen order; the score sum is None while a
    row of that 一级指标 has a 分值 but no 自评得分 (the rule of ``indicator_score``)."""
    groups: dict[str, list[Indicator]] = {}
    for ind in indicators:
        groups.setdefault(ind.level1, []).append(ind)
    out: dict[str, tuple[Decimal, Decimal | None]] = {}
    for level1, rows in groups.items():
        weight = sum((i.weight for i in rows if i.weight is not None), Decimal(0))
        out[level1] = (weight, indicator_score(rows)[0])
    return out
