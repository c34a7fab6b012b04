"""Indicator-table rules (R-I01 … R-I15), run on 附件2 and on every project's 附件3."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfdesk.checks import targets
from perfdesk.checks.finding import ERROR, INFO, WARNING
from perfdesk.checks.rules import Hit, Registry, RowFacts, Unit
from perfdesk.checks.scoring import Suggestion, band_range, in_band
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_points
from perfdesk.model.report import Indicator, Report
from perfdesk.model.schema import A
from perfdesk.model.vocabulary import DEFAULT_LEVEL1, EXEC_RATE, LEVEL2_BY_LEVEL1, Band

_DEFAULT_IDS = frozenset(lv.id for lv in DEFAULT_LEVEL1)

reg = Registry()


def _n(value: Decimal | None) -> str:
    """A 分值/得分 in a message; a blank is called 空 (numbers.fmt_points)."""
    return fmt_points(value, "空")


def row_label(unit: Unit, i: int, ind: Indicator) -> str:
    name = ind.name.strip() or "（未命名）"
    return f"{unit.label}第{i + 1}行“{name}”"


def _path(unit: Unit, i: int, name: str) -> str:
    return f"{unit.prefix}[{i}].{name}"


def _counted(ind: Indicator) -> bool:
    """Rows that are part of the table (not blank filler rows)."""
    return bool(ind.name.strip() or ind.target.strip() or ind.weight is not None or ind.score is not None)


# ---------------------------------------------------------------------------------------
# R-I01 weights


@reg.report(
    "R-I01",
    ERROR,
    "一级指标分值与模板不符（默认 产出 50 / 效益 30 / 满意度 10 + 预算执行率 10）",
    reads=(A.scoring,),
)
def template_weights(report: Report, fig: Figures) -> Iterator[Hit]:
    weights = report.scoring.weights
    total = sum(weights.values(), Decimal(0))
    if total != 100:
        listed = "、".join(f"{report.scoring.label(k)} {_n(v)}" for k, v in weights.items())
        yield Hit(f"模板各一级指标分值（{listed}）合计 {_n(total)} 分，应为 100 分，请核对评分设置", ("scoring.weights",))


@reg.unit("R-I01", reads=(A.scoring,))
def table_weights(report: Report, unit: Unit) -> Iterator[Hit]:
    sums: dict[str, Decimal] = {}
    first: dict[str, int] = {}
    for i, ind, f in unit.rows:
        level1 = f.level1_id
        if level1 in _DEFAULT_IDS:
            sums[level1] = sums.get(level1, Decimal(0)) + (ind.weight or Decimal(0))
            first.setdefault(level1, i)
    for level1, expected in report.scoring.weights.items():
        if level1 == EXEC_RATE or level1 not in sums or sums[level1] == expected:
            continue
        yield Hit(
            f"{unit.label}{report.scoring.label(level1)}各行分值合计 {_n(sums[level1])} 分，模板规定 {_n(expected)} 分，"
            "请调整各指标分值",
            (_path(unit, first[level1], "weight"),),
        )


# ---------------------------------------------------------------------------------------
# R-I02 … R-I05 scores


@reg.unit("R-I02", ERROR, "自评得分小于 0 或大于分值（分值本身也不能为负）")
def score_range(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind in enumerate(unit.indicators):
        if ind.weight is not None and ind.weight < 0:
            yield Hit(f"{row_label(unit, i, ind)}分值 {_n(ind.weight)} 为负数，请改正", (_path(unit, i, "weight"),))
        if ind.score is None:
            continue
        if ind.score < 0:
            yield Hit(f"{row_label(unit, i, ind)}自评得分 {_n(ind.score)} 为负数", (_path(unit, i, "score"),))
        elif ind.weight is not None and ind.score > ind.weight:
            yield Hit(
                f"{row_label(unit, i, ind)}自评得分 {_n(ind.score)} 超过分值 {_n(ind.weight)}，请改正",
                (_path(unit, i, "score"),),
            )


def _full_for_missed(ind: Indicator, s: Suggestion) -> bool:
    return (
        s.kind == targets.QUANTITATIVE
        and s.met is False
        and ind.weight is not None
        and ind.score is not None
        and ind.score >= ind.weight
    )


@reg.unit(
    "R-I03",
    WARNING,
    "定量指标未达到年度指标值，却给了满分",
    reads=(A.scoring,),
)
def full_marks_for_missed_target(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        if not _full_for_missed(ind, f.suggestion):
            continue
        s = f.suggestion
        advice = (f"建议得分 {_n(s.score)} 分" if s.score is not None
                  else f"建议得分无法计算（{s.reason}）")
        yield Hit(
            f"{row_label(unit, i, ind)}：指标值 {ind.target.strip()}，实际 {ind.actual.strip()}，"
            f"未达到指标值却给了满分 {_n(ind.score)} 分；{advice}，"
            "请调整得分或核对指标值与完成值",
            (_path(unit, i, "score"), _path(unit, i, "actual")),
        )


@reg.unit(
    "R-I04",
    WARNING,
    "未达到指标值，或远超正向指标值（≥ 2 倍），而偏差原因分析为空",
    reads=(A.scoring,),
)
def deviation_explained(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        if ind.deviation.strip():
            continue
        s = f.suggestion
        if s.exceeded:
            yield Hit(
                f"{row_label(unit, i, ind)}：实际 {ind.actual.strip()} 达到指标值 {ind.target.strip()} 的"
                " 2 倍以上，说明指标值设得偏低，请在“偏差原因分析及改进措施”中说明",
                (_path(unit, i, "deviation"),),
            )
        elif s.met is False:
            band = s.band.label if s.band is not None else ""
            what = f"达成程度为“{band}”" if s.kind == targets.QUALITATIVE else (
                f"指标值 {ind.target.strip()}，实际 {ind.actual.strip()}，未达到"
            )
            yield Hit(
                f"{row_label(unit, i, ind)}：{what}，请填写偏差原因分析及改进措施",
                (_path(unit, i, "deviation"),),
            )


@reg.unit("R-I05", INFO, "自评得分与建议得分不同", reads=(A.scoring,))
def score_differs(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        if ind.score is None:
            continue
        s = f.suggestion
        if s.score is None or s.score == ind.score or _full_for_missed(ind, f.suggestion):
            continue
        yield Hit(
            f"{row_label(unit, i, ind)}自评得分 {_n(ind.score)} 分，建议得分 {_n(s.score)} 分：{s.reason}",
            (_path(unit, i, "score"),),
        )


# ---------------------------------------------------------------------------------------
# R-I06 … R-I09 row shape


@reg.unit(
    "R-I06",
    ERROR,
    "指标行不完整（缺三级指标名称、年度指标值或分值），或占位行（……）带有分值",
)
def row_complete(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        if f.placeholder:
            if ind.weight is not None:
                yield Hit(
                    f"{unit.label}第{i + 1}行是占位行“{ind.name.strip()}”，却带有分值 {_n(ind.weight)}"
                    f"、得分 {_n(ind.score)}：请填写实际指标，或删除该行并把分值分配到其他指标",
                    (_path(unit, i, "name"), _path(unit, i, "weight")),
                )
            continue
        if not _counted(ind) and not ind.actual.strip():
            yield Hit(f"{unit.label}第{i + 1}行是空行，请填写或删除", (_path(unit, i, "name"),))
            continue
        missing = [
            (label, field)
            for label, field, empty in (
                ("三级指标名称", "name", not ind.name.strip()),
                ("年度指标值", "target", not ind.target.strip()),
                ("分值", "weight", ind.weight is None),
            )
            if empty
        ]
        if missing:
            yield Hit(
                f"{row_label(unit, i, ind)}缺少{'、'.join(label for label, _ in missing)}，请补充",
                tuple(_path(unit, i, field) for _, field in missing),
            )


@reg.unit("R-I07", ERROR, "一级指标不在指标体系中，或二级指标不属于其一级指标")
def levels_valid(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        if f.placeholder and ind.weight is None:
            continue
        level1, level2 = f.level1, f.level2
        if level1 not in LEVEL2_BY_LEVEL1:
            known = "、".join(LEVEL2_BY_LEVEL1)
            shown = f"“{ind.level1.strip()}”" if level1 else "为空"
            yield Hit(f"{row_label(unit, i, ind)}一级指标{shown}，应为 {known} 之一", (_path(unit, i, "level1"),))
        elif level2 not in LEVEL2_BY_LEVEL1[level1]:
            allowed = "、".join(LEVEL2_BY_LEVEL1[level1])
            shown = f"“{ind.level2.strip()}”" if level2 else "为空"
            yield Hit(
                f"{row_label(unit, i, ind)}二级指标{shown}不属于{level1}（应为 {allowed} 之一）",
                (_path(unit, i, "level2"),),
            )


@reg.unit(
    "R-I08",
    WARNING,
    "某个一级指标下没有任何指标行（标准版模板的项目还须有附件3指标表）",
    reads=(A.scoring, A.template),
)
def level1_covered(report: Report, unit: Unit) -> Iterator[Hit]:
    counted = [f for _, ind, f in unit.rows if _counted(ind)]
    if not counted:
        if unit.project is not None and not unit.traits.project_tables:
            return  # the template prints no 附件3
        yield Hit(f"{unit.label}还没有绩效指标，请填写产出、效益、满意度指标", (unit.prefix,))
        return
    present = {f.level1_id for f in counted}
    for level1, weight in report.scoring.weights.items():
        if level1 != EXEC_RATE and weight > 0 and level1 not in present:
            yield Hit(f"{unit.label}没有{report.scoring.label(level1)}（{_n(weight)} 分），请至少填写一行",
                      (unit.prefix,))


@reg.unit(
    "R-I09",
    WARNING,
    "年度指标值与实际完成值单位不一致，或定量指标的完成值是文字",
    reads=(A.scoring,),
)
def units_consistent(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        s = f.suggestion
        if s.unit_mismatch:
            t, a = targets.parse(ind.target), targets.parse(ind.actual)
            if t.unit and a.unit and t.shape == a.shape == targets.NUMBER:
                message = (f"指标值 {ind.target.strip()} 的单位是“{t.unit}”，完成值 {ind.actual.strip()} "
                           f"的单位是“{a.unit}”，请统一单位")
            else:  # a date against a number, a change against a level …: the reason says which
                message = f"{s.reason}，请改正"
            yield Hit(f"{row_label(unit, i, ind)}：{message}", (_path(unit, i, "actual"),))
        elif s.qualitative_actual:
            yield Hit(
                f"{row_label(unit, i, ind)}：指标值 {ind.target.strip()} 是数值，完成值“{ind.actual.strip()}”"
                "却是文字，请填写实际数值以便计分",
                (_path(unit, i, "actual"),),
            )


# ---------------------------------------------------------------------------------------
# R-I10 qualitative bands, R-I11 missing actual/score


@reg.unit(
    "R-I10",
    WARNING,
    "定性指标未选择达成程度，或自评得分不在所选档次内",
    reads=(A.scoring,),
)
def qualitative_band(report: Report, unit: Unit) -> Iterator[Hit]:
    """Rows without a band are one finding per table (offering 补选档次) when there are
    several; a score outside its chosen band is a finding of its own row."""
    unchosen: list[tuple[int, Indicator, RowFacts]] = []
    outside: list[tuple[int, Hit]] = []
    for i, ind, f in unit.rows:
        if f.placeholder or f.target_kind != targets.QUALITATIVE:
            continue
        if ind.band is None:
            unchosen.append((i, ind, f))
            continue
        if ind.score is None or ind.weight is None or in_band(ind.score, ind.weight, ind.band):
            continue
        low, high = band_range(ind.weight, ind.band)
        upper = "（含）" if ind.band == Band.MET else "（不含）"
        outside.append((i, Hit(
            f"{row_label(unit, i, ind)}达成程度为“{ind.band.label}”，得分应在 {_n(low)} 分（含）至 "
            f"{_n(high)} 分{upper}之间，实际给了 {_n(ind.score)} 分，请调整得分或达成程度",
            (_path(unit, i, "score"), _path(unit, i, "band")),
        )))
    hits = list(outside)
    if len(unchosen) == 1:
        i, ind, f = unchosen[0]
        s = f.suggestion
        hint = f"；完成值表述对应“{s.band.label}”" if s.band else ""
        hits.append((i, Hit(
            f"{row_label(unit, i, ind)}是定性指标，请选择达成程度（达成 / 部分达成 / 未达成）{hint}",
            (_path(unit, i, "band"),),
        )))
    elif unchosen:
        rows = [i for i, _, _ in unchosen]
        hits.append((rows[0], Hit(
            f"{unit.label}从第{rows[0] + 1}行起有 {len(rows)} 个定性指标未选择达成程度（{row_list(rows)}），"
            "可点表格下方的“补选档次”一次选定：按自评得分所在的档次，没有得分的按完成值的表述；"
            "选定后请逐行核对",
            tuple(_path(unit, i, "band") for i in rows),
        )))
    for _, hit in sorted(hits, key=lambda h: h[0]):
        yield hit


def row_list(rows: list[int], shown: int = 8) -> str:
    """[0, 1, 2] -> '第1、2、3行'; more than ``shown`` rows end with '等 N 行'."""
    listed = "、".join(str(i + 1) for i in rows[:shown])
    return f"第{listed}行" + (f"等 {len(rows)} 行" if len(rows) > shown else "")


@reg.unit("R-I11", WARNING, "指标行未填写实际完成值或自评得分")
def row_filled(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        if f.placeholder or not ind.name.strip() or not ind.target.strip() or ind.weight is None:
            continue  # R-I06 / R-C03 report those rows
        missing = [
            (label, field)
            for label, field, empty in (
                ("实际完成值", "actual", not ind.actual.strip()),
                ("自评得分", "score", ind.score is None),
            )
            if empty
        ]
        if missing:
            yield Hit(
                f"{row_label(unit, i, ind)}未填写{'、'.join(label for label, _ in missing)}",
                tuple(_path(unit, i, field) for _, field in missing),
            )


_WORDED_BAND = {targets.ACHIEVED: Band.MET, targets.PARTIAL: Band.PARTIAL, targets.MISSED: Band.MISSED}


@reg.unit("R-I12", WARNING, "定性指标所选达成程度与实际完成值的表述矛盾")
def band_matches_wording(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        if f.placeholder or f.target_kind != targets.QUALITATIVE or ind.band is None:
            continue
        worded = _WORDED_BAND.get(targets.achievement(ind.actual, ind.target) or "")
        if worded and worded != ind.band:
            yield Hit(
                f"{row_label(unit, i, ind)}选择了“{ind.band.label}”，但完成值“{ind.actual.strip()}”的表述"
                f"是“{worded.label}”，请核对达成程度或完成值",
                (_path(unit, i, "band"), _path(unit, i, "actual")),
            )


# ---------------------------------------------------------------------------------------
# R-I13 … R-I15 what the actual says (issue 12)


@reg.unit("R-I13", INFO, "实际完成值没有写单位，已按年度指标值的单位（含“万”“亿”）理解", reads=(A.scoring,))
def unit_assumed(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        s = f.suggestion
        if s.assumed:
            yield Hit(
                f"{row_label(unit, i, ind)}：完成值“{ind.actual.strip()}”没有写单位，已按指标值 "
                f"{ind.target.strip()} 的单位理解为 {s.assumed}；如不对，请在完成值中写上单位",
                (_path(unit, i, "actual"),),
            )


@reg.unit("R-I14", WARNING, "实际完成值不可能：件数等为负数，完成率、合格率、满意度等超过 100%",
          reads=(A.scoring,))
def impossible_actual(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        s = f.suggestion
        if s.impossible:
            shown = f"{ind.actual.strip()}（按指标值的单位即 {s.assumed}）" if s.assumed else f"{ind.actual.strip()} "
            yield Hit(
                f"{row_label(unit, i, ind)}：完成值 {shown}{s.impossible}，"
                "不能据此计分：请核对实际完成值（常见的是笔误，或把完成数量当成了比率）",
                (_path(unit, i, "actual"),),
            )


@reg.unit("R-I15", WARNING, "无法判断是否达到年度指标值（完成值只给出上限或下限、范围跨过指标值、期限或增幅说不清）",
          reads=(A.scoring,))
def undecided(report: Report, unit: Unit) -> Iterator[Hit]:
    for i, ind, f in unit.rows:
        s = f.suggestion
        if s.undecided:
            yield Hit(f"{row_label(unit, i, ind)}：{s.undecided}", (_path(unit, i, "actual"),))
