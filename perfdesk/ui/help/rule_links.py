"""规则说明 on a view that lists findings: the right-click menu of a row offers its rule's
explanation, and F1 on the current row opens it (the findings panel, the reviewer's list).

Attached from outside (``explain_rules(view, rule_at)``), so a view needs no change: an
event filter on the view and its viewport.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu

from perfdesk.render.help_docs import RULE_ID

RuleAt = Callable[[QModelIndex], str | None]


def rule_in_column(column: int) -> RuleAt:
    """The rule ID a row shows as text in ``column`` (the reviewer's list: column 0)."""
    def rule_at(index: QModelIndex) -> str | None:
        text = index.siblingAtColumn(column).data(Qt.ItemDataRole.DisplayRole)
        return text if isinstance(text, str) and RULE_ID.fullmatch(text) else None
    return rule_at


class RuleHelp(QObject):
    """Right-click and F1 on ``view`` explain the rule of the row (``rule_at``)."""

    def __init__(self, view: QAbstractItemView, rule_at: RuleAt) -> None:
        super().__init__(view)
        self.view, self.rule_at = view, rule_at
        self.menu: QMenu | None = None  # the last menu shown (it closes itself)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def rule_of(self, index: QModelIndex) -> str | None:
        return self.rule_at(index) if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            if watched is self.view.viewport():
                index = self.view.indexAt(event.pos())
            elif event.reason() == QContextMenuEvent.Reason.Keyboard:
                index = self.view.currentIndex()
            else:
                return False
            rule = self.rule_of(index)
            if rule is None:
                return False
            self._menu(rule, event.globalPos())
            return True
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and watched is self.view \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F1 \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            rule = self.rule_of(self.view.currentIndex())
            if rule is None:
                return False  # F1 stays the window's: the guide
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the key comes to the view, not to the window's F1 action
            else:
                self.explain(rule)
            return True
        return False

    def _menu(self, rule: str, at: QPoint) -> None:
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(f"规则说明：{rule}")
        action.setObjectName("explainRule")
        action.triggered.connect(lambda _checked=False: self.explain(rule))
        self.menu = menu
        menu.popup(at)

    def explain(self, rule: str) -> None:
        from perfdesk.ui.help import window

        window.show_rule(self.view, rule)


def explain_rules(view: QAbstractItemView, rule_at: RuleAt) -> RuleHelp:
    return RuleHelp(view, rule_at)
