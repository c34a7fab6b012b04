"""文件 › 从决算/预算报表取数…: the preview of every figure found in the unit's tables, a
tick box each, applied as one undo step.

The reading is ``perfdesk.io.tables.importer``; this module only shows its :class:`Plan`
and applies what the user keeps ticked: the values and the figures' sources
(``report.sources``) in one macro of the document's undo stack.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.io.tables import importer, preview
from perfdesk.ui import dialogs

if TYPE_CHECKING:
    from perfdesk.ui.document import DocumentController

TABLES_FILTER = ("决算/预算报表 (*.xls *.xlsx *.xlsm *.et *.htm *.html);;"
                 "Excel 工作簿 (*.xls *.xlsx);;所有文件 (*)")
UNDO_TEXT = "从报表取数"
COLUMNS = ("填入", "字段", "现值", "新值", "来源", "说明")
_CONFLICT = QColor(255, 236, 204)
_BLANK = QColor(238, 238, 238)


class FillDialog(QDialog):
    """The preview table; ``accepted`` applies the ticked rows to ``doc``."""

    def __init__(self, doc: DocumentController, plan: importer.Plan, files: list[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fillDialog")
        self.setWindowTitle("从决算/预算报表取数")
        self.doc, self.plan = doc, plan
        self.resize(1200, 640)
        layout = QVBoxLayout(self)
        recognised = [t for t in plan.tables if t.profile]
        year = f"（按 {plan.year} 年度报告取列）" if plan.year else ""
        self.summary = QLabel(
            f"从 {len(files)} 个文件中识别出 {len(recognised)} 张表，找到 {len(plan.candidates)} 个数{year}。"
            "勾选要填入的数，点“填入”；填入后可用“编辑 › 撤销”一步恢复。"
            "橙色为两表不一致的数，请只勾选其中一个；灰色为表中为空的格。")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.table = QTableWidget(len(plan.candidates), len(COLUMNS), self)
        self.table.setObjectName("fillTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        for row, cand in enumerate(plan.candidates):
            self._fill_row(row, cand)
        head = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,) * 4
                                   + (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Stretch)):
            head.setSectionResizeMode(col, mode)
        self.table.setColumnWidth(4, 380)
        self.table.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.table, 3)

        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("fillNotes")
        self.notes.setReadOnly(True)
        self.notes.setPlainText(_notes_text(plan))
        layout.addWidget(QLabel("报表中没有的数（请到所注页面手工填写）和读取中的问题："))
        layout.addWidget(self.notes, 1)

        bar = QHBoxLayout()
        self.all_button = QPushButton("全选(&A)", self)
        self.none_button = QPushButton("全不选(&N)", self)
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        bar.addWidget(self.all_button)
        bar.addWidget(self.none_button)
        bar.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton("填入(&F)", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("fillApply")
        self.cancel_button = self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bar.addWidget(self.buttons)
        layout.addLayout(bar)
        self._update_button()

    # --- rows -----------------------------------------------------------------------------
    def _fill_row(self, row: int, cand: importer.Candidate) -> None:
        current = self.doc.get(cand.path)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tick.setCheckState(Qt.CheckState.Checked if cand.tick else Qt.CheckState.Unchecked)
        if cand.value is None:
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)  # nothing to fill
        cells = [tick, QTableWidgetItem(cand.label), QTableWidgetItem(preview.shown(current)),
                 QTableWidgetItem(preview.shown(cand.value) + ("（不一致）" if cand.conflict else "")),
                 QTableWidgetItem(preview.source_text(cand.source)), QTableWidgetItem(cand.note)]
        cells[4].setToolTip(f"{preview.source_text(cand.source)}\n原值：{cand.source.raw or '空'}")
        cells[5].setToolTip(cand.note)
        for col in (2, 3):
            cells[col].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for col, item in enumerate(cells):
            if cand.conflict:
                item.setBackground(QBrush(_CONFLICT))
            elif cand.value is None:
                item.setBackground(QBrush(_BLANK))
            self.table.setItem(row, col, item)

    def ticked(self, row: int) -> bool:
        item = self.table.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def chosen(self) -> list[importer.Candidate]:
        return [c for row, c in enumerate(self.plan.candidates) if self.ticked(row)]

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        if item.checkState() == Qt.CheckState.Checked:  # one figure per field
            path = self.plan.candidates[item.row()].path
            self.table.blockSignals(True)
            for row, cand in enumerate(self.plan.candidates):
                other = self.table.item(row, 0)
                if row != item.row() and cand.path == path and other is not None:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self.table.blockSignals(False)
        self._update_button()

    def _tick_all(self, on: bool) -> None:
        self.table.blockSignals(True)
        seen: set[str] = set()
        for row, cand in enumerate(self.plan.candidates):
            item = self.table.item(row, 0)
            if item is None or cand.value is None:
                continue
            keep = on and not cand.conflict and cand.path not in seen
            item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
            if keep:
                seen.add(cand.path)
        self.table.blockSignals(False)
        self._update_button()

    def _update_button(self) -> None:
        n = len(self.chosen())
        self.apply_button.setText(f"填入 {n} 个数(&F)" if n else "填入(&F)")
        self.apply_button.setEnabled(n > 0)

    # --- applying -------------------------------------------------------------------------
    def apply(self) -> int:
        chosen = self.chosen()
        if not chosen:
            return 0
        values, sources = importer.apply(self.doc.report, chosen)
        # the figures and their sources: one macro of the document, one undo step
        self.doc.set_values({**values, "sources": sources}, UNDO_TEXT)
        return len(chosen)


def _notes_text(plan: importer.Plan) -> str:
    lines = [f"· {m}" for m in plan.missing]
    if plan.problems:
        lines += ["", "问题："] + [f"· {p}" for p in plan.problems]
    if plan.notices:
        lines += ["", "提示："] + [f"· {n}" for n in plan.notices]
    return "\n".join(lines)


def read_plan(window: QWidget, doc: DocumentController, files: list[Path]) -> importer.Plan:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return importer.read_tables(files, doc.report)
    finally:
        QApplication.restoreOverrideCursor()


def start(window: Any, doc: DocumentController, start_dir: str = "") -> FillDialog | None:
    """Ask for the files, read them, and open the preview (window-modal, not blocking);
    None when nothing was chosen or nothing could be read."""
    files = dialogs.open_files(window, "选择单位的部门决算/预算报表（可多选，可同时选上年的决算表）",
                               start_dir, TABLES_FILTER)
    if not files:
        return None
    plan = read_plan(window, doc, files)
    if not plan.candidates:
        dialogs.warning(window, "未能取数",
                        "所选文件中没有找到可取的数，报告未改动。详见下方。",
                        "\n".join(plan.problems) or "没有识别出决算/预算公开表。")
        return None
    dlg = FillDialog(doc, plan, files, window)

    def done() -> None:
        n = dlg.apply()
        if n and hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"已从报表填入 {n} 个数；可用“撤销”一步恢复。", 10000)

    dlg.accepted.connect(done)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.show()
    return dlg
