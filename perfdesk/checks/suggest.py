"""The suggested 自评得分 of one indicator row (DOMAIN.md §4): the 建议得分 column.

A quantitative row is scored in its **direction**: the one the user chose (``Indicator.
direction``), else the one inferred from what was written (``infer_direction``):

1. a range is met inside (等于); a deadline is met on or before (反向); a change
   (同比增长5%) is met at or beyond it (正向);
2. a comparator written (≥, 不超过, 以内, 控制在 N, 保持在 N 以上 …) says it;
3. a bare zero target is "at most 0" (反向), always;
4. then the 二级指标: 数量/质量/效益/满意度 more is better (正向), 成本 less is better
   (反向), 时效 by its unit (a duration: 反向; a rate: 正向);
5. otherwise 等于.

The actual is read as an interval in the target's unit (a bound ``≤15家``, a range, a
month): met when the whole interval meets the direction, not met when none of it does
(scored at the end nearest the target: ``≤15家`` against ``≥18家`` is 15 ÷ 18 of 分值), and
undecided (R-I15) otherwise. "Met" is decided at the precision of the score: a miss that
rounds to full marks is met, so a suggestion of full marks is never "not met".

Qualitative rows get the top of their band. ``adoption`` plans 采用建议得分 for a table,
``adoption_for_report`` for every table; ``direction_notice`` is the one-time note for a
file whose rows were scored as "=" before directions were inferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache

from perfdesk.checks import targets
from perfdesk.checks.targets import ACHIEVED, CHANGE, DEADLINE, MISSED, PARTIAL, RANGE, Value
from perfdesk.model.money import q2
from perfdesk.model.report import Indicator, Report, ScoringSettings, bare_label
from perfdesk.model.vocabulary import Band, Direction, EqualMiss, ReverseFormula

ONE = Decimal(1)
ZERO = Decimal(0)
CENT = Decimal("0.01")
BAND_FLOOR = {Band.MET: Decimal("0.8"), Band.PARTIAL: Decimal("0.6"), Band.MISSED: ZERO}
BAND_CEIL = {Band.MET: ONE, Band.PARTIAL: Decimal("0.8"), Band.MISSED: Decimal("0.6")}
_BAND_OF_WORDING = {ACHIEVED: Band.MET, PARTIAL: Band.PARTIAL, MISSED: Band.MISSED}
FAR_EXCEEDED = Decimal(2)  # an actual ≥ 2× a 正向 target needs a 偏差原因 (R-I04)


@dataclass(frozen=True)
class Suggestion:
    """The suggested 自评得分 of one row and why.

    ``kind`` is the target's kind (targets.QUANTITATIVE / QUALITATIVE / EMPTY). ``met`` is
    True/False when the data says whether the target was reached, None when it cannot
    tell. ``band`` is the band used for a qualitative row (chosen, or suggested from the
    actual's wording when none is chosen). ``score`` is None when there is nothing sound
    to suggest (no 分值, unparsed actual, units disagree, undecided, impossible …).
    ``direction`` is the direction the row is scored in (quantitative rows), with
    ``direction_reason`` in words; ``direction_stored`` when the user chose it.
    """

    score: Decimal | None
    reason: str
    kind: str
    met: bool | None = None
    band: Band | None = None
    exceeded: bool = False  # far beyond a 正向 target (R-I04)
    unit_mismatch: bool = False  # target and actual units disagree (R-I09)
    qualitative_actual: bool = False  # quantitative target, wording as actual (R-I09)
    direction: Direction | None = None
    direction_reason: str = ""
    direction_stored: bool = False
    undecided: str = ""  # why met or not cannot be decided (R-I15)
    impossible: str = ""  # why the actual cannot be right (R-I14)
    assumed: str = ""  # the actual as read with the target's unit, e.g. "162万元" (R-I13)


# --- bands (qualitative rows) -----------------------------------------------------------


def band_range(weight: Decimal, band: Band) -> tuple[Decimal, Decimal]:
    """[low, high) score range of a band; 达成 includes its top (the full 分值)."""
    return weight * BAND_FLOOR[band], weight * BAND_CEIL[band]


def in_band(score: Decimal, weight: Decimal, band: Band) -> bool:
    low, high = band_range(weight, band)
    if band == Band.MET:
        return low <= score <= high
    return low <= score < high


def band_top(weight: Decimal, band: Band) -> Decimal:
    """The top of a band at two decimals: 分值 for 达成, one cent under 80% / 60% otherwise."""
    high = band_range(weight, band)[1]
    top = q2(high)
    if band != Band.MET and top >= high:
        top -= CENT
    if band == Band.MET:
        top = full_marks(weight)
    return max(top, ZERO)


def band_to_fill(indicator: Indicator, settings: ScoringSettings) -> Band | None:
    """The 达成程度 for a qualitative row that has none: the band its 自评得分 falls in (the
    user's own judgement, so R-I10 is then satisfied), else what its 实际完成值 says; None
    when neither tells, the row is not qualitative, or a band is already chosen."""
    if indicator.band is not None:
        return None
    s = suggest(indicator, settings)
    if s.kind != targets.QUALITATIVE:
        return None
    score, weight = indicator.score, indicator.weight
    if score is not None and weight is not None and weight > 0:
        for band in Band:
            if in_band(score, weight, band):
                return band
    return s.band


# --- direction --------------------------------------------------------------------------

_MORE_IS_BETTER = {
    "数量指标": "数量指标越多越好",
    "质量指标": "质量指标越高越好",
    "经济效益指标": "效益指标越高越好",
    "社会效益指标": "效益指标越高越好",
    "生态效益指标": "效益指标越高越好",
    "可持续影响指标": "效益指标越高越好",
    "服务对象满意度指标": "满意度越高越好",
}
_LEVEL1_MORE = {"效益指标": "效益指标越高越好", "满意度指标": "满意度越高越好"}
_WRITTEN = {targets.GE: "“≥”（不低于）", targets.GT: "“>”（高于）", targets.LE: "“≤”（不超过）",
            targets.LT: "“<”（低于）"}


def infer_direction(target: Value, level1: str = "", level2: str = "") -> tuple[Direction, str]:
    """The direction a quantitative target means, and why, in words for the 方向 column."""
    l1, l2 = bare_label(level1), bare_label(level2)
    if target.shape == RANGE:
        return Direction.EQUAL, "区间：在区间内为达到"
    if target.shape == DEADLINE:
        return Direction.NEGATIVE, "期限：按期或提前完成为达到"
    if target.shape == CHANGE:
        if target.stated and target.comparator in (targets.LE, targets.LT):
            return Direction.NEGATIVE, "写明了变动幅度的上限"
        if target.sense == 0:
            return Direction.EQUAL, "持平：与上年持平为达到"
        what = "增长" if target.sense > 0 else "下降"
        return Direction.POSITIVE, f"增减幅度：{what}达到指标值即为达到"
    if target.stated:
        if target.comparator in (targets.GE, targets.GT):
            return Direction.POSITIVE, f"写明了{_WRITTEN[target.comparator]}"
        if target.comparator in (targets.LE, targets.LT):
            if target.text and targets.normalize(target.text).startswith("控制在"):
                return Direction.NEGATIVE, "写明了“控制在”（不超过）"
            return Direction.NEGATIVE, f"写明了{_WRITTEN[target.comparator]}"
        return Direction.EQUAL, "写明了“=”"
    if target.number == 0:
        return Direction.NEGATIVE, "指标值为 0：不超过 0"
    if l2 in _MORE_IS_BETTER:
        return Direction.POSITIVE, f"未写比较符号，{_MORE_IS_BETTER[l2]}"
    if l2 == "成本指标":
        return Direction.NEGATIVE, "未写比较符号，成本指标越低越好"
    if l2 == "时效指标":
        if target.unit in targets.DURATION_UNITS:
            return Direction.NEGATIVE, f"未写比较符号，时效指标的时长（{target.unit_text or target.unit}）越短越好"
        return Direction.POSITIVE, "未写比较符号，时效指标的比率越高越好"
    if l1 in _LEVEL1_MORE:
        return Direction.POSITIVE, f"未写比较符号，{_LEVEL1_MORE[l1]}"
    return Direction.EQUAL, "未写比较符号，也无法从二级指标判断，按“等于”计；可在“方向”列改为正向或反向"


# --- the actual as an interval of the target's measure ----------------------------------


@dataclass(frozen=True)
class _Span:
    """Where the actual lies: [lo, hi] (None = unbounded), and the values to score at
    when it misses from below (``at_hi``) or from above (``at_lo``)."""

    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False
    at_lo: Decimal | None = None
    at_hi: Decimal | None = None
    bound: str = ""  # "上限" / "下限" when the actual is only a bound

    def scaled(self, k: int) -> _Span:
        """The span of −x (k = −1) or x (k = 1)."""
        if k == 1:
            return self
        neg = _neg
        return _Span(neg(self.hi), neg(self.lo), self.hi_open, self.lo_open, neg(self.at_hi), neg(self.at_lo),
                     {"上限": "下限", "下限": "上限"}.get(self.bound, self.bound))


def _neg(x: Decimal | None) -> Decimal | None:
    return None if x is None else -x


def _span(v: Value, number: Decimal | None = None, high: Decimal | None = None) -> _Span:
    """The interval an actual value states, its numbers optionally re-read (unit assumed)."""
    n = v.number if number is None else number
    if v.shape == RANGE:
        h = v.high if high is None else high
        return _Span(n, h, at_lo=n, at_hi=h)
    comparator = v.comparator
    if targets.normalize(v.text).startswith("达到") and v.shape != DEADLINE:
        comparator = targets.EQ  # "达到98%" as an actual is 98%
    if comparator in (targets.GE, targets.GT):
        return _Span(n, None, lo_open=comparator == targets.GT, at_lo=n, bound="下限")
    if comparator in (targets.LE, targets.LT):
        return _Span(None, n, hi_open=comparator == targets.LT, at_hi=n, bound="上限")
    if v.span:
        return _Span(n - v.span, n, lo_open=True, at_lo=n, at_hi=n)
    return _Span(n, n, at_lo=n, at_hi=n)


@dataclass(frozen=True)
class _Region:
    """Where the target is met: [low, high] (None = unbounded), and the target values the
    formulas use on either side."""

    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False
    ref_low: Decimal = ZERO  # A of 分值 × B ÷ A when the actual falls short
    ref_high: Decimal = ZERO  # A of the reverse formula when it is over


def _region(t: Value, direction: Direction) -> _Region:
    low = t.number
    high = t.high if t.shape == RANGE and t.high is not None else t.number
    if direction == Direction.POSITIVE:
        return _Region(low, None, ref_low=low, ref_high=low)
    if direction == Direction.NEGATIVE:
        return _Region(None, high, ref_low=high, ref_high=high)
    if t.shape == RANGE or t.step == 0:
        return _Region(low, high, ref_low=low, ref_high=high)
    half = t.step / 2  # 等于: met when equal to the precision typed
    return _Region(t.number - half, t.number + half, True, True, t.number, t.number)


def _lower_ok(s: _Span, r: _Region) -> bool:
    if r.low is None:
        return True
    if s.lo is None:
        return False
    return s.lo > r.low or (s.lo == r.low and (not r.low_open or s.lo_open))


def _upper_ok(s: _Span, r: _Region) -> bool:
    if r.high is None:
        return True
    if s.hi is None:
        return False
    return s.hi < r.high or (s.hi == r.high and (not r.high_open or s.hi_open))


def _below(s: _Span, r: _Region) -> bool:
    return r.low is not None and s.hi is not None and (
        s.hi < r.low or (s.hi == r.low and (r.low_open or s.hi_open)))


def _above(s: _Span, r: _Region) -> bool:
    return r.high is not None and s.lo is not None and (
        s.lo > r.high or (s.lo == r.high and (r.high_open or s.lo_open)))


# --- formulas -----------------------------------------------------------------------------


def full_marks(weight: Decimal) -> Decimal:
    """分值 at two decimals, never above 分值 (3.335 -> 3.33)."""
    top = q2(weight)
    return top if top <= weight else weight.quantize(CENT, rounding=ROUND_DOWN)


def _clamp(score: Decimal, weight: Decimal) -> Decimal:
    return min(q2(max(score, ZERO)), full_marks(weight))


def _proportional(weight: Decimal, a: Decimal, b: Decimal) -> Decimal:
    """正向 miss, b < a: 分值 × b ÷ a (0 when a target of 0 or less is missed)."""
    return weight * b / a if a > 0 else ZERO


def _reverse(weight: Decimal, a: Decimal, b: Decimal, formula: ReverseFormula) -> Decimal:
    """反向 miss, b > a: linear 分值 × (1 − (b − a) ÷ a), 0 from 2a; or 分值 × a ÷ b."""
    if a <= 0:
        return ZERO
    if formula == ReverseFormula.RATIO:
        return weight * a / b
    if b >= 2 * a:
        return ZERO
    return weight * (ONE - (b - a) / a)


_HOW = {ReverseFormula.LINEAR: "分值×(1−超出部分÷指标值)", ReverseFormula.RATIO: "分值×指标值÷完成值"}


def _pct(a: Decimal, b: Decimal) -> str:
    return f"{q2(b / a * 100)}%" if a else "—"


# --- one row ----------------------------------------------------------------------------


def suggest(indicator: Indicator, settings: ScoringSettings) -> Suggestion:
    """Suggested 自评得分 of one indicator row under ``settings`` (cheap: cached)."""
    return _suggest(
        indicator.target,
        indicator.actual,
        indicator.weight,
        indicator.band,
        indicator.direction,
        indicator.level1,
        indicator.level2,
        indicator.name,
        settings.reverse_formula,
        settings.equal_miss,
    )


@lru_cache(maxsize=65536)
def _suggest(
    target_text: str,
    actual_text: str,
    weight: Decimal | None,
    band: Band | None,
    direction: Direction | None,
    level1: str,
    level2: str,
    name: str,
    reverse_formula: ReverseFormula,
    equal_miss: EqualMiss,
) -> Suggestion:
    target = targets.parse(target_text)
    actual = targets.parse(actual_text)
    if target.kind == targets.EMPTY:
        return Suggestion(None, "未填写年度指标值", targets.EMPTY)
    if weight is not None and weight < 0:
        return Suggestion(None, "分值为负数", target.kind)
    if target.kind == targets.QUANTITATIVE:
        stored = direction is not None
        if direction is not None:
            why = f"已在“方向”列设定为“{direction.label}”"
        else:
            direction, why = infer_direction(target, level1, level2)
        row = _Row(target, actual, weight, direction, why, stored, level2, name, reverse_formula,
                   equal_miss)
        return row.suggestion()
    return _qualitative(target_text, actual_text, actual, weight, band)


_RATE = re.compile(r"率|满意度")
_UNBOUNDED_RATE = re.compile(
    r"增长|增幅|增速|增加|提高|提升|上升|下降|降低|减少|降幅|同比|环比|变化|变动|利润|收益|回报|偏离|溢价|倍|贡献|负债|占比"
)
_RELATIVE_UNITS = frozenset({"%", "个百分点", "倍"})
_ON_TIME = re.compile(r"按期|按时|如期|提前|准时|及时|限期内|期限内|规定时间内|时限内|规定时限")
_LATE = re.compile(r"未按期|未按时|未如期|未能按期|未及时|延期|延迟|推迟|滞后|逾期|超期|未完成|尚未完成|没有完成")


def completion_rate(name: str, level2: str = "") -> bool:
    """A rate that cannot exceed 100 % (合格率, 办结率, 满意度), unlike a growth rate."""
    if bare_label(level2) == "服务对象满意度指标":
        return True
    return _RATE.search(name) is not None and _UNBOUNDED_RATE.search(name) is None


@dataclass(frozen=True)
class _Row:
    target: Value
    actual: Value
    weight: Decimal | None
    direction: Direction
    direction_reason: str
    stored: bool
    level2: str
    name: str
    formula: ReverseFormula
    equal_miss: EqualMiss

    def make(self, score: Decimal | None, reason: str, met: bool | None = None, *,
             exceeded: bool = False, unit_mismatch: bool = False, qualitative_actual: bool = False,
             undecided: str = "", impossible: str = "", assumed: str = "") -> Suggestion:
        return Suggestion(score, reason, targets.QUANTITATIVE, met, None, exceeded, unit_mismatch,
                          qualitative_actual, self.direction, self.direction_reason, self.stored,
                          undecided, impossible, assumed)

    def suggestion(self) -> Suggestion:
        t, a = self.target, self.actual
        if a.kind == targets.EMPTY:
            return self.make(None, "未填写实际完成值")
        if t.shape == DEADLINE and a.shape != DEADLINE:
            return self._deadline_in_words()
        if a.kind != targets.QUANTITATIVE:
            return self.make(None, "指标值是数值，实际完成值却是文字，无法计分", qualitative_actual=True)
        read = self._read()
        if isinstance(read, str):
            return self.make(None, read, unit_mismatch=True)
        span, assumed = read
        impossible = self._impossible(span)
        if impossible:
            return self.make(None, f"实际完成值{impossible}，无法计分", impossible=impossible, assumed=assumed)
        return self._score(span, assumed)

    # -- reading the actual in the target's measure -------------------------------------
    def _read(self) -> tuple[_Span, str] | str:
        """The actual's span in the target's unit, and how its unit was assumed ('' when
        it was written); or why the units cannot be reconciled."""
        t, a = self.target, self.actual
        if t.shape == DEADLINE:
            if t.year is not None and a.year is not None:
                shift = Decimal((a.year - t.year) * 12)
                return _span(a, a.number + shift), ""
            if t.year is None and a.year is not None:
                return (f"完成值“{a.text.strip()}”写了年份，指标值“{t.text.strip()}”没有写，"
                        "无法比较：请写明同一年份，或写“当年”“次年”")
            return _span(a), ""
        if a.shape == DEADLINE:
            return f"指标值是数值，完成值“{a.text.strip()}”却是日期，无法比较"
        if t.shape == CHANGE:
            if a.shape not in (CHANGE, targets.NUMBER):
                return f"指标值是增减幅度，完成值“{a.text.strip()}”却不是"
        elif a.shape == CHANGE:
            return f"完成值“{a.text.strip()}”是增减幅度，指标值“{t.text.strip()}”却不是"
        assumed = ""
        number, high = a.number, a.high
        if not a.unit and t.unit:
            mult = t.mult if a.mult == 1 and (t.mult == 1 or abs(a.number) < t.mult) else ONE
            number = a.number * mult * t.factor
            high = None if a.high is None else a.high * mult * t.factor
            word = targets.MULTIPLIER_WORDS.get(mult, "") if mult != 1 else ""
            assumed = f"{targets.normalize(a.text)}{word}{t.unit_text or t.unit}"
        elif a.unit and t.unit and a.unit != t.unit:
            return f"单位不一致：指标值“{t.unit_text or t.unit}”，完成值“{a.unit_text or a.unit}”"
        span = _span(a, number, high)
        if t.shape == CHANGE:
            if a.shape == CHANGE:  # the change in the target's sense (a fall of 8% is −8 against 增长)
                if a.sense == 0:
                    span = _Span(ZERO, ZERO, at_lo=ZERO, at_hi=ZERO)
                span = span.scaled((a.sense or 1) * (t.sense or 1))
        return span, assumed

    def _impossible(self, span: _Span) -> str:
        t, a = self.target, self.actual
        if t.shape in (CHANGE, DEADLINE):
            return ""
        unit = a.unit or t.unit
        rate = unit == "%" and completion_rate(self.name, self.level2)
        if span.hi is not None and span.hi < 0 and (unit not in _RELATIVE_UNITS or rate):
            return f"为负数，{_quantity_word(unit)}不可能为负"
        if rate and span.lo is not None and (span.lo > 100 or (span.lo == 100 and span.lo_open)):
            kind = _rate_word(self.name) or "这一比率"
            return f"超过 100%，{kind}不可能超过 100%"
        return ""

    # -- scoring ------------------------------------------------------------------------
    def _score(self, span: _Span, assumed: str) -> Suggestion:
        t, w, d = self.target, self.weight, self.direction
        region = _region(t, d)
        if _lower_ok(span, region) and _upper_ok(span, region):
            exceeded = (d == Direction.POSITIVE and region.ref_low > 0 and span.lo is not None
                        and span.lo >= FAR_EXCEEDED * region.ref_low)
            if w is None:
                return self.make(None, "未填写分值", True, exceeded=exceeded, assumed=assumed)
            return self.make(full_marks(w), self._met_reason(exceeded), True, exceeded=exceeded, assumed=assumed)
        below, above = _below(span, region), _above(span, region)
        if not (below or above):
            why = self._undecided(span)
            return self.make(None, why, None, undecided=why, assumed=assumed)
        if w is None:
            return self.make(None, "未填写分值", False, assumed=assumed)
        zero = d == Direction.EQUAL and self.equal_miss == EqualMiss.ZERO
        if below:
            b = span.at_hi
            assert b is not None
            raw = ZERO if zero else _proportional(w, region.ref_low, b)
        else:
            b = span.at_lo
            assert b is not None
            raw = ZERO if zero else _reverse(w, region.ref_high, b, self.formula)
        score = _clamp(raw, w)
        if score >= full_marks(w):
            return self.make(score, "与指标值的差距在计分精度（0.01 分）以内，视为达到，得满分", True, assumed=assumed)
        return self.make(score, self._miss_reason(below, zero, region, b, span), False, assumed=assumed)

    def _met_reason(self, exceeded: bool) -> str:
        d, t = self.direction, self.target
        if d == Direction.POSITIVE:
            why = "超出指标值一倍以上，需说明原因" if exceeded else "达到指标值"
            return f"正向指标{why}，得满分"
        if d == Direction.NEGATIVE:
            return "按期完成，得满分" if t.shape == DEADLINE else "反向指标未超过指标值，得满分"
        return "在指标区间内，得满分" if t.shape == RANGE else "与指标值相符，得满分"

    def _miss_reason(self, below: bool, zero: bool, region: _Region, b: Decimal, span: _Span) -> str:
        d, t = self.direction, self.target
        at = f"按完成值的{span.bound}计，" if span.bound else ""
        if zero:
            return "未达到定值指标，按设置得0分"
        how = _HOW[self.formula]
        if d == Direction.POSITIVE and t.shape == CHANGE:
            if b <= 0:
                return "实际增减幅度为 0 或与指标值方向相反，得0分"
            return f"增减幅度未达到指标值，按 分值×实际幅度÷指标幅度 计（{at}完成 {_pct(region.ref_low, b)}）"
        if d == Direction.POSITIVE:
            return f"正向指标未达到，按 分值×完成值÷指标值 计（{at}完成 {_pct(region.ref_low, b)}）"
        if d == Direction.NEGATIVE:
            if t.shape == DEADLINE:
                late = targets.plain(q2(b - region.ref_high))
                return f"未按期完成（晚约 {late} 个月，按自年初起的月数计），按 {how} 计"
            return f"反向指标超出指标值，按 {how} 计" + (f"（{at.rstrip('，')}）" if at else "")
        what = "区间" if t.shape == RANGE else "定值指标"
        if below:
            return f"低于{what}，按 分值×完成值÷指标值 计（{at}完成 {_pct(region.ref_low, b)}）"
        return f"高于{what}，按反向指标 {how} 计" + (f"（{at.rstrip('，')}）" if at else "")

    def _undecided(self, span: _Span) -> str:
        t, a = self.target, self.actual
        shown_a, shown_t = a.text.strip(), t.text.strip()
        if t.shape == DEADLINE and a.span:
            return (f"完成值“{shown_a}”只写到月，指标值“{shown_t}”的期限在这个月内，"
                    "无法判断是否按期：请写明完成日期")
        if span.bound:
            return (f"完成值“{shown_a}”只给出{span.bound}，不能判断是否达到指标值“{shown_t}”："
                    "请填写实际数值")
        return f"完成值“{shown_a}”是一个范围，跨过了指标值“{shown_t}”，不能判断是否达到：请填写实际数值"

    def _deadline_in_words(self) -> Suggestion:
        t, a = self.target, self.actual
        words = targets.normalize(a.text)
        if a.kind == targets.QUANTITATIVE:
            return self.make(None, f"指标值是期限，完成值“{a.text.strip()}”却不是日期，无法比较",
                             unit_mismatch=True)
        if _LATE.search(words):
            return self.make(None, "未按期完成，但没有写实际完成时间，无法按时间计分：请写明完成时间"
                             "（如“次年2月完成”）", False)
        if targets.achievement(a.text) in (PARTIAL, MISSED):
            return self.make(None, f"完成值“{a.text.strip()}”说明没有全部按期完成，无法按时间计分："
                             "请写明完成时间和完成情况", False)
        if _ON_TIME.search(words) and targets.achievement(a.text) == ACHIEVED:
            if self.weight is None:
                return self.make(None, "未填写分值", True)
            return self.make(full_marks(self.weight), "按期完成，得满分", True)
        why = (f"完成值“{a.text.strip()}”没有说明完成时间，无法判断是否按“{t.text.strip()}”的期限完成："
               "请写明完成时间（如“11月完成”）或“按期完成”")
        return self.make(None, why, None, undecided=why)


def _quantity_word(unit: str) -> str:
    """'件' -> '件数', '元' -> '金额', '%' -> '比率': what cannot be negative."""
    if unit == "%":
        return "比率"
    if unit in ("元", "元/批次") or unit.startswith("元/"):
        return "金额"
    if not unit:
        return "这个数"
    return f"{unit.removeprefix('个')}数"


def _rate_word(name: str) -> str:
    """'投诉举报案件办结率' -> '办结率'; '公众满意度' -> '满意度'."""
    m = re.search(r"([\u4e00-\u9fff]{2}率|满意度)$", name.strip())
    return m.group(1) if m else ""


def _qualitative(
    target_text: str,
    actual_text: str,
    actual: Value,
    weight: Decimal | None,
    band: Band | None,
) -> Suggestion:
    kind = targets.QUALITATIVE
    wording = targets.achievement(actual_text, target_text)
    worded_band = _BAND_OF_WORDING.get(wording or "")
    chosen = band
    used = chosen or worded_band
    met = None if not used else used == Band.MET
    if actual.kind == targets.EMPTY and not chosen:
        return Suggestion(None, "未填写实际完成值", kind)
    if not used:
        return Suggestion(None, "定性指标：请选择达成程度", kind)
    if weight is None:
        return Suggestion(None, "未填写分值", kind, met, used)
    source = "所选达成程度" if chosen else "完成值表述"
    return Suggestion(band_top(weight, used), f"定性指标，按{source}“{used.label}”取档内最高分", kind, met, used)


# --- 采用建议得分 --------------------------------------------------------------------------


@dataclass(frozen=True)
class Fill:
    """A row whose blank 自评得分 takes the suggestion (and, for a qualitative row with no
    band whose actual's wording gave the suggestion, that band too)."""

    index: int
    score: Decimal
    band: Band | None = None


@dataclass(frozen=True)
class Conflict:
    """A row whose typed 自评得分 differs from the suggestion: only changed when asked."""

    index: int
    typed: Decimal
    suggested: Decimal
    band: Band | None = None


@dataclass(frozen=True)
class Adoption:
    fills: tuple[Fill, ...]
    conflicts: tuple[Conflict, ...]


def adoption(indicators: list[Indicator], settings: ScoringSettings) -> Adoption:
    """What 采用建议得分 does to one table: fill every blank score that has a suggestion;
    list the typed scores that differ (the user is asked before they change)."""
    fills: list[Fill] = []
    conflicts: list[Conflict] = []
    for i, ind in enumerate(indicators):
        s = suggest(ind, settings)
        if s.score is None:
            continue
        band = s.band if s.kind == targets.QUALITATIVE and ind.band is None else None
        if ind.score is None:
            fills.append(Fill(i, s.score, band))
        elif ind.score != s.score:
            conflicts.append(Conflict(i, ind.score, s.score, band))
    return Adoption(tuple(fills), tuple(conflicts))


@dataclass(frozen=True)
class ReportAdoption:
    """``adoption`` of every table: (the table's list path, the fill or conflict)."""

    fills: tuple[tuple[str, Fill], ...]
    conflicts: tuple[tuple[str, Conflict], ...]


def tables(report: Report) -> Iterator[tuple[str, list[Indicator]]]:
    """(list path, rows) of 附件2 and of every project's 附件3."""
    yield "indicators", report.indicators
    for k, p in enumerate(report.projects):
        yield f"projects[{k}].indicators", p.indicators


def adoption_for_report(report: Report) -> ReportAdoption:
    fills: list[tuple[str, Fill]] = []
    conflicts: list[tuple[str, Conflict]] = []
    for path, rows in tables(report):
        plan = adoption(rows, report.scoring)
        fills += [(path, f) for f in plan.fills]
        conflicts += [(path, c) for c in plan.conflicts]
    return ReportAdoption(tuple(fills), tuple(conflicts))


# --- files scored before directions were inferred ---------------------------------------


def rescored_rows(report: Report) -> list[tuple[str, int]]:
    """Rows whose target states no comparator, whose direction is inferred (none stored),
    and whose suggestion differs from reading the target as "=" — what every file saved
    before directions were inferred was scored by."""
    out: list[tuple[str, int]] = []
    for path, rows in tables(report):
        for i, ind in enumerate(rows):
            if ind.direction is not None:
                continue
            t = targets.parse(ind.target)
            if t.kind != targets.QUANTITATIVE or t.stated or t.shape != targets.NUMBER:
                continue
            now = suggest(ind, report.scoring)
            if now.direction == Direction.EQUAL:
                continue
            old = _suggest(ind.target, ind.actual, ind.weight, ind.band, Direction.EQUAL, ind.level1,
                           ind.level2, ind.name, report.scoring.reverse_formula, report.scoring.equal_miss)
            if (old.score, old.met) != (now.score, now.met):
                out.append((path, i))
    return out


def direction_notice(report: Report) -> tuple[str, str]:
    """For a report none of whose rows has a stored direction and where inferring
    directions changed suggestions: what changed, in words, and the field path of the
    first such row's 方向 (("", "") when there is nothing to say)."""
    if any(ind.direction is not None for _, rows in tables(report) for ind in rows):
        return "", ""
    rows = rescored_rows(report)
    if not rows:
        return "", ""
    path, i = rows[0]
    if path == "indicators":
        where, ind = "附件2", report.indicators[i]
    else:
        project = report.projects[int(path[len("projects["):path.index("]")])]
        where, ind = f"项目“{project.name.strip()}”", project.indicators[i]
    text = (f"本报告有 {len(rows)} 行定量指标的指标值没有写“≥”“≤”（如{where}第{i + 1}行“{ind.name.strip()}”"
            f" {ind.target.strip()}），现按推断的方向计算建议得分（数量、质量、效益、满意度越多越好，成本越少越好，"
            "时长越短越好，0 为不超过 0），与以前不同。方向和理由见绩效指标表的“方向”列，可以修改。")
    return text, f"{path}[{i}].direction"
