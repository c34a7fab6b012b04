"""Words for people: what a field path is called, which PerfDesk page holds it, and each
rule's problem in plain words for the 审核意见.

The page table mirrors perfdesk/ui/pages (SECTION_PAGE), which this layer cannot import;
the core redesign's field schema (issue 11) is meant to replace both.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from perfdesk.checks.catalogue import RULES_BY_ID
from perfdesk.model import paths
from perfdesk.model.figures import COLUMN_LABELS
from perfdesk.model.numbers import fmt_money
from perfdesk.model.report import Report
from perfdesk.review.rules import REVIEW_RULES_BY_ID

PAGE_TITLES = {"basic": "基本情况", "budget": "预算执行", "projects": "项目支出",
               "indicators": "绩效指标", "narrative": "绩效情况", "problems": "问题与改进",
               "generate": "生成与打印"}
_PAGE_OF = {
    **dict.fromkeys(("year", "unit_name", "supervisor", "duties", "departments", "branches",
                     "subordinates", "organization_note", "staffing"), "basic"),
    **dict.fromkeys(("income", "basic", "adjustments", "other_budgets", "three_public",
                     "procurement", "buildings", "frugality", "declared"), "budget"),
    "projects": "projects",
    **dict.fromkeys(("goals", "achievements", "indicators", "scoring"), "indicators"),
    **dict.fromkeys(("execution_notes", "goal_notes", "sections"), "narrative"),
    **dict.fromkeys(("problems", "extra_measures", "result_use", "other_notes",
                     "signature_date", "date_style"), "problems"),
    "template": "generate",
}
_NAMES = {
    "basic.personnel": "人员经费", "basic.public": "公用经费", "basic.office": "办公经费",
    "basic.utilities_travel": "水费、电费、差旅费", "basic.meetings_training": "会议费、培训费",
    "declared.basic": "基本支出", "declared.projects": "项目支出",
    "declared.overall": "支出合计（年度资金总额）", "declared.three_public": "“三公”经费",
    "declared.vehicle": "公务用车购置及运行维护费",
    "three_public.vehicle_purchase": "公务用车购置费",
    "three_public.vehicle_operation": "公务用车运行维护费",
    "three_public.overseas": "因公出国（境）费", "three_public.reception": "公务接待费",
    "income.general_budget": "一般公共预算", "income.gov_fund": "政府性基金拨款",
    "income.special_account": "纳入专户管理的非税收入拨款", "income.other": "其他资金",
    "income.carryover": "上年结转结余", "procurement": "政府采购金额",
    "staffing.authorized": "编制数", "staffing.actual": "实有在职人数",
    "unit_name": "单位名称", "supervisor": "主管部门", "year": "年度",
    "signature_date": "落款日期", "duties": "职能职责", "problems": "存在的问题",
    "indicators": "附件2 绩效指标", "goals": "年度总体目标", "achievements": "实际完成情况",
}
INDICATOR_FIELDS = {"level1": "一级指标", "level2": "二级指标", "name": "三级指标",
                    "target": "年度指标值", "actual": "实际完成值", "weight": "分值",
                    "score": "自评得分", "deviation": "偏差原因分析及改进措施", "band": "达成程度"}
FUNDING = {"current": "当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}
_MONEY_COLUMNS = set(COLUMN_LABELS)
_INDICATOR = re.compile(r"^(?:projects\[(\d+)\]\.)?indicators\[(\d+)\](?:\.(\w+))?")
_PROJECT = re.compile(r"^projects\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?(?:\.(\w+))?")
_ITEM = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?")


def page_title(path: str) -> str:
    if not path:
        return PAGE_TITLES["basic"]
    return PAGE_TITLES[_PAGE_OF.get(paths.section_of(path), "basic")]


def _get(report: Report, path: str) -> Any:
    try:
        return paths.get(report, path)
    except (AttributeError, IndexError, KeyError, ValueError, TypeError):
        return None


def row_of(report: Report, path: str) -> str:
    """The row or item a path belongs to, in words ('项目“业务工作经费”第3行“出勤率”')."""
    m = _INDICATOR.match(path)
    if m:
        k, i = m.group(1), int(m.group(2))
        table = "附件2" if k is None else f"项目“{_get(report, f'projects[{k}].name') or ''}”"
        name = _get(report, f"{path.split('indicators')[0]}indicators[{i}].name") or ""
        return f"{table}绩效指标第{i + 1}行“{str(name).strip() or '（未命名）'}”"
    m = _PROJECT.match(path)
    if m:
        name = _get(report, f"projects[{m.group(1)}].name") or ""
        part = FUNDING.get(m.group(3) or "", "") if m.group(2) == "funding" else ""
        return f"项目“{name}”{part}"
    for key in sorted(_NAMES, key=len, reverse=True):
        if path == key or path.startswith(key + ".") or path.startswith(key + "["):
            m2 = _ITEM.match(path)
            if m2 and m2.group(1) == key:
                return f"{_NAMES[key]}第{int(m2.group(2)) + 1}项"
            return _NAMES[key]
    return path


def field_of(path: str) -> str:
    """The column or field the path ends in ('全年预算', '自评得分'), '' for a whole row."""
    last = path.rsplit(".", 1)[-1]
    if _INDICATOR.match(path):
        return INDICATOR_FIELDS.get(last, "")
    if last in _MONEY_COLUMNS and "." in path:
        return COLUMN_LABELS[last]
    return ""


def perfdesk_place(report: Report, path: str) -> str:
    """Where a field is in PerfDesk: '“预算执行”页：基本支出 › 决算'."""
    if not path:
        return "报告整体"
    field = field_of(path)
    row = row_of(report, path)
    return f"PerfDesk“{page_title(path)}”页：{row}" + (f" › {field}" if field else "")


def _number(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_text(path: str, value: Any) -> str:
    """A stated value as the opinion quotes it: 696.00万元, 10分, “≥95%”, 301人."""
    last = path.rsplit(".", 1)[-1]
    if isinstance(value, Decimal):
        if last in ("weight", "score"):
            return f"{_number(value)}分"
        if last in _MONEY_COLUMNS or path.startswith(("income.", "procurement")):
            return f"{fmt_money(value)}万元"
        return _number(value)
    if isinstance(value, int) and path.startswith("staffing."):
        return f"{value}人"
    text = str(value).strip().replace("\n", " ")
    return f"“{text[:40]}{'…' if len(text) > 40 else ''}”"


PLAIN = {
    "R-C01": "必填项未填写，请补填",
    "R-C02": "存在的问题或改进措施未填写，或有问题没有对应的改进措施，请补充",
    "R-C03": "文字中留有模板占位符，请改为实际内容",
    "R-C04": "落款日期或标题中的年度与报告年度不符，请核对",
    "R-B01": "基本支出不等于人员经费与公用经费之和，请核对",
    "R-B02": "项目支出合计不等于各项目金额之和，请核对",
    "R-B03": "支出合计（年度资金总额）不等于基本支出与项目支出之和，请核对",
    "R-B04": "按收入性质分的各项资金之和不等于年度资金总额，请核对",
    "R-B05": "年中追加、调减与年初预算合计不等于全年预算数，请核对",
    "R-B06": "执行数超过了全年预算数，请核对或说明原因",
    "R-B07": "预算执行率低于90%，但“存在的问题”中没有说明原因，请补充说明",
    "R-B08": "“三公”经费合计不等于各项之和，请核对",
    "R-B09": "“三公”经费决算超过预算，请核对或说明原因",
    "R-B10": "金额为负数、超过两位小数或不是数字，请改正",
    "R-B11": "金额数量级异常，可能把元当作万元填写了，请核对单位",
    "R-B12": "公用经费“其中”各项之和超过了公用经费，请核对",
    "R-B13": "项目资金来源之和不等于项目年度资金总额，请核对",
    "R-B14": "合计中有的金额未填写，合计无法核对，请补填（确无支出请填0）",
    "R-P01": "实有在职人数超过编制数或人数不合理，请核对",
    "R-I01": "一级指标分值与规定（产出50、效益30、满意度10、预算执行率10）不符，请调整",
    "R-I02": "自评得分小于0或超过分值，请改正",
    "R-I03": "定量指标未达到年度指标值，却给了满分，请按完成情况调整得分",
    "R-I04": "指标未达到或大幅超过年度指标值，但没有填写偏差原因分析及改进措施，请补充",
    "R-I05": "自评得分与按完成情况计算的得分不同，请核对",
    "R-I06": "指标行不完整，或占位行（……）带有分值，请补全或删除该行",
    "R-I07": "二级指标不属于所列的一级指标，请按指标体系调整",
    "R-I08": "该一级指标下没有填写指标，请补充",
    "R-I09": "年度指标值与实际完成值的单位不一致，或定量指标的完成值写成了文字，请改为可比的数值",
    "R-I10": "定性指标的自评得分与完成情况的档次不符，或未说明达成程度，请核对",
    "R-I11": "指标未填写实际完成值或自评得分，请补填",
    "R-I12": "所选达成程度与实际完成值的表述矛盾，请核对",
    "R-U02": "该项未能审核，请核对相关内容",
    "R-X01": "报告正文中的数字与附件不一致，请核对后统一",
    "R-X02": "附件中自填的得分、总分或等级与表中数据不符，请重新计算",
    "R-X03": "只报送了报告正文，没有报送附件表，无法核对，请补报附件",
    "R-X04": "同一单位报送了两份以上同类材料，请确认以哪一份为准",
    "R-X05": "年度与其他单位不同，或各文件的年度不一致，请核对",
    "R-X06": "只报送了附件表，没有报送报告正文，请补报",
    "R-X07": "报送的文件有的无法打开，请重新报送",
}


def plain(rule: str) -> str:
    """The rule's problem in plain words (the catalogue's description when no text exists)."""
    if rule in PLAIN:
        return PLAIN[rule]
    if rule in RULES_BY_ID:
        return RULES_BY_ID[rule].description
    if rule in REVIEW_RULES_BY_ID:
        return REVIEW_RULES_BY_ID[rule].description
    return rule
