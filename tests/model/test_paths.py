"""Field paths address every value in a report, including dict keys in Chinese."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from perfdesk.model import Report, paths
from perfdesk.model.vocabulary import OUTPUT


def test_get_and_set_nested_values(demo: Report):
    assert paths.get(demo, "projects[1].amounts.actual") == Decimal("73.86")
    paths.set(demo, "projects[1].amounts.actual", Decimal("1.00"))
    assert demo.projects[1].amounts.actual == Decimal("1.00")
    paths.set(demo, "scoring.weights.output", Decimal(40))
    assert demo.scoring.weights[OUTPUT] == Decimal(40)
    assert paths.section_of("projects[2].indicators[0].score") == "projects"


@given(st.lists(st.one_of(st.from_regex(r"[a-z_\u4e00-\u9fa5][a-z0-9_\u4e00-\u9fa5]{0,8}", fullmatch=True),
                          st.integers(0, 999)), min_size=1, max_size=6).filter(lambda p: isinstance(p[0], str)))
def test_split_inverts_join(parts):
    assert paths.split(paths.join(parts)) == parts
