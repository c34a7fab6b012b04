"""The bureau's list of the units that must report (an Excel sheet of 单位名称 and 单位编码
or 统一社会信用代码), read for the reviewer's desk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from perfdesk.io.review_read import ReadProblem, open_workbook
from perfdesk.io.xlsx_read import norm

NAME_HEADERS = ("单位名称", "预算单位名称", "单位全称", "名称")
CODE_HEADERS = ("统一社会信用代码", "单位编码", "单位代码", "预算单位编码", "预算单位代码", "编码")
SUPERVISOR_HEADERS = ("主管部门", "上级主管部门")


@dataclass(frozen=True)
class ListedUnit:
    name: str
    code: str = ""
    supervisor: str = ""
    row: int = 0  # row in the list (for messages)


def read_units_list(path: Path) -> list[ListedUnit]:
    """Every unit of the first sheet with a 单位名称 column. ReadProblem (Chinese) when the
    file cannot be read or has no such column."""
    wb = open_workbook(Path(path), Path(path).name)
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        for r, row in enumerate(rows[:15]):
            heads = [norm(v) for v in row]
            name_col = next((i for i, h in enumerate(heads) if h in NAME_HEADERS), None)
            if name_col is None:
                continue
            code_col = next((i for h0 in CODE_HEADERS for i, h in enumerate(heads) if h == h0), None)
            sup_col = next((i for i, h in enumerate(heads) if h in SUPERVISOR_HEADERS), None)
            out = []
            for k, values in enumerate(rows[r + 1:], start=r + 2):
                name = _cell(values, name_col)
                if not name or name.startswith(("合计", "说明", "注")):
                    continue
                out.append(ListedUnit(name, _cell(values, code_col).replace(" ", ""),
                                      _cell(values, sup_col), k))
            return out
    raise ReadProblem(f"“{Path(path).name}”中找不到“单位名称”列。名单的第一行（表头）应有"
                      "“单位名称”和“单位编码”（或“统一社会信用代码”）。")


def _cell(values: tuple[object, ...], col: int | None) -> str:
    if col is None or col >= len(values) or values[col] is None:
        return ""
    value = values[col]
    if isinstance(value, float) and value == int(value):
        value = int(value)  # a code typed as a number
    return str(value).strip()
