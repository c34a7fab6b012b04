"""Targets and scores as people mean them (issue 12): a table of target/actual/分值 cases.

Written from DOMAIN.md §3–§4, the seeds and the issue's list *before* the engine was
changed. Every expected score is a formula from DOMAIN §4, written out in the table and
evaluated here by ``_calc`` (Decimal, half up to two places), not by the engine:

* 正向 (more is better): met at B ≥ A; otherwise 分值 × B ÷ A.
* 反向 (less is better): met at B ≤ A; otherwise linear 分值 × (1 − (B − A) ÷ A), 0 from
  2A on (the default), or ratio 分值 × A ÷ B.
* 等于: met when equal to the precision typed; otherwise below as 正向, above as 反向.
* A range is met inside; below it is scored as 正向 against its low end, above it as 反向
  against its high end.
* An actual written as a bound is taken at the bound (``≤15家`` against ``≥18家``: 15 ÷ 18);
  a bound that does not settle the question is R-I15.
* A deadline is 反向 on the months since the start of the report year (12月底 = 12,
  次年2月 = 14).
* A relative target (同比增长5%) compares the growth (下降 targets: the fall).
* "Met" is decided at the precision of the suggested score: a miss that rounds to full
  marks is met.

Each case gives the 二级指标 and 三级 name (the direction and the plausibility of a rate
depend on them), the expected direction, met / not met (None: no verdict), the suggested
score under the linear and the ratio reverse formula (None: no suggestion), and the row's
findings among the target rules with the default settings and 自评得分 = 分值 (the
accountant's habit; override with ``score=``) and no 偏差原因.
"""

from __future__ import annotations

import ast
import copy
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pytest

from perfdesk.checks import check
from perfdesk.checks.scoring import suggest
from perfdesk.io import load_report
from perfdesk.model.report import Indicator, Project, Report, ScoringSettings
from perfdesk.model.vocabulary import LEVEL2_BY_LEVEL1, Band, Direction, EqualMiss, ReverseFormula
from perfdesk.resources import demo_report_path

D = Decimal
ROW_RULES = frozenset({"R-I03", "R-I04", "R-I05", "R-I09", "R-I13", "R-I14", "R-I15"})
LEVEL1_OF = {l2: l1 for l1, l2s in LEVEL2_BY_LEVEL1.items() for l2 in l2s}
POS, NEG, EQU = "正向", "反向", "等于"

# --- a tiny independent calculator for the formulas written in the table -----------------

_OPS: dict[type, Callable[[Decimal, Decimal], Decimal]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}


def _eval(node: ast.AST, source: str) -> Decimal:
    if isinstance(node, ast.Expression):
        return _eval(node.body, source)
    if isinstance(node, ast.Constant):
        text = ast.get_source_segment(source, node)
        assert text is not None
        return D(text)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval(node.left, source), _eval(node.right, source))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, source)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("max", "min"):
        args = [_eval(a, source) for a in node.args]
        return max(args) if node.func.id == "max" else min(args)
    raise ValueError(f"not a formula: {ast.dump(node)}")


def _calc(formula: str) -> Decimal:
    """'10*(1-5/95)' -> Decimal('9.47'): the arithmetic of the table, half up."""
    value = _eval(ast.parse(formula, mode="eval"), formula)
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def test_calculator_is_decimal_and_half_up():
    assert _calc("10*(1-5/95)") == D("9.47")
    assert _calc("10*95/100") == D("9.50")
    assert _calc("10*119.99/120") == D("10.00")
    assert _calc("3*2.995/3") == D("3.00")  # 2.995 rounds up
    assert _calc("max(0, 10*(-2)/5)") == D("0.00")


# --- the table --------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    cls: int  # the class 1…6
    level2: str
    name: str
    target: str
    actual: str
    weight: str
    direction: str | None  # 正向 / 反向 / 等于
    met: bool | None
    linear: str | None  # formula of the suggestion (linear reverse formula); None: none
    ratio: str | None  # the same under the ratio formula
    findings: frozenset[str]
    score: str | None  # 自评得分 typed (default: 分值)
    stored: Direction | None = None  # a direction the user chose
    miss: EqualMiss | None = None
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.cls}-{self.name}-{self.target}-{self.actual}"


def C(cls: int, level2: str, name: str, target: str, actual: str, weight: str,
      direction: str | None, met: bool | None, linear: str | None, ratio: str | None = "",
      findings: str = "", *, score: str | None = "", stored: Direction | None = None,
      miss: EqualMiss | None = None, note: str = "") -> Case:
    """``ratio=""``: the same as linear (no reverse miss); ``score=""``: 自评得分 = 分值."""
    return Case(cls, level2, name, target, actual, weight, direction, met, linear,
                linear if ratio == "" else ratio, frozenset(findings.split()),
                weight if score == "" else score, stored, miss, note)


MISS = "R-I03 R-I04"  # a missed target given full marks, without 偏差原因
Q, QL, T, COST = "数量指标", "质量指标", "时效指标", "成本指标"
ECO, SOC, GREEN, SUS, SAT = ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
                             "服务对象满意度指标")

CASES: list[Case] = [
    # 1. No comparator written: the direction people mean --------------------------------
    C(1, Q, "经济违法案件结案数", "120件", "138件", "10", POS, True, "10"),
    C(1, Q, "经济违法案件结案数", "120件", "100件", "10", POS, False, "10*100/120", findings=MISS),
    C(1, Q, "重大食品安全突发事件", "0件", "0件", "10", NEG, True, "10"),
    C(1, Q, "重大食品安全突发事件", "0件", "2件", "10", NEG, False, "0", "10*0/2", MISS,
      note="bare zero is at most 0, even under 数量指标; linear: 0 from 2A = 0 on"),
    C(1, SOC, "较大及以上食品安全事故", "0起", "1起", "6", NEG, False, "0", "6*0/1", MISS),
    C(1, QL, "抽检完成率", "100%", "100%", "10", POS, True, "10"),
    C(1, QL, "不合格产品处置率", "100%", "98%", "10", POS, False, "10*98/100", findings=MISS),
    C(1, QL, "监管任务完成率", "95%", "97%", "10", POS, True, "10",
      note="exceeding a bare target of a 质量指标 is met, not scored as reverse"),
    C(1, COST, "项目总成本", "56.7万元", "32.15万元", "10", NEG, True, "10"),
    C(1, COST, "食品抽检批次成本", "760元/批次", "800元/批次", "10", NEG, False,
      "10*(1-40/760)", "10*760/800", MISS),
    C(1, T, "投诉受理时间", "15天", "10天", "10", NEG, True, "10", note="时效, a duration"),
    C(1, T, "办结时限", "5个工作日", "6个工作日", "10", NEG, False, "10*(1-1/5)", "10*5/6", MISS),
    C(1, T, "维修及时率", "100%", "100%", "5", POS, True, "5", note="时效, a rate"),
    C(1, T, "维修及时率", "100%", "96%", "5", POS, False, "5*96/100", findings=MISS),
    C(1, T, "项目完成时限", "12月底前完成", "11月完成", "10", NEG, True, "10",
      note="时效, a deadline: on or before"),
    C(1, ECO, "为消费者挽回经济损失", "500万元", "1066.1万元", "4", POS, True, "4",
      findings="R-I04", note="more than twice a 正向 target: full, but explain"),
    C(1, SOC, "车辆标识清晰度", "100%", "100%", "10", POS, True, "10"),
    C(1, GREEN, "执法电车出勤使用率", "90%", "85%", "10", POS, False, "10*85/90", findings=MISS),
    C(1, SUS, "业务培训人次", "200人次", "260人次", "10", POS, True, "10"),
    C(1, SAT, "公众满意度", "90%", "93%", "5", POS, True, "5"),
    C(1, SAT, "公众满意度", "90%", "85%", "5", POS, False, "5*85/90", findings=MISS),
    C(1, Q, "车辆维修数量", "19辆", "21辆", "10", POS, True, "10"),
    C(1, Q, "聘用人员数量", "18人", "18人", "10", POS, True, "10"),
    C(1, Q, "档案整理归档份数", "1.5万件", "19578件", "3", POS, True, "3"),
    C(1, COST, "会议费", "0万元", "0万元", "5", NEG, True, "5"),
    C(1, Q, "车辆维修数量", "19辆", "21辆", "10", EQU, False, "10*(1-2/19)", "10*19/21", MISS,
      stored=Direction.EQUAL, note="the user's 等于 overrides the inferred 正向"),
    C(1, Q, "车辆维修数量", "19辆", "17辆", "10", EQU, False, "0", "0", MISS,
      stored=Direction.EQUAL, miss=EqualMiss.ZERO),
    C(1, Q, "投诉件数", "50件", "40件", "10", NEG, True, "10", stored=Direction.NEGATIVE),
    C(1, Q, "投诉件数", "50件", "60件", "10", NEG, False, "10*(1-10/50)", "10*50/60", MISS,
      stored=Direction.NEGATIVE),
    C(1, Q, "新增市场主体", "≥3000户", "2500户", "10", NEG, True, "10",
      stored=Direction.NEGATIVE, note="a stored direction overrides even a written ≥"),
    C(1, "", "新增指标", "50件", "60件", "10", EQU, False, "10*(1-10/50)", "10*50/60", MISS,
      note="no 二级指标 to go by: 等于"),
    # 2. Bounds written in words ----------------------------------------------------------
    C(2, T, "投诉处理时限", "控制在15天", "12天", "10", NEG, True, "10"),
    C(2, T, "投诉处理时限", "控制在15天", "18天", "10", NEG, False, "10*(1-3/15)", "10*15/18", MISS),
    C(2, COST, "行政成本占比", "控制在5%以内", "4.2%", "10", NEG, True, "10"),
    C(2, COST, "行政成本占比", "控制在5%以内", "6%", "10", NEG, False, "10*(1-1/5)", "10*5/6", MISS),
    C(2, QL, "抽检合格率", "保持在95%以上", "96%", "10", POS, True, "10"),
    C(2, QL, "抽检合格率", "保持在95%以上", "93%", "10", POS, False, "10*93/95", findings=MISS),
    C(2, QL, "抽检合格率", "保持在95%", "97%", "10", POS, True, "10",
      note="a bare 保持在 follows the row's direction"),
    C(2, COST, "公用经费", "保持在50万元", "48万元", "10", NEG, True, "10"),
    C(2, COST, "公用经费", "保持在50万元", "55万元", "10", NEG, False, "10*(1-5/50)", "10*50/55", MISS),
    C(2, Q, "安全生产事故", "不超过3起", "4起", "10", NEG, False, "10*(1-1/3)", "10*3/4", MISS),
    C(2, Q, "信访件数", "30件以内", "25件", "10", NEG, True, "10"),
    C(2, QL, "不合格率", "5%以下", "6%", "10", NEG, False, "10*(1-1/5)", "10*5/6", MISS),
    C(2, QL, "不合格率", "5%以下", "5%", "10", NEG, True, "10"),
    C(2, Q, "帮扶企业户数", "100户以上", "120户", "10", POS, True, "10"),
    C(2, Q, "帮扶企业户数", "100户及以上", "100户", "10", POS, True, "10"),
    C(2, Q, "帮扶企业户数", "100户及以上", "90户", "10", POS, False, "10*90/100", findings=MISS),
    C(2, T, "许可审批时限", "3个工作日之内", "2个工作日", "10", NEG, True, "10"),
    C(2, SAT, "群众满意度", "达到90%", "88%", "10", POS, False, "10*88/90", findings=MISS),
    C(2, SAT, "群众满意度", "达到90%", "90%", "10", POS, True, "10"),
    C(2, QL, "检验合格率", "高于95%", "95%", "10", POS, True, "10",
      note="> is scored like ≥: equal scores full marks, so it is met"),
    C(2, QL, "检验合格率", "高于95%", "94%", "10", POS, False, "10*94/95", findings=MISS),
    C(2, COST, "单批次抽检成本", "低于800元/批次", "760元/批次", "10", NEG, True, "10"),
    C(2, COST, "单批次抽检成本", "低于800元/批次", "820元/批次", "10", NEG, False,
      "10*(1-20/800)", "10*800/820", MISS),
    C(2, Q, "新增市场主体", "不少于3000户", "3426户", "10", POS, True, "10"),
    C(2, T, "办结时限", "不超过15个工作日", "15个工作日", "10", NEG, True, "10"),
    C(2, COST, "项目总成本", "控制在40万元以内", "41万元", "10", NEG, False,
      "10*(1-1/40)", "10*40/41", MISS),
    C(2, QL, "差错率", "控制在3%", "2%", "10", NEG, True, "10"),
    C(2, Q, "安全事故", "控制在3起", "5起", "10", NEG, False, "10*(1-2/3)", "10*3/5", MISS),
    C(2, Q, "宣传活动次数", "至少5次", "6次", "10", POS, True, "10"),
    C(2, SAT, "消费者满意度", "不低于90%", "90%", "10", POS, True, "10"),
    C(2, QL, "合格率", "保持在98%以上", "保持在98%以上", "10", POS, True, "10"),
    # 3. Units and scale ------------------------------------------------------------------
    C(3, ECO, "全年罚没入库数", "≥150万元", "162", "3", POS, True, "3", findings="R-I13",
      note="162 is 162万元, not 162 against 150×10⁴"),
    C(3, ECO, "为消费者挽回经济损失", "≥500万元", "480", "10", POS, False, "10*480/500",
      findings="R-I13 " + MISS),
    C(3, Q, "食品抽检批次", "≥1580批次", "1600批", "10", POS, True, "10"),
    C(3, Q, "食品抽检批次", "≥1500批", "1450批次", "10", POS, False, "10*1450/1500", findings=MISS),
    C(3, T, "受理时间", "≤15日", "12天", "10", NEG, True, "10"),
    C(3, Q, "聘用人员", "≥20名", "18人", "10", POS, False, "10*18/20", findings=MISS),
    C(3, ECO, "挽回经济损失", "≥500万元", "5200000元", "10", POS, True, "10"),
    C(3, ECO, "质押融资额", "≥1.2亿元", "13000万元", "10", POS, True, "10"),
    C(3, ECO, "质押融资额", "≥1.2亿元", "9000万元", "10", POS, False, "10*9000/12000", findings=MISS),
    C(3, ECO, "质押融资额", "≥1.2亿元", "1.5亿", "10", POS, True, "10", findings="R-I13"),
    C(3, Q, "实现企业设立登记全程电子化率", "≥90%", "90件", "5", POS, None, None, findings="R-I09"),
    C(3, T, "受理时间", "≤15天", "15个工作日", "10", NEG, None, None, findings="R-I09",
      note="天 and 工作日 cannot be reconciled"),
    C(3, Q, "受理投诉举报件数", "≥1.5万件", "19578", "3", POS, True, "3", findings="R-I13",
      note="a number written in full is read in 件, not 万件"),
    C(3, SAT, "服务对象满意度", "≥90%", "95", "5", POS, True, "5", findings="R-I13"),
    C(3, COST, "项目总成本", "≤56.7万元", "32.15", "10", NEG, True, "10", findings="R-I13"),
    C(3, COST, "食品抽检批次成本", "≤760元/批次", "800", "10", NEG, False,
      "10*(1-40/760)", "10*760/800", "R-I13 " + MISS),
    C(3, Q, "经济违法案件结案数", "≥120件", "138", "3", POS, True, "3", findings="R-I13"),
    C(3, Q, "经济违法案件结案数", "≥120", "138件", "3", POS, True, "3"),
    C(3, Q, "经济违法案件结案数", "≥120件", "138户", "3", POS, None, None, findings="R-I09"),
    C(3, COST, "项目总成本", "≤50万元", "450000元", "10", NEG, True, "10"),
    C(3, SUS, "培训人次", "≥3万人次", "2.4万人次", "10", POS, False, "10*2.4/3", findings=MISS),
    C(3, T, "应急响应时间", "≤2小时", "90分钟", "10", NEG, True, "10"),
    C(3, T, "应急响应时间", "≤30分钟", "1小时", "10", NEG, False, "10*(1-30/30)", "10*30/60", MISS),
    C(3, GREEN, "废弃物清运量", "≥1000吨", "1200000公斤", "10", POS, True, "10"),
    # 4. Rounding that agrees with itself -----------------------------------------------------
    C(4, Q, "经济违法案件结案数", "≥120件", "119.99件", "10", POS, True, "10*119.99/120",
      note="9.99917 rounds to full marks: met, never 未达到 with a suggestion of 10"),
    C(4, QL, "特种设备定期检验率", "≥99%", "98.96%", "10", POS, True, "10*98.96/99"),
    C(4, QL, "特种设备定期检验率", "≥99%", "98.9%", "10", POS, False, "10*98.9/99", findings=MISS),
    C(4, COST, "食品抽检批次成本", "≤760元/批次", "760.3元/批次", "10", NEG, True,
      "10*(1-0.3/760)", "10*760/760.3"),
    C(4, COST, "单价", "≤100元", "100.4元", "10", NEG, False, "10*(1-0.4/100)", "10*100/100.4", MISS),
    C(4, Q, "新增市场主体户数", "≥3000户", "2999户", "3", POS, True, "3*2999/3000"),
    C(4, Q, "新增市场主体户数", "≥3000户", "2980户", "3", POS, False, "3*2980/3000", findings=MISS),
    C(4, QL, "特种设备定期检验率", "≥99%", "98.2%", "10", POS, False, "10*98.2/99",
      findings="R-I04", score="9.92", note="the suggestion typed: no R-I03, no R-I05"),
    C(4, QL, "特种设备定期检验率", "≥99%", "98.2%", "10", POS, False, "10*98.2/99",
      findings="R-I04 R-I05", score="9.91"),
    C(4, QL, "出勤率", "≤95%", "100%", "10", NEG, False, "10*(1-5/95)", "10*95/100", MISS,
      note="seed 004 附件3-3: the anchor 9.47 / 9.50"),
    C(4, QL, "出勤率", "≤95%", "100%", "10", NEG, False, "10*(1-5/95)", "10*95/100", "R-I04",
      score="9.47"),
    C(4, Q, "宣传活动次数", "≥10次", "9次", "0.5", POS, False, "0.5*9/10", findings=MISS),
    C(4, QL, "不合格产品处置率", "100%", "99.6%", "10", POS, False, "10*99.6/100", findings=MISS,
      note="正向: 99.6% is short of 100%, though equal to the precision typed"),
    C(4, Q, "受理投诉举报件数", "≥1.5万件", "1.49万件", "5", POS, False, "5*14900/15000",
      findings=MISS),
    C(4, SAT, "消费者满意度", "≥90%", "89.99%", "5", POS, True, "5*89.99/90"),
    C(4, Q, "车辆维修数量", "19辆", "19辆", "10", EQU, True, "10", stored=Direction.EQUAL),
    C(4, COST, "行政成本占比", "3%", "3.2%", "10", EQU, True, "10", stored=Direction.EQUAL,
      note="等于: met to the precision typed (3% ± 0.5)"),
    # 5. Actuals and targets that are not single numbers ----------------------------------
    # bounds
    C(5, Q, "新增个体工商户", "≥18家", "≤15家", "10", POS, False, "10*15/18", findings=MISS,
      note="the bound settles it; the suggestion is taken at the bound"),
    C(5, Q, "新增个体工商户", "≥18家", "≥20家", "10", POS, True, "10"),
    C(5, Q, "新增个体工商户", "≥18家", "≥15家", "10", POS, None, None, findings="R-I15"),
    C(5, Q, "新增个体工商户", "≥18家", "≤20家", "10", POS, None, None, findings="R-I15"),
    C(5, T, "资金给付及时性", "≤3天", "≤2天", "10", NEG, True, "10"),
    C(5, T, "资金给付及时性", "≤3天", "≤3天", "10", NEG, True, "10"),
    C(5, T, "资金给付及时性", "≤3天", "≤5天", "10", NEG, None, None, findings="R-I15"),
    C(5, T, "资金给付及时性", "≤3天", "≥5天", "10", NEG, False, "10*(1-2/3)", "10*3/5", MISS),
    C(5, COST, "食品抽检批次成本", "≤760元/批次", "≤760元/批次", "3", NEG, True, "3"),
    C(5, Q, "经济违法案件结案数", "≥120件", "＞150件", "10", POS, True, "10"),
    C(5, Q, "经济违法案件结案数", "≥120件", "<100件", "10", POS, False, "10*100/120", findings=MISS),
    C(5, Q, "经济违法案件结案数", "120件", "≥130件", "10", POS, True, "10"),
    C(5, Q, "新增个体工商户", "≥18家", "≤15", "10", POS, False, "10*15/18", findings="R-I13 " + MISS),
    # ranges
    C(5, QL, "抽检合格率", "95%-100%", "97%", "10", EQU, True, "10"),
    C(5, QL, "抽检合格率", "95%-100%", "93%", "10", EQU, False, "10*93/95", findings=MISS),
    C(5, QL, "抽检合格率", "95%～100%", "100%", "10", EQU, True, "10"),
    C(5, T, "检测周期", "5-10天", "12天", "10", EQU, False, "10*(1-2/10)", "10*10/12", MISS),
    C(5, T, "检测周期", "5-10天", "4天", "10", EQU, False, "10*4/5", findings=MISS),
    C(5, T, "检测周期", "5-10天", "7天", "10", EQU, True, "10"),
    C(5, Q, "督查次数", "5~10次", "10次", "10", EQU, True, "10"),
    C(5, QL, "样本覆盖率", "90%至95%", "92.5%", "10", EQU, True, "10"),
    C(5, QL, "抽检合格率", "≥90%", "95%-98%", "10", POS, True, "10"),
    C(5, QL, "抽检合格率", "≥90%", "85%-95%", "10", POS, None, None, findings="R-I15"),
    C(5, QL, "抽检合格率", "≥90%", "80%-85%", "10", POS, False, "10*85/90", findings=MISS),
    # deadlines: months since the start of the report year
    C(5, T, "项目完成时限", "12月底前完成", "次年2月完成", "10", NEG, False,
      "10*(1-2/12)", "10*12/14", MISS, note="完成 two months late is not met"),
    C(5, T, "项目完成时限", "12月底前", "12月完成", "10", NEG, True, "10"),
    C(5, T, "项目完成时限", "6月30日前", "6月完成", "10", NEG, True, "10"),
    C(5, T, "项目完成时限", "6月15日前", "6月完成", "10", NEG, None, None, findings="R-I15",
      note="a month against a day inside it"),
    C(5, T, "项目完成时限", "年底前完成", "次年3月完成", "10", NEG, False,
      "10*(1-3/12)", "10*12/15", MISS),
    C(5, T, "项目完成时限", "12月底前完成", "按期完成", "10", NEG, True, "10"),
    C(5, T, "项目完成时限", "12月底前完成", "完成", "10", NEG, None, None, findings="R-I15",
      note="完成 does not say when"),
    C(5, T, "项目完成时限", "12月底前完成", "未按期完成", "10", NEG, False, None, findings=MISS,
      note="missed, but no date to score by"),
    C(5, T, "项目完成时限", "2024年12月31日前", "2025年1月完成", "10", NEG, False,
      "10*(1-1/12)", "10*12/13", MISS),
    C(5, T, "项目完成时限", "10月底前", "9月20日完成", "10", NEG, True, "10"),
    C(5, T, "项目完成时限", "当年12月底前", "12月底前完成", "10", NEG, True, "10"),
    # relative targets
    C(5, ECO, "营业收入", "同比增长5%", "增长6.2%", "10", POS, True, "10"),
    C(5, ECO, "营业收入", "同比增长5%", "增长3%", "10", POS, False, "10*3/5", findings=MISS),
    C(5, ECO, "营业收入", "同比增长5%", "下降2%", "10", POS, False, "max(0, 10*(-2)/5)", findings=MISS),
    C(5, GREEN, "单位能耗", "同比下降10%", "下降12%", "10", POS, True, "10"),
    C(5, GREEN, "单位能耗", "同比下降10%", "下降8%", "10", POS, False, "10*8/10", findings=MISS),
    C(5, QL, "抽检覆盖面", "较上年提高2个百分点", "提高2.5个百分点", "10", POS, True, "10"),
    C(5, ECO, "营业收入", "同比增长5%", "增长5个百分点", "10", POS, None, None, findings="R-I09"),
    C(5, ECO, "营业收入", "同比增长不低于5%", "增长5.5%", "10", POS, True, "10"),
    C(5, ECO, "营业收入", "同比增长5%", "6.2%", "10", POS, True, "10"),
    C(5, ECO, "营业收入", "同比增长5%", "增长12%", "10", POS, True, "10", findings="R-I04"),
    # 6. Impossible actuals ---------------------------------------------------------------
    C(6, Q, "经济违法案件结案数", "≥120件", "-3件", "10", POS, None, None, findings="R-I14"),
    C(6, QL, "投诉举报案件办结率", "100%", "102%", "10", POS, None, None, findings="R-I14"),
    C(6, SAT, "公众满意度", "≥90%", "105%", "10", POS, None, None, findings="R-I14"),
    C(6, QL, "抽检合格率", "≥95%", "100.5%", "10", POS, None, None, findings="R-I14"),
    C(6, QL, "抽检完成率", "100%", "100%", "10", POS, True, "10", note="exactly 100% is possible"),
    C(6, ECO, "营业收入增长率", "≥5%", "120%", "10", POS, True, "10", findings="R-I04",
      note="a growth rate may exceed 100%"),
    C(6, Q, "聘用人员数量", "≥18人", "-1人", "10", POS, None, None, findings="R-I14"),
    C(6, QL, "抽检合格率", "≥95%", "-2%", "10", POS, None, None, findings="R-I14"),
    C(6, COST, "项目总成本", "≤56.7万元", "-5万元", "10", NEG, None, None, findings="R-I14"),
    C(6, T, "受理时间", "≤15天", "-2天", "10", NEG, None, None, findings="R-I14"),
    C(6, QL, "投诉举报案件办结率", "≥95%", "按时办结", "10", POS, None, None, findings="R-I09",
      note="a qualitative actual against a number stays R-I09"),
    C(6, SAT, "群众满意度", "≥90%", "满意", "10", POS, None, None, findings="R-I09"),
    C(6, QL, "样本覆盖率", "100%", "≥101%", "10", POS, None, None, findings="R-I14"),
    C(6, T, "维修及时率", "100%", "100.0%", "5", POS, True, "5"),
    C(6, SAT, "司乘人员满意度", "≥90%", "100%", "10", POS, True, "10"),
    C(6, ECO, "营业收入", "同比增长5%", "下降3%", "10", POS, False, "max(0, 10*(-3)/5)", findings=MISS,
      note="a fall is a possible growth figure, not an impossible actual"),
]


def _row(case: Case) -> Indicator:
    return Indicator(
        level1=LEVEL1_OF.get(case.level2, "产出指标"), level2=case.level2, name=case.name,
        target=case.target, actual=case.actual, weight=D(case.weight),
        score=None if case.score is None else D(case.score), direction=case.stored,
    )


def _settings(case: Case, formula: ReverseFormula) -> ScoringSettings:
    s = ScoringSettings(reverse_formula=formula)
    if case.miss is not None:
        s.equal_miss = case.miss
    return s


def _row_findings(report: Report, prefix: str = "indicators[0]") -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in check(report)
            if any(p == prefix or p.startswith(prefix + ".") for p in f.paths)]


def test_the_table_is_large_enough_in_every_class():
    assert len(CASES) + len(GROUP_CASES) + len(ADOPT_CASES) >= 150
    for cls in range(1, 7):
        assert sum(c.cls == cls for c in CASES) >= 10, cls
    assert len(GROUP_CASES) >= 10 and len(ADOPT_CASES) >= 10
    assert len({c.id + str(c.stored) + str(c.score) for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_target_case(case: Case):
    row = _row(case)
    for formula, expected in ((ReverseFormula.LINEAR, case.linear), (ReverseFormula.RATIO, case.ratio)):
        s = suggest(row, _settings(case, formula))
        assert (s.score, s.met) == (None if expected is None else _calc(expected), case.met), formula
        assert (s.direction.label if s.direction else None) == case.direction, s.direction_reason
    report = Report(year=2024, indicators=[row])
    if case.miss is not None:
        report.scoring.equal_miss = case.miss
    found = _row_findings(report)
    assert {rule for rule, _ in found} & ROW_RULES == case.findings, found
    if case.met:
        assert not [m for _, m in found if "未达到" in m or "未按期" in m]


# --- 7. Findings a person can act on: grouped, every field path kept --------------------


def _demo() -> Report:
    return copy.deepcopy(_DEMO)


_DEMO = load_report(demo_report_path())


@dataclass
class Group:
    """A document edit and the findings of ``rule`` it must give: per finding the exact
    paths (in order, the first is where the GUI jumps) and words the message must hold."""

    name: str
    edit: Callable[[Report], None]
    rule: str
    expected: list[tuple[list[str], list[str]]] = field(default_factory=list)


def _deviation_placeholders(rows: list[int], table: str = "indicators") -> Callable[[Report], None]:
    def edit(r: Report) -> None:
        for i in rows:
            (r.indicators if table == "indicators" else r.projects[0].indicators)[i].deviation = "……"
    return edit


def _many_rows(n: int, **values: object) -> Callable[[Report], None]:
    def edit(r: Report) -> None:
        template = Indicator("效益指标", "社会效益指标", "市场秩序", "持续改善", "持续改善", D(1), D(1))
        r.indicators = []
        for i in range(n):
            row = copy.deepcopy(template)
            row.name = f"定性指标{i + 1}"
            for k, v in values.items():
                setattr(row, k, v)
            r.indicators.append(row)
    return edit


def _no_bands(rows: list[int]) -> Callable[[Report], None]:
    def edit(r: Report) -> None:
        for i in rows:
            r.indicators[i].band = None
    return edit


def _band_off(r: Report) -> None:
    r.indicators[8].band = None
    r.indicators[9].band = None
    r.indicators[12].band = Band.PARTIAL  # score 6 of 6 is outside 部分达成: its own finding


def _no_weights(r: Report) -> None:
    for i in r.indicators:
        i.weight = i.score = None


def _three_public_prior_blank(r: Report) -> None:
    t = r.three_public
    t.overseas.prior = t.reception.prior = t.vehicle_operation.prior = None


def _two_blocks(r: Report) -> None:
    r.three_public.overseas.prior = r.three_public.reception.prior = None
    r.basic.public.prior = None
    r.projects[1].amounts.prior = None


def _idx(table: str, rows: list[int], fld: str) -> list[str]:
    return [f"{table}[{i}].{fld}" for i in rows]


GROUP_CASES: list[Group] = [
    Group("one placeholder: the finding as before", _deviation_placeholders([3]), "R-C03",
          [(["indicators[3].deviation"], ["占位符“……”"])]),
    Group("a placeholder on two rows: one finding", _deviation_placeholders([3, 5]), "R-C03",
          [(["indicators[3].deviation", "indicators[5].deviation"], ["2 处", "第4行"])]),
    Group("a placeholder on 17 rows: one finding with the count", _deviation_placeholders(list(range(17))),
          "R-C03", [(_idx("indicators", list(range(17)), "deviation"), ["17 处", "第1行"])]),
    Group("29 rows of one table", _many_rows(29, deviation="XX"), "R-C03",
          [(_idx("indicators", list(range(29)), "deviation"), ["29 处"])]),
    Group("placeholders in two tables: one finding per table",
          lambda r: (_deviation_placeholders([0, 1])(r), _deviation_placeholders([2, 4], "p")(r)), "R-C03",
          [(["indicators[0].deviation", "indicators[1].deviation"], ["附件2"]),
           (["projects[0].indicators[2].deviation", "projects[0].indicators[4].deviation"],
            ["食品安全监督抽检经费"])]),
    Group("placeholders in different columns of one table",
          lambda r: (setattr(r.indicators[2], "actual", "XX件"), setattr(r.indicators[6], "deviation", "（待填）")),
          "R-C03", [(["indicators[2].actual", "indicators[6].deviation"], ["2 处"])]),
    Group("one row without a band: the finding as before", _no_bands([8]), "R-I10",
          [(["indicators[8].band"], ["请选择达成程度"])]),
    Group("two rows without a band: one finding offering 补选档次", _no_bands([8, 9]), "R-I10",
          [(["indicators[8].band", "indicators[9].band"], ["2 个定性指标", "补选档次"])]),
    Group("12 rows without a band", _many_rows(12), "R-I10",
          [(_idx("indicators", list(range(12)), "band"), ["12 个定性指标", "补选档次", "第1行"])]),
    Group("rows without a band and a score outside its band", _band_off, "R-I10",
          [(["indicators[8].band", "indicators[9].band"], ["补选档次"]),
           (["indicators[12].score", "indicators[12].band"], ["部分达成"])]),
    Group("rows without 分值: R-S01 names them", _no_weights, "R-S01",
          [(_idx("indicators", list(range(17)), "weight"), ["17 行", "分值"])]),
    Group("no rows at all: 未设置绩效指标", lambda r: setattr(r, "indicators", []), "R-S01",
          [(["indicators"], ["未设置绩效指标"])]),
    Group("three blank 上年 items of the 三公 block: one R-B14", _three_public_prior_blank, "R-B14",
          [(["three_public.vehicle_operation.prior", "three_public.overseas.prior",
             "three_public.reception.prior"], ["上年决算", "公务用车运行维护费", "公务接待费"])]),
    Group("blank 上年 items of two blocks: one R-B14 per block", _two_blocks, "R-B14",
          [(["basic.public.prior", "projects[1].amounts.prior"], ["公用经费", "上年决算"]),
           (["three_public.overseas.prior", "three_public.reception.prior"], ["因公出国（境）费"])]),
    Group("a single blank part: the finding as before",
          lambda r: setattr(r.three_public.reception, "actual", None), "R-B14",
          [(["three_public.reception.actual"], ["公务接待费决算为空"])]),
]


@pytest.mark.parametrize("case", GROUP_CASES, ids=[g.name for g in GROUP_CASES])
def test_grouped_findings(case: Group):
    r = _demo()
    case.edit(r)
    got = [f for f in check(r) if f.rule == case.rule]
    if case.rule == "R-S01":
        assert len(got) == 1
    assert [list(f.paths) for f in got] == [paths for paths, _ in case.expected], [f.message for f in got]
    for f, (_paths, words) in zip(got, case.expected, strict=True):
        for w in words:
            assert w in f.message, f.message
    if case.rule == "R-S01" and case.name.startswith("rows"):
        assert "未设置绩效指标" not in got[0].message


# --- 8. Suggestions taken in one step --------------------------------------------------


@dataclass(frozen=True)
class Adopt:
    """A row, and what 采用建议得分 does to it: fills ``fill``; ``conflict`` when a typed
    score differs from the suggestion (asked about, never overwritten silently)."""

    name: str
    row: Indicator
    fill: str | None  # the score filled in (formula), None: left alone
    conflict: bool = False
    band: Band | None = None  # the band chosen with it (qualitative rows)


def _r(target: str, actual: str, weight: str | None = "10", score: str | None = None,
       level2: str = Q, band: Band | None = None, name: str = "指标") -> Indicator:
    return Indicator(LEVEL1_OF[level2], level2, name, target, actual,
                     None if weight is None else D(weight), None if score is None else D(score), "", band)


ADOPT_CASES: list[Adopt] = [
    Adopt("blank score, met", _r("≥120件", "138件"), "10"),
    Adopt("blank score, missed", _r("≥120件", "100件"), "10*100/120"),
    Adopt("blank score, bare target under 数量指标", _r("19辆", "21辆"), "10"),
    Adopt("blank score, rounding to full", _r("≥120件", "119.99件"), "10"),
    Adopt("blank score, reverse miss", _r("≤95%", "100%", level2=QL, name="出勤率"), "10*(1-5/95)"),
    Adopt("typed score equal to the suggestion", _r("≥120件", "100件", score="8.33"), None),
    Adopt("typed score differing: asked, not overwritten", _r("≥120件", "100件", score="10"), None, True),
    Adopt("typed zero differing", _r("≥120件", "138件", score="0"), None, True),
    Adopt("qualitative with a band", _r("不断加强", "有所加强", level2=SOC, band=Band.PARTIAL), "10*0.8-0.01"),
    Adopt("qualitative, wording says reached: the band too",
          _r("按要求及时公开", "按要求及时公开", level2=T), "10", band=Band.MET),
    Adopt("qualitative, nothing to go by", _r("不断加强", "效果一般", level2=SOC), None),
    Adopt("undecidable", _r("≥18家", "≥15家"), None),
    Adopt("impossible actual", _r("100%", "102%", level2=QL, name="办结率"), None),
    Adopt("no 分值", _r("≥120件", "138件", weight=None), None),
    Adopt("no actual", _r("≥120件", ""), None),
]


@pytest.mark.parametrize("case", ADOPT_CASES, ids=[a.name for a in ADOPT_CASES])
def test_adopting_suggestions(case: Adopt):
    from perfdesk.checks.suggest import adoption

    settings = ScoringSettings()
    plan = adoption([case.row], settings)
    fills = {f.index: f for f in plan.fills}
    if case.fill is None:
        assert 0 not in fills
    else:
        assert fills[0].score == _calc(case.fill)
        assert fills[0].band == case.band
    assert (0 in {c.index for c in plan.conflicts}) == case.conflict
    # following the plan leaves nothing for R-I03 / R-I05 to say about the row
    row = copy.deepcopy(case.row)
    if 0 in fills:
        row.score = fills[0].score
        row.band = fills[0].band or row.band
    rules = {rule for rule, _ in _row_findings(Report(year=2024, indicators=[row]))}
    if not case.conflict:
        assert not rules & {"R-I03", "R-I05"}


def test_adoption_covers_every_table_of_the_report():
    from perfdesk.checks.suggest import adoption_for_report

    r = _demo()
    blank = [("indicators", 0), ("indicators", 4), ("projects[2].indicators", 2)]
    for path, i in blank:
        table = r.indicators if path == "indicators" else r.projects[2].indicators
        table[i].score = None
    r.indicators[1].score = D(1)  # typed, differs from 5: a conflict
    plan = adoption_for_report(r)
    assert sorted(f"{t}[{f.index}]" for t, f in plan.fills) == sorted(f"{p}[{i}]" for p, i in blank)
    assert [f"{t}[{c.index}]" for t, c in plan.conflicts] == ["indicators[1]"]
    scores = {f"{t}[{f.index}]": f.score for t, f in plan.fills}
    assert scores == {"indicators[0]": _calc("5"), "indicators[4]": _calc("5*98.2/99"),
                      "projects[2].indicators[2]": _calc("10*54/60")}


def test_project_table_adoption_is_per_table():
    from perfdesk.checks.suggest import adoption

    p = Project(indicators=[_r("≥120件", "138件"), _r("≥120件", "60件")])
    plan = adoption(p.indicators, ScoringSettings())
    assert [(f.index, f.score) for f in plan.fills] == [(0, D("10.00")), (1, D("5.00"))]
