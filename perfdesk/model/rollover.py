"""Start next year's report from last year's (DOMAIN.md §7, 以上年报告新建)."""

from __future__ import annotations

import copy
import re

from perfdesk.model.report import Amounts, Indicator, Report


def _roll(a: Amounts) -> Amounts:
    """This year's 决算 becomes next year's 上年决算; everything else is new."""
    return Amounts(prior=a.actual)


# A staffing note that counts people ("另有退休人员41人、劳务派遣人员9人") describes last
# year's headcount; one without a count ("编制由县委编办核定") still holds.
_COUNTS_PEOPLE = re.compile(r"[0-9０-９]+\s*(?:人|名)")


def _clear_indicator(ind: Indicator) -> Indicator:
    # Targets, weights and the direction the user set usually carry over; what happened does not.
    return Indicator(
        level1=ind.level1, level2=ind.level2, name=ind.name, target=ind.target, weight=ind.weight,
        direction=ind.direction,
    )


def next_year(last: Report) -> Report:
    """Keep duties, structure, projects and indicator rows; clear figures of the new year.

    Year + 1; 本年决算 → 上年决算; actuals, scores, narrative, problems and dates cleared.
    Of the staffing, 编制数 carries over; 实际在职人数 (and a note counting people) is this
    year's and is cleared.
    """
    r = copy.deepcopy(last)
    r.year = last.year + 1 if last.year is not None else None
    r.signature_date = None
    r.staffing.actual = None
    if _COUNTS_PEOPLE.search(r.staffing.note):
        r.staffing.note = ""

    b = r.basic
    for name in ("personnel", "public", "office", "utilities_travel", "meetings_training"):
        setattr(b, name, _roll(getattr(b, name)))
    t = r.three_public
    for name in ("vehicle_purchase", "vehicle_operation", "overseas", "reception"):
        setattr(t, name, _roll(getattr(t, name)))
    t.note = ""
    r.procurement = _roll(r.procurement)
    d = r.declared
    for name in ("basic", "projects", "overall", "three_public", "vehicle"):
        setattr(d, name, Amounts())

    r.income = type(r.income)()
    r.other_budgets = type(r.other_budgets)()
    r.adjustments = []
    r.buildings = []
    for p in r.projects:
        p.amounts = _roll(p.amounts)
        p.funding = type(p.funding)()
        p.achievements = []
        p.indicators = [_clear_indicator(i) for i in p.indicators]

    r.achievements = []
    r.indicators = [_clear_indicator(i) for i in r.indicators]
    r.execution_notes = []
    r.goal_notes = []
    r.sections = [type(s)(title=s.title) for s in r.sections]
    r.problems = []
    r.extra_measures = []
    r.other_notes = ""
    r.stated_none = []  # "无 问题" is said of a year, not carried into the next
    r.sources = {}  # this year's figures come from this year's tables
    return r
