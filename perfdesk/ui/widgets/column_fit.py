"""Column widths from the content, at every table width.

Short columns (amounts, numbers, computed figures) are as wide as their widest entry; the
text columns (names, targets, reasons, choices) share the rest fairly: a column whose
longest entry fits gets just that, the others get equal widths and wrap, so no column takes
a huge width while another wraps to many lines. A width left over when nothing wraps goes
to the long-text columns, none past 40 % of the table. No column is narrower than its
heading; when even that does not fit, the table scrolls sideways. A column the user
drags keeps the width given to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

MAX_SHARE = 0.4  # of the table's width: the most a column gets while another wraps
CELL_PADDING = 14  # the style's margins round a cell's text, and the grid line
MIN_TEXT = 48  # a text column never gets narrower (3 characters and the padding)
# Header data roles by which a model describes its columns: text that may wrap (True), and
# a sample of what a column holds, whose width it keeps while still empty ("12345.67").
FLEXIBLE_ROLE = Qt.ItemDataRole.UserRole + 17
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 18


@dataclass(frozen=True)
class ColumnNeed:
    least: int  # its heading (or MIN_TEXT)
    natural: int  # its widest entry on one line
    flexible: bool  # text that may wrap; shares the width left over


def allocate(needs: Sequence[ColumnNeed], avail: int) -> list[int]:
    """Widths for ``needs`` in ``avail`` pixels (their sum is ``avail`` unless even the
    least widths do not fit: then those)."""
    fixed = [max(n.least, n.natural) if not n.flexible else 0 for n in needs]
    flex = [i for i, n in enumerate(needs) if n.flexible]
    room = avail - sum(fixed)
    least = sum(needs[i].least for i in flex)
    if room <= least:
        return [fixed[i] if not n.flexible else n.least for i, n in enumerate(needs)]
    widths = list(fixed)
    level = _water_level([needs[i] for i in flex], room)
    for i in flex:
        widths[i] = max(needs[i].least, min(needs[i].natural, level))
    _no_hogging(widths, needs, flex, avail)
    spare = avail - sum(widths)
    if spare > 0:
        _share_spare(widths, needs, flex, spare, avail)
    return widths


def _water_level(needs: Sequence[ColumnNeed], room: int) -> int:
    """The width L such that max(least, min(natural, L)) over ``needs`` sums to ``room``
    (or the largest natural width, when all fit)."""
    def used(level: int) -> int:
        return sum(max(n.least, min(n.natural, level)) for n in needs)

    top = max((n.natural for n in needs), default=0)
    if used(top) <= room:
        return top
    lo, hi = 0, top
    while lo < hi:  # the largest level that fits
        mid = (lo + hi + 1) // 2
        if used(mid) <= room:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _no_hogging(widths: list[int], needs: Sequence[ColumnNeed], flex: list[int],
                avail: int) -> None:
    """While a column wraps, none that does not is wider than MAX_SHARE of the table.

    That happens when the fair share is above MAX_SHARE: two or three long columns, one
    just fitting on a line, another wrapping. Then the long columns (content wider than
    MAX_SHARE) share their width in proportion to their content instead: each wraps about
    as much as the others, the one with the most text gets the most room."""
    cap = int(avail * MAX_SHARE)
    if not any(needs[i].natural > widths[i] for i in flex):
        return  # nothing wraps: any width is fine
    if all(widths[i] <= cap or needs[i].natural > widths[i] for i in flex):
        return  # every wide column needs its width
    big = [i for i in flex if needs[i].natural > cap]
    room = sum(widths[i] for i in big)
    total = sum(needs[i].natural for i in big)
    for i in big:
        widths[i] = max(needs[i].least, room * needs[i].natural // total)
    widths[big[-1]] = max(needs[big[-1]].least, widths[big[-1]] + room - sum(widths[i] for i in big))


def _share_spare(widths: list[int], needs: Sequence[ColumnNeed], flex: list[int],
                 spare: int, avail: int) -> None:
    """Spread ``spare`` pixels over the text columns in proportion to their content, none
    past MAX_SHARE of ``avail``; what they cannot take goes to every column alike."""
    cap = int(avail * MAX_SHARE)
    open_cols = [i for i in flex if widths[i] < cap]
    while spare > 0 and open_cols:
        weight = sum(max(needs[i].natural, 1) for i in open_cols)
        given = 0
        for i in open_cols:
            share = spare * max(needs[i].natural, 1) // weight
            add = min(share, cap - widths[i])
            widths[i] += add
            given += add
        spare -= given
        open_cols = [i for i in open_cols if widths[i] < cap]
        if given == 0:
            break
    if spare > 0 and widths:
        for k in range(len(widths)):
            widths[k] += spare // len(widths) + (1 if k < spare % len(widths) else 0)


class ColumnFitter(QObject):
    """Keeps a table's columns sized to their content (re-measured after changes)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.user_widths: dict[int, int] = {}  # columns the user dragged
        self._fitting = False
        self._pending = False
        self._naturals: list[int] | None = None  # measured content, None: measure again
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.sectionResized.connect(self._on_section_resized)
        view.viewport().installEventFilter(self)

    def watch(self, model: QAbstractItemModel | None) -> None:
        if model is None:
            return
        for sig in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                    model.layoutChanged):
            sig.connect(self.remeasure)
        # An edit does not move the columns under the user's hands (nor re-measure every
        # row): its text wraps in its column; the next resize or reload fits it in.
        model.dataChanged.connect(self._forget)
        self.remeasure()

    def _forget(self, *_args: object) -> None:
        self._naturals = None

    @property
    def pending(self) -> bool:
        return self._pending

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()  # now: the rows are measured after the columns
        return False

    def remeasure(self, *_args: object) -> None:
        self._naturals = None
        self.schedule()

    def schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)

    def _on_section_resized(self, col: int, _old: int, new: int) -> None:
        if not self._fitting:
            self.user_widths[col] = new
            self.schedule()

    # --- measuring ---------------------------------------------------------------------------
    def needs(self) -> list[ColumnNeed]:
        model = self.view.model()
        header = self.view.horizontalHeader()
        cols = model.columnCount() if model is not None else 0
        if self._naturals is None or len(self._naturals) != cols:
            self._naturals = [self._natural(c) for c in range(cols)]
        out = []
        for c in range(cols):
            heading = header.sectionSizeFromContents(c).width()
            flexible = bool(model is not None and model.headerData(
                c, Qt.Orientation.Horizontal, FLEXIBLE_ROLE))
            out.append(ColumnNeed(max(heading, MIN_TEXT if flexible else 0),
                                  self._naturals[c], flexible))
        return out

    def _natural(self, col: int) -> int:
        model = self.view.model()
        fm = self.view.fontMetrics()
        sample = model.headerData(col, Qt.Orientation.Horizontal, SAMPLE_ROLE)
        widest = fm.horizontalAdvance(str(sample)) if sample else 0
        for row in range(model.rowCount()):
            text = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
            for line in str(text or "").splitlines():
                widest = max(widest, fm.horizontalAdvance(line))
        return widest + CELL_PADDING if widest else 0

    # --- fitting -------------------------------------------------------------------------------
    def fit(self) -> None:
        self._pending = False
        try:
            model = self.view.model()
            if model is None or not model.columnCount():
                return
            needs = self.needs()
            mine = [i for i in range(len(needs)) if i not in self.user_widths]
            avail = self.view.viewport().width() - sum(
                w for c, w in self.user_widths.items() if c < len(needs))
            widths = allocate([needs[i] for i in mine], avail)
        except RuntimeError:  # deleted meanwhile
            return
        self._fitting = True
        try:
            for col, width in zip(mine, widths, strict=True):
                if self.view.columnWidth(col) != width:
                    self.view.setColumnWidth(col, width)
        finally:
            self._fitting = False


