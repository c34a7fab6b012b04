"""Autosave to a recovery file after a few seconds of idle; a leftover one means a crash.

The recovery file (``recovery.perfdesk`` in the config folder, plus ``recovery.json`` naming
the file it belongs to) is written when the document is dirty and the user has paused,
and deleted as soon as the document is saved or the program closes cleanly.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from perfdesk.model import FormatError, Report, load_report
from perfdesk.model.fileio import SaveError, dumps, write_text_atomic
from perfdesk.ui import settings
from perfdesk.ui.document import DocumentController

log = logging.getLogger(__name__)

IDLE_MS = 3000


def _meta_path() -> Path:
    return settings.recovery_path().with_suffix(".json")


def has_recovery() -> bool:
    return settings.recovery_path().exists()


def read_recovery() -> tuple[Report, Path | None]:
    """The recovered report and the file it was opened from; FormatError if unreadable."""
    report = load_report(settings.recovery_path())
    original: Path | None = None
    try:
        meta = json.loads(_meta_path().read_text(encoding="utf-8"))
        if meta.get("file"):
            original = Path(meta["file"])
    except (OSError, ValueError):
        pass
    return report, original


def discard_recovery() -> None:
    for p in (settings.recovery_path(), _meta_path()):
        try:
            p.unlink(missing_ok=True)
        except OSError as exc:  # pragma: no cover - e.g. a read-only config folder
            log.warning("could not remove %s: %s", p, exc)


class Autosaver(QObject):
    """Writes the recovery file ``IDLE_MS`` after the last edit while the doc is dirty."""

    def __init__(self, doc: DocumentController, idle_ms: int = IDLE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.flush)
        doc.changed.connect(self._touched)
        doc.structure_changed.connect(self._touched)
        doc.reset.connect(self._touched)
        doc.dirty_changed.connect(self._dirty_changed)

    def _touched(self, *_args: object) -> None:
        if self.doc.dirty:
            self.timer.start()  # restarted on every change: waits for a pause

    def _dirty_changed(self, dirty: bool) -> None:
        if dirty:
            self.timer.start()
        else:
            self.timer.stop()
            discard_recovery()

    def flush(self) -> bool:
        """Write the recovery file now if there is unsaved work; True if written."""
        self.timer.stop()
        if not self.doc.dirty:
            return False
        try:
            write_text_atomic(settings.recovery_path(), dumps(self.doc.report), backup=False)
            meta = {"file": str(self.doc.file_path) if self.doc.file_path else ""}
            _meta_path().write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        except (SaveError, OSError) as exc:
            log.error("autosave failed: %s", exc)
            return False
        return True

    def stop(self) -> None:
        """Clean shutdown: nothing to recover next time."""
        self.timer.stop()
        discard_recovery()


__all__ = ["Autosaver", "FormatError", "discard_recovery", "has_recovery", "read_recovery"]
