"""Figures imported from the unit's tables (report.sources): R-S02, a figure edited after
import. Pure: it compares the value kept with each source against the field's value and
reads no file (whether the source file changed since is the program's notice, not a check)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfdesk.checks.finding import INFO
from perfdesk.checks.rules import Hit, Registry
from perfdesk.checks.rules import money_text as m
from perfdesk.model import paths
from perfdesk.model.figures import Figures
from perfdesk.model.report import Report
from perfdesk.model.schema import A

reg = Registry()

_WATCHED = (A.sources, A.year, A.staffing, A.income, A.basic, A.declared, A.three_public,
            A.procurement, A.other_budgets, A.projects.each.amounts)


@reg.report(
    "R-S02",
    INFO,
    "取自单位决算/预算报表的数在导入后被修改",
    reads=_WATCHED,
)
def edited_after_import(report: Report, fig: Figures) -> Iterator[Hit]:
    for path, src in sorted(report.sources.items()):
        if src.value is None:
            continue
        try:
            current = paths.get(report, path)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError):
            continue  # the field is gone (a project removed): nothing to compare
        if current is not None and not isinstance(current, int | Decimal):
            continue
        if current is not None and Decimal(current) == src.value:
            continue
        labels = " × ".join(x for x in (src.row_label, src.column_label) if x)
        where = f"“{src.file}”{src.sheet}!{src.cell}" + (f"（{labels}）" if labels else "")
        yield Hit(
            f"此数取自 {where}，为 {m(src.value)}，现为 {m(Decimal(current)) if current is not None else '空'}："
            "导入后已修改。如是更正可不理会；如是误改，请按报表核对",
            (path,),
        )
