"""Hypothesis strategies for whole report documents, derived from the dataclasses' types."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from hypothesis import strategies as st

from perfdesk.model.report import Report

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
MONEY = st.decimals(min_value=Decimal("-99999999"), max_value=Decimal("99999999"), places=2,
                    allow_nan=False, allow_infinity=False)
ODD_DECIMAL = st.decimals(min_value=Decimal("-1e6"), max_value=Decimal("1e6"),
                          allow_nan=False, allow_infinity=False)


@cache
def for_type(tp: Any) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return st.none() | for_type(inner)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: for_type(hints[f.name]) for f in dataclasses.fields(tp)})
    if origin is list:
        return st.lists(for_type(typing.get_args(tp)[0]), max_size=2)
    if origin is dict:
        _, val = typing.get_args(tp)
        return st.dictionaries(TEXT, for_type(val), max_size=3)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return st.sampled_from(list(tp))
    if tp is Decimal:
        return MONEY | ODD_DECIMAL
    if tp is int:
        return st.integers(min_value=-(10**6), max_value=10**6)
    if tp is str:
        return TEXT
    if tp is bool:
        return st.booleans()
    if tp is date:
        return st.dates()
    raise TypeError(tp)


reports = for_type(Report)
