"""Tab-separated text as Excel and WPS put it on the clipboard (pure Python, no Qt).

Excel writes one row per line, cells separated by tabs; a cell containing a tab, a line
break or a quote is wrapped in double quotes with inner quotes doubled. ``parse_tsv``
reads that leniently (it never raises: a quote that never closes is taken literally) and
``to_tsv`` writes it so that ``parse_tsv(to_tsv(rows)) == rows``.
"""

from __future__ import annotations

import re

_NEEDS_QUOTES = re.compile(r'[\t\n\r"]')


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells. One trailing line break is ignored; empty text is no rows."""
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)
    if n == 0:
        return rows
    while True:
        cell, i = _read_cell(text, i)
        row.append(cell)
        if i >= n:
            rows.append(row)
            break
        ch = text[i]
        if ch == "\t":
            i += 1
            continue
        # a line break ends the row
        i += 2 if text.startswith("\r\n", i) else 1
        rows.append(row)
        row = []
        if i >= n:
            break
    return rows


def _read_cell(text: str, i: int) -> tuple[str, int]:
    n = len(text)
    if i < n and text[i] == '"':
        j = i + 1
        parts: list[str] = []
        while j < n:
            if text[j] == '"':
                if j + 1 < n and text[j + 1] == '"':
                    parts.append('"')
                    j += 2
                    continue
                if j + 1 >= n or text[j + 1] in "\t\r\n":
                    return "".join(parts), j + 1
                break  # a quote in the middle: not a quoted cell after all
            parts.append(text[j])
            j += 1
    # unquoted (or malformed quoted): up to the next tab or line break
    j = i
    while j < n and text[j] not in "\t\r\n":
        j += 1
    return text[i:j], j


def _quote(cell: str) -> str:
    if _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def to_tsv(rows: list[list[str]]) -> str:
    """Excel-style clipboard text for ``rows`` (each row at least one cell)."""
    lines = []
    for row in rows:
        if len(row) == 1 and row[0] == "":
            lines.append('""')  # keep an empty one-cell row distinguishable
        else:
            lines.append("\t".join(_quote(c) for c in row))
    return "".join(line + "\n" for line in lines)


# List numbering at the start of a pasted line: “1、” “1.” “1．” “1)” “（1）” “(一)” “一、”
# “①”. An Arabic “N.” directly followed by a digit is a decimal or a date (“1.5万户”,
# “98.2%”, “3.15”), not numbering, and is kept.
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,3}\s*(?:[、)）]|[.．](?!\d))"
    r"|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]"
    r"|[一二三四五六七八九十]{1,3}\s*[、.．]|[①-⑳])\s*"
)


def split_lines(text: str, strip_numbering: bool = True) -> list[str]:
    """Several pasted lines (or cells) as list items: blanks dropped, “1、” numbering removed
    (but not the “1.” of a leading decimal such as “1.5万户”)."""
    items: list[str] = []
    for row in parse_tsv(text.replace("\r\n", "\n")):
        line = " ".join(c.strip() for c in row if c.strip())
        for sub in line.split("\n"):
            sub = sub.strip()
            if strip_numbering:
                sub = _NUMBERING.sub("", sub, count=1).strip()
            if sub:
                items.append(sub)
    return items
