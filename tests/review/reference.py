"""The per-unit reference the roll-up is checked against: ``perfdesk check`` on the unit's
.perfdesk file, or on what ``perfdesk import`` makes of its 附件 (read together when split).

For a unit of 附件 only, the findings about what no paper form carries are not the unit's
(docs/review.md): the narrative fields, the 达成程度 column, and R-B07 when the Word report's
问题 section speaks of the 执行率 (the hand-made reports of the builder all do)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from perfdesk.checks import check
from perfdesk.checks.finding import Finding
from perfdesk.io.excel_import import import_sheets
from perfdesk.model import paths
from perfdesk.model.report import Report

NARRATIVE = ("duties", "departments", "branches", "subordinates", "organization_note",
             "problems", "extra_measures", "sections", "execution_notes", "goal_notes",
             "result_use", "other_notes", "template", "date_style", "adjustments",
             "other_budgets")


def cli_check(perfdesk_file: Path) -> dict:
    """``perfdesk check FILE --json``, run as the user runs it."""
    proc = subprocess.run([sys.executable, "-m", "perfdesk", "check", str(perfdesk_file), "--json"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def imported(books: list[Path]) -> Report:
    sheets = [ws for b in books for ws in load_workbook(b, data_only=True).worksheets]
    report, _issues = import_sheets(sheets, "ref")
    return report


def workbook_findings(report: Report) -> list[Finding]:
    out = []
    for f in check(report):
        if f.rule == "R-S01":
            continue
        if f.paths and all(paths.section_of(p) in NARRATIVE or p.endswith(".band") for p in f.paths):
            continue
        if f.rule == "R-B07":
            continue
        out.append(f)
    return out
