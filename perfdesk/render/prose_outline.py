"""Which generated paragraphs a report's template prints, in its order, with their text.

Exactly what the Word report will say: the paragraphs come from the renderer's own context
(``word_context``), and only those the chosen template prints, in its order — the
template's .docx is scanned once for the names its tags use. The 绩效情况 page shows them.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from perfdesk.model.report import Report

# Context entries that hold generated prose, and the heading shown above each in the preview.
PROSE_KEYS: dict[str, str] = {
    "organization": "机构设置",
    "scale": "人员情况",
    "basic": "基本支出情况",
    "projects": "项目支出情况",
    "three_public": "“三公”经费",
    "gov_fund": "政府性基金预算支出情况",
    "state_capital": "国有资本经营预算支出情况",
    "social_insurance": "社会保险基金预算支出情况",
    "other_budgets": "其他预算支出情况",
    "other_budgets_given": "其他预算支出情况",
    "execution": "支出预算执行情况",
    "assets": "政府采购、资产与厉行节约",
    "indicator_summary": "绩效指标完成情况",
    "score": "自评结果",
}
_TAG = re.compile(r"\{[{%](.*?)[%}]\}", re.S)
_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


@lru_cache(maxsize=16)
def _template_keys(path: Path, _stamp: float) -> tuple[str, ...]:
    """The prose entries a template prints, in the order it first uses them."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)  # a tag may be split over several runs
    seen: dict[str, None] = {}
    for tag in _TAG.findall(text):
        for name in _NAME.findall(tag):
            if name in PROSE_KEYS:
                seen.setdefault(name, None)
    return tuple(seen)


def template_keys(report: Report) -> tuple[str, ...]:
    from perfdesk.render.templates import find_template

    path = find_template(report.template or None).path
    return _template_keys(path, path.stat().st_mtime)


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if isinstance(v, str) and v.strip()]
    return []


def preview_parts(report: Report) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) as the chosen template will print them."""
    from perfdesk.render.word_context import build_context

    context = build_context(report)
    parts: list[tuple[str, list[str]]] = []
    for key in template_keys(report):
        paras = _paragraphs(context.get(key))
        if paras:
            parts.append((PROSE_KEYS[key], paras))
    return parts
