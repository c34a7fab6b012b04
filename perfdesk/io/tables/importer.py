"""Figures from the unit's 部门决算/预算 tables: what each file holds, for a preview.

:func:`read_tables` reads every given file through the guarded workbook reader, recognises
each sheet by its title (or, without a title row, by its labels) against the profiles,
finds each figure by its row label and column header, converts 元 to 万元 (exact value
kept), and returns a :class:`Plan`: one :class:`Candidate` per figure found (field, current
and new value, source, note, ticked or not), what was not found and where to type it, and
the problems (a file that is no workbook, a sheet the profiles do not know, a cell that is
not an amount). Nothing is changed until :func:`apply` is given the chosen candidates.

Which column a figure fills follows the table's year against the report's: a 决算 table of
the report year gives 决算数 (its 预算数 the 年初预算数), last year's gives 上年决算数, a 预算
table of the report year gives 年初预算数. Funding scope: 公开06/07表 cover 一般公共预算财政拨款
only; 人员经费/公用经费 are taken from them (ticked) only where 公开03表's 基本支出 equals
人员 + 公用, i.e. the unit's basic spending is all appropriation; otherwise they are shown
unticked with both figures, for the user to choose.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from perfdesk.io.tables.fields import COLUMN_LABELS, FIELDS, Kind, label_of, path_of
from perfdesk.io.tables.match import Grid, Hit, locate
from perfdesk.io.tables.profiles import Figure, TableProfile, load_profiles, title_norm
from perfdesk.io.workbook import Limits, Sheet, WorkbookError, cell_name, read_workbook
from perfdesk.model.money import q2
from perfdesk.model.report import FigureSource, Report
from perfdesk.model.vocabulary import FundingScope

Value = Decimal | int | None

_UNIT = re.compile(r"单位\s*[:：]?\s*(万元|元)(?![\w])")
_YEAR = re.compile(r"(20\d{2})\s*年")
_NA = re.compile(r"不需填列|无此项|不适用")
_DASH = re.compile(r"^[-—－/／]+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
TEN_THOUSAND = Decimal(10000)
IMPLAUSIBLE_WANYUAN = Decimal(1_000_000)  # 万元 (100 亿元): beyond any unit's table


@dataclass
class Candidate:
    """One figure found in a table, as the preview shows it."""

    key: str
    column: str | None
    path: str
    label: str  # Chinese field label with its column
    value: Value  # None: the table leaves it blank or says "单位不需填列"
    source: FigureSource
    note: str = ""
    tick: bool = True
    conflict: bool = False


@dataclass(frozen=True)
class Missing:
    label: str
    page: str
    why: str

    def __str__(self) -> str:
        return f"{self.label}：{self.why}，请在“{self.page}”页填写"


@dataclass
class TableInfo:
    file: str
    sheet: str
    profile: str  # the profile's Chinese name, or "" when ignored
    kind: str
    year: int | None
    unit: str


@dataclass
class Plan:
    candidates: list[Candidate] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Chinese, naming file and sheet
    notices: list[str] = field(default_factory=list)  # e.g. a source file changed since
    tables: list[TableInfo] = field(default_factory=list)
    year: int | None = None  # the report year the columns were chosen for

    @property
    def chosen(self) -> list[Candidate]:
        return [c for c in self.candidates if c.tick]


class TableProblem(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


# ---------------------------------------------------------------------------------------
# Recognising a sheet


def _head_texts(sheet: Sheet, rows: int = 4) -> list[str]:
    out = []
    for row in sheet.rows[:rows]:
        out += [v for v in row if isinstance(v, str) and v.strip()]
    return out


def recognise(sheet: Sheet, grid: Grid, profiles: Sequence[TableProfile]) -> TableProfile | None:
    """The profile whose title alias ends the sheet's title (longest alias wins), else the
    one whose signature labels all appear; None when neither (never a guess)."""
    titles = [title_norm(t) for t in _head_texts(sheet)] + [title_norm(sheet.name)]
    best: tuple[int, TableProfile] | None = None
    for p in profiles:
        for alias in p.titles:
            if any(t.endswith(alias) for t in titles) and (best is None or len(alias) > best[0]):
                best = (len(alias), p)
    if best is not None:
        return best[1]
    texts = grid.all_text()
    signed = [p for p in profiles if p.signature and all(s in texts for s in p.signature)]
    return max(signed, key=lambda p: len(p.signature)) if signed else None


def _unit(sheet: Sheet) -> str:
    for row in sheet.rows[:8]:
        for v in row:
            if isinstance(v, str) and (m := _UNIT.search(re.sub(r"\s+", "", v))):
                return m.group(1)
    for row in sheet.rows:
        for v in row:
            if isinstance(v, str) and "单位" in v and (m := _UNIT.search(re.sub(r"\s+", "", v))):
                return m.group(1)
    return ""


def _year(sheet: Sheet) -> int | None:
    for t in [*_head_texts(sheet, 3), sheet.name]:
        if m := _YEAR.search(t):
            return int(m.group(1))
    return None


# ---------------------------------------------------------------------------------------
# Reading a value


@dataclass(frozen=True)
class _Read:
    raw: str  # as written
    amount: Decimal | None  # in the table's unit, exact; None = blank / not applicable
    blank_note: str = ""


def _read(v: object, where: str) -> _Read:
    if v is None or (isinstance(v, str) and not v.strip()):
        return _Read("", None, "表中该格为空")
    if isinstance(v, bool):
        raise TableProblem(f"{where}是“{v}”，不是金额")
    if isinstance(v, int):
        return _Read(str(v), Decimal(v))
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise TableProblem(f"{where}不是有效数字")
        raw = str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
        return _Read(raw, Decimal(raw))
    text = str(v).strip()
    if _NA.search(text):
        return _Read(text, None, f"表中注明“{text}”")
    if _DASH.match(text):
        return _Read(text, None, f"表中为“{text}”")
    plain = text.replace(",", "").replace("，", "").replace(" ", "")
    if _NUMBER.match(plain):
        return _Read(text, Decimal(plain))
    raise TableProblem(f"{where}是“{text[:30]}”，不是金额（应为数字）")


def _to_wanyuan(amount: Decimal, unit: str) -> Decimal:
    return q2(amount / TEN_THOUSAND) if unit == "元" else q2(amount)


# ---------------------------------------------------------------------------------------
# Columns by year


def _column(profile: TableProfile, figure: Figure, table_year: int, year: int) -> str | None:
    if profile.kind == "final":
        if figure.role == "actual":
            return {year: "actual", year - 1: "prior"}.get(table_year)
        return "initial" if table_year == year else None
    return "initial" if table_year == year else None


# ---------------------------------------------------------------------------------------


@dataclass
class _Sheet:
    file: Path
    digest: str
    sheet: Sheet
    grid: Grid
    profile: TableProfile
    year: int | None
    unit: str


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _changed_since(report: Report, path: Path, digest: str) -> str:
    """The program's notice (not a check): a file figures were taken from before now differs."""
    earlier = {s.digest for s in report.sources.values() if s.file == path.name and s.digest}
    if earlier and digest not in earlier:
        return (f"“{path.name}”与上次取数时的内容不同（文件已修改，或是另一份同名文件）；"
                "预览中的数按本次读取，请与报告中已有的数核对")
    return ""


def _collect(files: Iterable[Path], profiles: Sequence[TableProfile], plan: Plan,
             limits: Limits, report: Report) -> list[_Sheet]:
    found: list[_Sheet] = []
    for path in files:
        try:
            wb = read_workbook(path, limits)
        except WorkbookError as exc:
            plan.problems.append(exc.message)
            continue
        digest = _digest(path)
        if notice := _changed_since(report, path, digest):
            plan.notices.append(notice)
        known = 0
        for sheet in wb.sheets:
            if sheet.height == 0:
                continue
            grid = Grid(sheet)
            profile = recognise(sheet, grid, profiles)
            where = f"“{path.name}”的工作表“{sheet.name}”"
            if profile is None:
                if grid.texts:
                    plan.problems.append(f"{where}不是 PerfDesk 认识的决算/预算公开表（按表题和栏目识别），"
                                         "未从中取数。如是新的表样，可按 docs/tables.md 增加一个表样文件")
                continue
            known += 1
            unit = _unit(sheet) if profile.money else ""
            info = TableInfo(path.name, sheet.name, "" if profile.ignore else profile.name,
                             profile.kind, _year(sheet), unit)
            plan.tables.append(info)
            if profile.ignore:
                continue
            if profile.money and not unit:
                plan.problems.append(f"{where}（{profile.name}）没有注明金额单位（元或万元），"
                                     "无法换算，未从中取数。请在表头注明“金额单位：元”或“金额单位：万元”")
                continue
            if sheet.uncached_formulas:
                cells = "、".join(sheet.uncached_formulas[:5])
                plan.problems.append(f"{where}的 {cells} 等单元格是公式但没有保存计算结果，读出为空。"
                                     "请在 Excel/WPS 中打开该文件、保存一次后再取数")
            found.append(_Sheet(path, digest, sheet, grid, profile, info.year, unit))
        if not known and not any(path.name in p for p in plan.problems):
            plan.problems.append(f"“{path.name}”中没有找到决算/预算公开表（如 收入支出决算总表、"
                                 "“三公”经费支出决算表），未取数")
    return found


def _report_year(report: Report, sheets: list[_Sheet]) -> int | None:
    if report.year is not None:
        return report.year
    years = [s.year for s in sheets if s.year is not None and s.profile.kind == "final"]
    years = years or [s.year for s in sheets if s.year is not None]
    return max(years) if years else None


def _locate_figure(s: _Sheet, figure: Figure) -> tuple[list[tuple[Hit, _Read]], str]:
    """The cells of the figure (one, or one per part of a sum) and why not when missing."""
    where = f"“{s.file.name}”的工作表“{s.sheet.name}”"
    targets = [(figure.item, 1, False)] if figure.item else [(p.item, p.sign, p.optional)
                                                              for p in figure.parts]
    out: list[tuple[Hit, _Read]] = []
    for item, sign, optional in targets:
        hits: list[Hit] = []
        texts: list[Hit] = []
        ambiguous = ""
        for alias in item:  # aliases in the profile's order: the first found once wins
            hits, twice = locate(s.grid, (alias,), figure.measure, figure.parent, texts)
            if hits:
                break
            ambiguous = ambiguous or (f"{where}中“{alias}”出现在多处（{twice}），无法确定取哪一格"
                                      if twice else "")
        if not hits and ambiguous:
            return [], ambiguous
        if not hits and len({(t.row, t.col) for t in texts}) == 1:  # words where the amount goes
            t = texts[0]
            raise TableProblem(f"{where}{cell_name(t.row, t.col)}（{t.row_label} × {t.column_label}）是"
                               f"“{str(s.grid.value(t.row, t.col))[:30]}”，不是金额（应为数字）")
        if not hits:
            if optional:
                continue
            return [], ""
        hit = hits[0]
        cell = f"{where}{cell_name(hit.row, hit.col)}"
        read = _read(s.grid.value(hit.row, hit.col), cell)
        if sign < 0 and read.amount is not None:
            read = replace(read, amount=-read.amount)
        out.append((hit, read))
    return out, ""


def _candidate(s: _Sheet, figure: Figure, column: str | None, cells: list[tuple[Hit, _Read]],
               ) -> Candidate:
    f = FIELDS[figure.field]
    amounts = [r.amount for _, r in cells]
    notes = [r.blank_note for _, r in cells if r.blank_note]
    value: Value
    exact: Decimal | None
    if all(a is None for a in amounts):
        exact, value = None, None
    else:
        exact = sum((a for a in amounts if a is not None), Decimal(0))
        if f.kind == Kind.MONEY:
            value = _to_wanyuan(exact, s.unit)
        else:
            if exact != exact.to_integral_value() or exact < 0:
                raise TableProblem(f"“{s.file.name}”的工作表“{s.sheet.name}”"
                                   f"{cell_name(cells[0][0].row, cells[0][0].col)}"
                                   f"是“{cells[0][1].raw}”，不是人数（整数）")
            value = int(exact)
    first = cells[0][0]
    ref = "+".join(cell_name(h.row, h.col) for h, _ in cells)
    raw = "+".join(r.raw or "（空）" for _, r in cells) if len(cells) > 1 else cells[0][1].raw
    row_label = "、".join(h.row_label for h, _ in cells if h.row_label)
    source = FigureSource(file=s.file.name, sheet=s.sheet.name, cell=ref, row_label=row_label,
                          column_label=first.column_label, raw=raw, unit=s.unit,
                          scope=figure.scope or s.profile.scope,
                          value=None if value is None else Decimal(value), digest=s.digest)
    cand = Candidate(figure.field, column, path_of(figure.field, column), label_of(figure.field, column),
                     value, source)
    if value is None:
        cand.tick, cand.note = False, "；".join(dict.fromkeys(notes)) or "表中该格为空"
    elif s.unit == "元":
        cand.note = f"{exact} 元 → {value} 万元"
    elif isinstance(value, Decimal) and exact is not None and exact != value:
        cand.note = f"表中为 {exact} 万元，已四舍五入到 {value}"
    if isinstance(value, Decimal) and s.unit == "万元" and abs(value) >= IMPLAUSIBLE_WANYUAN:
        raise TableProblem(f"“{s.file.name}”的工作表“{s.sheet.name}”注明“金额单位：万元”，但"
                           f"{cell_name(first.row, first.col)}（{' × '.join(x for x in (row_label, first.column_label) if x)}）为 "
                           f"{raw}，相当于 {value / TEN_THOUSAND:.2f} 亿元，像是按元填列。"
                           "请核对金额单位后再取数")
    return cand


def _scan_sheet(s: _Sheet, year: int, plan: Plan) -> list[Candidate]:
    table_year = s.year if s.year is not None else year
    out: list[Candidate] = []
    done: set[tuple[str, str | None]] = set()
    try:
        for figure in s.profile.figures:
            column = _column(s.profile, figure, table_year, year)
            f = FIELDS[figure.field]
            if column is None or (not f.columns and column != "actual" and f.kind != Kind.YEAR):
                continue
            if (figure.field, column) in done:
                continue  # an earlier alternative of the profile found it
            cells, why = _locate_figure(s, figure)
            if why:
                plan.problems.append(why)
            if not cells:
                continue
            out.append(_candidate(s, figure, column if f.columns else None, cells))
            done.add((figure.field, column))
    except TableProblem as exc:
        plan.problems.append(f"{exc.message}。该表未取数，报告未改动")
        return []
    if s.year is None:
        for c in out:
            c.note = "；".join(x for x in (c.note, f"表题未写年度，按 {year} 年处理") if x)
    elif s.year not in (year, year - 1):
        plan.problems.append(f"“{s.file.name}”的工作表“{s.sheet.name}”是 {s.year} 年度的表，"
                             f"与报告年度 {year} 不符（只取本年和上年的表），未取数")
    return out


# ---------------------------------------------------------------------------------------
# Across tables: funding scope, duplicates and conflicts


def _exact(c: Candidate) -> Decimal | None:
    """The figure in 万元 before rounding (元 ÷ 10000), to compare tables exactly; a sum of
    several cells compares by its rounded value."""
    if not isinstance(c.value, Decimal):
        return None
    raw = c.source.raw.replace(",", "")
    if "+" in raw or not raw:
        return c.value
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        return c.value
    return amount / TEN_THOUSAND if c.source.unit == "元" else amount


def _scope_check(cands: list[Candidate]) -> None:
    """人员经费/公用经费 from an appropriation-only table (公开06表) against 基本支出 (all funds)."""
    for col in COLUMN_LABELS:
        parts = {k: [c for c in cands if c.key == k and c.column == col
                     and c.source.scope != FundingScope.ALL] for k in ("personnel", "public")}
        narrow = parts["personnel"] + parts["public"]
        if not narrow:
            continue
        basic = next((c for c in cands if c.key == "basic" and c.column == col
                      and c.source.scope == FundingScope.ALL and c.value is not None), None)
        p = next((_exact(c) for c in parts["personnel"]), None)
        g = next((_exact(c) for c in parts["public"]), None)
        scope = narrow[0].source.scope.label
        if basic is None:
            note = (f"{narrow[0].source.sheet}只含{scope}；未提供全部资金的基本支出（如公开03表），"
                    "无法核对口径，如单位另有非财政拨款基本支出，请勿采用")
            for c in narrow:
                c.note = "；".join(x for x in (c.note, note) if x)
            continue
        b = _exact(basic)
        if p is not None and g is not None and b is not None and p + g == b:
            for c in narrow:
                c.note = "；".join(x for x in (c.note, f"基本支出 {basic.value}（{basic.source.sheet}）= 人员经费 + "
                                                       f"公用经费，全部为{scope}，口径一致") if x)
            continue
        for c in narrow:
            c.tick = False
            c.note = "；".join(x for x in (
                c.note, f"口径不同：{c.source.sheet}只含{scope}，而{basic.source.sheet}的基本支出（全部资金）"
                        f"为 {basic.value} 万元，与人员经费 + 公用经费不等；填入会使 R-B01 报错。"
                        "请核对后决定是否采用，或按单位全部资金手工填写") if x)


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """One row per field and value: the same figure in several tables is one row (the others
    named in its note); different values for one field are conflicts, none ticked."""
    by_path: dict[str, dict[Value, list[Candidate]]] = {}
    for c in cands:
        by_path.setdefault(c.path, {}).setdefault(c.value, []).append(c)
    out: list[Candidate] = []
    for groups in by_path.values():
        firsts = []
        for group in groups.values():
            first = group[0]
            others = [_where(c) for c in group[1:]]
            if others:
                first.note = _join(first.note, f"与 {'、'.join(others)} 一致")
                first.tick = first.tick and all(c.tick for c in group)
            firsts.append(first)
        if len(firsts) > 1:
            for c in firsts:
                other = [f"{_where(o)} 为 {_shown(o.value)}" for o in firsts if o is not c]
                c.conflict, c.tick = True, False
                c.note = _join(c.note, "两处不一致：" + "，".join(other) + "。请勾选要采用的一个")
        out += firsts
    return out


def _where(c: Candidate) -> str:
    return f"{c.source.file} {c.source.sheet}!{c.source.cell}"


def _join(*notes: str) -> str:
    return "；".join(n for n in notes if n)


def _shown(v: Value) -> str:
    return "空" if v is None else str(v)


_TYPED = [
    ("全年预算数（调整预算）", "预算执行",
     "决算公开表只列年初预算数，全年预算数要从决算软件的内部表取得或手工填写"),
    ("楼堂馆所控制情况", "预算执行", "决算/预算公开表不含此项"),
    ("厉行节约保障措施", "预算执行", "决算/预算公开表不含此项"),
    ("各项目的金额", "项目支出", "公开表只按科目列项目支出合计，不分项目"),
]


def _missing(plan: Plan, year: int | None, sheets: list[_Sheet]) -> None:
    """What the tables do not hold (said first), then each field not found, with its page."""
    for label, page, why in _TYPED:
        plan.missing.append(Missing(label, page, why))
    have = {(c.key, c.column) for c in plan.candidates}
    prior_given = any(s.year is not None and year is not None and s.year == year - 1 for s in sheets)
    budget_given = any(s.profile.kind == "budget" for s in sheets)
    for f in FIELDS.values():
        if f.kind == Kind.YEAR or f.path.startswith("declared."):
            continue  # a total left blank is the sum of its parts: nothing to type
        columns: list[str | None] = ["prior", "initial", "actual"] if f.columns else [None]
        for col in columns:
            if (f.key, col) in have:
                continue
            if col == "prior" and not prior_given:
                why = "未提供上年的决算表（可同时选择上年的文件）"
            elif col == "initial" and not budget_given:
                why = "所给报表中没有（可同时选择本年的部门预算公开表）"
            else:
                why = "所给报表中没有找到"
            plan.missing.append(Missing(label_of(f.key, col), f.page, why))


def read_tables(files: Sequence[str | Path], report: Report, *, profiles: Sequence[TableProfile] | None = None,
                limits: Limits | None = None) -> Plan:
    """Everything the files hold for ``report``: the preview; nothing is changed."""
    plan = Plan()
    sheets = _collect([Path(f) for f in files], profiles or load_profiles(), plan, limits or Limits(), report)
    year = _report_year(report, sheets)
    plan.year = year
    if year is None:
        if sheets:
            plan.problems.append("报告未填年度，所给报表的表题中也没有年度，无法判断各数属于哪一年。"
                                 "请先在“基本情况”页填写年度")
        _missing(plan, None, sheets)
        return plan
    cands: list[Candidate] = []
    for s in sheets:
        cands += _scan_sheet(s, year, plan)
    if report.year is None and cands:
        first = sheets[0]
        cands.insert(0, Candidate("year", None, "year", "年度", year,
                                  FigureSource(file=first.file.name, sheet=first.sheet.name,
                                               row_label="表题", raw=str(year), digest=first.digest),
                                  note="报告未填年度，取报表表题中的年度"))
    _scope_check(cands)
    plan.candidates = _merge(cands)
    _missing(plan, year, sheets)
    return plan


def apply(report: Report, chosen: Iterable[Candidate]) -> tuple[dict[str, Any], dict[str, FigureSource]]:
    """The values to set (path → value) and the report's new ``sources`` for ``chosen``;
    the caller sets them (the GUI as one undo step, the command line on a copy)."""
    values: dict[str, Any] = {}
    sources = dict(report.sources)
    for c in chosen:
        if c.path in values:
            raise ValueError(f"two figures chosen for {c.path}")
        values[c.path] = c.value
        if c.key == "year":
            continue
        sources[c.path] = replace(c.source, value=None if c.value is None else Decimal(c.value))
    return values, sources
