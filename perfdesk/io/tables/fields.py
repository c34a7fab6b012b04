"""The report fields the unit's tables can fill: key → field address, Chinese label, scope.

The ONE place that maps the keys the profiles use (``resources/table_profiles/*.json``) to
report fields. Addresses are built from the field schema (``perfdesk.model.schema.A``), so a
typo fails at import, and the page where the user types a figure is the schema's.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from perfdesk.model.report import Amounts
from perfdesk.model.schema import A, Address
from perfdesk.model.vocabulary import FundingScope


class Kind(StrEnum):
    MONEY = "money"  # 万元
    COUNT = "count"  # 人
    YEAR = "year"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    address: Address  # an Amounts block (A.basic.personnel) or a single value (A.income.other)
    scope: FundingScope = FundingScope.ALL  # the funds the report field means
    kind: Kind = Kind.MONEY

    @property
    def path(self) -> str:
        return str(self.address)

    @property
    def columns(self) -> bool:
        """An Amounts block: prior / initial / annual / actual."""
        spec = self.address.field
        return spec is not None and spec.type is Amounts

    @property
    def page(self) -> str:
        """The wizard page where the user types it (the schema's)."""
        spec = self.address.field
        return spec.page.label if spec is not None else ""


_F = Field
_GB = FundingScope.GENERAL_BUDGET
FIELDS: dict[str, Field] = {f.key: f for f in [
    _F("year", "年度", A.year, kind=Kind.YEAR),
    _F("staffing_authorized", "编制数", A.staffing.authorized, kind=Kind.COUNT),
    _F("staffing_actual", "实有在职人数", A.staffing.actual, kind=Kind.COUNT),
    _F("overall", "支出合计（年度资金总额）", A.declared.overall),
    _F("basic", "基本支出", A.declared.basic),
    _F("projects", "项目支出", A.declared.projects),
    _F("personnel", "人员经费", A.basic.personnel),
    _F("public", "公用经费", A.basic.public),
    _F("office", "其中：办公经费", A.basic.office, _GB),
    _F("utilities_travel", "水费、电费、差旅费", A.basic.utilities_travel, _GB),
    _F("meetings_training", "会议费、培训费", A.basic.meetings_training, _GB),
    _F("three_public", "“三公”经费合计", A.declared.three_public, _GB),
    _F("vehicle", "公务用车购置及运行维护费", A.declared.vehicle, _GB),
    _F("vehicle_purchase", "公务用车购置费", A.three_public.vehicle_purchase, _GB),
    _F("vehicle_operation", "公务用车运行维护费", A.three_public.vehicle_operation, _GB),
    _F("overseas", "因公出国（境）费", A.three_public.overseas, _GB),
    _F("reception", "公务接待费", A.three_public.reception, _GB),
    _F("procurement", "政府采购金额", A.procurement),
    _F("income_general_budget", "按收入性质分：一般公共预算", A.income.general_budget, _GB),
    _F("income_gov_fund", "按收入性质分：政府性基金拨款", A.income.gov_fund, FundingScope.GOV_FUND),
    _F("income_other", "按收入性质分：其他资金", A.income.other),
    _F("income_carryover", "按收入性质分：上年结转结余", A.income.carryover),
    _F("gov_fund_spending", "政府性基金预算支出", A.other_budgets.gov_fund, FundingScope.GOV_FUND),
    _F("state_capital_spending", "国有资本经营预算支出", A.other_budgets.state_capital,
       FundingScope.STATE_CAPITAL),
]}

COLUMN_LABELS = {"prior": "上年决算数", "initial": "年初预算数", "annual": "全年预算数", "actual": "决算数"}


def path_of(key: str, column: str | None) -> str:
    """'personnel', 'actual' -> 'basic.personnel.actual'; scalar fields ignore the column."""
    f = FIELDS[key]
    return f"{f.path}.{column}" if f.columns and column else f.path


def label_of(key: str, column: str | None) -> str:
    """'personnel', 'actual' -> '人员经费（决算数）'."""
    f = FIELDS[key]
    return f"{f.label}（{COLUMN_LABELS[column]}）" if f.columns and column else f.label


def field_of_path(path: str) -> tuple[Field, str | None] | None:
    """The field (and column) an address names, or None."""
    for f in FIELDS.values():
        if path == f.path and not f.columns:
            return f, None
        if f.columns and path.startswith(f.path + ".") and path[len(f.path) + 1:] in COLUMN_LABELS:
            return f, path[len(f.path) + 1:]
    return None
