"""Budget arithmetic (DOMAIN.md §5): totals against their parts, income, adjustments.

R-B01 … R-B05, R-B08, and the extra R-B12 (公用经费 其中 items), R-B13 (a project's
funding split) and R-B14 (a total left blank by one blank part). Execution is in ``rules_execution``, the amounts themselves in
``rules_amounts``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from perfdesk.checks import rules_rounding as rounding
from perfdesk.checks.finding import ERROR, WARNING
from perfdesk.checks.rules import Hit, Registry, Unit
from perfdesk.checks.rules import column as _get
from perfdesk.checks.rules import money_text as m
from perfdesk.model import figures
from perfdesk.model.figures import COLUMN_LABELS, COLUMNS, Figures
from perfdesk.model.report import Amounts, Report
from perfdesk.model.schema import A
from perfdesk.model.vocabulary import Scope

reg = Registry()

# ---------------------------------------------------------------------------------------
# Declared totals against their parts (R-B01, R-B02, R-B03, R-B08)


@reg.report(
    "R-B01",
    ERROR,
    "基本支出 ≠ 人员经费 + 公用经费（任一列）",
    reads=(A.declared.basic, A.basic.personnel, A.basic.public, A.sources),
)
def basic_parts(report: Report, fig: Figures) -> Iterator[Hit]:
    b = report.basic
    computed = fig.basic_sum
    for col in COLUMNS:
        declared, parts = _get(report.declared.basic, col), _get(computed, col)
        if declared is None or parts is None or declared == parts:
            continue
        if rounding.absorbs(report, declared - parts, f"declared.basic.{col}",
                            (f"basic.personnel.{col}", f"basic.public.{col}")):
            continue  # 尾差: R-B16
        yield Hit(
            f"基本支出{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ 人员经费 {m(_get(b.personnel, col))}"
            f" + 公用经费 {m(_get(b.public, col))} = {m(parts)} 万元，请核对",
            (f"declared.basic.{col}", f"basic.personnel.{col}", f"basic.public.{col}"),
        )


@reg.report(
    "R-B02",
    ERROR,
    "项目支出 ≠ 各项目之和（任一列）",
    reads=(A.declared.projects, A.projects.each.amounts, A.projects.each.name, A.sources),
)
def projects_sum(report: Report, fig: Figures) -> Iterator[Hit]:
    computed = fig.projects_sum
    for col in COLUMNS:
        declared, parts = _get(report.declared.projects, col), _get(computed, col)
        if declared is None or parts is None or declared == parts:
            continue
        if rounding.absorbs(report, declared - parts, f"declared.projects.{col}",
                            [f"projects[{i}].amounts.{col}" for i in range(len(report.projects))]):
            continue  # 尾差: R-B16
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
    reads=(A.declared, A.basic.personnel, A.basic.public, A.projects.each.amounts, A.sources),
)
def overall_parts(report: Report, fig: Figures) -> Iterator[Hit]:
    for col in COLUMNS:
        declared, b, p = _get(report.declared.overall, col), _get(fig.basic, col), _get(fig.projects_part, col)
        if declared is None or b is None or p is None or declared == b + p:
            continue
        if rounding.absorbs(report, declared - (b + p), f"declared.overall.{col}",
                            rounding.overall_parts(report, col)):
            continue  # 尾差: R-B16
        yield Hit(
            f"支出合计（年度资金总额）{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ 基本支出 "
            f"{m(b)} + 项目支出 {m(p)} = {m(b + p)} 万元，请核对",
            (f"declared.overall.{col}", f"declared.basic.{col}", f"declared.projects.{col}"),
        )


@reg.report(
    "R-B08",
    ERROR,
    "“三公”经费合计 ≠ 各项之和（任一列）",
    reads=(A.declared.three_public, A.declared.vehicle, A.three_public, A.sources),
)
def three_public_parts(report: Report, fig: Figures) -> Iterator[Hit]:
    t = report.three_public
    vehicle, eff_vehicle, total = fig.vehicle_sum, fig.vehicle, fig.three_public_sum
    for col in COLUMNS:
        declared, parts = _get(report.declared.vehicle, col), _get(vehicle, col)
        if declared is not None and parts is not None and declared != parts and not rounding.absorbs(
                report, declared - parts, f"declared.vehicle.{col}",
                (f"three_public.vehicle_purchase.{col}", f"three_public.vehicle_operation.{col}")):
            yield Hit(
                f"公务用车购置及运行维护费{COLUMN_LABELS[col]} {m(declared)} 万元 ≠ 购置 "
                f"{m(_get(t.vehicle_purchase, col))} + 运行维护 {m(_get(t.vehicle_operation, col))}"
                f" = {m(parts)} 万元，请核对",
                (f"declared.vehicle.{col}", f"three_public.vehicle_purchase.{col}",
                 f"three_public.vehicle_operation.{col}"),
            )
        declared, parts = _get(report.declared.three_public, col), _get(total, col)
        if declared is not None and parts is not None and declared != parts and not rounding.absorbs(
                report, declared - parts, f"declared.three_public.{col}",
                rounding.three_public_parts(report, col)):
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
    reads=(A.income, A.declared, A.basic.personnel, A.basic.public, A.projects.each.amounts, A.sources),
)
def income_sources(report: Report, fig: Figures) -> Iterator[Hit]:
    income, overall = fig.income, fig.overall.actual
    if income is None or overall is None or income == overall:
        return
    if rounding.absorbs(report, overall - income, "declared.overall.actual", rounding.income_parts(report)):
        return  # 尾差: R-B16
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




@reg.report(
    "R-B05",
    WARNING,
    "逐项列出的年中追加、调减与年初预算合计不等于全年预算数",
    reads=(A.adjustments, A.declared, A.basic.personnel, A.basic.public, A.projects.each.amounts),
)
def adjustments_reconcile(report: Report, fig: Figures) -> Iterator[Hit]:
    for scope in Scope:
        label = scope.label
        adj = fig.adjustments(scope)
        if adj is None:
            continue
        amounts = fig.spending(scope)
        if amounts.initial is None or amounts.annual is None:
            continue
        expected = amounts.initial + adj.net
        if expected == amounts.annual:
            continue
        added, cut, first = adj.added, adj.cut, adj.items[0]
        yield Hit(
            f"{label}年初预算 {m(amounts.initial)} + 追加 {m(added)} − 调减 {m(cut)} = {m(expected)}"
            f" 万元 ≠ 全年预算 {m(amounts.annual)} 万元（相差 {m(expected - amounts.annual)}），"
            "请核对调整明细是否齐全、金额单位是否为万元",
            (f"adjustments[{first}].amount",
             f"declared.{'basic' if scope == Scope.BASIC else 'projects'}.annual"),
        )


# ---------------------------------------------------------------------------------------
# Extra checks (R-B12, R-B13)


@reg.report(
    "R-B12",
    WARNING,
    "公用经费的“其中”项（办公经费、水电差旅、会议培训）之和超过公用经费",
    reads=(A.basic,),
)
def public_items(report: Report, fig: Figures) -> Iterator[Hit]:
    b = report.basic
    items = figures.add_known([b.office, b.utilities_travel, b.meetings_training])
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
    split = figures.add_known([f.current, f.carryover, f.other])
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


# ---------------------------------------------------------------------------------------
# A total left blank by one blank part (R-B14)

_Part = tuple[str, Amounts, str]  # (how the message names it, its amounts, its path)
_SPENDING, _THREE_PUBLIC = "spending", "three_public"


@dataclass
class _Gap:
    label: str
    path: str  # where to jump: the blank part's path, the column is appended
    block: str  # "spending" (基本/项目支出 under 支出合计) or "three_public" (“三公”经费)
    cols: list[str] = field(default_factory=list)
    totals: list[str] = field(default_factory=list)  # the printed totals it leaves blank


def _whole(label: str, amounts: Amounts, path: str, parts: list[_Part], col: str) -> list[_Part]:
    """A subtotal as a part of the total above it, unless it is blank because only some of
    its own parts are: then its parts stand in for it, so every blank part under the total
    is named at once (not one now and the next after the user fills that one in)."""
    if _get(amounts, col) is None and figures.blank_parts([a for _, a, _ in parts], col):
        return parts
    return [(label, amounts, path)]


@reg.report(
    "R-B14",
    WARNING,
    "某项金额为空而同一合计中已有别的项目填了数，合计（及执行率、总分）因此无法计算（任一列）",
    reads=(A.declared, A.basic.personnel, A.basic.public, A.projects.each.amounts, A.projects.each.name,
           A.three_public),
)
def blank_part(report: Report, fig: Figures) -> Iterator[Hit]:
    b, t = report.basic, report.three_public
    basic, projects, overall = fig.basic, fig.projects, fig.overall
    vehicle, three = fig.vehicle, fig.three_public
    basic_parts: list[_Part] = [("人员经费", b.personnel, "basic.personnel"),
                                ("公用经费", b.public, "basic.public")]
    project_parts: list[_Part] = [
        (f"项目“{p.name.strip()}”" if p.name.strip() else f"第{i + 1}个项目", p.amounts,
         f"projects[{i}].amounts")
        for i, p in enumerate(report.projects)
    ]
    vehicle_parts: list[_Part] = [
        ("公务用车购置费", t.vehicle_purchase, "three_public.vehicle_purchase"),
        ("公务用车运行维护费", t.vehicle_operation, "three_public.vehicle_operation"),
    ]
    gaps: dict[str, _Gap] = {}

    def note(parts: list[_Part], col: str, totals: list[tuple[str, Amounts]], block: str) -> None:
        blank: list[str] = []
        for label, a in totals:  # the totals above the parts, up to the first known one
            if _get(a, col) is not None:
                break
            blank.append(label)
        if not blank:
            return  # a declared total covers the column: nothing is stated from the parts
        for i in figures.blank_parts([a for _, a, _ in parts], col) or []:
            label, _, path = parts[i]
            gap = gaps.setdefault(label + path, _Gap(label, path, block))
            if col not in gap.cols:  # also named under the total above its subtotal
                gap.cols.append(col)
            gap.totals += [x for x in blank if x not in gap.totals]

    for col in COLUMNS:
        note(basic_parts, col, [("基本支出", basic), ("支出合计", overall)], _SPENDING)
        note(project_parts, col, [("项目支出", projects), ("支出合计", overall)], _SPENDING)
        first_project = project_parts[0][2] if project_parts else "projects"
        note([*_whole("基本支出", basic, "basic.personnel", basic_parts, col),
              *_whole("项目支出", projects, first_project, project_parts, col)],
             col, [("支出合计", overall)], _SPENDING)
        note(vehicle_parts, col, [("公务用车购置及运行维护费", vehicle), ("“三公”经费合计", three)],
             _THREE_PUBLIC)
        note([*_whole("公务用车购置及运行维护费", vehicle, "three_public.vehicle_purchase",
                      vehicle_parts, col),
              ("因公出国（境）费", t.overseas, "three_public.overseas"),
              ("公务接待费", t.reception, "three_public.reception")],
             col, [("“三公”经费合计", three)], _THREE_PUBLIC)
    # Blank parts of one block in the same columns are one finding (seed 001: three 三公
    # items blank in 上年决算), which keeps the path of every part it names.
    groups: dict[tuple[str, tuple[str, ...]], list[_Gap]] = {}
    for gap in gaps.values():
        groups.setdefault((gap.block, tuple(gap.cols)), []).append(gap)
    for (_block, cols), members in groups.items():
        totals = list(dict.fromkeys(t for g in members for t in g.totals))
        rate = ("，整体预算执行率和总分也无法计算"
                if "支出合计" in totals and {"annual", "actual"} & set(cols) else "")
        yield Hit(
            f"{'、'.join(g.label for g in members)}{'、'.join(COLUMN_LABELS[c] for c in cols)}为空，"
            f"而同一合计中已有别的项目填了数：{'、'.join(totals)}因此无法合计{rate}。空白表示未知而不是 0，"
            "请填写（确无此项支出请填 0）",
            # no project yet: the list itself
            tuple(g.path if g.path == "projects" else f"{g.path}.{g.cols[0]}" for g in members),
        )


# ---------------------------------------------------------------------------------------
# No spending figure at all (R-B15)


@reg.report(
    "R-B15",
    ERROR,
    "没有任何支出数字：基本支出、项目支出和支出合计的全年预算数、决算数都是空的",
    reads=(A.declared, A.basic.personnel, A.basic.public, A.projects.each.amounts),
)
def no_spending(report: Report, fig: Figures) -> Iterator[Hit]:
    b = report.basic
    parts = [b.personnel, b.public, *(p.amounts for p in report.projects)]
    typed = any(_get(a, col) is not None for a in parts for col in ("annual", "actual"))
    declared = any(_get(a, col) is not None for a in (report.declared.basic, report.declared.projects,
                                                      report.declared.overall)
                   for col in ("annual", "actual"))
    if not typed and not declared:
        yield Hit("尚未填写任何支出的全年预算数和决算数：基本支出、项目支出和支出合计都是空的，"
                  "预算执行率和总分无法计算，报告不能作为正式报告。请在“预算执行”和“项目支出”页填写",
                  ("basic.personnel.annual",))
