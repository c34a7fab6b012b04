"""Checks that follow a document: every change re-checks what it can affect.

``LiveChecks(document)`` subscribes to a ``model.document.Document``; after each change its
``findings`` equal ``check(document.report)`` (the engine's incremental re-check), and
``revision`` says which revision of the document they describe. The GUI, the command line
and the tests all use it; nothing here knows Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from perfdesk.checks.engine import FAILED_RULE, Checker
from perfdesk.checks.finding import ERROR, Finding
from perfdesk.checks.rules import TraitsOf, default_traits
from perfdesk.model.document import Document, Event, ListChanged, Reset, ValueChanged

log = logging.getLogger(__name__)


class LiveChecks:
    def __init__(self, document: Document, traits_of: TraitsOf = default_traits, *,
                 deferred: bool = False, on_update: Callable[[], None] | None = None) -> None:
        """``deferred``: the first check waits for ``run_pending()`` (the window calls it once
        it is on screen) or for the first edit, whichever comes first. ``on_update`` is
        called after every update of ``findings``."""
        self.document = document
        self._traits_of = traits_of
        self._checker: Checker | None = None
        self.findings: list[Finding] = []
        self.revision = -1  # the document revision the findings are for; -1: none yet
        self.pending = deferred
        self._on_update = on_update
        document.subscribe(self._on_event, first=True)
        if not deferred:
            self.run()

    @property
    def stale(self) -> bool:
        return self.revision != self.document.revision

    def run(self) -> list[Finding]:
        """A full check now (also what makes stale findings current again)."""
        self.pending = False
        self._update(None)
        return self.findings

    def run_pending(self) -> None:
        if self.pending:
            self.run()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, Reset):
            if self.pending:
                self.findings, self.revision = [], -1
                self._notify()
                return
            self._checker = None
            self._update(None)
        elif isinstance(event, ValueChanged | ListChanged):
            self.pending = False  # an edit never waits
            self._update(event.path)

    def _update(self, path: str | None) -> None:
        doc = self.document
        if self._checker is None:
            self._checker, path = Checker(self._traits_of), None
        try:
            if path is None:
                self.findings = self._checker.check(doc.report, doc.figures)
            else:
                self.findings = self._checker.recheck(doc.report, path, doc.figures)
        except Exception as exc:  # the engine itself failed (a rule's failure is R-U02 already)
            log.exception("checking the report failed")
            self._checker = None  # start afresh on the next change
            self.findings = [Finding(
                FAILED_RULE, ERROR,
                f"审核未完成：审核程序出错（{type(exc).__name__}），当前显示的审核结果不完整，"
                "报告只能生成草稿。请保存后重新打开；若问题依旧，请把日志文件发给技术支持。")]
        self.revision = doc.revision
        self._notify()

    def _notify(self) -> None:
        if self._on_update is not None:
            self._on_update()
