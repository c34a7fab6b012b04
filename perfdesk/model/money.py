"""Money (万元, Decimal) and percentages: parsing what people type, formatting for output.

Money is never a float. Values keep the precision they were entered with so that the
check engine can flag more than two decimals (R-B10); output formats to two places.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

Money = Decimal | None

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
# Largest magnitude accepted anywhere (万元, counts of 平方米, scores): far above any budget
# (10¹² 万元 = 10¹⁶ yuan) and well inside Decimal's 28 digits, so sums and rounding never fail.
LIMIT = Decimal(10) ** 12

_MONEY_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


# A cell holding only dashes (“—”, “——”, “-”, “－”) is how the paper forms and Excel sheets
# write “nothing here”: blank wherever an amount or a number is expected.
_DASHES = frozenset("-‐‑‒–—―−－﹣")


def is_dash(text: str) -> bool:
    s = "".join(str(text).split())
    return bool(s) and set(s) <= _DASHES


class MoneyError(ValueError):
    """Text that is not an amount; the message is Chinese and says what to type."""


def out_of_range(value: Decimal) -> bool:
    """True for NaN, infinity and magnitudes of LIMIT or more (a typo with extra digits)."""
    return not value.is_finite() or abs(value) >= LIMIT


def q2(value: Decimal) -> Decimal:
    """Round half up to two places (never Python's banker's round())."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_money(text: str, *, allow_grouping: bool = True) -> Money:
    """Parse an amount in 万元 as typed or pasted by an accountant.

    Accepts full-width digits, spaces, thousands separators (``1,234.56``) and a trailing
    ``万元``/``万``. Empty text is ``None`` (a blank cell). Anything else raises MoneyError.
    """
    raw = text
    s = unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace("\u3000", "")
    for suffix in ("万元", "万"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            break
    if not s or is_dash(s):
        return None
    if allow_grouping and _GROUPED_RE.match(s):
        s = s.replace(",", "")
    if not _MONEY_RE.match(s):
        raise MoneyError(f"“{raw}”不是有效金额，请输入数字（单位万元），如 1234.56")
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - regex already guards
        raise MoneyError(f"“{raw}”不是有效金额") from exc
    if out_of_range(value):
        raise MoneyError(f"“{raw}”太大了（单位是万元），请检查是否多输了数字")
    return value


def ratio(numerator: Money, denominator: Money) -> Decimal | None:
    """numerator ÷ denominator as an exact Decimal fraction, or None when undefined."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def total(values: list[Money]) -> Money:
    """Sum that treats blanks as 0 but stays None when every value is blank."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present, Decimal(0))
