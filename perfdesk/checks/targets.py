"""Parsing what people type as 年度指标值 and 实际完成值 (DOMAIN.md §3–§4).

``parse(text)`` turns ``≥1.5万件`` into ``Value(">=", Decimal("15000"), "件")`` and
``不断加强`` into a qualitative value. It never raises and never guesses: text that is not
plainly a number with a known unit stays qualitative, and ``achievement(text)`` only
reports "achieved" wording when it is unambiguous.

Besides single numbers a quantitative value may be

* a **range** (``95%-100%``, ``5~10天``, ``90%至95%``): ``number`` is its low end, ``high``
  its high end;
* a **deadline** (``12月底前``, ``2024年12月31日前``, ``年底前完成``; as an actual
  ``次年2月完成``): ``number`` is the months since the start of its year (12月底 = 12,
  6月15日 = 5.5, 次年2月 = 14); a whole month written as an actual lies in
  (``number`` − ``span``, ``number``];
* a **change** (``同比增长5%``, ``下降8%``, ``提高2个百分点``): ``number`` is the size of the
  change and ``sense`` its sign (+1 增长/提高…, −1 下降/减少…, 0 持平).

``stated`` tells whether a comparator was written: ``≥``, ``不超过``, ``以内``, and
``控制在 N`` (at most N). ``120件`` and a bare ``保持在95%`` state none: their direction
is inferred from the row (``checks.suggest``).

Units are canonical: 万/亿 multiply the number (``1.5万件`` = 15000 件, ``150万元`` =
1500000 元; ``mult`` keeps the multiplier typed), ‰ becomes % (``5‰`` = 0.5%), synonyms
share one name (日 = 天, 名 = 人, 批 = 批次, 平方米 = m²) and a few units convert (小时 = 60
分钟, 吨 = 1000 kg, 公里 = 1000 米; ``factor``). Results are cached: the same text is
parsed once per process.
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

# Shapes of a quantitative value.
NUMBER = "number"
RANGE = "range"
DEADLINE = "deadline"
CHANGE = "change"

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
# Words before the number: 控制在 N is "at most N" unless a comparator says otherwise;
# 保持在 N and 在 N carry no direction of their own.
_CONTROL = "控制在"
_LEADING_FILLER = (_CONTROL, "保持在", "在")
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
MULTIPLIER_WORDS = {mult: word for word, mult in _MULTIPLIERS}

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
    "小时": "分钟",
    "个小时": "分钟",
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
    "吨": "kg",
    "公斤": "kg",
    "千克": "kg",
    "kg": "kg",
    "公里": "米",
    "千米": "米",
    "km": "米",
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
# Units that convert to their canonical unit by a factor (the others: 1).
_UNIT_FACTORS: dict[str, Decimal] = {
    "小时": Decimal(60),
    "个小时": Decimal(60),
    "吨": Decimal(1000),
    "公里": Decimal(1000),
    "千米": Decimal(1000),
    "km": Decimal(1000),
}
# Canonical units of a length of time (a 时效指标 in one of these is "less is better").
DURATION_UNITS = frozenset({"天", "个工作日", "分钟", "周", "个月"})
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
    one of GE/LE/GT/LT/EQ (EQ when none is written; ``stated`` says whether one was),
    ``number`` is in the canonical unit (multiplier and unit factor applied) and ``step``
    is the precision it was typed with, in that unit (``1.5万件`` -> 1000, ``98.2%`` ->
    0.1). ``shape`` is NUMBER, RANGE, DEADLINE or CHANGE (see the module docstring).
    """

    kind: str
    text: str
    comparator: str = EQ
    number: Decimal = Decimal(0)
    unit: str = ""
    step: Decimal = Decimal(1)
    stated: bool = False
    shape: str = NUMBER
    high: Decimal | None = None  # RANGE: the high end
    span: Decimal = Decimal(0)  # DEADLINE: a whole month (or 旬) written as an actual
    sense: int = 0  # CHANGE: +1 up, -1 down, 0 持平
    year: int | None = None  # DEADLINE: a year written out
    mult: Decimal = Decimal(1)  # the multiplier typed (万 = 10⁴)
    factor: Decimal = Decimal(1)  # unit conversion to the canonical unit (小时 = 60 分钟)
    unit_text: str = ""  # the unit as typed, without its multiplier ('元', '小时', '批')

    @property
    def quantitative(self) -> bool:
        return self.kind == QUANTITATIVE

    @property
    def scale(self) -> Decimal:
        """What one typed unit is in the canonical unit (万元 -> 10000, 小时 -> 60)."""
        return self.mult * self.factor

    def show(self) -> str:
        """The value as the checks print it, e.g. '≥15000件'."""
        if self.kind != QUANTITATIVE:
            return self.text
        sign = COMPARATOR_SIGNS[self.comparator] if self.stated else ""
        if self.shape == RANGE and self.high is not None:
            return f"{plain(self.number)}–{plain(self.high)}{self.unit}"
        if self.shape in (DEADLINE, CHANGE):
            return normalize(self.text)
        return f"{sign}{plain(self.number)}{self.unit}"


def plain(number: Decimal) -> str:
    """15000.0 -> '15000', 0.50 -> '0.5'."""
    return format(number.normalize(), "f")


_plain = plain


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


@dataclass(frozen=True)
class _Unit:
    unit: str  # canonical
    mult: Decimal
    factor: Decimal
    text: str  # as typed, without the multiplier


def _unit_and_scale(rest: str) -> _Unit | None:
    """'万件' -> 件 ×10000; '元/批次' -> 元/批次; '小时' -> 分钟 ×60; unknown -> None."""
    mult = Decimal(1)
    for word, m in _MULTIPLIERS:
        if rest.startswith(word):
            mult = m
            rest = rest[len(word) :]
            break
    if rest.startswith("%") or rest.startswith("‰"):
        if rest[1:]:
            return None
        if rest[0] == "‰":
            return _Unit("%", mult / 10, Decimal(1), "%")
        return _Unit("%", mult, Decimal(1), "%")
    if "/" in rest:
        num, _, den = rest.partition("/")
        if num not in _UNIT_ALIASES or den not in _DENOMINATORS or not num or not den:
            return None
        return _Unit(f"{_UNIT_ALIASES[num]}/{_DENOMINATORS[den]}", mult, _UNIT_FACTORS.get(num, Decimal(1)),
                     rest)
    if len(rest) > _MAX_UNIT_LEN or rest not in _UNIT_ALIASES:
        return None
    return _Unit(_UNIT_ALIASES[rest], mult, _UNIT_FACTORS.get(rest, Decimal(1)), rest)


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
    for reader in (_number, _range, _change, _deadline):
        value = reader(s, text)
        if value is not None:
            return value
    return Value(QUALITATIVE, text)


def _comparator_and_rest(s: str) -> tuple[str, str, bool] | None:
    """(comparator, the number and unit, stated) of a bound; None for contradictory words."""
    control = False
    for filler in _LEADING_FILLER:
        if s.startswith(filler) and len(s) > len(filler):
            candidate = s[len(filler) :]
            if candidate[:1].isdigit() or _strip_prefix(candidate)[1] is not None:
                s = candidate
                control = filler == _CONTROL
            break
    s, pre = _strip_prefix(s)
    s, post = _strip_suffix(s)
    if pre is not None and post is not None and pre != post and (pre, post) not in _COMPATIBLE:
        return None
    written = pre or post
    if written is None and control:
        return LE, s, True  # 控制在15天: at most 15 天
    return written or EQ, s, written is not None


def _number(s: str, text: str) -> Value | None:
    bound = _comparator_and_rest(s)
    if bound is None:
        return Value(QUALITATIVE, text)
    comparator, s, stated = bound
    m = _NUMBER.match(s)
    if m is None:
        return None
    digits = m.group(0)
    unit = _unit_and_scale(s[m.end() :])
    if unit is None:
        return None
    number = Decimal(digits)
    if not number.is_finite():  # pragma: no cover - the regex admits digits only
        return None
    scale = unit.mult * unit.factor
    step = scale.scaleb(-len(digits.partition(".")[2]))
    return Value(QUANTITATIVE, text, comparator, number * scale, unit.unit, step, stated,
                 mult=unit.mult, factor=unit.factor, unit_text=unit.text)


_RANGE = re.compile(r"^(\d+(?:\.\d+)?)([^\d~至到\-—–]*)(?:-|~|—|–|至|到)(\d+(?:\.\d+)?)(.*)$")


def _range(s: str, text: str) -> Value | None:
    """'95%-100%', '5~10天', '1-2万元': a range, met inside."""
    m = _RANGE.match(s)
    if m is None:
        return None
    low_digits, low_unit, high_digits, high_unit = m.groups()
    unit = _unit_and_scale(high_unit)
    if unit is None:
        return None
    if low_unit:
        first = _unit_and_scale(low_unit)
        if first is None or (first.unit not in ("", unit.unit)) or first.factor != unit.factor:
            return None
        if first.unit == "" and first.mult != unit.mult and first.mult != 1:
            return None
    scale = unit.mult * unit.factor
    low, high = Decimal(low_digits) * scale, Decimal(high_digits) * scale
    if low > high:
        return None
    digits = max(len(low_digits.partition(".")[2]), len(high_digits.partition(".")[2]))
    return Value(QUANTITATIVE, text, EQ, low, unit.unit, scale.scaleb(-digits), True, RANGE, high,
                 mult=unit.mult, factor=unit.factor, unit_text=unit.text)


_CHANGE = re.compile(
    r"^(?:同比|较上年度?|比上年度?|较去年|比去年|环比|较上期|比上期|较上一年度?|与上年相比)?"
    r"(增长|增加|提高|提升|上升|下降|减少|降低|回落|下降了|增长了)(.+)$"
)
_UP = ("增长", "增加", "提高", "提升", "上升", "增长了")


def _change(s: str, text: str) -> Value | None:
    """'同比增长5%', '下降8%', '提高2个百分点', '持平': a change against last year."""
    if s in ("持平", "与上年持平", "同比持平", "基本持平"):
        return Value(QUANTITATIVE, text, EQ, Decimal(0), "", Decimal(0), False, CHANGE, sense=0)
    m = _CHANGE.match(s)
    if m is None:
        return None
    inner = _number(m.group(2), m.group(2))
    if inner is None or inner.kind != QUANTITATIVE:
        return None
    sense = 1 if m.group(1) in _UP else -1
    return Value(QUANTITATIVE, text, inner.comparator, inner.number, inner.unit, inner.step, inner.stated,
                 CHANGE, sense=sense, mult=inner.mult, factor=inner.factor, unit_text=inner.unit_text)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DEADLINE = re.compile(
    r"^(?:(?P<rel>当年|本年|今年|次年|明年|翌年)|(?P<year>20\d{2})年)?(?:"
    r"(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})[日号]|(?P<end>底|末)|(?P<part>上旬|中旬|下旬|初|份))?"
    r"|(?P<yearend>年底|年末|年内|年度内))"
    r"(?P<before>前|之前|以前|内|止)?"
    r"(?P<verb>(?:全部|全面)?(?:完成|办结|到位|完工|结束|实施完毕|竣工|验收|拨付|支付|兑付|发放|公开|上报|报送)"
    r"(?:任务|工作|建设)?)?$"
)
_NEXT_YEAR = ("次年", "明年", "翌年")
_PARTS = {"上旬": (0, 10), "初": (0, 10), "中旬": (10, 20), "下旬": (20, 31)}


def _deadline(s: str, text: str) -> Value | None:
    """'12月底前', '2024年12月31日前', '年底前完成', '次年2月完成': a point in time, as the
    months since the start of its year (12月底 = 12, 6月15日 = 5.5, 次年2月 = 14)."""
    m = _DEADLINE.match(s)
    if m is None:
        return None
    g = m.groupdict()
    if g["month"] is not None and not (g["day"] or g["end"] or g["part"] or g["before"] or g["verb"]):
        return None  # '12月' alone: a date, not a deadline
    if g["month"] is not None and g["before"] and not (g["day"] or g["end"]):
        return None  # '12月前': before December begins, or by its end? not guessed
    offset = Decimal(12) if g["rel"] in _NEXT_YEAR else Decimal(0)
    year = int(g["year"]) if g["year"] else None
    span = Decimal(0)
    if g["yearend"]:
        position = Decimal(12)
    else:
        month = int(g["month"])
        if not 1 <= month <= 12:
            return None
        days = _MONTH_DAYS[month - 1]
        if g["day"]:
            day = int(g["day"])
            if not 1 <= day <= (29 if month == 2 else days):
                return None
            position = Decimal(month - 1) + Decimal(min(day, days)) / Decimal(days)
        elif g["end"]:
            position = Decimal(month)
        elif g["part"] in _PARTS:
            first, last = _PARTS[g["part"]]
            position = Decimal(month - 1) + Decimal(min(last, days)) / Decimal(days)
            span = Decimal(min(last, days) - first) / Decimal(days)
        else:
            position = Decimal(month)
            span = Decimal(1)
    comparator, stated = (LE, True) if g["before"] else (EQ, False)
    if stated:
        span = Decimal(0)  # '12月底前': by the end of the month, a bound
    return Value(QUANTITATIVE, text, comparator, position + offset, "", Decimal(0), stated, DEADLINE,
                 span=span, year=year)


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
