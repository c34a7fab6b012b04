"""Printing the previewed PDFs (no Qt): the choices of the print dialog, the printers, and
sending the same PDFs the preview shows to the print system as vector output.

- Linux (统信UOS, 麒麟, Debian): CUPS through ``lp``, one job per document with the
  dialog's printer, copies, two-sided setting and A4; page ranges and the quarter turn of
  landscape pages are applied to the PDF before it is sent, so every driver gets upright A4.
- Windows: Word/WPS (报告) and Excel/WPS 表格 (附件) print their own files through COM
  (``office.windows``), where the pages came from the same program's PDF export.
- Everything else (no CUPS commands, no office program, two-sided through COM): the GUI's
  raster fallback (``ui.raster_print``) prints page images of the same PDFs.

Nothing here claims more than it saw: ``print_documents`` returns the jobs the print
system accepted, ``job_progress`` what it says about them afterwards; failures raise
``PrintError`` with the reason in Chinese.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from perfdesk.io.oserrors import describe
from perfdesk.office import windows
from perfdesk.office.documents import Converter, PrintDoc, print_file

TIMEOUT_S = 30  # lp/lpstat answer at once; a hung scheduler must not hang printing


class Duplex(StrEnum):
    ONE_SIDED = "one-sided"
    LONG_EDGE = "two-sided-long-edge"
    SHORT_EDGE = "two-sided-short-edge"


DUPLEX_LABELS = {Duplex.ONE_SIDED: "单面", Duplex.LONG_EDGE: "双面（长边翻页）",
                 Duplex.SHORT_EDGE: "双面（短边翻页）"}


class Method(StrEnum):
    CUPS = "cups"  # lp with the PDFs (Linux)
    OFFICE = "office"  # Word/WPS/Excel print their files (Windows)
    RASTER = "raster"  # page images through Qt's printer support (fallback)


class PrintError(Exception):
    """Printing failed or was refused; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Printer:
    name: str
    is_default: bool = False
    duplex: bool = False  # the driver offers two-sided printing
    state: str = ""  # Chinese, e.g. "空闲" or "已停用：…"
    ready: bool = True  # accepts jobs now


@dataclass(frozen=True)
class DocPages:
    """One document to print and its pages: 1-based inclusive ranges, () for all."""

    key: str
    ranges: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class PrintChoices:
    """What the print dialog returns; ``print_documents`` takes nothing else."""

    printer: str
    documents: tuple[DocPages, ...]
    copies: int = 1
    duplex: Duplex = Duplex.ONE_SIDED


@dataclass(frozen=True)
class SentJob:
    label: str  # 报告, 附件1 …
    pages: int  # pages of one copy
    job_id: str  # the print system's id ("PDF-12"); "" where it gives none (COM)


@dataclass
class PrintOutcome:
    printer: str
    method: Method
    copies: int
    duplex: Duplex
    jobs: list[SentJob] = field(default_factory=list)
    via: str = ""  # the program that printed (Word, WPS 表格 …), for COM

    def summary(self) -> str:
        """What was handed over, for the status line."""
        parts = "、".join(f"{j.label} {j.pages} 页" for j in self.jobs)
        extra = f"，共 {self.copies} 份" if self.copies > 1 else ""
        sides = "" if self.duplex == Duplex.ONE_SIDED else f"，{DUPLEX_LABELS[self.duplex]}"
        ids = [j.job_id for j in self.jobs if j.job_id]
        listed = "、".join(ids) if len(ids) <= 2 else f"{ids[0]} 至 {ids[-1]}"
        jobs = f"（作业 {listed}）" if ids else ""
        via = f"（经 {self.via}）" if self.via else ""
        return f"已发送到打印机“{self.printer}”{via}：{parts}{extra}{sides}{jobs}。"


# --- page ranges --------------------------------------------------------------------------

class RangeError(ValueError):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


_RANGE_PART = re.compile(r"^\s*(\d+)\s*(?:[-–—~至到]\s*(\d+)\s*)?$")


def parse_ranges(text: str, pages: int) -> tuple[tuple[int, int], ...]:
    """ "1-3,5" -> ((1, 3), (5, 5)); "" -> () (all pages). Chinese commas and 、 allowed.

    Raises RangeError (Chinese) for text that is not page numbers or names a page the
    document does not have.
    """
    text = re.sub(r"\s*([-–—~至到])\s*", r"\1", text.strip())
    if not text:
        return ()
    ranges = []
    for part in re.split(r"[,，、;；\s]+", text):
        if not part:
            continue
        m = _RANGE_PART.match(part)
        if not m:
            raise RangeError(f"页码“{part}”看不懂，请写成 1-3,5 这样的形式。")
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if first < 1 or last < first:
            raise RangeError(f"页码“{part}”不对：起始页应不小于 1，且不大于结束页。")
        if last > pages:
            raise RangeError(f"页码“{part}”超出范围：本文档只有 {pages} 页。")
        ranges.append((first, last))
    return tuple(ranges)


def page_indices(ranges: Sequence[tuple[int, int]], pages: int) -> list[int]:
    """0-based pages of 1-based ``ranges`` in the order given (all pages for none)."""
    if not ranges:
        return list(range(pages))
    return [p - 1 for first, last in ranges for p in range(first, last + 1)]


# --- which way ----------------------------------------------------------------------------

def method_for(docs: Sequence[PrintDoc], choices: PrintChoices | None = None) -> Method:
    """How these documents print on this machine."""
    if sys.platform == "win32":
        two_sided = choices is not None and choices.duplex != Duplex.ONE_SIDED
        by_office = all(d.converter == Converter.OFFICE for d in docs)
        if by_office and not two_sided and windows.default_dispatch() is not None:
            return Method.OFFICE
        return Method.RASTER
    return Method.CUPS if cups_available() else Method.RASTER


def cups_available() -> bool:
    return shutil.which("lp") is not None and shutil.which("lpstat") is not None


NO_PRINT_SYSTEM = ("此电脑上没有打印系统（CUPS），无法打印。请让管理员安装打印机，"
                   "或点“打开文件夹”，把生成的文件拷到能打印的电脑上。")


def system_printers() -> list[Printer]:
    """The printers the print system knows (CUPS on Linux, Windows' own list)."""
    if sys.platform == "win32":
        names, default = windows.list_printers()
        return [Printer(n, is_default=n == default, duplex=True, state="") for n in names]
    if not cups_available():
        return []
    return cups_printers()


# --- CUPS ---------------------------------------------------------------------------------

def _cups(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL="C", LANG="C")  # messages parsed below are the English ones
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_S, env=env,
                              check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise PrintError("打印系统（CUPS）没有响应。请稍后重试，或重启电脑后再打印。") from exc
    except OSError as exc:
        raise PrintError(f"无法启动打印命令“{args[0]}”：{describe(exc, reading=True)}") from exc


# Messages of lp/lpstat/printers, in Chinese; the original stays in brackets.
_CUPS_MESSAGES = (
    ("does not exist", "打印机不存在，可能已被删除"),
    ("not accepting jobs", "打印机暂停接收作业"),
    ("scheduler is not running", "打印服务（CUPS）没有运行"),
    ("unable to connect", "无法连接打印服务或打印机"),
    ("no such file or directory", "打印服务（CUPS）没有运行"),
    ("connection refused", "打印服务（CUPS）没有运行"),
    ("filter failed", "打印数据转换失败"),
    ("backend", "打印机连接出错"),
    ("paused", "打印机已暂停"),
    ("media-empty", "缺纸"),
    ("out of paper", "缺纸"),
    ("toner", "墨粉或墨水不足"),
    ("jam", "卡纸"),
    ("door", "打印机的盖子没有关好"),
    ("offline", "打印机未连接（脱机）"),
    ("forbidden", "没有使用这台打印机的权限"),
    ("not authorized", "没有使用这台打印机的权限"),
)


def cups_message(text: str) -> str:
    """A CUPS message in Chinese, with the original in brackets for the technician."""
    raw = " ".join(text.replace("lp:", "").replace("lpstat:", "").split()).strip()
    low = raw.lower()
    for needle, chinese in _CUPS_MESSAGES:
        if needle in low:
            return f"{chinese}（{raw}）"
    return f"打印系统报告：{raw}" if raw else "打印系统没有给出原因"


def _printer_states() -> dict[str, tuple[bool, str]]:
    """name -> (enabled, Chinese state) from ``lpstat -p``."""
    proc = _cups(["lpstat", "-p"])
    states: dict[str, tuple[bool, str]] = {}
    current = None
    for line in proc.stdout.splitlines():
        m = re.match(r"^printer (\S+) (?:is )?(idle|now printing|disabled)", line)
        if m:
            current = m.group(1)
            enabled = m.group(2) != "disabled"
            label = {"idle": "空闲", "now printing": "正在打印", "disabled": "已停用"}[m.group(2)]
            states[current] = (enabled, label)
        elif current and line.startswith(("\t", " ")) and line.strip():
            enabled, label = states[current]
            reason = line.strip()
            if reason.lower().startswith(("ready to print", "rendering completed")):
                continue
            states[current] = (enabled, f"{label}：{cups_message(reason)}")
    return states


def cups_printers() -> list[Printer]:
    names_proc = _cups(["lpstat", "-e"])
    if names_proc.returncode != 0 and "no destinations" not in names_proc.stderr.lower():
        if names_proc.stderr.strip():
            raise PrintError(f"无法读取打印机列表：{cups_message(names_proc.stderr)}")
    names = [n.strip() for n in names_proc.stdout.splitlines() if n.strip()]
    default_proc = _cups(["lpstat", "-d"])
    m = re.search(r"system default destination:\s*(\S+)", default_proc.stdout)
    default = m.group(1) if m else None
    states = _printer_states() if names else {}
    printers = []
    for name in names:
        opts = _cups(["lpoptions", "-p", name, "-l"]).stdout
        duplex = bool(re.search(r"^(Duplex|sides)[/:].*(Duplex(No)?Tumble|two-sided)", opts,
                                re.MULTILINE | re.IGNORECASE))
        enabled, state = states.get(name, (True, ""))
        printers.append(Printer(name, is_default=name == default, duplex=duplex, state=state,
                                ready=enabled))
    return printers


def _lp(printer: str, title: str, copies: int, duplex: Duplex, path: Path) -> str:
    args = ["lp", "-d", printer, "-t", title, "-n", str(copies), "-o", "collate=true",
            "-o", f"sides={duplex.value}", "-o", "media=A4", "--", str(path)]
    proc = _cups(args)
    m = re.search(r"request id is (\S+)", proc.stdout)
    if proc.returncode != 0 or not m:
        why = cups_message(proc.stderr or proc.stdout)
        raise PrintError(f"打印机“{printer}”没有接受“{title}”：{why}。")
    return m.group(1)


def print_with_cups(docs: Sequence[PrintDoc], choices: PrintChoices, folder: Path) -> PrintOutcome:
    outcome = PrintOutcome(choices.printer, Method.CUPS, choices.copies, choices.duplex)
    for doc, wanted in _selected(docs, choices):
        indices = page_indices(wanted.ranges, doc.pages)
        path = print_file(doc, indices, folder / f"{doc.key}-print.pdf")
        job = _lp(choices.printer, f"{doc.label} {doc.title}"[:120], choices.copies,
                  choices.duplex, path)
        outcome.jobs.append(SentJob(doc.label, len(indices), job))
    return outcome


@dataclass(frozen=True)
class JobProgress:
    pending: tuple[str, ...]  # job ids still queued or printing
    problem: str  # Chinese: the printer is stopped, and why; "" when it is not
    note: str = ""  # Chinese: what an enabled printer says meanwhile ("正在打印：…")

    @property
    def finished(self) -> bool:
        return not self.pending


def job_progress(outcome: PrintOutcome) -> JobProgress:
    """What CUPS now says about the jobs of ``outcome`` (Linux)."""
    ids = [j.job_id for j in outcome.jobs if j.job_id]
    proc = _cups(["lpstat", "-W", "not-completed", "-o", outcome.printer])
    queued = {line.split()[0] for line in proc.stdout.splitlines() if line.strip()}
    pending = tuple(i for i in ids if i in queued)
    enabled, state = _printer_states().get(outcome.printer, (True, ""))
    if not enabled:
        return JobProgress(pending, f"打印机“{outcome.printer}”{state or '已停用'}")
    note = f"打印机“{outcome.printer}”{state}" if pending and "：" in state else ""
    return JobProgress(pending, "", note)


# --- Windows (COM) ------------------------------------------------------------------------

def print_with_office(docs: Sequence[PrintDoc], choices: PrintChoices,
                      dispatch: windows.Dispatch) -> PrintOutcome:
    outcome = PrintOutcome(choices.printer, Method.OFFICE, choices.copies, choices.duplex)
    programs = []
    for doc, wanted in _selected(docs, choices):
        try:
            if doc.sheet is None:
                programs.append(windows.print_document(
                    doc.source, printer=choices.printer, copies=choices.copies,
                    ranges=wanted.ranges, dispatch=dispatch))
            else:
                programs.append(windows.print_sheet(
                    doc.source, doc.sheet, printer=choices.printer, copies=choices.copies,
                    ranges=wanted.ranges, dispatch=dispatch))
        except windows.OfficeError as exc:
            sent = f"（此前已发送：{outcome.summary()}）" if outcome.jobs else ""
            raise PrintError(exc.message + sent) from exc
        outcome.jobs.append(SentJob(doc.label, len(page_indices(wanted.ranges, doc.pages)), ""))
    outcome.via = "、".join(dict.fromkeys(programs))
    return outcome


# --- either -------------------------------------------------------------------------------

def _selected(docs: Sequence[PrintDoc], choices: PrintChoices) -> list[tuple[PrintDoc, DocPages]]:
    by_key = {d.key: d for d in docs}
    chosen = []
    for wanted in choices.documents:
        doc = by_key.get(wanted.key)
        if doc is None:
            raise PrintError(f"要打印的文档“{wanted.key}”不在预览中，请重新生成后再打印。")
        chosen.append((doc, wanted))
    if not chosen:
        raise PrintError("没有选择要打印的文档。")
    if choices.copies < 1:
        raise PrintError("份数至少为 1。")
    return chosen


def print_documents(docs: Sequence[PrintDoc], choices: PrintChoices, folder: Path) -> PrintOutcome:
    """Send the chosen documents as the print system's jobs (CUPS or Office); the raster
    fallback is the GUI's (``Method.RASTER`` raises here)."""
    method = method_for(docs, choices)
    if method == Method.CUPS:
        return print_with_cups(docs, choices, folder)
    if method == Method.OFFICE:
        dispatch = windows.default_dispatch()
        if dispatch is None:
            raise PrintError("此电脑上找不到 Word、WPS 或 Excel 的自动化接口，无法直接打印。")
        return print_with_office(docs, choices, dispatch)
    if sys.platform != "win32" and not cups_available():
        raise PrintError(NO_PRINT_SYSTEM)
    raise PrintError("这些文档只能以图像方式打印。")
