"""尾差 (DOMAIN.md §5): an identity that holds only within the rounding of its parts (R-B16).

Figures rounded from a finer source — a table in 元 converted to 万元, or a table published
in 万元 with two decimals — can make a total differ from the sum of its rounded parts by up
to 0.01 万元 per part. The tolerance applies only to figures that came from such a table:
those with a source in ``report.sources`` whose value is still the one imported (an edited
or typed figure is exact). It is 0.01 万元 for each such part of the identity; when only the
total came from a table, 0.01. Within it the identity rules (R-B01, R-B02, R-B03, R-B04,
R-B08) stay silent and R-B16 reports the 尾差 as info; beyond it their error stands.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from perfdesk.checks.finding import INFO
from perfdesk.checks.rules import Hit, Registry
from perfdesk.checks.rules import column as _get
from perfdesk.checks.rules import money_text as m
from perfdesk.model import paths
from perfdesk.model.figures import COLUMN_LABELS, COLUMNS, Figures
from perfdesk.model.report import Report
from perfdesk.model.schema import A

PER_PART = Decimal("0.01")

reg = Registry()


def imported(report: Report, path: str) -> bool:
    """The figure at ``path`` came from a table and is unchanged since."""
    src = report.sources.get(path)
    if src is None or src.value is None:
        return False
    try:
        current = paths.get(report, path)
    except (AttributeError, IndexError, KeyError, TypeError):
        return False
    return current is not None and Decimal(current) == src.value


def tolerance(report: Report, total: str, parts: Sequence[str]) -> Decimal:
    """0.01 万元 for each part of the identity imported from a table (0.01 when only the
    total was); 0 when nothing of it was imported."""
    if not report.sources:
        return Decimal(0)
    n = sum(imported(report, p) for p in parts)
    if n == 0 and imported(report, total):
        n = 1
    return PER_PART * n


def absorbs(report: Report, diff: Decimal, total: str, parts: Sequence[str]) -> bool:
    """True when a nonzero difference between a total and its parts is 尾差."""
    return diff != 0 and abs(diff) <= tolerance(report, total, parts)


@dataclass(frozen=True)
class Identity:
    rule: str
    what: str  # how the message names it
    total_path: str
    total: Decimal
    parts_sum: Decimal
    part_paths: tuple[str, ...]


def _basic_parts(report: Report, col: str) -> tuple[str, ...]:
    if _get(report.declared.basic, col) is not None:
        return (f"declared.basic.{col}",)
    return (f"basic.personnel.{col}", f"basic.public.{col}")


def _project_parts(report: Report, col: str) -> tuple[str, ...]:
    if _get(report.declared.projects, col) is not None:
        return (f"declared.projects.{col}",)
    return tuple(f"projects[{i}].amounts.{col}" for i in range(len(report.projects)))


def _vehicle_parts(report: Report, col: str) -> tuple[str, ...]:
    if _get(report.declared.vehicle, col) is not None:
        return (f"declared.vehicle.{col}",)
    return (f"three_public.vehicle_purchase.{col}", f"three_public.vehicle_operation.{col}")


def overall_parts(report: Report, col: str) -> tuple[str, ...]:
    """The parts of 支出合计 as R-B03 adds them: 基本支出 and 项目支出 (declared or itemised)."""
    return _basic_parts(report, col) + _project_parts(report, col)


def three_public_parts(report: Report, col: str) -> tuple[str, ...]:
    return (*_vehicle_parts(report, col), f"three_public.overseas.{col}", f"three_public.reception.{col}")


def income_parts(report: Report) -> tuple[str, ...]:
    return tuple(f"income.{k}" for k in ("general_budget", "gov_fund", "special_account", "other", "carryover")
                 if paths.get(report, f"income.{k}") is not None)


def identities(report: Report, fig: Figures) -> Iterator[Identity]:
    """Every identity of §5 whose total and parts are all known (as R-B01…R-B08 read them)."""
    d = report.declared
    for col in COLUMNS:
        label = COLUMN_LABELS[col]
        bb, pp = _get(fig.basic, col), _get(fig.projects_part, col)
        rows = [
            ("R-B01", f"基本支出{label}", f"declared.basic.{col}", _get(d.basic, col), _get(fig.basic_sum, col),
             (f"basic.personnel.{col}", f"basic.public.{col}")),
            ("R-B02", f"项目支出{label}", f"declared.projects.{col}", _get(d.projects, col),
             _get(fig.projects_sum, col),
             tuple(f"projects[{i}].amounts.{col}" for i in range(len(report.projects)))),
            ("R-B03", f"支出合计{label}", f"declared.overall.{col}", _get(d.overall, col),
             None if bb is None or pp is None else bb + pp, overall_parts(report, col)),
            ("R-B08", f"公务用车购置及运行维护费{label}", f"declared.vehicle.{col}", _get(d.vehicle, col),
             _get(fig.vehicle_sum, col),
             (f"three_public.vehicle_purchase.{col}", f"three_public.vehicle_operation.{col}")),
            ("R-B08", f"“三公”经费{label}", f"declared.three_public.{col}", _get(d.three_public, col),
             _get(fig.three_public_sum, col), three_public_parts(report, col)),
        ]
        for rule, what, path, total, parts, part_paths in rows:
            if total is not None and parts is not None:
                yield Identity(rule, what, path, total, parts, part_paths)
    if fig.income is not None and fig.overall.actual is not None:
        yield Identity("R-B04", "年度资金总额（全年执行数）与按收入性质分合计", "declared.overall.actual",
                       fig.overall.actual, fig.income, income_parts(report))


@reg.report(
    "R-B16",
    INFO,
    "尾差：合计与各项之和只差各项四舍五入的 0.01 万元以内（各项取自以元为单位或保留两位小数的报表）",
    reads=(A.declared, A.basic, A.projects.each.amounts, A.income, A.three_public, A.sources),
)
def rounding_difference(report: Report, fig: Figures) -> Iterator[Hit]:
    for ident in identities(report, fig):
        diff = ident.total - ident.parts_sum
        if absorbs(report, diff, ident.total_path, ident.part_paths):
            yield Hit(
                f"{ident.what} {m(ident.total)} 万元与各项之和 {m(ident.parts_sum)} 万元相差 {m(diff)}，"
                f"在 {len(ident.part_paths)} 项四舍五入的尾差（每项 0.01 万元）以内，按报表原数保留，"
                f"不作错误处理（{ident.rule}）",
                (ident.total_path, *ident.part_paths[:2]),
            )
