"""附件1 整体支出绩效评价基础数据表 (DOMAIN.md §2.3), built by code.

The layout is the tables below: column widths, and for each money row its printed label
and where its figures come from. The importer (``excel_import``) reads the same tables,
so a label changed here is still recognised there. Money rows show three columns:
上年决算数 (prior), 本年预算数 (initial) and 本年决算数 (actual), each merged over two
grid columns so that the 楼堂馆所 block below can have six narrower columns.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model.figures import Figures
from perfdesk.model.forms import ANNEX1_PROJECTS_ROW, ANNEX1_PUBLIC_ROWS, ANNEX1_THREE_PUBLIC_ROWS
from perfdesk.model.money import ratio
from perfdesk.model.report import Amounts, Building, Report
from perfdesk.render.xlsx_style import AREA_FORMAT, COUNT_FORMAT, Grid

SHEET_NAME = "附件1 基础数据表"
TITLE = "预算单位整体支出绩效评价基础数据表"
WIDTHS = [30.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0]  # A label, B–G values
MONEY_COLUMNS = ("prior", "initial", "actual")  # each over two grid columns: B:C, D:E, F:G
NOTE = ("说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的"
        "一般商品和服务支出。")
BUILDING_HEADERS = ("批复规模\n(m²)", "实际规模\n(m²)", "规模控制率", "预算投资\n(万元)",
                    "实际投资\n(万元)", "投资概算控制率")


# What each row of the form shows: declared totals where stated, else the strict sums.
_ROW_AMOUNTS: dict[str, Callable[[Report, Figures], Amounts]] = {
    "three_public": lambda r, f: f.three_public,
    "vehicle": lambda r, f: f.vehicle,
    "vehicle_purchase": lambda r, f: r.three_public.vehicle_purchase,
    "vehicle_operation": lambda r, f: r.three_public.vehicle_operation,
    "overseas": lambda r, f: r.three_public.overseas,
    "reception": lambda r, f: r.three_public.reception,
    "projects": lambda r, f: f.projects,
    "public": lambda r, f: r.basic.public,
    "office": lambda r, f: r.basic.office,
    "utilities_travel": lambda r, f: r.basic.utilities_travel,
    "meetings_training": lambda r, f: r.basic.meetings_training,
    "procurement": lambda r, f: r.procurement,
    "basic": lambda r, f: f.basic,  # blank where half-filled
}


def year_labels(year: int | None) -> tuple[str, str, str]:
    if year is None:
        return "上年决算数", "本年预算数", "本年决算数"
    return f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"


def _money_row(g: Grid, row: int, label: str, amounts: Amounts, *, indent: bool = False,
               bold: bool = False) -> None:
    g.text(row, 1, ("  " if indent else "") + label, align="left", bold=bold)
    for i, column in enumerate(MONEY_COLUMNS):
        g.money(row, 2 + 2 * i, getattr(amounts, column), span=2)


def build(ws: Worksheet, report: Report, fig: Figures, *, draft: bool) -> None:
    g = Grid(ws, WIDTHS)
    year = f"{report.year}年度" if report.year is not None else ""
    row = g.heading("附件1", year + TITLE, draft)
    row = g.filler_line(row, report.unit_name)

    g.text(row, 1, "预算单位名称", bold=True)
    g.text(row, 2, report.unit_name, span=6)
    row += 1

    g.text(row, 1, "财政供养人员情况(人)", rows=2, bold=True)
    head = ("编制数", f"{report.year}年实际在职人数" if report.year else "实际在职人数", "控制率")
    for i, h in enumerate(head):
        g.text(row, 2 + 2 * i, h, span=2, bold=True)
    g.number(row + 1, 2, report.staffing.authorized, COUNT_FORMAT, span=2)
    g.number(row + 1, 4, report.staffing.actual, COUNT_FORMAT, span=2)
    # computed figures (rates, totals) are written as numbers, not formulas: openpyxl cannot
    # store a formula's cached value, and some viewers show such a cell blank
    g.percent(row + 1, 6, fig.staffing_rate, span=2)
    row += 2

    header_row = row
    g.text(row, 1, "经费控制情况(万元)", bold=True)
    for i, h in enumerate(year_labels(report.year)):
        g.text(row, 2 + 2 * i, h, span=2, bold=True)
    row += 1

    for spec in ANNEX1_THREE_PUBLIC_ROWS:
        _money_row(g, row, spec.label, _ROW_AMOUNTS[spec.key](report, fig), indent=spec.indent)
        row += 1
    _money_row(g, row, ANNEX1_PROJECTS_ROW.label, _ROW_AMOUNTS[ANNEX1_PROJECTS_ROW.key](report, fig))
    row += 1
    for i, project in enumerate(report.projects, start=1):
        _money_row(g, row, f"{i}、{project.name}", project.amounts, indent=True)
        row += 1
    for spec in ANNEX1_PUBLIC_ROWS:
        _money_row(g, row, spec.label, _ROW_AMOUNTS[spec.key](report, fig), indent=spec.indent)
        row += 1

    row = _buildings(g, row, report)
    g.text(row, 1, "厉行节约保障措施", bold=True)
    g.text(row, 2, report.frugality, span=6, align="left")
    row += 1
    g.text(row, 1, NOTE, span=7, align="left", border=False)
    row += 1
    row = g.signature_line(row + 1, report.signature_date, report.date_style)
    g.page_setup(portrait=True, title_rows=(header_row, header_row), draft=draft,
                 last_row=row - 1)


def _buildings(g: Grid, row: int, report: Report) -> int:
    """楼堂馆所 header row; then one row per building (its name in column A), or a blank row."""
    done = f"({report.year}年完工项目)" if report.year else "(本年完工项目)"
    g.text(row, 1, f"楼堂馆所控制情况\n{done}", bold=True)
    for i, h in enumerate(BUILDING_HEADERS):
        g.text(row, 2 + i, h, bold=True)
    row += 1
    buildings: list[Building | None] = [*report.buildings] or [None]
    for b in buildings:
        if b is None:
            g.text(row, 1, "")
            for c in range(2, 8):
                g.text(row, c, "")
            return row + 1
        g.text(row, 1, b.name, align="left")
        g.number(row, 2, b.approved_area, AREA_FORMAT)
        g.number(row, 3, b.actual_area, AREA_FORMAT)
        g.percent(row, 4, ratio(b.actual_area, b.approved_area))
        g.money(row, 5, b.budget_investment)
        g.money(row, 6, b.actual_investment)
        g.percent(row, 7, ratio(b.actual_investment, b.budget_investment))
        row += 1
    return row
