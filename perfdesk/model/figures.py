"""Derived figures: sums and rates computed from the typed parts, never stored.

Each ``*_total`` returns the computed sum; ``effective_*`` returns what the documents
print: the declared total where the user (or an import) stated one, else the sum. When a
declared total disagrees with its parts the check engine reports it and output is a draft.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from decimal import Decimal

from perfdesk.model.money import Money, ratio, total
from perfdesk.model.report import Amounts, Project, Report

COLUMNS = ("prior", "initial", "annual", "actual")
COLUMN_LABELS = {
    "prior": "上年决算",
    "initial": "年初预算",
    "annual": "全年预算",
    "actual": "决算",
}


def add(parts: Iterable[Amounts]) -> Amounts:
    """Column-wise sum; a column stays blank when every part is blank there."""
    parts = list(parts)
    return Amounts(**{c: total([getattr(p, c) for p in parts]) for c in COLUMNS})


def overlay(declared: Amounts, computed: Amounts) -> Amounts:
    """Declared value where present, else the computed one, per column."""
    return Amounts(
        **{
            c: getattr(declared, c) if getattr(declared, c) is not None else getattr(computed, c)
            for c in COLUMNS
        }
    )


def basic_total(report: Report) -> Amounts:
    return add([report.basic.personnel, report.basic.public])


def projects_total(report: Report) -> Amounts:
    return add(p.amounts for p in report.projects)


def effective_basic(report: Report) -> Amounts:
    return overlay(report.declared.basic, basic_total(report))


def effective_projects(report: Report) -> Amounts:
    return overlay(report.declared.projects, projects_total(report))


def overall_total(report: Report) -> Amounts:
    """支出合计 = 基本支出 + 项目支出 (from the effective parts)."""
    return add([effective_basic(report), effective_projects(report)])


def effective_overall(report: Report) -> Amounts:
    return overlay(report.declared.overall, overall_total(report))


def vehicle_total(report: Report) -> Amounts:
    t = report.three_public
    return add([t.vehicle_purchase, t.vehicle_operation])


def effective_vehicle(report: Report) -> Amounts:
    return overlay(report.declared.vehicle, vehicle_total(report))


def three_public_total(report: Report) -> Amounts:
    t = report.three_public
    return add([effective_vehicle(report), t.overseas, t.reception])


def effective_three_public(report: Report) -> Amounts:
    return overlay(report.declared.three_public, three_public_total(report))


def income_total(report: Report) -> Money:
    inc = report.income
    return total([getattr(inc, f.name) for f in fields(inc)])


def adjustments_net(report: Report, scope: str) -> Money:
    """Σ 追加 − Σ 调减 for one scope, or None when nothing is itemised there."""
    items = [a for a in report.adjustments if a.scope == scope and a.amount is not None]
    if not items:
        return None
    return sum((a.amount if a.kind != "调减" else -a.amount for a in items), Decimal(0))


def execution_rate(amounts: Amounts) -> Decimal | None:
    """预算执行率 = 全年执行数 ÷ 全年预算数 (exact fraction)."""
    return ratio(amounts.actual, amounts.annual)


def project_execution_rate(project: Project) -> Decimal | None:
    return execution_rate(project.amounts)


def staffing_rate(report: Report) -> Decimal | None:
    """控制率 = 实有在职 ÷ 编制."""
    s = report.staffing
    if s.actual is None or not s.authorized:
        return None
    return Decimal(s.actual) / Decimal(s.authorized)


def control_rate(amounts: Amounts) -> Decimal | None:
    """三公 控制率 = 决算 ÷ 年初预算."""
    return ratio(amounts.actual, amounts.initial)
