"""The check engine: the catalogue of DOMAIN.md §6 and the scoring. Pure Python, no Qt."""

from __future__ import annotations

from perfdesk.checks.finding import ERROR, INFO, WARNING, Finding, has_errors
from perfdesk.checks.scoring import summary
from perfdesk.model.money import fmt_percent
from perfdesk.model.report import Report


def check(report: Report) -> list[Finding]:
    """Every finding for ``report`` (placeholder until the catalogue lands: R-S01 only)."""
    s = summary(report)
    total = "—" if s.total is None else f"{s.total}"
    msg = f"总分 {total} 分，等级：{s.grade or '—'}；预算执行率 {fmt_percent(s.exec_rate, '—')}"
    return [Finding("R-S01", INFO, msg)]


__all__ = ["ERROR", "INFO", "WARNING", "Finding", "check", "has_errors"]
