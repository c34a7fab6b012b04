"""docs/checks.md and docs/review.md document every reviewer rule; README names the desk."""

from __future__ import annotations

import re
from pathlib import Path

from perfdesk.review.rules import REVIEW_RULES

ROOT = Path(__file__).resolve().parents[2]


def test_every_reviewer_rule_is_documented():
    checks = (ROOT / "docs" / "checks.md").read_text("utf-8")
    review = (ROOT / "docs" / "review.md").read_text("utf-8")
    documented = set(re.findall(r"^#### (R-X\d\d) ", checks, re.M))
    assert documented == {r.id for r in REVIEW_RULES}
    for r in REVIEW_RULES:
        assert re.search(rf"^\| {r.id} \| {r.severity} \|", review, re.M), r.id


def test_readme_has_a_section_for_reviewers():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "## For reviewers" in readme and "perfdesk review" in readme
    assert "docs/review.md" in readme
