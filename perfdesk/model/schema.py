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

# Where a figure is usually found (the 决算/预算 tables the unit already has), by generic
# address of its group; the column is added ("决算数" of 公开06表 …).
SOURCES: dict[str, str] = {
    "income": "部门决算 公开01表 收入支出决算总表（收入）",
    "basic.personnel": "部门决算 公开06表 一般公共预算财政拨款基本支出决算表“人员经费合计”；年初预算见部门预算 一般公共预算基本支出表",
    "basic.public": "部门决算 公开06表“公用经费合计”；年初预算见部门预算 一般公共预算基本支出表",
    "basic.office": "公开06表 30201 办公费",
    "basic.utilities_travel": "公开06表 30205 水费、30206 电费、30211 差旅费之和",
    "basic.meetings_training": "公开06表 30215 会议费、30216 培训费之和",
    "three_public": "部门决算 公开07表“三公”经费支出决算表（预算数、决算数）",
    "procurement": "部门决算 机构运行信息表“政府采购支出”",
    "declared": "单位报表或附件上填写的合计数",
    "projects[].amounts": "部门决算 公开03表 支出决算表“项目支出”列，按项目",
    "projects[].funding": "项目资金来源（指标文件、结转资金明细）",
    "other_budgets": "部门决算 公开08表（政府性基金）、公开09表（国有资本经营）合计行",
    "adjustments[].amount": "预算调整文件（追加、调减指标）",
    "staffing": "部门决算 基本数字表（编制数、实有人数）",
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

    def walk(cls: type, prefix: str, labels: tuple[str, ...], page: Page | None, source: str) -> None:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            label = LABELS.get((cls, f.name))
            if label is None:
                missing.append(f"{cls.__name__}.{f.name}")
                label = f.name
            address = f"{prefix}.{f.name}" if prefix else f.name
            own_page = page or PAGES.get(f.name, Page.BASIC)
            own_source = SOURCES.get(address, source)
            kind, unit, item = _kind(cls, f.name, hints[f.name])
            chain = (*labels, label)
            out[address] = Field(address, label, kind, own_page, hints[f.name], chain, unit,
                                 own_source if kind in (Kind.MONEY, Kind.GROUP, Kind.COUNT) else "",
                                 item)
            tp = _bare(hints[f.name])
            if kind == Kind.GROUP:
                walk(typing.cast(type, tp), address, chain, own_page, own_source)
            elif kind == Kind.RECORDS:
                walk(item, f"{address}[]", chain, own_page, own_source)
            elif kind == Kind.MAPPING and dataclasses.is_dataclass(item):
                walk(typing.cast(type, item), f"{address}[]", chain, own_page, own_source)

    walk(r.Report, "", (), None, "")
    if missing:
        raise AssertionError(f"schema: no label for {', '.join(missing)}")
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


def label_of(path: str) -> str:
    """'basic.public.actual' -> '公用经费 › 决算'; a list item's index is counted from 1."""
    f = field_of(path)
    if f is None:
        return path
    labels = list(f.labels)
    indexes = [int(i) + 1 for i in re.findall(r"\[(\d+)\]", path)]
    # the label of a list is followed by the item's number: "项目支出 › 第2项 › 项目名称"
    out: list[str] = []
    g = generic(path)
    depth = 0
    for part, label in zip(g.split("."), labels, strict=False):
        out.append(label)
        if part.endswith("[]") and depth < len(indexes):
            out.append(f"第{indexes[depth]}项")
            depth += 1
    return " › ".join(out)


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
