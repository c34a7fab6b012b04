"""Finding a figure in a sheet by its row label and column headers, never by position.

A figure is looked for two ways, so that a table laid out in rows and the same table laid
out in columns both work:

* **row form**: a cell whose text is one of the ``item`` aliases is the row label; the value
  lies in the same row, in the nearest column right of the label whose header (above the
  label) matches the ``measure`` chain — or, with no measure, the first value right of it;
* **column form**: a header cell matching ``item`` that lies under headers matching
  ``parent`` and ``measure`` (each containing its columns, as merged two-row headers do);
  the value is the first data row below it (the 栏次 row of numbers 1, 2, 3 … skipped).

A figure found at more than one place is ambiguous and not taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from perfdesk.io.tables.profiles import norm, split_code
from perfdesk.io.workbook import CellValue, Sheet


@dataclass(frozen=True)
class Box:
    """A cell or a merged range (0-based, inclusive)."""

    r0: int
    c0: int
    r1: int
    c1: int


@dataclass(frozen=True)
class Hit:
    row: int
    col: int
    row_label: str  # the label text as written in the table
    column_label: str  # the header chain as written ("决算数 › 因公出国（境）费")


_LABEL_ROW = {"栏次", "行次", "栏号"}


class Grid:
    """A sheet with merged ranges resolved and its text cells indexed for matching."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.origin: dict[tuple[int, int], Box] = {}
        covered: set[tuple[int, int]] = set()
        for m in sheet.merged:
            box = Box(m.r0, m.c0, m.r1, m.c1)
            self.origin[(m.r0, m.c0)] = box
            covered.update((r, c) for r in range(m.r0, m.r1 + 1) for c in range(m.c0, m.c1 + 1)
                           if (r, c) != (m.r0, m.c0))
        self.covered = covered
        self.texts: list[tuple[Box, str, str, str, str]] = []  # box, raw, norm, code, name
        for r, row in enumerate(sheet.rows):
            for c, v in enumerate(row):
                if isinstance(v, str) and v.strip() and (r, c) not in covered:
                    code, name = split_code(v)
                    self.texts.append((self.origin.get((r, c), Box(r, c, r, c)), v.strip(),
                                       norm(v), code, name))
        self._numbering = {r for r, row in enumerate(sheet.rows) if _is_numbering_row(row)}

    def value(self, r: int, c: int) -> CellValue:
        return self.sheet.value(r, c)

    def matching(self, aliases: Iterable[str]) -> list[tuple[Box, str]]:
        keys = set(aliases)
        out = []
        for box, raw, text, code, name in self.texts:
            if text in keys or name in keys or (code and code in keys):
                out.append((box, raw))
        return out

    def all_text(self) -> set[str]:
        return {t[2] for t in self.texts} | {t[4] for t in self.texts}

    def is_numbering_row(self, r: int) -> bool:
        return r in self._numbering


def _is_numbering_row(row: list[CellValue]) -> bool:
    """The 栏次 row under a header: '栏次', or whole numbers 1, 2, 3 … in order."""
    if any(isinstance(v, str) and norm(v) in _LABEL_ROW for v in row):
        return True
    nums = [v.strip() if isinstance(v, str) else v for v in row if v is not None and v != ""]
    if len(nums) < 3 or not all((isinstance(v, int | float) and not isinstance(v, bool))
                                or (isinstance(v, str) and v.isdigit()) for v in nums):
        return False
    ints = [float(v) for v in nums]  # type: ignore[arg-type]
    return all(x == int(x) for x in ints) and ints == [ints[0] + i for i in range(len(ints))] \
        and ints[0] in (1, 0)


def _headers(grid: Grid, chain: tuple[tuple[str, ...], ...], below: Box | None = None,
             ) -> list[tuple[Box, list[str]]]:
    """Cells matching the last level of ``chain`` that lie under cells matching each level
    above (their columns inside the upper cell's columns); with their texts, outer first."""
    if not chain:
        return [(below, [])] if below is not None else []
    found = []
    for box, raw in grid.matching(chain[-1]):
        if below is not None and not (box.r0 > below.r1 and below.c0 <= box.c0 and box.c1 <= below.c1):
            continue
        found.append((box, [raw]))
    if len(chain) == 1:
        return found
    out = []
    for box, texts in found:
        for upper, up_texts in _headers(grid, chain[:-1]):
            if upper.r1 < box.r0 and upper.c0 <= box.c0 and box.c1 <= upper.c1:
                out.append((box, [*up_texts, *texts]))
                break
    return out


def _valueish(v: CellValue) -> bool:
    """A cell that can stand where an amount goes: a number, blank, a dash, a note such as
    '单位不需填列', or text with a digit in it (a typo to report); not a header's text."""
    if v is None or isinstance(v, int | float):
        return not isinstance(v, bool)
    if isinstance(v, str):
        s = v.strip()
        return s == "" or bool(re.search(r"\d|不需填列|^[-—－/／]+$|^无$", s))
    return False


def _row_form(grid: Grid, item: tuple[str, ...], measure: tuple[tuple[str, ...], ...],
              texts: list[Hit] | None = None) -> list[Hit]:
    """``texts`` collects cells where the label and its header meet but words stand."""
    hits = []
    for label, raw in grid.matching(item):
        r = label.r0
        if measure:
            best: tuple[int, list[str]] | None = None
            for head, names in _headers(grid, measure):
                if head.c0 != head.c1 or head.r1 >= r or head.c0 <= label.c1:
                    continue
                if best is None or head.c0 < best[0]:
                    best = (head.c0, names)
            if best is not None:
                hit = Hit(r, best[0], raw, " › ".join(best[1]))
                if _valueish(grid.value(r, best[0])):
                    hits.append(hit)
                elif texts is not None:
                    texts.append(hit)
        else:
            for c in range(label.c1 + 1, grid.sheet.width):
                v = grid.value(r, c)
                if (r, c) in grid.covered or v is None or v == "":
                    continue
                if _valueish(v):
                    hits.append(Hit(r, c, raw, ""))
                break
    return hits


def _column_form(grid: Grid, item: tuple[str, ...], parent: tuple[tuple[str, ...], ...],
                 measure: tuple[tuple[str, ...], ...]) -> list[Hit]:
    hits = []
    for head, texts in _headers(grid, (*measure, *parent, item)):
        if head.c0 != head.c1:
            continue
        c = head.c0
        for r in range(head.r1 + 1, grid.sheet.height):
            v = grid.value(r, c)
            if (r, c) in grid.covered or grid.is_numbering_row(r) or v is None or v == "":
                continue
            if _valueish(v):
                hits.append(Hit(r, c, "", " › ".join(texts)))
            break
    return hits


def locate(grid: Grid, item: tuple[str, ...], measure: tuple[tuple[str, ...], ...],
           parent: tuple[tuple[str, ...], ...] = (), texts: list[Hit] | None = None,
           ) -> tuple[list[Hit], str]:
    """Where the figure is: one hit, or none (with the reason when it is ambiguous).
    ``texts`` receives row-layout cells that hold words where the amount should be."""
    attempts: list[Callable[[], list[Hit]]] = [
        lambda: _row_form(grid, item, measure, texts),
        lambda: _column_form(grid, item, parent, measure)]
    if parent:
        attempts.append(lambda: _column_form(grid, item, (), measure))
    if measure:  # a table without the 预算数/决算数 header row (one measure only)
        attempts.append(lambda: _column_form(grid, item, parent, ()))
    for attempt in attempts:
        hits = list({(h.row, h.col): h for h in attempt()}.values())
        if len(hits) == 1:
            return hits, ""
        if len(hits) > 1:
            return [], "、".join(f"{_ref(h)}" for h in hits[:4])
    return [], ""


def _ref(h: Hit) -> str:
    from perfdesk.io.workbook import cell_name

    return cell_name(h.row, h.col)
