"""The report document: one year of one budget unit.

Plain dataclasses; every field is typed so the file codec (``codec.py``) can read and
write them generically. Money is ``Decimal | None`` in 万元 (None = the cell is blank),
counts are ``int | None``. Derived figures (sums, rates) live in ``figures.py`` and are
never stored — except the optional *declared* totals, which are what a hand-made form or
an imported file states, kept only so that the checks can compare them with the parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from perfdesk.model.money import Money

# 一级指标 → 二级指标 vocabulary (DOMAIN.md §3).
LEVEL2_BY_LEVEL1: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
EXEC_RATE_KEY = "预算执行率"

# Qualitative bands (DOMAIN.md §4), stored by these names.
BAND_MET = "达成"
BAND_PARTIAL = "部分达成"
BAND_MISSED = "未达成"
BANDS = (BAND_MET, BAND_PARTIAL, BAND_MISSED)

DATE_STYLE_ARABIC = "arabic"  # GB/T 9704-2012: 2024年3月15日
DATE_STYLE_CHINESE = "chinese"  # 1999 style: 二〇二四年三月十五日


def default_weights() -> dict[str, Decimal]:
    """National default weights (财预〔2020〕10号); a template may override them."""
    return {
        "产出指标": Decimal(50),
        "效益指标": Decimal(30),
        "满意度指标": Decimal(10),
        EXEC_RATE_KEY: Decimal(10),
    }


@dataclass
class Amounts:
    """One budget line across the four columns the forms use.

    prior = 上年决算数; initial = 年初预算数 (附件1's 本年预算数); annual = 全年预算数
    (年初 + 追加 − 调减); actual = 全年执行数 / 决算数.
    """

    prior: Money = None
    initial: Money = None
    annual: Money = None
    actual: Money = None


@dataclass
class Staffing:
    authorized: int | None = None  # 编制数
    actual: int | None = None  # 实有在职人数
    note: str = ""  # breakdown (行政编制…, 退休…) printed in 机构设置


@dataclass
class Income:
    """按收入性质分 (execution column); Σ must equal 年度资金总额 (R-B04)."""

    general_budget: Money = None  # 一般公共预算
    gov_fund: Money = None  # 政府性基金拨款
    special_account: Money = None  # 纳入专户管理的非税收入拨款
    other: Money = None  # 其他资金
    carryover: Money = None  # 上年结转结余


@dataclass
class OtherBudgets:
    """Spending under the three other budgets (report sections 三–五); blank = none."""

    gov_fund: Money = None
    gov_fund_note: str = ""
    state_capital: Money = None
    state_capital_note: str = ""
    social_insurance: Money = None
    social_insurance_note: str = ""


@dataclass
class BasicSpending:
    personnel: Amounts = field(default_factory=Amounts)  # 人员经费
    personnel_items: str = ""  # 主要包括…
    public: Amounts = field(default_factory=Amounts)  # 公用经费
    public_items: str = ""
    office: Amounts = field(default_factory=Amounts)  # 其中：办公经费
    utilities_travel: Amounts = field(default_factory=Amounts)  # 水费、电费、差旅费
    meetings_training: Amounts = field(default_factory=Amounts)  # 会议费、培训费


@dataclass
class ThreePublic:
    """三公经费 items; totals are derived (declared ones only in DeclaredTotals)."""

    vehicle_purchase: Amounts = field(default_factory=Amounts)  # 公车购置
    vehicle_operation: Amounts = field(default_factory=Amounts)  # 公车运行维护
    overseas: Amounts = field(default_factory=Amounts)  # 因公出国（境）
    reception: Amounts = field(default_factory=Amounts)  # 公务接待
    note: str = ""  # why it rose or fell


@dataclass
class Adjustment:
    """An itemised mid-year change of budget (年中追加 / 调减)."""

    description: str = ""
    amount: Money = None  # positive; the direction is ``kind``
    kind: str = "追加"  # "追加" or "调减"
    scope: str = "basic"  # "basic" (基本支出) or "project" (项目支出)


@dataclass
class Building:
    """楼堂馆所 completed this year."""

    name: str = ""
    approved_area: Decimal | None = None  # m²
    actual_area: Decimal | None = None
    budget_investment: Money = None
    actual_investment: Money = None


@dataclass
class Indicator:
    """One row of an indicator table (附件2 or 附件3)."""

    level1: str = ""  # 一级指标
    level2: str = ""  # 二级指标
    name: str = ""  # 三级指标
    target: str = ""  # 年度指标值 as typed
    actual: str = ""  # 实际完成值 as typed
    weight: Decimal | None = None  # 分值
    score: Decimal | None = None  # 自评得分 (the user's; the suggestion is computed)
    deviation: str = ""  # 偏差原因分析及改进措施
    band: str = ""  # qualitative band: "" or one of BANDS


@dataclass
class Funding:
    """A project's funding split rows of 附件3 (年初/全年/执行 columns)."""

    current: Amounts = field(default_factory=Amounts)  # 当年财政拨款
    carryover: Amounts = field(default_factory=Amounts)  # 上年结转资金
    other: Amounts = field(default_factory=Amounts)  # 其他资金


@dataclass
class Project:
    name: str = ""
    amounts: Amounts = field(default_factory=Amounts)
    funding: Funding = field(default_factory=Funding)
    purpose: str = ""  # 主要用于…
    goals: list[str] = field(default_factory=list)  # 预期目标
    achievements: list[str] = field(default_factory=list)  # 实际完成情况
    indicators: list[Indicator] = field(default_factory=list)
    implementer: str = ""  # 实施单位; blank = the reporting unit


@dataclass
class Section:
    """A titled narrative section written by the accountant."""

    title: str = ""
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Problem:
    """A problem and the measure that answers it (R-C02 pairs them)."""

    text: str = ""
    measure: str = ""


@dataclass
class DeclaredTotals:
    """Totals as a form or import states them; blank = use the computed sum.

    The checks compare each against its parts (R-B01, R-B02, R-B03, R-B08).
    """

    basic: Amounts = field(default_factory=Amounts)  # 基本支出
    projects: Amounts = field(default_factory=Amounts)  # 项目支出
    overall: Amounts = field(default_factory=Amounts)  # 支出合计 / 年度资金总额
    three_public: Amounts = field(default_factory=Amounts)  # 三公经费
    vehicle: Amounts = field(default_factory=Amounts)  # 公务用车购置及运行维护


@dataclass
class ScoringSettings:
    weights: dict[str, Decimal] = field(default_factory=default_weights)
    # 反向 (≤) miss: "linear" = 分值 × (1 − (B − A) ÷ A), 0 from 2A (一体化系统);
    # "ratio" = 分值 × A ÷ B (older central form).
    reverse_formula: str = "linear"
    # = target missed: "proportional" scores by the direction of the miss; "zero" gives 0.
    equal_miss: str = "proportional"


@dataclass
class Report:
    year: int | None = None
    unit_name: str = ""
    supervisor: str = ""  # 主管部门
    template: str = "标准版"
    date_style: str = DATE_STYLE_ARABIC
    signature_date: date | None = None

    duties: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)  # 内设机构
    branches: list[str] = field(default_factory=list)  # 派出机构 / 所
    subordinates: list[str] = field(default_factory=list)  # 下属单位
    organization_note: str = ""
    staffing: Staffing = field(default_factory=Staffing)

    income: Income = field(default_factory=Income)
    basic: BasicSpending = field(default_factory=BasicSpending)
    projects: list[Project] = field(default_factory=list)
    adjustments: list[Adjustment] = field(default_factory=list)
    other_budgets: OtherBudgets = field(default_factory=OtherBudgets)
    three_public: ThreePublic = field(default_factory=ThreePublic)
    procurement: Amounts = field(default_factory=Amounts)  # 政府采购金额
    buildings: list[Building] = field(default_factory=list)
    frugality: str = ""  # 厉行节约保障措施
    declared: DeclaredTotals = field(default_factory=DeclaredTotals)

    goals: list[str] = field(default_factory=list)  # 年度总体目标 预期目标
    achievements: list[str] = field(default_factory=list)  # 实际完成情况
    indicators: list[Indicator] = field(default_factory=list)  # 附件2
    execution_notes: list[str] = field(default_factory=list)  # 六（一） extra paragraphs
    goal_notes: list[str] = field(default_factory=list)  # 六（二） extra paragraphs
    sections: list[Section] = field(default_factory=list)  # 六（三）
    problems: list[Problem] = field(default_factory=list)
    extra_measures: list[str] = field(default_factory=list)
    result_use: str = ""  # 九 自评结果拟应用和公开情况
    other_notes: str = ""  # 十 其他需要说明的情况
    scoring: ScoringSettings = field(default_factory=ScoringSettings)
