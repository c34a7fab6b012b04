"""The report fields the unit's tables can fill: key → field address, Chinese label, scope.

The ONE place that maps the keys the profiles use (``resources/table_profiles/*.json``) to
report field addresses (perfdesk.model.paths text), so moving to the typed field schema is
a change of this file only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from perfdesk.model.vocabulary import FundingScope


class Kind(StrEnum):
    MONEY = "money"  # 万元
    COUNT = "count"  # 人
    YEAR = "year"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    path: str  # an Amounts block ("basic.personnel") or a single value ("income.other")
    page: str  # the wizard page where the user types it
    scope: FundingScope = FundingScope.ALL  # the funds the report field means
    columns: bool = True  # an Amounts block: prior / initial / annual / actual
    kind: Kind = Kind.MONEY


_F = Field
_GB = FundingScope.GENERAL_BUDGET
FIELDS: dict[str, Field] = {f.key: f for f in [
    _F("year", "年度", "year", "基本情况", columns=False, kind=Kind.YEAR),
    _F("staffing_authorized", "编制数", "staffing.authorized", "基本情况", columns=False, kind=Kind.COUNT),
    _F("staffing_actual", "实有在职人数", "staffing.actual", "基本情况", columns=False, kind=Kind.COUNT),
    _F("overall", "支出合计（年度资金总额）", "declared.overall", "预算执行"),
    _F("basic", "基本支出", "declared.basic", "预算执行"),
    _F("projects", "项目支出", "declared.projects", "项目支出"),
    _F("personnel", "人员经费", "basic.personnel", "预算执行"),
    _F("public", "公用经费", "basic.public", "预算执行"),
    _F("office", "其中：办公经费", "basic.office", "预算执行", _GB),
    _F("utilities_travel", "水费、电费、差旅费", "basic.utilities_travel", "预算执行", _GB),
    _F("meetings_training", "会议费、培训费", "basic.meetings_training", "预算执行", _GB),
    _F("three_public", "“三公”经费合计", "declared.three_public", "预算执行", _GB),
    _F("vehicle", "公务用车购置及运行维护费", "declared.vehicle", "预算执行", _GB),
    _F("vehicle_purchase", "公务用车购置费", "three_public.vehicle_purchase", "预算执行", _GB),
    _F("vehicle_operation", "公务用车运行维护费", "three_public.vehicle_operation", "预算执行", _GB),
    _F("overseas", "因公出国（境）费", "three_public.overseas", "预算执行", _GB),
    _F("reception", "公务接待费", "three_public.reception", "预算执行", _GB),
    _F("procurement", "政府采购金额", "procurement", "预算执行"),
    _F("income_general_budget", "按收入性质分：一般公共预算", "income.general_budget", "预算执行",
       _GB, columns=False),
    _F("income_gov_fund", "按收入性质分：政府性基金拨款", "income.gov_fund", "预算执行",
       FundingScope.GOV_FUND, columns=False),
    _F("income_other", "按收入性质分：其他资金", "income.other", "预算执行", columns=False),
    _F("income_carryover", "按收入性质分：上年结转结余", "income.carryover", "预算执行", columns=False),
    _F("gov_fund_spending", "政府性基金预算支出", "other_budgets.gov_fund", "预算执行",
       FundingScope.GOV_FUND, columns=False),
    _F("state_capital_spending", "国有资本经营预算支出", "other_budgets.state_capital", "预算执行",
       FundingScope.STATE_CAPITAL, columns=False),
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
