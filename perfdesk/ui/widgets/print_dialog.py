"""打印 dialog: printer, copies, one- or two-sided, and which documents with which pages.

Its answer is a plain ``PrintChoices`` (``choices()``); printing itself happens elsewhere
(PreviewService), so tests drive the same print function with the choices this dialog
returns and test the dialog on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.office.documents import PrintDoc
from perfdesk.office.printing import (
    DUPLEX_LABELS,
    DocPages,
    Duplex,
    PrintChoices,
    Printer,
    RangeError,
    page_indices,
    parse_ranges,
)

COL_DOC, COL_PAGES, COL_RANGE = 0, 1, 2


class PrintDialog(QDialog):
    def __init__(self, docs: Sequence[PrintDoc], printers: Sequence[Printer],
                 note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.setWindowTitle("打印")
        self.docs = list(docs)
        self.printers = list(printers)

        self.printer = QComboBox()
        self.printer.setObjectName("printerChoice")
        for p in self.printers:
            self.printer.addItem(p.name + ("（默认）" if p.is_default else ""), p.name)
        default = next((i for i, p in enumerate(self.printers) if p.is_default), 0)
        self.printer.setCurrentIndex(default)
        self.printer_state = QLabel()
        self.printer_state.setObjectName("printerState")
        self.printer_state.setWordWrap(True)
        self.copies = QSpinBox()
        self.copies.setObjectName("copies")
        self.copies.setRange(1, 99)
        self.copies.setSuffix(" 份")
        self.duplex = QComboBox()
        self.duplex.setObjectName("duplex")
        for mode, label in DUPLEX_LABELS.items():
            self.duplex.addItem(label, mode.value)

        self.table = QTableWidget(len(self.docs), 3)
        self.table.setObjectName("printDocuments")
        self.table.setHorizontalHeaderLabels(["文档", "页数", "页码范围（空为全部，如 1-3,5）"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DOC, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PAGES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_RANGE, QHeaderView.ResizeMode.Stretch)
        for row, doc in enumerate(self.docs):
            shown = doc.title if doc.title.startswith(doc.label) else f"{doc.label}  {doc.title}"
            name = QTableWidgetItem(shown)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            name.setCheckState(Qt.CheckState.Checked)
            name.setToolTip(doc.title)
            count = QTableWidgetItem(str(doc.pages))
            count.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            ranges = QTableWidgetItem("")
            self.table.setItem(row, COL_DOC, name)
            self.table.setItem(row, COL_PAGES, count)
            self.table.setItem(row, COL_RANGE, ranges)
        self.table.itemChanged.connect(lambda _item: self._validate())

        self.all_button = QPushButton("全选")
        self.all_button.setObjectName("selectAll")
        self.all_button.clicked.connect(lambda: self._select(lambda d: True))
        self.report_button = QPushButton("只打印报告")
        self.report_button.setObjectName("selectReport")
        self.report_button.clicked.connect(lambda: self._select(lambda d: d.sheet is None))
        self.annex_button = QPushButton("只打印附件")
        self.annex_button.setObjectName("selectAnnexes")
        self.annex_button.clicked.connect(lambda: self._select(lambda d: d.sheet is not None))
        quick = QHBoxLayout()
        for b in (self.all_button, self.report_button, self.annex_button):
            quick.addWidget(b)
        quick.addStretch(1)

        self.summary = QLabel()
        self.summary.setObjectName("printSummary")
        self.summary.setWordWrap(True)
        self.note = QLabel(note)
        self.note.setObjectName("printNote")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))

        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton("打印", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setObjectName("doPrint")
        self.print_button.setDefault(True)
        cancel = self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelPrint")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("打印机：", self.printer)
        form.addRow("", self.printer_state)
        form.addRow("份数：", self.copies)
        form.addRow("单双面：", self.duplex)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("打印内容（纸张 A4；横向的表格自动转为纵向打印）："))
        layout.addLayout(quick)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(620, 460)

        self.printer.currentIndexChanged.connect(lambda _i: self._printer_chosen())
        self.copies.valueChanged.connect(lambda _v: self._validate())
        self._printer_chosen()

    def current_printer(self) -> Printer | None:
        i = self.printer.currentIndex()
        return self.printers[i] if 0 <= i < len(self.printers) else None

    def _printer_chosen(self) -> None:
        printer = self.current_printer()
        if printer is None:
            self.printer_state.setText("此电脑上没有可用的打印机。请先在系统设置中添加打印机。")
        else:
            self.printer_state.setText(f"状态：{printer.state}" if printer.state else "")
            self.duplex.setEnabled(printer.duplex)
            if not printer.duplex:
                self.duplex.setCurrentIndex(0)
                self.duplex.setToolTip("这台打印机不支持自动双面打印。")
            else:
                self.duplex.setToolTip("")
        self._validate()

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        if item is None:  # every cell is set in __init__
            raise LookupError(f"print dialog cell {row},{col} missing")
        return item

    def _select(self, wanted: Callable[[PrintDoc], bool]) -> None:
        for row, doc in enumerate(self.docs):
            on = wanted(doc)
            self._cell(row, COL_DOC).setCheckState(
                Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._validate()

    def _rows(self) -> tuple[list[DocPages], str]:
        """The chosen documents with their ranges, and the first problem (Chinese) or ""."""
        chosen = []
        for row, doc in enumerate(self.docs):
            if self._cell(row, COL_DOC).checkState() != Qt.CheckState.Checked:
                continue
            text = self._cell(row, COL_RANGE).text()
            try:
                ranges = parse_ranges(text, doc.pages)
            except RangeError as exc:
                return [], f"{doc.label}：{exc.message}"
            chosen.append(DocPages(doc.key, ranges))
        if not chosen:
            return [], "请至少勾选一个要打印的文档。"
        return chosen, ""

    def _validate(self) -> None:
        chosen, problem = self._rows()
        printer = self.current_printer()
        ok = not problem and printer is not None
        self.print_button.setEnabled(ok)
        if problem:
            self.summary.setText(f"<span style='color:#c62828'>{problem}</span>")
            return
        by_key = {d.key: d for d in self.docs}
        sheets = sum(len(page_indices(c.ranges, by_key[c.key].pages)) for c in chosen)
        copies = self.copies.value()
        self.summary.setText(f"共 {len(chosen)} 个文档、{sheets} 页" +
                             (f"，每份 {sheets} 页 × {copies} 份" if copies > 1 else "") + "。")

    def choices(self) -> PrintChoices | None:
        chosen, problem = self._rows()
        printer = self.current_printer()
        if problem or printer is None:
            return None
        return PrintChoices(printer=printer.name, documents=tuple(chosen),
                            copies=self.copies.value(),
                            duplex=Duplex(self.duplex.currentData()))

    def _accept(self) -> None:
        if self.choices() is not None:
            self.accept()
