"""A table model over a list of dataclass records (adjustments, buildings, indicators).

Columns are declared with ``Column``: which field, how it is typed (text, money, number,
choice) or computed. Cells are parsed the way the single-field editors parse (money via
``parse_money``, Decimal throughout), and a block pasted from Excel is validated completely
before anything changes, then applied as one undo step.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from perfdesk.model.money import is_dash
from perfdesk.model.numbers import fmt_money_exact, fmt_points
from perfdesk.model.report import Report
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.binding import field_hint
from perfdesk.ui.widgets.column_fit import FLEXIBLE_ROLE, SAMPLE_ROLE
from perfdesk.ui.widgets.fields import COMPUTED_TIP, FieldError, parse_money_field, parse_number
from perfdesk.ui.widgets.list_model import DocListModel, Index

COMPUTED_BG = QColor("#eceff3")
SAMPLES = {"money": "12345.67", "number": "100"}
Choices = Sequence[tuple[Any, str]]  # (stored value, label)


@dataclass(frozen=True)
class Column:
    field: str | None  # None: computed
    header: str
    kind: str = "text"  # text | para (long, wrapped) | money | number | choice
    choices: Choices = ()
    choices_for: Callable[[Any], Choices] | None = None  # per-row choices (二级 by 一级)
    compute: Callable[[Any, Report], str] | None = None
    tip: str = ""

    @property
    def computed(self) -> bool:
        return self.field is None

    def options(self, item: Any) -> Choices:
        return self.choices_for(item) if self.choices_for is not None else self.choices



def _label(col: Column, item: Any, value: Any) -> str:
    for stored, label in col.options(item):
        if stored == value:
            return label
    return "" if value is None else str(value)


class RecordTableModel(DocListModel):
    def __init__(self, doc: DocumentController, list_path: str, columns: Sequence[Column],
                 factory: Callable[[], Any]) -> None:
        super().__init__(doc, list_path)
        self.columns = list(columns)
        self.factory = factory
        self.computed_columns = tuple(i for i, c in enumerate(self.columns) if c.computed)
        self.paste_note = ""  # what the last paste_block wants the user to know

    # --- shape -------------------------------------------------------------------------
    def columnCount(self, parent: Index | None = None) -> int:
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == FLEXIBLE_ROLE:  # text that may wrap (column_fit)
            return not col.computed and col.kind in ("text", "para", "choice")
        if role == SAMPLE_ROLE:  # the width to keep for it while still empty
            return SAMPLES.get(col.kind, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return COMPUTED_TIP if col.computed else self.column_tip(col)
        return None

    def column_tip(self, col: Column) -> str:
        """What goes into a column (the field's tooltip from the schema) and its own note."""
        hint = field_hint(f"{self.list_path}[0].{col.field}")
        return f"{hint}\n{col.tip}" if col.tip and col.tip not in hint else hint

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self.columns[index.column()].computed:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def column_of(self, field: str) -> int:
        for i, c in enumerate(self.columns):
            if c.field == field:
                return i
        return -1

    # --- cells -------------------------------------------------------------------------
    def display(self, item: Any, col: Column) -> str:
        if col.computed:
            assert col.compute is not None
            return col.compute(item, self.doc.report)
        value = getattr(item, col.field or "")
        if col.kind == "money":
            return fmt_money_exact(value)
        if col.kind == "number":
            return fmt_points(value)
        if col.kind == "choice":
            return _label(col, item, value)
        return "" if value is None else str(value)

    def cell_path(self, index: Index) -> str:
        field = self.columns[index.column()].field
        return self.item_path(index.row(), field) if field else ""  # computed: never a field

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self.items()
        if not index.isValid() or index.row() >= len(items):
            return None
        flag = self.flagged(index, role)
        if flag is not None:
            return flag
        item, col = items[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, col)
        if role == Qt.ItemDataRole.EditRole:
            if col.kind == "choice":
                return getattr(item, col.field or "")
            return self.display(item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and (
                col.kind in ("money", "number") or col.computed):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col.computed:
            return QBrush(COMPUTED_BG)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.computed:
                return COMPUTED_TIP + (f"：{col.tip}" if col.tip else "")
            text = self.display(item, col)
            return text if len(text) > 12 else self.column_tip(col)
        return None

    def parse_cell(self, col: Column, item: Any, text: Any) -> Any:
        """The stored value for ``text`` typed or pasted into ``col``; FieldError if refused."""
        if col.kind == "choice":
            s = str(text or "").strip()
            opts = col.options(item)
            for stored, label in opts:
                if s in (stored, label):
                    return stored
            names = "、".join(label for _s, label in opts if label)
            raise FieldError(f"“{s}”不是可选值（可选：{names}）")
        s = "" if text is None else str(text)
        if col.kind in ("money", "number") and is_dash(s):
            s = ""
        if col.kind == "money":
            return parse_money_field(s)
        if col.kind == "number":
            return parse_number(s)
        return s.strip()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        items = self.items()
        col = self.columns[index.column()]
        if col.computed or index.row() >= len(items):
            return False
        try:
            parsed = self.parse_cell(col, items[index.row()], value)
        except FieldError as exc:
            self.error.emit(f"第{index.row() + 1}行“{col.header}”：{exc}")
            return False
        self.doc.set_value(self.item_path(index.row(), col.field), parsed)
        self.error.emit("")
        return True

    # --- paste and clear -----------------------------------------------------------------
    def pasteable(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if not c.computed]

    def prepare_paste(self, row: int, col: int, values: dict[str, str], prev: Any) -> None:
        """Hook: adjust one pasted row's raw texts (field -> text) before parsing."""

    def skip_pasted(self, values: dict[str, str]) -> bool:
        """Hook: leave out a pasted row (a placeholder row of the paper form)."""
        return False

    def _is_header(self, cells: list[str], targets: list[int]) -> bool:
        """The block's first row repeats the table's column titles (copied with the data)."""
        heads = {"".join(self.columns[c].header.split()) for c in targets}
        hits = sum(1 for c in cells if c.strip() and "".join(c.split()) in heads)
        return hits >= 2

    def paste_block(self, block: list[list[str]], row0: int, col0: int) -> str:
        """Apply ``block`` at (row0, col0) as one undo step; the error message or ''.

        After a paste, ``paste_note`` says what the user should know about it (columns
        beyond the table's last, blank choices that kept their option), or is ''."""
        self.paste_note = ""
        block = [r for r in block if any(c.strip() for c in r)]
        if not block:
            return "剪贴板里没有可粘贴的内容"
        targets = self.pasteable()
        start = next((k for k, c in enumerate(targets) if c >= col0), len(targets))
        targets = targets[start:]
        if not targets:
            return "请先选择要粘贴到的列"
        if self._is_header(block[0], targets):
            block = block[1:]
        items = [copy.deepcopy(i) for i in self.items()]
        row0 = max(0, min(row0, len(items)))
        prev = items[row0 - 1] if row0 > 0 else None
        row = row0 - 1
        pasted = 0
        kept: dict[int, list[tuple[int, Any]]] = {}  # column -> (row, kept value) of blank choices
        for cells in block:
            texts = {self.columns[c].field or "": cells[k]
                     for k, c in enumerate(targets) if k < len(cells)}
            if self.skip_pasted(texts):
                continue
            row += 1
            pasted += 1
            if row >= len(items):
                items.append(self.factory())
            item = items[row]
            self.prepare_paste(row, col0, texts, prev)
            for field, text in texts.items():
                c = self.column_of(field)
                col = self.columns[c]
                try:
                    value = self.parse_cell(col, item, text)
                except FieldError as exc:
                    if col.kind == "choice" and not str(text).strip():
                        # a blank choice that cannot be blank: the row keeps its option
                        kept.setdefault(c, []).append((row, getattr(item, field)))
                        continue
                    return f"第{row + 1}行“{col.header}”列：{exc}。未粘贴任何内容。"
                setattr(item, field, value)
            prev = item
        self.doc.replace_list(self.list_path, items, "粘贴")
        self.paste_note = self._paste_note(pasted, block, len(targets), kept, items)
        return ""

    def _paste_note(self, pasted: int, block: list[list[str]], width: int,
                    kept: dict[int, list[tuple[int, Any]]], items: list[Any]) -> str:
        notes = []
        extra = max((max((k for k, c in enumerate(r) if c.strip()), default=-1) + 1
                     for r in block), default=0) - width
        if extra > 0:
            first = next((c for r in block for c in r[width:] if c.strip()), "")
            where = f"（从“{_short(first)}”起）" if first else ""
            notes.append(f"复制的内容比表格多{extra}列{where}，表格里没有对应的列，"
                         f"这{extra}列没有粘贴")
        for c, cells in kept.items():
            col = self.columns[c]
            rows = "、".join(str(r + 1) for r, _v in cells[:5]) + ("等" if len(cells) > 5 else "")
            labels = {_label(col, items[r], v) for r, v in cells}
            keep = f"保留“{labels.pop()}”" if len(labels) == 1 else "保留原来的选择"
            notes.append(f"第{rows}行“{col.header}”是空白，{keep}，请核对")
        if not notes:
            return ""
        return f"已粘贴{pasted}行。" + "；".join(notes) + "。"

    def copy_block(self, indexes: list[QModelIndex]) -> list[list[str]]:
        """The texts of the rectangle around ``indexes`` as typed (choices by their label,
        grouped 一级/二级 in full), computed columns left out: pasted at the first of
        these cells, the block fills exactly the cells it came from."""
        items = self.items()
        cells = [(i.row(), i.column()) for i in indexes if i.isValid() and i.row() < len(items)]
        if not cells:
            return []
        rows = range(min(r for r, _c in cells), max(r for r, _c in cells) + 1)
        cols = [c for c in range(min(c for _r, c in cells), max(c for _r, c in cells) + 1)
                if not self.columns[c].computed]
        return [[self.display(items[r], self.columns[c]) for c in cols] or [""] for r in rows]

    def clear_cells(self, indexes: list[QModelIndex]) -> None:
        items = [copy.deepcopy(i) for i in self.items()]
        touched = False
        for idx in indexes:
            col = self.columns[idx.column()]
            if col.computed or idx.row() >= len(items):
                continue
            blank: Any = None if col.kind in ("money", "number") else ""
            if col.kind == "choice":
                blank = getattr(self.factory(), col.field or "")
            setattr(items[idx.row()], col.field or "", blank)
            touched = True
        if touched:
            self.doc.replace_list(self.list_path, items, "清除")


def _short(text: str, n: int = 12) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"
