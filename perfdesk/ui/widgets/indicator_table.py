"""IndicatorTable: the 绩效指标 table (附件2 or one project's 附件3) with its subtotals.

Its buttons: 指标库, 补选档次 (bands of qualitative rows), 采用建议得分 (every blank 自评得分
takes the 建议得分, one undo step; typed scores that differ only when the user says so).
``adopt_in_report`` does the same for every table of the report (编辑 menu, toolbar).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QVBoxLayout, QWidget

from perfdesk.checks.suggest import Conflict, adoption, adoption_for_report
from perfdesk.model.report import Indicator
from perfdesk.model.vocabulary import LEVEL2_BY_LEVEL1, Band
from perfdesk.ui import dialogs
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.indicator_model import INDICATOR_COLUMNS, IndicatorModel
from perfdesk.ui.widgets.record_table import RecordTable
from perfdesk.ui.widgets.row_actions import menu_action
from perfdesk.ui.widgets.string_list import tool_button

COL_NAME = 2


def vocabulary_rank(ind: Indicator) -> tuple[int, int]:
    """Where the row's 一级/二级 stand in LEVEL2_BY_LEVEL1 (names outside it: after all)."""
    level1 = list(LEVEL2_BY_LEVEL1)
    level2 = LEVEL2_BY_LEVEL1.get(ind.level1, ())
    return (level1.index(ind.level1) if ind.level1 in level1 else len(level1),
            level2.index(ind.level2) if ind.level2 in level2 else len(level2))


def insert_grouped(items: list[Indicator], new: list[Indicator]) -> list[Indicator]:
    """``items`` with each new row placed after the last row of its 一级/二级 group.

    A group the table does not have yet goes where LEVEL2_BY_LEVEL1 puts it: a missing
    二级 among the rows of its 一级, a missing 一级 among the 一级 groups (效益指标 before
    满意度指标, 时效指标 before 成本指标), so 附件2/附件3 print in the template's order.
    An 一级 outside the vocabulary goes after the last row of its 一级, or at the end."""
    out = list(items)
    known = set(LEVEL2_BY_LEVEL1)
    for ind in new:
        same2 = [i for i, x in enumerate(out) if (x.level1, x.level2) == (ind.level1, ind.level2)]
        same1 = [i for i, x in enumerate(out) if x.level1 == ind.level1]
        if same2:
            pos = same2[-1] + 1
        elif ind.level1 not in known:
            pos = same1[-1] + 1 if same1 else len(out)
        else:
            key = vocabulary_rank(ind)
            scope = same1 or list(range(len(out)))
            before = [i for i in scope if vocabulary_rank(out[i]) <= key]
            pos = before[-1] + 1 if before else (scope[0] if scope else 0)
        out.insert(pos, ind)
    return out


class IndicatorTable(RecordTable):
    def __init__(self, doc: DocumentController, path: str, *, min_rows: int = 10,
                 parent: QWidget | None = None) -> None:
        model = IndicatorModel(doc, path)
        super().__init__(doc, path, INDICATOR_COLUMNS, Indicator, model=model,
                         min_rows=min_rows, parent=parent)
        self.indicator_model = model
        self.add_button(tool_button("指标库…", "从常用指标库中选择指标添加", self.open_library,
                                    self))
        self.add_button(tool_button(
            "补选档次", "为还没选“定性档次”的定性指标选定档次：按自评得分所在档次，"
            "没有得分时按实际完成值的表述（一步，可撤销）", self._fill_bands_clicked, self))
        self.add_button(tool_button(
            "采用建议得分", "把本表每行的“建议得分”填入空白的“自评得分”（一步，可撤销）；"
            "已填写且与建议不同的得分，先问过再改", self._adopt_clicked, self))
        self.subtotal = QLabel(self)
        self.subtotal.setObjectName(f"{path}:subtotal")
        self.subtotal.setWordWrap(True)
        self.subtotal.setTextFormat(Qt.TextFormat.RichText)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.subtotal)
        for sig in (doc.changed, doc.structure_changed):
            sig.connect(self._update_subtotal)
        doc.reset.connect(self._update_subtotal)
        self._update_subtotal()

    # --- rows: a new row joins the group it is inserted into ------------------------------------
    def new_record(self, at: int) -> Indicator:
        """A blank indicator under the 一级/二级 of the row above (or, at the top, below)."""
        items = self.model.items()
        near = items[at - 1] if 0 < at <= len(items) else (items[0] if items else None)
        if near is None:
            return Indicator()
        return Indicator(level1=near.level1, level2=near.level2)

    def typing_column(self, row: int) -> int:
        """In a row that has its 一级/二级 already, typing starts at 三级指标."""
        items = self.model.items()
        if 0 <= row < len(items) and items[row].level1 and items[row].level2:
            return COL_NAME
        return super().typing_column(row)

    def add_menu_actions(self, menu: QMenu) -> None:
        menu.addSeparator()
        editable = not self.read_only
        menu_action(menu, "从指标库插入(&L)…", "", self.open_library, editable, "row-library")
        menu_action(menu, "补选档次(&G)", "", self._fill_bands_clicked, editable, "row-bands")

    def rebind(self, path: str) -> None:
        super().rebind(path)
        self.subtotal.setObjectName(f"{path}:subtotal")
        self._update_subtotal()

    def _update_subtotal(self, *_args: object) -> None:
        self.subtotal.setText("各一级指标分值小计：" + self.indicator_model.subtotal_html())

    def add_from_library(self, picked: list[Indicator]) -> None:
        """Add library rows into their groups (one undo step)."""
        if not picked:
            return
        items = insert_grouped(list(self.model.items()), [copy.deepcopy(p) for p in picked])
        self.doc.replace_list(self.path, items, "从指标库添加")

    def _fill_bands_clicked(self) -> None:
        self.fill_bands()

    def fill_bands(self) -> int:
        """Choose the band of every qualitative row without one (one undo step); how many."""
        from perfdesk.checks.scoring import band_to_fill

        settings = self.doc.report.scoring
        items = [copy.copy(i) for i in self.model.items()]
        filled = 0
        for item in items:
            band = band_to_fill(item, settings)
            if band:
                item.band = band
                filled += 1
        if filled:
            self.doc.replace_list(self.path, items, "补选定性档次")
            self.show_message(f"已为 {filled} 个定性指标选定档次，请核对“定性档次”列；不合适可撤销（Ctrl+Z）。", error=False)
        else:
            self.show_message("没有可补选的定性指标：都已选定档次，或既无自评得分也无法从完成值判断。", error=False)
        return filled

    def _adopt_clicked(self) -> None:
        self.adopt_suggestions()

    def adopt_suggestions(self) -> int:
        """采用建议得分 for this table (one undo step); how many rows changed."""
        rows = list(self.model.items())
        plan = adoption(rows, self.doc.report.scoring)
        overwrite = ask_overwrite(self, len(plan.fills), [(self.where(), c) for c in plan.conflicts])
        if overwrite is None:
            self.show_message("已取消，自评得分没有改动。", error=False)
            return 0
        items = [copy.copy(i) for i in rows]
        for f in plan.fills:
            _take(items[f.index], f.score, f.band)
        changed = len(plan.fills)
        if overwrite:
            for c in plan.conflicts:
                _take(items[c.index], c.suggested, c.band)
            changed += len(plan.conflicts)
        if changed:
            self.doc.replace_list(self.path, items, "采用建议得分")
        self.show_message(adopted_text(changed, len(plan.conflicts) if not overwrite else 0), error=False)
        return changed

    def where(self) -> str:
        """How messages name this table: 附件2 or the project's name."""
        if self.path == "indicators":
            return "附件2"
        index = int(self.path.split("[")[1].split("]")[0])
        projects = self.doc.report.projects
        name = projects[index].name.strip() if index < len(projects) else ""
        return f"项目“{name}”" if name else f"第{index + 1}个项目"

    def open_library(self) -> None:
        from perfdesk.ui.widgets.indicator_library import IndicatorLibraryDialog

        dialog = IndicatorLibraryDialog(self)
        if dialog.exec():
            self.add_from_library(dialog.selected())


# --- 采用建议得分 ------------------------------------------------------------------------------


def _take(item: Indicator, score: Decimal, band: Band | None) -> None:
    item.score = score
    if band is not None and item.band is None:
        item.band = band


def _show(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def ask_overwrite(parent: QWidget, fills: int, conflicts: Sequence[tuple[str, Conflict]]) -> bool | None:
    """Whether typed scores that differ from the suggestion change too: False (only the
    blank ones), True, or None (cancel). Asks only when there are such scores."""
    if not conflicts:
        return False
    where, first = conflicts[0]
    example = (f"如{where}第{first.index + 1}行：已填 {_show(first.typed)} 分，"
               f"建议 {_show(first.suggested)} 分")
    blank = f"另有 {fills} 行空白的自评得分会填入建议得分。\n" if fills else ""
    answer = dialogs.choose(
        parent, "采用建议得分",
        f"有 {len(conflicts)} 行已填写的自评得分与建议得分不同（{example}）。\n{blank}"
        "要把这些已填写的得分也改为建议得分吗？（可撤销）",
        ["只填空白的得分" if fills else "不改", "全部改为建议得分", "取消"], default=0)
    return {0: False, 1: True}.get(answer)


def adopted_text(changed: int, kept: int) -> str:
    """What 采用建议得分 did, for the message line or the status bar."""
    if not changed and not kept:
        return "没有可采用的建议得分：有建议得分的行都已填写了相同的自评得分，或还没有建议得分（请先填写实际完成值）。"
    done = (f"已为 {changed} 行填入建议得分，请核对；不合适可撤销（Ctrl+Z）。" if changed
            else "没有改动自评得分。")
    return done + (f"另有 {kept} 行已填写的得分与建议得分不同，保留未改。" if kept else "")


def adopt_in_report(parent: QWidget, doc: DocumentController) -> str:
    """采用建议得分 for every table (附件2 and each project's 附件3), in one undo step.
    Returns what it did, in words."""
    report = doc.report
    plan = adoption_for_report(report)

    def name(path: str) -> str:
        if path == "indicators":
            return "附件2"
        index = int(path.split("[")[1].split("]")[0])
        project = report.projects[index].name.strip()
        return f"项目“{project}”" if project else f"第{index + 1}个项目"

    overwrite = ask_overwrite(parent, len(plan.fills), [(name(t), c) for t, c in plan.conflicts])
    if overwrite is None:
        return "已取消，自评得分没有改动。"
    values: dict[str, object] = {}
    takes = [(t, f.index, f.score, f.band) for t, f in plan.fills]
    if overwrite:
        takes += [(t, c.index, c.suggested, c.band) for t, c in plan.conflicts]
    for table, index, score, band in takes:
        values[f"{table}[{index}].score"] = score
        if band is not None:
            values[f"{table}[{index}].band"] = band
    if values:
        doc.set_values(values, "采用建议得分")
    return adopted_text(len(takes), 0 if overwrite else len(plan.conflicts))
