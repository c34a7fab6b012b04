"""Every amount and rate the documents print is a figure of ``Figures`` or a typed input.

Figures are derived once (``Figures.of``); the prose and the Excel forms only print them.
The property below renders randomly varied reports and finds every ``…万元`` and ``…%`` in
the Word text and every number in the Excel cells, and each must be one of: a stored input,
a ``Figures`` value, or a rate or change the figures module defines of those.
"""

from __future__ import annotations

import copy
import re
import zipfile
from dataclasses import fields, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdesk.checks import check
from perfdesk.io import load_report
from perfdesk.model.figures import (
    AdjustmentTotals,
    Figures,
    ScoreSummary,
    control_rate,
    execution_rate,
    year_on_year,
)
from perfdesk.model.money import q2, ratio
from perfdesk.model.numbers import fmt_money, fmt_percent, percent_value
from perfdesk.model.report import Adjustment, Amounts, Report
from perfdesk.model.vocabulary import AdjustmentKind, Scope
from perfdesk.render import prose
from perfdesk.render.excel import build_workbook
from perfdesk.render.word import render_word
from perfdesk.resources import demo_report_path

D = Decimal
DEMO = load_report(demo_report_path())


def test_a_change_below_a_cent_is_never_called_level_next_to_an_itemised_increase():
    """年初 100.005, 全年 100.010, one 追加 0.005: R-B05 finds nothing wrong, so the text must
    not say 持平 beside “追加 0.01万元” (both come from the same exact figures now)."""
    r = Report(year=2024, unit_name="某局")
    r.basic.personnel = Amounts(initial=D("100.005"), annual=D("100.010"), actual=D("100"))
    r.basic.public = Amounts(initial=D(0), annual=D(0), actual=D(0))
    r.adjustments = [Adjustment("调资", D("0.005"), AdjustmentKind.ADD, Scope.BASIC)]
    fig = Figures.of(r)
    adj = fig.adjustments(Scope.BASIC)
    assert adj is not None and fig.basic.annual - fig.basic.initial == adj.net  # type: ignore[operator]
    assert not [f for f in check(r) if f.rule == "R-B05"]
    text = "".join(prose.basic_spending(r, fig))
    assert "持平" not in text
    assert "全年预算数较年初预算数增加0.01万元，其中：年中追加调资0.01万元" in text
    # and where the items do not add up, the two are stated side by side, never as 其中
    r.adjustments[0].amount = D("0.004")
    text = "".join(prose.basic_spending(r, Figures.of(r)))
    assert [f.rule for f in check(r) if f.rule == "R-B05"] == ["R-B05"]
    assert "其中：年中" not in text and "年中预算调整情况：追加调资0.00万元" in text


# --- the property ------------------------------------------------------------------------
def _decimals(value: Any) -> list[Decimal]:
    if isinstance(value, Decimal):
        return [value]
    if isinstance(value, list | tuple):
        return [d for v in value for d in _decimals(v)]
    if isinstance(value, dict):
        return [d for v in value.values() for d in _decimals(v)]
    if is_dataclass(value) and not isinstance(value, type):
        return [d for f in fields(value) for d in _decimals(getattr(value, f.name))]
    return []


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    if is_dataclass(value) and not isinstance(value, type):
        return [t for f in fields(value) for t in _texts(getattr(value, f.name))]
    return []


def _lines(report: Report, fig: Figures) -> list[Amounts]:
    """Every budget line: the typed ones and the derived ones."""
    typed = [v for v in _walk(report) if isinstance(v, Amounts)]
    derived = [getattr(fig, f.name) for f in fields(fig) if isinstance(getattr(fig, f.name), Amounts)]
    return typed + derived


def _walk(value: Any) -> list[Any]:
    out = [value]
    if isinstance(value, list | tuple):
        for v in value:
            out += _walk(v)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            out += _walk(getattr(value, f.name))
    return out


def allowed(report: Report) -> tuple[set[str], set[str], set[Decimal]]:
    """(amounts as printed, percentages as printed, numbers a cell may hold)."""
    fig = Figures.of(report)
    money: set[Decimal] = set(_decimals(report))
    rates: set[Decimal] = set()
    for line in _lines(report, fig):
        money.update(v for v in (line.prior, line.initial, line.annual, line.actual) if v is not None)
        rates.update(r for r in (execution_rate(line), control_rate(line)) if r is not None)
        for current, prior in ((line.actual, line.prior),):
            change = year_on_year(current, prior)
            if change is not None:
                money.add(abs(change[0]))
                rates.add(change[1])
        if line.annual is not None and line.initial is not None:
            money.add(abs(line.annual - line.initial))
    for adj in (fig.adjustments_basic, fig.adjustments_projects):
        if isinstance(adj, AdjustmentTotals):
            money.update((adj.added, adj.cut, abs(adj.net)))
    if fig.income is not None:
        money.add(fig.income)
    for part in (fig.basic.actual, fig.projects.actual):
        share = ratio(part, fig.overall.actual)
        if share is not None:
            rates.add(share)
    scores: list[ScoreSummary] = [fig.score, *fig.project_scores]
    rates.update(s.exec_rate for s in scores if s.exec_rate is not None)
    if fig.staffing_rate is not None:
        rates.add(fig.staffing_rate)
    money.update(Decimal(n) for n in (report.staffing.authorized, report.staffing.actual)
                 if n is not None)
    numbers: set[Decimal] = {q2(m) for m in money} | set(money)
    numbers |= {Decimal(y) for y in (report.year,) if y is not None}
    numbers |= {r for r in (percent_value(r) for r in rates) if r is not None}
    for s in scores:
        numbers.update(v for v in (s.exec_weight, s.exec_score, s.indicator_weight,
                                   s.indicator_score, s.total_weight, s.total) if v is not None)
    return ({fmt_money(m) for m in money}, {fmt_percent(r) for r in rates}, numbers)


_WAN = re.compile(r"(\d+\.\d{2})万元")
_PCT = re.compile(r"(\d+\.\d{2})%")


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


@st.composite
def varied_reports(draw: Any) -> Report:
    """The demo with blanks and other figures in random lines, adjustments and scores."""
    r = copy.deepcopy(DEMO)
    lines = [v for v in _walk(r) if isinstance(v, Amounts)]
    money = st.one_of(st.none(), st.decimals(min_value=0, max_value=9999, places=2,
                                             allow_nan=False, allow_infinity=False))
    for line in draw(st.lists(st.sampled_from(lines), max_size=12)):
        col = draw(st.sampled_from(["prior", "initial", "annual", "actual"]))
        setattr(line, col, draw(money))
    for a in r.adjustments:
        if draw(st.booleans()):
            a.amount = draw(money)
            a.kind = draw(st.sampled_from(list(AdjustmentKind)))
    for ind in r.indicators[: draw(st.integers(0, 4))]:
        ind.score = draw(st.one_of(st.none(), st.decimals(0, 10, places=2)))
    r.staffing.actual = draw(st.one_of(st.none(), st.integers(0, 200)))
    return r


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(varied_reports())
def test_every_printed_figure_is_an_input_or_a_figure(tmp_path: Path, report: Report):
    amounts, percents, numbers = allowed(report)
    inputs = "\n".join(_texts(report))  # figures typed inside texts (targets, narrative)
    text = _docx_text(render_word(report, tmp_path / "r.docx"))
    strange = [m for m in _WAN.findall(text) if m not in amounts and m not in inputs]
    assert strange == [], strange
    strange = [f"{m}%" for m in _PCT.findall(text) if f"{m}%" not in percents and m not in inputs]
    assert strange == [], strange
    wb = build_workbook(report)
    cells = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, Decimal | int) and not isinstance(c.value, bool)]
    odd = [(s, c, v) for s, c, v in cells if Decimal(v) not in numbers and str(v) not in inputs]
    assert odd == [], odd[:5]
