"""The indicator library: common indicators (resources/indicator_library.json) to pick from."""

from __future__ import annotations

import json
from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model.report import Indicator
from perfdesk.resources import resource_path


@cache
def _load() -> tuple[tuple[str, str, str, str], ...]:
    try:
        data = json.loads(resource_path("indicator_library.json").read_text("utf-8"))
    except (OSError, ValueError):
        return ()
    return tuple((d.get("level1", ""), d.get("level2", ""), d.get("name", ""),
                  d.get("target", "")) for d in data.get("indicators", []))


def library() -> list[Indicator]:
    """Fresh Indicator rows for every library entry (分值 left for the user)."""
    return [Indicator(level1=a, level2=b, name=n, target=t) for a, b, n, t in _load()]


class IndicatorLibraryDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("指标库")
        self.resize(620, 560)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("输入关键字筛选，如 抽检、满意度")
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)  # Enter here goes to the list, not 添加所选
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["指标", "年度指标值（示例）"])
        self.tree.setColumnWidth(0, 380)
        self._entries: list[tuple[QTreeWidgetItem, Indicator]] = []
        groups: dict[tuple[str, ...], QTreeWidgetItem] = {}
        for ind in library():
            top = groups.get((ind.level1,))
            if top is None:
                top = groups[(ind.level1,)] = QTreeWidgetItem(self.tree, [ind.level1])
                top.setExpanded(True)
            mid = groups.get((ind.level1, ind.level2))
            if mid is None:
                mid = groups[(ind.level1, ind.level2)] = QTreeWidgetItem(top, [ind.level2])
                mid.setExpanded(True)
            leaf = QTreeWidgetItem(mid, [ind.name, ind.target])
            leaf.setFlags(leaf.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            leaf.setCheckState(0, Qt.CheckState.Unchecked)
            self._entries.append((leaf, ind))
        self.no_match = QLabel(self)
        self.no_match.setStyleSheet("color: #5b6573;")
        self.no_match.hide()
        hint = QLabel("勾选要添加的指标，添加后会放在相应的一级、二级指标下。年度指标值仅为示例，"
                      "请按本单位年初设定的目标修改，并填写分值。", self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("添加所选")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (obj is self.filter and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.focus_list()
            return True  # the dialog closes only from the list or the buttons
        return super().eventFilter(obj, event)

    def focus_list(self) -> None:
        """The focus on the first indicator shown (Space ticks it)."""
        first = next((leaf for leaf, _ind in self._entries if not leaf.isHidden()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def _apply_filter(self, text: str) -> None:
        """Only the matching indicators, under their 一级/二级 headings; empty headings hide."""
        text = text.strip()
        for leaf, ind in self._entries:
            leaf.setHidden(bool(text) and text not in ind.name and text not in ind.level2)
        shown = 0
        for top in _children(self.tree.invisibleRootItem()):
            any_mid = False
            for mid in _children(top):
                leaves = sum(not leaf.isHidden() for leaf in _children(mid))
                mid.setHidden(leaves == 0)
                any_mid = any_mid or leaves > 0
                shown += leaves
            top.setHidden(not any_mid)
        self.no_match.setText(f"没有含“{text}”的指标。" if text and not shown else "")
        self.no_match.setVisible(bool(text) and not shown)

    def check(self, names: list[str]) -> None:
        for leaf, ind in self._entries:
            if ind.name in names:
                leaf.setCheckState(0, Qt.CheckState.Checked)

    def selected(self) -> list[Indicator]:
        return [ind for leaf, ind in self._entries
                if leaf.checkState(0) == Qt.CheckState.Checked]


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    kids = (item.child(i) for i in range(item.childCount()))
    return [k for k in kids if k is not None]
