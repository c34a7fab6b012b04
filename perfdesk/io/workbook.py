"""The guarded workbook reader: what a file really is, and its sheets as plain cell grids.

Every workbook the user gives PerfDesk (the unit's 决算/预算 tables, 附件 workbooks) is
opened here first. :func:`detect` names the real format from the first bytes, whatever the
extension says (.xls files exported from the web are often HTML; a .docx renamed .xlsx is a
Word file). :func:`check_limits` checks, before any parser builds anything, what would cost
memory or time: the file size, the number of sheets, the uncompressed size of a zip, the
cells a sheet spans and the area of its merged ranges. :func:`read_workbook` then reads it
into :class:`Sheet` grids (rows of cell values, merged ranges as rectangles) with
python-calamine (.xlsx/.xlsm/.xls), the XML 2003 spreadsheet reader or the HTML table reader
below. Any refusal is a :class:`WorkbookError` whose ``message`` is Chinese, names the file
(and sheet) and says what to do.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from perfdesk.io.oserrors import describe

CellValue = str | float | int | bool | date | datetime | time | timedelta | None


class Format(StrEnum):
    XLSX = "xlsx"  # Office Open XML workbook (.xlsx, .xlsm, WPS's .et saved as xlsx)
    XLS = "xls"  # BIFF in an OLE2 compound file (Excel 97–2003, WPS)
    XML = "xml"  # Excel 2003 XML spreadsheet saved as .xls
    HTML = "html"  # a web page saved as .xls
    ENCRYPTED = "encrypted"  # an OLE2 file holding an encrypted OOXML package
    DOCX = "docx"
    PPTX = "pptx"
    ODS = "ods"
    DOC = "doc"  # an OLE2 Word or PowerPoint file
    PDF = "pdf"
    ZIP = "zip"  # some other zip archive
    CSV = "csv"  # plain text: CSV/TSV
    EMPTY = "empty"
    UNKNOWN = "unknown"


READABLE = frozenset({Format.XLSX, Format.XLS, Format.XML, Format.HTML})

_WHAT = {
    Format.ENCRYPTED: "设置了打开密码的加密工作簿，PerfDesk 无法读取。请在 Excel/WPS 中取消密码"
                      "（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后另存，再重试",
    Format.DOCX: "Word 文档（.docx），不是 Excel 工作簿。请选择 Excel 导出的报表文件",
    Format.DOC: "Word 或 PowerPoint 文档（.doc/.ppt），不是 Excel 工作簿。请选择 Excel 导出的报表文件",
    Format.PPTX: "PowerPoint 演示文稿（.pptx），不是 Excel 工作簿",
    Format.ODS: "OpenDocument 表格（.ods）。请在 WPS/LibreOffice 中另存为 .xlsx 后再选择",
    Format.PDF: "PDF 文件，其中的表格无法可靠读取。请使用决算/预算软件导出的 Excel 文件",
    Format.ZIP: "压缩包或已损坏的工作簿，不是可读取的 Excel 文件。如是压缩包，请先解压",
    Format.CSV: "纯文本（CSV/TXT）文件，不是 Excel 工作簿，没有表头合并和金额单位等信息。"
                "请在 Excel/WPS 中打开并另存为 .xlsx 或 .xls 后再选择",
    Format.EMPTY: "空文件（0 字节）。请重新导出或复制该文件",
    Format.UNKNOWN: "无法识别的文件格式，不是 Excel 工作簿",
}


class WorkbookError(Exception):
    """The file cannot be read as a workbook; ``message`` is Chinese and says why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Limits:
    """What one workbook may cost; checked before the work (defaults fit any real table)."""

    max_bytes: int = 50 * 1024 * 1024  # the file on disk
    max_sheets: int = 255
    max_cells: int = 2_000_000  # cells spanned by all sheets together (rows × columns)
    max_sheet_cells: int = 1_000_000  # one sheet's rows × columns
    max_merged_area: int = 2_000_000  # cells covered by merged ranges, all sheets
    max_unzipped: int = 200 * 1024 * 1024  # a zip's members uncompressed
    max_member: int = 100 * 1024 * 1024  # one member uncompressed


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based inclusive: rows r0..r1, columns c0..c1."""

    r0: int
    c0: int
    r1: int
    c1: int

    @property
    def area(self) -> int:
        return (self.r1 - self.r0 + 1) * (self.c1 - self.c0 + 1)


@dataclass
class Sheet:
    name: str
    rows: list[list[CellValue]]
    merged: list[Merge] = field(default_factory=list)
    # cells holding a formula without a stored result ("D12"), read as blank
    uncached_formulas: list[str] = field(default_factory=list)

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, r: int, c: int) -> CellValue:
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return None


@dataclass
class Workbook:
    path: Path
    format: Format
    sheets: list[Sheet]


def cell_name(r: int, c: int) -> str:
    """(0, 0) -> 'A1'."""
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r + 1}"


_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")


def parse_ref(ref: str) -> tuple[int, int] | None:
    """'D12' -> (11, 3); None when it is not a cell reference."""
    m = _REF.fullmatch(ref.replace("$", "").upper())
    if m is None:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


# ---------------------------------------------------------------------------------------
# Detection


def _sniff_zip(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return Format.ZIP
    if any(n.startswith("xl/") for n in names):
        return Format.XLSX
    if any(n.startswith("word/") for n in names):
        return Format.DOCX
    if any(n.startswith("ppt/") for n in names):
        return Format.PPTX
    if "mimetype" in names or "content.xml" in names:
        return Format.ODS
    return Format.ZIP


_OLE_NAMES = [(Format.ENCRYPTED, ("EncryptedPackage",)), (Format.XLS, ("Workbook", "Book")),
              (Format.DOC, ("WordDocument", "PowerPoint Document"))]


def _sniff_ole(path: Path, head: bytes) -> Format:
    """An OLE2 compound file: an .xls, an encrypted OOXML package, or a Word/PowerPoint file,
    told by the directory's stream names (UTF-16). The directory lies near the start in
    small files and after the data in large ones: the head first, then the whole file in
    1 MiB pieces (its size is checked against the limits before any reading)."""
    def kind(data: bytes) -> Format | None:
        for fmt, names in _OLE_NAMES:
            if any(n.encode("utf-16-le") in data for n in names):
                return fmt
        return None

    found = kind(head)
    if found is None and path.stat().st_size <= DEFAULT_LIMITS.max_bytes:
        tail = b""
        with path.open("rb") as f:
            while found is None and (chunk := f.read(1 << 20)):
                found = kind(tail + chunk)
                tail = chunk[-64:]
    return found or Format.XLS  # no stream name seen: let the reader decide


def _text_kind(head: bytes) -> Format:
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = head.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return Format.UNKNOWN
    low = text.lstrip("\ufeff \t\r\n").lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in low:
        return Format.XML
    if low.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<?xml")) \
            or "<html" in low[:2048] or "<table" in low[:4096]:
        return Format.HTML
    if "\x00" in text:
        return Format.UNKNOWN
    return Format.CSV


def detect(path: Path) -> Format:
    """The real format of ``path`` from its first bytes (the extension is not trusted)."""
    try:
        with path.open("rb") as f:
            head = f.read(256 * 1024)
    except OSError as exc:
        raise WorkbookError(f"无法打开“{path.name}”：{describe(exc, reading=True)}") from exc
    if not head:
        return Format.EMPTY
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _sniff_ole(path, head)
    if head.startswith(b"%PDF"):
        return Format.PDF
    if head[:2] in (b"\x09\x00", b"\x09\x02", b"\x09\x04"):  # BIFF2–4 without OLE
        return Format.XLS
    return _text_kind(head[:65536])


def describe_format(path: Path, fmt: Format) -> str:
    """The Chinese sentence that names an unreadable format."""
    return f"“{path.name}”是{_WHAT.get(fmt, _WHAT[Format.UNKNOWN])}。"


# ---------------------------------------------------------------------------------------
# Limits, checked before parsing

_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,3})(\d{1,7})\"")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\s[^>]*?\br=\"(\d{1,7})\"")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z$]{1,4}\d{1,8}):([A-Z$]{1,4}\d{1,8})\"")
_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c\s([^>]*?)>\s*<(?:\w+:)?f[\s>/](?:(?!</(?:\w+:)?c>).)*?</(?:\w+:)?c>", re.S)
_HAS_VALUE = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>[^<]")
_R_ATTR = re.compile(rb"\br=\"([A-Z]{1,3}\d{1,7})\"")


@dataclass
class _SheetScan:
    cells: int = 0
    max_row: int = 0
    max_col: int = 0
    merged_area: int = 0
    merges: int = 0
    uncached: list[str] = field(default_factory=list)


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _scan_sheet_xml(zf: zipfile.ZipFile, member: str) -> _SheetScan:
    """One pass over a worksheet's XML in 1 MiB pieces: cells, extent, merges, formulas."""
    scan = _SheetScan()
    tail = b""
    with zipfile.Path(zf, member).open("rb") as f:
        while True:
            chunk = f.read(1 << 20)
            data = tail + chunk
            if not chunk:
                cut = len(data)
            else:  # keep an unfinished tag (or an open formula cell) for the next piece
                cut = data.rfind(b"<")
                open_c = data.rfind(b"<c ", 0, cut)
                if open_c != -1 and data.find(b"</c>", open_c) == -1 and len(data) - open_c < 65536:
                    cut = open_c
                cut = max(cut, 0)
            part = data[:cut]
            scan.cells += len(_CELL_TAG.findall(part))
            for m in _CELL_REF.finditer(part):
                scan.max_row = max(scan.max_row, int(m.group(2)))
                scan.max_col = max(scan.max_col, _col_number(m.group(1)))
            for m in _ROW_REF.finditer(part):
                scan.max_row = max(scan.max_row, int(m.group(1)))
            for m in _MERGE.finditer(part):
                a, b = parse_ref(m.group(1).decode()), parse_ref(m.group(2).decode())
                if a is None or b is None:
                    continue
                scan.merges += 1
                scan.merged_area += (abs(b[0] - a[0]) + 1) * (abs(b[1] - a[1]) + 1)
                scan.max_row = max(scan.max_row, a[0] + 1, b[0] + 1)
                scan.max_col = max(scan.max_col, a[1] + 1, b[1] + 1)
            for m in _FORMULA_CELL.finditer(part):
                if not _HAS_VALUE.search(m.group(0)) and len(scan.uncached) < 1000:
                    ref = _R_ATTR.search(m.group(1))
                    scan.uncached.append(ref.group(1).decode() if ref else "?")
            tail = data[cut:]
            if not chunk:
                break
    return scan


def _sheet_members(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip member) of each worksheet in workbook order."""
    try:
        wb_xml = zf.read("xl/workbook.xml")
        rels_xml = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return [(Path(n).stem, n) for n in zf.namelist()
                if n.startswith("xl/worksheets/") and n.endswith(".xml")]
    try:
        rels_root = ElementTree.fromstring(rels_xml)
        wb_root = ElementTree.fromstring(wb_xml)
    except ElementTree.ParseError as exc:
        raise WorkbookError(f"工作簿目录已损坏（{exc}）") from exc
    targets: dict[str, str] = {}
    for rel in rels_root:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[rel.get("Id", "")] = target
    out: list[tuple[str, str]] = []
    for el in wb_root.iter():
        if el.tag.endswith("}sheet") or el.tag == "sheet":
            rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), "")
            out.append((el.get("name", ""), targets.get(rid, "")))
    return out


def _too_big(path: Path, what: str) -> WorkbookError:
    return WorkbookError(f"“{path.name}”{what}，超过 PerfDesk 读取报表的上限，未读取。"
                         "决算/预算报表通常只有几十行；请确认选对了文件，或只把需要的表另存为新工作簿。")


def _check_xlsx(path: Path, limits: Limits) -> dict[str, _SheetScan]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError) as exc:
        raise WorkbookError(f"“{path.name}”已损坏，不是完整的 Excel 工作簿（{exc}）。"
                            "请重新导出或从原处再复制一份。") from exc
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > limits.max_unzipped or any(i.file_size > limits.max_member for i in infos):
            raise _too_big(path, f"解压后达 {total / 1048576:.0f} MB")
        try:
            members = _sheet_members(zf)
        except WorkbookError as exc:
            raise WorkbookError(f"“{path.name}”的{exc.message}，无法读取。请在 Excel/WPS 中打开并另存后重试。") \
                from exc
        if len(members) > limits.max_sheets:
            raise _too_big(path, f"有 {len(members)} 张工作表")
        scans: dict[str, _SheetScan] = {}
        cells = merged = 0
        names = set(zf.namelist())
        for name, member in members:
            if member not in names:
                continue
            try:
                scan = _scan_sheet_xml(zf, member)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise WorkbookError(f"“{path.name}”的工作表“{name}”已损坏（{exc}），无法读取。"
                                    "请在 Excel/WPS 中打开并另存后重试。") from exc
            extent = scan.max_row * scan.max_col
            if extent > limits.max_sheet_cells or scan.cells > limits.max_sheet_cells:
                size = (f"范围达 {scan.max_row:,} 行 × {scan.max_col:,} 列（{extent:,} 个单元格）"
                        if extent >= scan.cells else f"有 {scan.cells:,} 个单元格")
                raise _too_big(path, f"的工作表“{name}”{size}")
            cells += extent
            merged += scan.merged_area
            if cells > limits.max_cells:
                raise _too_big(path, f"各工作表合计超过 {limits.max_cells:,} 个单元格")
            if merged > limits.max_merged_area:
                raise _too_big(path, f"的工作表“{name}”合并单元格覆盖 {scan.merged_area:,} 个单元格")
            scans[name] = scan
    return scans


def check_limits(path: Path, fmt: Format, limits: Limits = DEFAULT_LIMITS) -> dict[str, list[str]]:
    """Refuse what would cost too much, before parsing. Returns, for .xlsx, the cells of
    each sheet that hold a formula without a stored result."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise WorkbookError(f"无法打开“{path.name}”：{describe(exc, reading=True)}") from exc
    if size > limits.max_bytes:
        raise _too_big(path, f"有 {size / 1048576:.0f} MB")
    if fmt == Format.XLSX:
        return {name: s.uncached for name, s in _check_xlsx(path, limits).items()}
    return {}


# ---------------------------------------------------------------------------------------
# Readers


def _read_calamine(path: Path, limits: Limits, uncached: dict[str, list[str]]) -> list[Sheet]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as exc:
        raise WorkbookError(describe_format(path, Format.ENCRYPTED)) from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError) as exc:
        raise WorkbookError(f"“{path.name}”已损坏或不是完整的 Excel 工作簿，无法读取（{exc}）。"
                            "请在 Excel/WPS 中打开并另存后重试。") from exc
    try:
        names = wb.sheet_names
        if len(names) > limits.max_sheets:
            raise _too_big(path, f"有 {len(names)} 张工作表")
        sheets: list[Sheet] = []
        cells = 0
        for meta in wb.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet"):
                continue
            try:
                sh = wb.get_sheet_by_name(meta.name)
            except pc.PasswordError as exc:
                raise WorkbookError(describe_format(path, Format.ENCRYPTED)) from exc
            except (pc.CalamineError, pc.XmlError, pc.ZipError, ValueError) as exc:
                raise WorkbookError(f"“{path.name}”的工作表“{meta.name}”已损坏，无法读取（{exc}）。"
                                    "请在 Excel/WPS 中打开并另存后重试。") from exc
            start = sh.start or (0, 0)
            cells += sh.height * sh.width
            if sh.height * sh.width > limits.max_sheet_cells or cells > limits.max_cells:
                raise _too_big(path, f"的工作表“{meta.name}”范围达 {sh.height:,} 行 × {sh.width:,} 列")
            rows: list[list[CellValue]] = [[None] * start[1] + [None if v == "" else v for v in row]
                                           for row in sh.to_python(skip_empty_area=False)]
            rows = [[] for _ in range(start[0])] + rows
            merges = [Merge(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            if sum(m.area for m in merges) > limits.max_merged_area:
                raise _too_big(path, f"的工作表“{meta.name}”合并单元格面积过大")
            sheets.append(Sheet(meta.name, rows, merges, uncached.get(meta.name, [])))
        return sheets
    finally:
        wb.close()


def _decode(raw: bytes) -> str:
    m = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", raw[:4096], re.I)
    encodings = [m.group(1).decode("ascii", "replace")] if m else []
    for enc in (*encodings, "utf-8-sig", "gb18030", "utf-16"):
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", "replace")


class _TableParser(HTMLParser):
    """<table> elements as grids, rowspan/colspan as merged ranges; a cell budget."""

    def __init__(self, max_cells: int, max_merged: int) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[CellValue]], list[Merge]]] = []
        self._stack: list[tuple[list[list[CellValue]], list[Merge], set[tuple[int, int]]]] = []
        self._row = -1
        self._col = 0
        self._text: list[str] | None = None
        self._span = (1, 1)
        self.max_cells, self.max_merged = max_cells, max_merged
        self.cells = self.merged = 0
        self.over = ""

    def _grid(self) -> tuple[list[list[CellValue]], list[Merge], set[tuple[int, int]]]:
        return self._stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.over:
            return
        if tag == "table":
            self._stack.append(([], [], set()))
            self._row = -1
        elif tag == "tr" and self._stack:
            rows, _, _ = self._grid()
            rows.append([])
            self._row = len(rows) - 1
            self._col = 0
        elif tag in ("td", "th") and self._stack and self._row >= 0:
            a = dict(attrs)

            def span(key: str) -> int:
                try:
                    return max(1, min(int(str(a.get(key) or 1)), 16384))
                except ValueError:
                    return 1

            self._span = (span("rowspan"), span("colspan"))
            self._text = []
        elif tag == "br" and self._text is not None:
            self._text.append("\n")

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.over:
            return
        if tag in ("td", "th") and self._text is not None and self._stack:
            rows, merges, covered = self._grid()
            while (self._row, self._col) in covered:
                self._col += 1
            text = "".join(self._text).replace("\xa0", " ").strip()
            r, c = self._row, self._col
            rs, cs = self._span
            self.cells += rs * cs
            if rs * cs > 1:
                self.merged += rs * cs
                merges.append(Merge(r, c, r + rs - 1, c + cs - 1))
                for rr in range(r, r + rs):
                    for cc in range(c, c + cs):
                        covered.add((rr, cc))
            if self.cells > self.max_cells or self.merged > self.max_merged:
                self.over = f"表格达 {self.cells:,} 个单元格"
                return
            row = rows[r]
            row.extend([None] * (c + 1 - len(row)))
            row[c] = text or None
            self._col = c + cs
            self._text = None
        elif tag == "table" and self._stack:
            rows, merges, _ = self._stack.pop()
            self.tables.append((rows, merges))


def _read_html(path: Path, limits: Limits) -> list[Sheet]:
    text = _decode(path.read_bytes())
    parser = _TableParser(limits.max_sheet_cells, limits.max_merged_area)
    parser.feed(text)
    parser.close()
    if parser.over:
        raise _too_big(path, f"（网页格式）的{parser.over}")
    if not parser.tables:
        raise WorkbookError(f"“{path.name}”是网页（HTML）文件，其中没有表格。请选择决算/预算软件导出的报表。")
    if len(parser.tables) > limits.max_sheets:
        raise _too_big(path, f"有 {len(parser.tables)} 张表格")
    out = []
    for i, (rows, merges) in enumerate(parser.tables):
        width = max((len(r) for r in rows), default=0)
        out.append(Sheet(f"表格{i + 1}" if len(parser.tables) > 1 else path.stem,
                         [r + [None] * (width - len(r)) for r in rows], merges))
    return out


_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def _read_xml2003(path: Path, limits: Limits) -> list[Sheet]:
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise WorkbookError(f"“{path.name}”是 Excel 2003 XML 表格，但内容已损坏（{exc}）。"
                            "请在 Excel/WPS 中打开并另存为 .xlsx 后重试。") from exc
    sheets: list[Sheet] = []
    cells = 0
    for ws in root.iter(f"{_SS}Worksheet"):
        if len(sheets) >= limits.max_sheets:
            raise _too_big(path, f"超过 {limits.max_sheets} 张工作表")
        rows: list[list[CellValue]] = []
        merges: list[Merge] = []
        covered: set[tuple[int, int]] = set()
        r = -1
        for row in ws.iter(f"{_SS}Row"):
            idx = row.get(f"{_SS}Index")
            r = int(idx) - 1 if idx and idx.isdigit() else r + 1
            while len(rows) <= r:
                rows.append([])
            c = 0
            for cell in row.iter(f"{_SS}Cell"):
                cidx = cell.get(f"{_SS}Index")
                c = int(cidx) - 1 if cidx and cidx.isdigit() else c
                while (r, c) in covered:
                    c += 1
                across = int(cell.get(f"{_SS}MergeAcross") or 0)
                down = int(cell.get(f"{_SS}MergeDown") or 0)
                cells += (across + 1) * (down + 1)
                if cells > limits.max_sheet_cells or r > 65536 or c > 16384:
                    raise _too_big(path, f"的工作表范围达 {r + 1:,} 行 × {c + 1:,} 列")
                data = cell.find(f"{_SS}Data")
                value: CellValue = None
                if data is not None:
                    text = "".join(data.itertext())
                    value = float(text) if data.get(f"{_SS}Type") == "Number" else text
                row_cells = rows[r]
                row_cells.extend([None] * (c + 1 - len(row_cells)))
                row_cells[c] = value
                if across or down:
                    merges.append(Merge(r, c, r + down, c + across))
                    covered.update((rr, cc) for rr in range(r, r + down + 1)
                                   for cc in range(c, c + across + 1))
                c += across + 1
        width = max((len(x) for x in rows), default=0)
        sheets.append(Sheet(ws.get(f"{_SS}Name") or f"Sheet{len(sheets) + 1}",
                            [x + [None] * (width - len(x)) for x in rows], merges))
    return sheets


def read_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Detect, check the limits, and read every worksheet of ``path`` into grids."""
    path = Path(path)
    if not path.exists():
        raise WorkbookError(f"找不到文件“{path}”。")
    if path.is_dir():
        raise WorkbookError(f"“{path.name}”是文件夹，不是工作簿。")
    fmt = detect(path)
    if fmt not in READABLE:
        raise WorkbookError(describe_format(path, fmt))
    uncached = check_limits(path, fmt, limits)
    try:
        if fmt in (Format.XLSX, Format.XLS):
            sheets = _read_calamine(path, limits, uncached)
        elif fmt == Format.HTML:
            sheets = _read_html(path, limits)
        else:
            sheets = _read_xml2003(path, limits)
    except PermissionError as exc:
        raise WorkbookError(f"无法打开“{path.name}”：文件可能正在 Excel 或 WPS 中打开，"
                            "请关闭后重试。") from exc
    except MemoryError as exc:
        raise _too_big(path, "读取时内存不足") from exc
    except OSError as exc:
        raise WorkbookError(f"无法读取“{path.name}”：{describe(exc, reading=True)}") from exc
    return Workbook(path, fmt, sheets)


def iter_cells(sheet: Sheet) -> Iterator[tuple[int, int, CellValue]]:
    """(row, column, value) of every non-blank cell, row by row."""
    for r, row in enumerate(sheet.rows):
        for c, v in enumerate(row):
            if v is not None and v != "":
                yield r, c, v
