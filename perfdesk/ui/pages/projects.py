"""项目支出: the project list and, for the selected project, its 附件3 data."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from perfdesk.io.tsv import split_lines
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money
from perfdesk.model.report import Project, Report
from perfdesk.ui import dialogs
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.form_page import FormPage, hint_label
from perfdesk.ui.pages.score_text import ScoreSummaryBox, score_line, score_summary_row
from perfdesk.ui.widgets.amounts_grid import EXEC_RATE, AmountRow, AmountsGrid, align_label_columns
from perfdesk.ui.widgets.binding import Cursor, commit_or_warn, flash
from perfdesk.ui.widgets.indicator_table import IndicatorTable
from perfdesk.ui.widgets.item_list import ItemList
from perfdesk.ui.widgets.row_actions import RowOp, copy_items, menu_action, pasted_items
from perfdesk.ui.widgets.string_list import tool_button

_INDEX = re.compile(r"^projects\[(\d+)\]")


def copy_projects(projects: list[Project]) -> None:
    """The projects' names on the clipboard; pasted back here, the whole projects."""
    copy_items(projects, "".join(f"{p.name}\n" for p in projects))


def pasted_projects() -> list[Project]:
    """What 粘贴 adds: the projects copied here, or one project per line of text."""
    whole = pasted_items(Project)
    if whole is not None:
        return whole
    return [Project(name=line) for line in split_lines(QGuiApplication.clipboard().text())]


class ProjectsPage(FormPage):
    key = "projects"
    title = "项目支出"

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.project = Cursor("projects")  # the project shown in the form
        self._build_list()
        self._build_form()
        self.finish()
        doc.structure_changed.connect(self._on_structure)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(lambda: self._on_structure("projects"))
        self._on_structure("projects")

    # --- layout ------------------------------------------------------------------------------
    def _build_list(self) -> None:
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(8, 8, 4, 8)
        lay.addWidget(QLabel("项目列表"))
        self.project_list = ItemList(left)
        self.project_list.setObjectName("projects")
        self.project_list.row_editor = self
        self.project_list.on_enter = self._enter_on_list
        self.project_list.setWordWrap(True)
        self.project_list.currentRowChanged.connect(self._on_row)
        self.project_list.itemChanged.connect(self._on_renamed)
        lay.addWidget(self.project_list, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(3)
        for text, tip, slot in (("＋ 添加", "添加一个项目（在列表中按 Insert 或 Ctrl+Enter）",
                                 self.add_project),
                                ("删除", "删除所选项目（Ctrl+Delete，可撤销）", self.remove_project),
                                ("上移", "上移（Alt+↑）", lambda: self.move_project(-1)),
                                ("下移", "下移（Alt+↓）", lambda: self.move_project(1))):
            buttons.addWidget(tool_button(text, tip, slot, left))
        lay.addLayout(buttons)
        lay.addWidget(hint_label("直接输入或按 F2 可改项目名称，右键可插入、复制、删除项目。"
                                 "项目支出合计由各项目自动相加。"))
        self.add_tab("项目资金与目标")
        assert self.tabs is not None
        self._outer.removeWidget(self.tabs)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        self.empty_hint = hint_label("还没有项目。点左侧“＋ 添加”新建项目。")
        self.empty_hint.setContentsMargins(12, 12, 12, 12)
        right_lay.addWidget(self.empty_hint)
        right_lay.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 900])
        splitter.setChildrenCollapsible(False)
        self._outer.addWidget(splitter)

    def _build_form(self) -> None:
        _box, form = self.group("项目信息")
        c = self.project  # every field below is a field of the project shown
        form.addRow("项目名称：", c.bind(self.line(c.path("name")), "name"))
        form.addRow("实施单位：", c.bind(self.line(c.path("implementer"), "留空则为本单位"),
                                       "implementer"))
        form.addRow("主要用途：", c.bind(self.text(c.path("purpose"), 2, "如 主要用于食品安全监督抽检"),
                                       "purpose"))

        _box, lay = self.group("项目资金（万元）", form=False)
        self.amounts = AmountsGrid(self.doc, [AmountRow("年度资金总额", "amounts")],
                                   rate=EXEC_RATE, cursor=c)
        self.register(*self.amounts.fields)
        lay.addWidget(self.amounts)
        lay.addWidget(hint_label("资金来源（附件3，选填）："))
        self.funding = AmountsGrid(self.doc, [
            AmountRow("其中：当年财政拨款", "funding.current"),
            AmountRow("上年结转资金", "funding.carryover"),
            AmountRow("其他资金", "funding.other"),
        ], rate=EXEC_RATE, cursor=c)
        self.register(*self.funding.fields)
        lay.addWidget(self.funding)
        align_label_columns(self.amounts, self.funding)

        _box, lay = self.group("年度总体目标", form=False)
        pair = QHBoxLayout()
        self.goals = c.bind(self.strings(c.path("goals"), "预期目标", min_rows=3), "goals")
        self.achievements = c.bind(self.strings(c.path("achievements"), "实际完成情况", min_rows=3),
                                   "achievements")
        pair.addWidget(self.goals)
        pair.addWidget(self.achievements)
        lay.addLayout(pair)

        self.add_tab("项目绩效指标（附件3）")
        _box, lay = self.group("项目绩效指标（附件3）", form=False)
        self.table = c.bind(IndicatorTable(self.doc, c.path("indicators"), min_rows=8),
                            "indicators")
        self.register(self.table)
        lay.addWidget(self.table)
        summary = ScoreSummaryBox(self.doc, "calc.project_score", self._summary,
                                  "预算执行率得分 + 指标得分")
        self.register(summary)
        lay.addLayout(score_summary_row(summary))

    def _summary(self, report: Report, fig: Figures) -> str:
        if not 0 <= self.project.index < len(report.projects):
            return ""
        return score_line(fig.project_scores[self.project.index], "执行率")

    # --- the list ------------------------------------------------------------------------------
    def _label(self, i: int, p: Project) -> str:
        return p.name or f"（未命名项目 {i + 1}）"

    def _on_structure(self, path: str) -> None:
        if path != "projects":
            return
        projects = self.doc.report.projects
        lw = self.project_list
        lw.blockSignals(True)
        lw.clear()
        for i, p in enumerate(projects):
            item = QListWidgetItem(self._label(i, p))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(f"{p.name}\n决算 {fmt_money(p.amounts.actual, '—')} 万元")
            lw.addItem(item)
        lw.blockSignals(False)
        self.select(min(self.project.index, len(projects) - 1) if projects else -1)

    def _on_changed(self, path: str) -> None:
        m = re.match(r"^projects\[(\d+)\]\.name$", path)
        if m and int(m.group(1)) < self.project_list.count():
            i = int(m.group(1))
            item = self.project_list.item(i)
            self.project_list.blockSignals(True)
            item.setText(self._label(i, self.doc.report.projects[i]))
            self.project_list.blockSignals(False)

    def _on_row(self, row: int) -> None:
        if row >= 0 and row != self.project.index:
            # What is being typed belongs to the project shown so far; text that cannot be
            # taken in keeps that project on screen (switching would silently drop it).
            refused = any(self.project.holds(p) for p in self.doc.refused)
            if refused:  # focus already left the red field for the list
                dialogs.warning(self, "有内容无法识别",
                                "这个项目里有输入框的内容无法识别（已标红）。请先改正，"
                                "或在该处按 Esc 恢复原来的内容，再切换项目。")
            if refused or not commit_or_warn(self):
                self.project_list.blockSignals(True)
                self.project_list.setCurrentRow(self.project.index)
                self.project_list.blockSignals(False)
                return
            self.select(row)

    def _on_renamed(self, item: QListWidgetItem) -> None:
        i = self.project_list.row(item)
        if 0 <= i < len(self.doc.report.projects):
            self.doc.set_value(f"projects[{i}].name", item.text().strip())

    def select(self, index: int) -> None:
        """Show project ``index`` (-1: none) in the form."""
        has = index >= 0
        assert self.tabs is not None
        self.tabs.setVisible(has)
        self.empty_hint.setVisible(not has)
        if not has:
            return
        self.project.show(index)
        self.binder.load_all()
        if self.project_list.currentRow() != index:
            self.project_list.blockSignals(True)
            self.project_list.setCurrentRow(index)
            self.project_list.blockSignals(False)

    # The list's buttons take no focus, so typing in a field of the current project is
    # still pending when they are clicked: take it in first, while the paths still point
    # at that project (afterwards they would point at whichever project moved there).
    def add_project(self) -> None:
        if not commit_or_warn(self):
            return
        n = len(self.doc.report.projects)
        self.doc.insert_item("projects", n, Project(name=f"新项目{n + 1}"))
        self.select(n)
        self.focus_path(f"projects[{n}].name")

    # --- the list's row keys and row menu (RowEditor) ---------------------------------------------
    def row_count(self) -> int:
        return len(self.doc.report.projects)

    def current_row(self) -> int:
        return self.project_list.currentRow()

    def is_read_only(self) -> bool:
        return False

    def run_row_op(self, op: RowOp) -> None:
        row = self.current_row()
        if op == RowOp.COPY:
            if 0 <= row < self.row_count():
                copy_projects([self.doc.report.projects[row]])
        elif not commit_or_warn(self):
            return
        elif op == RowOp.REMOVE:
            self.remove_project()
        elif op in (RowOp.MOVE_UP, RowOp.MOVE_DOWN):
            self.move_project(-1 if op == RowOp.MOVE_UP else 1)
        elif op == RowOp.PASTE:
            self.insert_projects(row + 1 if row >= 0 else self.row_count(), pasted_projects())
        else:
            at = max(row, 0) if op == RowOp.INSERT_ABOVE else (
                row + 1 if row >= 0 else self.row_count())
            self.insert_projects(at, [Project(name=f"新项目{self.row_count() + 1}")], rename=True)

    def add_menu_actions(self, menu: QMenu) -> None:
        menu_action(menu, "重命名(&R)", "F2", self._rename_current,
                    0 <= self.current_row() < self.row_count(), "row-rename")

    def insert_projects(self, at: int, projects: list[Project], *, rename: bool = False) -> None:
        """``projects`` at ``at`` (one undo step); the first shown, its name open for typing."""
        if not projects:
            return
        if len(projects) == 1:
            self.doc.insert_item("projects", at, projects[0], "添加项目")
        else:
            items = list(self.doc.report.projects)
            self.doc.replace_list("projects", items[:at] + projects + items[at:], "粘贴项目")
        self.select(at)
        self.project_list.setFocus()
        if rename:
            self._rename_current()

    def _rename_current(self) -> None:
        item = self.project_list.currentItem()
        if item is not None:
            self.project_list.setFocus()
            self.project_list.editItem(item)

    def _enter_on_list(self) -> None:
        """Enter: the next project; after the last one, a new project to name."""
        row = self.current_row()
        if row < self.row_count() - 1:
            self.project_list.setCurrentRow(row + 1)
        else:
            self.run_row_op(RowOp.INSERT_BELOW)

    def remove_project(self) -> None:
        if not commit_or_warn(self):
            return
        i = self.project_list.currentRow()
        if 0 <= i < len(self.doc.report.projects):
            self.project.index = max(0, i - 1) if i >= len(self.doc.report.projects) - 1 else i
            self.doc.remove_item("projects", i)

    def move_project(self, delta: int) -> None:
        if not commit_or_warn(self):
            return
        i, n = self.project_list.currentRow(), len(self.doc.report.projects)
        if 0 <= i < n and 0 <= i + delta < n:
            self.project.index = i + delta
            self.doc.move_item("projects", i, i + delta)

    # --- navigation -----------------------------------------------------------------------------
    def focus_path(self, path: str) -> bool:
        m = _INDEX.match(path)
        if m is None:
            if path == "projects" or path.startswith("projects"):
                self.project_list.setFocus()
                flash(self.project_list)
                return True
            return False
        index = int(m.group(1))
        if index >= len(self.doc.report.projects):
            return False
        self.select(index)
        if path == m.group(0):
            return self.binder.focus(f"{m.group(0)}.name")
        return self.binder.focus(path)

