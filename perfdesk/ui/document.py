"""The open report as the GUI sees it: a thin Qt adapter over ``model.document.Document``.

The pure document holds the report, applies every edit, keeps the undo history and
announces each change; ``checks.live.LiveChecks`` follows it. This controller only turns
those events into Qt signals, mirrors the history in a QUndoStack (for the 撤销/重做 actions
and the clean state) and adds what only the GUI has: the file path, the refused entries of
fields (R-U01) and the 'recovered, not yet saved' state.

Pages never mutate the Report directly: they call ``set_value`` / ``insert_item`` /
``remove_item`` / ``move_item`` / ``replace_list`` with a field path, listen to ``changed``,
``structure_changed`` (and, for row-exact table models, ``list_about_to_change`` /
``list_changed``), and the findings are recomputed in the same event-loop turn.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from perfdesk.model import Report
from perfdesk.model.document import (
    Changing,
    Document,
    Edit,
    Event,
    ListChanged,
    Recorded,
    Reset,
    SetValue,
    ValueChanged,
)
from perfdesk.model.figures import Figures
from perfdesk.model.vocabulary import Severity

if TYPE_CHECKING:
    from perfdesk.checks import Finding
    from perfdesk.checks.live import LiveChecks

log = logging.getLogger(__name__)

_MERGE_ID = 1001
# Not a catalogue rule: text a field refused (it stays red in the field while the report
# keeps the previous value). Listed with the findings, so output becomes a draft until fixed.
REFUSED_RULE = "R-U01"


class _Step(QUndoCommand):
    """One undo step of the document, mirrored in the QUndoStack.

    The document has applied the edit already when the step is pushed, and QUndoStack.push()
    calls redo() at once: that first call does nothing, so an edit is never applied twice.
    """

    def __init__(self, doc: Document, edit: Edit, merged: bool) -> None:
        super().__init__(edit.text)
        self.doc, self.edit, self.merged = doc, edit, merged
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.doc.redo()

    def undo(self) -> None:
        self.doc.undo()

    def id(self) -> int:
        return _MERGE_ID if isinstance(self.edit, SetValue) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # The document decides (same field, not across the clean state); Qt follows.
        return isinstance(other, _Step) and other.merged and other.edit is self.edit


class DocumentController(QObject):
    changed = Signal(str)  # a value at this path changed (edit, undo, redo)
    structure_changed = Signal(str)  # the list at this path gained/lost/reordered items
    list_about_to_change = Signal(object)  # a model.document.ListChanged, before it happens
    list_changed = Signal(object)  # … and after
    reset = Signal()  # a different report was loaded (new/open/recover)
    findings_changed = Signal()
    dirty_changed = Signal(bool)
    file_changed = Signal()  # file path changed (save as, open)

    def __init__(self, report: Report | None = None, parent: QObject | None = None, *,
                 defer_checks: bool = False) -> None:
        super().__init__(parent)
        self.document = Document(report)
        self.file_path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._unsaved_recovery = False  # recovered work counts as unsaved until saved
        self.findings: list[Finding] = []  # the refused inputs, then the check engine's
        self.refused: dict[str, str] = {}  # field path -> why its text was refused
        self._live: LiveChecks | None = None  # created on the first check (after the first frame)
        self._defer = defer_checks
        self.document.subscribe(self._on_event)
        if not defer_checks:
            self._start_checks()

    # --- reading -------------------------------------------------------------------------
    @property
    def report(self) -> Report:
        return self.document.report

    def get(self, path: str) -> Any:
        return self.document.get(path)

    @property
    def figures(self) -> Figures:
        """Every total, rate and score of the report as it is now (one per revision)."""
        return self.document.figures

    @property
    def revision(self) -> int:
        return self.document.revision

    @property
    def dirty(self) -> bool:
        return self._unsaved_recovery or not self.undo_stack.isClean()

    # --- checking --------------------------------------------------------------------------
    @property
    def checks_pending(self) -> bool:
        """The first check has not run yet (it waits for the first frame, or an edit)."""
        return self._live is None or self._live.pending

    def run_pending_checks(self) -> None:
        if self._live is None:
            self._start_checks()
        else:
            self._live.run_pending()

    def findings_now(self) -> list[Finding]:
        """The findings for the report as it is now: re-checked first if they are stale
        (generation never decides draft or final from findings of an earlier revision)."""
        if self._live is None:
            self._start_checks()
        assert self._live is not None
        if self._live.stale:
            self._live.run()
        return self.findings

    def _start_checks(self) -> None:
        from perfdesk.checks.live import LiveChecks  # the engine loads after the first frame
        from perfdesk.render.templates import traits_of

        self._live = LiveChecks(self.document, traits_of, deferred=True, on_update=self._publish)
        self._live.run()

    # --- editing (undoable) ----------------------------------------------------------------
    def set_value(self, path: str, value: Any, *, key: str | None = None) -> None:
        """Set the field at ``path``; consecutive edits of one field (``key``, the path
        unless given: one entry of a dict field) make one undo step."""
        self._ensure_checks()
        self.document.set_value(path, value, key=key, text=f"修改 {key or path}")

    def set_values(self, values: dict[str, Any], text: str) -> None:
        """Several fields in one undo step (a block pasted into a grid)."""
        self._ensure_checks()
        self.document.set_values(values, text)

    def insert_item(self, list_path: str, index: int, item: Any, text: str = "添加") -> None:
        self._ensure_checks()
        self.document.insert_item(list_path, index, item, text)

    def remove_item(self, list_path: str, index: int, text: str = "删除") -> None:
        self._ensure_checks()
        self.document.remove_item(list_path, index, text)

    def move_item(self, list_path: str, src: int, dst: int, text: str = "移动") -> None:
        self._ensure_checks()
        self.document.move_item(list_path, src, dst, text)

    def replace_list(self, list_path: str, items: list[Any], text: str = "粘贴") -> None:
        """One undo step for a bulk change (paste of several rows, reorder)."""
        self._ensure_checks()
        self.document.replace_list(list_path, items, text)

    def _ensure_checks(self) -> None:
        if self._live is None:  # an edit never waits for the deferred first check
            self._start_checks()

    # --- whole document --------------------------------------------------------------------
    def load(self, report: Report, file_path: Path | None, *, dirty: bool = False) -> None:
        self.file_path = file_path
        self.refused.clear()
        self.undo_stack.clear()
        self._unsaved_recovery = dirty
        self.document.load(report)
        if self._live is None:
            self._publish()
        self.file_changed.emit()
        self.dirty_changed.emit(self.dirty)

    def mark_saved(self, file_path: Path) -> None:
        self.file_path = file_path
        self._unsaved_recovery = False
        self.undo_stack.setClean()
        self.document.mark_clean()
        self.file_changed.emit()
        self.dirty_changed.emit(False)

    def set_refused(self, path: str, message: str) -> None:
        """A field at ``path`` refused its text (``message`` says why), or "" once it no
        longer does (corrected, or Esc brought the value back)."""
        if message:
            if self.refused.get(path) == message:
                return
            self.refused[path] = message
        elif self.refused.pop(path, None) is None:
            return
        self._publish()

    # --- internals -------------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if isinstance(event, Recorded):
            self.undo_stack.push(_Step(self.document, event.edit, event.merged))
        elif isinstance(event, Changing):
            if isinstance(event.change, ListChanged):
                self.list_about_to_change.emit(event.change)
        elif isinstance(event, ValueChanged):
            self.changed.emit(event.path)
        elif isinstance(event, ListChanged):
            self.list_changed.emit(event)
            self.structure_changed.emit(event.path)
        elif isinstance(event, Reset):
            self.reset.emit()

    def _publish(self) -> None:
        from perfdesk.checks.finding import Finding

        refused = [Finding(REFUSED_RULE, Severity.ERROR,
                           f"这里输入的内容未被接受：{why}。报告中仍是原来的值；"
                           "请改正，或在该处按 Esc 恢复原值。", (path,))
                   for path, why in self.refused.items()]
        checked = self._live.findings if self._live is not None else []
        self.findings = refused + checked
        self.findings_changed.emit()

    def _on_clean_changed(self, _clean: bool) -> None:
        try:
            self.dirty_changed.emit(self.dirty)
        except RuntimeError:  # the stack is being destroyed with the controller
            pass
