"""The reviewer's desk on many units (issue 16): a plain script, not a test.

    .venv/bin/python benchmarks/bench_review.py [--units 500] [--small 50] [--runs 3] [--jobs 2]

Builds review folders of ``--small`` and ``--units`` typical units (the mix of
tests/review/builder.py: PerfDesk files with their Word and 附件, PerfDesk 附件 with a typed
report, hand-made 附件 in four layouts — a quarter of those as .xls —, one Word-only unit, an
unreadable file, a duplicate …), then runs ``perfdesk review FOLDER -o 汇总表.xlsx`` as a
reviewer would, ``--runs`` times each. Prints the median wall time, the time per unit at
both sizes and their ratio, and the peak memory of all processes together (the command, its
worker processes and LibreOffice for the .xls), sampled from /proc every 50 ms.
Design targets (2-core machine): 500 units under 60 s, memory under 1 GB, time per unit at
500 within 1.2× of that at 50.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.review.builder import build  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree_rss(root: int) -> int:
    """Σ resident memory (bytes) of ``root`` and all its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        stack.extend(p for p, parent in parents.items() if parent == pid)
    return total


def run_once(folder: Path, out: Path, jobs: int) -> tuple[float, int]:
    cmd = [sys.executable, "-m", "perfdesk", "review", str(folder), "-o", str(out),
           "--jobs", str(jobs)]
    peak = 0
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"perfdesk review failed ({proc.returncode}): {err.decode()[-2000:]}")
    return elapsed, peak


def measure(units: int, runs: int, jobs: int, work: Path) -> tuple[float, int, int]:
    root = work / f"u{units}"
    if not (root / "2024年度绩效自评材料").exists():
        t = time.perf_counter()
        build(root, units=units)
        print(f"  built {units} units in {time.perf_counter() - t:.0f} s", flush=True)
    folder = root / "2024年度绩效自评材料"
    n_files = sum(1 for p in folder.rglob("*") if p.is_file())
    times, peaks = [], []
    for _ in range(runs):
        elapsed, peak = run_once(folder, root / "汇总表.xlsx", jobs)
        times.append(elapsed)
        peaks.append(peak)
        print(f"  {units} units ({n_files} files): {elapsed:.1f} s, peak {peak / 2**20:.0f} MiB",
              flush=True)
    return statistics.median(times), max(peaks), n_files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=500)
    ap.add_argument("--small", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--work", type=Path, default=Path("/tmp/perfdesk-bench-review"))
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    small_t, small_peak, small_files = measure(args.small, args.runs, args.jobs, args.work)
    big_t, big_peak, big_files = measure(args.units, args.runs, args.jobs, args.work)
    per_small, per_big = small_t / args.small, big_t / args.units
    print()
    print(f"{args.small} units ({small_files} files): median {small_t:.1f} s, "
          f"{per_small * 1000:.0f} ms per unit, peak {small_peak / 2**20:.0f} MiB")
    print(f"{args.units} units ({big_files} files): median {big_t:.1f} s, "
          f"{per_big * 1000:.0f} ms per unit, peak {big_peak / 2**20:.0f} MiB")
    print(f"time per unit at {args.units} / at {args.small}: {per_big / per_small:.2f}× "
          "(target ≤ 1.2×)")
    print(f"units per minute at {args.units}: {60 * args.units / big_t:.0f}")
    ok = big_t < 60 and big_peak < 2**30 and per_big / per_small <= 1.2
    print("targets met" if ok else "targets NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
