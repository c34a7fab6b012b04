"""Derived figures: sums and rates computed from the typed parts, never stored.

Each ``*_total`` returns the computed sum; ``effective_*`` returns what the documents
print: the declared total where the user (or an import) stated one, else the sum. When a
declared total disagrees with its parts the check engine reports it and output is a draft.

Every computed total is *strict* (``add``): a column is known only when every part that
contributes to it is known. A blank part is unknown, never 0, so a total, a rate or a score
is never stated from part of a total; the check engine names the blank part (R-B14).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from decimal import Decimal

from perfdesk.model.money import Money, ratio, total
from perfdesk.model.report import Amounts, Project, Report
from perfdesk.model.vocabulary import AdjustmentKind, Scope

COLUMNS = ("prior", "initial", "annual", "actual")
COLUMN_LABELS = {
    "prior": "上年决算",
    "initial": "年初预算",
    "annual": "全年预算",
    "actual": "决算",
}


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


def basic_total(report: Report) -> Amounts:
    return add([report.basic.personnel, report.basic.public])


def projects_total(report: Report) -> Amounts:
    return add(p.amounts for p in report.projects)


def effective_basic(report: Report) -> Amounts:
    return overlay(report.declared.basic, basic_total(report))


def effective_projects(report: Report) -> Amounts:
    return overlay(report.declared.projects, projects_total(report))


def projects_part(report: Report) -> Amounts:
    """项目支出 as a part of 支出合计: effective, and 0 where the report has no projects and
    declares no 项目支出 (a unit without projects spends nothing on them)."""
    projects = effective_projects(report)
    if report.projects:
        return projects
    return overlay(projects, Amounts(**{c: Decimal(0) for c in COLUMNS}))


def overall_total(report: Report) -> Amounts:
    """支出合计 = 基本支出 + 项目支出 (from the effective parts; strict per column)."""
    return add([effective_basic(report), projects_part(report)])


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


def adjustments_net(report: Report, scope: Scope) -> Money:
    """Σ 追加 − Σ 调减 for one scope, or None when nothing is itemised there."""
    items = [a for a in report.adjustments if a.scope == scope and a.amount is not None]
    if not items:
        return None
    net = Decimal(0)
    for a in items:
        assert a.amount is not None
        net += -a.amount if a.kind == AdjustmentKind.CUT else a.amount
    return net


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
