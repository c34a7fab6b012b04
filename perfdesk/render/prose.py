"""Sentences that carry figures: budget, projects, 三公经费, staffing, other budgets.

Every figure comes from ``perfdesk.model.figures`` or ``perfdesk.checks.scoring`` — the
same numbers the Excel attachments print and the score uses — so prose and tables cannot
disagree (seed 004 printed 596.00 in the text against 696 in 附件1). A blank amount is
unknown, not zero: its clause is left out, and only a typed 0 is reported as 未发生/为零.
Each function returns finished paragraphs (plain strings). The indicator and score
sentences are in ``prose_perf``.
"""

from __future__ import annotations

from decimal import Decimal

from perfdesk.model import figures
from perfdesk.model.figures import Figures, ScoreSummary
from perfdesk.model.money import Money, ratio
from perfdesk.model.numbers import wan
from perfdesk.model.report import Amounts, Project, Report
from perfdesk.model.vocabulary import AdjustmentKind, Scope
from perfdesk.render.prose_text import (
    change_phrase,
    clean,
    end_sentence,
    figure_clauses,
    is_zero,
    joined,
    known_zero,
    paragraphs,
    pct,
)


def year_text(report: Report) -> str:
    return f"{report.year}年" if report.year is not None else "本年度"


def year_du(report: Report) -> str:
    return f"{report.year}年度" if report.year is not None else "本年度"


def title(report: Report) -> str:
    year = f"{report.year}年度" if report.year is not None else ""
    return f"{year}{clean(report.unit_name).strip()}整体支出绩效自评报告"


def _three_columns(a: Amounts) -> str:
    """'年初预算数为…，全年预算数为…，决算数为…' with the blank columns left out ('' if all)."""
    return figure_clauses((("年初预算数为", a.initial), ("全年预算数为", a.annual),
                           ("决算数为", a.actual)))


# ---------------------------------------------------------------- 单位基本情况
def organization(report: Report, fig: Figures) -> list[str]:
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
    staffing = staffing_sentence(report, fig)
    if staffing:
        out.append(staffing)
    return out


def staffing_sentence(report: Report, fig: Figures) -> str:
    s = report.staffing
    bits = []
    if s.authorized is not None:
        bits.append(f"本单位编制数{s.authorized}人")
    if s.actual is not None:
        bits.append(f"{year_text(report)}实际在职人数{s.actual}人")
    rate = fig.staffing_rate
    if rate is not None:
        bits.append(f"编制控制率为{pct(rate)}")
    text = end_sentence("，".join(bits)) if bits else ""
    note = " ".join(paragraphs(s.note))
    return (text + end_sentence(note)).strip()


# ---------------------------------------------------------------- 一般公共预算支出
def _adjustment_sentence(report: Report, fig: Figures, scope: Scope) -> str:
    """年中追加/调减, itemised. The items are called the breakdown ("其中") of the change from
    年初 to 全年 only when they add up to it exactly; otherwise the change (when both totals
    are known) and the items are stated side by side, neither presented as the other's
    breakdown (check R-B05 reports the difference). Change and net are the exact figures the
    check compares (``Figures``), so the words can never contradict R-B05."""
    adj = fig.adjustments(scope)
    if adj is None:
        return ""
    amounts = fig.spending(scope)
    items = [report.adjustments[i] for i in adj.items]
    ups = [f"{clean(a.description).strip() or '追加'}{wan(a.amount)}" for a in items
           if a.kind == AdjustmentKind.ADD]
    downs = [f"{clean(a.description).strip() or '调减'}{wan(a.amount)}" for a in items
             if a.kind == AdjustmentKind.CUT]
    detail = []
    if ups:
        detail.append("追加" + joined(ups))
    if downs:
        detail.append("调减" + joined(downs))
    listed = f"年中预算调整情况：{'；'.join(detail)}。"
    if amounts.initial is None or amounts.annual is None:
        return listed
    diff = amounts.annual - amounts.initial
    if diff > 0:
        head = f"全年预算数较年初预算数增加{wan(diff)}"
    elif diff < 0:
        head = f"全年预算数较年初预算数减少{wan(-diff)}"
    else:
        head = "全年预算数与年初预算数持平"
    if adj.net == diff and diff != 0:
        return f"{head}，其中：年中{'；'.join(detail)}。"
    return f"{head}。{listed}"


def _spending_part(label: str, amounts: Money, items: str) -> str:
    """'人员经费1655.28万元，主要包括…' (either half may be missing; '' when both are)."""
    items_text = clean(items).strip().rstrip("。；;")
    text = f"{label}{wan(amounts)}" if amounts is not None else ""
    if items_text:
        text += f"{'，' if text else label}主要包括{items_text}"
    return text


def basic_spending(report: Report, fig: Figures) -> list[str]:
    """二（一）基本支出情况, from the same 基本支出 totals as 附件1/附件2 and the score."""
    b = report.basic
    basic = fig.basic
    y = year_text(report)
    columns = _three_columns(basic)
    detail = [part for part in (_spending_part("人员经费", b.personnel.actual, b.personnel_items),
                                _spending_part("公用经费", b.public.actual, b.public_items))
              if part]
    out = []
    if columns:
        first = f"{y}基本支出{columns}。"
        out.append(first + ("其中：" + "；".join(detail) + "。" if detail else ""))
    elif detail:
        out.append(f"{y}基本支出中，{'；'.join(detail)}。")
    adj = _adjustment_sentence(report, fig, Scope.BASIC)
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


def _three_public_head(report: Report, total: Amounts) -> str:
    """The 三公 total: known columns, 控制率 and the change on last year."""
    columns = figure_clauses((("年初预算数为", total.initial), ("决算数为", total.actual)))
    if not columns:
        return ""
    text = f"{year_text(report)}“三公”经费{columns}"
    rate = figures.control_rate(total)
    if rate is not None:
        text += f"，控制率为{pct(rate)}"
    change = change_phrase(total.actual, total.prior)
    return text + (f"；{change}。" if change else "。")


def _typed_zero(a: Amounts) -> bool:
    """Budget and 决算 both typed as 0 (全年 0 or blank)."""
    return known_zero(a.initial) and known_zero(a.actual) and is_zero(a.annual)


def _all_typed_zero(report: Report) -> bool:
    """“三公”经费均为零: the stated total is 0, or every item is a typed 0 (a computed
    total of 0 may hide blank items)."""
    t = report.three_public
    if _typed_zero(report.declared.three_public):
        return True
    vehicle = (_typed_zero(report.declared.vehicle)
               or (_typed_zero(t.vehicle_purchase) and _typed_zero(t.vehicle_operation)))
    return vehicle and _typed_zero(t.overseas) and _typed_zero(t.reception)


def _not_incurred(a: Amounts) -> bool:
    """未发生: the 决算 is a typed 0 and the budget is 0 or blank."""
    return known_zero(a.actual) and (a.initial is None or known_zero(a.initial))


def _vehicle_item(report: Report, fig: Figures) -> str:
    t = report.three_public
    vehicle = fig.vehicle
    if _not_incurred(vehicle):
        return "未发生公务用车购置及运行维护费"
    text = figure_clauses((("预算", vehicle.initial), ("决算", vehicle.actual)))
    if not text:  # the total is unknown (a part is blank): the parts that are known
        return "；".join(_vehicle_parts(report))
    purchase, operation = t.vehicle_purchase.actual, t.vehicle_operation.actual
    if known_zero(vehicle.actual):
        pass  # nothing spent: no breakdown
    elif known_zero(purchase):
        running = f"，运行维护费{wan(operation)}" if operation is not None else ""
        text += f"（未购置公务用车{running}）"
    elif purchase is not None and operation is not None:  # one part alone repeats the total
        text += f"（其中公务用车购置费{wan(purchase)}，运行维护费{wan(operation)}）"
    return "公务用车购置及运行维护费" + text


def _vehicle_parts(report: Report) -> list[str]:
    """购置费 and 运行维护费 each with its known columns (for when their sum is unknown)."""
    t = report.three_public
    out = []
    for label, a in (("公务用车购置费", t.vehicle_purchase),
                     ("公务用车运行维护费", t.vehicle_operation)):
        if _not_incurred(a):
            out.append(f"未发生{label}")
            continue
        columns = figure_clauses((("预算", a.initial), ("决算", a.actual)))
        if columns:
            out.append(label + columns)
    return out


def _three_public_items(report: Report, fig: Figures) -> list[str]:
    t = report.three_public
    items = [_vehicle_item(report, fig)]
    for label, a in (("因公出国（境）费", t.overseas), ("公务接待费", t.reception)):
        if _not_incurred(a):
            items.append(f"未发生{label.removesuffix('费')}费用")
        else:
            columns = figure_clauses((("预算", a.initial), ("决算", a.actual)))
            items.append(f"{label}{columns}" if columns else "")
    return [i for i in items if i]


def three_public(report: Report, fig: Figures) -> list[str]:
    """“三公”经费 against budget and last year, with the user's explanation.

    "均为零" and "未发生" are said only of typed zeros; a blank item is not mentioned.
    """
    t = report.three_public
    total = fig.three_public
    notes = paragraphs(t.note)
    if _all_typed_zero(report):
        text = f"{year_text(report)}本单位“三公”经费预算和决算均为零"
        change = change_phrase(total.actual, total.prior)
        return [text + (f"，{change}。" if change else "。"), *notes]
    head = _three_public_head(report, total)
    items = _three_public_items(report, fig)
    if not head and not items:
        return notes
    if items:
        head += ("其中：" if head else "“三公”经费中，") + "；".join(items) + "。"
    return [head, *notes]


def _project_line(i: int, p: Project, score: ScoreSummary) -> str:
    a = p.amounts
    name = clean(p.name).strip() or f"项目{i}"
    text = figure_clauses((("年初预算数", a.initial), ("全年预算数", a.annual),
                           ("决算数", a.actual)))
    rate = score.exec_rate
    if rate is not None:
        text += f"，执行率{pct(rate)}"
    purpose = clean(p.purpose).strip().replace("\n", "").rstrip("。；;")
    if purpose:
        if not purpose.startswith(("主要用于", "用于")):
            purpose = "主要用于" + purpose
        text += f"，{purpose}" if text else purpose
    return f"{i}.{name}" + (f"：{text}。" if text else "。")


def project_spending(report: Report, fig: Figures) -> list[str]:
    """二（二）项目支出情况: totals, then one paragraph per project."""
    y = year_text(report)
    total = fig.projects
    if not report.projects and all(is_zero(getattr(total, c)) for c in figures.COLUMNS):
        return [f"{y}本单位无项目支出。"]
    columns = _three_columns(total)
    count = f"共{len(report.projects)}个项目" if report.projects else ""
    first = f"{y}项目支出{joined((columns, count), '，')}。"
    first += _adjustment_sentence(report, fig, Scope.PROJECT)
    return [first, *(_project_line(i, p, s) for i, (p, s)
                     in enumerate(zip(report.projects, fig.project_scores, strict=True), 1))]


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


def scale(report: Report, fig: Figures) -> list[str]:
    """部门整体支出规模 (older outlines): total split into basic and project spending."""
    overall, basic, projects = fig.overall, fig.basic, fig.projects
    if overall.actual is None:
        return []
    text = f"{year_text(report)}本单位整体支出决算数为{wan(overall.actual)}"
    if not is_zero(overall.actual):
        parts = joined((_share("基本支出", basic.actual, overall.actual),
                        _share("项目支出", projects.actual, overall.actual)), "；")
        if parts:
            text += f"，其中{parts}"
    return [text + "。"]


def _share(label: str, part: Money, whole: Decimal) -> str:
    """'基本支出493.76万元，占98.89%' ('' when the part is blank)."""
    if part is None:
        return ""
    share = ratio(part, whole)
    return f"{label}{wan(part)}" + (f"，占{pct(share)}" if share is not None else "")
