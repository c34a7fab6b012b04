"""Printing the written report through the machine's own programs (no Qt).

On Windows the file's associated program prints it (Word or WPS for .docx); elsewhere
LibreOffice does. Returns what went wrong in Chinese, or "" when the file was handed over.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from perfdesk.io.oserrors import describe
from perfdesk.office.pdf import find_soffice as soffice

NO_ASSOCIATION = 1155  # Windows ERROR_NO_ASSOCIATION: no program prints this file type


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
