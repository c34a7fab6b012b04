"""The wizard's step list: one row per page with its state (✓ / warnings / errors, counts).

State is shown by icon, text and colour together, never colour alone.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from perfdesk.checks import ERROR, WARNING, Finding
from perfdesk.ui.pages import STEPS, page_for_path

OK, WARN, ERR, NEUTRAL = "ok", "warning", "error", "neutral"
COLOURS = {OK: "#2e7d32", WARN: "#b26a00", ERR: "#c62828", NEUTRAL: "#607d8b"}
GLYPHS = {OK: "✓", WARN: "!", ERR: "✗", NEUTRAL: "›"}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole

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
    return OK, "已完成，无问题"


class _StepDelegate(QStyledItemDelegate):
    """Two lines: the step title, and its state in the state colour."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(160, fm.height() * 2 + 18)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        text, opt.text = opt.text, ""
        icon = QIcon(opt.icon)
        opt.icon = QIcon()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        r = opt.rect.adjusted(8, 6, -6, -6)
        icon.paint(painter, QRect(r.left(), r.top() + (r.height() - 22) // 2, 22, 22))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active \
            else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_rect = r.adjusted(30, 0, 0, 0)
        half = text_rect.height() // 2
        painter.save()
        title_font = QFont(opt.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(opt.palette.color(group, role))
        painter.drawText(text_rect.adjusted(0, 0, 0, -half), Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(opt.font)
        status = index.data(STATUS_ROLE) or ("", "")
        colour = opt.palette.color(group, role) if selected else QColor(COLOURS.get(status[0], "#555"))
        painter.setPen(colour)
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
            item = QListWidgetItem(f"{i}. {title}")
            item.setData(KEY_ROLE, key)
            self.addItem(item)
        self.setMinimumWidth(180)
        self.setMaximumWidth(240)

    def keys(self) -> list[str]:
        return [key for key, *_ in STEPS]

    def update_states(self, findings: list[Finding]) -> None:
        counts = count_by_page(findings)
        total_errors = sum(c[ERROR] for c in counts.values())
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(KEY_ROLE)
            if key == "generate":
                state, text = (ERR, "有错误，将生成草稿") if total_errors else (OK, "可以生成")
            else:
                c = counts.get(key, Counter())
                state, text = state_text(c[ERROR], c[WARNING])
            item.setIcon(state_icon(state))
            item.setData(STATUS_ROLE, (state, text))
            item.setToolTip(f"{item.text()}：{text}")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, text)

    def state_of(self, key: str) -> tuple[str, str]:
        row = self.keys().index(key)
        return self.item(row).data(STATUS_ROLE)
