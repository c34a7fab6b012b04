"""Performance prose: budget execution, goals and indicators, score and 等级, problems,
measures, and the accountant's own narrative sections (inserted as written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from perfdesk.checks.scoring import summary
from perfdesk.model import figures
from perfdesk.model.money import fmt_money, q2, total
from perfdesk.model.report import Indicator, Report
from perfdesk.render.prose import year_du, year_text
from perfdesk.render.prose_text import (
    clean,
    cn_number,
    end_sentence,
    is_zero,
    joined,
    numbered,
    paragraphs,
    pct,
    strip_numbering,
    wan,
)

LEVEL1_ORDER = ("产出指标", "效益指标", "满意度指标")


def _points(value: Decimal | None) -> str:
    """A score as printed: '99.89分', '90分' (no useless decimals)."""
    if value is None:
        return "—"
    v = q2(value)
    text = f"{v:.2f}".rstrip("0").rstrip(".") if v == v.to_integral_value() else f"{v:.2f}"
    return f"{text}分"


def execution(report: Report) -> list[str]:
    """六（一）支出预算执行情况."""
    overall = figures.effective_overall(report)
    basic = figures.effective_basic(report)
    projects = figures.effective_projects(report)
    y = year_text(report)
    text = (f"{y}本单位支出年初预算数为{wan(overall.initial)}，全年预算数为{wan(overall.annual)}，"
            f"全年执行数为{wan(overall.actual)}")
    rate = figures.execution_rate(overall)
    text += f"，预算执行率为{pct(rate)}。" if rate is not None else "。"
    parts = []
    for label, a in (("基本支出", basic), ("项目支出", projects)):
        if is_zero(a.annual) and is_zero(a.actual):
            continue
        part = f"{label}全年预算数{wan(a.annual)}，执行数{wan(a.actual)}"
        r = figures.execution_rate(a)
        if r is not None:
            part += f"，执行率{pct(r)}"
        parts.append(part)
    if parts:
        text += "其中：" + "；".join(parts) + "。"
    out = [text]
    inc = report.income
    sources = [
        f"{label}{wan(v)}"
        for label, v in (
            ("一般公共预算", inc.general_budget),
            ("政府性基金拨款", inc.gov_fund),
            ("纳入专户管理的非税收入拨款", inc.special_account),
            ("其他资金", inc.other),
            ("上年结转结余", inc.carryover),
        )
        if not is_zero(v)
    ]
    if sources:
        out.append(f"按收入性质分，{joined(sources)}，合计{wan(figures.income_total(report))}。")
    out.extend(paragraphs(*report.execution_notes))
    return out


def procurement(report: Report) -> list[str]:
    """政府采购, 楼堂馆所 and 厉行节约 (资产管理 in the older outline)."""
    out = []
    p = report.procurement
    budget = p.annual if p.annual is not None else p.initial
    if not (is_zero(budget) and is_zero(p.actual)):
        out.append(f"{year_text(report)}政府采购预算数为{wan(budget)}，实际政府采购金额为"
                   f"{wan(p.actual)}。")
    if report.buildings:
        for b in report.buildings:
            name = clean(b.name).strip() or "楼堂馆所项目"
            out.append(f"{name}：批复规模{fmt_money(b.approved_area, '—')}平方米，实际规模"
                       f"{fmt_money(b.actual_area, '—')}平方米；预算投资{wan(b.budget_investment)}，"
                       f"实际投资{wan(b.actual_investment)}。")
    else:
        out.append("本年度无完工的楼堂馆所项目。")
    out.extend(paragraphs(report.frugality))
    return out


def goals(report: Report) -> list[str]:
    return numbered(paragraphs(*report.goals))


def achievements(report: Report) -> list[str]:
    return numbered(paragraphs(*report.achievements))


def _indicator_miss(i: Indicator) -> str:
    name = strip_numbering(i.name) or "未命名指标"
    return (f"“{name}”（年度指标值{clean(i.target).strip() or '—'}，实际完成值"
            f"{clean(i.actual).strip() or '—'}，得分{_points(i.score)}/{_points(i.weight)}）")


def indicator_summary(report: Report) -> list[str]:
    """六（二）: how many indicators, by 一级指标, and which ones lost points."""
    rows = [i for i in report.indicators if clean(i.name).strip() or i.weight is not None]
    if not rows:
        return ["本年度未设置部门整体支出绩效指标。"]
    by_level = []
    for level in LEVEL1_ORDER:
        n = sum(1 for i in rows if i.level1 == level)
        if n:
            by_level.append(f"{level}{n}项")
    others = sum(1 for i in rows if i.level1 not in LEVEL1_ORDER)
    if others:
        by_level.append(f"其他指标{others}项")
    weight = total([i.weight for i in rows]) or Decimal(0)
    score = total([i.score for i in rows]) or Decimal(0)
    text = (f"本单位年度整体支出绩效指标共{len(rows)}项（{joined(by_level)}），"
            f"分值合计{_points(weight)}，自评得分{_points(score)}。")
    missed = [i for i in rows
              if i.weight is not None and i.score is not None and q2(i.score) < q2(i.weight)]
    full = len(rows) - len(missed)
    if not missed:
        text += "各项指标均达到年度指标值。"
    else:
        text += (f"其中{full}项达到年度指标值，{len(missed)}项未完全达到：{joined(map(_indicator_miss, missed), '；')}。")
    out = [text]
    for i in missed:
        why = " ".join(paragraphs(i.deviation))
        if why:
            out.append(end_sentence(f"“{strip_numbering(i.name)}”偏差原因及改进措施：{why}"))
    return out


def score(report: Report) -> str:
    """总分 and 等级 sentence (九 or the table-form 绩效自评情况)."""
    s = summary(report)
    if s.total is None:
        return "因全年预算数为空，暂无法计算预算执行率和自评总分。"
    return (f"根据部门整体支出绩效评价指标体系和评分标准，本单位{year_du(report)}部门整体支出"
            f"绩效自评得分为{_points(s.total)}，其中预算执行率得分{_points(s.exec_score)}"
            f"（分值{_points(s.exec_weight)}），绩效指标得分{_points(s.indicator_score)}"
            f"（分值{_points(s.indicator_weight)}），自评等级为“{s.grade}”。")


@dataclass
class NarrativeSection:
    """One achievement section; the template numbers it (``n``/``cn``)."""

    n: int
    cn: str
    title: str
    paragraphs: list[str] = field(default_factory=list)


def sections(report: Report) -> list[NarrativeSection]:
    out = []
    for s in report.sections:
        title = strip_numbering(s.title)
        paras = paragraphs(*s.paragraphs)
        if not title and not paras:
            continue
        n = len(out) + 1
        out.append(NarrativeSection(n=n, cn=cn_number(n), title=title, paragraphs=paras))
    return out


def sections_fallback(report: Report) -> list[str]:
    if sections(report):
        return []
    return [f"{year_text(report)}本单位整体支出绩效情况见上述支出绩效目标完成情况。"]


def problems(report: Report) -> list[str]:
    items = [p.text for p in report.problems if clean(p.text).strip()]
    if not items:
        return ["本年度无需要说明的问题。"]
    return _numbered_multi(items)


def measures(report: Report) -> list[str]:
    items = [p.measure for p in report.problems if clean(p.measure).strip()]
    items += [m for m in report.extra_measures if clean(m).strip()]
    if not items:
        return ["无需要说明的改进措施。"]
    return _numbered_multi(items)


def _numbered_multi(items: list[str]) -> list[str]:
    """（一）… for each item; an item's later lines stay separate paragraphs."""
    out = []
    for i, item in enumerate(items, 1):
        paras = paragraphs(item)
        out.append(f"（{cn_number(i)}）{strip_numbering(paras[0])}")
        out.extend(paras[1:])
    return out


def result_use(report: Report) -> list[str]:
    return [*paragraphs(report.result_use), score(report)]


def other_notes(report: Report) -> list[str]:
    return paragraphs(report.other_notes) or ["无其他需要说明的情况。"]
