"""The field schema: every field of a report, with its typed address, Chinese label, kind,
unit, owning page and where its figure usually comes from. Built from the dataclasses.

An address is built by attribute access on ``A`` and checked as it is built, so a typo
fails at import, not as a rule that silently reads nothing::

    A.basic.personnel.actual          # basic.personnel.actual
    A.projects[2].amounts             # projects[2].amounts
    A.projects.each.amounts           # projects[].amounts   (any project)
    A.scoring.weights                 # a dict field: its entries are values, not fields

``FIELDS`` (``fields()``) maps every generic address ("projects[].amounts.actual") to its ``Field``;
``field_of(path)`` finds the field of a concrete path; ``label_of(path)`` gives the words
the program shows for it ("项目支出 › 项目“…” › 年度资金总额 › 决算" is the UI's business;
here: "项目资金 › 决算"). Every dataclass field must have a label here: the schema refuses to
build otherwise, so a new field cannot be added without saying what it is.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from functools import cache
from typing import Any

from perfdesk.model import report as r
from perfdesk.model.vocabulary import Labelled


class Kind(StrEnum):
    MONEY = "money"  # 万元, Decimal
    NUMBER = "number"  # 分值, 面积: Decimal
    COUNT = "count"  # 人数, 年度: int
    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"  # one of an enumeration
    STRINGS = "strings"  # list[str]
    RECORDS = "records"  # list of dataclass items
    GROUP = "group"  # a dataclass
    MAPPING = "mapping"  # dict[str, …]


class Page(Labelled):
    """The wizard step that edits a field; ``label`` is its title."""

    BASIC = "basic", "基本情况"
    BUDGET = "budget", "预算执行"
    PROJECTS = "projects", "项目支出"
    INDICATORS = "indicators", "绩效指标"
    NARRATIVE = "narrative", "绩效情况"
    PROBLEMS = "problems", "问题与改进"
    GENERATE = "generate", "生成与打印"


# (class, field) → label. Money groups add where the figure usually comes from.
LABELS: dict[tuple[type, str], str] = {
    (r.Report, "year"): "报告年度", (r.Report, "unit_name"): "单位名称",
    (r.Report, "supervisor"): "主管部门", (r.Report, "template"): "报告模板",
    (r.Report, "date_style"): "落款日期写法", (r.Report, "signature_date"): "落款日期",
    (r.Report, "duties"): "单位职能职责", (r.Report, "departments"): "内设机构",
    (r.Report, "branches"): "派出机构", (r.Report, "subordinates"): "下属单位",
    (r.Report, "organization_note"): "机构设置说明", (r.Report, "staffing"): "人员情况",
    (r.Report, "income"): "按收入性质分", (r.Report, "basic"): "基本支出",
    (r.Report, "projects"): "项目支出", (r.Report, "adjustments"): "年中预算调整",
    (r.Report, "other_budgets"): "其他预算支出", (r.Report, "three_public"): "“三公”经费",
    (r.Report, "procurement"): "政府采购金额", (r.Report, "buildings"): "楼堂馆所",
    (r.Report, "frugality"): "厉行节约保障措施", (r.Report, "declared"): "报表合计数",
    (r.Report, "goals"): "年度总体目标 预期目标", (r.Report, "achievements"): "年度总体目标 实际完成情况",
    (r.Report, "indicators"): "绩效指标（附件2）", (r.Report, "execution_notes"): "预算执行情况补充说明",
    (r.Report, "goal_notes"): "绩效目标完成情况补充说明", (r.Report, "sections"): "整体支出绩效情况",
    (r.Report, "problems"): "存在的问题及改进措施", (r.Report, "extra_measures"): "其他改进措施",
    (r.Report, "result_use"): "自评结果应用和公开情况", (r.Report, "other_notes"): "其他需要说明的情况",
    (r.Report, "stated_none"): "明确为“无”的部分", (r.Report, "scoring"): "评分设置",
    (r.Report, "sources"): "取数来源",
    (r.Staffing, "authorized"): "编制数", (r.Staffing, "actual"): "实有在职人数",
    (r.Staffing, "note"): "人员构成说明",
    (r.Income, "general_budget"): "一般公共预算", (r.Income, "gov_fund"): "政府性基金拨款",
    (r.Income, "special_account"): "纳入专户管理的非税收入拨款", (r.Income, "other"): "其他资金",
    (r.Income, "carryover"): "上年结转结余",
    (r.BasicSpending, "personnel"): "人员经费", (r.BasicSpending, "personnel_items"): "人员经费主要内容",
    (r.BasicSpending, "public"): "公用经费", (r.BasicSpending, "public_items"): "公用经费主要内容",
    (r.BasicSpending, "office"): "办公经费", (r.BasicSpending, "utilities_travel"): "水费、电费、差旅费",
    (r.BasicSpending, "meetings_training"): "会议费、培训费",
    (r.Amounts, "prior"): "上年决算", (r.Amounts, "initial"): "年初预算",
    (r.Amounts, "annual"): "全年预算", (r.Amounts, "actual"): "决算",
    (r.Project, "name"): "项目名称", (r.Project, "amounts"): "项目资金", (r.Project, "funding"): "资金来源",
    (r.Project, "purpose"): "主要用途", (r.Project, "goals"): "预期目标",
    (r.Project, "achievements"): "实际完成情况", (r.Project, "indicators"): "绩效指标（附件3）",
    (r.Project, "implementer"): "实施单位",
    (r.Funding, "current"): "当年财政拨款", (r.Funding, "carryover"): "上年结转资金",
    (r.Funding, "other"): "其他资金",
    (r.Indicator, "level1"): "一级指标", (r.Indicator, "level2"): "二级指标", (r.Indicator, "name"): "三级指标",
    (r.Indicator, "target"): "年度指标值", (r.Indicator, "actual"): "实际完成值", (r.Indicator, "weight"): "分值",
    (r.Indicator, "score"): "自评得分", (r.Indicator, "deviation"): "偏差原因分析及改进措施",
    (r.Indicator, "band"): "达成程度", (r.Indicator, "direction"): "计分方向",
    (r.Adjustment, "description"): "调整事项", (r.Adjustment, "amount"): "金额",
    (r.Adjustment, "kind"): "追加/调减", (r.Adjustment, "scope"): "属于",
    (r.OtherBudgets, "gov_fund"): "政府性基金预算支出", (r.OtherBudgets, "gov_fund_note"): "政府性基金说明",
    (r.OtherBudgets, "state_capital"): "国有资本经营预算支出",
    (r.OtherBudgets, "state_capital_note"): "国有资本经营说明",
    (r.OtherBudgets, "social_insurance"): "社会保险基金预算支出",
    (r.OtherBudgets, "social_insurance_note"): "社会保险基金说明",
    (r.ThreePublic, "vehicle_purchase"): "公务用车购置费", (r.ThreePublic, "vehicle_operation"): "公务用车运行维护费",
    (r.ThreePublic, "overseas"): "因公出国（境）费", (r.ThreePublic, "reception"): "公务接待费",
    (r.ThreePublic, "note"): "“三公”经费增减说明",
    (r.Building, "name"): "项目名称", (r.Building, "approved_area"): "批复规模（m²）",
    (r.Building, "actual_area"): "实际规模（m²）", (r.Building, "budget_investment"): "预算投资",
    (r.Building, "actual_investment"): "实际投资",
    (r.DeclaredTotals, "basic"): "基本支出（报表数）", (r.DeclaredTotals, "projects"): "项目支出（报表数）",
    (r.DeclaredTotals, "overall"): "支出合计（报表数）", (r.DeclaredTotals, "three_public"): "“三公”经费合计（报表数）",
    (r.DeclaredTotals, "vehicle"): "公务用车购置及运行维护（报表数）",
    (r.Section, "title"): "小节标题", (r.Section, "paragraphs"): "段落",
    (r.Problem, "text"): "问题", (r.Problem, "measure"): "改进措施",
    (r.ScoringSettings, "weights"): "一级指标分值", (r.ScoringSettings, "level1_labels"): "一级指标名称",
    (r.ScoringSettings, "reverse_formula"): "反向指标计分", (r.ScoringSettings, "equal_miss"): "等值指标计分",
    (r.FigureSource, "file"): "文件", (r.FigureSource, "sheet"): "工作表", (r.FigureSource, "cell"): "单元格",
    (r.FigureSource, "row_label"): "行", (r.FigureSource, "column_label"): "列", (r.FigureSource, "raw"): "原值",
    (r.FigureSource, "unit"): "金额单位", (r.FigureSource, "scope"): "资金范围", (r.FigureSource, "value"): "取数值",
    (r.FigureSource, "digest"): "文件校验值",
}

# Where a figure is usually found — which 决算/预算 table, which line (docs/tables.md) — by
# generic address; an Amounts block gives each column its own: 决算 from the 决算 table,
# 年初预算 from the 预算 table, 上年决算 from last year's 决算 table, 全年预算 (调整预算)
# from the budget documents, since no published table holds it. A field without an entry
# takes its group's.
ANNUAL_SOURCE = ("预算指标文件或预算一体化系统中的调整预算数（年初预算加年中追加、减调减）；"
                 "公开的决算表里没有")


def _columns(group: str, actual: str, initial: str) -> dict[str, str]:
    return {f"{group}.actual": actual, f"{group}.initial": initial,
            f"{group}.annual": ANNUAL_SOURCE,
            f"{group}.prior": f"上一年度的{actual}（取数时同时选上年的决算表）"}


SOURCES: dict[str, str] = {
    "income": "部门决算 公开01表 收入支出决算总表（收入部分）",
    "income.general_budget": "部门决算 公开01表 收入支出决算总表“一般公共预算财政拨款收入”行",
    "income.gov_fund": "部门决算 公开01表 收入支出决算总表“政府性基金预算财政拨款收入”行",
    "income.special_account": "部门决算 收入决算表“纳入专户管理的非税收入拨款”（本地有此项时）",
    "income.other": ("部门决算 公开01表 收入支出决算总表的上级补助收入、事业收入、经营收入、"
                     "附属单位上缴收入和其他收入等行之和"),
    "income.carryover": ("部门决算 公开01表 收入支出决算总表“年初结转和结余”行（加使用非财政拨款结余，"
                         "减年末结转和结余、结余分配）"),
    **_columns("basic.personnel",
               "部门决算 公开06表 一般公共预算财政拨款基本支出决算表“人员经费合计”行",
               "部门预算公开表 一般公共预算基本支出表“人员经费”（或部门支出总表“人员经费”行）"),
    **_columns("basic.public",
               "部门决算 公开06表 一般公共预算财政拨款基本支出决算表“公用经费合计”行",
               "部门预算公开表 一般公共预算基本支出表“公用经费”（或部门支出总表“公用经费”行）"),
    **_columns("basic.office", "部门决算 公开06表“30201 办公费”行",
               "部门预算公开表 一般公共预算基本支出表“30201 办公费”行"),
    **_columns("basic.utilities_travel",
               "部门决算 公开06表“30205 水费”“30206 电费”“30211 差旅费”三行之和",
               "部门预算公开表 一般公共预算基本支出表 30205、30206、30211 三行之和"),
    **_columns("basic.meetings_training", "部门决算 公开06表“30215 会议费”“30216 培训费”两行之和",
               "部门预算公开表 一般公共预算基本支出表 30215、30216 两行之和"),
    **{k: v for line, row in (("vehicle_purchase", "公务用车购置费"),
                              ("vehicle_operation", "公务用车运行维护费"),
                              ("overseas", "因公出国（境）费"), ("reception", "公务接待费"))
       for k, v in _columns(f"three_public.{line}",
                            f"部门决算 公开07表“三公”经费支出决算表“{row}”行的决算数",
                            f"部门决算 公开07表“{row}”行的预算数（或部门预算“三公”经费支出表）").items()},
    **_columns("procurement", "决算软件导出的机构运行信息表“政府采购支出合计”行",
               "部门预算 政府采购预算表的合计数"),
    "declared": "单位报表或附件上写的合计数（选填，留空则自动相加）",
    **_columns("declared.overall",
               "部门决算 公开01表 收入支出决算总表“本年支出合计”行（或公开03表 支出决算表合计行）",
               "部门预算公开表 部门收支总表“本年支出合计”（或部门支出总表合计行）"),
    **_columns("declared.basic", "部门决算 公开03表 支出决算表合计行的“基本支出”栏",
               "部门预算公开表 部门支出总表合计行的“基本支出”栏"),
    **_columns("declared.projects", "部门决算 公开03表 支出决算表合计行的“项目支出”栏",
               "部门预算公开表 部门支出总表合计行的“项目支出”栏"),
    **_columns("declared.three_public", "部门决算 公开07表“三公”经费支出决算表“合计”行的决算数",
               "部门决算 公开07表“合计”行的预算数（或部门预算“三公”经费支出表）"),
    **_columns("declared.vehicle", "部门决算 公开07表“公务用车购置及运行费”小计的决算数",
               "部门决算 公开07表“公务用车购置及运行费”小计的预算数"),
    **_columns("projects[].amounts",
               ("本单位的项目支出明细（决算软件的项目支出决算明细表或项目台账），按项目；"
                "公开的决算表只有项目支出合计（公开03表）"),
               "部门预算 项目支出预算表或年初下达的项目指标文件，按项目"),
    "projects[].funding": "项目资金来源：预算指标文件（当年财政拨款）、上年结转资金明细表、其他资金的收入记录",
    "other_budgets.gov_fund": "部门决算 公开08表 政府性基金预算财政拨款支出决算表合计行",
    "other_budgets.state_capital": "部门决算 公开09表 国有资本经营预算财政拨款支出决算表合计行",
    "other_budgets.social_insurance": "社会保险基金预算支出决算表（管理社会保险基金的单位才有，一般单位留空）",
    "adjustments[].amount": "预算调整文件（追加、调减预算指标的批复）",
    "buildings[].budget_investment": "项目批复的投资概算（投资计划文件）",
    "buildings[].actual_investment": "工程竣工财务决算或项目结算报表",
    "staffing": "决算软件导出的基本数字表",
    "staffing.authorized": "决算软件导出的基本数字表“编制人数”行",
    "staffing.actual": "决算软件导出的基本数字表“实有在职人数”行",
}

# What goes into a field, in a few words (its tooltip, under the label), by generic address;
# a group's hint is its fields' unless they have their own.
_INDICATOR_HINTS = {
    "level1": "一级指标：产出指标、效益指标或满意度指标",
    "level2": "二级指标，须属于所选的一级指标（如产出指标下的数量、质量、时效、成本指标）",
    "name": "三级指标的名称，如“新增市场主体户数”",
    "target": "年度指标值，写比较符号、数字和单位，如 ≥3000户、≤15天、100%",
    "actual": "实际完成值，单位与年度指标值一致，如 3426户",
    "weight": "这一行的分值",
    "score": "自评得分：0 到分值之间，可参考灰色的建议得分",
    "deviation": "未达到指标值或大幅超出时，写明原因和改进措施",
    "band": "定性指标的达成程度：达成、部分达成或未达成",
}
HINTS: dict[str, str] = {
    "year": "自评的预算年度，如 2024（2025 年春天写的是 2024 年度的报告）",
    "unit_name": "预算单位全称，与公章一致，如“某某县市场监督管理局”",
    "supervisor": "本单位的主管部门，如“某某县人民政府”；印在附件3 表头",
    "template": "生成报告用的模板：标准版、简版（六部分）、旧版（七部分）或表格式",
    "date_style": "落款日期用阿拉伯数字（2012 年标准）还是汉字（1999 年版）书写",
    "signature_date": "报告的成文日期，应在报告年度的下一年",
    "duties": "单位的主要职能职责，每条一项；可从 Word 复制多行粘贴",
    "departments": "内设机构的名称，每个一项",
    "branches": "派出机构、所的名称，每个一项",
    "subordinates": "下属单位的名称，每个一项",
    "organization_note": "机构设置的补充说明，如核定编制的构成",
    "staffing.authorized": "核定的编制人数",
    "staffing.actual": "年末实有在职人数",
    "staffing.note": "人员构成的补充说明，如“另有退休人员若干人”",
    "income": "按收入性质分的本年资金来源（决算数），各项之和应等于支出合计的决算数",
    "basic.personnel_items": "人员经费主要包括哪些，如基本工资、津贴补贴、社会保障缴费",
    "basic.public_items": "公用经费主要包括哪些，如办公费、水电费、差旅费",
    "projects[].name": "项目名称，与预算批复一致",
    "projects[].implementer": "实施单位；留空则为本单位",
    "projects[].purpose": "项目资金的主要用途",
    "projects[].funding": "项目资金按来源分（附件3，选填）：各来源之和应等于项目资金",
    "projects[].goals": "项目的年度绩效目标，每条一项",
    "projects[].achievements": "项目目标的实际完成情况，每条一项",
    "projects[].indicators": "项目的绩效指标（附件3）；可从 Excel 复制粘贴",
    "adjustments": "年中追加、调减的预算，逐项填写（选填）；自动核对年初预算 + 追加 − 调减 = 全年预算",
    "adjustments[].description": "调整事项，如“追加人员工资调标资金”",
    "adjustments[].amount": "调整的金额，填正数，在“方向”中选追加或调减",
    "adjustments[].kind": "追加还是调减",
    "adjustments[].scope": "调整属于基本支出还是项目支出",
    "other_budgets.gov_fund": "政府性基金预算的支出；没有则留空，报告写“本单位无……”",
    "other_budgets.state_capital": "国有资本经营预算的支出；没有则留空",
    "other_budgets.social_insurance": "社会保险基金预算的支出；没有则留空",
    "other_budgets.gov_fund_note": "政府性基金支出的用途说明（选填）",
    "other_budgets.state_capital_note": "国有资本经营预算支出的用途说明（选填）",
    "other_budgets.social_insurance_note": "社会保险基金支出的用途说明（选填）",
    "three_public.note": "“三公”经费增减变化的原因，写入报告",
    "procurement": "本年政府采购的金额",
    "buildings": "本年完工的楼堂馆所项目，没有则留空",
    "buildings[].name": "楼堂馆所项目的名称",
    "buildings[].approved_area": "批复的建设规模（平方米）",
    "buildings[].actual_area": "实际建成的规模（平方米）",
    "frugality": "厉行节约的保障措施，写入附件1",
    "declared": "报表或附件上写的合计数（选填）：留空则用分项自动相加的数；填了会与分项之和核对",
    "goals": "整体支出的年度总体目标，每条一项（附件2）",
    "achievements": "年度总体目标的实际完成情况，每条一项",
    "indicators": "整体支出的绩效指标（附件2）；可从 Excel 复制粘贴",
    **{f"indicators[].{k}": v for k, v in _INDICATOR_HINTS.items()},
    **{f"projects[].indicators[].{k}": v for k, v in _INDICATOR_HINTS.items()},
    "execution_notes": "写在自动生成的预算执行情况段落之后的补充段落",
    "goal_notes": "写在自动生成的目标完成情况段落之后的补充段落",
    "sections": "整体支出绩效情况：按工作条线分部分写，每部分一个标题和若干段落",
    "sections[].title": "这一部分的标题，如“（1）市场主体培育成效明显”",
    "sections[].paragraphs": "这一部分的段落；可从 Word 复制多段粘贴",
    "problems": "存在的问题及原因，每行一个，写对应的改进措施",
    "problems[].text": "存在的问题及原因；执行率偏低的项目要写明原因",
    "problems[].measure": "针对这个问题的改进措施",
    "extra_measures": "不对应具体问题的其他改进措施（选填）",
    "result_use": "自评结果的应用和公开情况",
    "other_notes": "其他需要说明的情况；没有可留空（报告写“无其他需要说明的情况。”）",
    "stated_none": "确实没有需要说明的问题或措施时，明确选择“无”",
    "scoring.weights": "各一级指标的分值，默认产出 50、效益 30、满意度 10、预算执行率 10",
    "scoring.reverse_formula": "反向指标（≤）未达到时怎样计分",
    "scoring.equal_miss": "等值指标（=）未达到时怎样计分",
}

# Top-level field → the page that edits it.
PAGES: dict[str, Page] = {
    **dict.fromkeys(("year", "unit_name", "supervisor", "duties", "departments", "branches",
                     "subordinates", "organization_note", "staffing"), Page.BASIC),
    **dict.fromkeys(("income", "basic", "adjustments", "other_budgets", "three_public",
                     "procurement", "buildings", "frugality", "declared"), Page.BUDGET),
    "projects": Page.PROJECTS,
    **dict.fromkeys(("goals", "achievements", "indicators", "scoring"), Page.INDICATORS),
    **dict.fromkeys(("execution_notes", "goal_notes", "sections"), Page.NARRATIVE),
    **dict.fromkeys(("problems", "extra_measures", "result_use", "other_notes", "signature_date",
                     "date_style", "stated_none"), Page.PROBLEMS),
    **dict.fromkeys(("template", "sources"), Page.GENERATE),
}

_MONEY_CLASSES = (r.Amounts, r.Income, r.OtherBudgets)
_NUMBER_FIELDS = {(r.Indicator, "weight"), (r.Indicator, "score"), (r.Building, "approved_area"),
                  (r.Building, "actual_area")}


@dataclass(frozen=True)
class Field:
    address: str  # generic: "projects[].amounts.actual"
    label: str  # its own label: "决算"
    kind: Kind
    page: Page
    type: Any  # the Python type (Decimal | None …)
    labels: tuple[str, ...]  # every label from the top: ("项目支出", "项目资金", "决算")
    unit: str = ""  # 万元, 人, 分, m²
    source: str = ""  # where the figure usually comes from
    item: Any = None  # the item type of a list or mapping
    hint: str = ""  # what goes there, in a few words

    @property
    def money(self) -> bool:
        return self.kind == Kind.MONEY


def _bare(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def _kind(owner: type, name: str, tp: Any) -> tuple[Kind, str, Any]:
    bare = _bare(tp)
    origin = typing.get_origin(bare)
    if origin is list:
        (item,) = typing.get_args(bare)
        return (Kind.RECORDS if dataclasses.is_dataclass(item) else Kind.STRINGS), "", item
    if origin is dict:
        return Kind.MAPPING, "", typing.get_args(bare)[1]
    if dataclasses.is_dataclass(bare):
        return Kind.GROUP, "", None
    if isinstance(bare, type) and issubclass(bare, Enum):
        return Kind.CHOICE, "", None
    if bare is Decimal:
        if (owner, name) in _NUMBER_FIELDS:
            return Kind.NUMBER, ("m²" if "area" in name else "分"), None
        if owner in _MONEY_CLASSES or owner in (r.Adjustment, r.Building, r.FigureSource):
            return Kind.MONEY, "万元", None
        return Kind.NUMBER, "", None
    if bare is int:
        return Kind.COUNT, ("" if name == "year" else "人"), None
    if bare is date:
        return Kind.DATE, "", None
    return Kind.TEXT, "", None


def _build() -> dict[str, Field]:
    out: dict[str, Field] = {}
    missing: list[str] = []

    def walk(cls: type, prefix: str, labels: tuple[str, ...], page: Page | None, source: str,
             hint: str) -> None:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            label = LABELS.get((cls, f.name))
            if label is None:
                missing.append(f"{cls.__name__}.{f.name}")
                label = f.name
            address = f"{prefix}.{f.name}" if prefix else f.name
            own_page = page or PAGES.get(f.name, Page.BASIC)
            own_source = SOURCES.get(address, source)
            own_hint = HINTS.get(address, hint)
            kind, unit, item = _kind(cls, f.name, hints[f.name])
            chain = (*labels, label)
            out[address] = Field(address, label, kind, own_page, hints[f.name], chain, unit,
                                 own_source if kind in (Kind.MONEY, Kind.GROUP, Kind.COUNT) else "",
                                 item, own_hint)
            tp = _bare(hints[f.name])
            if kind == Kind.GROUP:
                walk(typing.cast(type, tp), address, chain, own_page, own_source, own_hint)
            elif kind == Kind.RECORDS:
                walk(item, f"{address}[]", chain, own_page, own_source, "")
            elif kind == Kind.MAPPING and dataclasses.is_dataclass(item):
                walk(typing.cast(type, item), f"{address}[]", chain, own_page, own_source, "")

    walk(r.Report, "", (), None, "", "")
    if missing:
        raise AssertionError(f"schema: no label for {', '.join(missing)}")
    unknown = sorted((set(SOURCES) | set(HINTS)) - set(out))
    if unknown:
        raise AssertionError(f"schema: a source or hint for no field: {', '.join(unknown)}")
    return out


@cache
def fields() -> dict[str, Field]:
    """Every field by generic address; built on first use, so the window's first frame does
    not wait for it (``FIELDS`` is the same dict)."""
    return _build()


def __getattr__(name: str) -> Any:  # PEP 562: FIELDS is built when first asked for
    if name == "FIELDS":
        return fields()
    raise AttributeError(name)

_INDEX = re.compile(r"\[\d+\]")
_KEY = re.compile(r"\.[^.\[\]]+$")


def generic(path: str) -> str:
    """'projects[3].amounts.actual' -> 'projects[].amounts.actual'."""
    return _INDEX.sub("[]", path)


@cache
def field_of(path: str) -> Field | None:
    """The field a concrete path names; for an entry of a mapping (``scoring.weights.output``),
    the mapping; None when the path names no field of the report."""
    g = generic(path)
    found = fields().get(g)
    if found is not None:
        return found
    if g.endswith("[]"):  # an item of a list: the list's field
        owner_list = fields().get(g[:-2])
        return owner_list if owner_list is not None and owner_list.kind in (
            Kind.STRINGS, Kind.RECORDS) else None
    parent = _KEY.sub("", g)
    owner = fields().get(parent)
    return owner if owner is not None and owner.kind == Kind.MAPPING and parent != g else None


def is_field(path: str) -> bool:
    return bool(path) and field_of(path) is not None


def page_of(path: str) -> Page:
    """The page that edits ``path`` (by its top-level field; 基本情况 for '')."""
    top = re.split(r"[.\[]", path, maxsplit=1)[0]
    return PAGES.get(top, Page.BASIC)


def label_of(path: str, report: r.Report | None = None) -> str:
    """'basic.public.actual' -> '基本支出 › 公用经费 › 决算'; a list item is counted from 1
    ('项目支出 › 第2项 › …'), or, given the report, named when it has a name
    ('项目支出 › 项目“执法办案经费” › …')."""
    f = field_of(path)
    if f is None:
        return path
    labels = list(f.labels)
    indexes = [int(i) for i in re.findall(r"\[(\d+)\]", path)]
    out: list[str] = []
    prefix = ""
    depth = 0
    for part, label in zip(generic(path).split("."), labels, strict=False):
        out.append(label)
        prefix += ("." if prefix else "") + part.removesuffix("[]")
        if part.endswith("[]") and depth < len(indexes):
            prefix += f"[{indexes[depth]}]"
            out.append(_item_name(report, prefix, indexes[depth]))
            depth += 1
    return " › ".join(out)


def _item_name(report: r.Report | None, path: str, index: int) -> str:
    name = ""
    if report is not None:
        from perfdesk.model import paths

        try:
            name = str(getattr(paths.get(report, path), "name", "") or "").strip()
        except (IndexError, KeyError, AttributeError, TypeError, ValueError):
            name = ""  # an item that no longer exists: its number is all there is
    if not name:
        return f"第{index + 1}项"
    return f"“{name[:15]}…”" if len(name) > 16 else f"“{name}”"


def place_of(path: str, report: r.Report | None = None) -> str:
    """Where a field is, for people: '预算执行 › 基本支出 › 公用经费 › 决算'; '' for the
    report as a whole. Never the path itself."""
    if not path:
        return ""
    page = page_of(path).label
    if field_of(path) is None:
        return page
    label = label_of(path, report)
    return label if label.split(" › ")[0] == page else f"{page} › {label}"


# --- typed addresses ------------------------------------------------------------------------
class Address:
    """A field address being built: attribute access follows the dataclasses, ``[i]`` and
    ``.each`` step into lists. ``str(address)`` is the path text."""

    __slots__ = ("_field", "_path")

    def __init__(self, path: str, spec: Field | None) -> None:
        self._path, self._field = path, spec

    def __getattr__(self, name: str) -> Address:
        if name.startswith("_"):
            raise AttributeError(name)
        spec = self._field
        if spec is not None and spec.kind not in (Kind.GROUP,) and not self._path.endswith("]"):
            raise AttributeError(f"{self._path} has no fields (it is a {spec.kind})")
        path = f"{self._path}.{name}" if self._path else name
        child = fields().get(generic(path))
        if child is None:
            raise AttributeError(f"the report has no field {path!r}")
        return Address(path, child)

    def __getitem__(self, index: int) -> Address:
        spec = self._field
        if spec is None or spec.kind not in (Kind.RECORDS, Kind.STRINGS):
            raise TypeError(f"{self._path} is not a list")
        return Address(f"{self._path}[{index}]", spec)

    @property
    def each(self) -> Address:
        """Any item of a list: 'projects[]' (for rule dependencies)."""
        spec = self._field
        if spec is None or spec.kind not in (Kind.RECORDS, Kind.STRINGS, Kind.MAPPING):
            raise TypeError(f"{self._path} is not a list")
        return Address(f"{self._path}[]", spec)

    @property
    def field(self) -> Field | None:
        return self._field

    def __str__(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"A.{self._path}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Address) and other._path == self._path

    def __hash__(self) -> int:
        return hash(self._path)


A = Address("", None)


def address(path: str) -> Address:
    """The address of a path given as text; ValueError when it names no field."""
    spec = field_of(path)
    if spec is None:
        raise ValueError(f"the report has no field {path!r}")
    return Address(path, spec)
