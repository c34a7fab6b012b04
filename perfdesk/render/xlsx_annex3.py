"""附件3-N 项目支出绩效自评表 (DOMAIN.md §2.5), one sheet per project, built by code."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model.figures import ScoreSummary
from perfdesk.model.forms import ANNEX3_FUNDING_ROWS
from perfdesk.model.report import Project, Report
from perfdesk.render.xlsx_style import Grid
from perfdesk.render.xlsx_tables import (
    WIDTHS,
    budget_header,
    budget_line,
    performance_tail,
)

TITLE = "项目支出绩效自评表"
def sheet_name(n: int) -> str:
    return f"附件3-{n}"


def build(ws: Worksheet, report: Report, project: Project, s: ScoreSummary, n: int, *,
          draft: bool) -> None:
    """附件3-n for ``project``, whose score is ``s`` (from the report's Figures)."""
    g = Grid(ws, WIDTHS)
    year = f"{report.year}年度" if report.year is not None else ""
    row = g.heading(sheet_name(n), year + TITLE, draft)
    row = g.filler_line(row, report.unit_name)
    g.text(row, 1, "项目支出名称", bold=True)
    g.text(row, 2, project.name, span=8)
    row += 1
    g.text(row, 1, "主管部门", bold=True)
    g.text(row, 2, report.supervisor, span=3)
    g.text(row, 5, "实施单位", span=2, bold=True)
    g.text(row, 7, project.implementer or report.unit_name, span=3)
    row += 1

    g.text(row, 1, "项目资金（万元）", rows=2 + len(ANNEX3_FUNDING_ROWS), bold=True)
    budget_header(g, row)
    budget_line(g, row + 1, "年度资金总额", project.amounts, s)
    row += 2
    for key, label, _ in ANNEX3_FUNDING_ROWS:
        budget_line(g, row, label, getattr(project.funding, key))
        row += 1

    performance_tail(g, row, report, project.goals, project.achievements, project.indicators, s,
                     draft=draft)
