"""The check engine: the catalogue of DOMAIN.md §6 and the scoring. Pure Python, no Qt.

``check(report)`` returns every finding; ``Checker`` adds ``recheck(report, path)`` for the
GUI's as-you-type checks. ``scoring.suggest`` gives the 建议得分 of one indicator row.
"""

from __future__ import annotations

from perfdesk.checks.engine import Checker, check
from perfdesk.checks.finding import ERROR, INFO, WARNING, Finding, Severity, has_errors

__all__ = ["ERROR", "INFO", "WARNING", "Checker", "Finding", "Severity", "check", "has_errors"]
