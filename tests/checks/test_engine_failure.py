"""A rule that raises never hides: it becomes the error R-U02, so the output is a draft."""

from __future__ import annotations

import copy

import pytest

from perfdesk.checks import Checker, check, has_errors
from perfdesk.checks.catalogue import RULES_BY_ID
from perfdesk.checks.engine import FAILED_RULE
from perfdesk.render import render_all


def _boom(*_args: object) -> list[object]:
    raise ZeroDivisionError("injected")


@pytest.fixture
def failing_rule(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(RULES_BY_ID["R-B01"], "report_check", _boom)
    monkeypatch.setattr(RULES_BY_ID["R-I06"], "unit_check", _boom)
    return "R-B01"


def test_a_failing_rule_is_an_error_and_the_others_still_run(demo, failing_rule, caplog):
    demo.basic.personnel.actual += 1  # R-B01 would fire if it ran; R-B03/R-B04 do fire
    findings = check(demo)
    failed = [f for f in findings if f.rule == FAILED_RULE]
    assert failed and has_errors(findings)
    assert "R-B01" in failed[0].message and "ZeroDivisionError" in failed[0].message
    assert not any(f.rule == "R-B01" for f in findings)
    assert any(f.rule == "R-S01" for f in findings)  # the rest of the catalogue ran
    # the unit part fails once per table, each named and pointing at its table
    unit_failures = [f for f in failed if "R-I06" in f.message]
    assert len(unit_failures) == 1 + len(demo.projects)
    assert unit_failures[0].paths == ("indicators",)
    assert "rule R-B01 failed" in caplog.text  # and the log says so, with the traceback


def test_recheck_keeps_reporting_the_failure(demo, failing_rule):
    checker = Checker()
    checker.check(demo)
    demo.basic.personnel.actual += 1
    after = checker.recheck(demo, "basic.personnel.actual")
    assert after == check(demo)
    assert any(f.rule == FAILED_RULE for f in after)


def test_a_report_whose_checking_failed_is_rendered_as_a_draft(demo, failing_rule, tmp_path):
    clean = copy.deepcopy(demo)
    result = render_all(clean, tmp_path, excel=False)
    assert result.draft
    assert result.files and all("草稿" in f.name for f in result.files)
    assert any("审核未完成" in r for r in result.reasons)
