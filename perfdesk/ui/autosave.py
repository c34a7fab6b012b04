"""Autosave to a recovery file after a few seconds of idle; a leftover one means a crash.

Each running window is a *session* with its own files in ``<config>/recovery/``:
``<id>.perfdesk`` (the unsaved report), ``<id>.json`` (the file it belongs to) and
``<id>.lock`` (a QLockFile held while the session runs). The report file is written when
the document is dirty and the user has paused, and removed as soon as the document is
saved or the window closes cleanly. At start-up, report files whose lock is not held by a
live process are what a crash left behind; a second PerfDesk running at the same time
never mistakes the first one's autosave for a crash.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer

from perfdesk import config
from perfdesk.io import FormatError, load_report
from perfdesk.io.atomic import write_text
from perfdesk.io.report_file import dumps
from perfdesk.model import Report
from perfdesk.ui import dialogs
from perfdesk.ui.document import DocumentController

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from perfdesk.ui.file_actions import FileActions

log = logging.getLogger(__name__)

IDLE_MS = 3000


def recovery_dir() -> Path:
    folder = config.recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Leftover:
    """The autosave of a session that did not end cleanly."""

    report_path: Path

    @property
    def meta_path(self) -> Path:
        return self.report_path.with_suffix(".json")

    @property
    def lock_path(self) -> Path:
        return self.report_path.with_suffix(".lock")

    def read(self) -> tuple[Report, Path | None]:
        """The recovered report and the file it was opened from; FormatError if unreadable."""
        report = load_report(self.report_path)
        original: Path | None = None
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
            if meta.get("file"):
                original = Path(meta["file"])
        except (OSError, ValueError):
            pass
        return report, original

    def discard(self) -> None:
        for p in (self.report_path, self.meta_path, self.lock_path):
            try:
                p.unlink(missing_ok=True)
            except OSError as exc:  # pragma: no cover - e.g. a read-only config folder
                log.warning("could not remove %s: %s", p, exc)


def leftovers() -> list[Leftover]:
    """Autosaves of sessions that are no longer running, newest first."""
    found = []
    for report_path in recovery_dir().glob("*.perfdesk"):
        lock = QLockFile(str(report_path.with_suffix(".lock")))
        lock.setStaleLockTime(0)  # judge by the owner's process id, not by age
        if not lock.tryLock(0):
            continue  # another window or PerfDesk is running with it
        lock.unlock()
        found.append(Leftover(report_path))
    found.sort(key=lambda x: x.report_path.stat().st_mtime, reverse=True)
    return found


def offer_recovery(parent: QWidget, files: FileActions) -> bool:
    """After a crash: offer the newest leftover (older ones wait their turn); True if restored.

    The restored report is marked unsaved and keeps the file it belonged to.
    """
    found = leftovers()
    if not found:
        return False
    leftover = found[0]
    try:
        report, original = leftover.read()
    except FormatError as exc:
        dialogs.warning(parent, "无法恢复", f"找到上次未保存的内容，但无法读取：{exc.message}")
        leftover.discard()
        return False
    where = f"（原文件：{original}）" if original else "（尚未保存过的新报告）"
    restore = dialogs.question(
        parent, "恢复未保存的内容",
        f"PerfDesk 上次没有正常关闭，自动保存了未保存的修改{where}。\n是否恢复这些内容？",
        yes="恢复", no="放弃")
    if restore:
        files.restore(report, original)
    leftover.discard()
    return restore


class Autosaver(QObject):
    """Writes this session's recovery file ``idle_ms`` after the last edit while dirty."""

    def __init__(self, doc: DocumentController, idle_ms: int = IDLE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        session = os.urandom(6).hex()
        self.path = recovery_dir() / f"{session}.perfdesk"
        # Locked on the first autosave (before the file exists): nothing to guard until then,
        # and start-up does not wait for the lock file to be written.
        self._lock = QLockFile(str(self.path.with_suffix(".lock")))
        self._lock.setStaleLockTime(0)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.flush)
        doc.changed.connect(self._touched)
        doc.structure_changed.connect(self._touched)
        doc.reset.connect(self._touched)
        doc.dirty_changed.connect(self._dirty_changed)

    def has_file(self) -> bool:
        return self.path.exists()

    def _touched(self, *_args: object) -> None:
        if self.doc.dirty:
            self.timer.start()  # restarted on every change: waits for a pause

    def _dirty_changed(self, dirty: bool) -> None:
        if dirty:
            self.timer.start()
        else:
            self.timer.stop()
            self._remove()

    def flush(self) -> bool:
        """Write the recovery file now if there is unsaved work; True if written."""
        self.timer.stop()
        if not self.doc.dirty:
            return False
        if not self._lock.isLocked() and not self._lock.tryLock(0):  # pragma: no cover
            log.warning("could not lock %s", self.path)
        try:
            write_text(self.path, dumps(self.doc.report))
            meta = {"file": str(self.doc.file_path) if self.doc.file_path else ""}
            write_text(self.path.with_suffix(".json"), json.dumps(meta, ensure_ascii=False))
        except OSError as exc:
            log.error("autosave failed: %s", exc)
            return False
        return True

    def _remove(self) -> None:
        for p in (self.path, self.path.with_suffix(".json")):
            try:
                p.unlink(missing_ok=True)
            except OSError as exc:  # pragma: no cover
                log.warning("could not remove %s: %s", p, exc)

    def stop(self) -> None:
        """Clean shutdown: nothing to recover next time."""
        self.timer.stop()
        self._remove()
        self._lock.unlock()


__all__ = ["Autosaver", "FormatError", "Leftover", "leftovers", "offer_recovery", "recovery_dir"]
