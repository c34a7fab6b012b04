"""The check catalogue (DOMAIN.md §6): every rule, in the order findings are listed.

``RULES`` is what ``perfdesk rules`` prints; ``RULES_BY_ID`` finds a rule by its id. The
rules themselves live in ``rules_general`` (R-C, R-P, R-S), ``rules_budget``,
``rules_execution`` and ``rules_amounts`` and ``rules_rounding`` (R-B), ``rules_indicators`` (R-I), and
``rules_sources`` (R-S02).
"""

from __future__ import annotations

from perfdesk.checks import (
    rules_amounts,
    rules_budget,
    rules_execution,
    rules_general,
    rules_indicators,
    rules_rounding,
    rules_sources,
)
from perfdesk.checks.rules import Rule

_GROUPS = ("R-C", "R-B", "R-P", "R-I", "R-S")


def _order(rule: Rule) -> tuple[int, int]:
    """'R-B07' -> (1, 7): groups in catalogue order, then by number."""
    if rule.id == "R-S01":  # the score line stays last, for the status bar
        return (len(_GROUPS) + 1, 0)
    prefix, number = rule.id[:3], rule.id[3:]
    return (_GROUPS.index(prefix) if prefix in _GROUPS else len(_GROUPS), int(number))


RULES: list[Rule] = sorted(
    [
        *rules_general.reg.rules.values(),
        *rules_budget.reg.rules.values(),
        *rules_execution.reg.rules.values(),
        *rules_amounts.reg.rules.values(),
        *rules_indicators.reg.rules.values(),
        *rules_rounding.reg.rules.values(),
        *rules_sources.reg.rules.values(),
    ],
    key=_order,
)
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

__all__ = ["RULES", "RULES_BY_ID", "Rule"]
