"""Timing of the check engine (issue 3): a plain script, not a test.

    .venv/bin/python benchmarks/bench_checks.py

Prints the median time of a full check of the demo report and of a synthetic large report
(100 projects × 30 indicator rows), and of an incremental re-check after one field edit,
each beside baselines measured in the same run (deepcopy and JSON dump of the same report)
so that numbers from different machines can be compared. Design targets: demo < 5 ms,
large < 100 ms, incremental well under 5 ms.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal

from perfdesk.checks import Checker, check, suggest, targets
from perfdesk.io import dumps, load_report
from perfdesk.model.figures import Figures
from perfdesk.model.report import Amounts, Funding, Indicator, Project, Report
from perfdesk.model.vocabulary import Band
from perfdesk.resources import demo_report_path

D = Decimal

_LAYOUT = (  # (一级, 二级, rows, 分值 each): 30 rows, 90 points
    ("产出指标", "数量指标", 8, D(2)),
    ("产出指标", "质量指标", 6, D(3)),
    ("产出指标", "时效指标", 4, D(2)),
    ("产出指标", "成本指标", 4, D("2.5")),
    ("效益指标", "社会效益指标", 4, D(4)),
    ("效益指标", "可持续影响指标", 2, D(7)),
    ("满意度指标", "服务对象满意度指标", 2, D(5)),
)


def _row(level1: str, level2: str, weight: Decimal, p: int, k: int) -> Indicator:
    n = 100 + 7 * p + k
    shape = k % 5
    if shape == 0:
        target, actual, score = f"≥{n}件", f"{n + p % 9}件", weight
    elif shape == 1:
        target, actual, score = f"≥{90 + k % 9}%", f"{95 + p % 5}.{k % 10}%", weight
    elif shape == 2:
        target, actual, score = f"≤{5 + k % 10}个工作日", f"{3 + p % 5}个工作日", weight
    elif shape == 3:
        target, actual, score = f"≥{1 + p % 3}.5万批次", f"{30000 + n}批次", weight
    else:
        target, actual, score = "持续提高", "持续提高", weight
    band = Band.MET if shape == 4 else None
    return Indicator(level1, level2, f"指标{p}-{k}", target, actual, weight, score, "", band)


def large_report(projects: int = 100, rows: int = 30) -> Report:
    report = load_report(demo_report_path())
    report.projects = []
    for p in range(projects):
        indicators: list[Indicator] = []
        for level1, level2, count, weight in _LAYOUT:
            for _ in range(count):
                indicators.append(_row(level1, level2, weight, p, len(indicators)))
        amount = D(100 + p)
        report.projects.append(
            Project(
                name=f"第{p + 1}号专项工作经费",
                amounts=Amounts(amount, amount, amount, amount - D("0.5")),
                funding=Funding(current=Amounts(None, amount, amount, amount - D("0.5"))),
                purpose="保障专项工作开展",
                indicators=indicators[:rows],
            )
        )
    return report


def median_ms(func: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def clear_caches() -> None:
    targets.parse.cache_clear()
    targets.achievement.cache_clear()
    suggest._suggest.cache_clear()


def main() -> None:
    demo = load_report(demo_report_path())
    large = large_report()
    rows = sum(len(p.indicators) for p in large.projects) + len(large.indicators)
    print(f"Python {sys.version.split()[0]}; large report: {len(large.projects)} projects, {rows} indicator rows")
    print()

    base_demo = median_ms(lambda: copy.deepcopy(demo), 50)
    base_large = median_ms(lambda: copy.deepcopy(large), 5)
    dump_large = median_ms(lambda: dumps(large), 5)
    print(f"baseline  deepcopy(demo)          {base_demo:8.2f} ms")
    print(f"baseline  deepcopy(large)         {base_large:8.2f} ms")
    print(f"baseline  dumps(large) (JSON)     {dump_large:8.2f} ms")
    print()

    rows_out = [
        ("full check, demo (warm caches)", median_ms(lambda: check(demo), 50), 5.0, base_demo),
        ("full check, demo (cold caches)", median_ms(lambda: check(demo), 20, clear_caches), 5.0, base_demo),
        ("full check, large (warm caches)", median_ms(lambda: check(large), 7), 100.0, base_large),
        ("full check, large (cold caches)", median_ms(lambda: check(large), 5, clear_caches), 100.0, base_large),
        ("Figures of the large report (once per revision)", median_ms(lambda: Figures.of(large), 20),
         5.0, base_large),
    ]

    checker = Checker()
    checker.check(large)
    row = large.projects[57].indicators[12]
    scores = [row.weight, (row.weight or D(0)) - D("0.5")]
    state = {"i": 0}

    def edit_indicator() -> None:
        state["i"] += 1
        row.score = scores[state["i"] % 2]
        checker.recheck(large, "projects[57].indicators[12].score")

    def edit_amount() -> None:
        state["i"] += 1
        large.basic.public.actual = D("236.84") + state["i"] % 2
        checker.recheck(large, "basic.public.actual")

    def edit_name() -> None:
        state["i"] += 1
        large.unit_name = f"青禾县市场监督管理局{state['i'] % 2}"
        checker.recheck(large, "unit_name")

    rows_out += [
        ("re-check after 1 edit: project row score", median_ms(edit_indicator, 50), 5.0, base_large),
        ("re-check after 1 edit: 公用经费 决算", median_ms(edit_amount, 50), 5.0, base_large),
        ("re-check after 1 edit: 单位名称", median_ms(edit_name, 50), 5.0, base_large),
    ]
    assert checker.recheck(large, "unit_name") == check(large), "incremental result differs"

    print(f"{'what':44} {'median':>10} {'target':>9} {'÷ deepcopy':>11}")
    for label, ms, target, base in rows_out:
        flag = "ok" if ms < target else "SLOW"
        print(f"{label:44} {ms:8.2f} ms {target:6.0f} ms {ms / base:10.2f}×  {flag}")


if __name__ == "__main__":
    main()
