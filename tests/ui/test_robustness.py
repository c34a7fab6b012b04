"""Bad input never crashes: absurd amounts are refused, a failing rule never stops editing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.fields import MoneyEdit
from tests.ui.helpers import type_and_enter

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(demo, qtbot):
    return DocumentController(demo)


def test_money_edit_refuses_an_absurd_amount_and_editing_goes_on(qtbot, doc):
    """26 nines once crashed the check engine and then the undo stack (segfault)."""
    doc.run_pending_checks()
    edit = MoneyEdit(doc, "income.other")
    qtbot.addWidget(edit)
    before = doc.report.income.other
    type_and_enter(qtbot, edit, "9" * 26)
    assert doc.report.income.other == before
    assert "太大" in edit.error
    type_and_enter(qtbot, edit, "13.30")
    assert doc.report.income.other == Decimal("13.30")


def test_a_failing_rule_never_stops_editing(qtbot, doc, monkeypatch, caplog):
    from perfdesk.checks import Checker

    doc.run_pending_checks()
    original = doc.report.income.other

    def broken(self, report, path):
        raise RuntimeError("a faulty rule")

    monkeypatch.setattr(Checker, "recheck", broken)
    doc.set_value("income.other", Decimal("1.00"))  # used to raise UnboundLocalError
    doc.set_value("income.other", Decimal("2.00"))
    assert doc.report.income.other == Decimal("2.00")
    doc.undo_stack.undo()  # the two edits of one field are one step
    assert doc.report.income.other == original
    doc.undo_stack.redo()
    assert doc.report.income.other == Decimal("2.00")
    assert "checking the report failed" in caplog.text


def test_refused_text_is_an_error_until_corrected(qtbot, doc):
    """A red field keeps the old value in the report: say so among the findings, so the
    output is a draft until the text is corrected or Esc brings the value back."""
    doc.run_pending_checks()
    edit = MoneyEdit(doc, "three_public.reception.actual")
    qtbot.addWidget(edit)
    old = doc.report.three_public.reception.actual
    type_and_enter(qtbot, edit, "2.46 yuan")
    refused = [f for f in doc.findings if f.rule == "R-U01"]
    assert [f.path for f in refused] == ["three_public.reception.actual"]
    assert refused[0].severity == "error" and "未被接受" in refused[0].message
    assert doc.report.three_public.reception.actual == old
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not [f for f in doc.findings if f.rule == "R-U01"]
    type_and_enter(qtbot, edit, "2.4x")
    type_and_enter(qtbot, edit, "2.40")
    assert not [f for f in doc.findings if f.rule == "R-U01"]
    assert doc.report.three_public.reception.actual == Decimal("2.40")


def test_refused_text_makes_generation_a_draft(make_window, qtbot):
    from tests.ui.helpers import find

    window = make_window()
    field = find(window.show_page("budget"), "income.other")
    type_and_enter(qtbot, field, "12.3.4")
    page = window.show_page("generate")
    assert page.draft_box.isVisible()
    assert page.generate_button.text() == "生成草稿"
    assert "未被接受" in page.draft_text.text()


@pytest.mark.parametrize(("key", "add"), [("projects", "add_project"), ("narrative", "add_section")])
def test_undoing_an_add_while_its_field_has_the_focus(make_window, qtbot, key, add):
    """The removed item's field commits on focus-out; that once raised IndexError."""
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.files.new_report()
    page = window.show_page(key)
    getattr(page, add)()
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.show_page("basic").setFocus()  # focus leaves the removed item's field
    qtbot.wait(10)
    assert not window.doc.undo_stack.canUndo()


@pytest.fixture
def blank_date(qtbot, doc):
    from perfdesk.ui.widgets.fields import DateField

    doc.report.year = 2024
    doc.set_value("signature_date", None)
    field = DateField(doc, "signature_date")
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    return field


def test_a_blank_date_can_be_typed(qtbot, doc, blank_date):
    qtbot.keyClicks(blank_date, "202504")  # each part moves on to the next when full
    assert doc.report.signature_date is not None
    assert (doc.report.signature_date.year, doc.report.signature_date.month) == (2025, 4)
    assert blank_date.text().startswith("2025年4月")


def test_a_blank_date_steps_from_a_sensible_day(qtbot, doc, blank_date):
    qtbot.keyClick(blank_date, Qt.Key.Key_Up)
    assert doc.report.signature_date is not None
    assert doc.report.signature_date.year >= 2025  # not 1900年1月2日


def test_clearing_a_date_is_its_own_undo_step(qtbot, doc):
    from datetime import date

    from perfdesk.ui.widgets.fields import DateField

    field = DateField(doc, "signature_date")
    qtbot.addWidget(field)
    doc.set_value("signature_date", date(2025, 3, 1))
    field.clear_date()
    doc.set_value("signature_date", date(2025, 3, 9))
    doc.undo_stack.undo()
    assert doc.report.signature_date is None
    assert field.text() == "未填"
