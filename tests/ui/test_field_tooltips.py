"""Every field of the report, walked from the field schema: on its page, the widget (or the
table column) editing it has a tooltip saying what goes there; every money field's tooltip
says where the figure usually comes from — which 决算/预算 table, which line."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from perfdesk.model.schema import Kind, fields
from perfdesk.ui.pages import STEPS

pytestmark = pytest.mark.gui

# Fields no page edits, and why.
NOT_ON_A_PAGE = {
    "sources": "取数来源: written by 从决算/预算报表取数, shown in the figures' own tooltips",
    "scoring.level1_labels": "a province's own 一级指标 names, kept from an imported file",
}
# A table named in a money field's source: a 决算/预算 table, or the document it is in.
SOURCE_NAMED = re.compile(r"表|文件|指标|报表")


def _skipped(address: str) -> bool:
    return any(address == a or address.startswith((a + ".", a + "[")) for a in NOT_ON_A_PAGE)


def tooltip_of(page: Any, path: str) -> str:
    """What the user sees hovering over the place that edits ``path``: the field, or the
    column header and a cell of the table that holds it."""
    binder = getattr(page, "binder", None)
    if binder is None:  # a page without a form (生成与打印): the widget named for the field
        widget = page.findChild(QWidget, path)
        assert widget is not None, path
        return str(widget.toolTip())
    found = binder.find(path)
    assert found is not None, f"no widget edits {path}"
    widget, rest = found
    if not rest or not hasattr(widget, "model"):
        return str(widget.toolTip())
    model = widget.model
    column = model.column_of(rest.rsplit(".", 1)[-1])
    assert column >= 0, f"{path}: no column in {widget.path}"
    header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""
    cell = ""
    if model.rowCount() > 0:
        cell = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) or ""
    return f"{header}\n{cell}"


@pytest.fixture
def window(make_window):
    w = make_window()
    for key, *_ in STEPS:
        w.page(key)
    return w


def test_every_field_has_a_tooltip_on_its_page(window):
    without, no_label, no_source = [], [], []
    for address, spec in fields().items():
        if spec.kind == Kind.GROUP or _skipped(address):
            continue
        path = address.replace("[]", "[0]")
        tip = tooltip_of(window.page(str(spec.page)), path)
        if not tip.strip():
            without.append(address)
        elif spec.label not in tip:
            no_label.append((address, spec.label, tip))
        if spec.money:
            source = tip.split("通常取自：", 1)[1] if "通常取自：" in tip else ""
            if not SOURCE_NAMED.search(source):
                no_source.append((address, tip))
    assert without == []
    assert no_label == []
    assert no_source == []


def test_every_bound_widget_has_a_tooltip(window):
    pages = [window.page(key) for key, *_ in STEPS]
    bound = [w for page in pages if hasattr(page, "binder") for w in page.binder.widgets]
    assert len(bound) > 100
    assert [getattr(w, "path", type(w).__name__) for w in bound if not w.toolTip().strip()] == []


@pytest.mark.parametrize(("path", "words"), [
    ("basic.personnel.actual", ("公开06表", "人员经费合计")),
    ("basic.personnel.initial", ("预算", "基本支出")),
    ("basic.personnel.annual", ("调整预算",)),
    ("basic.personnel.prior", ("上年", "决算")),
    ("three_public.reception.actual", ("公开07表", "公务接待费")),
    ("income.carryover", ("公开01表", "年初结转和结余")),
    ("declared.overall.actual", ("公开03表", "本年支出合计")),
    ("other_budgets.social_insurance", ("社会保险基金",)),
    ("procurement.actual", ("机构运行信息表", "政府采购支出")),
])
def test_money_tooltips_name_the_table_and_the_line(window, path, words):
    spec = fields()[re.sub(r"\[\d+\]", "[]", path)]
    tip = tooltip_of(window.page(str(spec.page)), path)
    source = tip.split("通常取自：", 1)[1]
    assert all(w in source for w in words), tip


def test_a_table_column_says_what_goes_there(window):
    tip = tooltip_of(window.page("budget"), "adjustments[0].amount")
    assert "金额" in tip and "通常取自" in tip and "预算调整" in tip
