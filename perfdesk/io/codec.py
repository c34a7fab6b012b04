"""Generic, strict conversion between the report dataclasses and JSON values.

Driven by the dataclasses' type hints, so a new field needs no codec change. Decoding
validates everything and raises ``FormatError`` with a Chinese message and the JSON path
of the offending value; encoding is deterministic (field order, canonical Decimal text).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from perfdesk.model.money import out_of_range

_DECIMAL_TEXT = re.compile(r"^-?(\d+)(\.\d+)?$")


class FormatError(ValueError):
    """A report file that cannot be read. ``message`` is Chinese and user-facing."""

    def __init__(self, message: str, path: str = "") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{message}（位置：{path}）" if path else message)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if tp is str:
        return "文本"
    if tp is int:
        return "整数"
    if tp is bool:
        return "是/否"
    if tp is Decimal:
        return "数字（如 \"123.45\"）"
    if tp is date:
        return "日期（如 \"2024-03-15\"）"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "取值（" + "、".join(f"“{m.value}”" for m in tp) + "）"
    if origin is list:
        return "列表"
    if origin is dict or dataclasses.is_dataclass(tp):
        return "对象"
    return str(tp)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 20 else value[:20] + "…"
        return f"文本“{shown}”"
    if isinstance(value, bool):
        return "一个是/否值"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "对象"
    if value is None:
        return "空值"
    return f"数值 {value}"


def _decimal(value: Any, path: str) -> Decimal:
    if isinstance(value, bool):
        raise FormatError(f"应为数字，实际是{_describe(value)}", path)
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, str):
        if not _DECIMAL_TEXT.match(value):
            raise FormatError(
                f"“{value}”不是有效数字：应为不带千位分隔符的数字，如 \"1234.56\"", path
            )
        try:
            number = Decimal(value)
        except InvalidOperation as exc:  # pragma: no cover - regex guards
            raise FormatError(f"“{value}”不是有效数字", path) from exc
    else:
        raise FormatError(f"应为数字，实际是{_describe(value)}", path)
    if out_of_range(number):
        raise FormatError(f"数值“{value}”太大，超出可处理的范围", path)
    return number


def _enum(tp: type[Enum], value: Any, path: str) -> Enum:
    for member in tp:
        if isinstance(value, str) and value == member.value:
            return member
    allowed = "、".join(f"“{getattr(m, 'label', m.value)}”" for m in tp)
    raise FormatError(f"{_describe(value)}不是有效的取值，应为 {allowed} 之一", path)


def decode(tp: Any, value: Any, path: str) -> Any:
    """Build a value of type ``tp`` from JSON ``value``; raise FormatError on mismatch."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return decode(args[0], value, path)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise FormatError(f"应为对象，实际是{_describe(value)}", path)
        hints = _hints(typing.cast(type, tp))
        names = {f.name for f in dataclasses.fields(tp)}
        unknown = sorted(set(value) - names)
        if unknown:
            raise FormatError("含有本程序不认识的内容：此文件可能由更新版本的 PerfDesk 保存，"
                              "请升级 PerfDesk 后再打开", path)
        kwargs = {k: decode(hints[k], v, f"{path}.{k}" if path else k) for k, v in value.items()}
        return typing.cast(type, tp)(**kwargs)
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise FormatError(f"应为列表，实际是{_describe(value)}", path)
        return [decode(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        _, val_tp = typing.get_args(tp)
        if not isinstance(value, dict):
            raise FormatError(f"应为对象，实际是{_describe(value)}", path)
        return {str(k): decode(val_tp, v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum(tp, value, path)
    if tp is Decimal:
        return _decimal(value, path)
    if tp is bool:
        if not isinstance(value, bool):
            raise FormatError(f"应为是/否值，实际是{_describe(value)}", path)
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError(f"应为整数，实际是{_describe(value)}", path)
        return value
    if tp is str:
        if not isinstance(value, str):
            raise FormatError(f"应为文本，实际是{_describe(value)}", path)
        return value
    if tp is date:
        if not isinstance(value, str):
            raise FormatError(f"应为日期文本，实际是{_describe(value)}", path)
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise FormatError(f"“{value}”不是有效日期，应为 YYYY-MM-DD", path) from exc
    raise TypeError(f"codec cannot handle {tp!r}")  # programming error, not user input


def decimal_text(value: Decimal) -> str:
    """Canonical text for a Decimal: plain notation, no exponent, no '-0'."""
    text = format(value, "f")
    return text[1:] if text.startswith("-") and value == 0 else text


def encode(value: Any) -> Any:
    """JSON value for a dataclass tree; the inverse of ``decode``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def type_name(tp: Any) -> str:
    """Chinese name of a field type, for docs and messages."""
    return _type_name(tp)
