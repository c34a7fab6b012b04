"""Budget arithmetic rules (R-B01 … R-B13): DOMAIN.md §5 on the typed figures."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfdesk.checks.finding import ERROR, WARNING
from perfdesk.checks.rules import Hit, Registry, Unit
from perfdesk.checks.scoring import basic_amounts, overall_amounts
from perfdesk.model import figures
from perfdesk.model.figures import COLUMN_LABELS, COLUMNS
from perfdesk.model.money import fmt_money, fmt_percent
from perfdesk.model.report import Amounts, Report

reg = Registry()

EXEC_RATE_FLOOR = Decimal("0.9")  # R-B07
MAGNITUDE_LIMIT = Decimal(100000)  # 万元 = 10 亿元 (R-B11)
MAGNITUDE_RATIO = Decimal(1000)  # one column 1000× another (R-B11)


def m(value: Decimal | None) -> str:
    """万元 with two decimals; more when typed with more (so a 0.001 slip stays visible)."""
    if value is not None and value.is_finite() and value != value.quantize(Decimal("0.01")):
        return format(value, "f")
    return fmt_money(value, "空")


def _get(a: Amounts, col: str) -> Decimal | None:
    value: Decimal | None = getattr(a, col)
    return value


# ---------------------------------------------------------------------------------------
# Declared totals against their parts (R-B01, R-B02, R-B03, R-B08)


@reg.report(
    "R-B01",
    ERROR,
    "基本支出 ≠ 人员经费 + 公用经费（任一列）",
    reads=("declared.basic", "basic.personnel", "basic.public"),
)
def basic_parts(report: Report) -> Iterator[Hit]:
    b = report.basic
    computed = figures.basic_total(report)
    for col in COLUMNS:
        declared, parts = _get(report.declared.basic, col), _get(computed, col)
        if declared is None or parts is None or declared == parts:
            continue
        yield Hit(
            f"基本支出{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ 人员经费 {m(_get(b.personnel, col))}"
            f" + 公用经费 {m(_get(b.public, col))} = {m(parts)} 万元，请核对",
            (f"declared.basic.{col}", f"basic.personnel.{col}", f"basic.public.{col}"),
        )


@reg.report(
    "R-B02",
    ERROR,
    "项目支出 ≠ 各项目之和（任一列）",
    reads=("declared.projects", "projects[].amounts", "projects[].name"),
)
def projects_sum(report: Report) -> Iterator[Hit]:
    computed = figures.projects_total(report)
    for col in COLUMNS:
        declared, parts = _get(report.declared.projects, col), _get(computed, col)
        if declared is None or parts is None or declared == parts:
            continue
        items = " + ".join(m(_get(p.amounts, col)) for p in report.projects[:6])
        if len(report.projects) > 6:
            items += " + …"
        yield Hit(
            f"项目支出{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ {len(report.projects)} 个项目之和 "
            f"{items} = {m(parts)} 万元（相差 {m(declared - parts)}），请核对",
            (f"declared.projects.{col}", *(f"projects[{i}].amounts.{col}" for i in range(len(report.projects)))),
        )


@reg.report(
    "R-B03",
    ERROR,
    "支出合计（年度资金总额）≠ 基本支出 + 项目支出（任一列）",
    reads=("declared", "basic.personnel", "basic.public", "projects[].amounts"),
)
def overall_parts(report: Report) -> Iterator[Hit]:
    basic, projects = basic_amounts(report), figures.effective_projects(report)
    for col in COLUMNS:
        declared, b, p = _get(report.declared.overall, col), _get(basic, col), _get(projects, col)
        if p is None and not report.projects:
            p = Decimal(0)
        if declared is None or b is None or p is None or declared == b + p:
            continue
        yield Hit(
            f"支出合计（年度资金总额）{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ 基本支出 "
            f"{m(b)} + 项目支出 {m(p)} = {m(b + p)} 万元，请核对",
            (f"declared.overall.{col}", f"declared.basic.{col}", f"declared.projects.{col}"),
        )


@reg.report(
    "R-B08",
    ERROR,
    "“三公”经费合计 ≠ 各项之和（任一列）",
    reads=("declared.three_public", "declared.vehicle", "three_public"),
)
def three_public_parts(report: Report) -> Iterator[Hit]:
    t = report.three_public
    vehicle = figures.vehicle_total(report)
    eff_vehicle = figures.effective_vehicle(report)
    total = figures.three_public_total(report)
    for col in COLUMNS:
        declared, parts = _get(report.declared.vehicle, col), _get(vehicle, col)
        if declared is not None and parts is not None and declared != parts:
            yield Hit(
                f"公务用车购置及运行维护费{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ 购置 "
                f"{m(_get(t.vehicle_purchase, col))} + 运行维护 {m(_get(t.vehicle_operation, col))}"
                f" = {m(parts)} 万元，请核对",
                (f"declared.vehicle.{col}", f"three_public.vehicle_purchase.{col}",
                 f"three_public.vehicle_operation.{col}"),
            )
        declared, parts = _get(report.declared.three_public, col), _get(total, col)
        if declared is not None and parts is not None and declared != parts:
            yield Hit(
                f"“三公”经费{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ 公务用车 "
                f"{m(_get(eff_vehicle, col))} + 因公出国（境） {m(_get(t.overseas, col))} + 公务接待 "
                f"{m(_get(t.reception, col))} = {m(parts)} 万元，请核对",
                (f"declared.three_public.{col}", f"three_public.overseas.{col}",
                 f"three_public.reception.{col}"),
            )


# ---------------------------------------------------------------------------------------
# Income and adjustments (R-B04, R-B05)


@reg.report(
    "R-B04",
    ERROR,
    "按收入性质分之和 ≠ 年度资金总额（全年执行数）",
    reads=("income", "declared", "basic.personnel", "basic.public", "projects[].amounts"),
)
def income_sources(report: Report) -> Iterator[Hit]:
    income = figures.income_total(report)
    overall = overall_amounts(report).actual
    if income is None or overall is None or income == overall:
        return
    inc = report.income
    parts = [
        ("一般公共预算", inc.general_budget),
        ("政府性基金", inc.gov_fund),
        ("专户管理非税收入", inc.special_account),
        ("其他资金", inc.other),
        ("上年结转结余", inc.carryover),
    ]
    listed = " + ".join(f"{name} {m(v)}" for name, v in parts if v is not None)
    yield Hit(
        f"按收入性质分合计 {listed} = {m(income)} 万元 ≠ 年度资金总额（全年执行数）"
        f"{m(overall)} 万元（相差 {m(income - overall)}），请核对收入来源",
        ("income.general_budget", "declared.overall.actual"),
    )


_SCOPES = {"basic": "基本支出", "project": "项目支出"}


@reg.report(
    "R-B05",
    WARNING,
    "逐项列出的年中追加、调减与年初预算合计不等于全年预算数",
    reads=("adjustments", "declared", "basic.personnel", "basic.public", "projects[].amounts"),
)
def adjustments_reconcile(report: Report) -> Iterator[Hit]:
    for scope, label in _SCOPES.items():
        net = figures.adjustments_net(report, scope)
        if net is None:
            continue
        amounts = basic_amounts(report) if scope == "basic" else figures.effective_projects(report)
        if amounts.initial is None or amounts.annual is None:
            continue
        expected = amounts.initial + net
        if expected == amounts.annual:
            continue
        items = [a for a in report.adjustments if a.scope == scope and a.amount is not None]
        added = sum((a.amount for a in items if a.kind != "调减" and a.amount is not None), Decimal(0))
        cut = sum((a.amount for a in items if a.kind == "调减" and a.amount is not None), Decimal(0))
        first = report.adjustments.index(items[0])
        yield Hit(
            f"{label}年初预算 {m(amounts.initial)} + 追加 {m(added)} − 调减 {m(cut)} = {m(expected)}"
            f" 万元 ≠ 全年预算 {m(amounts.annual)} 万元（相差 {m(expected - amounts.annual)}），"
            "请核对调整明细是否齐全、金额单位是否为万元",
            (f"adjustments[{first}].amount",
             f"declared.{'basic' if scope == 'basic' else 'projects'}.annual"),
        )


# ---------------------------------------------------------------------------------------
# Execution (R-B06, R-B07)


def _over_budget(label: str, a: Amounts, path: str) -> Iterator[Hit]:
    if a.actual is not None and a.annual is not None and a.actual > a.annual:
        yield Hit(
            f"{label}执行数 {m(a.actual)} 万元 超过全年预算数 {m(a.annual)} 万元"
            f"（超出 {m(a.actual - a.annual)}），请核对或说明原因",
            (f"{path}.actual", f"{path}.annual"),
        )


@reg.report(
    "R-B06",
    WARNING,
    "执行数超过全年预算数（总额、基本支出或某个项目）",
    reads=("declared", "basic.personnel", "basic.public", "projects[].amounts"),
)
def overall_over_budget(report: Report) -> Iterator[Hit]:
    yield from _over_budget("支出合计", overall_amounts(report), "declared.overall")
    yield from _over_budget("基本支出", basic_amounts(report), "declared.basic")


@reg.unit("R-B06")
def project_over_budget(report: Report, unit: Unit) -> Iterator[Hit]:
    if unit.project is not None:
        yield from _over_budget(unit.label, unit.project.amounts, unit.path("amounts"))


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
    reads=("problems", "declared", "basic.personnel", "basic.public", "projects[].amounts"),
)
def overall_low_execution(report: Report) -> Iterator[Hit]:
    rate = figures.execution_rate(overall_amounts(report))
    if rate is None or rate >= EXEC_RATE_FLOOR:
        return
    words = ("执行率", "执行进度", "支出进度", "预算执行", *_rate_texts(rate))
    if any(w in t for t in problem_texts(report) for w in words):
        return
    yield Hit(
        f"整体预算执行率 {fmt_percent(rate)} 低于 90%，请在“存在的问题及原因分析”中说明原因",
        ("problems", "declared.overall.actual"),
    )


@reg.unit("R-B07", reads=("problems",))
def project_low_execution(report: Report, unit: Unit) -> Iterator[Hit]:
    if unit.project is None:
        return
    rate = figures.execution_rate(unit.project.amounts)
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
    reads=("three_public", "declared.three_public", "declared.vehicle"),
)
def three_public_control(report: Report) -> Iterator[Hit]:
    total = figures.effective_three_public(report)
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


# ---------------------------------------------------------------------------------------
# Amounts themselves (R-B10, R-B11)

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
    reads=_MONEY_SECTIONS,
)
def amounts_valid(report: Report) -> Iterator[Hit]:
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
    reads=("basic", "three_public", "procurement", "declared"),
)
def amounts_magnitude(report: Report) -> Iterator[Hit]:
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


# ---------------------------------------------------------------------------------------
# Extra checks (R-B12, R-B13)


@reg.report(
    "R-B12",
    WARNING,
    "公用经费的“其中”项（办公经费、水电差旅、会议培训）之和超过公用经费",
    reads=("basic",),
)
def public_items(report: Report) -> Iterator[Hit]:
    b = report.basic
    items = figures.add([b.office, b.utilities_travel, b.meetings_training])
    for col in COLUMNS:
        whole, parts = _get(b.public, col), _get(items, col)
        if whole is not None and parts is not None and parts > whole:
            yield Hit(
                f"公用经费{COLUMN_LABELS[col]} {m(whole)} 万元 小于其中各项之和：办公经费 "
                f"{m(_get(b.office, col))} + 水费电费差旅费 {m(_get(b.utilities_travel, col))} + "
                f"会议费培训费 {m(_get(b.meetings_training, col))} = {m(parts)} 万元，请核对",
                (f"basic.public.{col}", f"basic.office.{col}"),
            )


_FUNDING_COLUMNS = ("initial", "annual", "actual")


@reg.unit(
    "R-B13",
    ERROR,
    "项目资金来源（当年财政拨款 + 上年结转 + 其他资金）≠ 项目年度资金总额（任一列）",
)
def project_funding(report: Report, unit: Unit) -> Iterator[Hit]:
    if unit.project is None:
        return
    p = unit.project
    f = p.funding
    split = figures.add([f.current, f.carryover, f.other])
    for col in _FUNDING_COLUMNS:
        whole, parts = _get(p.amounts, col), _get(split, col)
        if whole is None or parts is None or whole == parts:
            continue
        yield Hit(
            f"{unit.label}{COLUMN_LABELS[col]} {m(whole)} 万元 ≠ 当年财政拨款 {m(_get(f.current, col))}"
            f" + 上年结转 {m(_get(f.carryover, col))} + 其他资金 {m(_get(f.other, col))} = "
            f"{m(parts)} 万元，请核对",
            (unit.path(f"amounts.{col}"), unit.path(f"funding.current.{col}")),
        )
