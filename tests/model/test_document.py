"""The observable document: edits, undo and redo below Qt, typed change events, and live
checking that equals a full check after every step (the command line's incremental checks)."""

from __future__ import annotations

import copy
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.checks import check
from perfdesk.checks.live import LiveChecks
from perfdesk.io import load_report
from perfdesk.model.document import (
    Changing,
    Document,
    ListChanged,
    ListOp,
    Recorded,
    Reset,
    ValueChanged,
)
from perfdesk.model.report import Indicator, Report
from perfdesk.resources import demo_report_path

DEMO = load_report(demo_report_path())
D = Decimal


def _doc() -> tuple[Document, list[object]]:
    doc = Document(copy.deepcopy(DEMO))
    events: list[object] = []
    doc.subscribe(events.append)
    return doc, events


def test_an_edit_is_announced_applied_once_and_undone():
    doc, events = _doc()
    old = doc.report.basic.public.actual
    assert doc.set_value("basic.public.actual", D("1.00"))
    assert doc.report.basic.public.actual == D("1.00") and doc.revision == 1
    assert events[:2] == [Changing(ValueChanged("basic.public.actual")),
                          ValueChanged("basic.public.actual")]
    assert isinstance(events[2], Recorded) and not events[2].merged
    assert not doc.set_value("basic.public.actual", D("1.00"))  # no change, no step
    doc.undo()
    assert doc.report.basic.public.actual == old and doc.can_redo and not doc.can_undo
    doc.redo()
    assert doc.report.basic.public.actual == D("1.00")


def test_typing_into_one_field_is_one_step_but_not_across_a_save():
    doc, _ = _doc()
    for text in ("青", "青禾", "青禾县"):
        doc.set_value("unit_name", text)
    doc.undo()
    assert doc.report.unit_name == DEMO.unit_name and not doc.can_undo
    doc.redo()
    doc.mark_clean()
    doc.set_value("unit_name", "青禾县局")  # after the save: a step of its own
    doc.undo()
    assert doc.report.unit_name == "青禾县" and doc.is_clean


def test_list_edits_say_which_row():
    doc, events = _doc()
    doc.insert_item("indicators", 2, Indicator(name="新指标"))
    doc.move_item("indicators", 0, 3)
    doc.remove_item("indicators", 1)
    changes = [e for e in events if isinstance(e, ListChanged)]
    assert changes == [ListChanged("indicators", ListOp.INSERT, 2),
                       ListChanged("indicators", ListOp.MOVE, 0, 3),
                       ListChanged("indicators", ListOp.REMOVE, 1)]
    events.clear()
    doc.undo()  # the removed row comes back, where it was
    assert [e for e in events if isinstance(e, ListChanged)] == [
        ListChanged("indicators", ListOp.INSERT, 1)]
    doc.undo()
    assert events[-1] == ListChanged("indicators", ListOp.MOVE, 3, 0)


def test_a_macro_is_one_step_and_load_resets():
    doc, events = _doc()
    with doc.macro("粘贴"):
        doc.set_value("income.other", D(1))
        doc.set_value("income.carryover", D(2))
    recorded = [e for e in events if isinstance(e, Recorded)]
    assert len(recorded) == 1 and recorded[0].edit.text == "粘贴"
    doc.undo()
    assert doc.report.income == DEMO.income
    doc.load(Report())
    assert isinstance(events[-1], Reset) and not doc.can_undo and not doc.can_redo


def test_figures_are_derived_once_per_revision():
    doc, _ = _doc()
    first = doc.figures
    assert doc.figures is first  # the same revision: the same object
    doc.set_value("basic.personnel.actual", D("1.00"))
    assert doc.figures is not first
    assert doc.figures.basic_sum.actual == D("1.00") + doc.report.basic.public.actual


EDITS = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(["basic.personnel.actual", "basic.public.annual",
                                               "indicators[0].score", "unit_name",
                                               "projects[1].amounts.annual", "income.other"]),
              st.integers(0, 5000)),
    st.tuples(st.just("insert"), st.sampled_from(["indicators", "projects", "problems"]),
              st.integers(0, 3)),
    st.tuples(st.just("remove"), st.sampled_from(["indicators", "projects"]), st.integers(0, 2)),
    st.tuples(st.just("move"), st.sampled_from(["indicators", "projects"]), st.integers(0, 2)),
    st.tuples(st.just("undo"), st.just(""), st.just(0)),
    st.tuples(st.just("redo"), st.just(""), st.just(0)),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(EDITS, max_size=12))
def test_live_checks_equal_a_full_check_and_undo_restores(steps):
    doc = Document(copy.deepcopy(DEMO))
    live = LiveChecks(doc)
    for op, path, n in steps:
        if op == "set":
            value: object = f"单位{n}" if path == "unit_name" else D(n) / 100
            doc.set_value(path, value)
        elif op == "insert":
            items = doc.get(path)
            item = copy.deepcopy(items[0]) if items else type(doc.report.problems)()
            if items:
                doc.insert_item(path, min(n, len(items)), item)
        elif op == "remove" and len(doc.get(path)) > 1:
            doc.remove_item(path, min(n, len(doc.get(path)) - 1))
        elif op == "move" and len(doc.get(path)) > 1:
            doc.move_item(path, 0, min(n, len(doc.get(path)) - 1))
        elif op == "undo":
            doc.undo()
        elif op == "redo":
            doc.redo()
        assert live.findings == check(doc.report) and not live.stale
    while doc.can_undo:
        doc.undo()
    assert doc.report == DEMO
