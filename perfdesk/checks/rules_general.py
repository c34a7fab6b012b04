"""Completeness and wording rules (R-C01 … R-C04), staffing (R-P01) and the score (R-S01)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from perfdesk.checks.finding import ERROR, INFO, WARNING
from perfdesk.checks.rules import Hit, Registry, Unit, find_placeholder
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_percent
from perfdesk.model.report import Indicator, Report
from perfdesk.model.schema import A, address
from perfdesk.model.vocabulary import NarrativePart

reg = Registry()

# ---------------------------------------------------------------------------------------
# R-C01 required fields


@reg.report(
    "R-C01",
    ERROR,
    "必填项为空：年度、单位名称、主管部门（有项目支出表时）、至少一项职能职责",
    reads=(A.year, A.unit_name, A.supervisor, A.duties, A.projects, A.template),
)
def required_fields(report: Report, fig: Figures) -> Iterator[Hit]:
    if report.year is None:
        yield Hit("未填写报告年度，请在“基本情况”中填写（如 2024）", ("year",))
    elif not 2000 <= report.year <= 2100:
        yield Hit(f"报告年度 {report.year} 不像有效年份，请核对", ("year",))
    if not report.unit_name.strip():
        yield Hit("未填写单位名称，请在“基本情况”中填写", ("unit_name",))
    if report.projects and not report.supervisor.strip():
        yield Hit("未填写主管部门：附件3 项目支出绩效自评表需要填写主管部门", ("supervisor",))
    if not any(d.strip() for d in report.duties):
        yield Hit("未填写单位职能职责，请至少填写一项", ("duties",))


# ---------------------------------------------------------------------------------------
# R-C02 problems and measures


def _has_problems(report: Report) -> bool:
    return any(p.text.strip() for p in report.problems)


def _has_measures(report: Report) -> bool:
    return (any(p.measure.strip() for p in report.problems)
            or any(m.strip() for m in report.extra_measures))


@reg.report(
    "R-C05",
    ERROR,
    "存在的问题或改进措施为空，而用户没有选择“无”（空白不是“无问题”的声明）",
    reads=(A.problems, A.extra_measures, A.stated_none),
)
def problems_stated(report: Report, fig: Figures) -> Iterator[Hit]:
    if not _has_problems(report) and NarrativePart.PROBLEMS not in report.stated_none:
        yield Hit("“存在的问题及原因分析”尚未填写：请写明问题及原因；确实没有需要说明的问题时，"
                  "请在“问题与改进”页勾选“本年度无需要说明的问题”", ("problems",))
    if not _has_measures(report) and NarrativePart.MEASURES not in report.stated_none:
        yield Hit("“下一步改进措施”尚未填写：请填写改进措施；确实没有时，请在“问题与改进”页勾选"
                  "“无需要说明的改进措施”", ("extra_measures",))


@reg.report(
    "R-C02",
    WARNING,
    "某个问题没有对应的改进措施",
    reads=(A.problems, A.extra_measures),
)
def problems_and_measures(report: Report, fig: Figures) -> Iterator[Hit]:
    if not _has_problems(report) or not _has_measures(report):
        return  # R-C05 says what is missing
    for i, p in enumerate(report.problems):
        if p.text.strip() and not p.measure.strip():
            short = p.text.strip()[:20]
            yield Hit(f"问题{i + 1}“{short}…”没有对应的改进措施，请补充", (f"problems[{i}].measure",))


# ---------------------------------------------------------------------------------------
# R-C03 placeholders

_NOT_TEXT = {"indicators", "projects", "scoring", "declared", "template", "date_style",
             "stated_none", "sources"}
_TEXT_FIELDS = tuple(f.name for f in fields(Report) if f.name not in _NOT_TEXT)


def texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every (path, text) in a dataclass tree."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from texts(v, f"{path}[{i}]")
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from texts(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)


def placeholder_hits(items: Iterable[tuple[str, str]], where: str = "") -> Iterator[Hit]:
    for path, text in items:
        if not text:
            continue
        found = find_placeholder(text)
        if found:
            yield Hit(
                f"{where}文字中留有占位符“{found[0]}”：“{_excerpt(text, found[1])}”，"
                "请填写实际内容或删除",
                (path,),
            )


def _excerpt(text: str, pos: int) -> str:
    start = max(0, pos - 8)
    out = text[start : pos + 12]
    return ("…" if start else "") + out.strip() + ("…" if pos + 12 < len(text) else "")


@reg.report(
    "R-C03",
    WARNING,
    "文字中留有占位符：XX、××、……、...、（待填）、模板提示语",
    reads=tuple(address(name) for name in _TEXT_FIELDS),
)
def placeholders(report: Report, fig: Figures) -> Iterator[Hit]:
    for name in _TEXT_FIELDS:
        yield from placeholder_hits(texts(getattr(report, name), name))


@reg.unit("R-C03")
def placeholders_in_unit(report: Report, unit: Unit) -> Iterator[Hit]:
    items: list[tuple[str, str]] = []
    if unit.project is not None:
        p = unit.project
        items += [(unit.path("name"), p.name), (unit.path("purpose"), p.purpose)]
        items += [(unit.path(f"goals[{i}]"), g) for i, g in enumerate(p.goals)]
        items += [(unit.path(f"achievements[{i}]"), a) for i, a in enumerate(p.achievements)]
        items.append((unit.path("implementer"), p.implementer))
    yield from placeholder_hits(items, f"{unit.label}：")
    rows: list[tuple[int, str, str, str]] = []  # (row, column, path, placeholder)
    for i, (ind, facts) in enumerate(zip(unit.indicators, unit.facts, strict=True)):
        if facts.placeholder and ind.weight is not None:
            continue  # a placeholder row carrying 分值 is R-I06
        base = f"{unit.prefix}[{i}]"
        for field, column in _ROW_TEXTS:
            text = getattr(ind, field)
            found = find_placeholder(text) if text else None
            if found:
                rows.append((i, column, f"{base}.{field}", found[0]))
    if len(rows) == 1:
        i, _column, path, _token = rows[0]
        yield from placeholder_hits([(path, getattr(unit.indicators[i], path.rsplit(".", 1)[1]))],
                                    f"{unit.label}：")
    elif rows:
        # One finding for the table: the same placeholder on many rows is one thing to fix.
        tokens = "、".join(f"“{t}”" for t in dict.fromkeys(t for *_, t in rows))
        places = "、".join(f"第{i + 1}行{column}" for i, column, *_ in rows[:6])
        more = f"等 {len(rows)} 处" if len(rows) > 6 else ""
        yield Hit(
            f"{unit.label}：从第{rows[0][0] + 1}行起 {len(rows)} 处文字留有占位符{tokens}"
            f"（{places}{more}），请填写实际内容或删除",
            tuple(path for _, _, path, _ in rows),
        )


_ROW_TEXTS = (("name", "三级指标"), ("target", "指标值"), ("actual", "完成值"), ("deviation", "偏差原因"))


# ---------------------------------------------------------------------------------------
# R-C04 dates and years

_YEAR_IN_TITLE = re.compile(r"(20\d{2})\s*年度")


@reg.report(
    "R-C04",
    WARNING,
    "落款日期不在报告年度之后，或标题中的年度与报告年度不一致",
    reads=(A.year, A.signature_date, A.sections),
)
def dates_and_years(report: Report, fig: Figures) -> Iterator[Hit]:
    year, d = report.year, report.signature_date
    if year is not None and d is not None:
        if d.year <= year:
            yield Hit(
                f"落款日期 {d.year}年{d.month}月{d.day}日 不在报告年度 {year} 年之后："
                f"自评报告应在次年编写，请核对落款日期或报告年度",
                ("signature_date",),
            )
        elif d.year > year + 1:
            yield Hit(
                f"落款日期 {d.year}年{d.month}月{d.day}日 比报告年度 {year} 年晚了 {d.year - year} 年，请核对",
                ("signature_date",),
            )
    if year is None:
        return
    for i, s in enumerate(report.sections):
        for m in _YEAR_IN_TITLE.finditer(s.title):
            if int(m.group(1)) != year:
                yield Hit(
                    f"标题“{s.title}”写的是 {m.group(1)} 年度，报告年度是 {year} 年，请核对",
                    (f"sections[{i}].title",),
                )


# ---------------------------------------------------------------------------------------
# R-P01 staffing


@reg.report(
    "R-P01",
    WARNING,
    "实有在职人数超过编制数，或人数为负",
    reads=(A.staffing,),
)
def staffing_counts(report: Report, fig: Figures) -> Iterator[Hit]:
    s = report.staffing
    for name, label, value in (("authorized", "编制数", s.authorized), ("actual", "实有在职人数", s.actual)):
        if value is not None and value < 0:
            yield Hit(f"{label} {value} 为负数，请填写人数", (f"staffing.{name}",))
    if s.authorized is not None and s.actual is not None and s.actual > s.authorized >= 0:
        yield Hit(
            f"实有在职人数 {s.actual} 人超过编制数 {s.authorized} 人（控制率 "
            f"{fmt_percent(fig.staffing_rate, '—')}），"
            "请核对或在机构设置中说明原因",
            ("staffing.actual", "staffing.authorized"),
        )


# ---------------------------------------------------------------------------------------
# R-S01 the score

_NO_INDICATORS = "未设置绩效指标"  # the score's reason (figures.indicator_score) when no row has 分值 or 得分


def _has_content(ind: Indicator) -> bool:
    return bool(ind.name.strip() or ind.target.strip() or ind.actual.strip())


@reg.report(
    "R-S01",
    INFO,
    "总分与等级（始终报告，供状态栏显示）",
    reads=(A.indicators, A.declared, A.basic, A.projects.each.amounts, A.scoring),
)
def total_score(report: Report, fig: Figures) -> Iterator[Hit]:
    s = fig.score
    if s.total is None:
        if s.unscored:
            where: tuple[str, ...] = (f"indicators[{s.unscored[0]}].score",)
        elif s.exec_score is None:
            where = ("declared.overall.annual",)
        else:
            where = ("indicators",)
        known = (f"；预算执行率得分 {s.exec_score} 分" if s.exec_score is not None else "")
        known += (f"；绩效指标得分 {s.indicator_score} 分" if s.indicator_score is not None else "")
        missing = s.missing
        no_weight = [k for k, i in enumerate(report.indicators) if i.weight is None and _has_content(i)]
        if _NO_INDICATORS in missing and no_weight:
            # The rows are there; what is missing is their 分值.
            rows = "、".join(str(k + 1) for k in no_weight[:8])
            more = f"等 {len(no_weight)} 行" if len(no_weight) > 8 else f"，共 {len(no_weight)} 行"
            missing = missing.replace(
                _NO_INDICATORS, f"附件2的绩效指标都没有分值（第{rows}行{more}），请填写分值")
            where = tuple(f"indicators[{k}].weight" for k in no_weight)
        yield Hit(f"总分和等级暂无法计算：{missing}{known}", where)
        return
    yield Hit(
        f"总分 {s.total} 分（预算执行率 {s.exec_score} + 绩效指标 {s.indicator_score}），"
        f"等级：{s.grade}；预算执行率 {fmt_percent(s.exec_rate, '—')}",
    )
