"""Writing output files safely: temp file + replace, with Chinese errors for a locked file.

Word and Excel keep the files they have open locked on Windows; writing then fails with a
permission error, and the user must be told to close the file (or pick another name).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from perfdesk.io.atomic import TempFileError, write_atomic
from perfdesk.io.oserrors import describe, is_locked


class OutputError(OSError):
    """An output file could not be written. ``message`` is Chinese and says what to do."""

    def __init__(self, message: str, path: Path, locked: bool = False) -> None:
        self.message = message
        self.path = path
        self.locked = locked
        super().__init__(message)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# Names Windows reserves for devices, with or without an extension ("CON.docx" too).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
             *(f"LPT{i}" for i in range(10))}


# Linux file systems allow 255 bytes per name, and a Chinese character takes 3 in UTF-8;
# keep the stem well under that so suffixes such as "（附件）.xlsx" still fit.
MAX_STEM_BYTES = 180


def safe_filename(name: str) -> str:
    """A file name valid on Windows and Linux (unit names may contain '/' or ':').

    Windows also refuses names ending in a dot or a space and the device names CON, NUL,
    COM1 … (whatever the extension). Long names are cut to ``MAX_STEM_BYTES`` of UTF-8.
    """
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")[:150]
    while len(cleaned.encode("utf-8")) > MAX_STEM_BYTES:
        cleaned = cleaned[:-1]
    cleaned = cleaned.rstrip(". ")
    if cleaned.split(".", 1)[0].strip().upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned or "报告"


def write_file(target: Path, writer: Callable[[Path], object]) -> Path:
    """Let ``writer`` produce the file, written atomically (``atomic.write_atomic``)."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"无法创建输出文件夹“{target.parent}”：{describe(exc)}", target) from exc
    try:
        return write_atomic(target, writer)
    except TempFileError as exc:  # read-only folder, network share without write access, full disk
        raise OutputError(f"无法在文件夹“{target.parent}”中写入文件：{describe(exc.cause)}",
                          target) from exc
    except OSError as exc:
        if is_locked(exc) or (isinstance(exc, PermissionError) and target.exists()):
            # Windows refuses to replace a file open in Word/WPS/Excel (sharing violation,
            # or plain "access denied", as for a read-only file); the user can close it,
            # or write under a new name.
            maybe = "" if is_locked(exc) else "，或被设为只读"
            raise OutputError(
                f"无法写入“{target.name}”：文件可能正在 Word、WPS 或 Excel 中打开{maybe}。"
                "请关闭该文件后重试，或换一个文件名。",
                target,
                locked=True,
            ) from exc
        raise OutputError(f"无法写入“{target.name}”：{describe(exc)}", target) from exc
