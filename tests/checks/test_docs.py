"""docs/checks.md documents every rule, with examples the engine really produces."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from perfdesk.checks import check
from perfdesk.checks.catalogue import RULES
from perfdesk.io import load_report
from perfdesk.resources import demo_report_path
from tests.checks.seeds import SEEDS
from tests.checks.test_rules import CASES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "checks.md").read_text(encoding="utf-8")


def test_every_rule_has_a_section():
    headings = set(re.findall(r"^### (R-[A-Z]\d\d) ", DOC, re.M))
    assert headings == {r.id for r in RULES}


def test_every_quoted_example_is_a_real_message():
    demo = load_report(demo_report_path())
    produced = {f.message for f in check(demo)}
    for _, trigger, _ in CASES:
        report = copy.deepcopy(demo)
        trigger(report)
        produced |= {f.message for f in check(report)}
    for build in SEEDS.values():
        produced |= {f.message for f in check(build())}
    quoted = re.findall(r"^> (.*?)(?: `\[.*\]`)?$", DOC, re.M)
    assert len(quoted) >= len(RULES)
    assert [q for q in quoted if q not in produced] == []
