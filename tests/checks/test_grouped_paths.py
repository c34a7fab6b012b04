"""Grouped findings keep every field path they cover (issue 12).

R-C03 (placeholders in an indicator table), R-I10 (qualitative rows without a band) and
R-B14 (blank parts of one block) became one finding per table or block. The paths they
name, over the whole golden corpus, are the paths the one-per-row findings named before
(``tests/data/grouped_paths_before.json``, taken from the findings captured before the
grouping) — except R-I10's for rows that are no longer qualitative: a deadline such as
``当年12月底前`` is now a quantitative target, scored by date, and needs no band.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from perfdesk.checks import check, targets
from perfdesk.io import load_report
from perfdesk.model import paths as fieldpaths
from perfdesk.model.report import Indicator, Report
from perfdesk.render.templates import traits_of
from tests.golden import ROOT

BEFORE = json.loads((ROOT / "tests" / "data" / "grouped_paths_before.json").read_text("utf-8"))


def _still_qualitative(report: Report, path: str) -> bool:
    row_path = path.rsplit(".", 1)[0]
    row = fieldpaths.get(report, row_path)
    assert isinstance(row, Indicator)
    return targets.parse(row.target).kind != targets.QUANTITATIVE


@pytest.mark.parametrize("key", sorted(BEFORE))
def test_grouped_findings_name_the_same_paths_as_before(key: str):
    report = load_report(Path(ROOT / key))
    findings = check(report, traits_of)
    for rule, before in BEFORE[key].items():
        after = [p for f in findings if f.rule == rule for p in f.paths]
        if rule == "R-I10":
            before = [p for p in before if _still_qualitative(report, p)]
        assert Counter(after) == Counter(before), rule


def test_the_corpus_has_grouped_findings():
    """Not a vacuous comparison: some files have several paths in one finding now."""
    grouped = 0
    for key in sorted(BEFORE):
        for f in check(load_report(Path(ROOT / key)), traits_of):
            grouped += f.rule in ("R-C03", "R-I10", "R-B14") and len(f.paths) > 1
    assert grouped >= 50
