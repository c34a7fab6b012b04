"""附件2 整体支出绩效自评表 (DOMAIN.md §2.4), built by code."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model.figures import Figures
from perfdesk.model.forms import ANNEX2_INCOME_ROWS, ANNEX2_SPENDING_ROWS
from perfdesk.model.report import Report
from perfdesk.render.xlsx_style import Grid
from perfdesk.render.xlsx_tables import (
    WIDTHS,
    budget_header,
    budget_line,
    performance_tail,
)

SHEET_NAME = "附件2 整体支出绩效自评表"
TITLE = "预算单位整体支出绩效自评表"
# 按收入性质分 (left half, label B–D, amount E) and 按支出性质分 (right half, label F–H,
# amount I), side by side as on the paper form. Both are 执行 figures (Σ income = 年度资金总额
# 全年执行数, R-B04), so each amount column gets its own "全年执行数" heading on the
# 按…性质分 row: E and I otherwise sit under the block's 全年预算数 and 自评得分 headings.
AMOUNT_HEADING = "全年执行数"


def build(ws: Worksheet, report: Report, fig: Figures, *, draft: bool) -> None:
    g = Grid(ws, WIDTHS)
    s = fig.score
    year = f"{report.year}年度" if report.year is not None else ""
    row = g.heading("附件2", year + TITLE, draft)
    row = g.filler_line(row, report.unit_name)
    g.text(row, 1, "预算单位名称", bold=True)
    g.text(row, 2, report.unit_name, span=8)
    row += 1

    # The same totals the score is computed from (a half-filled column stays blank).
    block = 3 + len(ANNEX2_INCOME_ROWS)
    g.text(row, 1, "年度预算申请（万元）", rows=block, bold=True)
    budget_header(g, row)
    budget_line(g, row + 1, "年度资金总额", fig.overall, s)
    row += 2
    g.text(row, 2, "按收入性质分：", span=3, align="left")
    g.text(row, 5, AMOUNT_HEADING, bold=True)
    g.text(row, 6, "按支出性质分：", span=3, align="left")
    g.text(row, 9, AMOUNT_HEADING, bold=True)
    row += 1
    spending = {"basic": fig.basic.actual, "projects": fig.projects.actual}
    for i, (key, label, _) in enumerate(ANNEX2_INCOME_ROWS):
        g.text(row, 2, label, span=3, align="left")
        g.money(row, 5, getattr(report.income, key))
        if i < len(ANNEX2_SPENDING_ROWS):
            skey, slabel, _ = ANNEX2_SPENDING_ROWS[i]
            g.text(row, 6, slabel, span=3, align="left")
            g.money(row, 9, spending[skey])
        else:
            g.text(row, 6, "", span=3)
            g.text(row, 9, "")
        row += 1

    performance_tail(g, row, report, report.goals, report.achievements, report.indicators, s,
                     draft=draft)
