"""The published seed reports, rebuilt: the checks find what a careful reader finds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.checks import check, has_errors
from perfdesk.checks.scoring import suggest
from perfdesk.io import dumps, load_report
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_percent
from tests.checks.seeds import SEEDS, seed_path

D = Decimal


def _load(name: str):
    return load_report(seed_path(name))


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_files_match_their_builders(name):
    assert seed_path(name).read_text(encoding="utf-8") == dumps(SEEDS[name]()), (
        "run `python -m tests.checks.seeds` to rewrite tests/data/seeds/"
    )


@pytest.mark.parametrize("name", ["000", "001"])
def test_consistent_seeds_have_no_errors(name):
    findings = check(_load(name))
    assert not has_errors(findings), [f.message for f in findings if f.severity == "error"]


def test_001_reconciles_income_adjustments_and_three_public():
    ids = {f.rule for f in check(_load("001"))}
    assert not ids & {"R-B01", "R-B02", "R-B03", "R-B04", "R-B05", "R-B08"}


def test_003_basic_spending_does_not_add_up():
    (f,) = [f for f in check(_load("003")) if f.rule == "R-B01"]
    assert f.message == "基本支出决算 1909.85 万元 ≠ 人员经费 1657.00 + 公用经费 2582.85 = 4239.85 万元，请核对"
    assert f.path == "declared.basic.actual"


def test_002_adjustments_do_not_reconcile():
    (f,) = [f for f in check(_load("002_budget")) if f.rule == "R-B05"]
    assert "522.30 + 追加 26.32 − 调减 5.10 = 543.52" in f.message
    assert "541.71" in f.message and "相差 1.81" in f.message


def test_004_attendance_missed_but_full_marks():
    r = _load("004")
    row = r.projects[2].indicators[2]
    assert (row.name, row.target, row.actual) == ("出勤率", "≤95%", "100%")
    found = [f for f in check(r) if f.rule == "R-I03"]
    assert [f.path for f in found] == ["projects[2].indicators[2].score"]
    assert suggest(row, r.scoring).score == D("9.47")


def test_004_placeholder_row_carrying_points():
    r = _load("004")
    found = [f for f in check(r) if f.rule == "R-I06"]
    assert "projects[0].indicators[3].name" in [f.path for f in found]
    (placeholder,) = [f for f in found if f.path == "projects[0].indicators[3].name"]
    assert "……" in placeholder.message and "分值 5" in placeholder.message


def test_004_project_budgets_in_annex3_exceed_the_declared_total():
    (f,) = [f for f in check(_load("004")) if f.rule == "R-B02"]
    assert "855.87" in f.message and "880.42" in f.message


def test_004_computed_totals_match_the_printed_ones():
    r = _load("004")
    s = Figures.of(r).score  # 附件2
    assert (s.exec_score, s.indicator_weight, s.total, s.grade) == (D("10.00"), D(90), D("100.00"), "优")
    expected = {"业务工作经费": "100.00", "运行维护费": "95.67", "编外用工人员经费": "100.00"}
    for p in r.projects:
        ps = Figures.of(r).project_scores[r.projects.index(p)]
        assert ps.total == D(expected[p.name]), p.name
        assert ps.total_weight == D(100)
    vehicles = Figures.of(r).project_scores[r.projects.index(r.projects[1])]  # 附件3-2
    assert fmt_percent(vehicles.exec_rate) == "56.70%"
    assert vehicles.exec_score == D("5.67")


def test_004_low_execution_of_vehicle_upkeep_is_explained_among_the_problems():
    assert "R-B07" not in {f.rule for f in check(_load("004"))}
