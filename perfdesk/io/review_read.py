"""What the reviewer's desk reads from a unit's files (perfdesk.review calls these).

Reading only, never writing: a unit's 附件 workbooks become the report the import gives
(``excel_import.import_sheets``, the same as ``perfdesk import``), plus what the forms state
for themselves that the report does not keep — the 总分 row, the 执行率 and 自评得分 of
年度资金总额, an 等级 where a hand-made form adds one — and where each figure sits
(file, sheet, row), so that findings and opinions can point into the unit's own forms.
A Word report becomes its paragraphs, each with the headings it stands under.
"""

from __future__ import annotations

import re
import threading
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfdesk.io.excel_import import ImportProblem, import_sheets, sheet_kind
from perfdesk.io.oserrors import describe
from perfdesk.io.xlsx_import_forms import ANNEX1_LABELS, _annex1_columns
from perfdesk.io.xlsx_read import SheetReader, bare_label, norm
from perfdesk.model.money import MoneyError, parse_money
from perfdesk.model.report import Report

# 附件1 row key -> the report path of the figure that row states
ANNEX1_PATHS = {
    "three_public": "declared.three_public", "vehicle": "declared.vehicle",
    "vehicle_purchase": "three_public.vehicle_purchase",
    "vehicle_operation": "three_public.vehicle_operation",
    "overseas": "three_public.overseas", "reception": "three_public.reception",
    "projects": "declared.projects", "public": "basic.public", "office": "basic.office",
    "utilities_travel": "basic.utilities_travel", "meetings_training": "basic.meetings_training",
    "procurement": "procurement", "basic": "declared.basic",
}
_CODE_LABELS = ("统一社会信用代码", "单位编码", "单位代码", "预算单位编码", "预算单位代码")
_GRADE = re.compile(r"(?:自评)?等级[:：]?\s*[“\"「]?(优秀|良好|合格|不合格|优|良|中|差)")
_PERCENT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[%％]\s*$")


class ReadProblem(Exception):
    """A file that cannot be read at all; ``message`` is Chinese and says why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Place:
    """Where a figure is in the unit's own forms."""

    file: str  # the file's name as the caller gave it
    sheet: str  # worksheet name ('' for a Word report)
    row: int  # 1-based worksheet row (0 when unknown)
    label: str  # the row's label as printed ("项目支出：", an indicator's name)
    column: str = ""  # the column heading ("2023年预算数"), when one column is meant
    stated: bool = True  # False: the report's figure was reconstructed, not written there

    def text(self) -> str:
        """'附件1 基础数据表（a.xlsx）第23行“项目支出：”“2023年预算数”'."""
        where = f"“{self.sheet}”表" if self.sheet else ""
        row = f"第{self.row}行" if self.row else ""
        label = f"“{self.label}”" if self.label else ""
        column = f"“{self.column}”列" if self.column else ""
        return f"{where}{row}{label}{column}"


@dataclass
class Stated:
    """What a 附件2 or 附件3 states for its own score (None: the cell is blank)."""

    total: Decimal | None = None  # 总分 row, 自评得分 column
    total_place: Place | None = None
    exec_rate: Decimal | None = None  # 年度资金总额 执行率 (fraction)
    exec_score: Decimal | None = None  # 年度资金总额 自评得分
    exec_place: Place | None = None
    grade: str = ""  # 等级, where a hand-made form adds it
    grade_place: Place | None = None


@dataclass
class WorkbookRead:
    """One unit's 附件 workbooks read together."""

    report: Report
    issues: list[str]
    annexes: dict[str, list[str]]  # file name -> the forms found in it ('1', '2', '3')
    places: dict[str, Place] = field(default_factory=dict)  # report path -> place
    stated: dict[str, Stated] = field(default_factory=dict)  # '' (附件2) or 'projects[k]'
    codes: list[str] = field(default_factory=list)  # 单位编码 / 统一社会信用代码 written in the forms
    supervisor: str = ""  # 主管部门 as 附件3 states it


_LOAD_LOCK = threading.Lock()


def _values_reader() -> type:
    """openpyxl's sheet reader without the styling of merged ranges on load (each range's
    edge borders are re-applied cell by cell: most of the time of loading a 附件 form). Only
    values and the ranges' extents are needed here; nothing loaded this way is ever saved."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.reader import excel as excel_reader
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

    class ValuesReader(excel_reader.WorksheetReader):  # type: ignore[misc, name-defined]
        def bind_merged_cells(self) -> None:
            if not self.parser.merged_cells:
                return
            ranges = []
            for cr in self.parser.merged_cells.mergeCell:
                rng = CellRange(cr.ref)
                for row in range(rng.min_row, rng.max_row + 1):
                    for col in range(rng.min_col, rng.max_col + 1):
                        if (row, col) != (rng.min_row, rng.min_col):
                            self.ws._cells[row, col] = MergedCell(self.ws, row, col)
                ranges.append(rng)
            self.ws.merged_cells = MultiCellRange(ranges)

    return ValuesReader


def open_workbook(path: Path, name: str) -> Any:
    """A workbook's values and merged ranges (data_only); ReadProblem when it cannot be read."""
    import openpyxl.reader.excel as excel_reader
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with _LOAD_LOCK, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            original = excel_reader.WorksheetReader  # type: ignore[attr-defined]
            excel_reader.WorksheetReader = _values_reader()  # type: ignore[attr-defined]
            try:
                return load_workbook(path, data_only=True)
            finally:
                excel_reader.WorksheetReader = original  # type: ignore[attr-defined]
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise ReadProblem(f"“{name}”不是可读取的 Excel 工作簿：{exc}") from exc
    except OSError as exc:
        raise ReadProblem(f"无法打开“{name}”：{describe(exc, reading=True)}") from exc


def workbook_forms(path: Path, name: str) -> list[str]:
    """The forms ('1', '2', '3') a workbook holds, in sheet order; [] for none."""
    wb = open_workbook(path, name)
    return [k for ws in wb.worksheets if (k := sheet_kind(ws))]


def read_workbooks(files: list[tuple[str, Path]]) -> WorkbookRead:
    """Read the workbooks ``files`` ((name shown, path on disk)) as one unit's 附件.

    Raises ReadProblem when none of them holds a form; a workbook that cannot be opened
    raises ReadProblem naming it.
    """
    sheets: list[tuple[str, Any]] = []
    annexes: dict[str, list[str]] = {}
    for name, path in files:
        wb = open_workbook(path, name)
        kinds = []
        for ws in wb.worksheets:
            kind = sheet_kind(ws)
            if kind:
                kinds.append(kind)
                sheets.append((name, ws))
        annexes[name] = kinds
    label = "、".join(n for n, _ in files)
    try:
        report, issues = import_sheets([ws for _, ws in sheets], label)
    except ImportProblem as exc:
        raise ReadProblem(exc.message) from exc
    out = WorkbookRead(report, [str(i) for i in issues], annexes)
    _locate(out, sheets)
    return out


# ---------------------------------------------------------------- places and stated figures
def _header_row(sr: SheetReader, text: str) -> tuple[int, int] | None:
    return sr.find(lambda t: t == text)


def _locate(out: WorkbookRead, sheets: list[tuple[str, Any]]) -> None:
    report = out.report
    seen1 = seen2 = False
    used_projects: set[int] = set()
    for n, (name, ws) in enumerate(sheets):
        kind = sheet_kind(ws)
        sr = SheetReader(ws, ws.title, [])
        _codes(out, sr)
        if kind == "1" and not seen1:
            seen1 = True
            _locate_annex1(out, sr, name)
        elif kind == "2" and not seen2:
            seen2 = True
            _locate_form(out, sr, name, "", "indicators", report.indicators)
        elif kind == "3":
            k = _project_of(report, sr, used_projects, n)
            if k is not None:
                used_projects.add(k)
                prefix = f"projects[{k}]"
                _locate_form(out, sr, name, prefix, f"{prefix}.indicators",
                             report.projects[k].indicators)
                if not out.supervisor:
                    pos = sr.find_label("主管部门")
                    if pos:
                        _c, v = sr.right_of(*pos)
                        text = "" if v is None else str(v).strip()
                        if text and bare_label(text) != "实施单位":
                            out.supervisor = text


def _starts(label: str) -> Callable[[str], bool]:
    return lambda t: t.startswith(label)


def _contains(label: str) -> Callable[[str], bool]:
    return lambda t: label in t


def _codes(out: WorkbookRead, sr: SheetReader) -> None:
    for label in _CODE_LABELS:
        pos = sr.find(_starts(label), rows=range(1, min(sr.max_row, 8) + 1))
        if pos is None:
            continue
        text = norm(sr.raw(*pos))
        _label, _sep, rest = text.partition(":")
        value = rest or ("" if (v := sr.right_of(*pos)[1]) is None else norm(v))
        if value and value not in out.codes:
            out.codes.append(value)


def _project_of(report: Report, sr: SheetReader, used: set[int], order: int) -> int | None:
    pos = sr.find_label("项目支出名称")
    name = ""
    if pos:
        _c, v = sr.right_of(*pos)
        name = "" if v is None else str(v).strip()
    for k, p in enumerate(report.projects):
        if k not in used and p.name == name:
            return k
    free = [k for k in range(len(report.projects)) if k not in used]
    return free[0] if free else None


def _place(name: str, sr: SheetReader, row: int, label: str, column: str = "",
           stated: bool = True) -> Place:
    return Place(name, sr.label, row, label, column, stated)


def _locate_annex1(out: WorkbookRead, sr: SheetReader, name: str) -> None:
    places = out.places
    pos = sr.find(lambda t: t.startswith("编制数"))
    if pos:
        places["staffing.authorized"] = _place(name, sr, pos[0] + 1, "编制数")
    pos = sr.find(lambda t: "在职人数" in t)
    if pos:
        places["staffing.actual"] = _place(name, sr, pos[0] + 1, norm(sr.raw(*pos)))
    head = sr.find(lambda t: t.startswith("经费控制情况"))
    if head is None:
        return
    cols = _annex1_columns(sr, head[0])
    headings = {k: norm(sr.raw(head[0], c)) for k, c in cols.items()}
    state, project = "", 0
    for r in range(head[0] + 1, sr.max_row + 1):
        raw = sr.raw(r, 1)
        label = bare_label(raw)
        if label.startswith(("楼堂馆所", "厉行节约")):
            break
        key = ANNEX1_LABELS.get(label)
        shown = str(raw).strip() if raw is not None else ""
        if key is not None:
            path = ANNEX1_PATHS[key]
            places[path] = _place(name, sr, r, shown)
            for col, heading in headings.items():
                places[f"{path}.{col}"] = _place(name, sr, r, shown, heading)
            if key == "basic":  # 人员经费 is 基本支出 − 公用经费: not written anywhere
                places["basic.personnel"] = _place(name, sr, r, shown, stated=False)
            state = "projects" if key == "projects" else ""
        elif state == "projects" and label:
            prefix = f"projects[{project}]"
            places[prefix] = _place(name, sr, r, shown)
            for col, heading in headings.items():
                places[f"{prefix}.amounts.{col}"] = _place(name, sr, r, shown, heading)
            project += 1


def _locate_form(out: WorkbookRead, sr: SheetReader, name: str, prefix: str,
                 ind_prefix: str, indicators: list[Any]) -> None:
    places = out.places
    stated = Stated()
    amounts = f"{prefix}.amounts" if prefix else "declared.overall"
    head = _header_row(sr, "年初预算数")
    cols: dict[str, int] = {}
    if head:
        for c in range(1, sr.max_col + 1):
            cols.setdefault(norm(sr.raw(head[0], c)), c)
        pos = sr.find(lambda t: bare_label(t) == "年度资金总额")
        if pos:
            r = pos[0]
            where = _place(name, sr, r, "年度资金总额")
            places.setdefault(prefix or "declared.overall", where)
            for key, heading in (("initial", "年初预算数"), ("annual", "全年预算数"),
                                 ("actual", "全年执行数")):
                places.setdefault(f"{amounts}.{key}", _place(name, sr, r, "年度资金总额", heading))
            if "执行率" in cols:
                stated.exec_rate = _rate(sr.text(r, cols["执行率"]))
            if "自评得分" in cols:
                stated.exec_score = sr.decimal(r, cols["自评得分"])
            stated.exec_place = where
    if not prefix:
        for path, label in (("income.general_budget", "一般公共预算"), ("income.gov_fund", "政府性基金"),
                            ("income.special_account", "纳入专户管理"), ("income.other", "其他资金"),
                            ("income.carryover", "上年结转")):
            pos = sr.find(_contains(label))
            if pos:
                places[path] = _place(name, sr, pos[0], norm(sr.raw(*pos)).split(":")[0])
    else:
        for key, label in (("current", "当年财政拨款"), ("carryover", "上年结转资金"),
                           ("other", "其他资金")):
            pos = sr.find(_contains(label))
            if pos:
                places[f"{prefix}.funding.{key}"] = _place(name, sr, pos[0],
                                                           str(sr.raw(*pos)).strip())
    goals = _header_row(sr, "预期目标")
    if goals:
        places[f"{prefix}.goals" if prefix else "goals"] = _place(name, sr, goals[0] + 1, "预期目标")
        places[f"{prefix}.achievements" if prefix else "achievements"] = _place(
            name, sr, goals[0] + 1, "实际完成情况")
    ind = _header_row(sr, "三级指标")
    if ind is None:
        out.stated[prefix] = stated
        return
    places[ind_prefix] = _place(name, sr, ind[0], "绩效指标")
    name_col = ind[1]
    score_col = next((c for c in range(1, sr.max_col + 1)
                      if norm(sr.raw(ind[0], c)).startswith("自评得分")), 0)
    j, total_row = 0, sr.max_row
    for r in range(ind[0] + 1, sr.max_row + 1):
        if any(norm(sr.value(r, c)) == "总分" for c in range(1, 3)):
            total_row = r
            label = "总分"
            places[f"{prefix}.total" if prefix else "total"] = _place(name, sr, r, label)
            if score_col:
                stated.total = sr.decimal(r, score_col)
                stated.total_place = _place(name, sr, r, label, "自评得分")
            break
        if j < len(indicators) and norm(sr.raw(r, name_col)) == norm(indicators[j].name):
            places[f"{ind_prefix}[{j}]"] = _place(name, sr, r, str(indicators[j].name).strip())
            j += 1
    # A hand-made form may add its 等级 under the 总分 row ("自评等级：优").
    grade_pos = sr.find(lambda t: "等级" in t, rows=range(total_row, sr.max_row + 1))
    if grade_pos:
        text = norm(sr.raw(*grade_pos))
        m = _GRADE.search(text)
        if m is None:
            _c, v = sr.right_of(*grade_pos)
            m = _GRADE.search("等级" + norm(v)) if v is not None else None
        if m:
            stated.grade = m.group(1)
            stated.grade_place = _place(name, sr, grade_pos[0], "等级")
    out.stated[prefix] = stated


def _rate(text: str) -> Decimal | None:
    """'100%' / '56.70%' / '0.567' as a fraction; None when blank or not a rate."""
    m = _PERCENT.match(text)
    if m:
        return Decimal(m.group(1)) / 100
    try:
        value = parse_money(text)
    except MoneyError:
        return None
    if value is None:
        return None
    return value if value <= 2 else value / 100


# ---------------------------------------------------------------- Word reports
@dataclass(frozen=True)
class Paragraph:
    text: str
    section: str  # the headings it stands under: "二、一般公共预算支出情况 › （二）项目支出情况"


_H1 = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_H2 = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, name: str) -> list[Paragraph]:
    """Every paragraph of a .docx (table cells included, row by row), in order."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise ReadProblem(f"“{name}”不是可读取的 Word 文档（.docx）：{exc}") from exc
    except OSError as exc:
        raise ReadProblem(f"无法打开“{name}”：{describe(exc, reading=True)}") from exc
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False,
                                                              huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise ReadProblem(f"“{name}”已损坏，无法读取正文：{exc}") from exc
    out: list[Paragraph] = []
    h1 = h2 = ""
    for p in root.iter(f"{_W}p"):
        parts = []
        for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
            parts.append(el.text or "" if el.tag == f"{_W}t" else " ")
        text = "".join(parts).strip()
        if not text:
            continue
        if len(text) <= 40 and _H1.match(text):
            h1, h2 = text, ""
        elif len(text) <= 40 and _H2.match(text):
            h2 = text
        out.append(Paragraph(text, " › ".join(h for h in (h1, h2) if h)))
    return out
