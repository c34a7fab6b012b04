"""How a page keeps its editing widgets in step with the DocumentController.

Every editing widget implements the small ``Bound`` protocol: it knows its field path,
``load()``s the value from the document (unless the user is typing in it) and commits its
own edits through ``doc.set_value``. A page puts its widgets in a ``Binder`` in form order;
the binder refreshes them on every document signal, sets the tab order and finds the widget
for a field path when a finding is double-clicked.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from perfdesk.model.schema import field_of
from perfdesk.ui.document import DocumentController

FLASH_MS = 1200


@runtime_checkable
class Bound(Protocol):
    """An editing widget bound to one field (or one list) of the report."""

    path: str

    def load(self, force: bool = False) -> None:
        """Show the document's value; ``force``: even over refused or pending text (another
        report was loaded: nothing typed before belongs to it)."""


@runtime_checkable
class Flaggable(Protocol):
    """A bound widget that shows an error finding naming its field (``flag``; "" clears)."""

    path: str

    def flag(self, message: str) -> None: ...


ERROR_STYLE = "border: 1px solid #d9534f; background: #fff1f0;"  # every error, whatever the rule


def shade(widget: QWidget, message: str, tip: str | None = None) -> None:
    """Shade ``widget`` as wrong (``message``: why, shown first in the tooltip) or as
    normal; the same look for refused text (R-U01) and for any rule's error. ``tip``: its
    tooltip when all is well (None: the one it had before it was shaded)."""
    was = bool(widget.property("invalid"))
    if not message and not was and tip is None:
        return  # nothing to change (the usual case: most fields are fine)
    if not was:
        widget.setProperty("plain_tip", widget.toolTip())
    plain = tip if tip is not None else str(widget.property("plain_tip") or "")
    widget.setStyleSheet(ERROR_STYLE if message else "")
    widget.setProperty("invalid", bool(message))
    widget.setToolTip(f"{message}\n\n{plain}" if message and plain else (message or plain))


@runtime_checkable
class Composite(Protocol):
    """A widget editing a list (table, list editor) that can focus one item inside it."""

    path: str

    def focus_item(self, rest: str) -> QWidget | None: ...


class _Follower(QObject):
    """Reloads its parent widget when the document changes what the widget shows.

    A child QObject, so Qt drops the connections when the widget is destroyed."""

    def __init__(self, widget: QWidget, doc: DocumentController) -> None:
        super().__init__(widget)
        self.widget = widget
        doc.changed.connect(self.on_value)
        doc.structure_changed.connect(self.on_value)
        doc.reset.connect(self.on_reset)
        doc.findings_changed.connect(self.on_findings)
        self.doc = doc

    def on_findings(self) -> None:
        widget = self.widget
        if isinstance(widget, Flaggable):
            widget.flag(self.doc.errors.get(widget.path, ""))

    def on_value(self, path: str) -> None:
        own = getattr(self.widget, "path", "")
        if path == own or own.startswith(path + ".") or own.startswith(path + "["):
            self._load(force=False)

    def on_reset(self) -> None:
        self._load(force=True)  # another report: refused or pending text is not its own

    def _load(self, *, force: bool) -> None:
        widget = self.widget
        if isinstance(widget, Bound):
            try:
                widget.load(force=force)
            except IndexError:  # bound to an item that no longer exists; rebound later
                pass


def follow_document(widget: QWidget, doc: DocumentController) -> None:
    """Reload ``widget`` (a Bound) when its own field changes (edit, undo, redo), when a
    list above it changes shape, or when another report is loaded."""
    _Follower(widget, doc)


def field_hint(path: str) -> str:
    """What a field is, in words, for its tooltip: '基本支出 › 公用经费 › 决算（万元）', what
    goes there and where the figure usually comes from. From the schema; the same for every
    project."""
    spec = field_of(path)
    if spec is None:
        raise ValueError(f"no field of the report is called {path!r}")
    text = " › ".join(spec.labels) + (f"（{spec.unit}）" if spec.unit else "")
    if spec.hint:
        text += f"\n{spec.hint}"
    if spec.source:
        text += f"\n通常取自：{spec.source}"
    return text


def set_path(widget: QWidget, path: str) -> None:
    """Rebind ``widget`` to ``path``; the objectName always equals the field path."""
    widget.path = path  # type: ignore[attr-defined]
    widget.setObjectName(path)


@runtime_checkable
class Rebindable(Protocol):
    """A bound widget that can be pointed at another field (``rebind``)."""

    path: str

    def rebind(self, path: str) -> None: ...


R = TypeVar("R", bound=Rebindable)


class Cursor:
    """The current item of a list a page shows one at a time (the 项目支出 page's project):
    an address whose index moves. Widgets are bound to a field *of the current item* and
    follow it when another item is shown; a page never rewrites paths itself."""

    def __init__(self, list_path: str) -> None:
        self.list_path = list_path
        self.index = 0
        self._bound: list[tuple[Rebindable, str]] = []
        self._followers: list[Callable[[], None]] = []

    @property
    def prefix(self) -> str:
        """The current item's own path: 'projects[2]'."""
        return f"{self.list_path}[{self.index}]"

    def path(self, field: str) -> str:
        """The path of ``field`` of the current item: 'name' -> 'projects[2].name'."""
        return f"{self.prefix}.{field}" if field else self.prefix

    def holds(self, path: str) -> bool:
        """Whether ``path`` lies in the current item."""
        return path == self.prefix or path.startswith((self.prefix + ".", self.prefix + "["))

    def bind(self, widget: R, field: str) -> R:
        """Keep ``widget`` on ``field`` of whichever item is current."""
        self._bound.append((widget, field))
        return widget

    def follow(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` whenever another item is shown (after the widgets moved)."""
        self._followers.append(callback)

    def show(self, index: int) -> None:
        self.index = index
        for widget, field in self._bound:
            widget.rebind(self.path(field))
        for callback in self._followers:
            callback()


class _FlashOverlay(QWidget):
    """A translucent yellow rectangle over a widget (or a cell), removed after a moment."""

    def __init__(self, target: QWidget, rect: QRect | None = None) -> None:
        super().__init__(target)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(rect if rect is not None else target.rect())
        self.show()
        self.raise_()
        QTimer.singleShot(FLASH_MS, self.deleteLater)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(255, 214, 0, 110))
        p.setPen(QColor(230, 160, 0))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))


def flash(widget: QWidget, rect: QRect | None = None) -> None:
    """Highlight ``widget`` (or ``rect`` inside it) briefly in yellow."""
    widget.setProperty("flashing", True)
    _FlashOverlay(widget, rect)
    QTimer.singleShot(FLASH_MS, lambda: _clear_flag(widget))


def _clear_flag(widget: QWidget) -> None:
    try:
        widget.setProperty("flashing", False)
    except RuntimeError:  # deleted meanwhile
        pass


def reveal(widget: QWidget) -> None:
    """Make ``widget`` visible: switch enclosing tabs and stacks, open collapsed groups,
    scroll enclosing scroll areas."""
    chain: list[QWidget] = []
    w: QWidget | None = widget
    while w is not None:
        chain.append(w)
        w = w.parentWidget()
    for child, parent in itertools.pairwise(chain):
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
        if isinstance(parent, QGroupBox) and parent.isCheckable() and not parent.isChecked():
            parent.setChecked(True)
    for anc in chain[1:]:
        if isinstance(anc, QScrollArea):
            anc.ensureWidgetVisible(widget, 40, 40)


def focus_and_flash(widget: QWidget) -> None:
    reveal(widget)
    widget.setFocus()
    flash(widget)


class Binder(QObject):
    """The bound widgets of one page, in form order."""

    def __init__(self, doc: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.widgets: list[QWidget] = []
        doc.changed.connect(self._on_value)
        doc.structure_changed.connect(self._on_change)
        doc.reset.connect(lambda: self.load_all(force=True))

    def add(self, *widgets: QWidget) -> None:
        """Register bound widgets; each names a field of the schema (a wrong path fails here,
        when the page is built) and gets a tooltip saying what goes there."""
        for w in widgets:
            path = getattr(w, "path", None)
            if isinstance(path, str) and not w.property("computed"):
                hint = field_hint(path)  # raises for a path that names no field
                if not w.toolTip():
                    w.setToolTip(hint)
        self.widgets.extend(widgets)

    def _on_change(self, _path: str) -> None:
        self.load_all()

    def _on_value(self, _path: str) -> None:
        # the edited widget refreshes itself (follow_document); computed figures all may change
        for w in self.widgets:
            if w.property("computed") and isinstance(w, Bound):
                w.load()

    def load_all(self, force: bool = False) -> None:
        for w in self.widgets:
            if isinstance(w, Bound):
                try:
                    w.load(force=force)
                except IndexError:
                    pass  # bound to an item that no longer exists; rebound later

    def set_tab_order(self, extra: Iterable[QWidget] = ()) -> None:
        chain = [w for w in [*self.widgets, *extra]
                 if (w.focusProxy() or w).focusPolicy() & Qt.FocusPolicy.TabFocus]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def find(self, path: str) -> tuple[QWidget, str] | None:
        """The widget editing ``path`` and what is left of the path for a list widget."""
        for w in self.widgets:
            if getattr(w, "path", None) == path:
                return w, ""
        for w in self.widgets:  # a list widget containing the path
            p = getattr(w, "path", "")
            if isinstance(w, Composite) and p and path.startswith(p + "["):
                return w, path[len(p):]
        for w in self.widgets:  # the path names a group: its first field
            p = getattr(w, "path", "")
            if p.startswith(path + ".") or p.startswith(path + "["):
                return w, ""
        best: tuple[QWidget, str] | None = None
        longest = 0
        for w in self.widgets:  # a field inside a widget's value (e.g. a dict entry)
            p = getattr(w, "path", "")
            if p and path.startswith(p + ".") and len(p) > longest:
                best, longest = (w, ""), len(p)
        return best

    def focus(self, path: str) -> bool:
        found = self.find(path)
        if found is None:
            return False
        w, rest = found
        if isinstance(w, Composite) and rest:
            reveal(w)
            target = w.focus_item(rest)
            return target is not None
        if isinstance(w, Composite):
            reveal(w)
            w.focus_item("")
            return True
        focus_and_flash(w)
        return True


def commit_pending() -> bool:
    """Commit whatever the user is still typing (the focused field or table cell editor).

    Fields commit when editing finishes; call this before saving, autosaving or generating
    so that text still in the cursor's field is not left out. Returns False when the
    focused field refuses its text (e.g. “12a” in a money field), True otherwise.
    """
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    w: QWidget | None = QApplication.focusWidget()
    while w is not None:
        commit = getattr(w, "commit", None)
        if callable(commit) and hasattr(w, "path"):
            result = commit()
            return result is not False
        if isinstance(w, QAbstractItemView) and w.state() == QAbstractItemView.State.EditingState:
            editor = QApplication.focusWidget()
            if editor is not None:
                w.itemDelegate().commitData.emit(editor)
            return True
        w = w.parentWidget()
    return True


def commit_or_warn(parent: QWidget | None) -> bool:
    """``commit_pending``, telling the user when the text cannot be taken in; False then,
    and the caller stops (saving, closing, moving a project…) so nothing typed is lost."""
    if commit_pending():
        return True
    from perfdesk.ui import dialogs

    dialogs.warning(parent, "有内容无法识别",
                    "光标所在的输入框里的内容无法识别（已标红，鼠标移上去可看原因）。\n"
                    "请改正，或按 Esc 恢复原来的内容，然后再试一次。")
    return False
