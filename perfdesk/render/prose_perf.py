"""Performance prose: budget execution, goals and indicators, score and 等级, problems,
measures, and the accountant's own narrative sections (inserted as written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from perfdesk.checks.scoring import suggest
from perfdesk.model.figures import Figures, execution_rate, rate_gap
from perfdesk.model.money import q2
from perfdesk.model.numbers import fmt_money, fmt_points, wan
from perfdesk.model.report import Amounts, Building, Indicator, Report
from perfdesk.model.vocabulary import DEFAULT_LEVEL1, NarrativePart
from perfdesk.render.prose import year_du, year_text
from perfdesk.render.prose_text import (
    clean,
    cn_number,
    end_sentence,
    figure_clauses,
    is_zero,
    joined,
    numbered,
    paragraphs,
    pct,
    strip_numbering,
)

LEVEL1_ORDER = tuple(lv.label for lv in DEFAULT_LEVEL1)


def _points(value: Decimal | None) -> str:
    """A score as printed: '99.89分', '90分'."""
    return "—" if value is None else f"{fmt_points(value)}分"


def _execution_part(label: str, a: Amounts) -> str:
    """'基本支出全年预算数…，执行数…，执行率…' with blanks left out ('' for nothing to say)."""
    if is_zero(a.annual) and is_zero(a.actual):
        return ""
    text = figure_clauses((("全年预算数", a.annual), ("执行数", a.actual)))
    rate = execution_rate(a)
    return f"{label}{text}" + (f"，执行率{pct(rate)}" if rate is not None else "")


def execution(report: Report, fig: Figures) -> list[str]:
    """六（一）支出预算执行情况: the totals and the rate the score is computed from."""
    overall = fig.overall
    rate = fig.exec_rate
    y = year_text(report)
    head = figure_clauses((("年初预算数为", overall.initial), ("全年预算数为", overall.annual),
                           ("全年执行数为", overall.actual)))
    if rate is not None:
        head += f"，预算执行率为{pct(rate)}"
    parts = joined((_execution_part("基本支出", fig.basic),
                    _execution_part("项目支出", fig.projects)), "；")
    if head:
        text = f"{y}本单位支出{head}。" + (f"其中：{parts}。" if parts else "")
    else:
        text = f"{y}{parts}。" if parts else ""
    if rate is None:
        text += f"因{rate_gap(overall)}，暂无法计算整体预算执行率。"
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
        income = fig.income  # None while a part is blank: no 合计 then
        tail = f"，合计{wan(income)}" if income is not None else ""
        out.append(f"按收入性质分，{joined(sources)}{tail}。")
    out.extend(paragraphs(*report.execution_notes))
    return out


def _building(b: Building) -> str:
    """One 楼堂馆所 line; unknown 规模/投资 are left out."""
    name = clean(b.name).strip() or "楼堂馆所项目"
    area = joined((f"批复规模{fmt_money(b.approved_area)}平方米" if b.approved_area is not None
                   else "",
                   f"实际规模{fmt_money(b.actual_area)}平方米" if b.actual_area is not None
                   else ""), "，")
    money = figure_clauses((("预算投资", b.budget_investment),
                            ("实际投资", b.actual_investment)))
    parts = joined((area, money), "；")
    return f"{name}：{parts}。" if parts else f"本年度完工的楼堂馆所项目：{name}。"


def procurement(report: Report) -> list[str]:
    """政府采购, 楼堂馆所 and 厉行节约 (资产管理 in the older outline)."""
    out = []
    p = report.procurement
    if not (is_zero(p.initial) and is_zero(p.actual)):  # the columns 附件1 prints
        columns = figure_clauses((("政府采购预算数为", p.initial),
                                  ("实际政府采购金额为", p.actual)))
        out.append(f"{year_text(report)}{columns}。")
    if report.buildings:
        out.extend(_building(b) for b in report.buildings)
    else:
        out.append("本年度无完工的楼堂馆所项目。")
    out.extend(paragraphs(report.frugality))
    return out


def goals(report: Report) -> list[str]:
    return numbered(paragraphs(*report.goals))


def achievements(report: Report) -> list[str]:
    return numbered(paragraphs(*report.achievements))


def _indicator_name(i: Indicator) -> str:
    """The name as 附件2 prints it (numbering included: the quote must match the table)."""
    return clean(i.name).strip().replace("\n", " ") or "未命名指标"


def _indicator_detail(i: Indicator) -> str:
    """'“名称”（年度指标值…，实际完成值…，得分4.96分/5分）'; an unscored row says so."""
    if i.score is None:
        points = "尚未评分"
    elif i.weight is None:
        points = f"得分{_points(i.score)}"
    else:
        points = f"得分{_points(i.score)}/{_points(i.weight)}"
    return (f"“{_indicator_name(i)}”（年度指标值{clean(i.target).strip() or '—'}，实际完成值"
            f"{clean(i.actual).strip() or '—'}，{points}）")


def _lost_points(i: Indicator) -> bool:
    return i.weight is not None and i.score is not None and q2(i.score) < q2(i.weight)


def _achievement_text(report: Report, rows: list[Indicator]) -> tuple[str, list[Indicator]]:
    """Which indicators reached their 年度指标值, as the scoring engine judges it from the
    年度指标值 and 实际完成值 (``suggest(...).met``), never from the 自评得分: a full score for a
    missed target is still a miss. Rows it cannot judge are counted neither way. Returns
    the text and the rows worth explaining (missed, or scored below 分值)."""
    verdicts = [(i, suggest(i, report.scoring).met) for i in rows]
    met = [i for i, v in verdicts if v is True]
    missed = [i for i, v in verdicts if v is False]
    unknown = len(rows) - len(met) - len(missed)
    judged = len(met) + len(missed)
    parts = []
    listed = joined(map(_indicator_detail, missed), "；")
    if judged and not unknown:
        if not missed:
            parts.append("各项指标均达到年度指标值。")
        elif not met:
            parts.append(f"{len(missed)}项指标均未达到年度指标值：{listed}。")
        else:
            parts.append(f"其中{len(met)}项达到年度指标值，{len(missed)}项未达到：{listed}。")
    elif judged:
        lead = f"按实际完成值可判断完成情况的{judged}项"
        if not missed:
            parts.append(f"{lead}均达到年度指标值。")
        elif not met:
            parts.append(f"{lead}均未达到年度指标值：{listed}。")
        else:
            parts.append(f"{lead}中，{len(met)}项达到年度指标值，{len(missed)}项未达到：{listed}。")
        parts.append(f"另有{unknown}项未能依据实际完成值判断是否达到年度指标值。")
    docked = [i for i in rows if i not in missed and _lost_points(i)]
    if docked:
        parts.append(f"{'另有' if parts else ''}{len(docked)}项自评得分低于分值："
                     f"{joined(map(_indicator_detail, docked), '；')}。")
    return "".join(parts), missed + docked


def indicator_summary(report: Report, fig: Figures) -> list[str]:
    """六（二）: how many indicators, by 一级指标, whether they reached their targets, and
    which ones lost points. 分值/得分 totals are stated only when every row has them."""
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
    s = fig.score
    text = f"本单位年度整体支出绩效指标共{len(rows)}项（{joined(by_level)}）"
    if all(i.weight is not None for i in rows) and s.indicator_weight is not None:
        text += f"，分值合计{_points(s.indicator_weight)}"
    unscored = sum(1 for i in rows if i.weight is not None and i.score is None)
    scored = any(i.score is not None for i in rows)
    if scored and not unscored and s.indicator_score is not None:
        text += f"，自评得分{_points(s.indicator_score)}"
    elif scored:
        text += f"，{unscored}项尚未评分"
    achievement, explain = _achievement_text(report, rows)
    out = [text + "。" + achievement]
    for i in explain:
        why = " ".join(paragraphs(i.deviation))
        if why:
            out.append(end_sentence(f"“{_indicator_name(i)}”偏差原因及改进措施：{why}"))
    return out


def score(report: Report, fig: Figures) -> str:
    """总分 and 等级 sentence (九 or the table-form 绩效自评情况)."""
    s = fig.score
    if s.total is None or s.indicator_score is None or s.exec_score is None:
        # No 总分 or 等级 from part of the score; the part that is known is stated.
        why = s.missing
        head = ""
        if s.exec_score is not None:
            head = (f"本单位{year_du(report)}部门整体支出绩效自评中，预算执行率得分"
                    f"{_points(s.exec_score)}（分值{_points(s.exec_weight)}）；")
        return (f"{head}因{why}，暂无法计算自评总分和自评等级。" if why
                else f"{head}自评总分和自评等级暂无法计算。")
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
    """The sections that have text. A title alone (a rolled-over report keeps last year's
    titles, their paragraphs emptied) is no section: its heading would stand over nothing.
    ``n``/``cn`` number the titled sections 1, 2 …; an untitled section has n 0, cn ''."""
    out = []
    titled = 0
    for s in report.sections:
        title = strip_numbering(s.title)
        paras = paragraphs(*s.paragraphs)
        if not paras:
            continue
        n = 0
        if title:
            titled += 1
            n = titled
        out.append(NarrativeSection(n=n, cn=cn_number(n) if n else "", title=title,
                                    paragraphs=paras))
    return out


def sections_fallback(report: Report) -> list[str]:
    if sections(report):
        return []
    return [f"{year_text(report)}本单位整体支出绩效情况见上述支出绩效目标完成情况。"]


# A section left blank is not a statement: without the user's 无 it prints as to be filled
# in (the report is a draft then: R-C05 is an error).
TO_FILL = "（待填：{}）"


def problems(report: Report) -> list[str]:
    items = [p.text for p in report.problems if clean(p.text).strip()]
    if items:
        return _numbered_multi(items)
    if NarrativePart.PROBLEMS in report.stated_none:
        return ["本年度无需要说明的问题。"]
    return [TO_FILL.format("存在的问题及原因分析")]


def measures(report: Report) -> list[str]:
    items = [p.measure for p in report.problems if clean(p.measure).strip()]
    items += [m for m in report.extra_measures if clean(m).strip()]
    if items:
        return _numbered_multi(items)
    if NarrativePart.MEASURES in report.stated_none:
        return ["无需要说明的改进措施。"]
    return [TO_FILL.format("下一步改进措施")]


def _numbered_multi(items: list[str]) -> list[str]:
    """（一）… for each item; an item's later lines stay separate paragraphs."""
    out = []
    for i, item in enumerate(items, 1):
        paras = paragraphs(item)
        out.append(f"（{cn_number(i)}）{strip_numbering(paras[0])}")
        out.extend(paras[1:])
    return out


def other_notes(report: Report) -> list[str]:
    return paragraphs(report.other_notes) or ["无其他需要说明的情况。"]
