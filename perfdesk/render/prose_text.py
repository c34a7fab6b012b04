"""Small text helpers for the generated prose: cleaning user text, numbering, amounts.

Everything here is pure Python (no docx, no jinja2): the GUI may import it for previews.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

from perfdesk.model.figures import year_on_year
from perfdesk.model.money import Money, q2
from perfdesk.model.numbers import fmt_percent, wan
from perfdesk.render.dates import small_number_chinese

# Characters XML 1.0 forbids (and C1 controls Word chokes on); \t and \n are kept.
_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")
_CN_NUM = "一二三四五六七八九十"
# After "一、" / "1、" / "第一、": the start of a series such as 一、二季度, 1、2月, 第一、二批
# (not numbering: the numeral belongs to the text).
_SERIES = rf"(?!(?:[{_CN_NUM}两]{{1,3}}|\d{{1,2}})[、，,季月年日号批次期届个项])"
# List numbering only: 1. 1、 1） （1） (1) 一、 （一） ① and 第一，/第一、/第一： (第 + numeral
# + punctuation). Never 第三方 / 第一书记 / 第三部分 (numeral then a character), never a
# decimal (1.5万户), never a year (2024、).
_LEADING_NUMBER = re.compile(
    r"^\s*(?:"
    rf"第(?:[{_CN_NUM}百零〇两]+|\d{{1,3}})(?:[，,、：:；;]{_SERIES}|[.．](?!\d))"
    rf"|[（(](?:[{_CN_NUM}]{{1,3}}|\d{{1,2}})[）)][、.．]?"
    rf"|(?:[{_CN_NUM}]{{1,3}}|\d{{1,2}})[）)]"
    rf"|[{_CN_NUM}]{{1,3}}(?:、{_SERIES}|[.．](?!\d))"
    rf"|\d{{1,2}}[ \t]*(?:、{_SERIES}|[.．](?!\d))"
    "|[\u2460-\u2473\u2776-\u277f\u2780-\u2793]"
    r")\s*"
)


def clean(text: str | None) -> str:
    """User text made safe for XML: illegal control characters removed, CR/LF unified."""
    if not text:
        return ""
    return _ILLEGAL.sub("", _NEWLINES.sub("\n", str(text)))


def paragraphs(*texts: str | None) -> list[str]:
    """Split user text into paragraphs (one per non-blank line), as typed."""
    out: list[str] = []
    for text in texts:
        for line in clean(text).split("\n"):
            if line.strip():
                out.append(line.strip())
    return out


def paragraphs_of(items: Iterable[str | None]) -> list[str]:
    return paragraphs(*items)


def strip_numbering(text: str) -> str:
    """'（一）营商环境' → '营商环境': the template numbers headings itself."""
    return _LEADING_NUMBER.sub("", clean(text).replace("\n", " ")).strip()


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二 (for 一、 and （一） headings)."""
    return small_number_chinese(n) if 0 < n < 100 else str(n)


def numbered(items: Iterable[str], style: Literal["arabic", "paren", "comma"] = "arabic") -> list[str]:
    """Prefix each item: '1.' (arabic), '（一）' (paren) or '一、' (comma)."""
    out = []
    for i, item in enumerate(items, 1):
        body = strip_numbering(item)
        if style == "paren":
            out.append(f"（{cn_number(i)}）{body}")
        elif style == "comma":
            out.append(f"{cn_number(i)}、{body}")
        else:
            out.append(f"{i}.{body}")
    return out


def end_sentence(text: str) -> str:
    """Add '。' unless the text already ends with closing punctuation."""
    text = text.rstrip()
    if not text or text[-1] in "。！？；;.!?…”）)":
        return text
    return text + "。"


def joined(items: Iterable[str], sep: str = "、") -> str:
    return sep.join(i for i in items if i)


def figure_clauses(pairs: Iterable[tuple[str, Money]], sep: str = "，") -> str:
    """'年初预算数为40.00万元，决算数为30.00万元': one clause per known amount, blanks left out."""
    return sep.join(f"{label}{wan(value)}" for label, value in pairs if value is not None)


def pct(fraction: Decimal | None) -> str:
    return fmt_percent(fraction, blank="—")


def is_zero(value: Money) -> bool:
    """Zero or blank: for "is there anything to report" tests, never for "未发生"."""
    return value is None or q2(value) == 0


def known_zero(value: Money) -> bool:
    """A typed 0 (not a blank): only this may be reported as 未发生 / 为零."""
    return value is not None and q2(value) == 0


def change_phrase(current: Money, prior: Money, what: str = "上年决算数") -> str:
    """'较上年决算数43.12万元减少22.81万元，下降52.90%' ('' when either amount is blank)."""
    change = year_on_year(current, prior)
    if change is None:
        return ""
    diff, rate = change
    if diff == 0:
        return f"与{what}{wan(prior)}持平"
    verb, trend = ("增加", "增长") if diff > 0 else ("减少", "下降")
    return f"较{what}{wan(prior)}{verb}{wan(abs(diff))}，{trend}{pct(rate)}"


def count_text(n: int, unit: str) -> str:
    return f"{n}{unit}"
