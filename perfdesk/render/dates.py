"""成文日期 in the two styles offices use (DOMAIN.md §2.2).

GB/T 9704-2012 writes Arabic numerals without leading zeros ("2025年3月18日"); the
1999 standard, still common locally, writes Chinese numerals with 〇 (U+3007) for zero
("二〇二五年三月十八日") — never the letter O or the digit 0.
"""

from __future__ import annotations

from datetime import date

from perfdesk.model.vocabulary import DateStyle

ZERO = "\u3007"  # 〇
_DIGITS = (ZERO, "一", "二", "三", "四", "五", "六", "七", "八", "九")


def year_chinese(year: int) -> str:
    """2025 → 二〇二五 (digit by digit)."""
    return "".join(_DIGITS[int(c)] for c in str(year))


def small_number_chinese(n: int) -> str:
    """1..31 as written in dates: 十, 十一, 二十, 二十一, 三十一."""
    if not 0 < n < 100:
        raise ValueError(f"month/day out of range: {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


def format_date(value: date | None, style: DateStyle = DateStyle.ARABIC, blank: str = "") -> str:
    """The date as the 落款 prints it; ``blank`` when no date was entered."""
    if value is None:
        return blank
    if style == DateStyle.CHINESE:
        return (
            f"{year_chinese(value.year)}年{small_number_chinese(value.month)}月"
            f"{small_number_chinese(value.day)}日"
        )
    return f"{value.year}年{value.month}月{value.day}日"
