"""The report document: one year of one budget unit.

Plain dataclasses; every field is typed so the file codec (``codec.py``) can read and
write them generically. Money is ``Decimal | None`` in 万元 (None = the cell is blank),
counts are ``int | None``. Derived figures (sums, rates) live in ``figures.py`` and are
never stored — except the optional *declared* totals, which are what a hand-made form or
an imported file states, kept only so that the checks can compare them with the parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from perfdesk.model.money import Money
from perfdesk.model.vocabulary import (
    DEFAULT_EXEC_RATE_WEIGHT,
    DEFAULT_LABELS,
    DEFAULT_LEVEL1,
    EXEC_RATE,
    AdjustmentKind,
    Band,
    DateStyle,
    Direction,
    EqualMiss,
    FundingScope,
    NarrativePart,
    ReverseFormula,
    Scope,
)

DEFAULT_TEMPLATE = "standard"  # id of the bundled 标准版 (templates/standard.docx)


def default_weights() -> dict[str, Decimal]:
    """National default weights by 一级指标 id (财预〔2020〕10号); a template may override them."""
    return {**{lv.id: Decimal(lv.weight) for lv in DEFAULT_LEVEL1},
            EXEC_RATE: Decimal(DEFAULT_EXEC_RATE_WEIGHT)}


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
    kind: AdjustmentKind = AdjustmentKind.ADD
    scope: Scope = Scope.BASIC


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
    band: Band | None = None  # qualitative rows: the 达成程度 chosen
    direction: Direction | None = None  # quantitative rows: set by the user; None = inferred


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
class FigureSource:
    """Where an imported figure came from (a 决算/预算 table of the unit), kept with it."""

    file: str = ""  # the file's name as imported
    sheet: str = ""
    cell: str = ""  # e.g. "D12"
    row_label: str = ""  # the row and column labels the reader matched
    column_label: str = ""
    raw: str = ""  # the cell's exact value as read (before 元 → 万元 and rounding)
    unit: str = ""  # "元" or "万元", as the table stated
    scope: FundingScope = FundingScope.ALL
    value: Money = None  # what was filled in; a different field value means edited since
    digest: str = ""  # sha256 of the source file when read, to notice a changed file


@dataclass
class ScoringSettings:
    weights: dict[str, Decimal] = field(default_factory=default_weights)  # by 一级指标 id
    # Labels of 一级指标 ids outside the default vocabulary (a province's 投入指标 …).
    level1_labels: dict[str, str] = field(default_factory=dict)
    reverse_formula: ReverseFormula = ReverseFormula.LINEAR  # how a 反向 miss is scored
    equal_miss: EqualMiss = EqualMiss.PROPORTIONAL  # how an 等于 miss is scored

    def label(self, level1: str) -> str:
        """The Chinese name of a 一级指标 id ('output' → '产出指标')."""
        return DEFAULT_LABELS.get(level1) or self.level1_labels.get(level1) or level1

    def level1_of(self, text: str) -> str | None:
        """The id of the 一级指标 a row names ('产出指标(50分)' → 'output'), or None."""
        bare = bare_label(text)
        for key, label in (*DEFAULT_LABELS.items(), *self.level1_labels.items()):
            if bare_label(label) == bare:
                return key
        return None


_DECORATION = re.compile(r"[（(][^)）]*[)）]|\s")


def bare_label(text: str) -> str:
    """'产出指标(50 分)' -> '产出指标': a label without its weight or spaces."""
    return _DECORATION.sub("", text)


@dataclass
class Report:
    year: int | None = None
    unit_name: str = ""
    supervisor: str = ""  # 主管部门
    template: str = DEFAULT_TEMPLATE  # a template id (bundled or the user's)
    date_style: DateStyle = DateStyle.ARABIC
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
    stated_none: list[NarrativePart] = field(default_factory=list)  # sections the user chose 无 for
    scoring: ScoringSettings = field(default_factory=ScoringSettings)
    # Imported figures' sources, by field address (perfdesk.model.paths text).
    sources: dict[str, FigureSource] = field(default_factory=dict)
