"""Import: PerfDesk's own workbooks round-trip; hand-filled official forms are read leniently."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from perfdesk.cli import main
from perfdesk.io import load_report
from perfdesk.io.excel_import import ImportProblem, import_workbook
from perfdesk.model.figures import Figures
from perfdesk.model.report import Building, Report
from perfdesk.model.vocabulary import OUTPUT, DateStyle
from perfdesk.render.excel import render_workbook

D = Decimal


def workbook_cells(path: Path) -> dict[str, list]:
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [
            sorted(str(m) for m in ws.merged_cells.ranges),
            [[(c.value, c.data_type, c.number_format) for c in row] for row in ws.iter_rows()],
        ]
    return out


def roundtrip(report: Report, tmp_path: Path) -> tuple[Report, list]:
    first = render_workbook(report, tmp_path / "first.xlsx", draft=False)
    again, problems = import_workbook(first)
    second = render_workbook(again, tmp_path / "second.xlsx", draft=False)
    assert workbook_cells(first) == workbook_cells(second)
    return again, problems


def test_demo_export_import_export_is_lossless(demo: Report, tmp_path: Path):
    demo.buildings = [Building("执法业务用房", D("1200"), D("1180.5"), D("560.00"), D("548.20"))]
    again, problems = roundtrip(demo, tmp_path)
    assert problems == []
    assert (again.year, again.unit_name, again.supervisor) == (demo.year, demo.unit_name,
                                                              demo.supervisor)
    assert again.signature_date == demo.signature_date
    assert again.staffing.authorized == demo.staffing.authorized
    assert again.income == demo.income
    for a, b in ((again.three_public.vehicle_operation, demo.three_public.vehicle_operation),
                 (again.basic.office, demo.basic.office)):  # 附件1 has no 全年预算 column
        assert (a.prior, a.initial, a.actual) == (b.prior, b.initial, b.actual)
    assert again.buildings == demo.buildings
    assert again.frugality == demo.frugality
    assert again.goals == demo.goals and again.achievements == demo.achievements
    for ind in demo.indicators + [i for p in demo.projects for i in p.indicators]:
        ind.band = None  # the qualitative band is not on the forms
    assert again.indicators == demo.indicators
    for a, b in zip(again.projects, demo.projects, strict=True):
        assert a.name == b.name and a.amounts == b.amounts and a.funding == b.funding
        assert a.goals == b.goals and a.indicators == b.indicators
    for name in ("overall", "basic", "three_public"):
        a, b = getattr(Figures.of(again), name), getattr(Figures.of(demo), name)
        assert (a.prior, a.initial, a.actual) == (b.prior, b.initial, b.actual)
    assert Figures.of(again).overall.annual == Figures.of(demo).overall.annual  # declared on import
    assert Figures.of(again).projects == Figures.of(demo).projects
    assert Figures.of(again).score == Figures.of(demo).score


def test_seed004_round_trip_keeps_declared_totals(seed004: Report, tmp_path: Path):
    again, problems = roundtrip(seed004, tmp_path)
    assert problems == []
    assert again.declared.overall.annual == D("5836.24")
    assert [p.name for p in again.projects] == [p.name for p in seed004.projects]
    assert again.projects[0].indicators[3].name == "……"  # placeholder with 分值 kept (R-I06)


def test_hostile_and_odd_text_round_trips(demo: Report, tmp_path: Path):
    demo.unit_name = "=1+1"
    demo.goals = ["-开头", "多行\n第二行", "目标1：自带编号"]
    demo.achievements = ["1、自带编号", "@at"]
    demo.indicators[0].name = "+SUM(A1)"
    demo.indicators[0].deviation = "\t制表"
    demo.scoring.weights[OUTPUT] = D("45")
    again, _ = roundtrip(demo, tmp_path)
    assert again.unit_name == "=1+1"
    assert again.goals == demo.goals and again.achievements == demo.achievements
    assert again.indicators[0].name == "+SUM(A1)"
    assert again.scoring.weights[OUTPUT] == D("45")


@pytest.mark.parametrize("count", [0, 1, 30])
def test_round_trip_project_counts(demo: Report, tmp_path: Path, count: int):
    import copy

    base = demo.projects[0]
    demo.projects = [copy.deepcopy(base) for _ in range(count)]
    for i, p in enumerate(demo.projects):
        p.name = f"项目{i + 1}"
    again, _ = roundtrip(demo, tmp_path)
    assert len(again.projects) == count


# -- a hand-filled official form, laid out like seed 004 -----------------------------
def _put(ws, row: int, values: list, merges: tuple[str, ...] = ()) -> None:
    for c, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(row, c, v)
    for m in merges:
        ws.merge_cells(m)


def hand_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows = [
        ["附件1"], ["2023年度预算单位整体支出绩效评价基础数据表"],
        ["预算单位名称", "岳阳市岳阳楼区市场监督管理局"],
        ["财政供养人员情况(人)", "编制数", "2023年实际在职人数", "控制率"],
        [None, "301", 263, "87.38%"],
        ["经费控制情况(万元)", "2022年决算数", "2023年预算数", "2023年决算数"],
        ["三 公 经 费", 137.59, 58.7, 32.15],
        ["1、公务用车购置和维护经费", "137.11", "56.7", "32.15"],
        ["其中：公车购置", "90.41"],
        ["公车运行维护", "46.70 万元", 56.7, 32.15],
        ["2、出国经费", None, " 2 "],
        ["3、公务接待", 0.48],
        ["项目支出：", "1,204.48", 696, 855.87],
        ["1、业务工作经费", 1101.08, 549.3, 730.54],
        ["2、运行维护经费", 46.7, 56.7, 32.15],
        ["   3、编外用工人员经费", 56.7, 90, 93.18],
        [None], [None],
        ["公用经费", 795.43, 504, 619.82],
        ["其中：办公经费", 126.24, 15, 50.39],
        ["水费、电费、差旅费", "三十四", 30, 41.19],
        ["会议费、培训费", 2.02, 0, 0],
        ["政府采购金额", 682, 633, 633],
        ["部门基本支出预算调整", 5558.77, "4668.70", 4980.37],
        ["楼堂馆所控制情况\n(2023年完工项目)", "批复规模\n(m²)", "实际规\n模(m²)", "规模控制率",
         "预算投资\n(万元)", "实际\n投资\n(万元)", "投资概\n算控制\n率"],
        [None],
        ["厉行节约保障措施", None],
        ["说明：“项目支出”需要填报基本支出以外的所有项目支出情况。"],
    ]
    for r, values in enumerate(rows, start=1):
        _put(ws, r, values)
    ws.merge_cells("A4:A5")
    ws.merge_cells("A25:A26")

    ws = wb.create_sheet("附件2")
    _put(ws, 1, [" 附件2"])
    _put(ws, 2, ["2023年度预算单位整体支出绩效自评表"], ("A2:I2",))
    _put(ws, 3, ["预算单位名称", "岳阳市岳阳楼区市场监督管理局"], ("B3:I3",))
    _put(ws, 4, ["\n年度预算申请 （万元）", None, "年初预算数", "全年预算数", "全年执行数",
                 "分值", "执行率", "自评得分"], ("A4:A10", "H4:I4"))
    _put(ws, 5, [None, "年度资金总额", "5364.70", "5836.24", "5836.24", 10, "100%", 10])
    _put(ws, 6, [None, "按收入性质分：", None, None, None, "按支出性质分："], ("B6:E6", "F6:I6"))
    _put(ws, 7, [None, "其中：  一般公共预算：5756.82", None, None, None, "其中：基本支出：4980.37"],
         ("B7:E7", "F7:I7"))
    _put(ws, 8, [None, "政府性基金拨款：", None, None, None, "项目支出：855.87"], ("B8:E8", "F8:I8"))
    _put(ws, 9, [None, "纳入专户管理的非税收入拨款："], ("B9:E9",))
    _put(ws, 10, [None, "其他资金：79.42"], ("B10:E10",))
    _put(ws, 11, ["年度总体 目标", "预期目标", None, None, None, "实际完成情况"],
         ("A11:A12", "B11:E11", "F11:I11"))
    _put(ws, 12, [None, "目标1∶推进登记制度改革\n目标2∶推进落实企业信用监管，加强网络交易监管",
                  None, None, None, "1、深化商事制度改革。\n2、坚持“双随机、一公开”监管模式。"],
         ("B12:E12", "F12:I12"))
    _put(ws, 13, ["\n绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                  "分值", "自评得分", "偏差原因分析及改进措施"])
    _put(ws, 14, [None, "\n\n\n产出指标\n(50 分)", "数量指标", "全年立案查处各类经济违法案件结案数",
                  "≥ 120件", "138件", "3", 3])
    _put(ws, 15, [None, None, None, "全年罚没入库数", "≥ 150万元", "162万元", 3, "3分"])
    _put(ws, 16, [None, None, None, "……"])
    _put(ws, 17, [None, "效益指标\n（30 分）", "经济效\n益指标", "为消费者挽回经济损失", "≥500万元",
                  "1066.1万元", 4, 4])
    _put(ws, 18, [None, "满意度\n指标\n（10 分）", "服务对象\n满意度指\n标", "公众对市场监管效果的满意度",
                  "≥90%", 0.9, 5, "五"])
    ws["F18"].number_format = "0%"
    _put(ws, 19, ["总分", None, None, None, None, None, 100, 100])
    ws.merge_cells("A13:A18")
    ws.merge_cells("B14:B16")
    ws.merge_cells("C14:C16")

    ws = wb.create_sheet("附件3-2")
    _put(ws, 1, [" 附件3-2"])
    _put(ws, 2, ["2023年度项目支出绩效自评表"], ("A2:I2",))
    _put(ws, 3, ["项目支出名称", "运行维护费"], ("B3:I3",))
    _put(ws, 4, ["主管部门", None, None, None, "实施单位", None, "岳阳市岳阳楼区市场监督管理局"],
         ("B4:D4", "E4:F4", "G4:I4"))
    _put(ws, 5, ["\n项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
                 "自评得分"], ("A5:A9",))
    _put(ws, 6, [None, "年度资金总额", 56.7, 56.7, 32.15, 10, "56.70%", 5.67])
    _put(ws, 7, [None, "其中：当年财政拨款", 56.7, 56.7, 32.15])
    _put(ws, 8, [None, "上年结转资金"])
    _put(ws, 9, [None, "其他资金"])
    _put(ws, 10, ["年度\n总体\n目标", "预期目标", None, None, None, "实际完成情况"],
         ("A10:A11", "B10:E10", "F10:I10"))
    _put(ws, 11, [None, "合理有效配置公务用车资源，统一调度，合理使用，\n分点保障，便捷高效。", None,
                  None, None, "公务出行便捷合理。"], ("B11:E11", "F11:I11"))
    _put(ws, 12, ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值",
                  "分值", "自评得分", "偏差原因分析及改进措施"])
    _put(ws, 13, [None, "产出指标\n(50分)", "数量指标\n", "车辆维修数量 ", "19辆", "19辆", 10, 10])
    _put(ws, 14, ["总分", None, None, None, None, None, 100, 95.67])
    wb.save(path)
    return path


def test_hand_filled_official_form(tmp_path: Path):
    report, problems = import_workbook(hand_workbook(tmp_path / "hand.xlsx"))
    assert report.year == 2023
    assert report.unit_name == "岳阳市岳阳楼区市场监督管理局"
    assert (report.staffing.authorized, report.staffing.actual) == (301, 263)
    tp = report.three_public
    assert tp.vehicle_purchase.prior == D("90.41")
    assert tp.vehicle_operation.prior == D("46.70") and tp.vehicle_operation.initial == D("56.70")
    assert tp.overseas.initial == D("2.00")
    assert Figures.of(report).three_public.prior == D("137.59")
    assert Figures.of(report).projects.prior == D("1204.48")
    assert [p.name for p in report.projects] == ["业务工作经费", "运行维护费", "编外用工人员经费"]
    p2 = report.projects[1]
    assert p2.amounts.prior == D("46.70") and p2.amounts.annual == D("56.70")
    assert p2.funding.current.actual == D("32.15")
    assert p2.goals == ["合理有效配置公务用车资源，统一调度，合理使用，", "分点保障，便捷高效。"]
    assert p2.indicators[0].name == "车辆维修数量" and p2.indicators[0].level2 == "数量指标"
    assert report.basic.utilities_travel.prior is None  # "三十四" cannot be read
    assert Figures.of(report).basic.initial == D("4668.70")
    assert report.income.general_budget == D("5756.82") and report.income.other == D("79.42")
    assert report.goals == ["推进登记制度改革", "推进落实企业信用监管，加强网络交易监管"]
    assert report.achievements == ["深化商事制度改革。", "坚持“双随机、一公开”监管模式。"]
    assert [(i.level1, i.level2, i.name) for i in report.indicators] == [
        ("产出指标", "数量指标", "全年立案查处各类经济违法案件结案数"),
        ("产出指标", "数量指标", "全年罚没入库数"),
        ("效益指标", "经济效益指标", "为消费者挽回经济损失"),
        ("满意度指标", "服务对象满意度指标", "公众对市场监管效果的满意度"),
    ]
    assert report.indicators[1].score == D(3)
    assert report.indicators[3].actual == "90%"
    assert report.indicators[3].score is None  # "五"
    messages = [str(p) for p in problems]
    assert any(m.startswith("Sheet1!B21“三十四”") and "金额" in m for m in messages)
    assert any(m.startswith("附件2!H18“五”") for m in messages)
    assert any("运行维护费" in m and "附件1" in m for m in messages)  # name differs
    # and it renders again with the seed's figures
    wb = load_workbook(render_workbook(report, tmp_path / "out.xlsx", draft=True))
    ws = wb["附件1 基础数据表"]
    assert [ws.cell(r, 1).value for r in range(1, 5)][:2] == ["附件1",
                                                             "2023年度预算单位整体支出绩效评价基础数据表（草稿）"]


def test_unusable_files(tmp_path: Path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ImportProblem) as exc:
        import_workbook(bad)
    assert "“bad.xlsx”是纯文本（CSV/TXT）文件，不是 Excel 工作簿" in exc.value.message
    with pytest.raises(ImportProblem) as exc:
        import_workbook(tmp_path / "missing.xlsx")
    assert "找不到文件" in exc.value.message
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(ImportProblem) as exc:
        import_workbook(empty)
    assert "没有找到附件1" in exc.value.message


def test_cli_import(demo: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    xlsx = render_workbook(demo, tmp_path / "a.xlsx", draft=False)
    out = tmp_path / "r.perfdesk"
    assert main(["import", str(xlsx), "-o", str(out)]) == 0
    assert load_report(out).projects[2].name == demo.projects[2].name
    hand = hand_workbook(tmp_path / "hand.xlsx")
    assert main(["import", str(hand), "-o", str(tmp_path / "h.perfdesk")]) == 0
    assert "Sheet1!B21" in capsys.readouterr().err


def test_separate_files_import_alone(demo: Report, tmp_path: Path):
    from perfdesk.render.excel import render_separate

    files = render_separate(demo, tmp_path, stem="r", draft=False)
    r1, p1 = import_workbook(files[0])
    assert p1 == [] and [p.name for p in r1.projects] == [p.name for p in demo.projects]
    assert Figures.of(r1).three_public.actual == Figures.of(demo).three_public.actual
    r2, p2 = import_workbook(files[1])
    assert p2 == [] and len(r2.indicators) == len(demo.indicators)
    assert r2.income == demo.income
    assert Figures.of(r2).score.total == Figures.of(demo).score.total  # 年度资金总额 kept as declared totals
    r3, p3 = import_workbook(files[3])
    assert p3 == [] and [p.name for p in r3.projects] == [demo.projects[1].name]
    assert r3.projects[0].amounts.annual == demo.projects[1].amounts.annual


# -- QA D6: the 填报日期 keeps the report's date style through import ------------------
SEED_001 = Path(__file__).resolve().parents[1] / "data" / "seeds" / "seed_001.perfdesk"


def test_chinese_numeral_date_round_trips(tmp_path: Path):
    seed = load_report(SEED_001)
    assert seed.date_style == DateStyle.CHINESE
    again, problems = roundtrip(seed, tmp_path)  # 二〇二一年四月二十八日 on every sheet, twice
    assert problems == []
    assert again.signature_date == seed.signature_date == date(2021, 4, 28)
    assert again.date_style == DateStyle.CHINESE


@pytest.mark.parametrize(("text", "when", "style"), [
    ("填报日期：二〇二四年三月十八日", date(2024, 3, 18), DateStyle.CHINESE),
    ("填报日期：二○二四年十二月三十一日", date(2024, 12, 31), DateStyle.CHINESE),  # ○ typed
    ("填报日期：2024 年 3 月 18 日", date(2024, 3, 18), DateStyle.ARABIC),
    ("填报日期：二〇二四年二月三十日", None, DateStyle.CHINESE),  # no such day: blank date
])
def test_hand_typed_signature_dates(demo: Report, tmp_path: Path, text: str,
                                    when: date | None, style: str):
    path = render_workbook(demo, tmp_path / "a.xlsx", draft=False)
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("填报日期"):
                    c.value = text
    wb.save(path)
    again, _ = import_workbook(path)
    assert again.signature_date == when
    assert again.date_style == style
