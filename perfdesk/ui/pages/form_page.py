"""FormPage: a wizard page built from bound widgets in a scroll area.

Pages create their editors through the helpers here, in form order; the helpers register
them with the page's Binder, which refreshes them from the document, gives the tab order
and finds the widget for a finding's field path.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model.figures import Figures
from perfdesk.model.report import Report
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.base import Page
from perfdesk.ui.widgets.binding import Binder
from perfdesk.ui.widgets.fields import (
    ComboField,
    ComputedField,
    IntEdit,
    LineField,
    MoneyEdit,
    NumberEdit,
    TextField,
)
from perfdesk.ui.widgets.string_list import StringListEditor

W = TypeVar("W", bound=QWidget)

PAGE_STYLE = """
QGroupBox { font-weight: bold; border: 1px solid #d5d9e0; border-radius: 4px;
            margin-top: 10px; padding: 8px 8px 6px 8px; background: #fbfcfd; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; color: #1f3a5f; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QPlainTextEdit, QGroupBox QTableView,
QGroupBox QComboBox, QGroupBox QToolButton, QGroupBox QDateEdit { font-weight: normal; }
"""


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5b6573;")
    return label


class FormPage(Page):
    """A Page whose content scrolls; subclasses fill ``self.body`` in ``build()``."""

    scrolls_itself = True

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.binder = Binder(doc, self)
        self.setStyleSheet(PAGE_STYLE)
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.content = QWidget()
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(12, 8, 12, 12)
        self.body.setSpacing(8)
        self.scroll_area.setWidget(self.content)
        outer.addWidget(self.scroll_area)
        self.tabs: QTabWidget | None = None
        self._bodies: list[QVBoxLayout] = [self.body]

    def add_tab(self, title: str) -> QVBoxLayout:
        """Switch the page to tabs (each scrolling on its own); later groups go in this tab."""
        if self.tabs is None:
            self.tabs = QTabWidget(self)
            self.tabs.setDocumentMode(True)
            self.scroll_area.hide()
            self._bodies = []
            self._outer.addWidget(self.tabs)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(12, 8, 12, 12)
        self.body.setSpacing(8)
        area.setWidget(content)
        self.tabs.addTab(area, title)
        self._bodies.append(self.body)
        return self.body

    def finish(self) -> None:
        """Call at the end of the subclass constructor."""
        for body in self._bodies:
            body.addStretch(1)
        chain = [w for w in self.tab_chain()
                 if (w.focusProxy() or w).focusPolicy() & Qt.FocusPolicy.TabFocus]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def tab_chain(self) -> list[QWidget]:
        """The bound widgets in form order, each checkable group's check box (如“与决算报表
        核对（选填）”) just before the fields inside it."""
        chain: list[QWidget] = list(self.binder.widgets)
        for box in self.findChildren(QGroupBox):
            if box.isCheckable():
                inside = [i for i, w in enumerate(chain) if box.isAncestorOf(w)]
                chain.insert(inside[0] if inside else len(chain), box)
        return chain

    def focus_path(self, path: str) -> bool:
        return self.binder.focus(path)

    # --- layout helpers -----------------------------------------------------------------
    def group(self, title: str, parent_layout: QVBoxLayout | QHBoxLayout | None = None,
              form: bool = True) -> tuple[QGroupBox, Any]:
        box = QGroupBox(title)
        inner: QFormLayout | QVBoxLayout
        if form:
            inner = QFormLayout(box)
            inner.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            inner.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        else:
            inner = QVBoxLayout(box)
        (parent_layout if parent_layout is not None else self.body).addWidget(box)
        return box, inner

    # --- bound widget helpers (registered in form order) -----------------------------------
    def _reg(self, w: W) -> W:
        self.binder.add(w)
        return w

    def line(self, path: str, placeholder: str = "") -> LineField:
        w = self._reg(LineField(self.doc, path))
        w.setPlaceholderText(placeholder)
        return w

    def money(self, path: str) -> MoneyEdit:
        return self._reg(MoneyEdit(self.doc, path))

    def integer(self, path: str, placeholder: str = "") -> IntEdit:
        w = self._reg(IntEdit(self.doc, path))
        w.setPlaceholderText(placeholder)
        return w

    def number(self, path: str) -> NumberEdit:
        return self._reg(NumberEdit(self.doc, path))

    def text(self, path: str, lines: int = 3, placeholder: str = "") -> TextField:
        w = self._reg(TextField(self.doc, path, lines))
        w.setPlaceholderText(placeholder)
        return w

    def combo(self, path: str, choices: Sequence[tuple[Any, str]]) -> ComboField:
        return self._reg(ComboField(self.doc, path, choices))

    def computed(self, name: str, fn: Callable[[Report, Figures], str], tip: str = "") -> ComputedField:
        w = self._reg(ComputedField(self.doc, name, fn, tip))
        w.setMaximumWidth(160)
        w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return w

    def strings(self, path: str, header: str, min_rows: int = 4) -> StringListEditor:
        return self._reg(StringListEditor(self.doc, path, header, min_rows=min_rows))

    def register(self, *widgets: QWidget) -> None:
        self.binder.add(*widgets)


def row(*widgets: QWidget | str, stretch: bool = True) -> QHBoxLayout:
    """Widgets (and label strings) side by side."""
    h = QHBoxLayout()
    h.setSpacing(6)
    for w in widgets:
        h.addWidget(QLabel(w) if isinstance(w, str) else w)
    if stretch:
        h.addStretch(1)
    return h
