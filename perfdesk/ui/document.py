"""The open report as the GUI sees it: every edit goes through here, undoably.

Pages never mutate the Report directly. They call ``set_value`` / ``insert_item`` /
``remove_item`` / ``move_item`` with a field path (perfdesk.model.paths), listen to
``changed`` to refresh, and the findings are recomputed in the same event-loop turn.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from perfdesk.model import Report, paths
from perfdesk.model.figures import Figures

if TYPE_CHECKING:
    from perfdesk.checks import Checker, Finding

log = logging.getLogger(__name__)

_MERGE_ID = 1001
# Not a catalogue rule: text a field refused (it stays red in the field while the report
# keeps the previous value). Listed with the findings, so output becomes a draft until fixed.
REFUSED_RULE = "R-U01"


class _SetValue(QUndoCommand):
    def __init__(self, doc: DocumentController, path: str, old: Any, new: Any, key: str) -> None:
        super().__init__(f"修改 {key}")
        self.doc, self.path, self.old, self.new, self.key = doc, path, old, new, key

    def redo(self) -> None:
        self.doc._apply(self.path, self.new)

    def undo(self) -> None:
        self.doc._apply(self.path, self.old)

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing into one field makes one undo step, not one per keystroke.
        if isinstance(other, _SetValue) and other.key == self.key:
            self.new = other.new
            return True
        return False


class _ListEdit(QUndoCommand):
    """Insert, remove or move one item of a list field; undo restores the old list."""

    def __init__(self, doc: DocumentController, list_path: str, new_list: list[Any], text: str) -> None:
        super().__init__(text)
        self.doc, self.list_path = doc, list_path
        self.old = list(paths.get(doc.report, list_path))
        self.new = new_list

    def redo(self) -> None:
        self.doc._apply_list(self.list_path, list(self.new))

    def undo(self) -> None:
        self.doc._apply_list(self.list_path, list(self.old))


class DocumentController(QObject):
    changed = Signal(str)  # a value at this path changed (edit, undo, redo)
    structure_changed = Signal(str)  # the list at this path gained/lost/reordered items
    reset = Signal()  # a different report was loaded (new/open/recover)
    findings_changed = Signal()
    dirty_changed = Signal(bool)
    file_changed = Signal()  # file path changed (save as, open)

    def __init__(self, report: Report | None = None, parent: QObject | None = None, *,
                 defer_checks: bool = False) -> None:
        super().__init__(parent)
        self.report: Report = report if report is not None else Report()
        self.file_path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._unsaved_recovery = False  # recovered work counts as unsaved until saved
        self.findings: list[Finding] = []  # the refused inputs, then the check engine's
        self._checked: list[Finding] = []
        self.refused: dict[str, str] = {}  # field path -> why its text was refused
        self._checker: Checker | None = None  # incremental: an edit re-runs only what it affects
        self.revision = 0  # +1 for every change of the report (edit, undo, redo, load)
        self._figures: tuple[int, Figures] | None = None
        # With defer_checks the first check waits for run_pending_checks() (the window calls it
        # once it is on screen) or for the first edit, whichever comes first.
        self.checks_pending = defer_checks
        self._recheck()

    # --- reading -------------------------------------------------------------------------
    def get(self, path: str) -> Any:
        return paths.get(self.report, path)

    @property
    def figures(self) -> Figures:
        """Every total, rate and score of the report as it is now (derived once per revision)."""
        if self._figures is None or self._figures[0] != self.revision:
            self._figures = (self.revision, Figures.of(self.report))
        return self._figures[1]

    @property
    def dirty(self) -> bool:
        return self._unsaved_recovery or not self.undo_stack.isClean()

    # --- editing (undoable) ----------------------------------------------------------------
    def set_value(self, path: str, value: Any, *, key: str | None = None) -> None:
        """Set the field at ``path``; consecutive edits of one field (``key``, the path
        unless given: one entry of a dict field) make one undo step."""
        try:
            old = paths.get(self.report, path)
        except (IndexError, KeyError, AttributeError):
            # A field still bound to an item that an undo or a delete just removed (its
            # focus-out commits late): there is nothing left to write to.
            log.info("edit of %s dropped: the item no longer exists", path)
            return
        if old == value and type(old) is type(value):
            return
        self.undo_stack.push(_SetValue(self, path, copy.deepcopy(old), value, key or path))

    def set_values(self, values: dict[str, Any], text: str) -> None:
        """Several fields in one undo step (a block pasted into a grid)."""
        self.undo_stack.beginMacro(text)
        try:
            for path, value in values.items():
                self.set_value(path, value)
        finally:
            self.undo_stack.endMacro()

    def insert_item(self, list_path: str, index: int, item: Any) -> None:
        items = list(paths.get(self.report, list_path))
        items.insert(index, item)
        self.undo_stack.push(_ListEdit(self, list_path, items, "添加"))

    def remove_item(self, list_path: str, index: int) -> None:
        items = list(paths.get(self.report, list_path))
        del items[index]
        self.undo_stack.push(_ListEdit(self, list_path, items, "删除"))

    def move_item(self, list_path: str, src: int, dst: int) -> None:
        items = list(paths.get(self.report, list_path))
        items.insert(dst, items.pop(src))
        self.undo_stack.push(_ListEdit(self, list_path, items, "移动"))

    def replace_list(self, list_path: str, items: list[Any], text: str = "粘贴") -> None:
        """One undo step for a bulk change (paste of several rows, reorder)."""
        self.undo_stack.push(_ListEdit(self, list_path, list(items), text))

    # --- whole document --------------------------------------------------------------------
    def load(self, report: Report, file_path: Path | None, *, dirty: bool = False) -> None:
        self.report = report
        self.revision += 1
        self.file_path = file_path
        self.refused.clear()
        self.undo_stack.clear()
        self._unsaved_recovery = dirty
        self._recheck()
        self.reset.emit()
        self.file_changed.emit()
        self.dirty_changed.emit(self.dirty)

    def mark_saved(self, file_path: Path) -> None:
        self.file_path = file_path
        self._unsaved_recovery = False
        self.undo_stack.setClean()
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
    def _publish(self) -> None:
        refused = []
        if self.refused:
            from perfdesk.checks.finding import ERROR, Finding

            refused = [Finding(REFUSED_RULE, ERROR,
                               f"这里输入的内容未被接受：{why}。报告中仍是原来的值；"
                               "请改正，或在该处按 Esc 恢复原值。", (path,))
                       for path, why in self.refused.items()]
        self.findings = refused + self._checked
        self.findings_changed.emit()

    def _on_clean_changed(self, _clean: bool) -> None:
        try:
            self.dirty_changed.emit(self.dirty)
        except RuntimeError:  # the stack is being destroyed with the controller
            pass

    def _apply(self, path: str, value: Any) -> None:
        paths.set(self.report, path, copy.deepcopy(value))
        self.revision += 1
        self._recheck(path)
        self.changed.emit(path)

    def _apply_list(self, list_path: str, items: list[Any]) -> None:
        paths.set(self.report, list_path, items)
        self.revision += 1
        self._recheck(list_path)
        self.structure_changed.emit(list_path)

    def run_pending_checks(self) -> None:
        if self.checks_pending:
            self.checks_pending = False
            self._recheck()

    def _recheck(self, path: str | None = None) -> None:
        if self.checks_pending:
            if path is None:
                self._checked = []
                self._publish()
                return
            self.checks_pending, path = False, None  # an edit: check everything now
        from perfdesk.checks import Checker  # the engine loads after the first frame

        if self._checker is None:
            from perfdesk.render.templates import traits_of

            self._checker, path = Checker(traits_of), None
        try:
            if path is None:
                self._checked = self._checker.check(self.report, self.figures)
            else:
                self._checked = self._checker.recheck(self.report, path, self.figures)
        except Exception as exc:  # the engine itself failed (a rule's failure is R-U02 already)
            log.exception("checking the report failed")
            self._checker = None  # start afresh on the next edit
            from perfdesk.checks.engine import FAILED_RULE
            from perfdesk.checks.finding import ERROR, Finding

            self._checked = [Finding(FAILED_RULE, ERROR,
                                     f"审核未完成：审核程序出错（{type(exc).__name__}），"
                                     "当前显示的审核结果不完整，报告只能生成草稿。"
                                     "请保存后重新打开；若问题依旧，请把日志文件发给技术支持。")]
        self._publish()
