"""Parsing what people type as 年度指标值 and 实际完成值 (DOMAIN.md §3).

``parse(text)`` turns ``≥1.5万件`` into ``Value(">=", Decimal("15000"), "件")`` and
``不断加强`` into a qualitative value. It never raises and never guesses: text that is not
plainly a number with a known unit stays qualitative, and ``achievement(text)`` only
reports "achieved" wording when it is unambiguous.

Units are canonical: 万/亿 multiply the number (``1.5万件`` = 15000 件, ``150万元`` =
1500000 元), ‰ becomes % (``5‰`` = 0.5%), and synonyms share one name (日 = 天,
名 = 人, 平方米 = m²). Results are cached: the same text is parsed once per process.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

GE = ">="
LE = "<="
GT = ">"
LT = "<"
EQ = "="
COMPARATOR_SIGNS = {GE: "≥", LE: "≤", GT: ">", LT: "<", EQ: "="}

EMPTY = "empty"
QUANTITATIVE = "quantitative"
QUALITATIVE = "qualitative"

# Achievement wording in an actual (see ``achievement``).
ACHIEVED = "achieved"
PARTIAL = "partial"
MISSED = "missed"

_PREFIXES: tuple[tuple[str, str], ...] = (
    # longest first within each group; matched after spaces are removed
    ("大于或等于", GE),
    ("大于等于", GE),
    ("不低于", GE),
    ("不少于", GE),
    ("不小于", GE),
    ("至少", GE),
    ("达到", GE),
    (">=", GE),
    ("=>", GE),
    ("≥", GE),
    ("≧", GE),
    ("⩾", GE),
    ("小于或等于", LE),
    ("小于等于", LE),
    ("不高于", LE),
    ("不超过", LE),
    ("不多于", LE),
    ("不大于", LE),
    ("至多", LE),
    ("最多", LE),
    ("<=", LE),
    ("=<", LE),
    ("≤", LE),
    ("≦", LE),
    ("⩽", LE),
    ("大于", GT),
    ("高于", GT),
    ("超过", GT),
    ("多于", GT),
    (">", GT),
    ("小于", LT),
    ("低于", LT),
    ("少于", LT),
    ("<", LT),
    ("等于", EQ),
    ("==", EQ),
    ("=", EQ),
)
# Words that may precede the comparator/number and carry no meaning of their own.
_LEADING_FILLER = ("控制在", "保持在", "在")
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("及以上", GE),
    ("以上", GE),
    ("及以下", LE),
    ("以下", LE),
    ("以内", LE),
    ("之内", LE),
    ("内", LE),
)

_COMPATIBLE = ((GT, GE), (LT, LE))

_MULTIPLIERS: tuple[tuple[str, Decimal], ...] = (
    ("千万", Decimal(10) ** 7),
    ("百万", Decimal(10) ** 6),
    ("十万", Decimal(10) ** 5),
    ("万", Decimal(10) ** 4),
    ("亿", Decimal(10) ** 8),
    ("千", Decimal(10) ** 3),
)

# Known units and their canonical names. A unit not listed here makes the text qualitative.
_UNIT_ALIASES: dict[str, str] = {
    "": "",
    "%": "%",
    "件": "件",
    "批次": "批次",
    "批": "批次",
    "户": "户",
    "户次": "户次",
    "家": "家",
    "家次": "家次",
    "次": "次",
    "人次": "人次",
    "车次": "车次",
    "台次": "台次",
    "架次": "架次",
    "天": "天",
    "日": "天",
    "个工作日": "个工作日",
    "工作日": "个工作日",
    "小时": "小时",
    "个小时": "小时",
    "分钟": "分钟",
    "周": "周",
    "个月": "个月",
    "元": "元",
    "辆": "辆",
    "台": "台",
    "台件": "台件",
    "台套": "台套",
    "套": "套",
    "人": "人",
    "名": "人",
    "位": "人",
    "份": "份",
    "起": "起",
    "个": "个",
    "项": "项",
    "场": "场",
    "场次": "场次",
    "期": "期",
    "所": "所",
    "座": "座",
    "处": "处",
    "条": "条",
    "篇": "篇",
    "张": "张",
    "本": "本",
    "册": "册",
    "宗": "宗",
    "例": "例",
    "块": "块",
    "支": "支",
    "只": "只",
    "间": "间",
    "栋": "栋",
    "所次": "所次",
    "吨": "吨",
    "公斤": "kg",
    "千克": "kg",
    "kg": "kg",
    "公里": "公里",
    "千米": "公里",
    "km": "公里",
    "米": "米",
    "m": "米",
    "平方米": "m²",
    "m²": "m²",
    "m2": "m²",
    "亩": "亩",
    "株": "株",
    "棵": "棵",
    "分": "分",
    "倍": "倍",
    "个百分点": "个百分点",
}
# Per-period denominators ('次/年'); 年 and 月 alone are not units: '2024年', '12月' are dates.
_DENOMINATORS: dict[str, str] = {
    **_UNIT_ALIASES,
    "年": "年",
    "月": "月",
    "季度": "季度",
    "季": "季度",
}
_MAX_UNIT_LEN = max(len(u) for u in _UNIT_ALIASES)

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)")
_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_SPACES = re.compile(r"\s+")
_TRAILING_PUNCT = "。.;；,，!！"


@dataclass(frozen=True)
class Value:
    """One parsed 指标值 / 完成值.

    ``kind`` is EMPTY, QUANTITATIVE or QUALITATIVE. For QUANTITATIVE, ``comparator`` is
    one of GE/LE/GT/LT/EQ (EQ when none is written), ``number`` is in the canonical unit
    (multipliers applied) and ``step`` is the precision it was typed with, in that unit
    (``1.5万件`` -> 1000, ``98.2%`` -> 0.1).
    """

    kind: str
    text: str
    comparator: str = EQ
    number: Decimal = Decimal(0)
    unit: str = ""
    step: Decimal = Decimal(1)

    @property
    def quantitative(self) -> bool:
        return self.kind == QUANTITATIVE

    def show(self) -> str:
        """The value as the checks print it, e.g. '≥15000件'."""
        if self.kind != QUANTITATIVE:
            return self.text
        sign = "" if self.comparator == EQ else COMPARATOR_SIGNS[self.comparator]
        return f"{sign}{_plain(self.number)}{self.unit}"


def _plain(number: Decimal) -> str:
    """15000.0 -> '15000', 0.50 -> '0.5'."""
    return format(number.normalize(), "f")


def normalize(text: str) -> str:
    """NFKC (full-width digits and signs), no spaces, no thousands separators."""
    s = unicodedata.normalize("NFKC", text)
    s = _SPACES.sub("", s)
    s = _GROUPED.sub(lambda m: m.group(0).replace(",", ""), s)
    return s.strip(_TRAILING_PUNCT)


def _strip_prefix(s: str) -> tuple[str, str | None]:
    for word, comp in _PREFIXES:
        if s.startswith(word):
            return s[len(word) :], comp
    return s, None


def _strip_suffix(s: str) -> tuple[str, str | None]:
    for word, comp in _SUFFIXES:
        if s.endswith(word):
            return s[: -len(word)], comp
    return s, None


def _unit_and_scale(rest: str) -> tuple[str, Decimal] | None:
    """'万件' -> ('件', 10000); '元/批次' -> ('元/批次', 1); unknown unit -> None."""
    scale = Decimal(1)
    for word, mult in _MULTIPLIERS:
        if rest.startswith(word):
            scale = mult
            rest = rest[len(word) :]
            break
    if rest.startswith("%") or rest.startswith("‰"):
        if rest[1:]:
            return None
        return "%", (scale / 10 if rest[0] == "‰" else scale)
    if "/" in rest:
        num, _, den = rest.partition("/")
        if num not in _UNIT_ALIASES or den not in _DENOMINATORS or not num or not den:
            return None
        return f"{_UNIT_ALIASES[num]}/{_DENOMINATORS[den]}", scale
    if len(rest) > _MAX_UNIT_LEN or rest not in _UNIT_ALIASES:
        return None
    return _UNIT_ALIASES[rest], scale


@lru_cache(maxsize=65536)
def parse(text: str) -> Value:
    """Parse a target or actual. Never raises; unknown shapes are QUALITATIVE."""
    try:
        return _parse(text)
    except (InvalidOperation, ValueError, ArithmeticError):  # pragma: no cover - defensive
        return Value(QUALITATIVE, text)


def _parse(text: str) -> Value:
    s = normalize(text)
    if not s or s in ("-", "—", "/", "无数据"):
        return Value(EMPTY, text)
    for filler in _LEADING_FILLER:
        if s.startswith(filler) and len(s) > len(filler):
            candidate = s[len(filler) :]
            if candidate[:1].isdigit() or _strip_prefix(candidate)[1] is not None:
                s = candidate
            break
    s, pre = _strip_prefix(s)
    s, post = _strip_suffix(s)
    if pre is not None and post is not None and pre != post and (pre, post) not in _COMPATIBLE:
        return Value(QUALITATIVE, text)
    comparator = pre or post or EQ
    m = _NUMBER.match(s)
    if m is None:
        return Value(QUALITATIVE, text)
    digits = m.group(0)
    found = _unit_and_scale(s[m.end() :])
    if found is None:
        return Value(QUALITATIVE, text)
    unit, scale = found
    number = Decimal(digits)
    if not number.is_finite():  # pragma: no cover - the regex admits digits only
        return Value(QUALITATIVE, text)
    step = scale.scaleb(-len(digits.partition(".")[2]))
    return Value(QUANTITATIVE, text, comparator, number * scale, unit, step)


def units_agree(a: Value, b: Value) -> bool:
    """Same canonical unit; a unit left out on one side is taken to agree."""
    return a.unit == b.unit or not a.unit or not b.unit


_NEGATION = re.compile(r"未|没有|没|不足|不到|尚|滞后|延期|延迟|推迟|差距|偏低|欠|缺|无法|未能|暂")
_PARTIAL = re.compile(r"部分|基本|大部|大体|初步|逐步推进|有待|一定")
_ACHIEVED = re.compile(
    r"^(已|全面|全部|均已|均|按时|按期|如期|及时|顺利|圆满)?"
    r"(达到|达成|完成|实现|达标|落实|公开|办结|到位|发放|执行)"
    r"|^已[\u4e00-\u9fff]"
    r"|^与.{1,12}(一致|匹配|相符|相一致)$"
    r"|^(符合|满足)"
    r"|(完成|达到|达成|实现)(年度)?(目标|任务|要求|计划|指标)?$"
)

_MISSED = re.compile(
    r"(未|没有|未能|尚未)(按时|按期|及时|如期)?(完成|达到|达成|实现|落实|公开|公示|到位|发放|办结)"
)
_PROGRESS = re.compile(r"达到|达成|完成|实现|落实|公开|办结|到位|执行|加强|提高|提升|改善|增强|健全")


@lru_cache(maxsize=65536)
def achievement(actual: str, target: str = "") -> str | None:
    """What the actual's wording plainly says: ACHIEVED, PARTIAL, MISSED, or None.

    An actual that restates the target word for word (``不断加强`` / ``不断加强``) is the
    accountant's statement that it was reached. Anything hedged ("基本完成", "部分落实")
    is PARTIAL, anything negated ("未完成", "尚未公开") MISSED; otherwise None.
    """
    a = normalize(actual)
    if not a:
        return None
    t = normalize(target)
    if t and a == t and parse(target).kind != QUANTITATIVE:
        return ACHIEVED
    negated = _NEGATION.search(a) is not None
    if negated:
        if _MISSED.search(a):
            return MISSED
        if _PARTIAL.search(a):
            return PARTIAL
        return None
    if _PARTIAL.search(a):
        return PARTIAL if _PROGRESS.search(a) else None
    if _ACHIEVED.search(a):
        return ACHIEVED
    return None
