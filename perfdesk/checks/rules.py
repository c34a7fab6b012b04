"""How a rule of the catalogue is declared: its id, severity, description, and what it reads.

A rule has up to two parts:

* a **report part** ``f(report) -> Iterable[Hit]`` for report-wide figures, with ``reads``:
  the field paths it depends on (``[]`` for any index: ``"projects[].amounts"``);
* a **unit part** ``f(report, unit) -> Iterable[Hit]`` run once per *unit*: the report's own
  indicator table (附件2) and each project (附件3). It depends on its unit and on the
  report-level paths in ``unit_reads``.

The ``reads`` let ``Checker.recheck`` re-run only what an edit can change. A rule function
yields ``Hit(message, paths)``; the engine turns hits into ``Finding``s with the rule's id
and severity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import NamedTuple

from perfdesk.checks import targets
from perfdesk.checks.finding import Severity
from perfdesk.checks.scoring import Suggestion, suggest
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money_exact
from perfdesk.model.report import (
    Amounts,
    Indicator,
    Project,
    Report,
    ScoringSettings,
    bare_label,
)
from perfdesk.model.schema import Address, generic


def money_text(value: Decimal | None) -> str:
    """万元 in a message; a blank is called 空 (numbers.fmt_money_exact)."""
    return fmt_money_exact(value, "空")


def column(amounts: Amounts, col: str) -> Decimal | None:
    """One column ('prior', 'initial', 'annual', 'actual') of a budget line."""
    value: Decimal | None = getattr(amounts, col)
    return value


class Hit(NamedTuple):
    message: str
    paths: tuple[str, ...] = ()


PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|×{2,}|…+|\.{3,}|。{3,}|[（(]\s*待[填定补]\s*[)）]"
    r"|待填写|请填写|请输入|此处填写|填写说明|示例文字|_{3,}|＿{2,}"
)


@lru_cache(maxsize=65536)
def find_placeholder(text: str) -> tuple[str, int] | None:
    """The first placeholder in ``text`` and where it starts, or None."""
    m = PLACEHOLDER.search(text)
    return None if m is None else (m.group(0), m.start())


@lru_cache(maxsize=65536)
def placeholder_only(text: str) -> bool:
    """A cell holding nothing but a placeholder ('……', '...', 'XX')."""
    s = text.strip()
    return bool(s) and PLACEHOLDER.sub("", s).strip(" 　.。…") == ""


@lru_cache(maxsize=4096)
def level_name(text: str) -> str:
    """'产出指标(50 分)' -> '产出指标': the label without its weight or spaces."""
    return bare_label(text)


@dataclass(frozen=True)
class TemplateTraits:
    """What the chosen template prints, as far as the checks need to know. Declared in the
    template's JSON (``render.templates``); the checks never read templates themselves."""

    project_tables: bool = True  # prints 附件3 for each project


TraitsOf = Callable[[str], TemplateTraits]  # template id -> its traits


def default_traits(_template: str) -> TemplateTraits:
    return TemplateTraits()


@dataclass(frozen=True)
class RowFacts:
    """What several rules need to know about one indicator row, worked out once per run."""

    placeholder: bool  # the 三级 name is only a placeholder ('……')
    level1: str  # the bare label as typed
    level2: str
    level1_id: str | None  # the 一级指标 it names, None when it names none
    target_kind: str  # targets.EMPTY / QUANTITATIVE / QUALITATIVE
    suggestion: Suggestion


@dataclass
class Unit:
    """附件2 (the report's own indicator table) or one project (附件3)."""

    key: str  # "indicators" or "projects[3]"
    prefix: str  # path of its indicator list: "indicators" or "projects[3].indicators"
    label: str  # how messages name it: "附件2" or "项目“业务工作经费”"
    indicators: list[Indicator]
    settings: ScoringSettings
    traits: TemplateTraits
    figures: Figures  # of the whole report, this run's
    project: Project | None = None
    index: int | None = None

    def path(self, rest: str) -> str:
        """'amounts.actual' -> 'projects[3].amounts.actual' (project units only)."""
        return f"{self.key}.{rest}"

    @cached_property
    def facts(self) -> list[RowFacts]:
        """Per-row facts, parallel to ``indicators`` (valid for one check run)."""
        return [
            RowFacts(
                placeholder_only(ind.name),
                level_name(ind.level1),
                level_name(ind.level2),
                self.settings.level1_of(ind.level1),
                targets.parse(ind.target).kind,
                suggest(ind, self.settings),
            )
            for ind in self.indicators
        ]


    @cached_property
    def rows(self) -> list[tuple[int, Indicator, RowFacts]]:
        """(index, row, facts) for every indicator row."""
        return list(zip(range(len(self.indicators)), self.indicators, self.facts, strict=True))


def units_of(report: Report, figures: Figures, traits_of: TraitsOf = default_traits) -> list[Unit]:
    settings, traits = report.scoring, traits_of(report.template)
    units = [Unit("indicators", "indicators", "附件2", report.indicators, settings, traits, figures)]
    for i, p in enumerate(report.projects):
        name = p.name.strip() or f"第{i + 1}个项目"
        key = f"projects[{i}]"
        units.append(Unit(key, f"{key}.indicators", f"项目“{name}”", p.indicators, settings,
                          traits, figures, p, i))
    return units


ReportCheck = Callable[[Report, Figures], Iterable[Hit]]


UnitCheck = Callable[[Report, Unit], Iterable[Hit]]


@dataclass
class Rule:
    id: str
    severity: Severity
    description: str
    report_check: ReportCheck | None = None
    reads: tuple[str, ...] = ()  # generic addresses ("projects[].amounts"), from schema.A
    unit_check: UnitCheck | None = None
    unit_reads: tuple[str, ...] = ()
    functions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "severity": self.severity.value, "description": self.description}


class Registry:
    """Collects the rules a module declares, in declaration order."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}

    def _rule(self, rule_id: str, severity: Severity | None, description: str | None) -> Rule:
        rule = self.rules.get(rule_id)
        if rule is None:
            if severity is None or description is None:
                raise ValueError(f"{rule_id}: severity and description needed on first use")
            rule = self.rules[rule_id] = Rule(rule_id, severity, description)
        return rule

    def report(
        self,
        rule_id: str,
        severity: Severity | None = None,
        description: str | None = None,
        *,
        reads: tuple[Address, ...],
    ) -> Callable[[ReportCheck], ReportCheck]:
        def deco(func: ReportCheck) -> ReportCheck:
            rule = self._rule(rule_id, severity, description)
            if rule.report_check is not None:
                raise ValueError(f"{rule_id}: report part declared twice")
            rule.report_check = func
            rule.reads = _generic(rule_id, reads)
            rule.functions.append(func.__name__)
            return func

        return deco

    def unit(
        self,
        rule_id: str,
        severity: Severity | None = None,
        description: str | None = None,
        *,
        reads: tuple[Address, ...] = (),
    ) -> Callable[[UnitCheck], UnitCheck]:
        def deco(func: UnitCheck) -> UnitCheck:
            rule = self._rule(rule_id, severity, description)
            if rule.unit_check is not None:
                raise ValueError(f"{rule_id}: unit part declared twice")
            rule.unit_check = func
            rule.unit_reads = _generic(rule_id, reads)
            rule.functions.append(func.__name__)
            return func

        return deco


def _generic(rule_id: str, reads: tuple[Address, ...]) -> tuple[str, ...]:
    """What a rule reads, as generic address text; only addresses built from ``schema.A``."""
    for a in reads:
        if not isinstance(a, Address) or a.field is None:
            raise TypeError(f"{rule_id}: reads must be schema addresses (A.…), not {a!r}")
    return tuple(generic(str(a)) for a in reads)


def overlaps(a: str, b: str) -> bool:
    """True when one generic path is a prefix of the other (field-wise)."""
    if len(a) > len(b):
        a, b = b, a
    return b.startswith(a) and (len(b) == len(a) or b[len(a)] in ".[")
