"""审核结果: the live findings, grouped by wizard page; double-click goes to the field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model.schema import place_of
from perfdesk.ui.pages import STEPS, page_for_path
from perfdesk.ui.step_list import (
    COLOURS,
    ERR,
    ERROR,
    INFO,
    NEUTRAL,
    WARN,
    WARNING,
    state_icon,
)

if TYPE_CHECKING:
    from perfdesk.checks import Finding
    from perfdesk.model.report import Report

FINDING_ROLE = Qt.ItemDataRole.UserRole
HIDDEN_RULES = {"R-S01"}  # the score summary lives in the status bar
_SEVERITY_STATE = {ERROR: ERR, WARNING: WARN, INFO: NEUTRAL}
_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


class FindingsPanel(QWidget):
    """Shows ``findings``; emits ``activated(finding)`` on double-click or Enter."""

    activated = Signal(object)
    described = Signal(str)  # the current row in one line, for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self._findings: list[Finding] = []
        self._report: Report | None = None
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.show_info = QCheckBox("显示“提示”级别的结果")
        self.show_info.setChecked(True)
        self.show_info.toggled.connect(lambda _on: self.set_findings(self._findings, self._report))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel("双击一条可跳到对应位置"))
        top.addWidget(self.show_info)

        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["级别", "规则", "说明"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.currentItemChanged.connect(self._on_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)

    # --- content -----------------------------------------------------------------------------
    def set_findings(self, findings: list[Finding], report: Report | None = None) -> None:
        """Show ``findings``; ``report`` names the items they are in (项目“…” for a project)."""
        self._findings = list(findings)
        self._report = report
        collapsed = {group.data(0, FINDING_ROLE) for group in self._groups()
                     if not group.isExpanded()}
        shown = [f for f in findings if f.rule not in HIDDEN_RULES
                 and (self.show_info.isChecked() or f.severity != INFO)]
        by_page: dict[str, list[Finding]] = {}
        for f in shown:
            by_page.setdefault(page_for_path(f.path), []).append(f)

        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        for key, title, *_ in STEPS:
            items = sorted(by_page.get(key, []), key=lambda f: _ORDER.get(f.severity, 3))
            if not items:
                continue
            errors = sum(f.severity == ERROR for f in items)
            warnings = sum(f.severity == WARNING for f in items)
            counts = "，".join(t for t in (f"{errors} 个错误" if errors else "",
                                           f"{warnings} 个警告" if warnings else "") if t)
            group = QTreeWidgetItem([title, "", counts or f"{len(items)} 条提示"])
            group.setData(0, FINDING_ROLE, key)
            font = group.font(0)
            font.setBold(True)
            for col in range(3):
                group.setFont(col, font)
            self.tree.addTopLevelItem(group)
            for f in items:
                place = place_of(f.path, report)
                within = place.split(" › ", 1)[1] if " › " in place else ""  # under its page
                child = QTreeWidgetItem([f.severity.label, f.rule,
                                         f"{within}：{f.message}" if within else f.message])
                state = _SEVERITY_STATE.get(f.severity, NEUTRAL)
                child.setIcon(0, state_icon(state))
                child.setForeground(0, QColor(COLOURS[state]))
                child.setData(0, FINDING_ROLE, f)
                child.setToolTip(2, f.message + (f"\n位置：{place}\n双击或按回车转到该处" if place else ""))
                group.addChild(child)
            group.setExpanded(key not in collapsed)
        self.tree.setUpdatesEnabled(True)

        n_err = sum(f.severity == ERROR for f in findings)
        n_warn = sum(f.severity == WARNING for f in findings)
        if n_err or n_warn:
            self.summary.setText(f"共 {n_err} 个错误，{n_warn} 个警告")
        else:
            self.summary.setText("未发现错误或警告")

    def findings_shown(self) -> list[Finding]:
        return [row.data(0, FINDING_ROLE) for group in self._groups() for row in _rows(group)]

    def _groups(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def item_for(self, rule: str) -> QTreeWidgetItem | None:
        """The first row showing ``rule`` (tests and keyboard navigation)."""
        for group in self._groups():
            for row in _rows(group):
                if row.data(0, FINDING_ROLE).rule == rule:
                    return row
        return None

    def describe(self, f: Finding) -> str:
        """One line for the status bar: '错误 R-B10 预算执行 › 基本支出 › 公用经费 › 决算：…'."""
        place = place_of(f.path, self._report)
        return f"{f.severity.label} {f.rule} {place + '：' if place else ''}{f.message}"

    def _on_current(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        data = item.data(0, FINDING_ROLE) if item is not None else None
        self.described.emit("" if data is None or isinstance(data, str) else self.describe(data))

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, FINDING_ROLE)
        if hasattr(data, "rule"):  # a finding, not a page group
            self.activated.emit(data)


def _rows(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    items = (group.child(j) for j in range(group.childCount()))
    return [item for item in items if item is not None]
