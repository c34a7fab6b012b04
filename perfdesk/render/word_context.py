"""The variables a Word template sees (listed for template authors in templates/README.md).

Everything is a finished string or a list of strings, built from the model by
``prose``/``prose_perf``: templates place text, they never compute figures.
"""

from __future__ import annotations

import re
from typing import Any

from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money, wan
from perfdesk.model.report import Report
from perfdesk.render import prose, prose_perf
from perfdesk.render.dates import format_date
from perfdesk.render.prose_text import clean, is_zero, numbered, paragraphs, pct

RESULT_USE_DEFAULT = ("本单位将按规定公开部门整体支出绩效自评结果，接受社会监督，"
                      "并将自评结果作为改进管理和以后年度预算安排的重要参考。")


def _num(value: object) -> str:
    """A 分值/得分 cell: '5', '4.96'."""
    if value is None:
        return ""
    text = fmt_money(value)  # type: ignore[arg-type]
    return text[:-3] if text.endswith(".00") else text


def _goal_block(report: Report) -> list[str]:
    out = []
    goals = prose_perf.goals(report)
    if goals:
        out += ["年度总体目标：", *goals]
    done = prose_perf.achievements(report)
    if done:
        out += ["实际完成情况：", *done]
    return out


def _other_budgets(report: Report) -> list[str]:
    o = report.other_budgets
    if is_zero(o.gov_fund) and is_zero(o.state_capital) and is_zero(o.social_insurance):
        return ["本单位无政府性基金预算、国有资本经营预算和社会保险基金预算支出。"]
    out = []
    for items in (prose.gov_fund(report), prose.state_capital(report),
                  prose.social_insurance(report)):
        if not items[0].startswith("本单位无"):
            out += items
    return out


def _other_budgets_given(report: Report) -> list[str]:
    """All three 其他预算 sentences when any of them has spending, else nothing (for an
    outline that gives them a part of their own only when there is something to say)."""
    o = report.other_budgets
    if is_zero(o.gov_fund) and is_zero(o.state_capital) and is_zero(o.social_insurance):
        return []
    return [*prose.gov_fund(report), *prose.state_capital(report),
            *prose.social_insurance(report)]


def _indicator_rows(report: Report) -> list[dict[str, str]]:
    """附表 rows; ``level1_cell``/``level2_cell`` are blank where they repeat the row above,
    as the paper form merges them."""
    rows = []
    prev1: str | None = None
    prev2: str | None = None
    for i in report.indicators:
        level1, level2 = clean(i.level1).strip(), clean(i.level2).strip()
        rows.append({
            "level1": level1, "level2": level2,
            "level1_cell": "" if level1 == prev1 else level1,
            "level2_cell": "" if (level1, level2) == (prev1, prev2) else level2,
            "name": clean(i.name).strip(), "target": clean(i.target).strip(),
            "actual": clean(i.actual).strip(), "weight": _num(i.weight), "score": _num(i.score),
            "deviation": " ".join(paragraphs(i.deviation)),
        })
        prev1, prev2 = level1, level2
    return rows


TITLE_LINE_WIDTH = 20  # 2号 characters on one line of the 156 mm type area
TITLE_TAIL = "整体支出绩效自评报告"
# Where a unit name may break: after the name of an organ (…管理局 / 高新技术产业开发区分局).
_UNIT_BREAK = re.compile(r"(?:局|厅|委员会|办公室|人民政府|政府|中心|管委会)(?!办公室|$)")


def _width(text: str) -> float:
    """Printed width in 2号 characters: digits and Latin letters take half a character."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in text)


def _unit_lines(year: str, unit: str) -> list[str] | None:
    """The year and a long unit name on two lines broken after an organ's name (the most
    even split that fits), or None when the name has no such break."""
    best: list[str] | None = None
    for m in _UNIT_BREAK.finditer(unit):
        head, rest = year + unit[:m.end()], unit[m.end():]
        if max(_width(head), _width(rest)) > TITLE_LINE_WIDTH:
            continue
        if best is None or abs(_width(head) - _width(rest)) < abs(
                _width(best[0]) - _width(best[1])):
            best = [head, rest]
    return best


def title_lines(report: Report) -> str:
    """The title in lines that break at natural points, as the published reports set it:
    one line when it fits (20 characters of 2号); else 年度+单位 / 整体支出绩效自评报告;
    when 年度+单位 is too long, 单位 / 年度整体支出绩效自评报告; when the unit name alone is
    too long, it breaks after an organ's name (…管理局 / …分局). docxtpl turns each newline
    into a line break inside the one title paragraph."""
    title = prose.title(report)
    year = f"{report.year}年度" if report.year is not None else ""
    unit = clean(report.unit_name).strip().replace("\n", "")
    if _width(title) <= TITLE_LINE_WIDTH or not unit:
        return title
    if _width(year + unit) <= TITLE_LINE_WIDTH:
        lines = [year + unit, TITLE_TAIL]
    elif _width(unit) <= TITLE_LINE_WIDTH:
        lines = [unit, year + TITLE_TAIL]
    else:
        lines = [*(_unit_lines(year, unit) or [year + unit]), TITLE_TAIL]
    return "\n".join(lines)


def build_context(report: Report, *, draft: bool = False,
                  fig: Figures | None = None) -> dict[str, Any]:
    """The template's names and what they print; every figure from one ``Figures``."""
    fig = fig or Figures.of(report)
    s = fig.score
    overall = fig.overall  # what 附件2 prints as 年度资金总额 and the score uses
    signature = clean(report.unit_name).strip()
    return {
        "draft": draft,
        "title": title_lines(report),
        "title_text": prose.title(report),
        "year": "" if report.year is None else str(report.year),
        "unit_name": signature,
        "supervisor": clean(report.supervisor).strip(),
        "signature": signature,
        "date_text": format_date(report.signature_date, report.date_style),
        "annual_budget": wan(overall.annual),
        "duties": numbered(paragraphs(*report.duties)),
        "organization": prose.organization(report, fig),
        "scale": prose.scale(report, fig),
        "basic": prose.basic_spending(report, fig),
        "three_public": prose.three_public(report, fig),
        "projects": prose.project_spending(report, fig),
        "gov_fund": prose.gov_fund(report),
        "state_capital": prose.state_capital(report),
        "social_insurance": prose.social_insurance(report),
        "other_budgets": _other_budgets(report),
        "other_budgets_given": _other_budgets_given(report),
        "execution": prose_perf.execution(report, fig),
        "assets": prose_perf.procurement(report),
        "goals": prose_perf.goals(report),
        "achievements": prose_perf.achievements(report),
        "goal_block": _goal_block(report),
        "indicator_summary": prose_perf.indicator_summary(report, fig),
        "goal_notes": paragraphs(*report.goal_notes),
        "sections": prose_perf.sections(report),
        "sections_fallback": prose_perf.sections_fallback(report),
        "problems": prose_perf.problems(report),
        "measures": prose_perf.measures(report),
        "result_use": paragraphs(report.result_use) or [RESULT_USE_DEFAULT],
        "score": prose_perf.score(report, fig),
        "other_notes": prose_perf.other_notes(report),
        "other_notes_given": paragraphs(report.other_notes),
        "indicator_rows": _indicator_rows(report),
        "exec_rate": pct(s.exec_rate),
        "exec_weight": _num(s.exec_weight),
        "exec_score": _num(s.exec_score),
        "total_weight": _num(s.total_weight),
        "total_score": _num(s.total),
        "grade": s.grade,
    }
