"""Every field of the report model can be reached: its page focuses a widget for it."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QWidget

from perfdesk.model.report import (
    Adjustment,
    Building,
    Indicator,
    Problem,
    Project,
    Report,
    Section,
)
from perfdesk.model.vocabulary import OUTPUT, AdjustmentKind
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages import STEPS, page_class, page_for_path

pytestmark = pytest.mark.gui

NOT_MINE = {
    "template",  # chosen on the 生成与打印 page
    "sources",  # written by 取数 from the unit's tables, shown in the tooltips of its fields
}
NOT_EDITED = {"scoring.level1_labels"}  # names of 一级指标 outside the default four, from imports


def _one_of_each() -> Report:
    r = Report(year=2024, signature_date=date(2025, 3, 1))
    r.duties = ["职责"]
    r.departments, r.branches, r.subordinates = ["办公室"], ["城关所"], ["执法大队"]
    r.projects = [Project(name="项目", goals=["目标"], achievements=["完成"],
                          indicators=[Indicator("产出指标", "数量指标", "x", "≥1件", "1件",
                                                Decimal(5), Decimal(5))])]
    r.adjustments = [Adjustment("追加", Decimal(1), AdjustmentKind.ADD)]
    r.buildings = [Building("楼")]
    r.goals, r.achievements = ["目标"], ["完成"]
    r.indicators = [Indicator("产出指标", "数量指标", "x", "≥1件", "1件", Decimal(5))]
    r.execution_notes, r.goal_notes = ["段"], ["段"]
    r.sections = [Section("标题", ["段落"])]
    r.problems = [Problem("问题", "措施")]
    r.extra_measures = ["措施"]
    return r


def _leaves(obj: object, prefix: str = "") -> list[str]:
    out: list[str] = []
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        path = f"{prefix}.{f.name}" if prefix else f.name
        if dataclasses.is_dataclass(value):
            out += _leaves(value, path)
        elif isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            out += _leaves(value[0], f"{path}[0]")
        elif isinstance(value, list):
            out.append(f"{path}[0]" if value else path)
        else:
            out.append(path)
    return out


def test_every_field_is_reachable(qtbot):
    doc = DocumentController(_one_of_each())
    pages = {}
    for key, _title, module, cls in STEPS:
        klass = page_class(module, cls)
        if key != "generate":
            pages[key] = klass(doc)
            qtbot.addWidget(pages[key])
    missing = []
    for path in _leaves(doc.report):
        if path.split(".")[0].split("[")[0] in NOT_MINE or path in NOT_EDITED:
            continue
        page = pages[page_for_path(path)]
        if not page.focus_path(path):
            missing.append(path)
    assert not missing, missing


def test_object_names_are_field_paths(qtbot, demo):
    doc = DocumentController(demo)
    from perfdesk.ui.pages.budget import BudgetPage

    page = BudgetPage(doc)
    qtbot.addWidget(page)
    for path in ("basic.personnel.actual", "income.general_budget", "three_public.overseas.initial",
                 "adjustments", "buildings", "declared.overall.actual", "frugality"):
        w = page.findChild(QWidget, path)
        assert w is not None, path


def test_every_finding_lands_on_its_field(qtbot, demo):
    """Break the demo in many ways; each finding's field path is focused by its page."""
    from datetime import date

    from perfdesk.checks import check

    r = demo
    r.unit_name = r.supervisor = ""
    r.duties = []
    r.staffing.actual = 90
    r.basic.personnel.actual = Decimal("-1.234")
    r.declared.basic.actual = Decimal(1)
    r.declared.three_public.initial = Decimal(99)
    r.projects[1].amounts.actual = Decimal(999)
    r.projects[2].indicators[0].score = Decimal(50)
    r.indicators[0].level2 = "经济效益指标"
    r.indicators[1].score = Decimal(99)
    r.indicators[2].name = ""
    r.indicators[3].actual = "1件"
    r.three_public.reception.actual = Decimal(50)
    r.sections[0].paragraphs[0] = "XX……"
    r.problems = [Problem("问题", "")]
    r.signature_date = date(2023, 1, 1)
    r.adjustments[0].amount = Decimal(1)
    r.scoring.weights[OUTPUT] = Decimal(40)
    doc = DocumentController(r)
    pages = {}
    for key, _title, module, cls in STEPS:
        klass = page_class(module, cls)
        if key != "generate":
            pages[key] = klass(doc)
            qtbot.addWidget(pages[key])
    paths = {p for f in check(r) for p in f.paths}
    assert len(paths) > 20
    missed = [p for p in sorted(paths) if not pages[page_for_path(p)].focus_path(p)]
    assert not missed, missed


def test_every_bound_widget_says_what_goes_there(qtbot):
    """A tooltip on every field of every page, from the schema; a money field's also says
    where the figure usually comes from (which 决算 table, which line)."""
    from perfdesk.model.schema import Kind, field_of
    from perfdesk.ui.widgets.fields import MoneyEdit

    doc = DocumentController(_one_of_each())
    silent, no_source = [], []
    for key, _title, module, cls in STEPS:
        if key == "generate":
            continue
        page = page_class(module, cls)(doc)
        qtbot.addWidget(page)
        for w in page.binder.widgets:
            if w.property("computed"):
                continue
            if not w.toolTip().strip():
                silent.append(w.path)
            spec = field_of(w.path)
            if isinstance(w, MoneyEdit) and spec is not None and spec.kind == Kind.MONEY \
                    and "通常取自" not in w.toolTip():
                no_source.append(w.path)
    assert silent == []
    assert no_source == []
