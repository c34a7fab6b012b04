"""The closed vocabularies of a report: ASCII identifiers, with the Chinese people read.

Files, code and checks use the identifiers (``AdjustmentKind.CUT``, stored as ``"cut"``);
the screen, the Word report and the Excel forms print ``.label`` (``调减``). The 一级指标
are the one open vocabulary: the national default four have fixed ids (``OUTPUT`` …), and a
template or an imported form may add others, named in ``ScoringSettings.level1_labels``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple, Self


class Labelled(StrEnum):
    """A StrEnum whose members carry a Chinese label: ``X = "ascii", "中文"``."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value
        return obj

    @classmethod
    def from_label(cls, text: str) -> Self | None:
        """The member whose label (or value) is ``text``, else None."""
        s = text.strip()
        for member in cls:
            if s in (member.label, member.value):
                return member
        return None


class Severity(Labelled):
    """How bad a finding of the check engine is (DOMAIN §6)."""

    ERROR = "error", "错误"  # the report is wrong: output only as a marked draft
    WARNING = "warning", "警告"  # probably wrong, or needs an explanation
    INFO = "info", "提示"


class AdjustmentKind(Labelled):
    """An itemised mid-year change of budget."""

    ADD = "add", "追加"
    CUT = "cut", "调减"


class Scope(Labelled):
    """Which part of the spending an adjustment changes."""

    BASIC = "basic", "基本支出"
    PROJECT = "project", "项目支出"


class DateStyle(Labelled):
    """How the 成文日期 is written (DOMAIN §2.2)."""

    ARABIC = "arabic", "阿拉伯数字（2025年3月15日，GB/T 9704-2012）"
    CHINESE = "chinese", "汉字（二〇二五年三月十五日）"


class ReverseFormula(Labelled):
    """How a missed 反向 (≤) target is scored (DOMAIN §4)."""

    LINEAR = "linear", "分值×(1−超出部分÷指标值)，超出一倍得0分（预算管理一体化系统）"
    RATIO = "ratio", "分值×指标值÷完成值（原中央部门评价表）"


class EqualMiss(Labelled):
    """How a missed "等于" target is scored."""

    PROPORTIONAL = "proportional", "按偏离程度计分"
    ZERO = "zero", "未达到得0分"


class Band(Labelled):
    """The 达成程度 chosen for a qualitative indicator (DOMAIN §4)."""

    MET = "met", "达成"
    PARTIAL = "partial", "部分达成"
    MISSED = "missed", "未达成"


class Direction(Labelled):
    """Which way a quantitative target is met; blank on a row means "inferred"."""

    POSITIVE = "positive", "正向"  # more is better: met at or above the target
    NEGATIVE = "negative", "反向"  # less is better: met at or below
    EQUAL = "equal", "等于"


class NarrativePart(Labelled):
    """Narrative sections the user may declare empty on purpose (the output then says 无)."""

    PROBLEMS = "problems", "存在的问题及原因分析"
    MEASURES = "measures", "下一步改进措施"
    OTHER_NOTES = "other_notes", "其他需要说明的情况"


class FundingScope(Labelled):
    """Which funds a figure covers (the 决算 tables differ: 公开06/07表 are 财政拨款 only)."""

    ALL = "all", "全部资金"
    GENERAL_BUDGET = "general_budget", "一般公共预算财政拨款"
    GOV_FUND = "gov_fund", "政府性基金预算财政拨款"
    STATE_CAPITAL = "state_capital", "国有资本经营预算财政拨款"


class Level1(NamedTuple):
    """A 一级指标 of the default vocabulary, its weight and its 二级指标."""

    id: str
    label: str
    weight: int
    level2: tuple[str, ...]


OUTPUT, BENEFIT, SATISFACTION, EXEC_RATE = "output", "benefit", "satisfaction", "exec_rate"
EXEC_RATE_LABEL = "预算执行率"

# 财预〔2020〕10号 (DOMAIN §3); a template or province may set other weights.
DEFAULT_LEVEL1 = (
    Level1(OUTPUT, "产出指标", 50, ("数量指标", "质量指标", "时效指标", "成本指标")),
    Level1(BENEFIT, "效益指标", 30,
           ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),
    Level1(SATISFACTION, "满意度指标", 10, ("服务对象满意度指标",)),
)
DEFAULT_EXEC_RATE_WEIGHT = 10
DEFAULT_LABELS: dict[str, str] = {
    **{lv.id: lv.label for lv in DEFAULT_LEVEL1}, EXEC_RATE: EXEC_RATE_LABEL,
}
LEVEL2_BY_LEVEL1: dict[str, tuple[str, ...]] = {lv.label: lv.level2 for lv in DEFAULT_LEVEL1}
