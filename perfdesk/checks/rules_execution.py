"""Budget execution (R-B06, R-B07) and 三公 control (R-B09)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfdesk.checks.finding import WARNING
from perfdesk.checks.rules import Hit, Registry, Unit
from perfdesk.checks.rules import money_text as m
from perfdesk.model import figures
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_percent
from perfdesk.model.report import Amounts, Report
from perfdesk.model.schema import A

reg = Registry()

EXEC_RATE_FLOOR = Decimal("0.9")  # R-B07


def _over_budget(label: str, a: Amounts, paths: tuple[str, ...]) -> Iterator[Hit]:
    """``paths``: the lines the user would correct (their .actual and .annual are named)."""
    if a.actual is not None and a.annual is not None and a.actual > a.annual:
        yield Hit(
            f"{label}执行数 {m(a.actual)} 万元 超过全年预算数 {m(a.annual)} 万元"
            f"（超出 {m(a.actual - a.annual)}），请核对或说明原因",
            tuple(f"{p}.{col}" for col in ("actual", "annual") for p in paths),
        )


def _typed_lines(declared: Amounts, declared_path: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """Where a total's figures were typed: the declared total (报表数) when it was stated,
    else its parts — so a finding takes the user to the figure they can change."""
    if declared.actual is not None or declared.annual is not None:
        return (declared_path,)
    return parts


@reg.report(
    "R-B06",
    WARNING,
    "执行数超过全年预算数（总额、基本支出或某个项目）",
    reads=(A.declared, A.basic.personnel, A.basic.public, A.projects.each.amounts),
)
def overall_over_budget(report: Report, fig: Figures) -> Iterator[Hit]:
    d = report.declared
    yield from _over_budget("支出合计", fig.overall, _typed_lines(
        d.overall, "declared.overall",
        _typed_lines(d.basic, "declared.basic", ("basic.personnel", "basic.public"))
        + (("projects[0].amounts",) if report.projects else ())))
    yield from _over_budget("基本支出", fig.basic, _typed_lines(
        d.basic, "declared.basic", ("basic.personnel", "basic.public")))


@reg.unit("R-B06")
def project_over_budget(report: Report, unit: Unit) -> Iterator[Hit]:
    if unit.project is not None:
        yield from _over_budget(unit.label, unit.project.amounts, (unit.path("amounts"),))


_NAME_SUFFIXES = ("专项工作经费", "专项经费", "工作经费", "项目经费", "经费", "资金", "项目", "费")


def name_core(name: str) -> str:
    """'运行维护经费' -> '运行维护': the part of a project name prose is likely to repeat."""
    core = name.strip()
    for suffix in _NAME_SUFFIXES:
        if core.endswith(suffix) and len(core) - len(suffix) >= 2:
            return core[: -len(suffix)]
    return core


def _rate_texts(rate: Decimal) -> tuple[str, ...]:
    """'86.50%', '86.5%': the ways prose writes a rate."""
    pct = fmt_percent(rate)
    number = pct[:-1].rstrip("0").rstrip(".")
    return (pct, f"{number}%")


def problem_texts(report: Report) -> list[str]:
    return [p.text for p in report.problems if p.text.strip()]


@reg.report(
    "R-B07",
    WARNING,
    "预算执行率低于 90%（总额或某个项目），而存在的问题中没有说明",
    reads=(A.problems, A.declared, A.basic.personnel, A.basic.public, A.projects.each.amounts),
)
def overall_low_execution(report: Report, fig: Figures) -> Iterator[Hit]:
    rate = fig.exec_rate
    if rate is None or rate >= EXEC_RATE_FLOOR:
        return
    words = ("执行率", "执行进度", "支出进度", "预算执行", *_rate_texts(rate))
    if any(w in t for t in problem_texts(report) for w in words):
        return
    yield Hit(
        f"整体预算执行率 {fmt_percent(rate)} 低于 90%，请在“存在的问题及原因分析”中说明原因",
        ("problems", "declared.overall.actual"),
    )


@reg.unit("R-B07", reads=(A.problems,))
def project_low_execution(report: Report, unit: Unit) -> Iterator[Hit]:
    if unit.project is None:
        return
    rate = unit.figures.project_scores[unit.index].exec_rate if unit.index is not None else None
    if rate is None or rate >= EXEC_RATE_FLOOR:
        return
    core = name_core(unit.project.name)
    words = (*_rate_texts(rate), *((core,) if len(core) >= 2 else ()))
    if any(w in t for t in problem_texts(report) for w in words):
        return
    yield Hit(
        f"{unit.label}预算执行率 {fmt_percent(rate)}（{m(unit.project.amounts.actual)} ÷ "
        f"{m(unit.project.amounts.annual)}）低于 90%，请在“存在的问题及原因分析”中写明该项目执行偏低的原因",
        ("problems", unit.path("amounts.actual")),
    )


# ---------------------------------------------------------------------------------------
# 三公 control (R-B09)


@reg.report(
    "R-B09",
    WARNING,
    "“三公”经费决算超过预算（控制率 > 100%）",
    reads=(A.three_public, A.declared.three_public, A.declared.vehicle),
)
def three_public_control(report: Report, fig: Figures) -> Iterator[Hit]:
    total = fig.three_public
    if total.actual is not None and total.initial is not None and total.actual > total.initial:
        yield Hit(
            f"“三公”经费决算 {m(total.actual)} 万元 超过预算 {m(total.initial)} 万元（控制率 "
            f"{fmt_percent(figures.control_rate(total), '—')}），请核对或在说明中写明原因",
            ("three_public.note",),
        )
    t = report.three_public
    for name, label in (
        ("vehicle_purchase", "公务用车购置费"),
        ("vehicle_operation", "公务用车运行维护费"),
        ("overseas", "因公出国（境）费"),
        ("reception", "公务接待费"),
    ):
        a: Amounts = getattr(t, name)
        if a.actual is None or a.actual <= 0:
            continue
        budget = a.initial or Decimal(0)
        if a.actual > budget:
            what = f"超过预算 {m(a.initial)} 万元" if a.initial else "但年初无预算"
            yield Hit(
                f"{label}决算 {m(a.actual)} 万元 {what}，请核对或在“三公”经费说明中写明原因",
                (f"three_public.{name}.actual", f"three_public.{name}.initial"),
            )
