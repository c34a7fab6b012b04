"""The preview of a fill as text and JSON (the command line prints it; the GUI shows the
same columns): field, current value, new value, source, note."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from perfdesk.io.tables.importer import Candidate, Plan
from perfdesk.model import paths
from perfdesk.model.report import FigureSource, Report


def shown(value: Any) -> str:
    if value is None:
        return "空"
    return str(value)


def source_text(s: FigureSource) -> str:
    """'a.xlsx › 公开06表!C10（人员经费合计 × 决算数；元；一般公共预算财政拨款）'."""
    labels = " × ".join(x for x in (s.row_label, s.column_label) if x)
    extra = "；".join(x for x in (labels, s.unit, s.scope.label) if x)
    cell = f"!{s.cell}" if s.cell else ""
    return f"{s.file} › {s.sheet}{cell}（{extra}）"


def tooltip(s: FigureSource, current: Any) -> str:
    """What a field's tooltip adds for an imported figure."""
    edited = "" if s.value is None or current is None or Decimal(current) == s.value \
        else f"；导入时为 {s.value}，之后已修改"
    return f"取自 {source_text(s)}，原值 {s.raw or '空'}{edited}"


def rows(plan: Plan, report: Report) -> list[tuple[Candidate, Any]]:
    return [(c, paths.get(report, c.path)) for c in plan.candidates]


def as_text(plan: Plan, report: Report) -> str:
    lines = []
    for t in plan.tables:
        what = t.profile or "已识别，无需取数"
        year = f"{t.year} 年" if t.year else "未写年度"
        lines.append(f"识别：{t.file} › {t.sheet}：{what}（{year}{'，' + t.unit if t.unit else ''}）")
    if plan.candidates:
        lines.append("")
        lines.append("取数预览（[x] 将填入；[ ] 不填入）：")
    for c, current in rows(plan, report):
        mark = "[x]" if c.tick else ("[!]" if c.conflict else "[ ]")
        same = "（相同）" if current == c.value else ""
        lines.append(f"{mark} {c.label}：{shown(current)} → {shown(c.value)}{same}")
        lines.append(f"      来源 {source_text(c.source)}；原值 {c.source.raw or '空'}")
        if c.note:
            lines.append(f"      {c.note}")
    if plan.missing:
        lines.append("")
        lines.append("报表中没有、需要手工填写的：")
        lines += [f"  - {m}" for m in plan.missing]
    if plan.problems:
        lines.append("")
        lines.append("问题：")
        lines += [f"  - {p}" for p in plan.problems]
    if plan.notices:
        lines.append("")
        lines.append("提示：")
        lines += [f"  - {n}" for n in plan.notices]
    return "\n".join(lines)


def _json_value(v: Any) -> Any:
    return str(v) if isinstance(v, Decimal) else v


def as_json(plan: Plan, report: Report) -> dict[str, Any]:
    return {
        "year": plan.year,
        "tables": [vars(t) for t in plan.tables],
        "figures": [{
            "path": c.path, "label": c.label, "current": _json_value(current),
            "new": _json_value(c.value), "tick": c.tick, "conflict": c.conflict, "note": c.note,
            "source": {"file": c.source.file, "sheet": c.source.sheet, "cell": c.source.cell,
                       "row_label": c.source.row_label, "column_label": c.source.column_label,
                       "raw": c.source.raw, "unit": c.source.unit, "scope": str(c.source.scope)},
        } for c, current in rows(plan, report)],
        "missing": [{"label": m.label, "page": m.page, "why": m.why} for m in plan.missing],
        "problems": plan.problems,
        "notices": plan.notices,
    }
