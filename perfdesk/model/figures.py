"""Derived figures: every total, rate, adjustment net, score and 等级, computed in one place.

``Figures.of(report)`` derives them all once (per revision of the document: the GUI keeps
one per edit, the command line one per run); the status bar, the computed fields, the
checks, the prose and the Excel forms all read that object, so two of them can never
disagree. Nothing is stored in the file: only the typed parts are, and the optional
*declared* totals, which are what a hand-made form or an import states.

Sums are *strict*: a column is known only when every part that contributes to it is known.
A blank part is unknown, never 0, so a total, a rate or a score is never stated from part
of a total; the check engine names the blank part (R-B14). Where a total is declared, the
documents print the declared figure (``basic``, ``overall`` …) and the checks compare it
with the sum of its parts (``basic_sum`` …).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal

from perfdesk.model.money import Money, q2, ratio, total
from perfdesk.model.report import Amounts, Indicator, Report
from perfdesk.model.vocabulary import (
    DEFAULT_EXEC_RATE_WEIGHT,
    EXEC_RATE,
    AdjustmentKind,
    Scope,
)

COLUMNS = ("prior", "initial", "annual", "actual")
COLUMN_LABELS = {
    "prior": "上年决算",
    "initial": "年初预算",
    "annual": "全年预算",
    "actual": "决算",
}
ONE = Decimal(1)


# --- sums of budget lines ---------------------------------------------------------------
def strict_sum(values: Iterable[Money]) -> Money:
    """Σ values, or None when there are none or any of them is None (blank = unknown)."""
    values = list(values)
    known = [v for v in values if v is not None]
    if not values or len(known) != len(values):
        return None
    return sum(known, Decimal(0))


def add(parts: Iterable[Amounts]) -> Amounts:
    """Column-wise total of the parts of a printed or scored figure (strict).

    Rule, per column: the total is known iff there is at least one part and every part is
    known there; then it is their exact Decimal sum. Otherwise it is None — in particular a
    column blank in every part stays blank, and one blank part among filled ones makes the
    total blank rather than the sum of the others.
    """
    parts = list(parts)
    return Amounts(**{c: strict_sum(getattr(p, c) for p in parts) for c in COLUMNS})


def add_known(parts: Iterable[Amounts]) -> Amounts:
    """Column-wise sum of the parts that are filled; blank only when every part is blank.

    For checks only, never for a printed figure: R-B12 (the 其中 items of 公用经费 already
    exceed it, whatever the blank ones hold) and R-B13 (a project's funding split, whose
    message lists each part, blanks as “空”).
    """
    parts = list(parts)
    return Amounts(**{c: total([getattr(p, c) for p in parts]) for c in COLUMNS})


def blank_parts(parts: Iterable[Amounts], col: str) -> list[int] | None:
    """Indexes of the parts blank in ``col`` when at least one other part is filled there
    (so ``add`` leaves a column blank only because of them); None when nothing is missing
    or the column is blank throughout."""
    values = [getattr(p, col) for p in parts]
    missing = [i for i, v in enumerate(values) if v is None]
    if not missing or len(missing) == len(values):
        return None
    return missing


def overlay(declared: Amounts, computed: Amounts) -> Amounts:
    """Declared value where present, else the computed one, per column."""
    return Amounts(
        **{
            c: getattr(declared, c) if getattr(declared, c) is not None else getattr(computed, c)
            for c in COLUMNS
        }
    )


def execution_rate(amounts: Amounts) -> Decimal | None:
    """预算执行率 of a budget line = 全年执行数 ÷ 全年预算数 (exact fraction)."""
    return ratio(amounts.actual, amounts.annual)


def control_rate(amounts: Amounts) -> Decimal | None:
    """三公 控制率 of a line = 决算 ÷ 年初预算."""
    return ratio(amounts.actual, amounts.initial)


def year_on_year(current: Money, prior: Money) -> tuple[Decimal, Decimal] | None:
    """(change, rate of change) of a figure against last year's, as printed: the change of
    the two-decimal figures, so that prior + change = current on paper. None when either
    is blank or last year's is zero."""
    if current is None or prior is None or q2(prior) == 0:
        return None
    change = q2(current) - q2(prior)
    return change, abs(change) / q2(prior)


# --- scores (DOMAIN.md §4) -----------------------------------------------------------------
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


@dataclass(frozen=True)
class ScoreSummary:
    """The score of 附件2 (``Figures.score``) or of one project's 附件3.

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

    @classmethod
    def of(cls, amounts: Amounts, indicators: list[Indicator], exec_weight: Decimal) -> ScoreSummary:
        rate = execution_rate(amounts)
        exec_score = exec_rate_score(exec_weight, rate)
        ind_weight = total([i.weight for i in indicators]) or Decimal(0)
        ind_score, unscored, ind_gap = indicator_score(indicators)
        overall = None if exec_score is None or ind_score is None else q2(exec_score + ind_score)
        reasons = [r for r in (rate_gap(amounts) if exec_score is None else "", ind_gap) if r]
        return cls(
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


# --- the figures of one report --------------------------------------------------------------
@dataclass(frozen=True)
class AdjustmentTotals:
    """The itemised 年中追加/调减 of one scope, exact (the checks compare them to the cent)."""

    added: Decimal  # Σ 追加
    cut: Decimal  # Σ 调减
    items: tuple[int, ...]  # indexes into report.adjustments, with an amount

    @property
    def net(self) -> Decimal:
        return self.added - self.cut


def _adjustments(report: Report, scope: Scope) -> AdjustmentTotals | None:
    items = [(i, a) for i, a in enumerate(report.adjustments)
             if a.scope == scope and a.amount is not None]
    if not items:
        return None
    added = sum((a.amount for _, a in items if a.kind == AdjustmentKind.ADD and a.amount is not None),
                Decimal(0))
    cut = sum((a.amount for _, a in items if a.kind == AdjustmentKind.CUT and a.amount is not None),
              Decimal(0))
    return AdjustmentTotals(added, cut, tuple(i for i, _ in items))


@dataclass(frozen=True)
class Figures:
    """Everything derived from one revision of a report. Build with ``Figures.of``."""

    basic_sum: Amounts  # 人员经费 + 公用经费
    basic: Amounts  # 基本支出 as printed: declared, else basic_sum
    projects_sum: Amounts  # Σ projects
    projects: Amounts  # 项目支出 as printed: declared, else projects_sum
    projects_part: Amounts  # 项目支出 within 支出合计: 0 where the unit has and declares none
    overall_sum: Amounts  # 基本支出 + 项目支出
    overall: Amounts  # 支出合计 / 年度资金总额 as printed
    vehicle_sum: Amounts  # 公务用车购置 + 运行维护
    vehicle: Amounts
    three_public_sum: Amounts  # 公务用车 + 因公出国（境）+ 公务接待
    three_public: Amounts
    income: Money  # Σ 按收入性质分
    adjustments_basic: AdjustmentTotals | None
    adjustments_projects: AdjustmentTotals | None
    staffing_rate: Decimal | None  # 实有在职 ÷ 编制
    score: ScoreSummary  # 附件2
    project_scores: tuple[ScoreSummary, ...]  # 附件3-N, parallel to report.projects

    @property
    def exec_rate(self) -> Decimal | None:
        """The unit's 预算执行率 (of 支出合计)."""
        return self.score.exec_rate

    def adjustments(self, scope: Scope) -> AdjustmentTotals | None:
        return self.adjustments_basic if scope == Scope.BASIC else self.adjustments_projects

    def spending(self, scope: Scope) -> Amounts:
        """基本支出 or 项目支出 as printed."""
        return self.basic if scope == Scope.BASIC else self.projects

    @classmethod
    def of(cls, report: Report) -> Figures:
        d, b, t = report.declared, report.basic, report.three_public
        basic_sum = add([b.personnel, b.public])
        basic = overlay(d.basic, basic_sum)
        projects_sum = add(p.amounts for p in report.projects)
        projects = overlay(d.projects, projects_sum)
        projects_part = projects if report.projects else overlay(
            projects, Amounts(**{c: Decimal(0) for c in COLUMNS}))
        overall_sum = add([basic, projects_part])
        overall = overlay(d.overall, overall_sum)
        vehicle_sum = add([t.vehicle_purchase, t.vehicle_operation])
        vehicle = overlay(d.vehicle, vehicle_sum)
        three_public_sum = add([vehicle, t.overseas, t.reception])
        s = report.staffing
        staffing_rate = (Decimal(s.actual) / Decimal(s.authorized)
                         if s.actual is not None and s.authorized else None)
        exec_weight = report.scoring.weights.get(EXEC_RATE, Decimal(DEFAULT_EXEC_RATE_WEIGHT))
        return cls(
            basic_sum=basic_sum,
            basic=basic,
            projects_sum=projects_sum,
            projects=projects,
            projects_part=projects_part,
            overall_sum=overall_sum,
            overall=overall,
            vehicle_sum=vehicle_sum,
            vehicle=vehicle,
            three_public_sum=three_public_sum,
            three_public=overlay(d.three_public, three_public_sum),
            income=total([getattr(report.income, f.name) for f in fields(report.income)]),
            adjustments_basic=_adjustments(report, Scope.BASIC),
            adjustments_projects=_adjustments(report, Scope.PROJECT),
            staffing_rate=staffing_rate,
            score=ScoreSummary.of(overall, report.indicators, exec_weight),
            project_scores=tuple(ScoreSummary.of(p.amounts, p.indicators, exec_weight)
                                 for p in report.projects),
        )
