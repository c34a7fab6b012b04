"""The Excel attachments: figures, layout, print settings, safety (openpyxl reads them back)."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.io import load_report
from perfdesk.model.figures import Figures
from perfdesk.model.money import q2
from perfdesk.model.numbers import fmt_percent
from perfdesk.model.report import (
    Amounts,
    Building,
    Indicator,
    Project,
    Report,
)
from perfdesk.model.vocabulary import DateStyle
from perfdesk.render.excel import render_separate, render_workbook

A1, A2 = "附件1 基础数据表", "附件2 整体支出绩效自评表"


def render(report: Report, tmp_path: Path, draft: bool = False, name: str = "a.xlsx"):
    path = render_workbook(report, tmp_path / name, draft=draft)
    return load_workbook(path)


def dec(v: object) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def row_of(ws: Worksheet, label: str, col: int = 1, start: int = 1) -> int:
    for r in range(start, ws.max_row + 1):
        v = ws.cell(r, col).value
        if isinstance(v, str) and v.strip() == label:
            return r
    raise AssertionError(f"{label!r} not found in {ws.title}")


def pct(fraction: Decimal | None) -> Decimal | None:
    """A rate as the '0.00%' cell must hold it: the Word report's rounding (half up)."""
    return None if fraction is None else q2(fraction * 100).scaleb(-2)


def shown(cell) -> str:
    """A number cell as Excel/LibreOffice print it ('0.00' → 2 places, '0.00%' → percent);
    asserts the cell holds no more places than it shows, so no viewer rounds it again."""
    v = Decimal(str(cell.value))
    if cell.number_format == "0.00%":
        assert (v * 100) == (v * 100).quantize(Decimal("0.01")), cell.coordinate
        return f"{v * 100:.2f}%"
    assert cell.number_format == "0.00", cell.number_format
    return f"{v:.2f}"


def check_indicators(ws: Worksheet, header: int, indicators: list[Indicator]) -> None:
    for k, ind in enumerate(indicators):
        r = header + 1 + k
        assert ws.cell(r, 4).value == (ind.name or None)
        assert ws.cell(r, 5).value == (ind.target or None)
        assert ws.cell(r, 6).value == (ind.actual or None)
        assert dec(ws.cell(r, 7).value) == ind.weight
        assert dec(ws.cell(r, 8).value) == ind.score


def test_demo_figures_read_back_equal_to_model(demo: Report, tmp_path: Path):
    wb = render(demo, tmp_path)
    assert wb.sheetnames == [A1, A2, "附件3-1", "附件3-2", "附件3-3"]
    ws = wb[A1]
    assert ws["B4"].value == demo.unit_name
    staff = row_of(ws, "财政供养人员情况(人)") + 1
    assert ws.cell(staff, 2).value == demo.staffing.authorized
    assert ws.cell(staff, 4).value == demo.staffing.actual
    assert dec(ws.cell(staff, 6).value) == pct(Figures.of(demo).staffing_rate)
    expected = {
        "三公经费": Figures.of(demo).three_public,
        "1、公务用车购置和维护经费": Figures.of(demo).vehicle,
        "其中：公车购置": demo.three_public.vehicle_purchase,
        "公车运行维护": demo.three_public.vehicle_operation,
        "2、出国经费": demo.three_public.overseas,
        "3、公务接待": demo.three_public.reception,
        "项目支出：": Figures.of(demo).projects,
        "公用经费": demo.basic.public,
        "其中：办公经费": demo.basic.office,
        "水费、电费、差旅费": demo.basic.utilities_travel,
        "会议费、培训费": demo.basic.meetings_training,
        "政府采购金额": demo.procurement,
        "部门基本支出预算调整": Figures.of(demo).basic,
    } | {f"{i}、{p.name}": p.amounts for i, p in enumerate(demo.projects, start=1)}
    for label, amounts in expected.items():
        r = row_of(ws, label)
        got = [dec(ws.cell(r, c).value) for c in (2, 4, 6)]
        assert got == [amounts.prior, amounts.initial, amounts.actual], label
        for c in (2, 4, 6):
            assert ws.cell(r, c).number_format == "0.00"
            if ws.cell(r, c).value is not None:
                assert ws.cell(r, c).data_type == "n"
    assert ws.cell(row_of(ws, "厉行节约保障措施"), 2).value == demo.frugality

    ws = wb[A2]
    s = Figures.of(demo).score
    r = row_of(ws, "年度资金总额", col=2)
    overall = Figures.of(demo).overall
    assert [dec(ws.cell(r, c).value) for c in (4, 5, 6)] == [
        overall.initial, overall.annual, overall.actual]
    assert dec(ws.cell(r, 7).value) == s.exec_weight
    assert dec(ws.cell(r, 8).value) == pct(s.exec_rate)
    assert ws.cell(r, 8).number_format == "0.00%"
    assert dec(ws.cell(r, 9).value) == s.exec_score
    assert dec(ws.cell(row_of(ws, "其中：一般公共预算", col=2), 5).value) == \
        demo.income.general_budget
    assert dec(ws.cell(row_of(ws, "其中：基本支出", col=6), 9).value) == \
        Figures.of(demo).basic.actual
    header = row_of(ws, "三级指标", col=4)
    check_indicators(ws, header, demo.indicators)
    total = row_of(ws, "总分")
    assert dec(ws.cell(total, 7).value) == s.total_weight
    assert dec(ws.cell(total, 8).value) == s.total

    for n, p in enumerate(demo.projects, start=1):
        ws = wb[f"附件3-{n}"]
        ps = Figures.of(demo).project_scores[demo.projects.index(p)]
        assert ws["B4"].value == p.name
        r = row_of(ws, "年度资金总额", col=2)
        assert [dec(ws.cell(r, c).value) for c in (4, 5, 6)] == [
            p.amounts.initial, p.amounts.annual, p.amounts.actual]
        assert dec(ws.cell(r, 8).value) == pct(ps.exec_rate)
        assert dec(ws.cell(r, 9).value) == ps.exec_score
        for label, key in (("其中：当年财政拨款", "current"), ("上年结转资金", "carryover"),
                           ("其他资金", "other")):
            rr = row_of(ws, label, col=2)
            a = getattr(p.funding, key)
            assert [dec(ws.cell(rr, c).value) for c in (4, 5, 6)] == [
                a.initial, a.annual, a.actual]
        check_indicators(ws, row_of(ws, "三级指标", col=4), p.indicators)
        assert dec(ws.cell(row_of(ws, "总分"), 8).value) == ps.total


def test_merged_ranges_and_print_settings(demo: Report, tmp_path: Path):
    wb = render(demo, tmp_path)
    for ws in wb.worksheets:
        merged = {str(m) for m in ws.merged_cells.ranges}
        last = "G" if ws.title == A1 else "I"
        assert f"A2:{last}2" in merged  # title merged across
        title = ws["A2"]
        assert title.alignment.horizontal == "center" and title.font.b
        assert title.font.name == "宋体"
        ps = ws.page_setup
        assert int(ps.paperSize) == 9  # A4
        assert ps.orientation == "portrait"
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ps.fitToWidth == 1 and ps.fitToHeight == 0
        assert ws.print_title_rows
        text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
        for word in ("填报单位", "填报人", "联系电话", "填报日期"):
            assert word in text
        # a table cell: thin borders, wrapped
        cell = ws["A4"]
        assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
        assert cell.alignment.wrap_text
        assert ws.row_dimensions[4].height and ws.row_dimensions[4].height >= 20
    ws = wb[A1]
    header = row_of(ws, "经费控制情况(万元)")
    assert ws.print_title_rows.replace("$", "") == f"{header}:{header}"
    assert f"B{header}:C{header}" in {str(m) for m in ws.merged_cells.ranges}

    ws = wb[A2]
    header = row_of(ws, "三级指标", col=4)
    assert ws.print_title_rows.replace("$", "") == f"{header}:{header}"
    merged = {str(m) for m in ws.merged_cells.ranges}
    n = len(demo.indicators)
    assert f"A{header}:A{header + n}" in merged  # 绩效指标 label over the whole table
    # 一级 merged over its run, labelled with its weight; 二级 over each sub-run
    levels = [i.level1 for i in demo.indicators]
    first = levels.index("产出指标")
    count = levels.count("产出指标")
    start = header + 1 + first
    assert f"B{start}:B{start + count - 1}" in merged
    assert ws.cell(start, 2).value == "产出指标(50分)"
    level2 = [i.level2 for i in demo.indicators]
    run = level2.count("数量指标")
    assert f"C{start}:C{start + run - 1}" in merged


def test_draft_mark_on_every_sheet(demo: Report, tmp_path: Path):
    wb = render(demo, tmp_path, draft=True)
    for ws in wb.worksheets:
        assert "草稿" in ws["A2"].value
        assert "草稿" in ws.oddHeader.center.text
    wb = render(demo, tmp_path, draft=False, name="b.xlsx")
    for ws in wb.worksheets:
        assert "草稿" not in ws["A2"].value
        assert not ws.oddHeader.center.text


def test_separate_workbooks(demo: Report, tmp_path: Path):
    files = render_separate(demo, tmp_path, stem="报告", draft=False)
    assert [f.name for f in files] == [
        "报告（附件1）.xlsx", "报告（附件2）.xlsx", "报告（附件3-1）.xlsx", "报告（附件3-2）.xlsx",
        "报告（附件3-3）.xlsx"]
    for f in files:
        assert len(load_workbook(f).sheetnames) == 1
    assert load_workbook(files[3]).sheetnames == ["附件3-2"]


@pytest.mark.parametrize("count", [0, 1, 30])
def test_project_counts(demo: Report, tmp_path: Path, count: int):
    base = demo.projects[0]
    demo.projects = []
    for i in range(count):
        p = copy.deepcopy(base)
        p.name = f"项目{i + 1}"
        demo.projects.append(p)
    wb = render(demo, tmp_path)
    assert wb.sheetnames == [A1, A2] + [f"附件3-{i}" for i in range(1, count + 1)]
    ws = wb[A1]
    r = row_of(ws, "项目支出：")
    for i in range(count):
        assert ws.cell(r + 1 + i, 1).value.strip() == f"{i + 1}、项目{i + 1}"
    assert ws.cell(r + 1 + count, 1).value.strip() == "公用经费"
    total = Figures.of(demo).projects
    assert dec(ws.cell(r, 6).value) == total.actual


def test_sixty_indicator_rows(demo: Report, tmp_path: Path):
    levels = [("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    demo.indicators = [
        Indicator(level1=levels[i * 3 // 60][0], level2=levels[i * 3 // 60][1],
                  name=f"指标{i + 1}", target="≥90%", actual="95%", weight=Decimal("1.5"),
                  score=Decimal("1.5"))
        for i in range(60)]
    wb = render(demo, tmp_path)
    ws = wb[A2]
    header = row_of(ws, "三级指标", col=4)
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"B{header + 1}:B{header + 20}" in merged
    assert f"B{header + 41}:B{header + 60}" in merged
    assert f"A{header}:A{header + 60}" in merged
    assert ws.print_title_rows.replace("$", "") == f"{header}:{header}"  # repeated on every printed page
    assert ws.cell(header + 60, 4).value == "指标60"
    assert ws.cell(header + 61, 1).value == "总分"
    assert dec(ws.cell(header + 61, 7).value) == Decimal(100)


HOSTILE = ["=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+SUM(A1:A2)", "-2+3", "@cmd",
           "\t=1", "第一行\n第二行\r\n第三行", "控制\x01字符\x07\x1b\ud800", "长" * 40000]


def test_hostile_text_is_stored_as_text(demo: Report, tmp_path: Path):
    demo.unit_name = HOSTILE[0] + "\x00"
    demo.frugality = HOSTILE[8]
    demo.goals = HOSTILE[:3]
    demo.indicators = [Indicator(level1="产出指标", level2="数量指标", name=t, target=t,
                                 actual=t, weight=Decimal(1), score=Decimal(1), deviation=t)
                       for t in HOSTILE]
    demo.projects = [Project(name=HOSTILE[2], indicators=demo.indicators[:3])]
    path = render_workbook(demo, tmp_path / "h.xlsx", draft=False)
    wb = load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert len(cells) > 50 and all(c.data_type in ("s", "n") for c in cells)  # never 'f' (formula)
    ws = wb[A2]
    header = row_of(ws, "三级指标", col=4)
    names = [ws.cell(header + 1 + k, 4).value for k in range(len(HOSTILE))]
    assert names[:6] == HOSTILE[:6]
    assert names[6] == "第一行\n第二行\n第三行"
    assert names[7] == "控制字符"
    assert len(names[8]) == 32767
    assert wb[A1]["B4"].value == "=1+1" and wb[A1]["B4"].data_type == "s"
    assert wb["附件3-1"]["B4"].value == "+SUM(A1:A2)"
    assert ws.row_dimensions[header + 7].height > 20  # the three-line cell shows its lines
    # the raw XML holds no formula element at all
    import zipfile

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def test_empty_report_renders(tmp_path: Path):
    wb = render(Report(), tmp_path)
    assert wb.sheetnames == [A1, A2]
    assert wb[A1]["A2"].value == "预算单位整体支出绩效评价基础数据表"


def test_long_goal_lists_split_over_rows_that_fit(demo: Report, tmp_path: Path):
    demo.goals = [f"第{i}项目标：" + "加强市场监管执法，维护公平竞争的市场秩序" * 4 for i in range(30)]
    demo.achievements = ["完成"] * 3
    wb = render(demo, tmp_path)
    ws = wb[A2]
    top = row_of(ws, "年度\n总体\n目标")
    label = next(m for m in ws.merged_cells.ranges if m.min_row == top and m.min_col == 1)
    assert label.max_row - top >= 3  # the goals continue over several rows
    heights = [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)]
    assert all(h is None or h <= 409 for h in heights)
    from perfdesk.io.excel_import import import_workbook

    again, problems = import_workbook(tmp_path / "a.xlsx")
    assert problems == []
    assert again.goals == demo.goals and again.achievements == demo.achievements


def test_buildings_block(demo: Report, tmp_path: Path):
    from perfdesk.model.report import Building

    demo.buildings = [Building("业务用房", Decimal("1200"), Decimal("1180.5"),
                               Decimal("560.00"), Decimal("548.20"))]
    ws = render(demo, tmp_path)[A1]
    r = row_of(ws, "业务用房")
    got = [ws.cell(r, c).value for c in range(2, 8)]
    assert got == [1200, 1180.5, 0.9838, 560, 548.2, 0.9789]
    assert [ws.cell(r, c).number_format for c in range(2, 8)] == [
        "0.00", "0.00", "0.00%", "0.00", "0.00", "0.00%"]


# -- QA defects D5, D6, D9a --------------------------------------------------------------
D = Decimal
SEED_001 = Path(__file__).resolve().parents[1] / "data" / "seeds" / "seed_001.perfdesk"


def test_percent_cells_round_half_up_like_the_word_report(demo: Report, tmp_path: Path):
    """12.345 % is printed 12.35 % in Word (q2, half up); the workbook must show the same,
    not 12.34 % (Decimal.quantize's default half-even)."""
    demo.projects[2].amounts = Amounts(initial=D("200.00"), annual=D("200.00"),
                                       actual=D("24.69"))  # 12.345 %
    demo.staffing.authorized, demo.staffing.actual = 160, 137  # 85.625 %
    demo.declared.overall = Amounts(annual=D("200.00"), actual=D("24.69"))
    demo.buildings = [Building("执法业务用房", D("200.00"), D("24.69"), D("1600"), D("1370"))]
    wb = render(demo, tmp_path)

    ws = wb["附件3-3"]
    r = row_of(ws, "年度资金总额", col=2)
    assert shown(ws.cell(r, 8)) == fmt_percent(Figures.of(demo).project_scores[demo.projects.index(demo.projects[2])].exec_rate)
    assert shown(ws.cell(r, 8)) == "12.35%"

    ws = wb[A1]
    staff = row_of(ws, "财政供养人员情况(人)") + 1
    assert shown(ws.cell(staff, 6)) == fmt_percent(Figures.of(demo).staffing_rate) == "85.63%"
    r = row_of(ws, "执法业务用房")
    assert [shown(ws.cell(r, c)) for c in (4, 7)] == ["12.35%", "85.63%"]

    ws = wb[A2]
    r = row_of(ws, "年度资金总额", col=2)
    assert shown(ws.cell(r, 8)) == fmt_percent(Figures.of(demo).score.exec_rate) == "12.35%"


def _signature_dates(wb) -> list[str]:
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("填报日期")]


@pytest.mark.parametrize(("style", "text"), [
    (DateStyle.CHINESE, "二〇二一年四月二十八日"),
    (DateStyle.ARABIC, "2021年4月28日"),
])
def test_signature_date_follows_the_report_date_style(tmp_path: Path, style: str, text: str):
    """seed 001's 落款 is in Chinese numerals; every sheet's 填报日期 says the same as Word."""
    from perfdesk.render.word_context import build_context

    report = load_report(SEED_001)
    report.date_style = style
    wb = render(report, tmp_path)
    dates = _signature_dates(wb)
    assert len(dates) == len(wb.worksheets) == 2 + len(report.projects)
    assert set(dates) == {f"填报日期：{text}"}
    assert build_context(report)["date_text"] == text  # what the Word 落款 prints


def test_signature_date_left_blank_for_the_hand(demo: Report, tmp_path: Path):
    demo.signature_date = None
    demo.date_style = DateStyle.CHINESE
    assert set(_signature_dates(render(demo, tmp_path))) == {"填报日期：    年  月  日"}


def _heading_above(ws: Worksheet, row: int, col: int) -> str:
    """The nearest text above a number: the heading a reader takes the column to have."""
    for r in range(row - 1, 0, -1):
        v = ws.cell(r, col).value
        if isinstance(v, str) and v.strip():
            return v
    return ""


def test_annex2_income_and_spending_amounts_sit_under_an_execution_heading(
        demo: Report, tmp_path: Path):
    """按收入性质分 / 按支出性质分 are 执行 figures: the column heading over them must say
    so, never 全年预算数 (E) or 自评得分 (I), as seed 004's paper form reads."""
    ws = render(demo, tmp_path)[A2]
    total = row_of(ws, "年度资金总额", col=2)
    sub = row_of(ws, "按收入性质分：", col=2)
    assert ws.cell(sub, 6).value == "按支出性质分："
    incomes = {label: row_of(ws, label, col=2, start=sub) for label in (
        "其中：一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款", "其他资金",
        "上年结转结余")}
    spendings = {label: row_of(ws, label, col=6, start=sub) for label in (
        "其中：基本支出", "项目支出")}
    for r in incomes.values():
        assert _heading_above(ws, r, 5) == "全年执行数"
    for r in spendings.values():
        assert _heading_above(ws, r, 9) == "全年执行数"
    # and the heading is the only text between the 年度资金总额 row and the amounts
    assert [ws.cell(r, 5).value for r in range(total + 1, sub + 1)] == ["全年执行数"]
    assert [ws.cell(r, 9).value for r in range(total + 1, sub + 1)] == ["全年执行数"]

    inc = demo.income
    assert [dec(ws.cell(r, 5).value) for r in incomes.values()] == [
        inc.general_budget, inc.gov_fund, inc.special_account, inc.other, inc.carryover]
    assert shown(ws.cell(incomes["其中：一般公共预算"], 5)) == "2150.56"
    assert ws.cell(incomes["其中：一般公共预算"], 5).data_type == "n"
    # Σ 按收入性质分 is what the 全年执行数 of 年度资金总额 shows (R-B04), not 全年预算数
    income_sum = sum(dec(ws.cell(r, 5).value) or D(0) for r in incomes.values())
    assert ws.cell(total - 1, 6).value == "全年执行数"
    assert income_sum == dec(ws.cell(total, 6).value) == D("2176.98")
    basic = spendings["其中：基本支出"]
    assert dec(ws.cell(basic, 9).value) == Figures.of(demo).basic.actual
    assert dec(ws.cell(spendings["项目支出"], 9).value) == Figures.of(demo).projects.actual
