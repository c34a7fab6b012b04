"""Which files of a review folder are read, and which are passed over (and why).

Read: ``.perfdesk`` report files, 附件 workbooks (.xlsx/.xlsm, and .xls), Word reports
(.docx, and .doc). Passed over: PerfDesk's own backups (the 旧版本/ folders, ``.bak``
files), temporary and lock files of Office/WPS and of PerfDesk's atomic writes, hidden
folders, and the reviewer's own outputs inside the folder (the review file, 汇总表, the
审核意见 folder). Other files are listed as not read, with the reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PERFDESK = "perfdesk"
WORKBOOK = "workbook"
WORD = "word"
KINDS = {".perfdesk": PERFDESK, ".xlsx": WORKBOOK, ".xlsm": WORKBOOK, ".xls": WORKBOOK,
         ".docx": WORD, ".doc": WORD}
LEGACY = (".xls", ".doc")  # read through a LibreOffice conversion (legacy.py)
BACKUP_DIRS = {"旧版本"}
OUTPUT_DIR = "审核意见"
REVIEW_SUFFIX = ".perfdesk-review"
TODO_SUFFIX = ".perfdesk-todo"
_OTHER = {
    ".pdf": "PDF 文件无法核对数字，请让单位报送 Word 报告和 Excel 附件",
    ".wps": "WPS 文字格式，请让单位另存为 .docx",
    ".et": "WPS 表格格式，请让单位另存为 .xlsx",
    ".zip": "压缩包未解开：请先解压到本文件夹，再重新审核",
    ".rar": "压缩包未解开：请先解压到本文件夹，再重新审核",
    ".7z": "压缩包未解开：请先解压到本文件夹，再重新审核",
}


@dataclass(frozen=True)
class SourceFile:
    rel: str  # path relative to the folder, with '/' (shown to people, stable across rounds)
    path: Path
    kind: str  # PERFDESK, WORKBOOK or WORD
    size: int
    mtime_ns: int

    @property
    def legacy(self) -> bool:
        return self.path.suffix.lower() in LEGACY


@dataclass(frozen=True)
class Skipped:
    rel: str
    reason: str


def _skip_name(name: str) -> bool:
    low = name.lower()
    return (name.startswith(("~$", ".~lock", ".")) or low.endswith((".tmp", ".bak", "#"))
            or low in ("thumbs.db", "desktop.ini"))


def scan(folder: Path) -> tuple[list[SourceFile], list[Skipped]]:
    """Every file to read under ``folder`` (sorted by path) and the files not read."""
    folder = Path(folder)
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        dirs[:] = sorted(d for d in dirs if d not in BACKUP_DIRS and d != OUTPUT_DIR
                         and not d.startswith("."))
        for name in sorted(names):
            path = base / name
            rel = path.relative_to(folder).as_posix()
            if _skip_name(name) or name.endswith((REVIEW_SUFFIX, TODO_SUFFIX)):
                continue
            suffix = path.suffix.lower()
            kind = KINDS.get(suffix)
            if kind is None:
                reason = _OTHER.get(suffix, "不是报告文件、Excel 附件或 Word 报告，未审核")
                skipped.append(Skipped(rel, reason))
                continue
            if kind == WORKBOOK and name.startswith("汇总表") and base == folder:
                continue  # the roll-up of an earlier run
            try:
                st = path.stat()
            except OSError as exc:
                skipped.append(Skipped(rel, f"无法读取文件信息：{exc.strerror or exc}"))
                continue
            files.append(SourceFile(rel, path, kind, st.st_size, st.st_mtime_ns))
    return files, skipped
