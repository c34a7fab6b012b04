"""Findings say where in Chinese: the panel, its tooltip and the status bar never show an
internal field path (``basic.public.actual``, ``[0]``) or an English sentence — for every
finding the seeds, the faulty fixtures and the catalogue's trigger cases produce."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from pytestqt.qt_compat import qt_api

from perfdesk.io import load_report
from tests.checks.seeds import SEEDS_DIR
from tests.checks.test_rules import CASES

pytestmark = pytest.mark.gui

Qt = qt_api.QtCore.Qt
FAULTY = Path(__file__).resolve().parent.parent / "data" / "faulty"

PATH_LIKE = re.compile(r"[A-Za-z_]+\.[A-Za-z_]+|\[\d+\]|\b(?:basic|projects|indicators|declared|"
                       r"income|three_public|staffing|problems|sections|scoring)\b")
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}")


def _reports():
    files = sorted(SEEDS_DIR.glob("*.perfdesk")) + sorted(FAULTY.glob("*.perfdesk"))
    for f in files:
        yield f.stem, load_report(f)
    demo_cases = {}
    from perfdesk.io import load_report as load
    from perfdesk.resources import demo_report_path

    demo = load(demo_report_path())
    for i, (rule, trigger, _near) in enumerate(CASES):
        r = copy.deepcopy(demo)
        trigger(r)
        demo_cases[f"{rule}#{i}"] = r
    yield from demo_cases.items()


def _clean(text: str, words_of_user: str) -> list[str]:
    """What in ``text`` looks like program internals (the user's own words excepted)."""
    bad = []
    for pattern in (PATH_LIKE, ENGLISH):
        for m in pattern.finditer(text):
            if m.group(0) not in words_of_user:
                bad.append(m.group(0))
    return bad


def test_every_finding_is_placed_in_chinese(make_window, qtbot):
    w = make_window()
    panel = w.findings
    seen_rules: set[str] = set()
    for name, report in _reports():
        w.doc.load(report, None)
        qtbot.waitUntil(lambda: not w.doc.checks_pending)
        user_words = repr(report)  # a message may quote what the user typed
        rows = [row for group in panel._groups() for row in
                (group.child(j) for j in range(group.childCount()))]
        assert len(rows) == len(panel.findings_shown())
        for row in rows:
            finding = row.data(0, qt_api.QtCore.Qt.ItemDataRole.UserRole)
            seen_rules.add(finding.rule)
            panel.tree.setCurrentItem(row)  # the status bar follows the current row
            status = w.statusBar().currentMessage()
            assert finding.message in status and finding.rule in status
            for shown in (row.text(2), row.toolTip(2), status):
                assert not _clean(shown.replace(finding.rule, ""), user_words), (name, shown)
            if finding.path:
                assert "位置：" in row.toolTip(2)
    from perfdesk.checks.catalogue import RULES
    from perfdesk.ui.findings_panel import HIDDEN_RULES

    assert {r.id for r in RULES} - HIDDEN_RULES <= seen_rules  # the whole catalogue was shown


def test_a_finding_names_its_field_and_item(make_window, qtbot):
    from decimal import Decimal

    w = make_window()
    w.doc.set_value("projects[1].amounts.actual", Decimal("999.999"))
    row = next(r for r in (w.findings.item_for("R-B10"),) if r is not None)
    assert row.text(2).startswith("“市场监管执法办案经费” › 项目资金 › 决算：")
    w.findings.tree.setCurrentItem(row)
    assert w.statusBar().currentMessage().startswith(
        "错误 R-B10 项目支出 › “市场监管执法办案经费” › 项目资金 › 决算：")
    assert "位置：项目支出 › “市场监管执法办案经费” › 项目资金 › 决算" in row.toolTip(2)
