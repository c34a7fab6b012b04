"""The engine: incremental re-check equals a full check; the catalogue as the CLI lists it."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.checks import Checker, check
from perfdesk.checks.catalogue import RULES
from perfdesk.cli import main
from perfdesk.io import load_report
from perfdesk.model import paths
from perfdesk.model.report import Indicator, Problem, Report
from perfdesk.model.vocabulary import SATISFACTION, Band
from perfdesk.resources import demo_report_path

D = Decimal
_DEMO = load_report(demo_report_path())

# (path, candidate values): single-field edits a user makes in the GUI.
FIELD_EDITS: list[tuple[str, list[object]]] = [
    ("year", [2024, 2023, None]),
    ("unit_name", ["", "青禾县市场监督管理局"]),
    ("supervisor", ["", "青禾县人民政府"]),
    ("signature_date", [date(2024, 6, 1), date(2025, 3, 18)]),
    ("duties[0]", ["负责XX工作", "负责市场监管"]),
    ("basic.personnel.actual", [D("1655.28"), D("1400"), D("-3"), D("1655.281")]),
    ("basic.public.annual", [D("241.30"), D("230"), None]),
    ("basic.office.actual", [D("39.62"), D("300")]),
    ("declared.basic.actual", [None, D("1909.85")]),
    ("declared.projects.annual", [None, D("300")]),
    ("declared.overall.actual", [None, D("2194.71"), D("5000")]),
    ("income.other", [D("12.30"), D("20")]),
    ("adjustments[0].amount", [D("52.88"), D("60")]),
    ("three_public.reception.actual", [D("2.46"), D("4")]),
    ("declared.three_public.actual", [None, D("30")]),
    ("staffing.actual", [79, 100]),
    ("projects[0].amounts.actual", [D("176.40"), D("190"), D("100")]),
    ("projects[1].name", ["市场监管执法办案经费", ""]),
    ("projects[2].amounts.actual", [D("34.60"), D("40")]),
    ("projects[0].funding.current.actual", [D("162.28"), D("150")]),
    ("projects[2].indicators[2].score", [D("9"), D("10"), D("12")]),
    ("projects[2].indicators[2].deviation", ["", "延期"]),
    ("projects[1].indicators[0].target", ["", "≥100件", "按要求"]),
    ("indicators[0].actual", ["3426户", "6000户", "3426件", "", "完成"]),
    ("indicators[4].score", [D("4.96"), D("5"), D("4")]),
    ("indicators[8].band", [None, Band.PARTIAL, Band.MET]),
    ("indicators[3].name", ["……", "受理消费投诉举报件数"]),
    ("indicators[1].level2", ["质量指标", "经济效益指标"]),
    ("problems[0].text", ["", "知识产权与质量提升专项执行率为86.50%。", "其他问题"]),
    ("problems[1].measure", ["", "加强培训"]),
    ("sections[0].title", ["（一）2022年度工作", "（一）营商环境"]),
    ("scoring.reverse_formula", ["linear", "ratio"]),
    ("scoring.equal_miss", ["proportional", "zero"]),
    ("template", ["standard", "seven_part"]),
]


def _list_edit(report: Report, kind: int) -> str:
    """Structural edits; returns the path of the list that changed."""
    if kind == 0:
        report.projects.append(copy.deepcopy(report.projects[0]))
        return "projects"
    if kind == 1 and len(report.projects) > 1:
        report.projects.pop(1)
        return "projects"
    if kind == 2:
        report.projects[0].indicators.append(Indicator("产出指标", "数量指标", "新指标", "≥1件", "1件", D(0), D(0)))
        return "projects[0].indicators"
    if kind == 3 and report.indicators:
        report.indicators.pop()
        return "indicators"
    if kind == 4:
        report.problems.append(Problem("新的问题", ""))
        return "problems"
    report.scoring.weights[SATISFACTION] = report.scoring.weights[SATISFACTION] + 1
    return "scoring.weights"


edit_step = st.one_of(
    st.tuples(st.just("field"), st.integers(0, len(FIELD_EDITS) - 1), st.integers(0, 4)),
    st.tuples(st.just("list"), st.integers(0, 5), st.just(0)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(edit_step, min_size=1, max_size=12))
def test_recheck_after_each_edit_equals_a_full_check(steps):
    report = copy.deepcopy(_DEMO)
    checker = Checker()
    assert checker.check(report) == check(report)
    for kind, a, b in steps:
        if kind == "field":
            path, values = FIELD_EDITS[a]
            try:
                paths.set(report, path, values[b % len(values)])
            except IndexError:
                continue  # the row or project was removed by an earlier step
        else:
            path = _list_edit(report, a)
        assert checker.recheck(report, path) == check(report), path


def test_recheck_without_a_previous_check_is_a_full_check():
    report = copy.deepcopy(_DEMO)
    report.declared.basic.actual = D("1909.85")
    assert Checker().recheck(report, "declared.basic.actual") == check(report)


def test_recheck_only_reruns_what_the_edit_touches(monkeypatch):
    report = copy.deepcopy(_DEMO)
    checker = Checker()
    checker.check(report)
    calls: list[str] = []
    for rule in RULES:
        if rule.unit_check is not None:
            original = rule.unit_check

            def spy(r, unit, _orig=original, _id=rule.id):
                calls.append(f"{_id}@{unit.key}")
                return _orig(r, unit)

            monkeypatch.setattr(rule, "unit_check", spy)
    report.projects[1].indicators[0].score = D(1)
    checker.recheck(report, "projects[1].indicators[0].score")
    assert calls and all(c.endswith("@projects[1]") for c in calls)


def test_rules_command_lists_the_catalogue(capsys):
    assert main(["rules", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows][:4] == ["R-C01", "R-C02", "R-C03", "R-C04"]
    assert rows[-1]["id"] == "R-S01"
    assert {r["severity"] for r in rows} == {"error", "warning", "info"}
    assert all(r["description"] for r in rows)


def test_check_command_reports_findings_with_paths(capsys, tmp_path):
    from perfdesk.io import save_report

    report = copy.deepcopy(_DEMO)
    report.declared.basic.actual = D("1909.85")
    target = tmp_path / "bad.perfdesk"
    save_report(report, target, backup=False)
    assert main(["check", str(target), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    b01 = [f for f in doc["findings"] if f["id"] == "R-B01"]
    assert b01 and b01[0]["path"] == "declared.basic.actual"
    assert doc["summary"]["errors"] == sum(f["severity"] == "error" for f in doc["findings"]) >= 1


def test_check_engine_imports_no_qt_and_no_office_libraries():
    from pathlib import Path

    import perfdesk.checks

    banned = ("PySide6", "docx", "openpyxl", "jinja2")
    for source in Path(perfdesk.checks.__file__).parent.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for name in banned:
            assert f"import {name}" not in text and f"from {name}" not in text, (source.name, name)
