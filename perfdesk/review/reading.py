"""Reading one file of a review folder (runs in a worker process; no Qt, nothing written).

Everything a later step needs is read here, once: the unit's identity (name, year, codes),
a .perfdesk file's report, a workbook's import with the places and stated figures, a Word
report's stated figures. A file that cannot be read comes back with ``error`` set.
"""

from __future__ import annotations

import hashlib
import importlib
import sys
from pathlib import Path

from perfdesk.io import FormatError, load_report
from perfdesk.io.review_read import ReadProblem, read_docx, read_workbooks
from perfdesk.review import names, prose_figures
from perfdesk.review.results import FileRead
from perfdesk.review.scan import PERFDESK, WORD, WORKBOOK, SourceFile


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def peak_rss_kb() -> int:
    """This process's peak resident memory in KiB (0 where the platform does not say)."""
    if sys.platform == "win32":  # pragma: no cover
        return 0
    resource = importlib.import_module("resource")  # POSIX only
    peak: int = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def read_source(src: SourceFile, converted: str = "") -> FileRead:
    """Read ``src`` (through ``converted``, its .xlsx/.docx copy, for .xls/.doc)."""
    out = FileRead(src.rel, src.kind, mtime_ns=src.mtime_ns)
    try:
        out.sha256 = sha256(src.path)
    except OSError as exc:
        out.error = f"无法读取：{exc.strerror or exc}"
        return out
    if src.legacy and not converted:
        out.error = "无法转换旧格式文件"
        return out
    if src.legacy and not Path(converted).is_file():
        out.error = converted  # the conversion's reason
        return out
    path = Path(converted) if converted else src.path
    out.read_path = str(path)
    name = src.path.name
    try:
        if src.kind == PERFDESK:
            _perfdesk(out, path)
        elif src.kind == WORKBOOK:
            _workbook(out, path, name)
        elif src.kind == WORD:
            _word(out, path, name)
    except FormatError as exc:
        out.error = exc.message
    except ReadProblem as exc:
        out.error = exc.message
    except Exception as exc:  # a file shaped like nothing foreseen: listed, the rest go on
        out.error = f"读取时出错（{type(exc).__name__}：{str(exc)[:120]}）"
    out.codes = sorted(set(out.codes) | set(names.codes_in(src.rel)))
    out.peak_rss_kb = peak_rss_kb()
    return out


def _perfdesk(out: FileRead, path: Path) -> None:
    report = load_report(path)
    out.report = report
    out.unit_name, out.supervisor, out.year = report.unit_name, report.supervisor, report.year
    out.project_names = [p.name for p in report.projects]


def _workbook(out: FileRead, path: Path, name: str) -> None:
    wb = read_workbooks([(out.rel, path)])
    out.workbook = wb
    out.forms = wb.annexes.get(out.rel, [])
    report = wb.report
    out.unit_name = report.unit_name or next(
        (p.implementer for p in report.projects if p.implementer), "")
    out.supervisor = wb.supervisor or report.supervisor
    out.year = report.year
    out.codes = list(wb.codes)
    out.project_names = [p.name for p in report.projects]


def _word(out: FileRead, path: Path, name: str) -> None:
    # The figures are extracted once the unit's projects are known (after grouping).
    out.paragraphs = read_docx(path, name)
    out.unit_name, out.year = prose_figures.title_identity(out.paragraphs)
