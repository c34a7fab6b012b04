"""Chinese reasons for operating-system file errors (``OSError``).

``exc.strerror`` is English ("Permission denied") or in the Windows display language, and
means nothing to the user; ``describe`` says in Chinese what went wrong and what to do.
Used by saving (io.report_file), writing outputs (render.output) and reading files.
"""

from __future__ import annotations

import errno
from pathlib import Path

# Windows error codes (exc.winerror) that Python maps to an errno too vague to explain:
# a sharing violation becomes EACCES, a write-protected USB stick EACCES, an unplugged
# drive or a dropped network share ENOENT/EINVAL.
_WIN_LOCKED = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_WRITE_PROTECT = 19  # ERROR_WRITE_PROTECT
_WIN_NOT_READY = {21}  # ERROR_NOT_READY: drive removed
_WIN_NETWORK = {51, 53, 59, 64, 67, 1231}  # network path gone or unreachable
_WIN_TOO_LONG = 206  # ERROR_FILENAME_EXCED_RANGE
_WIN_BAD_NAME = 123  # ERROR_INVALID_NAME
_WIN_DISK_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL

LOCKED = "文件被其他程序占用（可能正在 Word、WPS 或 Excel 中打开）。请先关闭该文件，再重试。"


def _errno_set(*names: str) -> set[int]:
    """errno values by name, skipping those this platform lacks (EDQUOT, ETXTBSY on Windows)."""
    return {getattr(errno, n) for n in names if hasattr(errno, n)}


_ACCESS = _errno_set("EACCES", "EPERM")
_FULL = _errno_set("ENOSPC", "EDQUOT")
_BUSY = _errno_set("EBUSY", "ETXTBSY")


def is_locked(exc: OSError) -> bool:
    """True when another program holds the file open (Windows sharing violation, EBUSY)."""
    return getattr(exc, "winerror", None) in _WIN_LOCKED or exc.errno in _BUSY


def _blocking_file(filename: object) -> Path | None:
    """For ENOTDIR: the part of the path that is a file where a folder should be."""
    if not filename:
        return None
    try:
        path = Path(str(filename))
        for part in reversed([path, *path.parents]):
            if part.exists() and not part.is_dir():
                return part
    except (OSError, ValueError):
        pass
    return None


def describe(exc: OSError, *, reading: bool = False) -> str:
    """Why ``exc`` happened and what to do, in Chinese: whole sentences ending in '。'.

    ``reading`` adjusts the wording for opening a file rather than writing one. Unknown
    errors get a general sentence with the system's own text in parentheses for support.
    """
    code = exc.errno
    win = getattr(exc, "winerror", None)
    if is_locked(exc):
        return LOCKED
    if win == _WIN_WRITE_PROTECT or code == errno.EROFS:
        return ("该位置是只读的（只读磁盘，或U盘处于写保护状态）。"
                "请换一个文件夹，或拨开U盘侧面的写保护开关后重试。")
    if win in _WIN_DISK_FULL or code in _FULL:
        return "磁盘空间不足（磁盘已满）。请清理磁盘空间，或换一个磁盘后重试。"
    if win in _WIN_NOT_READY:
        return "磁盘未就绪，U盘可能已拔出。请重新插好U盘，或换一个文件夹。"
    if win in _WIN_NETWORK:
        return "网络盘已断开或无法访问。请检查网络连接后重试，或换一个本机文件夹。"
    if win == _WIN_TOO_LONG or code == errno.ENAMETOOLONG:
        return "文件名或路径太长。请缩短文件名，或换一个层级较浅的文件夹（如桌面）。"
    if win == _WIN_BAD_NAME or code == errno.EINVAL:
        return ('文件名含有不允许的字符（如 \\ / : * ? " < > |）。'
                "请修改文件名，或换一个文件夹。")
    if code in _ACCESS or isinstance(exc, PermissionError):
        if reading:
            return "没有读取权限。请把文件复制到自己的文件夹后再打开，或请管理员开放权限。"
        return "没有写入权限（文件夹或文件可能是只读的）。请换一个文件夹，或请管理员开放写入权限。"
    if code == errno.ENOTDIR:
        blocker = _blocking_file(exc.filename)
        where = f"“{blocker}”" if blocker is not None else "中有一处"
        return (f"路径{where}是一个文件而不是文件夹（有同名文件）。"
                "请换一个文件夹，或把该文件改名。")
    if code == errno.EISDIR:
        return "该名字已被一个文件夹占用。请换一个文件名。"
    if code == errno.ENOENT:
        if reading:
            return "文件不存在或已被移走（U盘可能已拔出）。请确认文件位置后重新选择。"
        return "文件夹不存在或已被移走（U盘可能已拔出）。请重新选择文件夹。"
    if code == errno.EEXIST:
        return "已经有同名的文件或文件夹。请换一个名字，或先把它移走。"
    if code == errno.EIO:
        return "读写出错，U盘或网络盘可能已断开。请检查连接后重试，或换一个磁盘。"
    detail = exc.strerror or str(exc) or type(exc).__name__
    if code is not None:
        detail = f"errno {code}，{detail}"
    return (f"系统报告了文件错误。请换一个文件夹重试；如仍不行，请把本提示告诉技术支持"
            f"（系统信息：{detail}）。")
