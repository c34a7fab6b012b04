"""Import: read a workbook of 附件1/附件2/附件3-N back into a Report.

Works on what PerfDesk writes and on the official forms filled by hand: sheets are found by
their titles (or names), labels by their text. Every cell that cannot be read becomes an
:class:`ImportIssue` ("附件1 基础数据表!C12“abc”：不是有效金额…"); a workbook with none of
the forms raises :class:`ImportProblem`.

What the forms do not carry is reconstructed so that export → import → export prints the
same figures: 人员经费 = 基本支出 − 公用经费 per column. A printed total that its parts do
not give (including 年度资金总额's 全年预算数, whose 基本支出 part no form shows) is kept as
a declared total, so the checks can compare it (R-B02, R-B03, R-B08).
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any

from perfdesk.io.oserrors import describe
from perfdesk.io.xlsx_import_forms import (
    Annex1Data,
    FormData,
    read_annex1,
    read_form,
    sheet_date,
    sheet_year,
)
from perfdesk.io.xlsx_read import ImportIssue, SheetReader, norm
from perfdesk.model.figures import COLUMNS, Figures
from perfdesk.model.report import Amounts, Project, Report
from perfdesk.model.vocabulary import EXEC_RATE


class ImportProblem(Exception):
    """The workbook cannot be used at all; ``message`` is Chinese and says why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _open(path: Path) -> Any:
    """The workbook as openpyxl sees it, after the guarded reader has named the real format
    and checked the limits; .xls, HTML and XML 2003 files are read by the guarded reader
    and handed on as an in-memory workbook."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from perfdesk.io import workbook

    if not path.exists():
        raise ImportProblem(f"找不到文件“{path}”。")
    try:
        fmt = workbook.detect(path)
        if fmt not in workbook.READABLE:
            raise ImportProblem(workbook.describe_format(path, fmt))
        workbook.check_limits(path, fmt)
        if fmt != workbook.Format.XLSX:
            return _from_grid(workbook.read_workbook(path))
    except workbook.WorkbookError as exc:
        raise ImportProblem(exc.message) from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions, data validation…
            return load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError,
            SyntaxError, AttributeError, IndexError) as exc:  # lxml/ElementTree parse errors included
        raise ImportProblem(
            f"“{path.name}”已损坏，不是可读取的 Excel 工作簿（{type(exc).__name__}: {str(exc)[:120]}）。"
            "请在 Excel/WPS 中打开并另存为 .xlsx 后重试。") from exc
    except PermissionError as exc:
        raise ImportProblem(f"无法打开“{path.name}”：文件可能正在 Excel 或 WPS 中打开，"
                            "请关闭后重试。") from exc
    except OSError as exc:
        raise ImportProblem(f"无法打开“{path.name}”：{describe(exc, reading=True)}") from exc


def _from_grid(book: Any) -> Any:
    """An in-memory openpyxl workbook with the grids' values and merged ranges."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    out = Workbook()
    out.remove(out.worksheets[0])
    for sheet in book.sheets:
        ws = out.create_sheet(sheet.name[:31] or "Sheet")
        for r, row in enumerate(sheet.rows, 1):
            for c, v in enumerate(row, 1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
        for m in sheet.merged:
            ws.merge_cells(f"{get_column_letter(m.c0 + 1)}{m.r0 + 1}:{get_column_letter(m.c1 + 1)}{m.r1 + 1}")
    return out


def sheet_kind(ws: Any) -> str:
    """'1', '2', '3' or '' from the title in the first rows, else from the sheet name."""
    head = "".join(norm(v) for row in ws.iter_rows(min_row=1, max_row=6, values_only=True)
                   for v in row if isinstance(v, str))
    if "基础数据表" in head:
        return "1"
    if "项目支出绩效自评表" in head:
        return "3"
    if "整体支出绩效自评表" in head:
        return "2"
    name = norm(ws.title)
    for kind in ("3", "2", "1"):
        if name.startswith(f"附件{kind}"):
            return kind
    return ""


def import_workbook(path: str | Path) -> tuple[Report, list[ImportIssue]]:
    """Read the attachments workbook at ``path``; returns the report and the problems."""
    wb = _open(Path(path))
    return import_sheets(wb.worksheets, Path(path).name)


def import_sheets(worksheets: Iterable[Any], name: str) -> tuple[Report, list[ImportIssue]]:
    """The report from the forms among ``worksheets``, which may come from several
    workbooks (a unit that sent 附件1 and 附件2 as separate files); ``name`` is what the
    error message calls them."""
    issues: list[ImportIssue] = []
    annex1: Annex1Data | None = None
    annex2: FormData | None = None
    annex3: list[FormData] = []
    report = Report()
    for ws in worksheets:
        kind = sheet_kind(ws)
        if not kind:
            continue
        sr = SheetReader(ws, ws.title, issues)
        report.year = report.year or sheet_year(sr)
        if report.signature_date is None:
            report.signature_date, report.date_style = sheet_date(sr)
        if kind == "1" and annex1 is None:
            annex1 = read_annex1(sr)
        elif kind == "2" and annex2 is None:
            annex2 = read_form(sr, project=False)
        elif kind == "3":
            annex3.append(read_form(sr, project=True))
    if annex1 is None and annex2 is None and not annex3:
        raise ImportProblem(
            f"“{name}”中没有找到附件1（基础数据表）、附件2（整体支出绩效自评表）"
            "或附件3（项目支出绩效自评表）。请确认表格标题未被改动。")
    _assemble(report, annex1, annex2, annex3, issues)
    return report, issues


def _assemble(report: Report, a1: Annex1Data | None, a2: FormData | None,
              a3: list[FormData], issues: list[ImportIssue]) -> None:
    a1 = a1 or Annex1Data()
    report.unit_name = a1.unit_name or (a2.name if a2 else "")
    report.staffing.authorized, report.staffing.actual = a1.authorized, a1.actual
    report.frugality = a1.frugality
    report.buildings = a1.buildings
    rows = a1.rows
    tp = report.three_public
    for key in ("vehicle_purchase", "vehicle_operation", "overseas", "reception"):
        setattr(tp, key, _copy(rows.get(key)))
    for key in ("public", "office", "utilities_travel", "meetings_training"):
        setattr(report.basic, key, _copy(rows.get(key)))
    report.procurement = _copy(rows.get("procurement"))
    report.projects = _projects(a1, a3, issues)
    if a3:
        report.supervisor = next((f.supervisor for f in a3 if f.supervisor), "")
    if a2 is not None:
        _annex2(report, a2)
    _basic(report, rows.get("basic"), a2)
    _declare(report, rows, a2)


def _copy(a: Amounts | None) -> Amounts:
    return Amounts(**vars(a)) if a is not None else Amounts()


def _projects(a1: Annex1Data, a3: list[FormData],
              issues: list[ImportIssue]) -> list[Project]:
    """附件1 rows give 上年决算; 附件3 gives 年初/全年/执行, funding, goals, indicators."""
    projects = [Project(name=n, amounts=_copy(a)) for n, a in a1.projects]
    used: set[int] = set()
    for i, form in enumerate(a3):
        by_number = (form.number or i + 1) - 1  # 附件3-N belongs to the N-th project
        idx = next((k for k, p in enumerate(projects) if k not in used and p.name == form.name),
                   by_number if by_number < len(projects) and by_number not in used else None)
        if idx is None:
            projects.append(Project(name=form.name))
            idx = len(projects) - 1
        used.add(idx)
        p = projects[idx]
        if p.name != form.name and form.name:
            issues.append(ImportIssue(f"附件3-{by_number + 1}", "", form.name,
                                      f"与附件1第{idx + 1}个项目“{p.name}”名称不同，已采用附件3的名称"))
            p.name = form.name
        for col in ("initial", "annual", "actual"):
            v3, v1 = getattr(form.total, col), getattr(p.amounts, col)
            if v3 is not None and v1 is not None and v3 != v1:
                issues.append(ImportIssue(f"附件3-{by_number + 1}", "", str(v3),
                                          f"与附件1中“{p.name}”的金额 {v1} 不同，已采用附件3"))
            if v3 is not None:
                setattr(p.amounts, col, v3)
        for key, amounts in form.lines.items():
            setattr(p.funding, key, _copy(amounts))
        p.goals, p.achievements, p.indicators = form.goals, form.achievements, form.indicators
        p.implementer = "" if form.implementer in ("", a1.unit_name) else form.implementer
    return projects


def _annex2(report: Report, a2: FormData) -> None:
    for f in fields(report.income):
        if f.name in a2.values:
            setattr(report.income, f.name, a2.values[f.name])
    report.goals, report.achievements, report.indicators = a2.goals, a2.achievements, \
        a2.indicators
    scoring = report.scoring
    if a2.exec_weight is not None:
        scoring.weights[EXEC_RATE] = a2.exec_weight
    for label, w in a2.level1_weights.items():
        key = scoring.level1_of(label)
        if key is None:  # a 一级指标 outside the national four: its own id, its name kept
            key = f"level1_{len(scoring.level1_labels) + 1}"
            scoring.level1_labels[key] = label
        scoring.weights[key] = w


def _basic(report: Report, stated: Amounts | None, a2: FormData | None) -> None:
    """人员经费 = 基本支出 − 公用经费 per column; without 公用经费, 基本支出 is declared.

    附件1 has no 全年预算数 column, so 基本支出's stays blank and 附件2's 年度资金总额
    全年预算数 is kept as a declared total (see ``_declare``).
    """
    basic = _copy(stated)
    if a2 is not None and basic.actual is None:
        basic.actual = a2.values.get("basic")
    public = report.basic.public
    for col in COLUMNS:
        b, p = getattr(basic, col), getattr(public, col)
        if b is None:
            continue
        if p is None:
            setattr(report.declared.basic, col, b)
        else:
            setattr(report.basic.personnel, col, b - p)


def _declare(report: Report, rows: dict[str, Amounts], a2: FormData | None) -> None:
    """Keep each printed total that differs from the sum of its parts as a declared total."""
    d = report.declared
    pairs: list[tuple[Amounts, Amounts | None, Callable[[Figures], Amounts]]] = [
        (d.vehicle, rows.get("vehicle"), lambda f: f.vehicle_sum),
        (d.three_public, rows.get("three_public"), lambda f: f.three_public_sum),
        (d.projects, rows.get("projects"), lambda f: f.projects_sum),
        (d.overall, a2.total if a2 else None, lambda f: f.overall),
    ]
    for declared, stated, computed_of in pairs:
        if stated is None:
            continue
        computed = computed_of(Figures.of(report))  # after the parts (and lower declared totals) are set
        for col in COLUMNS:
            s = getattr(stated, col)
            if s is not None and s != getattr(computed, col):
                setattr(declared, col, s)
