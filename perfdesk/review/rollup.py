"""汇总表.xlsx: the roll-up of a review, print-ready like the 附件 (A4 landscape, one page
wide, header rows repeated, borders; 万元 and percentages with two decimals).

Sheets: 单位汇总 (the units not received first, then one row per unit, then the totals),
审核发现 (every finding), 规则统计 (each rule across units), 分布 (等级 and 执行率 bands,
with a chart), 未审核的文件 (unreadable, unassigned and passed-over files).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path, PurePosixPath

from perfdesk.checks.catalogue import RULES_BY_ID
from perfdesk.model.money import total
from perfdesk.render.output import write_file
from perfdesk.render.xlsx_style import Grid
from perfdesk.review.results import SOURCE_LABELS, ReviewResult, UnitResult
from perfdesk.review.rules import REVIEW_RULES_BY_ID, SEVERITY_LABELS

UNIT_HEADERS = ("序号", "单位", "主管部门", "年度", "全年预算数（万元）", "全年执行数（万元）",
                "执行率", "执行率得分", "指标得分", "总分（自填）", "总分（复核）", "等级",
                "错误", "警告", "审核结论", "报送材料", "文件")
UNIT_WIDTHS = [5.0, 24.0, 14.0, 6.0, 11.0, 11.0, 9.0, 8.0, 8.0, 8.0, 8.0, 6.0, 6.0, 6.0,
               9.0, 11.0, 44.0]
GRADES = ("优", "良", "中", "差")
# 执行率 bands: (label, low inclusive, high exclusive); None = open end
RATE_BANDS: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("低于60%", None, Decimal("0.6")),
    ("60%–80%", Decimal("0.6"), Decimal("0.8")),
    ("80%–90%", Decimal("0.8"), Decimal("0.9")),
    ("90%–95%", Decimal("0.9"), Decimal("0.95")),
    ("95%–100%", Decimal("0.95"), Decimal(1)),
    ("100%及以上", Decimal(1), None),
)
NOT_RECEIVED = "未报送"

Verdicts = Callable[[str], str]  # unit key -> 审核结论 ('' when none)


def rate_band(rate: Decimal | None) -> str:
    if rate is None:
        return "无法计算"
    for label, low, high in RATE_BANDS:
        if (low is None or rate >= low) and (high is None or rate < high):
            return label
    return "无法计算"  # pragma: no cover


def rule_text(rule: str) -> str:
    if rule in RULES_BY_ID:
        return RULES_BY_ID[rule].description
    if rule in REVIEW_RULES_BY_ID:
        return REVIEW_RULES_BY_ID[rule].description
    return rule


def _title(g: Grid, text: str) -> int:
    g.text(1, 1, text, span=g.ncols, border=False, size=16, bold=True)
    g.height(1, 32)
    return 2


def _headers(g: Grid, row: int, headers: tuple[str, ...]) -> None:
    for c, h in enumerate(headers, start=1):
        g.text(row, c, h, bold=True)


def _units_sheet(g: Grid, result: ReviewResult, verdicts: Verdicts, title: str) -> None:
    row = _title(g, title)
    g.text(row, 1, f"审核文件夹：{result.folder.name}    单位数：{len(result.units)}"
           + (f"    未报送：{len(result.missing)}" if result.missing else ""),
           span=g.ncols, align="left", border=False)
    row += 1
    header = row
    _headers(g, row, UNIT_HEADERS)
    row += 1
    n = 0
    for listed in result.missing:
        n += 1
        g.text(row, 1, str(n))
        g.text(row, 2, listed.name, align="left")
        g.text(row, 3, listed.supervisor, align="left")
        for c in range(4, 15):
            g.text(row, c, "")
        g.text(row, 15, NOT_RECEIVED, bold=True)
        g.text(row, 16, NOT_RECEIVED)
        g.text(row, 17, f"单位编码 {listed.code}" if listed.code else "", align="left")
        row += 1
    for u in result.units:
        n += 1
        _unit_row(g, row, n, u, verdicts(u.key))
        row += 1
    units = result.units
    budget = total([u.figures.budget for u in units])
    actual = total([u.figures.actual for u in units])
    g.text(row, 1, "合计", span=4, bold=True)
    g.money(row, 5, budget)
    g.money(row, 6, actual)
    g.percent(row, 7, actual / budget if budget and actual is not None else None)
    for c in range(8, 13):
        g.text(row, c, "")
    g.number(row, 13, sum(u.errors for u in units), "0")
    g.number(row, 14, sum(u.warnings for u in units), "0")
    with_errors = sum(1 for u in units if u.errors)
    g.text(row, 15, f"有错误 {with_errors} 个单位", span=3, align="left")
    g.ws.freeze_panes = f"C{header + 1}"
    g.page_setup(portrait=False, title_rows=(header, header), draft=False, last_row=row)


def _unit_row(g: Grid, row: int, n: int, u: UnitResult, verdict: str) -> None:
    f = u.figures
    g.text(row, 1, str(n))
    g.text(row, 2, u.name or u.key, align="left")
    g.text(row, 3, u.supervisor, align="left")
    g.text(row, 4, str(u.year) if u.year else "")
    g.money(row, 5, f.budget)
    g.money(row, 6, f.actual)
    g.percent(row, 7, f.exec_rate)
    g.score(row, 8, f.exec_score)
    g.score(row, 9, f.indicator_score)
    g.score(row, 10, f.stated_total)
    g.score(row, 11, f.total)
    g.text(row, 12, f.grade)
    g.number(row, 13, u.errors, "0")
    g.number(row, 14, u.warnings, "0")
    g.text(row, 15, verdict)
    g.text(row, 16, SOURCE_LABELS.get(u.source, u.source))
    g.text(row, 17, "；".join(PurePosixPath(e.rel).name for e in u.files), align="left")


FINDING_HEADERS = ("序号", "单位", "规则", "严重程度", "说明", "位置")


def _findings_sheet(g: Grid, result: ReviewResult) -> None:
    row = _title(g, "审核发现明细")
    header = row
    _headers(g, row, FINDING_HEADERS)
    row += 1
    n = 0
    for u in result.units:
        for f in u.findings:
            n += 1
            g.text(row, 1, str(n))
            g.text(row, 2, u.name or u.key, align="left")
            g.text(row, 3, f.rule)
            g.text(row, 4, SEVERITY_LABELS.get(f.severity, f.severity))
            g.text(row, 5, f.message, align="left")
            g.text(row, 6, f.where, align="left")
            row += 1
    g.page_setup(portrait=False, title_rows=(header, header), draft=False, last_row=row - 1)


RULE_HEADERS = ("规则", "严重程度", "规则说明", "涉及单位数", "出现次数")


def rule_counts(result: ReviewResult) -> list[tuple[str, str, int, int]]:
    """(rule, severity, units, occurrences), most units first."""
    units: Counter[str] = Counter()
    times: Counter[str] = Counter()
    sev: dict[str, str] = {}
    for u in result.units:
        for f in u.findings:
            times[f.rule] += 1
            sev[f.rule] = f.severity
        for rule in {f.rule for f in u.findings}:
            units[rule] += 1
    return sorted(((r, sev[r], units[r], times[r]) for r in times),
                  key=lambda t: (-t[2], -t[3], t[0]))


def _rules_sheet(g: Grid, result: ReviewResult) -> None:
    row = _title(g, "各项审核规则出现情况")
    header = row
    _headers(g, row, RULE_HEADERS)
    row += 1
    for rule, severity, units, times in rule_counts(result):
        g.text(row, 1, rule)
        g.text(row, 2, SEVERITY_LABELS.get(severity, severity))
        g.text(row, 3, rule_text(rule), align="left")
        g.number(row, 4, units, "0")
        g.number(row, 5, times, "0")
        row += 1
    g.page_setup(portrait=True, title_rows=(header, header), draft=False, last_row=row - 1)


def distributions(result: ReviewResult) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    grades = Counter(u.figures.grade or "无法计算" for u in result.units)
    rates = Counter(rate_band(u.figures.exec_rate) for u in result.units)
    grade_rows = [(g, grades.get(g, 0)) for g in (*GRADES, "无法计算")]
    rate_rows = [(label, rates.get(label, 0)) for label, _l, _h in RATE_BANDS]
    rate_rows.append(("无法计算", rates.get("无法计算", 0)))
    return grade_rows, rate_rows


def _distribution_sheet(g: Grid, result: ReviewResult) -> None:
    from openpyxl.chart import BarChart, Reference

    row = _title(g, "等级与执行率分布")
    grade_rows, rate_rows = distributions(result)
    g.text(row, 1, "等级", bold=True)
    g.text(row, 2, "单位数", bold=True)
    g.text(row, 4, "执行率", bold=True)
    g.text(row, 5, "单位数", bold=True)
    first = row + 1
    for i, (label, count) in enumerate(grade_rows):
        g.text(first + i, 1, label)
        g.number(first + i, 2, count, "0")
    for i, (label, count) in enumerate(rate_rows):
        g.text(first + i, 4, label)
        g.number(first + i, 5, count, "0")
    last = first + max(len(grade_rows), len(rate_rows)) - 1
    for title, col, n, anchor in (("等级分布", 1, len(grade_rows), f"A{last + 2}"),
                                  ("执行率分布", 4, len(rate_rows), f"D{last + 2}")):
        chart = BarChart()
        chart.title = title
        chart.y_axis.title = "单位数"
        chart.legend = None
        chart.add_data(Reference(g.ws, min_col=col + 1, min_row=row, max_row=row + n), titles_from_data=True)
        chart.set_categories(Reference(g.ws, min_col=col, min_row=first, max_row=first + n - 1))
        chart.height, chart.width = 7.5, 11
        g.ws.add_chart(chart, anchor)
    g.page_setup(portrait=False, title_rows=None, draft=False, last_row=last)


def _files_sheet(g: Grid, result: ReviewResult) -> None:
    row = _title(g, "未审核的文件")
    header = row
    _headers(g, row, ("文件", "情况", "原因"))
    row += 1
    groups = (("无法读取", result.unreadable), ("无法判断单位", result.unassigned),
              ("未审核", result.skipped))
    for label, items in groups:
        for p in items:
            g.text(row, 1, p.rel, align="left")
            g.text(row, 2, label)
            g.text(row, 3, p.reason, align="left")
            row += 1
    g.page_setup(portrait=False, title_rows=(header, header), draft=False, last_row=row - 1)


def build(result: ReviewResult, verdicts: Verdicts | None = None, title: str = "") -> object:
    """The roll-up as an openpyxl Workbook."""
    from openpyxl import Workbook

    verdicts = verdicts or (lambda _key: "")
    year = f"{result.year}年度" if result.year else ""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "单位汇总"
    _units_sheet(Grid(ws, UNIT_WIDTHS), result, verdicts,
                 title or f"{year}部门整体支出绩效自评审核汇总表")
    _findings_sheet(Grid(wb.create_sheet("审核发现"), [5.0, 24.0, 7.0, 8.0, 70.0, 40.0]), result)
    _rules_sheet(Grid(wb.create_sheet("规则统计"), [8.0, 8.0, 50.0, 10.0, 10.0]), result)
    _distribution_sheet(Grid(wb.create_sheet("分布"), [12.0, 9.0, 4.0, 14.0, 9.0, 4.0]), result)
    _files_sheet(Grid(wb.create_sheet("未审核的文件"), [50.0, 12.0, 60.0]), result)
    wb.properties.creator = "PerfDesk"
    wb.properties.title = f"{year}绩效自评审核汇总表"
    return wb


def write_rollup(result: ReviewResult, path: Path, verdicts: Verdicts | None = None) -> Path:
    """Write 汇总表.xlsx atomically (OutputError, Chinese, when it cannot be written)."""
    wb = build(result, verdicts)
    return write_file(Path(path), lambda tmp: wb.save(tmp))  # type: ignore[attr-defined]
