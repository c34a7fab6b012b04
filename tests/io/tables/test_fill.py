"""The sample 决算/预算 tables (tests/data/tables, layouts after five published reports) filled
into an empty report and into the demo: every figure in its field, with source and scope;
consistent tables check clean (尾差 as R-B16 only), inconsistent ones give the R-B errors."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.checks import check
from perfdesk.checks.finding import ERROR
from perfdesk.io.tables import importer
from perfdesk.model import paths
from perfdesk.model.report import Report
from perfdesk.model.vocabulary import FundingScope

DATA = Path(__file__).resolve().parents[2] / "data" / "tables"
A = DATA / "a_hunan_2024_决算_万元.xlsx"
A_PRIOR = DATA / "a_hunan_2023_决算_上年.xls"
A_BUDGET = DATA / "a_hunan_2024_预算.xlsx"
B = DATA / "b_hubei_2023_决算_元.xls"
C = DATA / "c_shaanxi_2024_决算.xls"
D = DATA / "d_guangxi_2023_决算_网页.xls"
E = DATA / "e_guilin_2024_预算_行式.xls"
F = DATA / "f_inconsistent_2024_决算.xlsx"
G = DATA / "g_internal_2024_基本数字.xls"
GB, ALL = FundingScope.GENERAL_BUDGET, FundingScope.ALL


def fill(report: Report, *files: Path) -> tuple[Report, importer.Plan]:
    out = copy.deepcopy(report)
    plan = importer.read_tables(list(files), out)
    values, sources = importer.apply(out, plan.chosen)
    for path, value in values.items():
        paths.set(out, path, value)
    out.sources = sources
    return out, plan


def _d(text: str) -> Decimal:
    return Decimal(text)


EXPECTED = {
    # set A: 湖南 style, 公开01表…公开09表, 万元
    A: {"year": 2024, "income.general_budget": "2150.56", "income.gov_fund": "0.00", "income.other": "12.30",
        "income.carryover": "14.12", "declared.overall.actual": "2176.98", "declared.basic.actual": "1892.12",
        "declared.projects.actual": "284.86", "basic.personnel.actual": "1655.28", "basic.public.actual": "236.84",
        "basic.office.actual": "38.50", "basic.utilities_travel.actual": "35.20",
        "basic.meetings_training.actual": "3.30", "declared.three_public.initial": "23.00",
        "three_public.vehicle_operation.initial": "20.00", "three_public.reception.initial": "3.00",
        "declared.three_public.actual": "20.31", "declared.vehicle.actual": "17.85",
        "three_public.vehicle_purchase.actual": "0.00", "three_public.vehicle_operation.actual": "17.85",
        "three_public.overseas.actual": "0.00", "three_public.reception.actual": "2.46",
        "other_budgets.gov_fund": "0.00", "other_budgets.state_capital": "0.00"},
    # set B: 湖北 style, 表1…表9, 元, codes and names in one cell, totals on top
    B: {"year": 2023, "income.general_budget": "190.00", "income.other": "1.00", "income.carryover": "5.91",
        "declared.overall.actual": "196.91", "declared.basic.actual": "146.91", "declared.projects.actual": "50.00",
        "basic.personnel.actual": "123.46", "basic.public.actual": "23.46", "basic.office.actual": "3.01",
        "basic.utilities_travel.actual": "2.31", "basic.meetings_training.actual": "0.15",
        "declared.three_public.actual": "4.12", "declared.vehicle.actual": "2.88",
        "three_public.reception.actual": "1.25", "declared.three_public.initial": "5.00"},
    # set C: 陕西 style, sheets named by title, 三公 with 会议费/培训费, 支出决算表 without a title row
    C: {"year": 2024, "income.general_budget": "310.20", "income.other": "40.00", "income.carryover": "5.00",
        "declared.overall.actual": "355.20", "declared.basic.actual": "300.20", "declared.projects.actual": "55.00",
        "basic.office.actual": "8.00", "declared.three_public.actual": "6.30", "three_public.reception.actual": "1.20",
        "declared.three_public.initial": "8.00"},
    # set D: 广西 style web export (HTML saved as .xls), 三公 as 表九
    D: {"year": 2023, "income.general_budget": "812.45", "income.carryover": "18.00",
        "declared.overall.actual": "830.45", "declared.basic.actual": "420.45", "declared.projects.actual": "410.00",
        "basic.personnel.actual": "350.00", "basic.public.actual": "70.45", "declared.three_public.actual": "9.80",
        "declared.vehicle.actual": "8.90", "three_public.reception.actual": "0.90",
        "declared.three_public.initial": "12.00", "three_public.vehicle_operation.initial": "10.00"},
    # set E: 桂林 style 预算 tables laid out in rows
    E: {"year": 2024, "declared.three_public.initial": "34.35", "three_public.overseas.initial": "0.00",
        "three_public.reception.initial": "1.70", "declared.vehicle.initial": "32.65",
        "three_public.vehicle_operation.initial": "32.65", "three_public.vehicle_purchase.initial": "0.00",
        "declared.overall.initial": "612.80", "declared.basic.initial": "512.80",
        "declared.projects.initial": "100.00", "basic.personnel.initial": "450.30",
        "basic.public.initial": "62.50"},
    G: {"year": 2024, "staffing.authorized": 86, "staffing.actual": 79, "procurement.actual": "112.60"},
}


@pytest.mark.parametrize("sample", list(EXPECTED), ids=[p.name for p in EXPECTED])
def test_every_figure_lands_in_its_field_of_an_empty_report(sample):
    report, plan = fill(Report(), sample)
    for path, want in EXPECTED[sample].items():
        got = paths.get(report, path)
        assert got == (want if isinstance(want, int) else _d(want)), path
        if path != "year":
            src = report.sources[path]
            assert src.file == sample.name and src.sheet and src.cell and src.raw
            assert src.value == Decimal(got)
    # everything expected was ticked in the preview, and nothing ticked was left unfilled
    chosen = {c.path: c.value for c in plan.chosen}
    assert set(EXPECTED[sample]) <= set(chosen)
    assert all(paths.get(report, p) == v for p, v in chosen.items())
    assert not [p for p in plan.problems if "不是" in p and "表样" not in p]


def test_sources_say_cell_labels_unit_scope_and_exact_value():
    report, _ = fill(Report(), B)
    s = report.sources["basic.personnel.actual"]
    assert (s.sheet, s.cell, s.row_label, s.column_label) == ("表6", "C6", "人员经费合计", "决算数")
    assert (s.raw, s.unit, s.scope) == ("1234564.5", "元", GB)
    s = report.sources["three_public.vehicle_operation.actual"]
    assert s.column_label == "决算数 › 公务用车购置及运行费 › 公务用车运行费" and s.cell == "K8"
    s = report.sources["income.carryover"]  # 年初结转和结余 + 使用结余 − 年末结转和结余 − 结余分配
    assert s.cell == "C18+C17+F18+F17" and s.raw == "100000+0+40870.45+0"
    assert report.sources["declared.basic.actual"].scope == ALL


@pytest.mark.parametrize("sample", [A, C, D, E, G], ids=lambda p: p.name)
def test_a_consistent_set_checks_without_arithmetic_errors(sample):
    report, _ = fill(Report(), sample)
    rb = [f for f in check(report) if f.rule.startswith("R-B") and f.severity == ERROR]
    assert rb == []
    assert not [f for f in check(report) if f.rule == "R-B16"]


def test_yuan_tables_rounded_to_wanyuan_give_only_rounding_info():
    """Set B: 123.46 + 23.46 ≠ 146.91 and 2.88 + 1.25 ≠ 4.12 after rounding from 元."""
    report, _ = fill(Report(), B)
    findings = check(report)
    assert [f for f in findings if f.rule.startswith("R-B") and f.severity == ERROR] == []
    info = {f.path for f in findings if f.rule == "R-B16"}
    assert info == {"declared.basic.actual", "declared.three_public.actual"}
    # typed by hand instead, the same figures are an error: the tolerance is for imported ones
    typed = copy.deepcopy(report)
    typed.sources = {}
    assert {f.rule for f in check(typed) if f.severity == ERROR} >= {"R-B01", "R-B08"}


def test_an_edited_imported_figure_loses_its_tolerance_and_is_reported():
    report, _ = fill(Report(), B)
    report.basic.public.actual = Decimal("23.47")
    rules = {f.rule for f in check(report)}
    assert "R-B01" in rules and "R-S02" in rules


def test_an_inconsistent_set_gives_the_right_errors():
    report, _ = fill(Report(), F)
    errors = {(f.rule, f.path) for f in check(report) if f.severity == ERROR and f.rule.startswith("R-B")}
    assert errors == {("R-B03", "declared.overall.actual"), ("R-B04", "income.general_budget"),
                      ("R-B08", "declared.three_public.actual")}


def test_scope_differs_so_personnel_and_public_are_offered_unticked():
    """Set C: 公开03表's 基本支出 300.20 (all funds) ≠ 公开06表's 230.00 + 30.20."""
    report, plan = fill(Report(), C)
    narrow = [c for c in plan.candidates if c.key in ("personnel", "public")]
    assert [c.value for c in narrow] == [_d("230.00"), _d("30.20")]
    assert all(not c.tick and "口径不同" in c.note and "R-B01" in c.note for c in narrow)
    assert report.basic.personnel.actual is None and report.declared.basic.actual == _d("300.20")
    # ticking them anyway would make R-B01 fire: that is why they are not ticked
    values, sources = importer.apply(report, narrow)
    for p, v in values.items():
        paths.set(report, p, v)
    report.sources = sources
    assert "R-B01" in {f.rule for f in check(report)}


def test_scope_agrees_so_personnel_and_public_are_ticked_with_a_note():
    _, plan = fill(Report(), A)
    narrow = [c for c in plan.candidates if c.key in ("personnel", "public")]
    assert all(c.tick and "口径一致" in c.note for c in narrow)
    assert {c.source.scope for c in narrow} == {GB}


def test_not_applicable_cells_are_shown_as_blanks_not_filled():
    report, plan = fill(Report(), C)
    gov = next(c for c in plan.candidates if c.key == "gov_fund_spending")
    assert gov.value is None and not gov.tick and "单位不需填列" in gov.note
    assert report.other_budgets.gov_fund is None


def test_the_demo_with_this_years_last_years_and_budget_tables(demo):
    before = copy.deepcopy(demo)
    report, plan = fill(demo, A, A_PRIOR, A_BUDGET, G)
    assert report.year == 2024 and not [c for c in plan.candidates if c.key == "year"]
    for path, want in EXPECTED[A].items():
        if path != "year":
            assert paths.get(report, path) == _d(want), path
    assert report.basic.personnel.prior == _d("1580.36")  # from last year's 公开06表
    assert report.three_public.vehicle_purchase.prior == _d("18.60")
    assert report.basic.personnel.initial == _d("1602.40")  # from the 部门预算公开表
    assert report.declared.overall.initial == _d("2088.40")
    assert report.staffing.authorized == 86
    # the demo already held these figures: filling changes nothing the checks see
    assert [f.rule for f in check(report) if f.severity == ERROR] == []
    assert report.basic.personnel.annual == before.basic.personnel.annual  # 全年预算数 untouched
    assert report.projects == before.projects
    missing = [str(m) for m in plan.missing]
    assert any(m.startswith("全年预算数（调整预算）") and "预算执行" in m for m in missing)
    assert any(m.startswith("楼堂馆所") for m in missing)


def test_two_files_that_disagree_are_conflicts_none_ticked(demo):
    report, plan = fill(demo, A, F)
    conflict = [c for c in plan.candidates if c.path == "declared.overall.actual"]
    assert sorted(c.value for c in conflict) == [_d("2176.98"), _d("2177.98")]
    assert all(c.conflict and not c.tick and "两处不一致" in c.note for c in conflict)
    assert report.declared.overall.actual == demo.declared.overall.actual  # not filled
    same = next(c for c in plan.candidates if c.path == "basic.personnel.actual")
    assert same.tick and "一致" in same.note  # the same figure in both: one row


def test_last_years_tables_alone_fill_the_prior_column(demo):
    report, plan = fill(demo, A_PRIOR)
    assert {c.column for c in plan.candidates} == {"prior"}
    assert report.basic.public.prior == _d("238.15")
