"""Blocks shared by 附件2 and 附件3 (nine columns A–I): budget block, goals, indicators.

Column A holds each block's label merged down over the block; B–I as DOMAIN.md §2.4/§2.5.
Computed cells (执行率, 自评得分 of 预算执行率, 总分) are written as numbers, not Excel
formulas: openpyxl cannot store a formula's cached value, and a formula without one shows
blank in some viewers (and in openpyxl itself) until recalculated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from perfdesk.model.figures import ScoreSummary
from perfdesk.model.forms import BUDGET_HEADERS, INDICATOR_HEADERS
from perfdesk.model.numbers import fmt_points
from perfdesk.model.report import Amounts, Indicator, Report, ScoringSettings
from perfdesk.render.xlsx_style import Grid, text_units

WIDTHS = [9.0, 12.0, 12.0, 24.0, 13.0, 13.0, 7.0, 8.0, 18.0]
GOAL_PREFIX = "目标{n}："
ACHIEVEMENT_PREFIX = "{n}、"
MAX_LINES_PER_ROW = 26  # a row cannot be taller than 409 pt; split longer goal lists


def level1_label(level1: str, scoring: ScoringSettings) -> str:
    """The 一级 cell: '产出指标(50分)' — the row's name with its template weight."""
    key = scoring.level1_of(level1)
    # only a bare name gets the weight: '产出指标(50分)' as typed stays as it is
    w = scoring.weights.get(key) if key is not None and scoring.label(key) == level1 else None
    return f"{level1}({fmt_points(w)}分)" if w is not None and level1 else level1


def budget_header(g: Grid, row: int) -> None:
    g.text(row, 2, "", span=2)
    for i, h in enumerate(BUDGET_HEADERS):
        g.text(row, 4 + i, h, bold=True)


def budget_line(g: Grid, row: int, label: str, amounts: Amounts,
                s: ScoreSummary | None = None) -> None:
    """One row of the budget block; ``s`` adds 分值, 执行率 and 自评得分 (年度资金总额)."""
    g.text(row, 2, label, span=2)
    g.money(row, 4, amounts.initial)
    g.money(row, 5, amounts.annual)
    g.money(row, 6, amounts.actual)
    g.score(row, 7, s.exec_weight if s else None)
    g.percent(row, 8, s.exec_rate if s else None)
    g.score(row, 9, s.exec_score if s else None)


def _chunks(items: list[str], parts: int) -> list[list[str]]:
    size = math.ceil(len(items) / parts) if items else 0
    return [items[i * size:(i + 1) * size] for i in range(parts)]


def goals_block(g: Grid, row: int, goals: Sequence[str], achievements: Sequence[str]) -> int:
    """年度总体目标: 预期目标 (B–E) and 实际完成情况 (F–I), split over rows when very long."""
    left = [GOAL_PREFIX.format(n=i) + t for i, t in enumerate(goals, start=1)]
    right = [ACHIEVEMENT_PREFIX.format(n=i) + t for i, t in enumerate(achievements, start=1)]
    width_l, width_r = sum(WIDTHS[1:5]) - 1, sum(WIDTHS[5:9]) - 1

    def lines(items: list[str], width: float) -> int:
        return sum(max(1, math.ceil(text_units(p) * 1.08 / width))
                   for t in items for p in t.split("\n"))

    parts = max(1, math.ceil(max(lines(left, width_l), lines(right, width_r)) / MAX_LINES_PER_ROW))
    parts = min(parts, max(len(left), len(right), 1))
    g.text(row, 1, "年度\n总体\n目标", rows=1 + parts, bold=True)
    g.text(row, 2, "预期目标", span=4, bold=True)
    g.text(row, 6, "实际完成情况", span=4, bold=True)
    for i, (gl, al) in enumerate(zip(_chunks(left, parts), _chunks(right, parts), strict=True)):
        g.text(row + 1 + i, 2, "\n".join(gl), span=4, align="left")
        g.text(row + 1 + i, 6, "\n".join(al), span=4, align="left")
    return row + 1 + parts


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """(start, length) of each run of equal consecutive values."""
    runs: list[tuple[int, int]] = []
    for i, v in enumerate(values):
        if runs and values[runs[-1][0]] == v:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


def indicator_table(g: Grid, row: int, indicators: Sequence[Indicator],
                    scoring: ScoringSettings) -> tuple[int, int]:
    """绩效指标 header and rows, 一级/二级 merged over their runs; returns (header, next row)."""
    header = row
    rows = list(indicators) or [Indicator()]  # the paper form keeps one blank row
    g.text(row, 1, "绩效\n指标", rows=1 + len(rows), bold=True)
    for i, h in enumerate(INDICATOR_HEADERS):
        g.text(row, 2 + i, h, bold=True)
    first = row + 1
    for start, n in _runs([i.level1 for i in rows]):
        g.text(first + start, 2, level1_label(rows[start].level1, scoring), rows=n)
        keys = [i.level2 for i in rows[start:start + n]]
        for s2, n2 in _runs(keys):
            g.text(first + start + s2, 3, keys[s2], rows=n2)
    for k, ind in enumerate(rows):
        r = first + k
        g.text(r, 4, ind.name, align="left")
        g.text(r, 5, ind.target)
        g.text(r, 6, ind.actual)
        g.score(r, 7, ind.weight)
        g.score(r, 8, ind.score)
        g.text(r, 9, ind.deviation, align="left")
    return header, first + len(rows)


def total_row(g: Grid, row: int, s: ScoreSummary) -> int:
    """总分: Σ 分值 and 总分 (预算执行率 score + Σ indicator scores), as numbers."""
    g.text(row, 1, "总分", span=6, bold=True)
    g.score(row, 7, s.total_weight)
    g.score(row, 8, s.total)
    g.text(row, 9, "")
    return row + 1


def performance_tail(g: Grid, row: int, report: Report, goals: Sequence[str],
                     achievements: Sequence[str], indicators: Sequence[Indicator],
                     s: ScoreSummary, *, draft: bool) -> None:
    """What 附件2 and 附件3 share below the money block: goals, indicators, 总分, signature,
    and the print setup that repeats the indicator header on every page."""
    row = goals_block(g, row, goals, achievements)
    header, row = indicator_table(g, row, indicators, report.scoring)
    row = total_row(g, row, s)
    row = g.signature_line(row + 1, report.signature_date, report.date_style)
    g.page_setup(portrait=True, title_rows=(header, header), draft=draft, last_row=row - 1)
