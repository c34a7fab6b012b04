"""Reading each form (附件1, 附件2, 附件3-N) into plain intermediate records.

``excel_import`` assembles the records into a Report. Labels come from the form vocabulary
the renderer prints (``perfdesk.model.forms``), plus the spellings found on hand-made forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from perfdesk.io.xlsx_read import SheetReader, bare_label, find_date_styled, norm
from perfdesk.model.forms import (
    ANNEX1_PROJECTS_ROW,
    ANNEX1_PUBLIC_ROWS,
    ANNEX1_THREE_PUBLIC_ROWS,
    ANNEX2_INCOME_ROWS,
    ANNEX2_SPENDING_ROWS,
    ANNEX3_FUNDING_ROWS,
    INDICATOR_COLUMNS,
)
from perfdesk.model.money import MoneyError, parse_money
from perfdesk.model.report import Amounts, Building, Indicator
from perfdesk.model.vocabulary import DateStyle

_YEAR = re.compile(r"(\d{4})\s*年度")
_YEAR_HEAD = re.compile(r"^(\d{4})年")
_ANNEX3_NO = re.compile(r"附件3-(\d+)")
_LEVEL1 = re.compile(r"^(.*?)[(（](\d+(?:\.\d+)?)分[)）]$")
_GOAL_PREFIX = re.compile(r"^目标\s*\d+\s*[:：∶]\s*")
_ITEM_PREFIX = re.compile(r"^\d+\s*[、.．]\s*")
_PLACEHOLDERS = {"……", "...", "…", "......", "。。。", "——", "—"}

# 附件1 row labels (bare: no numbering, no "其中：") → key; aliases seen on real forms.
ANNEX1_LABELS: dict[str, str] = {
    bare_label(spec.label): spec.key
    for spec in (*ANNEX1_THREE_PUBLIC_ROWS, ANNEX1_PROJECTS_ROW, *ANNEX1_PUBLIC_ROWS)
} | {
    "公务用车购置及运行维护经费": "vehicle", "公务用车购置及运行维护费": "vehicle",
    "公务用车购置和运行维护经费": "vehicle", "公务用车购置及运行费": "vehicle",
    "公车运行维护费": "vehicle_operation", "公务用车运行维护费": "vehicle_operation",
    "公务用车购置": "vehicle_purchase", "公务用车购置费": "vehicle_purchase",
    "因公出国(境)经费": "overseas", "因公出国(境)费": "overseas", "出国(境)经费": "overseas",
    "公务接待费": "reception", "项目支出合计": "projects", "基本支出": "basic",
    "基本支出预算调整": "basic", "水电费、差旅费": "utilities_travel",
    "会议费、培训费支出": "meetings_training", "办公费": "office",
}
INCOME_LABELS = {bare_label(label): key for key, label, _ in ANNEX2_INCOME_ROWS} | {
    "政府性基金": "gov_fund", "其他收入": "other", "上年结转": "carryover",
    "上年结转结余资金": "carryover", "纳入专户管理的非税收入": "special_account",
}
SPENDING_LABELS = {bare_label(label): key for key, label, _ in ANNEX2_SPENDING_ROWS}
FUNDING_LABELS = {bare_label(label): key for key, label, _ in ANNEX3_FUNDING_ROWS}
INDICATOR_KEYS = tuple(c.key for c in INDICATOR_COLUMNS)
INDICATOR_HEADERS = tuple(c.label for c in INDICATOR_COLUMNS)


@dataclass
class Annex1Data:
    unit_name: str = ""
    authorized: int | None = None
    actual: int | None = None
    rows: dict[str, Amounts] = field(default_factory=dict)
    projects: list[tuple[str, Amounts]] = field(default_factory=list)
    buildings: list[Building] = field(default_factory=list)
    frugality: str = ""


@dataclass
class FormData:
    """附件2 or one 附件3: what both share."""

    name: str = ""  # 预算单位名称 (附件2) or 项目支出名称 (附件3)
    total: Amounts = field(default_factory=Amounts)
    exec_weight: Decimal | None = None
    lines: dict[str, Amounts] = field(default_factory=dict)  # 附件3 funding rows
    values: dict[str, Decimal | None] = field(default_factory=dict)  # 附件2 income/spending
    goals: list[str] = field(default_factory=list)
    achievements: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    level1_weights: dict[str, Decimal] = field(default_factory=dict)
    supervisor: str = ""
    implementer: str = ""
    number: int | None = None  # N of 附件3-N, from the sheet's name or its first rows


def sheet_year(sr: SheetReader) -> int | None:
    for r in range(1, min(sr.max_row, 6) + 1):
        for c in range(1, sr.max_col + 1):
            m = _YEAR.search(norm(sr.raw(r, c)))
            if m:
                return int(m.group(1))
    return None


def sheet_date(sr: SheetReader) -> tuple[date | None, DateStyle]:
    """填报日期 under the table and its style (Arabic or Chinese numerals)."""
    for r in range(sr.max_row, max(sr.max_row - 6, 0), -1):
        for c in range(1, sr.max_col + 1):
            v = sr.raw(r, c)
            if isinstance(v, str) and "日期" in v:
                return find_date_styled(v)
    return None, DateStyle.ARABIC


def _labelled_text(sr: SheetReader, label: str) -> str:
    pos = sr.find_label(label)
    if pos is None:
        return ""
    _c, v = sr.right_of(*pos)
    return "" if v is None else str(v).strip()


# -- 附件1 -------------------------------------------------------------------------------
def read_annex1(sr: SheetReader) -> Annex1Data:
    d = Annex1Data(unit_name=_labelled_text(sr, "预算单位名称"))
    pos = sr.find(lambda t: t.startswith("编制数"))
    if pos:
        d.authorized = sr.count(pos[0] + 1, pos[1])
    pos = sr.find(lambda t: "在职人数" in t)
    if pos:
        d.actual = sr.count(pos[0] + 1, pos[1])
    head = sr.find(lambda t: t.startswith("经费控制情况"))
    if head is None:
        sr.issue(1, 1, None, "找不到“经费控制情况(万元)”表头，附件1 的金额未导入")
        return d
    cols = _annex1_columns(sr, head[0])
    state = ""
    for r in range(head[0] + 1, sr.max_row + 1):
        label_raw = sr.raw(r, 1)
        label = bare_label(label_raw)
        if label.startswith("楼堂馆所"):
            d.buildings = _buildings(sr, r)
            state = "buildings"
            continue
        if label.startswith("厉行节约"):
            _c, v = sr.right_of(r, 1)
            d.frugality = "" if v is None else str(v).strip()
            break
        if state == "buildings":
            continue
        amounts = Amounts(**{k: sr.money(r, c) for k, c in cols.items()})
        key = ANNEX1_LABELS.get(label)
        if key is not None:
            d.rows[key] = amounts
            state = "projects" if key == "projects" else ""
        elif state == "projects" and label:
            name = _ITEM_PREFIX.sub("", str(label_raw).strip())
            d.projects.append((name, amounts))
        elif any(v is not None for v in vars(amounts).values()):
            what = "项目支出名称为空" if state == "projects" else "行名称无法识别"
            sr.issue(r, 1, label_raw, f"{what}，本行金额未导入")
    return d


def _annex1_columns(sr: SheetReader, row: int) -> dict[str, int]:
    """Columns of 上年决算 / 本年预算 / 本年决算 from the header texts.

    With years in the headings (2022年决算数, 2023年预算数, 2023年决算数) the earlier 决算
    is 上年决算 whatever the column order (a hand-made form may put 预算 first)."""
    years = {c: int(m.group(1)) for c in range(2, sr.max_col + 1)
             if (m := _YEAR_HEAD.match(norm(sr.raw(row, c))))}
    budget = [c for c in years if "预算" in norm(sr.raw(row, c))]
    final = sorted((c for c in years if "决算" in norm(sr.raw(row, c))), key=lambda c: years[c])
    if len(budget) == 1 and len(final) == 2 and years[final[0]] < years[final[1]]:
        return {"prior": final[0], "initial": budget[0], "actual": final[1]}
    cols: dict[str, int] = {}
    for c in range(2, sr.max_col + 1):
        t = norm(sr.raw(row, c))
        if not t:
            continue
        if "决算" in t and "prior" not in cols and "initial" not in cols:
            cols["prior"] = c
        elif "预算" in t and "initial" not in cols:
            cols["initial"] = c
        elif "决算" in t and "actual" not in cols:
            cols["actual"] = c
    return cols


def _buildings(sr: SheetReader, head: int) -> list[Building]:
    keys = {"批复规模": "approved_area", "实际规模": "actual_area",
            "预算投资": "budget_investment", "实际投资": "actual_investment"}
    cols = {}
    for c in range(2, sr.max_col + 1):
        t = norm(sr.raw(head, c))
        for k, attr in keys.items():
            if t.startswith(k):
                cols[attr] = c
    out: list[Building] = []
    for r in range(head + 1, sr.max_row + 1):
        if bare_label(sr.raw(r, 1)).startswith("厉行节约"):
            break
        b = Building(name=sr.text(r, 1))
        for attr, c in cols.items():
            getter = sr.decimal if attr.endswith("area") else sr.money
            setattr(b, attr, getter(r, c))
        if b.name or any(getattr(b, attr) is not None for attr in cols):
            out.append(b)
    return out


# -- 附件2 and 附件3 -------------------------------------------------------------------
def read_form(sr: SheetReader, *, project: bool) -> FormData:
    d = FormData()
    d.name = _labelled_text(sr, "项目支出名称" if project else "预算单位名称")
    if project:
        first = norm(sr.ws.title) + "".join(norm(sr.raw(r, 1)) for r in range(1, 3))
        if m := _ANNEX3_NO.search(first):
            d.number = int(m.group(1))
        d.supervisor = _labelled_text(sr, "主管部门")
        if bare_label(d.supervisor) == "实施单位":  # 主管部门 blank: the next cell was the label
            d.supervisor = ""
        d.implementer = _labelled_text(sr, "实施单位")
    head = sr.find(lambda t: t == "年初预算数")
    goals_at = sr.find(lambda t: t == "预期目标")
    ind_at = sr.find(lambda t: t == "三级指标")
    end_budget = goals_at[0] if goals_at else (ind_at[0] if ind_at else sr.max_row + 1)
    if head:
        _budget_block(sr, d, head, end_budget, project)
    if goals_at:
        _goals(sr, d, goals_at, ind_at[0] if ind_at else sr.max_row + 1)
    if ind_at:
        _indicators(sr, d, ind_at[0])
    return d


def _budget_block(sr: SheetReader, d: FormData, head: tuple[int, int], end: int,
                  project: bool) -> None:
    names = {"年初预算数": "initial", "全年预算数": "annual", "全年执行数": "actual",
             "分值": "weight"}
    cols = {names[t]: c for c in range(1, sr.max_col + 1)
            if (t := norm(sr.raw(head[0], c))) in names}
    for r in range(head[0] + 1, end):
        for c in range(1, sr.max_col + 1):
            if not sr.is_origin(r, c) or not isinstance(v := sr.raw(r, c), str):
                continue
            label = bare_label(v)
            if label == "年度资金总额" or (project and label in FUNDING_LABELS):
                amounts = Amounts(**{k: sr.money(r, cc) for k, cc in cols.items()
                                     if k != "weight"})
                if label == "年度资金总额":
                    d.total = amounts
                    if "weight" in cols:
                        d.exec_weight = sr.decimal(r, cols["weight"])
                else:
                    d.lines[FUNDING_LABELS[label]] = amounts
                break
            if not project:
                _income_cell(sr, d, r, c, v)


def _income_cell(sr: SheetReader, d: FormData, r: int, c: int, v: str) -> None:
    """'其中：一般公共预算' with its value in a cell to the right, or '其他资金：79.42'."""
    text = norm(v)
    if text.startswith("其中:"):
        text = text[3:]
    label, _sep, rest = text.partition(":")
    key = next((k for table in (INCOME_LABELS, SPENDING_LABELS)
                for known, k in table.items() if label and label.startswith(known)), None)
    if key is None:
        return
    if rest:
        d.values[key] = _from_text(sr, r, c, rest)
        return
    cc, val = sr.right_of(r, c)
    if isinstance(val, int | float) or (isinstance(val, str) and _is_amount(val)):
        d.values[key] = sr.money(r, cc)
    else:
        d.values.setdefault(key, None)


def _is_amount(text: str) -> bool:
    try:
        parse_money(text)
    except MoneyError:
        return False
    return True


def _from_text(sr: SheetReader, r: int, c: int, text: str) -> Decimal | None:
    try:
        return parse_money(text)
    except MoneyError:
        sr.issue(r, c, text, "金额无法识别，已留空")
        return None


def _split_items(text: str, prefix: re.Pattern[str]) -> list[str]:
    """Numbered lines start items; unnumbered lines continue the item before them."""
    lines = text.split("\n")
    if not any(prefix.match(ln.strip()) for ln in lines):
        return [ln.strip() for ln in lines if ln.strip()]
    items: list[str] = []
    for ln in lines:
        if prefix.match(ln.strip()) or not items:
            items.append(prefix.sub("", ln.strip(), count=1))
        else:
            items[-1] += "\n" + ln
    return items


def _goals(sr: SheetReader, d: FormData, at: tuple[int, int], end: int) -> None:
    ach = sr.find(lambda t: t.startswith("实际完成情况"), rows=range(at[0], at[0] + 1))
    left, right = [], []
    for r in range(at[0] + 1, end):
        left.append(sr.text(r, at[1]))
        if ach:
            right.append(sr.text(r, ach[1]))
    d.goals = _split_items("\n".join(t for t in left if t), _GOAL_PREFIX)
    d.achievements = _split_items("\n".join(t for t in right if t), _ITEM_PREFIX)


def _indicators(sr: SheetReader, d: FormData, head: int) -> None:
    cols: dict[str, int] = {}
    for c in range(1, sr.max_col + 1):
        t = norm(sr.raw(head, c))
        for key, label in zip(INDICATOR_KEYS, INDICATOR_HEADERS, strict=True):
            if t and key not in cols and (t == label or t.startswith(label[:4])):
                cols[key] = c
    missing = [lab for k, lab in zip(INDICATOR_KEYS, INDICATOR_HEADERS, strict=True)
               if k not in cols and k in ("name", "weight", "score")]
    if missing:
        sr.issue(head, 1, None, f"绩效指标表头缺少“{'、'.join(missing)}”列，指标未导入")
        return
    for r in range(head + 1, sr.max_row + 1):
        if any(norm(sr.value(r, c)) == "总分" for c in range(1, 3)):
            break
        ind = Indicator()
        for k, c in cols.items():
            if k not in ("weight", "score"):
                setattr(ind, k, sr.text(r, c, resolved=k in ("level1", "level2")))
        ind.weight = sr.decimal(r, cols["weight"])
        ind.score = sr.decimal(r, cols["score"])
        ind.level2 = norm(ind.level2)
        m = _LEVEL1.match(norm(ind.level1))
        if m:
            ind.level1 = m.group(1)
            d.level1_weights[m.group(1)] = Decimal(m.group(2))
        else:
            ind.level1 = norm(ind.level1)
        texts = (ind.name, ind.target, ind.actual, ind.deviation)
        if ind.weight is None and ind.score is None and all(
                t in _PLACEHOLDERS or not t for t in texts):
            continue  # blank or "……" placeholder row
        d.indicators.append(ind)
