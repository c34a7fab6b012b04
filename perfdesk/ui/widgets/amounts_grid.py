"""AmountsGrid: budget lines × the columns 上年决算 / 年初预算 / 全年预算 / 决算.

Typed cells are MoneyEdits named by their field path ("basic.personnel.actual"); computed
rows and cells are grey, read-only, with the tooltip “自动计算”; an optional rate column
(执行率 or 控制率) is computed per row.

A block copied from Excel (several cells, tab- and line-separated) pasted into a cell fills
the grid from that cell rightwards and downwards, like Excel: all of it as one undo step,
or nothing with the reason in the message line under the grid. ↑ and ↓ go to the typed cell
above or below (its figure selected, so that typing replaces it), as in the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from perfdesk.io.tsv import parse_tsv
from perfdesk.model import figures
from perfdesk.model.figures import Figures
from perfdesk.model.money import is_dash
from perfdesk.model.numbers import fmt_money, fmt_percent
from perfdesk.model.report import Amounts, Report
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.binding import Cursor, flash
from perfdesk.ui.widgets.fields import ComputedField, FieldError, MoneyEdit, parse_money_field

Rate = tuple[str, Callable[[Amounts], Decimal | None], str]  # header, fn, tooltip

EXEC_RATE: Rate = ("执行率", figures.execution_rate, "决算 ÷ 全年预算")
CONTROL_RATE: Rate = ("控制率", figures.control_rate, "决算 ÷ 年初（本年）预算")


@dataclass(frozen=True)
class AmountRow:
    label: str
    path: str | None = None  # the Amounts field, e.g. "basic.personnel"
    compute: Callable[[Figures], Amounts] | None = None  # a computed line (from the Figures)
    columns: tuple[str, ...] | None = None  # typed columns (default: all of the grid's)
    indent: int = 0
    tip: str = ""  # explains a computed line


def align_label_columns(*grids: AmountsGrid) -> None:
    """Give grids shown one above the other the same label width, so their columns line up."""
    width = max(g.label_width() for g in grids)
    for g in grids:
        layout = g.layout()
        assert isinstance(layout, QGridLayout)
        layout.setColumnMinimumWidth(0, width)


class AmountsGrid(QWidget):
    def __init__(self, doc: DocumentController, rows: Sequence[AmountRow], *,
                 columns: Sequence[str] = figures.COLUMNS,
                 headers: dict[str, str] | None = None, rate: Rate | None = None,
                 cursor: Cursor | None = None, parent: QWidget | None = None) -> None:
        """With ``cursor``, each row's ``path`` is a field of the cursor's current item
        ("amounts"), and the grid follows the cursor."""
        super().__init__(parent)
        self.doc = doc
        self.item_cursor = cursor
        self.rows = [replace(r, path=cursor.path(r.path)) if cursor is not None and r.path else r
                     for r in rows]
        self._fields = {cursor.path(r.path): r.path for r in rows if cursor is not None and r.path}
        self.columns = list(columns)
        self.fields: list[QLineEdit] = []  # row-major, for the page's binder and tab order
        self.edits: dict[str, MoneyEdit] = {}
        self._paths: dict[str, str] = {}  # original row path -> rebased path
        self.cells: dict[tuple[int, int], QLineEdit] = {}  # (row, column) -> cell, 0-based
        self._headers: list[str] = []
        self._pasting = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        labels = {**figures.COLUMN_LABELS, **(headers or {})}
        self._headers = [labels[col] for col in self.columns] + ([rate[0]] if rate else [])
        for c, col in enumerate(self.columns, start=1):
            grid.addWidget(self._header(labels[col]), 0, c)
        if rate is not None:
            grid.addWidget(self._header(rate[0]), 0, len(self.columns) + 1)
        grid.addWidget(self._header("（万元）", left=True), 0, 0)
        for r, row in enumerate(self.rows, start=1):
            label = QLabel(("　" * row.indent) + row.label, self)
            if row.compute is not None:
                label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, r, 0)
            for c, col in enumerate(self.columns, start=1):
                w = self._cell(row, col)
                if w is not None:
                    grid.addWidget(w, r, c)
                    self.cells[(r - 1, c - 1)] = w
            if rate is not None:
                w = self._rate_cell(row, rate)
                self.fields.append(w)
                grid.addWidget(w, r, len(self.columns) + 1)
                self.cells[(r - 1, len(self.columns))] = w
        grid.setColumnStretch(0, 0)
        for c in range(1, len(self.columns) + 2):
            grid.setColumnStretch(c, 1)
        self.message = QLabel(self)  # the outcome of a block paste
        self.message.setWordWrap(True)
        self.message.hide()
        grid.addWidget(self.message, len(self.rows) + 1, 0, 1, len(self._headers) + 1)
        for edit in self.edits.values():
            edit.installEventFilter(self)
        if cursor is not None:
            cursor.follow(self._follow_cursor)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._on_changed)

    def label_width(self) -> int:
        layout = self.layout()
        assert isinstance(layout, QGridLayout)
        labels = (item.widget() for r in range(layout.rowCount())
                  if (item := layout.itemAtPosition(r, 0)) is not None)
        return max((w.sizeHint().width() for w in labels if w is not None), default=0)

    def _header(self, text: str, left: bool = False) -> QLabel:
        h = QLabel(text, self)
        h.setStyleSheet("color: #4a5361;")
        h.setAlignment((Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight)
                       | Qt.AlignmentFlag.AlignVCenter)
        return h

    def _amounts(self, row: AmountRow) -> Callable[[Report, Figures], Amounts]:
        compute = row.compute
        if compute is not None:
            return lambda _report, fig: compute(fig)
        path = row.path or ""

        def get(_report: Report, _fig: Figures) -> Amounts:
            amounts: Amounts = self.doc.get(self._paths.get(path, path))
            return amounts
        return get

    def _cell(self, row: AmountRow, col: str) -> QLineEdit | None:
        typed = row.columns if row.columns is not None else tuple(self.columns)
        if row.compute is None and col not in typed:
            return None
        if row.compute is None:
            edit = MoneyEdit(self.doc, f"{row.path}.{col}", self)
            self.edits[f"{row.path}.{col}"] = edit
            self.fields.append(edit)
            return edit
        fn = row.compute
        w = ComputedField(self.doc, f"calc.{_slug(row.label)}.{col}",
                          lambda _rep, fig: fmt_money(getattr(fn(fig), col)), row.tip, self)
        self.fields.append(w)
        return w

    def _rate_cell(self, row: AmountRow, rate: Rate) -> ComputedField:
        amounts = self._amounts(row)
        name = f"calc.{_slug(row.label)}.{_slug(rate[0])}"
        return ComputedField(self.doc, name, lambda rep, fig: fmt_percent(rate[1](amounts(rep, fig))),
                             rate[2], self)

    # --- pasting a block ----------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (isinstance(obj, MoneyEdit) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and self._arrow(obj, event)):
            return True
        if isinstance(obj, MoneyEdit) and not obj.isReadOnly():
            if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and event.matches(QKeySequence.StandardKey.Paste)):
                text = QGuiApplication.clipboard().text()
                if _is_block(text):
                    self.paste_text(obj, text)
                    return True
            if (event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent)
                    and _is_block(QGuiApplication.clipboard().text())):
                self._context_menu(obj, event)
                return True
        return super().eventFilter(obj, event)

    def _arrow(self, edit: MoneyEdit, event: QKeyEvent) -> bool:
        """↑ / ↓: the nearest typed cell above / below in the same column (True if moved)."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in (Qt.Key.Key_Up, Qt.Key.Key_Down) \
                or mods != Qt.KeyboardModifier.NoModifier:
            return False
        pos = next((k for k, w in self.cells.items() if w is edit), None)
        if pos is None:
            return False
        step = -1 if event.key() == Qt.Key.Key_Up else 1
        row = pos[0] + step
        while 0 <= row < len(self.rows):
            cell = self.cells.get((row, pos[1]))
            if isinstance(cell, MoneyEdit) and not cell.isReadOnly() and cell.isEnabled():
                cell.setFocus(Qt.FocusReason.TabFocusReason)  # selects it, as Tab does
                return True
            row += step
        return False

    def _context_menu(self, edit: MoneyEdit, event: QContextMenuEvent) -> None:
        """The line edit's own menu, with 粘贴 filling the grid instead of the one cell."""
        menu = edit.createStandardContextMenu()
        own = menu.findChild(QAction, "edit-paste")
        if own is not None:
            ours = QAction(own.text(), menu)
            ours.triggered.connect(
                lambda: self.paste_text(edit, QGuiApplication.clipboard().text()))
            menu.insertAction(own, ours)
            own.setVisible(False)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def cell_name(self, row: int, col: int) -> str:
        return f"“{self.rows[row].label}·{self._headers[col]}”"

    def paste_text(self, edit: MoneyEdit, text: str) -> bool:
        """Fill the grid from ``edit`` with the cells of ``text`` (one undo step), or change
        nothing and say why. Blank cells clear, dashes (“—”) are blank; figures that land
        on computed cells (合计, 执行率) are not taken, they are worked out anyway."""
        pos = next((k for k, w in self.cells.items() if w is edit), None)
        block = _trim(parse_tsv(text))
        if pos is None or not block:
            return False
        r0, c0 = pos
        height, width = len(block), max(len(r) for r in block)
        room_down, room_right = len(self.rows) - r0, len(self._headers) - c0
        if height > room_down or width > room_right:
            short = []
            if height > room_down:
                short.append(f"从这一行往下只有{room_down}行")
            if width > room_right:
                short.append(f"从这一列往右只有{room_right}列")
            return self._refuse(
                f"粘贴的内容有{height}行{width}列，放不下：{'，'.join(short)}。"
                f"未粘贴任何内容；请选中左上角合适的格子再粘贴，或在 Excel 中少复制一些。")
        values: dict[str, Decimal | None] = {}
        targets: list[MoneyEdit] = []
        skipped: list[str] = []
        for i, cells in enumerate(block):
            for j, cell in enumerate(cells):
                w = self.cells.get((r0 + i, c0 + j))
                if not isinstance(w, MoneyEdit):
                    if cell.strip():
                        skipped.append(self.cell_name(r0 + i, c0 + j))
                    continue
                try:
                    value = None if is_dash(cell) else parse_money_field(cell)
                except FieldError as exc:
                    return self._refuse(f"第{i + 1}行第{j + 1}个数（应填入{self.cell_name(r0 + i, c0 + j)}）："
                                        f"{exc}。未粘贴任何内容。")
                values[w.path] = value
                targets.append(w)
        changed = {p: v for p, v in values.items()
                   if not (self.doc.get(p) == v and type(self.doc.get(p)) is type(v))}
        self._pasting = True
        try:
            if changed:
                self.doc.set_values(changed, "粘贴")
            for w in targets:
                w.load(force=True)  # the pasted figure replaces any typing not yet committed
        finally:
            self._pasting = False
        note = f"已从{self.cell_name(r0, c0)}起粘贴{height}行{width}列，填入{len(targets)}个数"
        note += "（可撤销）。" if changed else "，与原来的数相同。"
        if skipped:
            note += (f"落在自动计算格子上的{len(skipped)}个数（{skipped[0]}"
                     f"{'等' if len(skipped) > 1 else ''}）没有采用，这些格子会自动算出。")
        self._show(note, error=False)
        return True

    def _refuse(self, text: str) -> bool:
        self._show(text, error=True)
        flash(self.message)
        return False

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #b42318;" if error else "color: #1f3a5f;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_changed(self, *_args: object) -> None:
        if not self._pasting and self.message.isVisible():
            self._show("", error=False)  # an older paste's outcome would mislead now

    def _follow_cursor(self) -> None:
        """The cursor shows another item: the typed cells move to its fields."""
        assert self.item_cursor is not None
        self._show("", error=False)
        self._paths = {built: self.item_cursor.path(field) for built, field in self._fields.items()}
        for built, edit in self.edits.items():
            field, col = built.rsplit(".", 1)
            edit.rebind(f"{self._paths.get(field, field)}.{col}")
        for w in self.fields:
            if isinstance(w, ComputedField):
                w.load()


def _slug(label: str) -> str:
    return "".join(ch for ch in label if ch not in "：:（）() 、，,").strip()


def _trim(block: list[list[str]]) -> list[list[str]]:
    """Without trailing blank rows and the blank columns Excel adds on the right."""
    while block and not any(c.strip() for c in block[-1]):
        block = block[:-1]
    width = max((max((k + 1 for k, c in enumerate(r) if c.strip()), default=0) for r in block),
                default=0)
    return [r[:width] for r in block]


def _is_block(text: str) -> bool:
    """More than one cell: what a single money field cannot take."""
    block = _trim(parse_tsv(text))
    return len(block) > 1 or (len(block) == 1 and len(block[0]) > 1)
