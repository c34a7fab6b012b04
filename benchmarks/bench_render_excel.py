"""Excel attachments render time, against a baseline measured in the same run.

Baseline: an openpyxl workbook with one sheet holding a single value, saved to disk (the
fixed cost of openpyxl writing an .xlsx). Measured: ``render_workbook`` for the demo report
and for a large synthetic report (100 projects × 30 indicators, 30 indicators in 附件2),
and ``import_workbook`` of the large workbook. Medians of N runs, interleaved; printed as
seconds and as a ratio to the baseline.

    .venv/bin/python benchmarks/bench_render_excel.py [--runs 5]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfdesk.io import load_report  # noqa: E402
from perfdesk.io.excel_import import import_workbook  # noqa: E402
from perfdesk.model.report import Indicator, Report  # noqa: E402
from perfdesk.render.excel import render_workbook  # noqa: E402

DEMO = ROOT / "resources" / "samples" / "demo.perfdesk"
LEVELS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
          ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]


def large_report(projects: int = 100, indicators: int = 30) -> Report:
    report = load_report(DEMO)
    rows = [Indicator(level1=LEVELS[i * len(LEVELS) // indicators][0],
                      level2=LEVELS[i * len(LEVELS) // indicators][1],
                      name=f"三级指标{i + 1}：按计划完成的工作任务数量", target="≥90%",
                      actual="95%", weight=Decimal(3), score=Decimal(3),
                      deviation="无" if i % 3 else "部分任务因天气原因顺延，已于次年一季度完成。")
            for i in range(indicators)]
    report.indicators = copy.deepcopy(rows)
    base = report.projects[0]
    report.projects = []
    for n in range(projects):
        p = copy.deepcopy(base)
        p.name = f"专项经费{n + 1}"
        p.indicators = copy.deepcopy(rows)
        report.projects.append(p)
    return report


def baseline(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = 1
    wb.save(path)


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    demo, large = load_report(DEMO), large_report()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        baseline(out / "warm.xlsx")  # import openpyxl before timing anything
        base = median(lambda: baseline(out / "base.xlsx"), args.runs)
        t_demo = median(lambda: render_workbook(demo, out / "demo.xlsx", draft=False), args.runs)
        runs_large = max(1, args.runs // 2)
        t_large = median(lambda: render_workbook(large, out / "large.xlsx", draft=False),
                         runs_large)
        t_import = median(lambda: import_workbook(out / "large.xlsx"), runs_large)
        size = (out / "large.xlsx").stat().st_size
    print(f"baseline (empty openpyxl workbook save): {base * 1000:8.1f} ms")
    print(f"demo render (5 sheets):                  {t_demo * 1000:8.1f} ms  "
          f"{t_demo / base:6.1f}× baseline")
    print(f"large render (102 sheets, 3030 rows):    {t_large * 1000:8.1f} ms  "
          f"{t_large / base:6.1f}× baseline  ({size / 1024:.0f} KB)")
    print(f"large import:                            {t_import * 1000:8.1f} ms  "
          f"{t_import / base:6.1f}× baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
