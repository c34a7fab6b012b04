"""A folder of 44 units reviewed end to end: grouping, the roll-up cell by cell against each
unit's own ``perfdesk check``, the reviewer's R-X findings, and a source folder left as sent."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from perfdesk.io.units_list import read_units_list
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import percent_value
from perfdesk.review import review_folder
from perfdesk.review.results import ReviewResult
from perfdesk.review.rollup import UNIT_HEADERS, write_rollup
from perfdesk.review.rules import SEVERITY_LABELS
from tests.review.builder import Built
from tests.review.conftest import snapshot
from tests.review.reference import cli_check, imported, workbook_findings

pytestmark = pytest.mark.slow


def _unit(reviewed: ReviewResult, name: str):
    hits = [u for u in reviewed.units if u.name == name]
    assert len(hits) == 1, (name, [u.name for u in reviewed.units])
    return hits[0]


def test_every_unit_is_found_once_with_its_own_files(built: Built, reviewed: ReviewResult):
    assert len(built.units) >= 40
    assert sorted(u.name for u in reviewed.units) == sorted(u.name for u in built.units)
    for spec in built.units:
        unit = _unit(reviewed, spec.name)
        sent = sorted(p.relative_to(built.folder).as_posix() for p in spec.files)
        assert sorted(e.rel for e in unit.files) == sent, spec.name
    assert not reviewed.unassigned or {p.rel for p in reviewed.unassigned} <= set(built.unreadable)


def test_unreadable_files_are_listed_with_the_reason_and_backups_skipped(built, reviewed):
    reasons = {p.rel: p.reason for p in reviewed.unreadable}
    assert set(reasons) == set(built.unreadable)
    assert "第 9 版" in reasons["98新版/新版本文件.perfdesk"]  # a newer format version
    assert "不是可读取的 Excel 工作簿" in reasons["99其他/说明.xlsx"]
    every_file = {e.rel for u in reviewed.units for e in u.files}
    assert built.backups and not every_file & set(built.backups)
    assert not any("旧版本" in p.rel for p in reviewed.skipped)


def test_the_units_list_gives_the_two_missing_units(built, reviewed):
    assert [m.name for m in reviewed.missing] == built.missing
    assert reviewed.unlisted == []
    coded = [u for u in built.units if u.code]
    assert coded and all(_unit(reviewed, u.name).listed.code == u.code for u in coded)


def test_reviewer_findings_are_where_the_faults_are(built, reviewed):
    for spec in built.units:
        rules = {f.rule for f in _unit(reviewed, spec.name).findings}
        assert spec.expect <= rules, (spec.name, spec.expect, rules)
        assert not spec.forbid & rules, (spec.name, spec.forbid & rules)
    seed004 = [f for u in reviewed.units for f in u.findings
               if f.rule == "R-X01" and "年初预算数为" in f.message]
    assert seed004 and all("项目支出" in f.message for f in seed004)


def test_the_review_never_touches_the_folder(built, tmp_path):
    before = snapshot(built.folder)
    listed = read_units_list(built.units_list)
    review_folder(built.folder, listed=listed, jobs=2)
    assert snapshot(built.folder) == before


def _sheet_rows(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_rollup_cell_by_cell_against_each_units_own_check(built, reviewed, tmp_path):
    out = write_rollup(reviewed, tmp_path / "汇总表.xlsx")
    wb = load_workbook(out)
    rows = _sheet_rows(wb["单位汇总"])
    head = next(i for i, r in enumerate(rows) if r[: len(UNIT_HEADERS)] == list(UNIT_HEADERS))
    col = {h: i for i, h in enumerate(UNIT_HEADERS)}
    body = rows[head + 1:]
    # the units that sent nothing come first
    assert [r[col["单位"]] for r in body[:2]] == built.missing
    assert all(r[col["审核结论"]] == "未报送" for r in body[:2])
    by_name = {r[col["单位"]]: r for r in body[2:-1]}
    findings = _sheet_rows(wb["审核发现"])[2:]
    per_unit: dict[str, list[tuple[str, str, str]]] = {}
    for _n, unit, rule, severity, message, _where in findings:
        per_unit.setdefault(unit, []).append((rule, severity, message))
    for spec in built.units:
        row = by_name[spec.name]
        listed = per_unit.get(spec.name, [])
        assert row[col["错误"]] == sum(s == "错误" for _r, s, _m in listed), spec.name
        assert row[col["警告"]] == sum(s == "警告" for _r, s, _m in listed), spec.name
        catalogue = Counter((r, m) for r, _s, m in listed if not r.startswith("R-X"))
        if spec.kind == "word_only":
            assert row[col["总分（复核）"]] is None and not catalogue
            continue
        if spec.kind == "perfdesk":
            newest = max((p for p in spec.files if p.suffix == ".perfdesk"),
                         key=lambda p: p.stat().st_mtime_ns)
            ref = cli_check(newest)
            expected = Counter((f["id"], f["message"]) for f in ref["findings"] if f["id"] != "R-S01")
            total, grade = ref["summary"]["total"], ref["summary"]["grade"]
            rate = None if ref["summary"]["exec_rate"] is None else Decimal(ref["summary"]["exec_rate"])
        else:
            report = imported(spec.reference)
            expected = Counter((f.rule, f.message) for f in workbook_findings(report))
            s = Figures.of(report).score
            total, grade, rate = None if s.total is None else str(s.total), s.grade, s.exec_rate
        assert catalogue == expected, spec.name
        assert (None if row[col["总分（复核）"]] is None else Decimal(str(row[col["总分（复核）"]]))) == (
            None if total is None else Decimal(total)), spec.name
        assert row[col["等级"]] == (grade or None), spec.name
        if spec.kind == "perfdesk":  # the JSON rounds the rate to four places
            assert abs(Decimal(str(row[col["执行率"]])) - rate) <= Decimal("0.00005")
        else:
            assert Decimal(str(row[col["执行率"]])) == percent_value(rate), spec.name
    totals = body[-1]
    assert totals[0] == "合计"
    budgets = [Decimal(str(r[col["全年预算数（万元）"]])) for r in body[2:-1]
               if r[col["全年预算数（万元）"]] is not None]
    assert Decimal(str(totals[col["全年预算数（万元）"]])) == sum(budgets)
    assert totals[col["错误"]] == sum(r[col["错误"]] for r in body[2:-1])
    # the rule sheet counts what the findings sheet lists
    counts = Counter(rule for _n, _u, rule, *_rest in findings)
    units = Counter(rule for rule, _u in {(f[2], f[1]) for f in findings})
    for rule, severity, _text, n_units, n_times in _sheet_rows(wb["规则统计"])[2:]:
        assert (n_units, n_times) == (units[rule], counts[rule]), rule
        assert severity in SEVERITY_LABELS.values()
    assert wb["分布"]._charts, "the distribution sheet has its charts"
    ws = wb["单位汇总"]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows
