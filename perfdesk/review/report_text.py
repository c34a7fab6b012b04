"""A review for the terminal (``perfdesk review``): lines to print, or a JSON document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from perfdesk.model.numbers import fmt_percent
from perfdesk.review.results import SOURCE_LABELS, ReviewResult, UnitResult
from perfdesk.review.rules import SEVERITY_LABELS


def _n(value: object) -> str | None:
    return None if value is None else str(value)


def unit_json(u: UnitResult, verdict: str) -> dict[str, Any]:
    f = u.figures
    return {
        "key": u.key, "name": u.name, "supervisor": u.supervisor, "year": u.year,
        "source": u.source, "codes": u.codes, "listed": u.listed.name if u.listed else None,
        "files": [{"file": e.rel, "role": e.role, "sha256": e.sha256, "error": e.error}
                  for e in u.files],
        "summary": {"budget": _n(f.budget), "actual": _n(f.actual),
                    "exec_rate": None if f.exec_rate is None else f"{f.exec_rate:.4f}",
                    "exec_score": _n(f.exec_score), "indicator_score": _n(f.indicator_score),
                    "total": _n(f.total), "stated_total": _n(f.stated_total), "grade": f.grade,
                    "errors": u.errors, "warnings": u.warnings},
        "verdict": verdict,
        "findings": [{"id": x.rule, "severity": x.severity, "message": x.message, "where": x.where,
                      "file": x.file, "paths": list(x.paths)} for x in u.findings],
        "import_issues": u.import_issues,
    }


def review_json(result: ReviewResult, verdict: Callable[[str], str]) -> dict[str, Any]:
    return {
        "folder": str(result.folder), "year": result.year, "cancelled": result.cancelled,
        "files_read": result.files_read, "seconds": round(result.seconds, 2),
        "missing": [{"name": m.name, "code": m.code} for m in result.missing],
        "unlisted": result.unlisted,
        "units": [unit_json(u, verdict(u.key)) for u in result.units],
        "unreadable": [{"file": p.rel, "reason": p.reason} for p in result.unreadable],
        "unassigned": [{"file": p.rel, "reason": p.reason} for p in result.unassigned],
        "skipped": [{"file": p.rel, "reason": p.reason} for p in result.skipped],
    }


def review_lines(result: ReviewResult, verdict: Callable[[str], str]) -> Iterator[str]:
    for m in result.missing:
        yield f"未报送：{m.name}" + (f"（{m.code}）" if m.code else "")
    for u in result.units:
        f = u.figures
        total = "—" if f.total is None else f.total
        extra = f"；结论：{verdict(u.key)}" if verdict(u.key) else ""
        yield (f"{u.name or u.key}（{SOURCE_LABELS.get(u.source, u.source)}）：执行率 "
               f"{fmt_percent(f.exec_rate, '—')}，总分 {total}，等级 {f.grade or '—'}；"
               f"{u.errors} 个错误，{u.warnings} 个警告{extra}")
        for x in u.findings:
            yield f"  {x.rule} {SEVERITY_LABELS.get(x.severity, x.severity)}：{x.message}"
    for p in result.unreadable:
        yield f"无法读取：{p.rel}：{p.reason}"
    for p in result.unassigned:
        if p.reason not in (q.reason for q in result.unreadable):
            yield f"无法判断单位：{p.rel}：{p.reason}"
    with_errors = sum(1 for u in result.units if u.errors)
    yield (f"审核完成：{len(result.units)} 个单位（{with_errors} 个有错误）"
           + (f"，{len(result.missing)} 个未报送" if result.missing else "")
           + f"，读取 {result.files_read} 个文件，用时 {result.seconds:.1f} 秒。"
           + ("（已取消，结果不完整）" if result.cancelled else ""))
