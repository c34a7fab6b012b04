"""Reviewing a folder: read every file in worker processes, group, check each unit.

Workers are *spawned* (never forked: the GUI calls this after Qt has started), at most
``jobs`` of them, each restarted after ``TASKS_PER_WORKER`` files so that its memory stays
bounded; at most ``2 × jobs + 2`` files are in flight, and each sends back only what was read
(``FileRead``), so the reviewer's process grows with the number of units, not of bytes.
``cancel`` (a threading.Event) stops the run between files; the result is then marked
``cancelled``. Nothing under the folder is ever written.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from perfdesk.io.units_list import ListedUnit
from perfdesk.review import legacy
from perfdesk.review.grouping import group
from perfdesk.review.matching import match
from perfdesk.review.reading import peak_rss_kb, read_source
from perfdesk.review.results import FileRead, FolderProblem, ReviewFinding, ReviewResult
from perfdesk.review.rules import severity
from perfdesk.review.scan import SourceFile, scan
from perfdesk.review.unit_check import check_unit

TASKS_PER_WORKER = 200


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    text: str  # Chinese, for the progress bar


ProgressCallback = Callable[[Progress], None]


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _read_all(files: list[SourceFile], jobs: int, tmp: Path, report: ProgressCallback,
              cancel: threading.Event) -> tuple[list[FileRead], int]:
    """Every file read (in file order), and Σ of the worker processes' peak memory."""
    plain = [f for f in files if not f.legacy]
    old = [f for f in files if f.legacy]
    converted: dict[Path, Path | str] = {}
    converter = threading.Thread(
        target=lambda: converted.update(legacy.convert_all([f.path for f in old], tmp,
                                                           cancel.is_set)), daemon=True)
    if old:
        converter.start()
    reads: list[FileRead] = []
    peaks: dict[int, int] = {}

    def note(r: FileRead) -> None:
        reads.append(r)
        report(Progress(len(reads), len(files), f"已读取 {len(reads)}/{len(files)}：{r.rel}"))

    def jobs_list() -> Iterator[tuple[SourceFile, str]]:
        for f in plain:
            yield f, ""
        if old:
            converter.join()
        for f in old:
            c = converted.get(f.path, "未转换")
            yield f, str(c)

    if jobs <= 1:
        for f, conv in jobs_list():
            if cancel.is_set():
                break
            note(read_source(f, conv))
        return sorted(reads, key=lambda r: r.rel), 0
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                               max_tasks_per_child=TASKS_PER_WORKER)
    try:
        pending: set[Future[tuple[FileRead, int]]] = set()
        source = jobs_list()
        exhausted = False
        while True:
            while not exhausted and not cancel.is_set() and len(pending) < 2 * jobs + 2:
                try:
                    f, conv = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.add(pool.submit(_read_in_worker, f, conv))
            if not pending or cancel.is_set():
                break
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in done:
                r, pid = fut.result()
                peaks[pid] = max(peaks.get(pid, 0), r.peak_rss_kb)
                note(r)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return sorted(reads, key=lambda r: r.rel), sum(peaks.values())


def _read_in_worker(f: SourceFile, converted: str) -> tuple[FileRead, int]:
    return read_source(f, converted), os.getpid()


def review_folder(folder: str | os.PathLike[str], *, listed: list[ListedUnit] | None = None,
                  jobs: int | None = None, progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None) -> ReviewResult:
    """Review every unit's files under ``folder`` (read-only)."""
    started = time.perf_counter()
    folder = Path(folder)
    cancel = cancel or threading.Event()
    report = progress or (lambda _p: None)
    result = ReviewResult(folder)
    report(Progress(0, 0, "正在查找文件…"))
    files, skipped = scan(folder)
    result.skipped = [FolderProblem(s.rel, s.reason) for s in skipped]
    with tempfile.TemporaryDirectory(prefix="perfdesk-review-") as tmp:
        reads, worker_peak = _read_all(files, jobs or default_jobs(), Path(tmp), report, cancel)
        result.files_read = len(reads)
        result.cancelled = cancel.is_set()
        result.unreadable = [FolderProblem(r.rel, r.error) for r in reads if r.error]
        units, result.unassigned = group(reads)
        total = len(units)
        for n, (key, unit_reads) in enumerate(sorted(units.items()), start=1):
            if cancel.is_set():
                result.cancelled = True
                break
            report(Progress(n, total, f"正在审核单位 {n}/{total}"))
            result.units.append(check_unit(key, unit_reads))
    _years(result)
    if listed is not None:
        result.missing, result.unlisted = match(result.units, listed)
    result.units.sort(key=lambda u: (u.supervisor, u.name or u.key))
    result.seconds = time.perf_counter() - started
    result.peak_rss_kb = worker_peak + peak_rss_kb()
    report(Progress(total, total, "审核已取消" if result.cancelled else "审核完成"))
    return result


def _years(result: ReviewResult) -> None:
    """The year most units report; a unit of another year gets R-X05."""
    years = Counter(u.year for u in result.units if u.year is not None)
    if not years:
        return
    result.year = years.most_common(1)[0][0]
    for u in result.units:
        if u.year is not None and u.year != result.year:
            u.findings.append(ReviewFinding(
                "R-X05", severity("R-X05"),
                f"本单位报送的是{u.year}年度，其他多数单位是{result.year}年度，请核对",
                (), "", u.primary[0] if u.primary else "",
                f"报送的是{u.year}年度的材料，本次审核的是{result.year}年度，请核对"))
