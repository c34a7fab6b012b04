"""The open report as an observable document: every edit, its undo and redo, in pure Python.

All changes of a report go through a ``Document``: ``set_value``, ``insert_item``,
``remove_item``, ``move_item``, ``replace_list`` (each one undo step; ``macro`` groups
several), ``undo``/``redo`` and ``load``. Each change is announced to the subscribers as a
typed event — ``Changing`` just before the report changes, then ``ValueChanged``,
``ListChanged`` or ``Reset`` — and every recorded edit as ``Recorded``. The check engine
subscribes (``checks.live``), so the command line and the tests get incremental checking
without Qt; the GUI's controller is an adapter that turns the events into Qt signals and
mirrors the history in a QUndoStack.

Consecutive edits of one field (the same ``key``) merge into one undo step, except across
the clean state (the step after a save starts afresh), as QUndoStack does.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from perfdesk.model import paths
from perfdesk.model.figures import Figures
from perfdesk.model.report import Report

log = logging.getLogger(__name__)


class ListOp(StrEnum):
    INSERT = "insert"
    REMOVE = "remove"
    MOVE = "move"
    REPLACE = "replace"  # any other change of the list (a paste of rows, undo of one of these)


@dataclass(frozen=True)
class ValueChanged:
    path: str


@dataclass(frozen=True)
class ListChanged:
    path: str
    op: ListOp
    index: int = -1  # the row inserted or removed, or the row moved
    to: int = -1  # where a moved row went


@dataclass(frozen=True)
class Reset:
    """Another report was loaded."""


Change = ValueChanged | ListChanged | Reset


@dataclass(frozen=True)
class Changing:
    """About to apply ``change`` (table models begin their row operations here)."""

    change: Change


@dataclass(frozen=True)
class Recorded:
    """An edit became an undo step (``merged``: it was merged into the previous one)."""

    edit: Edit
    merged: bool


Event = Changing | ValueChanged | ListChanged | Reset | Recorded
Listener = Callable[[Event], None]


# --- edits ------------------------------------------------------------------------------
class Edit:
    """One undo step. ``apply``/``revert`` change the report; ``changes`` says what they
    change (announced before as ``Changing`` and after as the change itself)."""

    text = ""
    key: str | None = None  # edits with the same key merge (typing into one field)

    def apply(self, report: Report) -> None:
        raise NotImplementedError

    def revert(self, report: Report) -> None:
        raise NotImplementedError

    def changes(self, *, undo: bool) -> list[Change]:
        raise NotImplementedError


@dataclass
class SetValue(Edit):
    path: str
    old: Any
    new: Any
    key: str | None = None
    text: str = ""

    def apply(self, report: Report) -> None:
        paths.set(report, self.path, copy.deepcopy(self.new))

    def revert(self, report: Report) -> None:
        paths.set(report, self.path, copy.deepcopy(self.old))

    def changes(self, *, undo: bool) -> list[Change]:
        return [ValueChanged(self.path)]


_INVERSE = {ListOp.INSERT: ListOp.REMOVE, ListOp.REMOVE: ListOp.INSERT}


@dataclass
class ListEdit(Edit):
    path: str
    old: list[Any]
    new: list[Any]
    op: ListOp
    index: int = -1
    to: int = -1
    text: str = ""

    def apply(self, report: Report) -> None:
        paths.set(report, self.path, list(self.new))

    def revert(self, report: Report) -> None:
        paths.set(report, self.path, list(self.old))

    def changes(self, *, undo: bool) -> list[Change]:
        if not undo:
            return [ListChanged(self.path, self.op, self.index, self.to)]
        if self.op in _INVERSE:
            return [ListChanged(self.path, _INVERSE[self.op], self.index)]
        if self.op == ListOp.MOVE:
            return [ListChanged(self.path, ListOp.MOVE, self.to, self.index)]
        return [ListChanged(self.path, ListOp.REPLACE)]


@dataclass
class Group(Edit):
    edits: list[Edit] = field(default_factory=list)
    text: str = ""

    def apply(self, report: Report) -> None:
        for e in self.edits:
            e.apply(report)

    def revert(self, report: Report) -> None:
        for e in reversed(self.edits):
            e.revert(report)

    def changes(self, *, undo: bool) -> list[Change]:
        parts = reversed(self.edits) if undo else self.edits
        return [c for e in parts for c in e.changes(undo=undo)]


# --- the document -------------------------------------------------------------------------
class Document:
    def __init__(self, report: Report | None = None) -> None:
        self.report: Report = report if report is not None else Report()
        self.revision = 0  # +1 for every change of the report
        self._listeners: list[Listener] = []
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._clean: int | None = 0  # len(_undo) at the last save; None: unreachable
        self._macro: Group | None = None
        self._figures: tuple[int, Figures] | None = None

    # --- events ------------------------------------------------------------------------
    def subscribe(self, listener: Listener, *, first: bool = False) -> Callable[[], None]:
        """Call ``listener`` with every event from now on; returns the unsubscribe.
        ``first``: before the listeners already there (the checks, so that whoever reacts to
        a change finds the findings already current)."""
        if first:
            self._listeners.insert(0, listener)
        else:
            self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _run(self, edit: Edit, *, undo: bool) -> None:
        changes = edit.changes(undo=undo)
        for c in changes:
            self._emit(Changing(c))
        (edit.revert if undo else edit.apply)(self.report)
        self.revision += 1
        for c in changes:
            self._emit(c)

    # --- reading ---------------------------------------------------------------------------
    def get(self, path: str) -> Any:
        return paths.get(self.report, path)

    @property
    def figures(self) -> Figures:
        """Every total, rate and score of the report as it is now (derived once per revision)."""
        if self._figures is None or self._figures[0] != self.revision:
            self._figures = (self.revision, Figures.of(self.report))
        return self._figures[1]

    # --- editing ---------------------------------------------------------------------------
    def set_value(self, path: str, value: Any, *, key: str | None = None, text: str = "") -> bool:
        """Set the field at ``path``; False when nothing changed. Consecutive edits with one
        ``key`` (the path unless given: one entry of a dict field) make one undo step."""
        try:
            old = paths.get(self.report, path)
        except (IndexError, KeyError, AttributeError):
            # A field still bound to an item an undo or a delete just removed (its focus-out
            # commits late): there is nothing left to write to.
            log.info("edit of %s dropped: the item no longer exists", path)
            return False
        if old == value and type(old) is type(value):
            return False
        self._record(SetValue(path, copy.deepcopy(old), copy.deepcopy(value), key or path,
                              text or f"修改 {path}"))
        return True

    def set_values(self, values: dict[str, Any], text: str) -> None:
        """Several fields in one undo step (a block pasted into a grid)."""
        with self.macro(text):
            for path, value in values.items():
                self.set_value(path, value)

    def insert_item(self, list_path: str, index: int, item: Any, text: str = "添加") -> None:
        old = list(paths.get(self.report, list_path))
        new = [*old[:index], item, *old[index:]]
        self._record(ListEdit(list_path, old, new, ListOp.INSERT, index, text=text))

    def remove_item(self, list_path: str, index: int, text: str = "删除") -> None:
        old = list(paths.get(self.report, list_path))
        new = old[:index] + old[index + 1:]
        self._record(ListEdit(list_path, old, new, ListOp.REMOVE, index, text=text))

    def move_item(self, list_path: str, src: int, dst: int, text: str = "移动") -> None:
        old = list(paths.get(self.report, list_path))
        new = list(old)
        new.insert(dst, new.pop(src))
        self._record(ListEdit(list_path, old, new, ListOp.MOVE, src, dst, text=text))

    def replace_list(self, list_path: str, items: list[Any], text: str = "粘贴") -> None:
        """One undo step for a bulk change (paste of several rows, reorder)."""
        old = list(paths.get(self.report, list_path))
        self._record(ListEdit(list_path, old, list(items), ListOp.REPLACE, text=text))

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """The edits inside are one undo step (nested macros join the outer one)."""
        if self._macro is not None:
            yield
            return
        self._macro = Group([], text)
        try:
            yield
        finally:
            group, self._macro = self._macro, None
            if group.edits:
                self._push(group, merged=False)

    def _record(self, edit: Edit) -> None:
        self._run(edit, undo=False)
        if self._macro is not None:
            self._macro.edits.append(edit)
            return
        self._forget_redo()
        top = self._undo[-1] if self._undo else None
        if (isinstance(edit, SetValue) and isinstance(top, SetValue) and top.key == edit.key
                and self._clean != len(self._undo)):
            top.new = edit.new  # typing into one field: one undo step
            self._emit(Recorded(top, merged=True))
            return
        self._push(edit, merged=False)

    def _forget_redo(self) -> None:
        self._redo.clear()
        if self._clean is not None and self._clean > len(self._undo):
            self._clean = None  # the saved state was undone past and is now gone

    def _push(self, edit: Edit, *, merged: bool) -> None:
        self._forget_redo()
        self._undo.append(edit)
        self._emit(Recorded(edit, merged))

    # --- history ---------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> None:
        if not self._undo:
            return
        edit = self._undo.pop()
        self._run(edit, undo=True)
        self._redo.append(edit)

    def redo(self) -> None:
        if not self._redo:
            return
        edit = self._redo.pop()
        self._run(edit, undo=False)
        self._undo.append(edit)

    # --- whole document --------------------------------------------------------------------
    def load(self, report: Report) -> None:
        """Another report: history cleared, everyone told (``Reset``)."""
        self._emit(Changing(Reset()))
        self.report = report
        self._undo.clear()
        self._redo.clear()
        self._clean = 0
        self.revision += 1
        self._emit(Reset())

    @property
    def is_clean(self) -> bool:
        return self._clean == len(self._undo)

    def mark_clean(self) -> None:
        self._clean = len(self._undo)
