"""What the 生成与打印 page needs besides widgets: the worker thread, open and print.

perfdesk.render (and through it docxtpl/openpyxl) is imported inside the worker only.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from perfdesk.model import Report
from perfdesk.model.oserrors import describe

log = logging.getLogger(__name__)
DEFAULT_TEMPLATE = "标准版"
NO_ASSOCIATION = 1155  # Windows ERROR_NO_ASSOCIATION: no program prints this file type


def template_names() -> list[str]:
    from perfdesk.render.templates import list_templates

    try:
        names = [t.name for t in list_templates()]
    except Exception:  # a broken user template folder must not break the page
        log.exception("listing templates failed")
        names = []
    return names or [DEFAULT_TEMPLATE]


def soffice() -> str | None:
    """LibreOffice's soffice, wherever this machine has it (also under Program Files)."""
    from perfdesk.render.pdf import find_soffice

    return find_soffice()


def pdf_available() -> bool:
    return sys.platform == "win32" or soffice() is not None


def open_url(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_file(path: Path) -> str:
    """Send ``path`` to the default printer; '' on success, else a Chinese explanation."""
    if sys.platform == "win32":
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
        except OSError as exc:
            if getattr(exc, "winerror", None) == NO_ASSOCIATION:
                why = f"此电脑上没有能打印 {path.suffix} 文件的程序。"
            else:
                why = describe(exc, reading=True)
            return f"无法打印“{path.name}”：{why}可以点“打开报告”，在 Word 或 WPS 中打印。"
        return ""
    office = soffice()
    if office is None:
        return "此电脑上没有找到可用于打印的程序（LibreOffice）。请点“打开报告”，在 Word 或 WPS 中打印。"
    try:
        subprocess.Popen([office, "--headless", "-p", str(path)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as exc:
        return f"无法启动 LibreOffice 打印：{describe(exc, reading=True)}"
    return ""


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

            if not self.rename:
                result = render_all(self.report, self.out_dir, findings=self.findings,
                                    progress=progress, **self.options)
            else:  # write beside the locked files under new names
                self.out_dir.mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryDirectory(prefix=".perfdesk-", dir=self.out_dir) as tmp:
                    result = render_all(self.report, tmp, findings=self.findings,
                                        progress=progress, **self.options)
                    moved = []
                    for f in result.files:
                        target = unique_name(self.out_dir, f.name)
                        os.replace(f, target)
                        moved.append(target)
                    result.files = moved
        except Exception as exc:
            log.exception("generation failed")
            self.failed.emit(exc)
            return
        self.done.emit(result)


