"""Running the catalogue: a full check, and a cheap re-check after one field changes.

``Checker`` keeps the findings of every rule part (report-wide, and per unit: 附件2 and
each project) from the last run. ``recheck(report, path)`` re-runs only the parts whose
declared reads overlap the changed path, and reuses the rest; the result is always equal
to ``check(report)`` (the test suite holds it to that).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from perfdesk.checks.catalogue import RULES
from perfdesk.checks.finding import ERROR, Finding
from perfdesk.checks.rules import (
    Hit,
    Rule,
    TraitsOf,
    Unit,
    default_traits,
    overlaps,
    units_of,
)
from perfdesk.model import paths
from perfdesk.model.figures import Figures
from perfdesk.model.report import Report
from perfdesk.model.schema import generic, is_field

log = logging.getLogger(__name__)

_PROJECT_KEY = "projects"
# Not a rule of its own: what a rule that raised reports instead of its findings, so that
# a report whose checking did not finish can only be rendered as a draft.
FAILED_RULE = "R-U02"


def _findings(rule: Rule, hits: Callable[[], Iterable[Hit]], where: str, paths: tuple[str, ...]) -> list[Finding]:
    try:
        found = [Finding(rule.id, rule.severity, h.message, tuple(h.paths)) for h in hits()]
        for f in found:
            wrong = [p for p in f.paths if not is_field(p)]
            if wrong:  # a finding must take the user to a field that exists
                raise LookupError(f"no field {wrong[0]!r}")
        return found
    except Exception as exc:
        log.exception("rule %s failed on %s", rule.id, where or "the report")
        return [Finding(
            FAILED_RULE, ERROR,
            f"审核未完成：规则 {rule.id}（{rule.description}）在检查{where or '报告'}时出错"
            f"（{type(exc).__name__}），这一项未能审核，报告只能生成草稿。"
            "请检查相关内容是否异常；若问题依旧，请把日志文件发给技术支持。",
            paths,
        )]


def _run_report(rule: Rule, report: Report, figures: Figures) -> list[Finding]:
    check = rule.report_check
    assert check is not None
    return _findings(rule, lambda: check(report, figures), "", ())


def _run_unit(rule: Rule, report: Report, unit: Unit) -> list[Finding]:
    check = rule.unit_check
    assert check is not None
    return _findings(rule, lambda: check(report, unit), unit.label, (unit.prefix,))


def check(report: Report, traits_of: TraitsOf = default_traits) -> list[Finding]:
    """Every finding for ``report``, in catalogue order (R-S01, the score, last).

    ``traits_of`` tells what the report's template prints (``render.templates.traits_of``);
    the default assumes the standard template's traits."""
    return Checker(traits_of).check(report)


class Checker:
    """Full check plus incremental re-check for the GUI (one instance per open report)."""

    def __init__(self, traits_of: TraitsOf = default_traits) -> None:
        self._traits_of = traits_of
        self._report_cache: dict[str, list[Finding]] = {}
        self._unit_cache: dict[tuple[str, str], list[Finding]] = {}
        self._unit_keys: list[str] = []
        self._report_id: int | None = None

    # -- public --------------------------------------------------------------------------

    def check(self, report: Report, figures: Figures | None = None) -> list[Finding]:
        """Run every rule; remember the results for ``recheck``. ``figures`` are the report's
        (computed here when not given: the GUI passes the ones it already has)."""
        self._report_cache.clear()
        self._unit_cache.clear()
        figures = figures or Figures.of(report)
        units = units_of(report, figures, self._traits_of)
        for rule in RULES:
            if rule.report_check is not None:
                self._report_cache[rule.id] = _run_report(rule, report, figures)
            if rule.unit_check is not None:
                for unit in units:
                    self._unit_cache[(rule.id, unit.key)] = _run_unit(rule, report, unit)
        self._unit_keys = [u.key for u in units]
        self._report_id = id(report)
        return self._assemble()

    def recheck(self, report: Report, changed_path: str,
                figures: Figures | None = None) -> list[Finding]:
        """Findings after the field at ``changed_path`` changed (or a list under it).

        Pass the list's path ('projects', 'projects[2].indicators') after rows were added,
        removed or moved. Falls back to a full check when it cannot tell what changed.
        """
        figures = figures or Figures.of(report)
        units = units_of(report, figures, self._traits_of)
        if self._report_id != id(report) or not changed_path or len(units) != len(self._unit_keys):
            return self.check(report, figures)  # another report, or projects added/removed unannounced
        try:
            parts = paths.split(changed_path)
        except ValueError:
            return self.check(report, figures)
        changed = generic(changed_path)
        own_unit = self._unit_of(parts)
        for rule in RULES:
            if rule.report_check is not None and any(overlaps(changed, r) for r in rule.reads):
                self._report_cache[rule.id] = _run_report(rule, report, figures)
            if rule.unit_check is None:
                continue
            if own_unit == "*" or any(overlaps(changed, r) for r in rule.unit_reads):
                targets = units
            elif own_unit is not None:
                targets = [u for u in units if u.key == own_unit]
            else:
                continue
            for unit in targets:
                self._unit_cache[(rule.id, unit.key)] = _run_unit(rule, report, unit)
        return self._assemble()

    # -- internals -----------------------------------------------------------------------

    @staticmethod
    def _unit_of(parts: list[str | int]) -> str | None:
        """The unit a path lies in: 'indicators', 'projects[3]', '*' (all projects), None."""
        head = parts[0]
        if head == "indicators":
            return "indicators"
        if head == _PROJECT_KEY:
            if len(parts) > 1 and isinstance(parts[1], int):
                return f"projects[{parts[1]}]"
            return "*"
        return None

    def _assemble(self) -> list[Finding]:
        out: list[Finding] = []
        for rule in RULES:
            if rule.report_check is not None:
                out += self._report_cache[rule.id]
            if rule.unit_check is not None:
                for key in self._unit_keys:
                    out += self._unit_cache[(rule.id, key)]
        return out
