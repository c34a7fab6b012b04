"""The one way PerfDesk writes a file: a temporary file beside the target, fsync, replace.

Every writer goes through ``write_atomic``: report files, their ``.bak`` backups, the
recovery copy, the Word report and the Excel 附件. A reader therefore always finds either
the old file or the new one, never a torn one, whatever happens during the write (a kill,
a full disk, a power cut after the fsync). Temporary files are named ``.<target>.<random>.tmp``
so that one left by a killed write is recognised and removed by the next write of the same
target. A symbolic link is written through: the file it points to is replaced, the link stays.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


class TempFileError(OSError):
    """The temporary file could not even be created: the folder refuses new files (read-only,
    no permission, full). Nothing was touched. ``cause`` is the system's own error."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror, cause.filename)
        self.cause = cause


def temp_prefix(target: Path) -> str:
    return f".{target.name}."


def is_temp_file(path: Path) -> bool:
    """A temporary file of ``write_atomic`` (never listed or opened as a report)."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


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


def remove_stale_temps(target: Path) -> None:
    """Temporary files a killed earlier write of ``target`` left behind."""
    try:
        leftovers = list(target.parent.glob(f"{_glob_escape(temp_prefix(target))}*{TEMP_SUFFIX}"))
    except OSError:
        return
    for p in leftovers:
        remove_temp(p)


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def real_target(target: Path) -> Path:
    """The file a write of ``target`` replaces: a symbolic link's target, else ``target``."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _fsync_path(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # NTFS makes the rename durable itself; directories cannot be opened
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some network file systems refuse; the data itself is already synced
        pass
    finally:
        os.close(fd)


def _make_writable(path: Path) -> None:
    """A read-only ``.bak`` (copied from a read-only report) would block every later backup
    on Windows, where a read-only file cannot be replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not mode & stat.S_IWRITE:
        try:
            os.chmod(path, stat.S_IMODE(mode) | stat.S_IWRITE)
        except OSError:
            pass


def backup_path(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


def write_atomic(target: str | os.PathLike[str], write: Callable[[Path], object], *,
                 backup: bool = False) -> Path:
    """Replace ``target`` with the file ``write(tmp)`` produces; returns ``target``.

    With ``backup``, the current file is first copied to ``<name>.bak`` the same way, so the
    backup too is always whole: the previous backup until the new one is complete. Raises
    OSError (nothing replaced, nothing left behind) when any step fails; TempFileError when
    the folder does not take new files at all.
    """
    target = Path(target)
    real = real_target(target)
    remove_stale_temps(real)
    try:
        fd, name = tempfile.mkstemp(prefix=temp_prefix(real), suffix=TEMP_SUFFIX, dir=real.parent)
    except OSError as exc:
        raise TempFileError(exc) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        _fsync_path(tmp)
        existing = real if real.exists() else None
        os.chmod(tmp, new_file_mode(existing))
        if backup and existing is not None:
            bak = backup_path(real)
            _make_writable(bak)
            write_atomic(bak, lambda t: shutil.copyfile(existing, t))
        os.replace(tmp, real)
        _fsync_dir(real.parent)
    finally:
        remove_temp(tmp)  # nothing to do once it has been renamed
    return target


def write_text(target: str | os.PathLike[str], text: str, *, backup: bool = False) -> Path:
    """``write_atomic`` of UTF-8 text with ``\\n`` line ends."""
    data = text.encode("utf-8")
    return write_atomic(target, lambda tmp: tmp.write_bytes(data), backup=backup)
