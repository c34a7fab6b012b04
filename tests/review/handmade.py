"""附件 workbooks and Word reports as units make them by hand, in layouts PerfDesk does not
write: the seed 004 form typed into Excel (labels with numbering, values as text, income
"其中：一般公共预算：5756.82" in one cell), columns in another order, sheets named 项目1,
the forms split over several files, and Word reports whose prose is typed separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money, fmt_percent
from perfdesk.model.report import Indicator, Project, Report


@dataclass
class Layout:
    reorder: bool = False  # 附件1: 本年预算 first; indicators: 分值 before 年度指标值
    sheet_names: tuple[str, str, str] = ("附件1", "附件2", "附件3-{n}")  # {n} = project number
    split: bool = False  # 附件1, 附件2 and the 附件3s in three files
    code: str = ""  # 统一社会信用代码 written under the title of 附件1
    stated_total: Decimal | None = None  # a 总分 typed by hand (None: the sum of the scores)
    overall_actual: Decimal | None = None  # a 年度资金总额 全年执行数 typed by hand


def _m(value: Decimal | None) -> str | float | None:
    """Amounts as hand-made forms hold them: a number, sometimes text."""
    return None if value is None else float(value)


def _put(ws: Worksheet, row: int, values: list[object]) -> None:
    for c, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(row=row, column=c, value=v)


def annex1(ws: Worksheet, r: Report, layout: Layout) -> None:
    y = r.year or 0
    _put(ws, 1, ["附件1"])
    _put(ws, 2, [f"{y}年度预算单位整体支出绩效评价基础数据表"])
    row = 3
    if layout.code:
        _put(ws, row, [f"统一社会信用代码：{layout.code}"])
        row += 1
    _put(ws, row, ["预算单位名称", r.unit_name])
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    row += 1
    _put(ws, row, ["财政供养人员情况(人)", "编制数", f"{y}年实际在职人数", "控制率"])
    rate = Figures.of(r).staffing_rate
    _put(ws, row + 1, [None, r.staffing.authorized, r.staffing.actual,
                       fmt_percent(rate) if rate is not None else None])
    ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
    row += 2
    heads = [f"{y - 1}年决算数", f"{y}年预算数", f"{y}年决算数"]
    order = [1, 0, 2] if layout.reorder else [0, 1, 2]
    _put(ws, row, ["经费控制情况(万元)", *[heads[i] for i in order]])
    row += 1

    def line(label: str, prior: Decimal | None, initial: Decimal | None,
             actual: Decimal | None) -> None:
        nonlocal row
        vals = [_m(prior), _m(initial), _m(actual)]
        _put(ws, row, [label, *[vals[i] for i in order]])
        row += 1

    tp = r.three_public
    three = Figures.of(r).three_public
    vehicle = Figures.of(r).vehicle
    line("三公经费", three.prior, three.initial, three.actual)
    line("1、公务用车购置和维护经费", vehicle.prior, vehicle.initial, vehicle.actual)
    line("其中：公车购置", tp.vehicle_purchase.prior, tp.vehicle_purchase.initial,
         tp.vehicle_purchase.actual)
    line("公车运行维护", tp.vehicle_operation.prior, tp.vehicle_operation.initial,
         tp.vehicle_operation.actual)
    line("2、出国经费", tp.overseas.prior, tp.overseas.initial, tp.overseas.actual)
    line("3、公务接待", tp.reception.prior, tp.reception.initial, tp.reception.actual)
    projects = Figures.of(r).projects
    line("项目支出：", projects.prior, projects.initial, projects.actual)
    for n, p in enumerate(r.projects, start=1):
        a = p.amounts
        line(f"{n}、{p.name}", a.prior, a.initial, a.actual)
    b = r.basic
    line("公用经费", b.public.prior, b.public.initial, b.public.actual)
    line("其中：办公经费", b.office.prior, b.office.initial, b.office.actual)
    line("水费、电费、差旅费", b.utilities_travel.prior, b.utilities_travel.initial,
         b.utilities_travel.actual)
    line("会议费、培训费", b.meetings_training.prior, b.meetings_training.initial,
         b.meetings_training.actual)
    line("政府采购金额", r.procurement.prior, r.procurement.initial, r.procurement.actual)
    basic = Figures.of(r).basic
    line("部门基本支出预算调整", basic.prior, basic.initial, basic.actual)
    _put(ws, row, ["楼堂馆所控制情况", "批复规模(m²)", "实际规模(m²)", "规模控制率",
                   "预算投资(万元)", "实际投资(万元)", "投资概算控制率"])
    _put(ws, row + 2, ["厉行节约保障措施", r.frugality or "严格执行中央八项规定精神。"])


def _indicator_header(layout: Layout) -> list[str]:
    if layout.reorder:
        return ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值",
                "自评得分", "偏差原因分析及改进措施"]
    return ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评得分",
            "偏差原因分析及改进措施"]


def _indicators(ws: Worksheet, row: int, rows: list[Indicator], weights: dict[str, Decimal],
                layout: Layout) -> int:
    header = _indicator_header(layout)
    _put(ws, row, ["绩效指标", *header])
    row += 1
    seen: set[str] = set()
    for ind in rows:
        level1 = ind.level1
        if level1 not in seen and level1 in weights:
            level1 = f"{level1}({int(weights[level1])}分)"
        seen.add(ind.level1)
        values = {"一级指标": level1, "二级指标": ind.level2, "三级指标": ind.name,
                  "年度指标值": ind.target, "实际完成值": ind.actual,
                  "分值": _m(ind.weight), "自评得分": _m(ind.score),
                  "偏差原因分析及改进措施": ind.deviation or None}
        _put(ws, row, [None, *[values[h] for h in header]])
        row += 1
    return row


def _total_row(ws: Worksheet, row: int, weight: Decimal, total: Decimal | None,
               layout: Layout) -> None:
    header = _indicator_header(layout)
    cells: list[object] = ["总分"] + [None] * len(header)
    cells[1 + header.index("分值")] = float(weight)
    cells[1 + header.index("自评得分")] = None if total is None else float(total)
    _put(ws, row, cells)


def annex2(ws: Worksheet, r: Report, layout: Layout) -> None:
    y = r.year or 0
    s = Figures.of(r).score
    overall = Figures.of(r).overall
    actual = layout.overall_actual if layout.overall_actual is not None else overall.actual
    _put(ws, 1, ["附件2"])
    _put(ws, 2, [f"{y}年度预算单位整体支出绩效自评表"])
    _put(ws, 3, ["预算单位名称", r.unit_name])
    _put(ws, 4, ["年度预算申请（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值",
                 "执行率", "自评得分"])
    rate = None if actual is None or not overall.annual else actual / overall.annual
    _put(ws, 5, [None, "年度资金总额", _m(overall.initial), _m(overall.annual), _m(actual),
                 float(s.exec_weight), fmt_percent(rate) if rate is not None else None,
                 None if s.exec_score is None else float(s.exec_score)])
    _put(ws, 6, [None, "按收入性质分：", None, None, None, "按支出性质分："])
    inc = r.income
    basic = Figures.of(r).basic
    projects = Figures.of(r).projects
    _put(ws, 7, [None, f"其中：一般公共预算：{fmt_money(inc.general_budget)}", None, None, None,
                 f"其中：基本支出：{fmt_money(basic.actual)}"])
    _put(ws, 8, [None, f"政府性基金拨款：{fmt_money(inc.gov_fund)}", None, None, None,
                 f"项目支出：{fmt_money(projects.actual)}"])
    _put(ws, 9, [None, "纳入专户管理的非税收入拨款：" + fmt_money(inc.special_account)])
    _put(ws, 10, [None, f"其他资金：{fmt_money(inc.other)}"])
    _put(ws, 11, [None, f"上年结转结余：{fmt_money(inc.carryover)}"])
    _put(ws, 12, ["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
    _put(ws, 13, [None, "\n".join(f"目标{i}：{g}" for i, g in enumerate(r.goals, 1)), None, None,
                  None, "\n".join(f"{i}、{a}" for i, a in enumerate(r.achievements, 1))])
    row = _indicators(ws, 14, r.indicators, r.scoring.weights, layout)
    total = layout.stated_total if layout.stated_total is not None else s.total
    _total_row(ws, row, s.total_weight, total, layout)


def annex3(ws: Worksheet, r: Report, p: Project, n: int, layout: Layout) -> None:
    y = r.year or 0
    s = Figures.of(r).project_scores[r.projects.index(p)]
    _put(ws, 1, [f"附件3-{n}"])
    _put(ws, 2, [f"{y}年度项目支出绩效自评表"])
    _put(ws, 3, ["项目支出名称", p.name])
    _put(ws, 4, ["主管部门", r.supervisor or None, None, "实施单位", r.unit_name])
    _put(ws, 5, ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值",
                 "执行率", "自评得分"])
    a = p.amounts
    _put(ws, 6, [None, "年度资金总额", _m(a.initial), _m(a.annual), _m(a.actual),
                 float(s.exec_weight), fmt_percent(s.exec_rate) if s.exec_rate is not None else None,
                 None if s.exec_score is None else float(s.exec_score)])
    f = p.funding
    _put(ws, 7, [None, "其中：当年财政拨款", _m(f.current.initial), _m(f.current.annual),
                 _m(f.current.actual)])
    _put(ws, 8, [None, "上年结转资金", _m(f.carryover.initial), _m(f.carryover.annual),
                 _m(f.carryover.actual)])
    _put(ws, 9, [None, "其他资金", _m(f.other.initial), _m(f.other.annual), _m(f.other.actual)])
    _put(ws, 10, ["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
    _put(ws, 11, [None, "\n".join(f"目标{i}：{g}" for i, g in enumerate(p.goals, 1)), None, None,
                  None, "\n".join(f"{i}、{x}" for i, x in enumerate(p.achievements, 1))])
    weights = {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)}
    row = _indicators(ws, 12, p.indicators, weights, layout)
    _total_row(ws, row, s.total_weight, s.total, layout)


def write_annexes(r: Report, folder: Path, stem: str, layout: Layout) -> list[Path]:
    """The unit's 附件 as it would send them (one workbook, or three when split)."""
    folder.mkdir(parents=True, exist_ok=True)
    n1, n2, n3 = layout.sheet_names
    books: list[tuple[str, Workbook]] = []

    def new_book(name: str) -> Workbook:
        wb = Workbook()
        wb.remove(wb.active)
        books.append((name, wb))
        return wb

    wb = new_book(f"{stem}附件.xlsx" if not layout.split else f"{stem}附件1.xlsx")
    annex1(wb.create_sheet(n1), r, layout)
    if layout.split:
        wb = new_book(f"{stem}附件2.xlsx")
    annex2(wb.create_sheet(n2), r, layout)
    if layout.split:
        wb = new_book(f"{stem}附件3.xlsx")
    for n, p in enumerate(r.projects, start=1):
        annex3(wb.create_sheet(n3.format(n=n)), r, p, n, layout)
    out = []
    for name, book in books:
        book.save(folder / name)
        out.append(folder / name)
    return out


def write_word(r: Report, path: Path, *, projects_initial: Decimal | None = None,
               score: Decimal | None = None) -> Path:
    """A report typed in Word: the figures in prose, typed separately from the 附件
    (``projects_initial``/``score`` make the prose contradict them, like seed 004)."""
    from docx import Document

    doc = Document()
    y = r.year
    doc.add_paragraph(f"{y}年度{r.unit_name}整体支出绩效自评报告")
    doc.add_paragraph("一、单位基本情况")
    doc.add_paragraph("（一）单位职能职责")
    for i, d in enumerate(r.duties or ["负责本单位职能范围内的工作。"], 1):
        doc.add_paragraph(f"{i}、{d}")
    doc.add_paragraph("二、一般公共预算支出情况")
    doc.add_paragraph("（一）基本支出情况")
    basic = Figures.of(r).basic
    doc.add_paragraph(
        f"{y}年基本支出年初预算数为{fmt_money(basic.initial)}万元，全年预算数为"
        f"{fmt_money(basic.annual)}万元，决算数为{fmt_money(basic.actual)}万元，其中：人员经费"
        f"{fmt_money(r.basic.personnel.actual)}万元，主要包括基本工资、津贴补贴；公用经费"
        f"{fmt_money(r.basic.public.actual)}万元，主要包括办公费、差旅费。比上年减少12.5万元。")
    doc.add_paragraph("（二）项目支出情况")
    projects = Figures.of(r).projects
    initial = projects_initial if projects_initial is not None else projects.initial
    parts = "；".join(f"{p.name}{fmt_money(p.amounts.actual)}万元" for p in r.projects)
    doc.add_paragraph(
        f"{y}年项目支出年初预算数为{fmt_money(initial)}万元，全年预算为"
        f"{fmt_money(projects.annual)}万元，决算数为{fmt_money(projects.actual)}万元，其中：{parts}。")
    doc.add_paragraph("六、单位整体支出绩效情况")
    doc.add_paragraph("（一）支出预算执行情况")
    s = Figures.of(r).score
    if s.exec_rate is not None:
        doc.add_paragraph(f"全年预算执行率为{fmt_percent(s.exec_rate)}。为企业节约费用47万余元。")
    doc.add_paragraph("七、存在的问题及原因分析")
    doc.add_paragraph("（一）部分项目执行进度偏慢，执行率为56.70%。")
    doc.add_paragraph("九、单位整体支出绩效自评结果拟应用和公开情况")
    total = score if score is not None else s.total
    doc.add_paragraph(f"根据评价指标体系和评分标准，{y}年我单位部门整体绩效评价自评分为"
                      f"{total}分，等级为“{s.grade}”。")
    doc.add_paragraph("十、其他需要说明的情况")
    doc.add_paragraph("无其他需要说明的情况。")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
