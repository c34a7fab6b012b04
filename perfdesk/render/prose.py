"""Sentences that carry figures: budget, projects, 三公经费, staffing, other budgets.

Every figure comes from ``perfdesk.model.figures`` — the same numbers the Excel
attachments print — so prose and tables cannot disagree (seed 004 printed 596.00 in the
text against 696 in 附件1). Each function returns finished paragraphs (plain strings).
The indicator and score sentences are in ``prose_perf``.
"""

from __future__ import annotations

from decimal import Decimal

from perfdesk.model import figures
from perfdesk.model.money import Money, ratio
from perfdesk.model.report import Amounts, Project, Report
from perfdesk.render.prose_text import (
    change_phrase,
    clean,
    end_sentence,
    is_zero,
    joined,
    paragraphs,
    pct,
    wan,
)


def year_text(report: Report) -> str:
    return f"{report.year}年" if report.year is not None else "本年度"


def year_du(report: Report) -> str:
    return f"{report.year}年度" if report.year is not None else "本年度"


def title(report: Report) -> str:
    year = f"{report.year}年度" if report.year is not None else ""
    return f"{year}{clean(report.unit_name).strip()}整体支出绩效自评报告"


def _three_columns(a: Amounts) -> str:
    return f"年初预算数为{wan(a.initial)}，全年预算数为{wan(a.annual)}，决算数为{wan(a.actual)}"


# ---------------------------------------------------------------- 单位基本情况
def organization(report: Report) -> list[str]:
    """机构设置: departments, branches, subordinate units, the user's note."""
    parts = []
    groups = (
        ("内设机构", report.departments),
        ("派出机构", report.branches),
        ("下属单位", report.subordinates),
    )
    for label, items in groups:
        names = [clean(x).strip() for x in items if clean(x).strip()]
        if names:
            parts.append(f"{label}{len(names)}个：{joined(names)}")
    out = []
    if parts:
        out.append(end_sentence("本单位设" + "；".join(parts)))
    out.extend(paragraphs(report.organization_note))
    staffing = staffing_sentence(report)
    if staffing:
        out.append(staffing)
    return out


def staffing_sentence(report: Report) -> str:
    s = report.staffing
    bits = []
    if s.authorized is not None:
        bits.append(f"本单位编制数{s.authorized}人")
    if s.actual is not None:
        bits.append(f"{year_text(report)}实际在职人数{s.actual}人")
    rate = figures.staffing_rate(report)
    if rate is not None:
        bits.append(f"编制控制率为{pct(rate)}")
    text = end_sentence("，".join(bits)) if bits else ""
    note = " ".join(paragraphs(s.note))
    return (text + end_sentence(note)).strip()


# ---------------------------------------------------------------- 一般公共预算支出
def _adjustment_sentence(report: Report, scope: str, amounts: Amounts) -> str:
    items = [a for a in report.adjustments if a.scope == scope and a.amount is not None]
    if not items:
        return ""
    diff = (amounts.annual or Decimal(0)) - (amounts.initial or Decimal(0))
    if diff > 0:
        head = f"全年预算数较年初预算数增加{wan(diff)}"
    elif diff < 0:
        head = f"全年预算数较年初预算数减少{wan(-diff)}"
    else:
        head = "全年预算数与年初预算数持平"
    ups = [f"{clean(a.description).strip() or '追加'}{wan(a.amount)}" for a in items
           if a.kind != "调减"]
    downs = [f"{clean(a.description).strip() or '调减'}{wan(a.amount)}" for a in items
             if a.kind == "调减"]
    detail = []
    if ups:
        detail.append("年中追加" + joined(ups))
    if downs:
        detail.append("调减" + joined(downs))
    return f"{head}，其中：{'；'.join(detail)}。"


def basic_spending(report: Report) -> list[str]:
    """二（一）基本支出情况."""
    b = report.basic
    basic = figures.effective_basic(report)
    first = f"{year_text(report)}基本支出{_three_columns(basic)}"
    detail = []
    for label, amounts, items in (
        ("人员经费", b.personnel, b.personnel_items),
        ("公用经费", b.public, b.public_items),
    ):
        if amounts.actual is None and not clean(items).strip():
            continue
        text = f"{label}{wan(amounts.actual)}"
        items_text = clean(items).strip().rstrip("。；;")
        if items_text:
            text += f"，主要包括{items_text}"
        detail.append(text)
    first += "。其中：" + "；".join(detail) + "。" if detail else "。"
    out = [first]
    adj = _adjustment_sentence(report, "basic", basic)
    if adj:
        out.append(adj)
    public_parts = [
        f"{label}{wan(a.actual)}"
        for label, a in (
            ("办公经费", b.office),
            ("水费、电费、差旅费", b.utilities_travel),
            ("会议费、培训费", b.meetings_training),
        )
        if a.actual is not None
    ]
    if public_parts:
        out.append(f"公用经费中，{joined(public_parts, '，')}。")
    return out


def three_public(report: Report) -> list[str]:
    """“三公”经费 against budget and last year, with the user's explanation."""
    t = report.three_public
    total = figures.effective_three_public(report)
    vehicle = figures.effective_vehicle(report)
    y = year_text(report)
    if all(is_zero(getattr(total, c)) for c in ("initial", "annual", "actual")):
        text = f"{y}本单位“三公”经费预算和决算均为零"
        change = change_phrase(total.actual, total.prior)
        text += f"，{change}。" if change else "。"
        return [text, *paragraphs(t.note)]
    text = f"{y}“三公”经费年初预算数为{wan(total.initial)}，决算数为{wan(total.actual)}"
    rate = figures.control_rate(total)
    if rate is not None:
        text += f"，控制率为{pct(rate)}"
    change = change_phrase(total.actual, total.prior)
    text += f"；{change}。" if change else "。"
    items = []
    if is_zero(vehicle.actual) and is_zero(vehicle.initial):
        items.append("未发生公务用车购置及运行维护费")
    else:
        v = f"公务用车购置及运行维护费预算{wan(vehicle.initial)}，决算{wan(vehicle.actual)}"
        if is_zero(t.vehicle_purchase.actual):
            v += f"（未购置公务用车，运行维护费{wan(t.vehicle_operation.actual)}）"
        else:
            v += (f"（其中公务用车购置费{wan(t.vehicle_purchase.actual)}，"
                  f"运行维护费{wan(t.vehicle_operation.actual)}）")
        items.append(v)
    for label, a in (("因公出国（境）费", t.overseas), ("公务接待费", t.reception)):
        if is_zero(a.actual) and is_zero(a.initial):
            items.append(f"未发生{label.removesuffix('费')}费用")
        else:
            items.append(f"{label}预算{wan(a.initial)}，决算{wan(a.actual)}")
    text += "其中：" + "；".join(items) + "。"
    return [text, *paragraphs(t.note)]


def _project_line(i: int, p: Project) -> str:
    a = p.amounts
    name = clean(p.name).strip() or f"项目{i}"
    text = (f"{i}.{name}：年初预算数{wan(a.initial)}，全年预算数{wan(a.annual)}，"
            f"决算数{wan(a.actual)}")
    rate = figures.project_execution_rate(p)
    if rate is not None:
        text += f"，执行率{pct(rate)}"
    purpose = clean(p.purpose).strip().replace("\n", "").rstrip("。；;")
    if purpose:
        if not purpose.startswith(("主要用于", "用于")):
            purpose = "主要用于" + purpose
        text += f"，{purpose}"
    return text + "。"


def project_spending(report: Report) -> list[str]:
    """二（二）项目支出情况: totals, then one paragraph per project."""
    y = year_text(report)
    total = figures.effective_projects(report)
    if not report.projects and all(is_zero(getattr(total, c)) for c in figures.COLUMNS):
        return [f"{y}本单位无项目支出。"]
    first = f"{y}项目支出{_three_columns(total)}"
    if report.projects:
        first += f"，共{len(report.projects)}个项目"
    first += "。" + _adjustment_sentence(report, "project", total)
    return [first, *(_project_line(i, p) for i, p in enumerate(report.projects, 1))]


def _other_budget(report: Report, label: str, amount: Money, note: str) -> list[str]:
    if is_zero(amount):
        return [f"本单位无{label}支出。", *paragraphs(note)]
    return [f"{year_text(report)}本单位{label}支出{wan(amount)}。", *paragraphs(note)]


def gov_fund(report: Report) -> list[str]:
    o = report.other_budgets
    return _other_budget(report, "政府性基金预算", o.gov_fund, o.gov_fund_note)


def state_capital(report: Report) -> list[str]:
    o = report.other_budgets
    return _other_budget(report, "国有资本经营预算", o.state_capital, o.state_capital_note)


def social_insurance(report: Report) -> list[str]:
    o = report.other_budgets
    return _other_budget(report, "社会保险基金预算", o.social_insurance,
                         o.social_insurance_note)


def scale(report: Report) -> list[str]:
    """部门整体支出规模 (older outlines): total split into basic and project spending."""
    overall = figures.effective_overall(report)
    basic = figures.effective_basic(report)
    projects = figures.effective_projects(report)
    text = f"{year_text(report)}本单位整体支出决算数为{wan(overall.actual)}"
    if not is_zero(overall.actual):
        share_b = ratio(basic.actual, overall.actual)
        text += f"，其中基本支出{wan(basic.actual)}"
        if share_b is not None:
            text += f"，占{pct(share_b)}"
        text += f"；项目支出{wan(projects.actual)}"
        share_p = ratio(projects.actual, overall.actual)
        if share_p is not None:
            text += f"，占{pct(share_p)}"
    return [text + "。"]
