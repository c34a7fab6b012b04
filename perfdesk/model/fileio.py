"""Reading and writing ``.perfdesk`` files (UTF-8 JSON; see docs/file-format.md).

Opening never modifies the file and turns every problem into a ``FormatError`` with a
Chinese message; saving is atomic (temporary file, fsync, replace) and keeps the previous
version beside it as ``<name>.bak``.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfdesk.model import oserrors
from perfdesk.model.codec import FormatError, decode, encode
from perfdesk.model.report import Report

FORMAT_NAME = "perfdesk-report"
FORMAT_VERSION = 1
EXTENSION = ".perfdesk"

# version N -> function turning a version-N document dict into version N+1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


class SaveError(OSError):
    """Writing failed; ``message`` is Chinese, says why and what to do. Nothing was lost."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def dumps(report: Report) -> str:
    """The file text: stable key order and Decimal text, so equal reports give equal bytes."""
    doc = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": encode(report)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _json_error_message(exc: json.JSONDecodeError) -> str:
    return (
        f"文件内容不是完整的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）。"
        "文件可能已损坏或未保存完整，可尝试打开同目录下的 .bak 备份文件。"
    )


def loads(text: str) -> Report:
    """Parse file text into a Report, migrating older versions; FormatError otherwise."""
    if not text.strip():
        raise FormatError("文件是空的，不是 PerfDesk 报告文件。")
    try:
        doc = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise FormatError(_json_error_message(exc)) from exc
    except RecursionError as exc:
        raise FormatError("文件嵌套层次过深，不是 PerfDesk 报告文件。") from exc
    if not isinstance(doc, dict) or "format" not in doc:
        raise FormatError("这不是 PerfDesk 报告文件（缺少 format 标记）。请选择 .perfdesk 文件。")
    if doc["format"] != FORMAT_NAME:
        raise FormatError(
            f"这不是 PerfDesk 报告文件（format 为“{doc['format']}”，应为“{FORMAT_NAME}”）。",
            "format",
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise FormatError("文件缺少有效的版本号（version），无法判断格式。", "version")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"此文件由更新版本的 PerfDesk 保存（文件格式第 {version} 版，本程序只支持到第 "
            f"{FORMAT_VERSION} 版）。请升级 PerfDesk 后再打开；文件未作任何改动。",
            "version",
        )
    doc = migrate(doc)
    if "report" not in doc:
        raise FormatError("文件缺少报告内容（report）。", "report")
    report: Report = decode(Report, doc["report"], "report")
    return report


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Apply registered migrations until the document is at FORMAT_VERSION."""
    while doc["version"] < FORMAT_VERSION:
        step = MIGRATIONS.get(doc["version"])
        if step is None:
            raise FormatError(f"不支持的旧版文件格式（第 {doc['version']} 版）。", "version")
        doc = step(dict(doc))
    return doc


def load_report(path: str | os.PathLike[str]) -> Report:
    """Open a report file. Raises FormatError (Chinese) for anything unreadable."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise FormatError(f"找不到文件：{p}") from exc
    except IsADirectoryError as exc:
        raise FormatError(f"“{p}”是文件夹，不是报告文件。") from exc
    except PermissionError as exc:
        if oserrors.is_locked(exc):
            raise FormatError(f"读取“{p}”失败：{oserrors.LOCKED}") from exc
        raise FormatError(f"没有权限读取“{p}”。请检查文件权限或以有权限的账户打开。") from exc
    except OSError as exc:
        raise FormatError(f"读取“{p}”失败：{oserrors.describe(exc, reading=True)}") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Notepad on Windows adds a BOM
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(
            "文件不是文本格式（可能是 Word、Excel 或其他二进制文件），不是 PerfDesk 报告文件。"
            "若要从 Excel 附件导入，请用菜单“文件 › 从 Excel 附件导入”（命令行：perfdesk import）。"
        ) from exc
    if "\x00" in text:
        raise FormatError("文件含有二进制内容，不是 PerfDesk 报告文件。")
    return loads(text)


def save_report(report: Report, path: str | os.PathLike[str], *, backup: bool = True) -> None:
    """Write atomically: temp file in the same folder, fsync, replace; old file → .bak."""
    write_text_atomic(Path(path), dumps(report), backup=backup)


def _save_error(exc: OSError, target: Path) -> SaveError:
    return SaveError(f"保存“{target.name}”失败：{oserrors.describe(exc)}原文件未被改动。")


def new_file_mode(existing: Path | None = None) -> int:
    """Permissions for a file written via mkstemp (which creates it 0600).

    Keep an existing file's mode; otherwise what the user's umask gives a new file.
    """
    if existing is not None:
        try:
            return existing.stat().st_mode & 0o7777
        except OSError:
            pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def remove_temp(path: str | os.PathLike[str]) -> None:
    """Delete a temporary file quietly, even a read-only one (Windows refuses to delete it)."""
    p = Path(path)
    try:
        p.unlink(missing_ok=True)
    except PermissionError:
        try:
            os.chmod(p, stat.S_IREAD | stat.S_IWRITE)
            p.unlink(missing_ok=True)
        except OSError:
            pass
    except OSError:
        pass


def _writable_backup(bak: Path) -> Path:
    """A .bak copied from a read-only report is read-only too; on Windows that would block
    every later backup (and so every save) once the report itself is writable again."""
    try:
        mode = bak.stat().st_mode
    except OSError:
        return bak
    if not mode & stat.S_IWRITE:
        try:
            os.chmod(bak, stat.S_IMODE(mode) | stat.S_IWRITE)
        except OSError:
            pass
    return bak


def write_text_atomic(target: Path, text: str, *, backup: bool = True) -> None:
    """Atomic replace of ``target`` with ``text`` (UTF-8); raises SaveError on failure."""
    target = Path(target)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, new_file_mode(target))
        if backup and target.exists():
            shutil.copy2(target, _writable_backup(target.with_name(target.name + ".bak")))
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise _save_error(exc, target) from exc
    finally:
        if tmp_name is not None:
            remove_temp(tmp_name)
