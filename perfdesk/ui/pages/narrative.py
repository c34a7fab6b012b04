"""绩效情况: the accountant's achievement sections, extra paragraphs, and (read-only) the
paragraphs the report generates from the figures, for reference while writing."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from perfdesk.io.tsv import split_lines
from perfdesk.model.report import Section
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.form_page import FormPage, hint_label
from perfdesk.ui.pages.narrative_preview import preview_html
from perfdesk.ui.widgets.binding import Rebindable, commit_or_warn, flash
from perfdesk.ui.widgets.item_list import ItemList
from perfdesk.ui.widgets.row_actions import RowOp, copy_items, menu_action, pasted_items
from perfdesk.ui.widgets.string_list import tool_button

BASE = "sections[0]"
_INDEX = re.compile(r"^sections\[(\d+)\]")


class NarrativePage(FormPage):
    key = "narrative"
    title = "绩效情况"

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.current = 0
        self.add_tab("整体支出绩效情况")
        self._build_sections()
        self.add_tab("补充段落")
        _box, lay = self.group("六（一）支出预算执行情况：补充段落（写在自动生成的执行率段落之后）",
                               form=False)
        lay.addWidget(self.strings("execution_notes", "补充段落", min_rows=4))
        _box, lay = self.group("六（二）支出绩效目标完成情况：补充段落", form=False)
        lay.addWidget(self.strings("goal_notes", "补充段落", min_rows=4))
        self.add_tab("自动生成的段落（参考）")
        self._build_preview()
        self.finish()
        if self.tabs is not None:
            self.tabs.currentChanged.connect(self._on_tab)
        self._orig = {id(w): w.path for w in self.binder.widgets
                      if isinstance(w, Rebindable) and w.path.startswith(BASE)}
        doc.structure_changed.connect(self._on_structure)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(lambda: self._on_structure("sections"))
        self._on_structure("sections")

    # --- sections -----------------------------------------------------------------------------
    def _build_sections(self) -> None:
        self.body.addWidget(hint_label(
            "按工作条线写本年度取得的成效，每部分一个标题和若干段落（报告“六（三）整体支出绩效情况”）。"
            "段落可从 Word 复制多段后点“粘贴”。"))
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("各部分标题"))
        self.section_list = ItemList()
        self.section_list.setObjectName("sections")
        self.section_list.row_editor = self
        self.section_list.on_enter = self._enter_on_list
        self.section_list.setWordWrap(True)
        self.section_list.setMaximumWidth(260)
        self.section_list.currentRowChanged.connect(self._on_row)
        self.section_list.itemChanged.connect(self._on_renamed)
        left.addWidget(self.section_list, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(3)
        for text, tip, slot in (("＋ 添加", "添加一部分（在列表中按 Insert 或 Ctrl+Enter）",
                                 self.add_section),
                                ("删除", "删除所选部分（Ctrl+Delete，可撤销）", self.remove_section),
                                ("上移", "上移（Alt+↑）", lambda: self.move_section(-1)),
                                ("下移", "下移（Alt+↓）", lambda: self.move_section(1))):
            buttons.addWidget(tool_button(text, tip, slot, self))
        buttons.addStretch(1)
        left.addLayout(buttons)
        row.addLayout(left)
        self.editor = QWidget()
        right = QVBoxLayout(self.editor)
        right.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel("标题："))
        title_row.addWidget(self.line(f"{BASE}.title", "如 （1）市场主体培育成效明显"))
        right.addLayout(title_row)
        right.addWidget(self.strings(f"{BASE}.paragraphs", "段落", min_rows=8), 1)
        row.addWidget(self.editor, 1)
        self.body.addLayout(row)
        self.empty_hint = hint_label("还没有内容。点“＋ 添加”新建一部分。")
        self.body.addWidget(self.empty_hint)

    def _label(self, i: int, s: Section) -> str:
        return s.title or f"（第 {i + 1} 部分，未填标题）"

    def _on_structure(self, path: str) -> None:
        if path != "sections":
            return
        sections = self.doc.report.sections
        self.section_list.blockSignals(True)
        self.section_list.clear()
        for i, s in enumerate(sections):
            item = QListWidgetItem(self._label(i, s))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.section_list.addItem(item)
        self.section_list.blockSignals(False)
        self.select(min(self.current, len(sections) - 1) if sections else -1)

    def _on_changed(self, path: str) -> None:
        m = re.match(r"^sections\[(\d+)\]\.title$", path)
        if m and int(m.group(1)) < self.section_list.count():
            i = int(m.group(1))
            self.section_list.blockSignals(True)
            self.section_list.item(i).setText(self._label(i, self.doc.report.sections[i]))
            self.section_list.blockSignals(False)
        self._schedule_preview()

    def _on_row(self, row: int) -> None:
        if row >= 0 and row != self.current:
            self.select(row)

    def select(self, index: int) -> None:
        self.editor.setVisible(index >= 0)
        self.empty_hint.setVisible(index < 0)
        if index < 0:
            return
        self.current = index
        new = f"sections[{index}]"
        for w in self.binder.widgets:
            orig = self._orig.get(id(w))
            if orig is not None and isinstance(w, Rebindable):
                w.rebind(new + orig[len(BASE):])
        if self.section_list.currentRow() != index:
            self.section_list.blockSignals(True)
            self.section_list.setCurrentRow(index)
            self.section_list.blockSignals(False)

    def add_section(self) -> None:
        n = len(self.doc.report.sections)
        self.doc.insert_item("sections", n, Section())
        self.select(n)
        self.focus_path(f"sections[{n}].title")

    def _on_renamed(self, item: QListWidgetItem) -> None:
        i = self.section_list.row(item)
        sections = self.doc.report.sections
        if 0 <= i < len(sections) and item.text() != self._label(i, sections[i]):
            self.doc.set_value(f"sections[{i}].title", item.text().strip())

    # --- the list's row keys and row menu (RowEditor) ---------------------------------------------
    def row_count(self) -> int:
        return len(self.doc.report.sections)

    def current_row(self) -> int:
        return self.section_list.currentRow()

    def is_read_only(self) -> bool:
        return False

    def run_row_op(self, op: RowOp) -> None:
        row = self.current_row()
        sections = self.doc.report.sections
        if op == RowOp.COPY:
            if 0 <= row < len(sections):
                copy_items([sections[row]], f"{sections[row].title}\n")
        elif not commit_or_warn(self):
            return
        elif op == RowOp.REMOVE:
            self.remove_section()
        elif op in (RowOp.MOVE_UP, RowOp.MOVE_DOWN):
            self.move_section(-1 if op == RowOp.MOVE_UP else 1)
        elif op == RowOp.PASTE:
            pasted = pasted_items(Section)
            if pasted is None:
                lines = split_lines(QGuiApplication.clipboard().text())
                pasted = [Section(title=line) for line in lines]
            self.insert_sections(row + 1 if row >= 0 else len(sections), pasted)
        else:
            at = max(row, 0) if op == RowOp.INSERT_ABOVE else (
                row + 1 if row >= 0 else len(sections))
            self.insert_sections(at, [Section()], rename=True)

    def add_menu_actions(self, menu: QMenu) -> None:
        menu_action(menu, "重命名(&R)", "F2", self._rename_current,
                    0 <= self.current_row() < self.row_count(), "row-rename")

    def insert_sections(self, at: int, sections: list[Section], *, rename: bool = False) -> None:
        if not sections:
            return
        if len(sections) == 1:
            self.doc.insert_item("sections", at, sections[0], "添加部分")
        else:
            items = list(self.doc.report.sections)
            self.doc.replace_list("sections", items[:at] + sections + items[at:], "粘贴部分")
        self.select(at)
        self.section_list.setFocus()
        if rename:
            self._rename_current()

    def _rename_current(self) -> None:
        item = self.section_list.currentItem()
        if item is not None:
            self.section_list.setFocus()
            self.section_list.editItem(item)

    def _enter_on_list(self) -> None:
        """Enter: the next part; after the last one, a new part to name."""
        row = self.current_row()
        if row < self.row_count() - 1:
            self.section_list.setCurrentRow(row + 1)
        else:
            self.run_row_op(RowOp.INSERT_BELOW)

    def remove_section(self) -> None:
        i = self.section_list.currentRow()
        if 0 <= i < len(self.doc.report.sections):
            self.current = max(0, i - 1) if i == len(self.doc.report.sections) - 1 else i
            self.doc.remove_item("sections", i)

    def move_section(self, delta: int) -> None:
        i, n = self.section_list.currentRow(), len(self.doc.report.sections)
        if 0 <= i < n and 0 <= i + delta < n:
            self.current = i + delta
            self.doc.move_item("sections", i, i + delta)

    # --- generated paragraphs -------------------------------------------------------------------
    def _build_preview(self) -> None:
        self.body.addWidget(hint_label(
            "以下段落由程序根据已填写的数字自动生成，写入报告时与附件表格一致，此处只读，供撰写时参考。"
            "如需修改数字，请到相应页面修改。"))
        self.preview = QTextBrowser()
        self.preview.setObjectName("calc.generated_paragraphs")
        self.preview.setMinimumHeight(460)
        self.preview.setStyleSheet("QTextBrowser { background: #f7f8fa; }")
        self.body.addWidget(self.preview, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh_preview)
        self.doc.structure_changed.connect(self._schedule_preview)
        self.doc.reset.connect(self._schedule_preview)
        self._preview_stale = True

    def _schedule_preview(self, *_args: object) -> None:
        self._preview_stale = True
        if self.preview.isVisible():
            self._timer.start()

    def _on_tab(self, _index: int) -> None:
        if self.preview.isVisible() and self._preview_stale:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        self._preview_stale = False
        self.preview.setHtml(preview_html(self.doc.report))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._preview_stale:
            self._timer.start()

    # --- navigation ------------------------------------------------------------------------------
    def focus_path(self, path: str) -> bool:
        m = _INDEX.match(path)
        if m is None:
            if path == "sections":
                if self.tabs is not None:
                    self.tabs.setCurrentIndex(0)
                self.section_list.setFocus()
                flash(self.section_list)
                return True
            return self.binder.focus(path)
        index = int(m.group(1))
        if index >= len(self.doc.report.sections):
            return False
        self.select(index)
        if path == m.group(0):
            return self.binder.focus(f"{m.group(0)}.title")
        return self.binder.focus(path)
