"""Compare two checkouts on the same benchmarks, in the same run: before and after a change.

    .venv/bin/python benchmarks/compare_trees.py BEFORE_TREE AFTER_TREE [--runs 5]
        [--bench bench_checks.py --bench bench_render_word.py ...]

Each benchmark script of each tree runs ``--runs`` times, the two trees alternating, with
that tree first on ``PYTHONPATH`` (so it measures that tree's package). Every output line
with a ratio (``1.23×``, or a table row ending in one) is matched by its label between the
two trees; the table gives
the median ratio of each tree and after ÷ before. Ratios, not times: each benchmark
divides by a baseline measured in the same process, so machine load mostly cancels.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

TIMES = re.compile(r"(\d+(?:\.\d+)?)×")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
DEFAULT = ["bench_checks.py", "bench_render_word.py", "bench_render_excel.py",
           "bench_startup.py"]


def run(tree: Path, bench: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, str(tree / "benchmarks" / bench)], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise SystemExit(f"{tree}/{bench} failed:\n{proc.stderr[-2000:]}")
    out: dict[str, float] = {}
    for line in proc.stdout.splitlines():
        label = re.split(r"\s{2,}|[:：]", line.strip(), maxsplit=1)[0].strip()
        rest = line.strip()[len(label):]
        times = TIMES.search(rest)
        if times:  # "… 2.52×": the first ratio on the line
            out[label] = float(times.group(1))
        elif rest.strip() and re.fullmatch(r"[\s\d.]+", rest):  # a table row: the last figure
            out[label] = float(NUMBER.findall(rest)[-1])
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--bench", action="append")
    args = p.parse_args()
    for bench in args.bench or DEFAULT:
        ratios: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for _ in range(args.runs):
            for name, tree in (("before", args.before), ("after", args.after)):
                for label, ratio in run(tree.resolve(), bench).items():
                    ratios[label][name].append(ratio)
        print(f"\n{bench} (median of {args.runs}, the trees alternating)")
        print(f"{'what':<58} {'before':>8} {'after':>8} {'after/before':>13}")
        for label, by in ratios.items():
            if len(by["before"]) == len(by["after"]) == args.runs:
                b, a = statistics.median(by["before"]), statistics.median(by["after"])
                print(f"{label[:58]:<58} {b:>7.2f}× {a:>7.2f}× {a / b:>12.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
