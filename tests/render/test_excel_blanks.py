"""附件1/2/3 never print a total, a rate or a score computed from blank parts."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model.report import Amounts, Report
from perfdesk.render.excel import render_workbook
from tests.checks.seeds import SEEDS

D = Decimal
A1, A2 = "附件1 基础数据表", "附件2 整体支出绩效自评表"


def sheets(report: Report, tmp_path: Path):
    return load_workbook(render_workbook(report, tmp_path / "a.xlsx", draft=True))


def row_of(ws: Worksheet, label: str, col: int = 1) -> int:
    for r in range(1, ws.max_row + 1):
        v = ws.cell(r, col).value
        if isinstance(v, str) and v.strip() == label:
            return r
    raise AssertionError(label)


def cells(ws: Worksheet, row: int, cols: str) -> list[object]:
    return [ws[f"{c}{row}"].value for c in cols]


def test_blank_project_budget_gives_no_total_rate_or_score(demo: Report, tmp_path: Path):
    r = copy.deepcopy(demo)
    r.projects[1].amounts.annual = None
    wb = sheets(r, tmp_path)
    a2 = wb[A2]
    row = row_of(a2, "年度资金总额", col=2)
    # 全年预算数, 执行率, 自评得分 of 预算执行率: were 2116.58, 102.85 %, 10
    assert cells(a2, row, "EHI") == [None, None, None]
    assert cells(a2, row, "DF") == [2088.4, 2176.98]  # the known columns still print
    assert a2[f"H{row_of(a2, '总分')}"].value is None  # was 99.96
    a1 = wb[A1]
    assert a1[f"B{row_of(a1, '项目支出：')}"].value == 278.8  # 上年决算 is complete
    sheet = wb["附件3-2"]  # the project itself: no rate, no score
    row = row_of(sheet, "年度资金总额", col=2)
    assert cells(sheet, row, "EHI") == [None, None, None]
    assert sheet[f"H{row_of(sheet, '总分')}"].value is None


def test_blank_three_public_item_leaves_its_totals_blank(demo: Report, tmp_path: Path):
    r = copy.deepcopy(demo)
    r.three_public.vehicle_operation = Amounts(prior=D("21.40"))
    a1 = sheets(r, tmp_path)[A1]
    vehicle, three = row_of(a1, "1、公务用车购置和维护经费"), row_of(a1, "三公经费")
    assert cells(a1, vehicle, "BDF") == [40, None, None]  # were 40, 0.00, 0.00
    assert cells(a1, three, "BDF") == [43.12, None, None]  # were 43.12, 3.00, 2.46
    r = copy.deepcopy(demo)
    r.three_public.reception.actual = None
    a1 = sheets(r, tmp_path)[A1]
    assert cells(a1, row_of(a1, "三公经费"), "BDF") == [43.12, 23, None]  # 决算 was 17.85


def test_blank_scores_leave_the_total_cells_blank(demo: Report, tmp_path: Path):
    r = copy.deepcopy(demo)
    for i in r.indicators[:3]:
        i.score = None
    r.projects[0].indicators[0].score = None
    wb = sheets(r, tmp_path)
    a2 = wb[A2]
    total = row_of(a2, "总分")
    assert a2[f"H{total}"].value is None  # was 84.89
    assert a2[f"G{total}"].value == 100  # Σ 分值 is known
    assert a2[f"I{row_of(a2, '年度资金总额', col=2)}"].value == 9.93  # the rate score is known
    p1 = wb["附件3-1"]
    assert p1[f"H{row_of(p1, '总分')}"].value is None  # was 84.8
    p2 = wb["附件3-2"]
    assert p2[f"H{row_of(p2, '总分')}"].value is not None  # other projects keep theirs


def test_no_indicator_rows_no_total(tmp_path: Path):
    a2 = sheets(SEEDS["002_budget"](), tmp_path)[A2]
    assert a2[f"H{row_of(a2, '总分')}"].value is None  # was 10 (the rate score alone)
