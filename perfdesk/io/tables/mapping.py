"""The mapping table of docs/tables.md, made from the profiles (a test keeps the two equal)."""

from __future__ import annotations

from perfdesk.io.tables.fields import FIELDS
from perfdesk.io.tables.profiles import load_profiles

_ROLE = {("final", "actual"): "决算数（上年表：上年决算数）", ("final", "budget"): "年初预算数",
         ("budget", "budget"): "年初预算数", ("budget", "actual"): "—"}


def markdown_table() -> str:
    lines = ["| 字段 | 表（表题，任一） | 行（任一） | 栏目 | 填入 | 资金范围 |",
             "|---|---|---|---|---|---|"]
    for p in load_profiles():
        if p.ignore:
            continue
        for f in p.figures:
            rows = "、".join(f.item) if f.item else " ± ".join(
                ("−" if part.sign < 0 else "") + "/".join(part.item) + ("（可无）" if part.optional else "")
                for part in f.parts)
            header = " › ".join("/".join(level) for level in (*f.measure, *f.parent)) or "—"
            scope = (f.scope or p.scope).label
            lines.append(f"| {FIELDS[f.field].label} | {'、'.join(p.titles[:3])} | {rows} | {header} | "
                         f"{_ROLE[(p.kind, f.role)]} | {scope} |")
    return "\n".join(lines)
