"""Incremental checking equals a full check after an edit of *any* field: every field path of
the demo and of every seed document (from the schema), and every insert, remove and move of
every list. A rule whose ``reads`` miss a field it uses fails here."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest

from perfdesk.checks import Checker, check
from perfdesk.io import load_report
from perfdesk.model import paths
from perfdesk.model.report import Report
from perfdesk.model.schema import Kind, field_of, fields
from perfdesk.resources import demo_report_path
from tests.checks.seeds import SEEDS

DOCUMENTS = {"demo": lambda: load_report(demo_report_path()), **SEEDS}


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) of every field below the report that holds a value, and every list."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from leaves(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
        return
    yield path, value
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, Decimal | str):
                yield f"{path}.{key}", item


def other_value(path: str, value: Any) -> Any:
    """A different value of the same type, chosen to wake the rules that read the field."""
    spec = field_of(path)
    assert spec is not None, f"the schema does not know {path}"
    if isinstance(value, Enum):
        members = list(type(value))
        return members[(members.index(value) + 1) % len(members)]
    if spec.kind == Kind.CHOICE:  # blank now: the first choice
        tp = next(a for a in getattr(spec.type, "__args__", (spec.type,)) if a is not type(None))
        return next(iter(tp))
    if isinstance(value, bool):
        return not value
    if isinstance(value, Decimal):
        return value + Decimal("1234.567")
    if isinstance(value, int):
        return value * 3 + 1
    if isinstance(value, date):
        return value - timedelta(days=400)
    if isinstance(value, str):
        return value + "XX（待填）" if value else "……"
    if value is None:
        if spec.kind in (Kind.MONEY, Kind.NUMBER):
            return Decimal("7.5")
        if spec.kind == Kind.COUNT:
            return 9
        if spec.kind == Kind.DATE:
            return date(2020, 1, 1)
    raise AssertionError(f"no other value for {path} ({spec.kind})")


def _recheck_equals_full(checker: Checker, report: Report, path: str) -> None:
    assert checker.recheck(report, path) == check(report), path


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_recheck_equals_full_check_after_editing_any_field(name: str):
    report = DOCUMENTS[name]()
    checker = Checker()
    checker.check(report)
    edited = 0
    for path, value in list(leaves(report)):
        if isinstance(value, list | dict) or dataclasses.is_dataclass(value):
            continue
        old = copy.deepcopy(value)
        paths.set(report, path, other_value(path, value))
        _recheck_equals_full(checker, report, path)
        paths.set(report, path, old)
        _recheck_equals_full(checker, report, path)
        edited += 1
    assert edited > 50


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_recheck_equals_full_check_after_changing_any_list(name: str):
    report = DOCUMENTS[name]()
    checker = Checker()
    checker.check(report)
    changed = 0
    for path, value in list(leaves(report)):
        if not isinstance(value, list):
            continue
        original = list(value)
        for items in (
            [copy.deepcopy(original[0]), *original] if original else [],  # insert a copy
            original[:-1],  # remove the last
            [*original[1:], *original[:1]],  # move the first to the end
        ):
            paths.set(report, path, items)
            _recheck_equals_full(checker, report, path)
        paths.set(report, path, original)
        _recheck_equals_full(checker, report, path)
        changed += 1
    assert changed > 10


def test_every_field_the_documents_have_is_in_the_schema():
    report = DOCUMENTS["demo"]()
    unknown = [p for p, _ in leaves(report) if field_of(p) is None]
    assert unknown == []
    assert len(fields()) >= 190
