"""Money as accountants type it: parse_money, its bounds, dashes for "none", formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfdesk.io.xlsx_read import bare_label
from perfdesk.model.money import LIMIT, MoneyError, is_dash, out_of_range, parse_money
from perfdesk.model.numbers import fmt_money

D = Decimal


@pytest.mark.parametrize(("typed", "value"), [
    ("1,234.56", D("1234.56")),
    ("１２３４．５６", D("1234.56")),
    ("56.7万元", D("56.7")),
    ("1 234.56", D("1234.56")),
    ("", None),
    ("—", None),
    ("——", None),
    ("－", None),
    (" – ", None),
])
def test_parse_money_accepts_what_accountants_type(typed, value):
    assert parse_money(typed) == value


@pytest.mark.parametrize("typed", ["12a", "1e3", "¥12", "12,34", "(12.00)", "9" * 26, "-" + "9" * 13])
def test_parse_money_refuses_with_a_chinese_message(typed):
    with pytest.raises(MoneyError) as err:
        parse_money(typed)
    assert "请" in str(err.value) and typed.strip("-")[:5] in str(err.value)


@given(st.decimals(min_value=-LIMIT + 1, max_value=LIMIT - 1, places=2, allow_nan=False))
def test_formatted_amounts_parse_back(value):
    assert parse_money(fmt_money(value)) == value


@given(st.text(alphabet="-‐‑‒–—―−－﹣ ", min_size=1).filter(lambda s: s.strip()))
def test_any_run_of_dashes_is_blank(text):
    assert is_dash(text)
    assert parse_money(text) is None


def test_out_of_range():
    assert out_of_range(LIMIT) and out_of_range(-LIMIT) and out_of_range(D("NaN"))
    assert not out_of_range(LIMIT - D("0.01"))


@pytest.mark.parametrize(("label", "bare"), [
    ("1、一般公共预算", "一般公共预算"),
    ("一、基本支出", "基本支出"),
    ("其中：人员经费：", "人员经费"),
    ("1.5万户新增市场主体", "1.5万户新增市场主体"),  # a decimal, not numbering
])
def test_bare_label_strips_numbering_but_not_decimals(label, bare):
    assert bare_label(label) == bare
