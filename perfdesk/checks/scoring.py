"""Suggested scores of indicator rows (DOMAIN.md §4): the 建议得分 column.

The scores themselves (预算执行率 score, Σ 自评得分, 总分, 等级) are figures of the report,
computed with the other figures in ``perfdesk.model.figures``. Everything is Decimal,
rounded half up to two places.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from perfdesk.checks import targets
from perfdesk.checks.targets import ACHIEVED, MISSED, PARTIAL
from perfdesk.model.money import q2
from perfdesk.model.report import (
    Indicator,
    ScoringSettings,
)
from perfdesk.model.vocabulary import (
    Band,
    EqualMiss,
    ReverseFormula,
)

ONE = Decimal(1)


# ---------------------------------------------------------------------------------------
# Suggested score of one indicator row (DOMAIN.md §4): the 建议得分 column.

BAND_FLOOR = {Band.MET: Decimal("0.8"), Band.PARTIAL: Decimal("0.6"), Band.MISSED: Decimal(0)}
BAND_CEIL = {Band.MET: ONE, Band.PARTIAL: Decimal("0.8"), Band.MISSED: Decimal("0.6")}
_BAND_OF_WORDING = {ACHIEVED: Band.MET, PARTIAL: Band.PARTIAL, MISSED: Band.MISSED}
FAR_EXCEEDED = Decimal(2)  # an actual ≥ 2× a ≥-target needs a 偏差原因 (R-I04)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Suggestion:
    """The suggested 自评得分 of one row and why.

    ``kind`` is the target's kind (targets.QUANTITATIVE / QUALITATIVE / EMPTY). ``met`` is
    True/False when the data says whether the target was reached, None when it cannot
    tell. ``band`` is the band used for a qualitative row (chosen, or suggested from the
    actual's wording when none is chosen; "" when neither). ``score`` is None when there is
    nothing sound to suggest (no 分值, unparsed actual, units disagree …).
    """

    score: Decimal | None
    reason: str
    kind: str
    met: bool | None = None
    band: Band | None = None
    exceeded: bool = False  # far beyond a ≥-target (R-I04)
    unit_mismatch: bool = False  # target and actual units disagree (R-I09)
    qualitative_actual: bool = False  # quantitative target, wording as actual (R-I09)


def band_range(weight: Decimal, band: Band) -> tuple[Decimal, Decimal]:
    """[low, high) score range of a band; 达成 includes its top (the full 分值)."""
    return weight * BAND_FLOOR[band], weight * BAND_CEIL[band]


def in_band(score: Decimal, weight: Decimal, band: Band) -> bool:
    low, high = band_range(weight, band)
    if band == Band.MET:
        return low <= score <= high
    return low <= score < high


def band_to_fill(indicator: Indicator, settings: ScoringSettings) -> Band | None:
    """The 达成程度 for a qualitative row that has none: the band its 自评得分 falls in (the
    user's own judgement, so R-I10 is then satisfied), else what its 实际完成值 says; "" when
    neither tells, the row is not qualitative, or a band is already chosen."""
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


def band_top(weight: Decimal, band: Band) -> Decimal:
    """The top of a band at two decimals: 分值 for 达成, one cent under 80% / 60% otherwise."""
    high = band_range(weight, band)[1]
    top = q2(high)
    if band != Band.MET and top >= high:
        top -= CENT
    return max(top, Decimal(0))


def _clamp(score: Decimal, weight: Decimal) -> Decimal:
    return q2(min(max(score, Decimal(0)), weight))


def _reverse(weight: Decimal, a: Decimal, b: Decimal, formula: ReverseFormula) -> Decimal:
    """反向 (≤) miss, b > a: linear 分值 × (1 − (b − a) ÷ a), 0 from 2a; or 分值 × a ÷ b."""
    if a <= 0:
        return Decimal(0)
    if formula == ReverseFormula.RATIO:
        return weight * a / b
    if b >= 2 * a:
        return Decimal(0)
    return weight * (ONE - (b - a) / a)


def _pct(a: Decimal, b: Decimal) -> str:
    return f"{q2(b / a * 100)}%" if a else "—"


def suggest(indicator: Indicator, settings: ScoringSettings) -> Suggestion:
    """Suggested 自评得分 of one indicator row under ``settings`` (cheap: cached)."""
    return _suggest(
        indicator.target,
        indicator.actual,
        indicator.weight,
        indicator.band,
        settings.reverse_formula,
        settings.equal_miss,
    )


@lru_cache(maxsize=65536)
def _suggest(
    target_text: str,
    actual_text: str,
    weight: Decimal | None,
    band: Band | None,
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
        return _quantitative(target, actual, weight, reverse_formula, equal_miss)
    return _qualitative(target_text, actual_text, actual, weight, band)


def _quantitative(
    target: targets.Value,
    actual: targets.Value,
    weight: Decimal | None,
    reverse_formula: ReverseFormula,
    equal_miss: EqualMiss,
) -> Suggestion:
    kind = targets.QUANTITATIVE
    if actual.kind == targets.EMPTY:
        return Suggestion(None, "未填写实际完成值", kind)
    if actual.kind != targets.QUANTITATIVE:
        return Suggestion(
            None, "指标值是数值，实际完成值却是文字，无法计分", kind, qualitative_actual=True
        )
    if not targets.units_agree(target, actual):
        return Suggestion(
            None,
            f"单位不一致：指标值“{target.unit}”，完成值“{actual.unit}”",
            kind,
            unit_mismatch=True,
        )
    a, b, comp = target.number, actual.number, target.comparator
    if targets.normalize(actual.text).startswith("达到"):
        actual = replace(actual, comparator=targets.EQ)  # "达到98%" as an actual is 98%
    if comp in (targets.GE, targets.GT):
        if actual.comparator in (targets.LE, targets.LT):
            return Suggestion(None, "实际完成值只给出上限，无法判断是否达到", kind)
        met = b >= a
        exceeded = a > 0 and b >= FAR_EXCEEDED * a
        if weight is None:
            return Suggestion(None, "未填写分值", kind, met, exceeded=exceeded)
        if met:
            why = "超出指标值一倍以上，需说明原因" if exceeded else "达到指标值"
            return Suggestion(q2(weight), f"正向指标{why}，得满分", kind, True, exceeded=exceeded)
        score = _clamp(weight * b / a, weight)
        return Suggestion(score, f"正向指标未达到，按 分值×完成值÷指标值 计（完成 {_pct(a, b)}）", kind, False)
    if comp in (targets.LE, targets.LT):
        if actual.comparator in (targets.GE, targets.GT):
            return Suggestion(None, "实际完成值只给出下限，无法判断是否达到", kind)
        met = b <= a
        if weight is None:
            return Suggestion(None, "未填写分值", kind, met)
        if met:
            return Suggestion(q2(weight), "反向指标未超过指标值，得满分", kind, True)
        score = _clamp(_reverse(weight, a, b, reverse_formula), weight)
        how = "分值×指标值÷完成值" if reverse_formula == ReverseFormula.RATIO else "分值×(1−超出部分÷指标值)"
        return Suggestion(score, f"反向指标超出指标值，按 {how} 计", kind, False)
    # = target
    if actual.comparator != targets.EQ:
        return Suggestion(None, "实际完成值是一个范围，无法与定值指标比较", kind)
    step = target.step
    met = b == a or (step > 0 and abs(b - a) * 2 < step)
    if weight is None:
        return Suggestion(None, "未填写分值", kind, met)
    if met:
        return Suggestion(q2(weight), "与指标值相符，得满分", kind, True)
    if equal_miss == EqualMiss.ZERO:
        return Suggestion(Decimal("0.00"), "未达到定值指标，按设置得0分", kind, False)
    if b < a:
        score = _clamp(weight * b / a, weight)
        return Suggestion(score, f"低于定值指标，按 分值×完成值÷指标值 计（完成 {_pct(a, b)}）", kind, False)
    score = _clamp(_reverse(weight, a, b, reverse_formula), weight)
    return Suggestion(score, "高于定值指标：按反向指标计分", kind, False)


def _qualitative(
    target_text: str,
    actual_text: str,
    actual: targets.Value,
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
