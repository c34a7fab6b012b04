"""Seed 004's figures reproduce its published 附件1, 附件2 and 附件3-1…3-3 values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from perfdesk.model.report import Amounts, Report
from perfdesk.render.excel import render_workbook

D = Decimal
A1, A2 = "附件1 基础数据表", "附件2 整体支出绩效自评表"


def row_of(ws, label: str, col: int = 1) -> int:
    for r in range(1, ws.max_row + 1):
        v = ws.cell(r, col).value
        if isinstance(v, str) and v.strip() == label:
            return r
    raise AssertionError(label)


def nums(ws, r: int, cols: tuple[int, ...]) -> list[str]:
    """The values as the forms print them ('0.00' money → two decimals; blank → '')."""
    out = []
    for c in cols:
        v = ws.cell(r, c).value
        fmt = ws.cell(r, c).number_format
        if v is None:
            out.append("")
        elif fmt == "0.00%":
            out.append(f"{Decimal(str(v)) * 100:.2f}%")
        elif fmt == "0.00":
            out.append(f"{Decimal(str(v)):.2f}")
        else:
            out.append(str(v))
    return out


@pytest.fixture
def wb(seed004: Report, tmp_path: Path):
    # The published 附件1 prints the “三公” totals although some items are blank (blank
    # there meaning “none”); PerfDesk never sums blanks, so the printed totals are declared,
    # as the importer keeps them (excel_import._declare).
    seed004.declared.vehicle = Amounts(D("137.11"), D("56.7"), None, D("32.15"))
    seed004.declared.three_public = Amounts(D("137.59"), D("58.7"), None, D("32.15"))
    return load_workbook(render_workbook(seed004, tmp_path / "seed.xlsx", draft=False))


ANNEX1 = {
    "三公经费": ["137.59", "58.70", "32.15"],
    "1、公务用车购置和维护经费": ["137.11", "56.70", "32.15"],
    "其中：公车购置": ["90.41", "", ""],
    "公车运行维护": ["46.70", "56.70", "32.15"],
    "2、出国经费": ["", "2.00", ""],
    "3、公务接待": ["0.48", "", ""],
    "项目支出：": ["1204.48", "696.00", "855.87"],
    "1、业务工作经费": ["1101.08", "549.30", "730.54"],
    "2、运行维护经费": ["46.70", "56.70", "32.15"],
    "3、编外用工人员经费": ["56.70", "90.00", "93.18"],
    "公用经费": ["795.43", "504.00", "619.82"],
    "其中：办公经费": ["126.24", "15.00", "50.39"],
    "水费、电费、差旅费": ["34.82", "30.00", "41.19"],
    "会议费、培训费": ["2.02", "0.00", "0.00"],
    "政府采购金额": ["682.00", "633.00", "633.00"],
    "部门基本支出预算调整": ["5558.77", "4668.70", "4980.37"],
}


def test_annex1(wb):
    ws = wb[A1]
    assert ws["A2"].value == "2023年度预算单位整体支出绩效评价基础数据表"
    assert ws["B4"].value == "岳阳市岳阳楼区市场监督管理局"
    r = row_of(ws, "财政供养人员情况(人)")
    assert nums(ws, r + 1, (2, 4, 6)) == ["301", "263", "87.38%"]
    head = row_of(ws, "经费控制情况(万元)")
    assert [ws.cell(head, c).value for c in (2, 4, 6)] == ["2022年决算数", "2023年预算数",
                                                          "2023年决算数"]
    for label, expected in ANNEX1.items():
        assert nums(ws, row_of(ws, label.strip()), (2, 4, 6)) == expected, label


def test_annex2(wb):
    ws = wb[A2]
    assert ws["A2"].value == "2023年度预算单位整体支出绩效自评表"
    r = row_of(ws, "年度资金总额", col=2)
    assert nums(ws, r, (4, 5, 6, 7, 8, 9)) == ["5364.70", "5836.24", "5836.24", "10",
                                                "100.00%", "10"]
    assert nums(ws, row_of(ws, "其中：一般公共预算", col=2), (5,)) == ["5756.82"]
    assert nums(ws, row_of(ws, "其他资金", col=2), (5,)) == ["79.42"]
    assert nums(ws, row_of(ws, "其中：基本支出", col=6), (9,)) == ["4980.37"]
    assert nums(ws, row_of(ws, "项目支出", col=6), (9,)) == ["855.87"]
    head = row_of(ws, "三级指标", col=4)
    assert ws.cell(head + 1, 2).value == "产出指标(50分)"
    assert ws.cell(head + 1, 4).value == "全年立案查处各类经济违法案件结案数"
    assert nums(ws, head + 1, (7, 8)) == ["3", "3"]
    levels = [ws.cell(r, 2).value for r in range(head + 1, head + 27)]
    assert "效益指标(30分)" in levels and "满意度指标(10分)" in levels
    total = row_of(ws, "总分")
    assert nums(ws, total, (7, 8)) == ["100", "100"]


@pytest.mark.parametrize(("n", "name", "money", "rate", "score", "total"), [
    (1, "业务工作经费", ["549.30", "730.54", "730.54"], "100.00%", "10", "100"),
    (2, "运行维护经费", ["56.70", "56.70", "32.15"], "56.70%", "5.67", "95.67"),
    (3, "编外用工人员经费", ["90.00", "93.18", "93.18"], "100.00%", "10", "100"),
])
def test_annex3(wb, n, name, money, rate, score, total):
    ws = wb[f"附件3-{n}"]
    assert ws["A1"].value == f"附件3-{n}"
    assert ws["A2"].value == "2023年度项目支出绩效自评表"
    assert ws["B4"].value == name
    assert ws["G5"].value == "岳阳市岳阳楼区市场监督管理局"  # 实施单位
    r = row_of(ws, "年度资金总额", col=2)
    assert nums(ws, r, (4, 5, 6, 7, 8, 9)) == [*money, "10", rate, score]
    assert nums(ws, row_of(ws, "其中：当年财政拨款", col=2), (4, 5, 6)) == money
    assert nums(ws, row_of(ws, "上年结转资金", col=2), (4, 5, 6)) == ["", "", ""]
    assert nums(ws, row_of(ws, "总分"), (7, 8)) == ["100", total]
