"""Reading cells of a filled-in form: labels found by text, values parsed leniently.

Used by ``excel_import``. A hand-filled official form differs from what PerfDesk writes:
labels carry spaces and line breaks ("经济效\\n益指标"), numbers are stored as text
("1,234.56", "56.7万元"), cells are merged differently. Everything here tolerates that,
and every value that cannot be read becomes an :class:`ImportIssue` naming the sheet,
the cell and the value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model.money import CENT, MoneyError, out_of_range, parse_money
from perfdesk.model.vocabulary import DateStyle

_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(\d+|[一二三四五六七八九十]+)[、.．](?!\d)")  # not "1.5万户"
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# 二〇二一年四月二十八日 (DOMAIN.md §2.2); hand-typed forms also use ○, O, 0 or 零 for 〇
_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {
    "○": 0, "O": 0, "o": 0, "0": 0, "零": 0, "Ｏ": 0}
_CN_NUMBER = "[一二三四五六七八九十]{1,3}"
_CN_DATE = re.compile(rf"([〇○Oo0零Ｏ一二三四五六七八九]{{4}})\s*年\s*({_CN_NUMBER})\s*月"
                      rf"\s*({_CN_NUMBER})\s*日")


@dataclass(frozen=True)
class ImportIssue:
    """A cell that could not be read; str() is the Chinese message shown to the user."""

    sheet: str
    cell: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        shown = f"“{self.value}”" if self.value else ""
        return f"{where}{shown}：{self.message}"


def norm(value: Any) -> str:
    """Label text for matching: NFKC, no whitespace at all."""
    if value is None:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(value)))


def bare_label(value: Any) -> str:
    """A row label without numbering ("1、"), "其中：" and trailing colons."""
    text = norm(value)
    text = _NUMBERING.sub("", text)
    if text.startswith("其中:"):
        text = text[3:]
    return text.rstrip(":")


def _small_chinese(text: str) -> int:
    """十 → 10, 二十一 → 21, 三十 → 30, 九 → 9 (month and day numbers); -1 if malformed."""
    tens, sep, ones = text.partition("十")
    if not sep:
        return _CN_DIGITS.get(text, -1)
    t = _CN_DIGITS.get(tens, -1) if tens else 1
    o = _CN_DIGITS.get(ones, -1) if ones else 0
    return -1 if min(t, o) < 0 else t * 10 + o


def find_date_styled(text: str) -> tuple[date | None, DateStyle]:
    """The date in ``text`` and how it is written: DateStyle.ARABIC or DateStyle.CHINESE."""
    if m := _DATE.search(text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), DateStyle.ARABIC
        except ValueError:
            return None, DateStyle.ARABIC
    if m := _CN_DATE.search(text):
        year = int("".join(str(_CN_DIGITS[ch]) for ch in m.group(1)))
        try:
            return (date(year, _small_chinese(m.group(2)), _small_chinese(m.group(3))),
                    DateStyle.CHINESE)
        except ValueError:
            return None, DateStyle.CHINESE
    return None, DateStyle.ARABIC


class SheetReader:
    """Read access to one worksheet with merged cells resolved and issues collected."""

    def __init__(self, ws: Worksheet, label: str, issues: list[ImportIssue]) -> None:
        self.ws = ws
        self.label = label
        self.issues = issues
        self._top_left: dict[tuple[int, int], tuple[int, int]] = {}
        self._end: dict[tuple[int, int], int] = {}
        for rng in ws.merged_cells.ranges:
            self._end[(rng.min_row, rng.min_col)] = rng.max_col
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self._top_left[(r, c)] = (rng.min_row, rng.min_col)
        self.max_row = ws.max_row
        self.max_col = ws.max_column

    # -- raw access ------------------------------------------------------------------
    def raw(self, r: int, c: int) -> Any:
        """The cell's own value (None for the covered part of a merged range)."""
        if (r, c) in self._top_left and self._top_left[(r, c)] != (r, c):
            return None
        return self.ws.cell(row=r, column=c).value

    def value(self, r: int, c: int) -> Any:
        """The value shown at (r, c): a merged range shows its top-left cell."""
        tr, tc = self._top_left.get((r, c), (r, c))
        return self.ws.cell(row=tr, column=tc).value

    def is_origin(self, r: int, c: int) -> bool:
        return self._top_left.get((r, c), (r, c)) == (r, c)

    def span_end(self, r: int, c: int) -> int:
        """Last column covered by the merged range starting at (r, c)."""
        return self._end.get((r, c), c)

    def where(self, r: int, c: int) -> str:
        return f"{get_column_letter(c)}{r}"

    def issue(self, r: int, c: int, value: Any, message: str) -> None:
        self.issues.append(ImportIssue(self.label, self.where(r, c),
                                       "" if value is None else str(value)[:60], message))

    # -- finding labels ----------------------------------------------------------------
    def find(self, match: Callable[[str], bool], *, rows: range | None = None,
             ) -> tuple[int, int] | None:
        """First origin cell (row-major) whose normalised text satisfies ``match``."""
        for r in rows or range(1, self.max_row + 1):
            for c in range(1, self.max_col + 1):
                v = self.raw(r, c)
                if isinstance(v, str) and match(norm(v)):
                    return r, c
        return None

    def find_label(self, label: str, *, rows: range | None = None) -> tuple[int, int] | None:
        key = norm(label)
        return self.find(lambda t: bare_label(t) == key or t == key, rows=rows)

    def right_of(self, r: int, c: int, *, stop: int | None = None) -> tuple[int, Any]:
        """The first non-blank cell right of (r, c), before column ``stop``: (col, value)."""
        end = min(stop or self.max_col + 1, self.max_col + 1)
        for cc in range(self.span_end(r, c) + 1, end):
            v = self.raw(r, cc)
            if v is not None and str(v).strip() != "":
                return cc, v
        return 0, None

    def all_text(self) -> str:
        return "\n".join(str(v) for row in self.ws.iter_rows(values_only=True)
                         for v in row if isinstance(v, str))

    # -- typed values ------------------------------------------------------------------
    def text(self, r: int, c: int, *, resolved: bool = False) -> str:
        v = self.value(r, c) if resolved else self.raw(r, c)
        if v is None:
            return ""
        if isinstance(v, bool):
            return str(v)
        if isinstance(v, int | float | Decimal):
            fmt = self.ws.cell(row=r, column=c).number_format or ""
            if "%" in fmt:
                return f"{_plain(Decimal(str(v)) * 100)}%"
            return _plain(Decimal(str(v)))
        return str(v).strip(" \u3000\r\n")  # a leading tab typed by the user stays

    def money(self, r: int, c: int) -> Decimal | None:
        """An amount in 万元 (number, or text like '1,234.56' / '56.7万元'); None if blank."""
        return self._number(r, c, money=True)

    def decimal(self, r: int, c: int) -> Decimal | None:
        """A 分值/得分/area: kept as written ('5' stays 5, '4.96' stays 4.96)."""
        return self._number(r, c, money=False)

    def _number(self, r: int, c: int, *, money: bool) -> Decimal | None:
        v = self.raw(r, c)
        if v is None or isinstance(v, bool):
            return None
        d: Decimal | None
        if isinstance(v, int | float | Decimal):
            d = Decimal(str(v))
        else:
            text = str(v).strip().removesuffix("分") if not money else str(v)
            try:
                d = parse_money(text)
            except MoneyError:
                what = "不是有效金额（万元）" if money else "不是有效数字"
                self.issue(r, c, v, f"{what}，已留空，请在 PerfDesk 中补填")
                return None
            if d is None:
                return None
        if out_of_range(d):
            self.issue(r, c, v, "不是有效数字或大得不合理，已留空，请在 PerfDesk 中补填")
            return None
        if money and d.as_tuple().exponent > -2:  # type: ignore[operator]
            d = d.quantize(CENT)
        elif not money and d == d.to_integral_value():
            d = d.quantize(Decimal(1))
        return d

    def count(self, r: int, c: int) -> int | None:
        """A head count ('301', '301人', 301.0)."""
        v = self.raw(r, c)
        if v is None or str(v).strip() == "":
            return None
        text = norm(v).removesuffix("人")
        try:
            d = Decimal(text)
        except InvalidOperation:
            d = None
        if d is None or not d.is_finite() or d > 10_000_000 or d != d.to_integral_value() or d < 0:
            self.issue(r, c, v, "不是有效人数（整数），已留空")
            return None
        return int(d)


def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
