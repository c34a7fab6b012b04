"""Properties of targets and suggestions over generated rows (issue 12).

* the parser never raises, whatever is typed;
* a suggestion lies in [0, 分值], at two decimals;
* typing the suggestion as 自评得分 leaves nothing for R-I03 or R-I05 to say about the row;
* a row the engine calls "met" never gets a message saying 未达到 (or 未按期).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.checks import check, targets
from perfdesk.checks.suggest import suggest
from perfdesk.model.report import Indicator, Report, ScoringSettings
from perfdesk.model.vocabulary import LEVEL2_BY_LEVEL1, Band, Direction, EqualMiss, ReverseFormula

D = Decimal
LEVELS = [(l1, l2) for l1, l2s in LEVEL2_BY_LEVEL1.items() for l2 in l2s] + [("产出指标", "")]
NAMES = ["结案数", "抽检合格率", "投诉举报办结率", "公众满意度", "营业收入增长率", "项目总成本", "出勤率",
         "受理时限", "项目完成时限"]
UNITS = ["件", "%", "万元", "元", "天", "个工作日", "批次", "批", "小时", "分钟", "万件", "亿元", "人", "名", ""]
PREFIXES = ["", "≥", "≤", ">", "<", "不低于", "不超过", "控制在", "保持在", "达到", "高于", "低于", "至少", "="]
SUFFIXES = ["", "以上", "以内", "以下", "及以上", "之内"]

numbers = st.decimals(min_value=-50, max_value=20000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def values(draw: st.DrawFn) -> str:
    """What an accountant might type: a bound, a range, a deadline, a change, words."""
    kind = draw(st.sampled_from(["number", "number", "number", "range", "deadline", "change", "words"]))
    n = draw(numbers)
    unit = draw(st.sampled_from(UNITS))
    if kind == "number":
        return f"{draw(st.sampled_from(PREFIXES))}{n}{unit}{draw(st.sampled_from(SUFFIXES))}"
    if kind == "range":
        m = draw(numbers)
        low, high = sorted((abs(n), abs(m)))
        return f"{low}{draw(st.sampled_from(['', unit]))}{draw(st.sampled_from(['-', '~', '至']))}{high}{unit}"
    if kind == "deadline":
        month = draw(st.integers(1, 12))
        day = draw(st.sampled_from(["", "底", f"{draw(st.integers(1, 28))}日"]))
        return (f"{draw(st.sampled_from(['', '当年', '次年', '2024年', '2025年']))}{month}月{day}"
                f"{draw(st.sampled_from(['前', '完成', '前完成', '']))}")
    if kind == "change":
        return (f"{draw(st.sampled_from(['同比', '较上年', '']))}{draw(st.sampled_from(['增长', '下降', '提高']))}"
                f"{abs(n)}{draw(st.sampled_from(['%', '个百分点']))}")
    return draw(st.sampled_from(["按期完成", "完成", "未按期完成", "不断加强", "满意", "与计划时间匹配", "", "——"]))


@st.composite
def rows(draw: st.DrawFn) -> Indicator:
    level1, level2 = draw(st.sampled_from(LEVELS))
    weight = draw(st.sampled_from([D(1), D(3), D(5), D("0.5"), D(10), D("2.5"), D("7.33")]))
    return Indicator(level1, level2, draw(st.sampled_from(NAMES)), draw(values()), draw(values()), weight,
                     None, "", draw(st.sampled_from([None, *Band])),
                     draw(st.sampled_from([None, None, *Direction])))


scoring_settings = st.builds(ScoringSettings, reverse_formula=st.sampled_from(list(ReverseFormula)),
                             equal_miss=st.sampled_from(list(EqualMiss)))


@settings(max_examples=500, deadline=None)
@given(st.one_of(values(), st.text(max_size=30)))
def test_the_parser_never_raises(text: str):
    v = targets.parse(text)
    assert v.kind in (targets.EMPTY, targets.QUALITATIVE, targets.QUANTITATIVE)
    if v.kind == targets.QUANTITATIVE:
        assert v.number.is_finite()
        assert v.high is None or v.high >= v.number


@settings(max_examples=800, deadline=None)
@given(rows(), scoring_settings)
def test_the_suggestion_lies_within_zero_and_the_weight(row: Indicator, s: ScoringSettings):
    sug = suggest(row, s)
    assert row.weight is not None
    if sug.score is not None:
        assert D(0) <= sug.score <= row.weight
        assert sug.score == sug.score.quantize(D("0.01"))
    if sug.met is True and sug.score is not None and sug.kind == targets.QUANTITATIVE:
        assert sug.score == row.weight.quantize(D("0.01"))  # a met row gets full marks
    if sug.kind == targets.QUANTITATIVE:
        assert sug.direction is not None and sug.direction_reason


def _row_findings(report: Report) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in check(report)
            if any(p.startswith("indicators[0].") for p in f.paths)]


@settings(max_examples=300, deadline=None)
@given(rows(), scoring_settings)
def test_following_the_suggestion_clears_r_i03_and_r_i05(row: Indicator, s: ScoringSettings):
    sug = suggest(row, s)
    if sug.score is None:
        return
    row.score = sug.score
    report = Report(year=2024, indicators=[row], scoring=s)
    rules = {rule for rule, _ in _row_findings(report)}
    assert not rules & {"R-I03", "R-I05"}, (row, sug)


@settings(max_examples=300, deadline=None)
@given(rows(), scoring_settings, st.sampled_from([None, D(0), D("0.5"), D(1), D(10)]))
def test_a_met_row_never_says_it_was_missed(row: Indicator, s: ScoringSettings, score: Decimal | None):
    row.score = score
    sug = suggest(row, s)
    if sug.met is not True:
        return
    report = Report(year=2024, indicators=[row], scoring=s)
    # the engine's own words, not the user's text it quotes (R-I12 quotes an actual 未按期完成)
    own = [m.replace(row.actual.strip(), "").replace(row.target.strip(), "") for _, m in _row_findings(report)]
    said = [m for m in own if "未达到" in m or "未按期" in m]
    assert not said, (row, said)
