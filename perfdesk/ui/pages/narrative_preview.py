"""The generated figure paragraphs, as HTML for the 绩效情况 page's reference tab.

Uses the Word renderer's sentence builders (perfdesk.render.prose / prose_perf) when they
are there, imported on first use; otherwise a short summary built from the figures.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable
from typing import Any

from perfdesk.checks import scoring
from perfdesk.model import figures
from perfdesk.model.money import fmt_money, fmt_percent
from perfdesk.model.report import Report

# (heading, module, function) in report order
PARTS: list[tuple[str, str, str]] = [
    ("二（一）基本支出情况", "perfdesk.render.prose", "basic_spending"),
    ("二（二）项目支出情况", "perfdesk.render.prose", "project_spending"),
    ("“三公”经费", "perfdesk.render.prose", "three_public"),
    ("三、政府性基金预算支出情况", "perfdesk.render.prose", "gov_fund"),
    ("四、国有资本经营预算支出情况", "perfdesk.render.prose", "state_capital"),
    ("五、社会保险基金预算支出情况", "perfdesk.render.prose", "social_insurance"),
    ("六（一）支出预算执行情况", "perfdesk.render.prose_perf", "execution"),
    ("政府采购", "perfdesk.render.prose_perf", "procurement"),
    ("六（二）绩效指标完成情况", "perfdesk.render.prose_perf", "indicator_summary"),
    ("九、自评结果", "perfdesk.render.prose_perf", "score"),
]


def _call(module: str, name: str, report: Report) -> list[str] | None:
    try:
        fn: Callable[[Report], Any] = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    try:
        out = fn(report)
    except Exception:  # a half-filled report must not break the page
        return None
    if isinstance(out, str):
        return [out] if out else []
    return [str(p) for p in out]


def fallback(report: Report) -> list[tuple[str, list[str]]]:
    """A summary from the figures, when the renderer is not available."""
    basic, proj, total = (figures.basic_total(report), figures.projects_total(report),
                          figures.effective_overall(report))

    def cols(a: Any) -> str:
        return (f"年初预算数为{fmt_money(a.initial, '—')}万元，全年预算数为"
                f"{fmt_money(a.annual, '—')}万元，决算数为{fmt_money(a.actual, '—')}万元")

    s = scoring.summary(report)
    return [
        ("基本支出", [f"基本支出{cols(basic)}。"]),
        ("项目支出", [f"项目支出{cols(proj)}。"]),
        ("支出预算执行情况", [f"支出合计{cols(total)}，预算执行率为"
                              f"{fmt_percent(figures.execution_rate(total), '—')}。"]),
        ("自评结果", [f"自评得分{s.total if s.total is not None else '—'}分，等级为"
                      f"{s.grade or '—'}。"]),
    ]


def preview_html(report: Report) -> str:
    parts: list[tuple[str, list[str]]] = []
    for heading, module, name in PARTS:
        paras = _call(module, name, report)
        if paras is None:
            parts = fallback(report)
            break
        if paras:
            parts.append((heading, paras))
    out = ["<div style='font-size:10.5pt; line-height:150%;'>"]
    for heading, paras in parts:
        out.append(f"<p style='color:#1f3a5f; font-weight:bold; margin-top:10px; margin-bottom:2px;'>"
                   f"{html.escape(heading)}</p>")
        out.extend(f"<p style='text-indent:28px; margin-top:2px; margin-bottom:4px;'>{html.escape(p)}</p>"
                   for p in paras)
    out.append("</div>")
    return "".join(out)
