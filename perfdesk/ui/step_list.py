"""The wizard's step list: one row per page with its state (✓ / warnings / errors, counts).

State is shown by icon, text and colour together, never colour alone.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QWidget,
)

from perfdesk.model.vocabulary import Severity
from perfdesk.ui.pages import STEPS, page_for_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from perfdesk.checks import Finding

# The model's vocabulary, not perfdesk.checks: the check engine loads after the first frame.
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

OK, WARN, ERR, NEUTRAL = "ok", "warning", "error", "neutral"
COLOURS = {OK: "#2e7d32", WARN: "#b26a00", ERR: "#c62828", NEUTRAL: "#607d8b"}
GLYPHS = {OK: "✓", WARN: "!", ERR: "✗", NEUTRAL: "›"}
KEY_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # (state, text)
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
ICON_ROLE = Qt.ItemDataRole.UserRole + 3

_icons: dict[str, QIcon] = {}


def state_icon(state: str) -> QIcon:
    """A filled circle with a glyph; built once per state."""
    if state not in _icons:
        pm = QPixmap(32, 32)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(COLOURS[state]))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(2, 2, 28, 28)
        p.setPen(QPen(QColor("white")))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(20)
        p.setFont(font)
        p.drawText(QRect(0, 0, 32, 32), Qt.AlignmentFlag.AlignCenter, GLYPHS[state])
        p.end()
        _icons[state] = QIcon(pm)
    return _icons[state]


def count_by_page(findings: list[Finding]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for f in findings:
        if f.severity in (ERROR, WARNING):
            counts.setdefault(page_for_path(f.path), Counter())[f.severity] += 1
    return counts


def state_text(errors: int, warnings: int) -> tuple[str, str]:
    if errors:
        text = f"{errors} 个错误" + (f"，{warnings} 个警告" if warnings else "")
        return ERR, text
    if warnings:
        return WARN, f"{warnings} 个警告"
    return OK, "无错误、无警告"


class _StepDelegate(QStyledItemDelegate):
    """Two lines: the step title, and its state in the state colour.

    The items carry no display text or decoration of their own, so the base class paints
    only the background and selection; title, icon and state are drawn on top.
    """

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(160, option.fontMetrics.height() * 2 + 18)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        view = self.parent()
        selected = isinstance(view, QListWidget) and view.selectionModel().isSelected(index)
        palette = option.palette
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        r = option.rect.adjusted(8, 6, -6, -6)
        icon = index.data(ICON_ROLE)
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(r.left(), r.top() + (r.height() - 22) // 2, 22, 22))
        text_rect = r.adjusted(30, 0, 0, 0)
        half = text_rect.height() // 2
        painter.save()
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(text_rect.adjusted(0, 0, 0, -half), Qt.AlignmentFlag.AlignVCenter,
                         index.data(TITLE_ROLE) or "")
        painter.setFont(option.font)
        status = index.data(STATUS_ROLE) or ("", "")
        painter.setPen(text_colour if selected else QColor(COLOURS.get(status[0], "#555")))
        painter.drawText(text_rect.adjusted(0, half, 0, 0), Qt.AlignmentFlag.AlignVCenter, status[1])
        painter.restore()


class StepList(QListWidget):
    """Lists STEPS; ``currentRowChanged`` drives the page stack."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setItemDelegate(_StepDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("步骤")
        for i, (key, title, _module, _cls) in enumerate(STEPS, 1):
            item = QListWidgetItem()
            item.setData(KEY_ROLE, key)
            item.setData(TITLE_ROLE, f"{i}. {title}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.addItem(item)
        self.setMinimumWidth(180)
        self.setMaximumWidth(240)

    def keys(self) -> list[str]:
        return [key for key, *_ in STEPS]

    def update_states(self, findings: list[Finding], *, pending: bool = False) -> None:
        counts = count_by_page(findings)
        total_errors = sum(c[ERROR] for c in counts.values())
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(KEY_ROLE)
            if pending:
                state, text = NEUTRAL, "审核中…"
            elif key == "generate":
                state, text = (ERR, "有错误，将生成草稿") if total_errors else (OK, "可以生成")
            else:
                c = counts.get(key, Counter())
                state, text = state_text(c[ERROR], c[WARNING])
            item.setData(ICON_ROLE, state_icon(state))
            item.setData(STATUS_ROLE, (state, text))
            item.setToolTip(f"{item.data(TITLE_ROLE)}：{text}")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, text)

    def state_of(self, key: str) -> tuple[str, str]:
        row = self.keys().index(key)
        item = self.item(row)
        assert item is not None
        state: tuple[str, str] = item.data(STATUS_ROLE)
        return state
