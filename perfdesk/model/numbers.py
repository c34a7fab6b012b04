"""How numbers are written: the one place that turns money, rates and points into text.

Money is 万元 with two decimals, rounded half up (``money.q2``); a rate is a percentage with
two decimals, rounded the same way, so that the Word text, the Excel cells and the screen
agree to the cent. Each function says where its form is used.
"""

from __future__ import annotations

from decimal import Decimal

from perfdesk.model.money import CENT, HUNDRED, Money, q2


def fmt_money(value: Money, blank: str = "") -> str:
    """Two decimals, no grouping: the way the published forms and the prose print 万元."""
    if value is None:
        return blank
    return f"{q2(value):.2f}"


def fmt_money_exact(value: Money, blank: str = "") -> str:
    """Two decimals, or every decimal when the value has more (a 0.001 slip stays visible):
    for messages and for the screen, which show what was typed."""
    if value is not None and value.is_finite() and value != value.quantize(CENT):
        return format(value, "f")
    return fmt_money(value, blank)


def wan(value: Money) -> str:
    """An amount as prose prints it: '696.00万元'; '' for a blank (unknown) amount.

    A blank is never printed as 0.00: a sentence leaves the clause of an unknown amount out.
    """
    return "" if value is None else f"{fmt_money(value)}万元"


def percent_value(fraction: Decimal | None) -> Decimal | None:
    """A rate rounded as printed (two decimals of the percentage, half up), as a fraction:
    12.345% → 0.1235. What an Excel cell holds, so '0.00%' shows exactly the report's figure."""
    if fraction is None:
        return None
    return q2(fraction * HUNDRED).scaleb(-2)


def fmt_percent(fraction: Decimal | None, blank: str = "") -> str:
    """A fraction (0.567) as '56.70%'."""
    if fraction is None:
        return blank
    return f"{q2(fraction * HUNDRED):.2f}%"


def fmt_points(value: Decimal | None, blank: str = "") -> str:
    """A 分值 or 得分, wherever it is shown: two decimals, a whole number without them
    (99.80, 7.50, 90), rounded half up like every score."""
    if value is None:
        return blank
    v = q2(value)
    return f"{v:.2f}".rstrip("0").rstrip(".") if v == v.to_integral_value() else f"{v:.2f}"
