"""Word report render time, as a ratio against a baseline measured in the same run.

    .venv/bin/python benchmarks/bench_render_word.py [--repeat N]

Baseline: python-docx opening the standard template and saving it unchanged. Cases: the
demo report with each bundled template, and a large synthetic report (100 projects × 30
indicators each, 30 unit indicators, 20 narrative sections) with 标准版 and 表格式.
Prints medians in milliseconds and the ratio to the baseline.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from perfdesk.io import load_report
from perfdesk.model.report import Amounts, Indicator, Project, Report, Section
from perfdesk.resources import demo_report_path, template_dir


def large_report(base: Report, projects: int = 100, indicators: int = 30) -> Report:
    r = copy.deepcopy(base)
    levels = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标"),
              ("满意度指标", "服务对象满意度指标")]

    def rows(n: int, tag: str) -> list[Indicator]:
        return [Indicator(level1=levels[i % 4][0], level2=levels[i % 4][1],
                          name=f"{tag}指标{i + 1}", target=f"≥{100 + i}件",
                          actual=f"{110 + i}件", weight=Decimal(3), score=Decimal(3))
                for i in range(n)]

    r.projects = [
        Project(name=f"专项工作经费{i + 1}", purpose="专项业务工作、设备维护和宣传培训",
                amounts=Amounts(prior=Decimal("12.34"), initial=Decimal("10.00"),
                                annual=Decimal("12.50"), actual=Decimal("12.25")),
                goals=["完成年度专项工作任务。"], achievements=["年度专项工作任务全部完成。"],
                indicators=rows(indicators, f"项目{i + 1}"))
        for i in range(projects)
    ]
    r.indicators = rows(30, "整体")
    r.sections = [Section(title=f"（{i + 1}）重点工作{i + 1}",
                          paragraphs=["围绕年度目标扎实推进各项工作，取得明显成效。" * 6] * 3)
                  for i in range(20)]
    return r


def timed(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up (imports, caches)
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import docx

    from perfdesk.render.word import render_word

    demo = load_report(demo_report_path())
    big = large_report(demo)
    out = Path(tempfile.mkdtemp(prefix="perfdesk-bench-"))
    template = template_dir() / "standard.docx"

    def baseline() -> None:
        docx.Document(str(template)).save(str(out / "baseline.docx"))

    cases: list[tuple[str, Callable[[], object]]] = [("baseline: python-docx open+save", baseline)]
    for name in ("标准版", "简版（六部分）", "旧版（七部分）", "表格式"):
        cases.append((f"demo, {name}",
                      lambda n=name: render_word(demo, out / "demo.docx", template=n)))
    cases.append(("demo, 标准版, draft",
                  lambda: render_word(demo, out / "draft.docx", draft=True)))
    for name in ("标准版", "表格式"):
        cases.append((f"large (100 projects × 30 indicators), {name}",
                      lambda n=name: render_word(big, out / "big.docx", template=n)))

    base = None
    print(f"{'case':<52} {'median ms':>10} {'× baseline':>11}")
    for label, fn in cases:
        t = timed(fn, args.repeat)
        base = base or t
        print(f"{label:<52} {t * 1000:>10.1f} {t / base:>11.1f}")


if __name__ == "__main__":
    main()
