"""Property: any report survives save → load unchanged, and saving is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from perfdesk.io import dumps, loads
from perfdesk.model import Report

from .strategies import reports


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_any_report_round_trips(report: Report):
    text = dumps(report)
    again = loads(text)
    assert again == report
    assert dumps(again) == text
