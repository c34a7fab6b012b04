"""Derived totals are strict: a blank part is unknown, so the total it belongs to is blank."""

from __future__ import annotations

import copy
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from perfdesk.model import figures
from perfdesk.model.figures import COLUMNS, Figures, add, add_known, blank_parts, strict_sum
from perfdesk.model.report import Amounts, Report

D = Decimal

money = st.none() | st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False,
                                allow_infinity=False)
amounts = st.builds(Amounts, money, money, money, money)


@given(st.lists(money, max_size=12))
def test_strict_sum_is_known_iff_every_part_is(values):
    """The rule: Σ is None iff there are no parts or any part is None; else the exact sum."""
    result = strict_sum(values)
    if not values or any(v is None for v in values):
        assert result is None
    else:
        assert result == sum(values, D(0)) and isinstance(result, Decimal)


@given(st.lists(amounts, max_size=8))
def test_add_applies_the_strict_rule_per_column(parts):
    total = add(parts)
    for c in COLUMNS:
        values = [getattr(p, c) for p in parts]
        expected = None if not values or None in values else sum(values, D(0))
        assert getattr(total, c) == expected
        # the lenient sum, for checks only, agrees whenever the strict one is known
        if expected is not None:
            assert getattr(add_known(parts), c) == expected
        missing = blank_parts(parts, c)
        if missing is not None:
            assert getattr(total, c) is None and all(values[i] is None for i in missing)


def test_a_column_blank_everywhere_stays_blank_and_no_parts_is_blank():
    assert add([Amounts(), Amounts()]) == Amounts()
    assert add([]) == Amounts()
    assert blank_parts([Amounts(), Amounts()], "annual") is None


def test_blank_project_budget_leaves_the_projects_and_overall_totals_blank(demo: Report):
    r = copy.deepcopy(demo)
    r.projects[1].amounts.annual = None
    assert Figures.of(r).projects.annual is None  # was 220.00 (180 + 0 + 40)
    assert Figures.of(r).overall.annual is None  # was 2116.58
    assert figures.execution_rate(Figures.of(r).overall) is None
    assert Figures.of(r).projects.actual == D("284.86")  # other columns still add up
    # a declared total still prints
    r.declared.projects.annual = D("295.00")
    assert Figures.of(r).overall.annual == D("2191.58")


def test_blank_three_public_item_is_not_summed_as_zero(demo: Report):
    r = copy.deepcopy(demo)
    r.three_public.vehicle_operation = Amounts(prior=D("21.40"))
    vehicle, three = Figures.of(r).vehicle, Figures.of(r).three_public
    assert (vehicle.prior, vehicle.initial, vehicle.actual) == (D("40.00"), None, None)
    assert (three.prior, three.initial, three.actual) == (D("43.12"), None, None)
    r = copy.deepcopy(demo)
    r.three_public.reception.actual = None
    assert Figures.of(r).three_public.actual is None  # was 17.85
    assert figures.control_rate(Figures.of(r).three_public) is None  # was 77.61%


def test_overall_counts_no_projects_as_zero_only_when_there_are_none():
    r = Report()
    r.basic.personnel = Amounts(annual=D(100), actual=D(90))
    r.basic.public = Amounts(annual=D(20), actual=D(20))
    assert Figures.of(r).overall.annual == D(120)
    assert Figures.of(r).overall_sum.actual == D(110)
