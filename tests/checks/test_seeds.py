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


# Every finding of every seed, by rule and the fields it names (reviewed against the
# published reports): nothing more, nothing less.
EXPECTED = {
    "000": [
        ("R-B14", ("three_public.vehicle_purchase.initial",)),  # 公车购置 blank, 运行维护 3.15
        ("R-I08", ("indicators",)),
        ("R-S01", ("declared.overall.annual",)),
    ],
    "001": [
        ("R-B09", ("three_public.vehicle_purchase.actual", "three_public.vehicle_purchase.initial")),
        # the three 三公 items blank in 上年决算: one finding for the block
        ("R-B14", ("three_public.vehicle_purchase.prior", "three_public.overseas.prior",
                   "three_public.reception.prior")),
        ("R-B14", ("basic.personnel.initial",)),
        ("R-I08", ("indicators",)),
        ("R-S01", ("declared.overall.annual",)),
    ],
    "002_budget": [
        ("R-B05", ("adjustments[0].amount", "declared.basic.annual")),
        ("R-I08", ("indicators",)),
        ("R-S01", ("indicators",)),
    ],
    "003": [
        ("R-B01", ("declared.basic.actual", "basic.personnel.actual", "basic.public.actual")),
        ("R-I08", ("indicators",)),
        ("R-S01", ("declared.overall.annual",)),
    ],
    "004": [
        ("R-C01", ("supervisor",)),
        ("R-B02", ("declared.projects.annual", "projects[0].amounts.annual", "projects[1].amounts.annual",
                   "projects[2].amounts.annual")),
        ("R-I03", ("projects[2].indicators[2].score", "projects[2].indicators[2].actual")),  # 出勤率
        ("R-I04", ("indicators[17].deviation",)),  # 1066.1万元 against ≥500万元
        ("R-I04", ("projects[0].indicators[11].deviation",)),
        ("R-I04", ("projects[2].indicators[2].deviation",)),
        ("R-I06", ("projects[0].indicators[3].name", "projects[0].indicators[3].weight")),  # ……, 5 分
        ("R-I06", ("projects[0].indicators[10].weight",)),
        ("R-I09", ("indicators[13].actual",)),  # ≤15天 against 与计划时间匹配
        ("R-I09", ("projects[0].indicators[7].actual",)),
        # qualitative rows without a band: one finding per table, every row's path kept
        ("R-I10", tuple(f"indicators[{i}].band" for i in (12, 16, 19, 20, 21, 22, 23))),
        ("R-I10", tuple(f"projects[0].indicators[{i}].band" for i in (8, 9, 12, 13, 14, 15, 16))),
        ("R-I10", ("projects[1].indicators[4].band", "projects[1].indicators[8].band")),
        ("R-I10", tuple(f"projects[2].indicators[{i}].band" for i in (3, 4, 5, 6, 7))),
        ("R-S01", ()),
    ],
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_each_seed_has_exactly_its_expected_findings(name):
    from perfdesk.render.templates import traits_of

    got = [(f.rule, f.paths) for f in check(_load(name), traits_of)]
    assert got == EXPECTED[name]


def test_004_bare_targets_are_met_in_their_direction():
    """19辆/19辆, 18人/18人, 0件/0件 and 100%/100% are met; no row of 004 is undecided."""
    r = _load("004")
    rows = [*r.indicators, *(i for p in r.projects for i in p.indicators)]
    for row in rows:
        if row.target in ("19辆", "18人", "0件", "100%"):
            s = suggest(row, r.scoring)
            assert (s.met, s.score) == (True, row.weight), row.name
    assert suggest(r.projects[1].indicators[0], r.scoring).direction_reason == "未写比较符号，数量指标越多越好"
    assert suggest(r.indicators[3], r.scoring).direction_reason == "指标值为 0：不超过 0"
