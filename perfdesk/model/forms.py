"""The official 附件 forms' wording: row labels and column headings (DOMAIN.md §2.3–§2.5).

One vocabulary for the two sides of the same paper form: the Excel writer prints these
labels and the importer recognises them. Each row names the figure it carries by a key
(the ``Report`` field or derived total it shows).
"""

from __future__ import annotations

from typing import NamedTuple


class FormRow(NamedTuple):
    key: str  # the figure the row carries
    label: str  # as the form prints it
    indent: bool = False  # a 其中 item, printed indented


# 附件1 基础数据表, 经费控制情况 block
ANNEX1_THREE_PUBLIC_ROWS = (
    FormRow("three_public", "三公经费"),
    FormRow("vehicle", "1、公务用车购置和维护经费"),
    FormRow("vehicle_purchase", "其中：公车购置", True),
    FormRow("vehicle_operation", "公车运行维护", True),
    FormRow("overseas", "2、出国经费"),
    FormRow("reception", "3、公务接待"),
)
ANNEX1_PROJECTS_ROW = FormRow("projects", "项目支出：")
ANNEX1_PUBLIC_ROWS = (
    FormRow("public", "公用经费"),
    FormRow("office", "其中：办公经费", True),
    FormRow("utilities_travel", "水费、电费、差旅费", True),
    FormRow("meetings_training", "会议费、培训费", True),
    FormRow("procurement", "政府采购金额"),
    FormRow("basic", "部门基本支出预算调整"),
)

# 附件2: 按收入性质分 and 按支出性质分 (the 全年执行数 column)
ANNEX2_INCOME_ROWS = (
    FormRow("general_budget", "其中：一般公共预算"),
    FormRow("gov_fund", "政府性基金拨款"),
    FormRow("special_account", "纳入专户管理的非税收入拨款"),
    FormRow("other", "其他资金"),
    FormRow("carryover", "上年结转结余"),
)
ANNEX2_SPENDING_ROWS = (FormRow("basic", "其中：基本支出"), FormRow("projects", "项目支出"))

# 附件3: a project's funding split
ANNEX3_FUNDING_ROWS = (
    FormRow("current", "其中：当年财政拨款"),
    FormRow("carryover", "上年结转资金"),
    FormRow("other", "其他资金"),
)

# The budget block and the indicator table of 附件2 and 附件3
BUDGET_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分")
INDICATOR_COLUMNS = (
    FormRow("level1", "一级指标"),
    FormRow("level2", "二级指标"),
    FormRow("name", "三级指标"),
    FormRow("target", "年度指标值"),
    FormRow("actual", "实际完成值"),
    FormRow("weight", "分值"),
    FormRow("score", "自评得分"),
    FormRow("deviation", "偏差原因分析及改进措施"),
)
INDICATOR_HEADERS = tuple(c.label for c in INDICATOR_COLUMNS)
