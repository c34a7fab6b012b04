"""GUI test fixtures: no modal dialog ever blocks a run; windows close without asking."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from perfdesk.ui import dialogs

# What each dialog returns when a test has not scripted an answer: the cautious choice.
DEFAULTS: dict[str, Any] = {
    "info": None,
    "warning": None,
    "error": None,
    "crash": None,
    "choose": -1,
    "question": False,
    "ask_save_changes": dialogs.CANCEL,
    "open_file": None,
    "open_files": [],
    "save_file": None,
    "choose_dir": None,
    "print_choices": None,
}


REAL = {name: getattr(dialogs, name) for name in DEFAULTS}  # before any test patches them


class DialogRecorder:
    """Stands in for perfdesk.ui.dialogs: records every call, answers from a script."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._answers: dict[str, list[Any]] = defaultdict(list)

    def answer(self, name: str, *values: Any) -> None:
        """Queue answers for the next calls of ``name`` (then the default again)."""
        self._answers[name].extend(values)

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def texts(self, name: str | None = None) -> str:
        """Everything the dialogs said (titles and texts), for assertions."""
        return "\n".join(" ".join(str(a) for a in args if isinstance(a, str))
                         for n, args in self.calls if name is None or n == name)

    def _make(self, name: str) -> Any:
        def fake(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args[1:] + tuple(kwargs.values())))
            if self._answers[name]:
                return self._answers[name].pop(0)
            return DEFAULTS[name]

        return fake


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    rec = DialogRecorder()
    for name in DEFAULTS:
        monkeypatch.setattr(dialogs, name, rec._make(name))
    return rec


@pytest.fixture
def real_dialogs(dialog_log: DialogRecorder, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Put the real helpers back, for the tests of dialogs.py itself (close them by timer)."""
    for name, func in REAL.items():
        monkeypatch.setattr(dialogs, name, func)
    return REAL


@pytest.fixture
def make_window(qtbot: Any) -> Iterator[Any]:
    """Build MainWindows (shown, 1366×768); at teardown they close without asking."""
    from perfdesk.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(path: Any = None, start: bool = True, **kwargs: Any) -> MainWindow:
        w = MainWindow(**kwargs)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        if start:
            w.start(path)
        with qtbot.waitActive(w):  # keyboard shortcuts need the active window
            w.show()
            w.activateWindow()
        qtbot.waitUntil(lambda: not w.doc.checks_pending)  # first check: after the first frame
        made.append(w)
        return w

    yield make
    for w in made:
        for page in w.pages.values():
            if hasattr(page, "shutdown"):
                page.shutdown()
        w.doc.undo_stack.setClean()
        w.doc._unsaved_recovery = False
        w.close()
