"""Generating in a worker thread, so the window stays responsive while files are written.

perfdesk.render (and through it docxtpl/openpyxl) is imported inside the worker only.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from perfdesk.model import Report

log = logging.getLogger(__name__)


def open_url(path: Path) -> bool:
    """Open a file or folder with the desktop's own program for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def unique_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``stem(2).ext``, ``stem(3).ext`` … if taken."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while target.exists():
        target = folder / f"{stem}({n}){suffix}"
        n += 1
    return target


class Worker(QObject):
    progress = Signal(int, str)
    done = Signal(object)  # RenderResult
    failed = Signal(object)  # OutputError or other exception

    def __init__(self, report: Report, out_dir: Path, options: dict[str, Any],
                 findings: list[Any], rename: bool) -> None:
        super().__init__()
        self.report, self.out_dir, self.options = report, out_dir, options
        self.findings, self.rename = findings, rename

    def run(self) -> None:
        try:
            from perfdesk.render import render_all

            def progress(percent: int, text: str) -> None:
                self.progress.emit(percent, text)

            options = dict(self.options)
            pdf = bool(options.pop("pdf", False))
            if not self.rename:
                result = render_all(self.report, self.out_dir, findings=self.findings,
                                    progress=progress, pdf=False, **options)
            else:  # write beside the locked files under new names
                self.out_dir.mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryDirectory(prefix=".perfdesk-", dir=self.out_dir) as tmp:
                    result = render_all(self.report, tmp, findings=self.findings,
                                        progress=progress, pdf=False, **options)
                    moved = []
                    for f in result.files:
                        target = unique_name(self.out_dir, f.name)
                        os.replace(f, target)
                        moved.append(target)
                    result.files = moved
            if pdf:
                self._convert(result, progress)
        except Exception as exc:
            log.exception("generation failed")
            self.failed.emit(exc)
            return
        self.done.emit(result)

    def _convert(self, result: Any, progress: Any) -> None:
        """同时转换为 PDF: all files in one LibreOffice run (the preview then reuses them)."""
        from perfdesk.office.pdf import PdfUnavailable, convert_many

        progress(75, "正在转换 PDF…")
        sources = [Path(f) for f in result.files if Path(f).suffix.lower() in (".docx", ".xlsx")]
        try:
            result.files.extend(convert_many(sources, self.out_dir))
        except PdfUnavailable as exc:
            result.notes.append(exc.message)
        progress(100, "完成")


