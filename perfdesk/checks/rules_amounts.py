"""The amounts themselves: valid numbers (R-B10) of a plausible magnitude (R-B11)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfdesk.checks.finding import ERROR, WARNING
from perfdesk.checks.rules import Hit, Registry, Unit
from perfdesk.checks.rules import column as _get
from perfdesk.checks.rules import money_text as m
from perfdesk.model.figures import COLUMN_LABELS, COLUMNS, Figures
from perfdesk.model.report import Amounts, Report
from perfdesk.model.schema import A, address

reg = Registry()

MAGNITUDE_LIMIT = Decimal(100000)  # 万元 = 10 亿元
MAGNITUDE_RATIO = Decimal(1000)  # one column 1000× another


_MONEY_SECTIONS = (
    "income",
    "basic",
    "three_public",
    "procurement",
    "declared",
    "other_budgets",
    "adjustments",
    "buildings",
)
_AREAS = {"approved_area", "actual_area"}


def decimals_in(value: object, path: str) -> Iterator[tuple[str, Decimal]]:
    """Every (path, Decimal) in a dataclass tree."""
    if isinstance(value, Decimal):
        yield path, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from decimals_in(v, f"{path}[{i}]")
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from decimals_in(getattr(value, name), f"{path}.{name}")


def _bad_amount(path: str, value: Decimal) -> Iterator[Hit]:
    if not value.is_finite():
        yield Hit(f"“{value}”不是有效金额，请填写数字（万元）", (path,))
        return
    if value < 0:
        yield Hit(f"金额 {value} 为负数，请填写正数（调减请在“预算调整”中按调减列出）", (path,))
    exponent = value.as_tuple().exponent
    if path.rsplit(".", 1)[-1] not in _AREAS and isinstance(exponent, int) and exponent < -2:
        if value != value.quantize(Decimal("0.01")):
            yield Hit(f"金额 {value} 超过两位小数，万元金额请保留两位小数", (path,))


@reg.report(
    "R-B10",
    ERROR,
    "金额为负数、超过两位小数或不是数字",
    reads=tuple(address(name) for name in _MONEY_SECTIONS),
)
def amounts_valid(report: Report, fig: Figures) -> Iterator[Hit]:
    for name in _MONEY_SECTIONS:
        for path, value in decimals_in(getattr(report, name), name):
            yield from _bad_amount(path, value)


@reg.unit("R-B10")
def project_amounts_valid(report: Report, unit: Unit) -> Iterator[Hit]:
    if unit.project is None:
        return
    for name in ("amounts", "funding"):
        for path, value in decimals_in(getattr(unit.project, name), unit.path(name)):
            yield from _bad_amount(path, value)


def _magnitude(label: str, a: Amounts, path: str) -> Iterator[Hit]:
    values = [(c, v) for c in COLUMNS if (v := _get(a, c)) is not None and v > 0]
    for col, v in values:
        if v >= MAGNITUDE_LIMIT:
            yield Hit(
                f"{label}{COLUMN_LABELS[col]} {m(v)} 万元（即 {m(v / 10000)} 亿元）数额异常，"
                "可能是按元填写了，请改为以万元为单位",
                (f"{path}.{col}",),
            )
            return
    if len(values) >= 2:
        (lo_col, lo), (hi_col, hi) = min(values, key=lambda x: x[1]), max(values, key=lambda x: x[1])
        if hi >= MAGNITUDE_RATIO * lo and hi >= 10:
            yield Hit(
                f"{label}{COLUMN_LABELS[hi_col]} {m(hi)} 万元 是{COLUMN_LABELS[lo_col]} {m(lo)} 万元 的"
                f" {int(hi / lo)} 倍，可能有一列按元（或另一列按万元）填写，请核对单位",
                (f"{path}.{hi_col}", f"{path}.{lo_col}"),
            )


_LINES = (
    ("basic.personnel", "人员经费"),
    ("basic.public", "公用经费"),
    ("basic.office", "办公经费"),
    ("basic.utilities_travel", "水费、电费、差旅费"),
    ("basic.meetings_training", "会议费、培训费"),
    ("three_public.vehicle_purchase", "公车购置"),
    ("three_public.vehicle_operation", "公车运行维护"),
    ("three_public.overseas", "因公出国（境）"),
    ("three_public.reception", "公务接待"),
    ("procurement", "政府采购金额"),
    ("declared.basic", "基本支出"),
    ("declared.projects", "项目支出"),
    ("declared.overall", "支出合计"),
    ("declared.three_public", "“三公”经费"),
    ("declared.vehicle", "公务用车购置及运行维护"),
)


@reg.report(
    "R-B11",
    WARNING,
    "金额数量级异常：疑似把元当作万元填写（或相反）",
    reads=(A.basic, A.three_public, A.procurement, A.declared),
)
def amounts_magnitude(report: Report, fig: Figures) -> Iterator[Hit]:
    for path, label in _LINES:
        obj: object = report
        for part in path.split("."):
            obj = getattr(obj, part)
        assert isinstance(obj, Amounts)
        yield from _magnitude(label, obj, path)


@reg.unit("R-B11")
def project_magnitude(report: Report, unit: Unit) -> Iterator[Hit]:
    if unit.project is not None:
        yield from _magnitude(unit.label, unit.project.amounts, unit.path("amounts"))
