"""How this corpus of format-1 report files was made (run once, on the last format-1 commit).

Each file is the demo, a seed or a faulty fixture put through a few seeded random edits of
the kind real files have: blanks where figures were, odd decimals, adjustments of either
kind and scope, declared totals that disagree, other templates and date styles, other
weights and reverse formulas, messy targets and actuals, placeholders, empty sections.
The files are kept as they were written (format version 1): ``tests/test_golden.py``
opens every one with the current program and compares its outputs with
``tests/data/golden_outputs.json``. Re-running this script on a later format writes that
format, not version 1: it is a record of how the corpus came about, not a generator to rerun.
"""

from __future__ import annotations

import copy
import random
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfdesk.model import Adjustment, Indicator, Problem, Project, load_report, save_report
from perfdesk.model.report import Amounts, Report, Section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
BASES = [
    ROOT / "resources" / "samples" / "demo.perfdesk",
    *sorted((ROOT / "tests" / "data" / "seeds").glob("*.perfdesk")),
    *sorted((ROOT / "tests" / "data" / "faulty").glob("*.perfdesk")),
]
TEMPLATES = ["标准版", "简版（六部分）", "旧版（七部分）", "表格式"]
TARGETS = ["≥ 120件", "≧1580批次", "≥1.5万件", "≤760元/批次", "≤15天", "≤3天", "100%", "≥90%",
           "0件", "19辆", "≤95%", "按要求及时公开", "与计划时间匹配", "控制在标准以内", "不断加强",
           "持续提高", "有所改善", "按预算定", "无", "不低于95%", "不少于10次", "＞80%", "<=5个",
           "１，２００户", "控制在15天", "≥150万元", "120件", "", "XX"]
ACTUALS = ["138件", "19578件", "100%", "98.5%", "12天", "4天", "0件", "20辆", "已完成", "达到",
           "基本完成", "未完成", "162", "≤15家", "", "持续提高", "0.00%", "1,300户", "96%"]
TEXTS = ["", "XX", "（待填）", "……", "本单位严格执行预算管理制度。",
         "加强预算绩效管理，提高资金使用效益" * 3, "a & b < c > d \"quoted\""]


def money(rng: random.Random) -> Decimal | None:
    r = rng.random()
    if r < 0.15:
        return None
    if r < 0.22:
        return Decimal(0)
    if r < 0.3:
        return Decimal(rng.randint(1, 99999)) / 1000  # three decimals: R-B10
    return Decimal(rng.randint(0, 9_999_999)) / 100


def mutate_amounts(a: Amounts, rng: random.Random) -> None:
    for f in fields(a):
        if rng.random() < 0.3:
            setattr(a, f.name, money(rng))


def walk_amounts(value: Any) -> list[Amounts]:
    out: list[Amounts] = []
    if isinstance(value, Amounts):
        out.append(value)
    elif isinstance(value, list):
        for v in value:
            out += walk_amounts(v)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            out += walk_amounts(getattr(value, f.name))
    return out


def mutate(report: Report, rng: random.Random) -> Report:
    r = copy.deepcopy(report)
    amounts = walk_amounts(r)
    for a in rng.sample(amounts, k=min(len(amounts), rng.randint(0, 8))):
        mutate_amounts(a, rng)
    if rng.random() < 0.6:
        r.template = rng.choice(TEMPLATES)
    if rng.random() < 0.3:
        r.date_style = "chinese" if r.date_style == "arabic" else "arabic"
    if rng.random() < 0.3:
        r.signature_date = None if rng.random() < 0.3 else date(rng.randint(2020, 2027), rng.randint(1, 12), rng.randint(1, 28))
    if rng.random() < 0.4:
        r.adjustments.append(Adjustment(rng.choice(TEXTS), money(rng), rng.choice(["追加", "调减"]),
                                        rng.choice(["basic", "project"])))
    if rng.random() < 0.2:
        r.adjustments = []
    if rng.random() < 0.3:
        r.scoring.reverse_formula = "ratio"
    if rng.random() < 0.15:
        r.scoring.equal_miss = "zero"
    if rng.random() < 0.2:
        r.scoring.weights["产出指标"] = Decimal(rng.choice([40, 50, 60]))
    if rng.random() < 0.25:
        for part in (r.declared.basic, r.declared.overall, r.declared.three_public):
            if rng.random() < 0.5:
                mutate_amounts(part, rng)
    tables = [r.indicators, *(p.indicators for p in r.projects)]
    for table in tables:
        for ind in table:
            if rng.random() < 0.15:
                ind.target = rng.choice(TARGETS)
            if rng.random() < 0.15:
                ind.actual = rng.choice(ACTUALS)
            if rng.random() < 0.1:
                ind.score = None if rng.random() < 0.4 else Decimal(rng.randint(0, 100)) / 10
            if rng.random() < 0.05:
                ind.band = rng.choice(["", "达成", "部分达成", "未达成"])
        if rng.random() < 0.1:
            table.append(Indicator("产出指标", "数量指标", "……", rng.choice(TARGETS),
                                   rng.choice(ACTUALS), Decimal(rng.randint(0, 5))))
    if r.projects and rng.random() < 0.2:
        del r.projects[rng.randrange(len(r.projects))]
    if rng.random() < 0.15:
        r.projects.append(Project(name=rng.choice(TEXTS) or "新增项目"))
    if rng.random() < 0.2:
        r.problems = [] if rng.random() < 0.5 else [Problem(rng.choice(TEXTS), rng.choice(TEXTS))]
    if rng.random() < 0.15:
        r.extra_measures = [rng.choice(TEXTS)]
    if rng.random() < 0.2:
        r.sections = [Section(rng.choice(TEXTS), [rng.choice(TEXTS)])]
    if rng.random() < 0.2:
        r.other_notes = rng.choice(TEXTS)
    if rng.random() < 0.1:
        r.unit_name = rng.choice(["", "某县/某局:测试", r.unit_name + "（汇总）"])
    if rng.random() < 0.1:
        r.year = rng.choice([None, 2021, 2025, 1999])
    if rng.random() < 0.1:
        r.staffing.actual = rng.choice([None, 0, 999, -1])
    return r


def main() -> None:
    rng = random.Random(20261202)
    bases = [load_report(p) for p in BASES]
    for n in range(210):
        i = n % len(bases)
        report = mutate(bases[i], rng)
        save_report(report, HERE / f"v1_{n:03d}_{BASES[i].stem}.perfdesk", backup=False)


if __name__ == "__main__":
    main()
