"""Amounts as the tables hold them: floats read exactly (Decimal(repr(x))), 元 to 万元 half-up
to 0.01, the exact source value kept; labels normalised the same way however they are typed."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from perfdesk.io.tables import importer
from perfdesk.io.tables.profiles import load_profiles, norm
from perfdesk.model.report import Report

THREE_PUBLIC = [p for p in load_profiles() if p.id == "final_07"]

_YUAN = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False,
                    allow_infinity=False)


def _table(path, unit: str, amount: float) -> None:
    wb = Workbook()
    ws = wb.active
    for row in (["2024年度一般公共预算财政拨款“三公”经费支出决算表"], [None, f"金额单位：{unit}"],
                ["项目", "决算数"], ["公务接待费", amount]):
        ws.append(row)
    wb.save(path)


@settings(max_examples=40, deadline=None)
@given(_YUAN)
def test_yuan_become_wanyuan_half_up_with_the_exact_value_kept(tmp_path_factory, yuan):
    path = tmp_path_factory.mktemp("t") / "t.xlsx"
    _table(path, "元", float(yuan))
    plan = importer.read_tables([path], Report(year=2024), profiles=THREE_PUBLIC)
    (c,) = [c for c in plan.candidates if c.path == "three_public.reception.actual"]
    assert c.value == (yuan / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert Decimal(c.source.raw) == yuan and c.source.unit == "元"
    assert c.source.value == c.value


@settings(max_examples=25, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("99999.999"), places=3, allow_nan=False, allow_infinity=False))
def test_wanyuan_with_more_decimals_are_rounded_and_said_so(tmp_path_factory, wanyuan):
    path = tmp_path_factory.mktemp("t") / "t.xlsx"
    _table(path, "万元", float(wanyuan))
    plan = importer.read_tables([path], Report(year=2024), profiles=THREE_PUBLIC)
    (c,) = [c for c in plan.candidates if c.path == "three_public.reception.actual"]
    assert c.value == wanyuan.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert Decimal(c.source.raw) == wanyuan
    assert ("已四舍五入" in c.note) == (wanyuan != c.value)


@given(st.sampled_from(["公务接待费", "因公出国（境）费", "人员经费合计"]),
       st.sampled_from(["", "1.", "一、", "(2)", "（三）", "其中:", "其中：(1)"]),
       st.sampled_from(["", " ", "　", "\n"]))
def test_numbering_spaces_and_width_do_not_change_a_label(label, prefix, space):
    typed = prefix + space.join(label)
    assert norm(typed) == norm(label)
