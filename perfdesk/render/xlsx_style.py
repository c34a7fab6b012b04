"""Shared styling and a small grid writer for the Excel attachments (openpyxl).

Every cell the forms print goes through :class:`Grid`, which knows the column widths and so
can (a) merge and border ranges the way the paper forms do, (b) store user text safely
(never a formula, no XML-illegal characters) and (c) give each row a height that shows
its wrapped text — openpyxl does not measure text, and LibreOffice/Excel do not grow rows
on open, so the heights are estimated here from the characters and the merged width.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model.numbers import percent_value
from perfdesk.model.vocabulary import DateStyle
from perfdesk.render.dates import format_date

FONT_TABLE = "宋体"
FONT_TITLE = "宋体"
SIZE_BODY = 10
SIZE_TITLE = 16
MONEY_FORMAT = "0.00"
PERCENT_FORMAT = "0.00%"
COUNT_FORMAT = "0"
AREA_FORMAT = "0.00"
SCORE_FORMAT = "General"
MAX_CELL_CHARS = 32767  # Excel's limit per cell
DRAFT_TEXT = "（草稿）"

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# XML 1.0 forbids most C0 controls; keep tab, newline (carriage return becomes newline).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BLANK_DATE = "    年  月  日"  # left for the hand to fill in


# style arrays per workbook, keyed by what the cell looks like (see Grid._styled)
_STYLES: WeakKeyDictionary[Any, dict[tuple[Any, ...], Any]] = WeakKeyDictionary()


def _set_border(cell: Any) -> None:
    cell.border = BORDER


def _merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
    """ws.merge_cells without MergedCellRange.format(), which restyles the edge cells one
    by one (slow); the caller styles every cell of the range itself."""
    ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
    ws.merged_cells.add(MergedCellRange(ws, ref))
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            if (r, c) != (r1, c1):
                ws._cells[r, c] = MergedCell(ws, r, c)


def clean_text(value: str) -> str:
    """Text as a cell may hold it: no illegal control characters, within Excel's limit."""
    text = _ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return text[:MAX_CELL_CHARS]


def text_units(text: str) -> float:
    """Approximate printed width in Excel column-width units (CJK ≈ two '0's)."""
    units = 0.0
    for ch in text:
        units += 2.1 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.1
    return units


def fmt_date(d: date | None, style: DateStyle = DateStyle.ARABIC) -> str:
    """填报日期 in the report's date style, exactly as the Word 落款 writes it."""
    return format_date(d, style, blank=BLANK_DATE)


@dataclass
class Grid:
    """A worksheet plus its column widths; rows and columns are 1-based."""

    ws: Worksheet
    widths: list[float]
    _lines: dict[int, float] = field(default_factory=dict)  # row → text lines needed
    _fixed: dict[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, w in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        self.ws.sheet_view.showGridLines = False

    @property
    def ncols(self) -> int:
        return len(self.widths)

    # -- cells -------------------------------------------------------------------------
    def _styled(self, cell: Any, key: tuple[Any, ...], build: Callable[[Any], None]) -> None:
        """Apply a style built once per workbook (openpyxl re-hashes every style object it
        is given, which made large workbooks slow); later cells copy its style array."""
        cache = _STYLES.setdefault(self.ws.parent, {})
        if key in cache:
            cell._style = copy(cache[key])
        else:
            build(cell)
            cache[key] = copy(cell._style)

    def _box(self, row: int, col: int, span: int, rows: int, border: bool) -> None:
        if span > 1 or rows > 1:
            _merge(self.ws, row, col, row + rows - 1, col + span - 1)
        if border:
            for r in range(row, row + rows):
                for c in range(col, col + span):
                    if r != row or c != col:  # the origin gets its full style below
                        self._styled(self.ws.cell(row=r, column=c), ("border",), _set_border)

    def text(self, row: int, col: int, value: str | None, *, span: int = 1, rows: int = 1,
             align: str = "center", bold: bool = False, border: bool = True,
             size: float = SIZE_BODY, font: str = FONT_TABLE) -> None:
        """User or label text, always a string cell (never a formula)."""
        self._box(row, col, span, rows, border)
        cell = self.ws.cell(row=row, column=col)
        text = clean_text(value or "")
        if text:
            cell.value = text
            cell.data_type = "s"  # '=1+1', '+', '-', '@' stay text: no formula injection

        def build(c: Any) -> None:
            c.font = Font(name=font, size=size, bold=bold)
            c.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
            if border:
                c.border = BORDER

        self._styled(cell, ("text", align, bold, border, size, font), build)
        self._measure(row, col, span, rows, text, size)

    def number(self, row: int, col: int, value: Decimal | int | None, fmt: str, *,
               span: int = 1, rows: int = 1, border: bool = True) -> None:
        """A numeric cell (Decimal or int; None leaves the cell blank)."""
        self._box(row, col, span, rows, border)
        cell = self.ws.cell(row=row, column=col)
        if value is not None:
            cell.value = value

        def build(c: Any) -> None:
            c.number_format = fmt
            c.font = Font(name=FONT_TABLE, size=SIZE_BODY)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if border:
                c.border = BORDER

        self._styled(cell, ("number", fmt, border), build)
        self._measure(row, col, span, rows, "0" * 10, SIZE_BODY)

    def money(self, row: int, col: int, value: Decimal | None, *, span: int = 1,
              rows: int = 1) -> None:
        self.number(row, col, value, MONEY_FORMAT, span=span, rows=rows)  # as typed: R-B10 sees extra decimals on import

    def percent(self, row: int, col: int, value: Decimal | None, *, span: int = 1,
                rows: int = 1) -> None:
        self.number(row, col, percent_value(value), PERCENT_FORMAT, span=span, rows=rows)

    def score(self, row: int, col: int, value: Decimal | None, *, span: int = 1,
              rows: int = 1) -> None:
        self.number(row, col, value, SCORE_FORMAT, span=span, rows=rows)

    # -- rows --------------------------------------------------------------------------
    def _measure(self, row: int, col: int, span: int, rows: int, text: str,
                 size: float) -> None:
        width = sum(self.widths[col - 1: col - 1 + span]) - 1.0
        scale = size / SIZE_BODY
        lines = 0.0
        for para in (text or " ").split("\n"):
            lines += max(1, math.ceil(text_units(para) * scale * 1.08 / max(width, 1.0)))
        lines = lines * scale / rows
        for r in range(row, row + rows):
            self._lines[r] = max(self._lines.get(r, 1.0), lines)

    def height(self, row: int, points: float) -> None:
        self._fixed[row] = points

    def fit_rows(self, last_row: int) -> None:
        """Give every row the height its wrapped text needs (14 pt per 10-pt line)."""
        for r in range(1, last_row + 1):
            if r in self._fixed:
                h = self._fixed[r]
            else:
                h = max(20.0, self._lines.get(r, 1.0) * 14.0 + 6.0)
            self.ws.row_dimensions[r].height = min(h, 409.0)  # Excel's maximum

    # -- page --------------------------------------------------------------------------
    def heading(self, annex: str, title: str, draft: bool) -> int:
        """Rows 1–2: '附件N' and the title merged across; returns the next free row."""
        self.text(1, 1, annex, span=2, align="left", border=False, size=12, bold=True)
        self.text(2, 1, title + (DRAFT_TEXT if draft else ""), span=self.ncols,
                  border=False, size=SIZE_TITLE, bold=True, font=FONT_TITLE)
        self.height(2, 36)
        return 3

    def filler_line(self, row: int, unit_name: str) -> int:
        """'填报单位（盖章）：…' left and '金额单位：万元' right (no border)."""
        left = max(self.ncols - 3, 1)
        self.text(row, 1, f"填报单位（盖章）：{unit_name}", span=left, align="left", border=False)
        self.text(row, left + 1, "金额单位：万元", span=self.ncols - left, align="right",
                  border=False)
        return row + 1

    def signature_line(self, row: int, when: date | None,
                       style: DateStyle = DateStyle.ARABIC) -> int:
        """'填报人：… 联系电话：… 填报日期：…' under the table, for hand completion."""
        third = self.ncols // 3
        self.text(row, 1, "填报人：", span=third, align="left", border=False)
        self.text(row, third + 1, "联系电话：", span=third, align="left", border=False)
        self.text(row, 2 * third + 1, f"填报日期：{fmt_date(when, style)}",
                  span=self.ncols - 2 * third, align="left", border=False)
        return row + 1

    def page_setup(self, *, portrait: bool, title_rows: tuple[int, int] | None,
                   draft: bool, last_row: int) -> None:
        ws = self.ws
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "portrait" if portrait else "landscape"
        setup = ws.sheet_properties.pageSetUpPr
        if setup is None:
            setup = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
        setup.fitToPage = True  # required before fitToWidth
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = 0.7
        ws.page_margins.bottom = 0.7
        if title_rows is not None:
            ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
        odd_footer, odd_header = ws.oddFooter, ws.oddHeader
        footer = odd_footer.center if odd_footer is not None else None
        header = odd_header.center if odd_header is not None else None
        if footer is None or header is None:  # openpyxl always creates both
            raise AssertionError("worksheet without header/footer items")
        footer.text = "第 &P 页，共 &N 页"
        footer.font = FONT_TABLE
        footer.size = 9
        if draft:
            header.text = "草稿"
            header.font = f"{FONT_TABLE},Bold"
            header.size = 14
            header.color = "FF0000"
        self.fit_rows(last_row)
