"""审核多个单位: the reviewer's window over perfdesk.review.

Open a folder (and the bureau's list of units); the review runs in a worker thread that
drives spawned worker processes (perfdesk.review.runner), with a progress bar and 取消.
One row per unit; selecting one shows its findings, its rounds and its verdicts; a verdict
and comment go to the review file beside the folder at once. Double-click opens the unit in
a main window as a read-only copy. 导出汇总表 and 生成审核意见 write the roll-up and opinions.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.io.units_list import ListedUnit
from perfdesk.render.help_docs import REVIEW_SECTION, link_rules
from perfdesk.review.results import ReviewResult, UnitResult
from perfdesk.review.review_file import VERDICT_LABELS, Changes, ReviewFile, Verdict, path_for
from perfdesk.review.rules import SEVERITY_LABELS
from perfdesk.ui import dialogs
from perfdesk.ui.help import window as help_window
from perfdesk.ui.help.rule_links import explain_rules, rule_in_column
from perfdesk.ui.review.units_model import FILTERS, Row, UnitsFilter, UnitsModel

log = logging.getLogger(__name__)
TITLE = "审核多个单位 — PerfDesk"
EXCEL_FILTER = "Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)"


class ReviewWorker(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)  # ReviewResult
    failed = Signal(str)

    def __init__(self, folder: Path, listed: list[ListedUnit] | None, jobs: int | None) -> None:
        super().__init__()
        self.folder, self.listed, self.jobs = folder, listed, jobs
        self.cancel = threading.Event()

    def run(self) -> None:
        from perfdesk.review import review_folder

        try:
            result = review_folder(self.folder, listed=self.listed, jobs=self.jobs,
                                   progress=lambda p: self.progress.emit(p.done, p.total, p.text),
                                   cancel=self.cancel)
        except Exception as exc:  # shown to the reviewer; the window stays usable
            log.exception("review failed")
            self.failed.emit(f"审核时出错（{type(exc).__name__}：{exc}）")
            return
        self.done.emit(result)


OpenCopy = Callable[[Any, str], object]  # (report, title) -> shows it read-only


class ReviewWindow(QMainWindow):
    finished = Signal()  # a review run ended (done, cancelled or failed)

    def __init__(self, open_copy: OpenCopy | None = None, *, jobs: int | None = None) -> None:
        super().__init__()
        self.setObjectName("reviewWindow")
        self.setWindowTitle(TITLE)
        self.resize(1320, 720)
        self.open_copy = open_copy
        self.jobs = jobs
        self.folder: Path | None = None
        self.listed: list[ListedUnit] | None = None
        self.listed_path: Path | None = None
        self.result: ReviewResult | None = None
        self.review_file: ReviewFile | None = None
        self.changes: dict[str, Changes] = {}
        QShortcut(QKeySequence("F1"), self,  # the guide's section for reviewers
                   lambda: help_window.show_guide(self, REVIEW_SECTION))
        self._thread: QThread | None = None
        self._worker: ReviewWorker | None = None

        self.model = UnitsModel()
        self.proxy = UnitsFilter()
        self.proxy.setSourceModel(self.model)
        self._build()

    # -- layout -------------------------------------------------------------------------
    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(lambda _c=False: slot())
        return b

    def _build(self) -> None:
        top = QHBoxLayout()
        self.open_button = self._button("打开文件夹…", "openFolder", self.choose_folder)
        self.list_button = self._button("单位名单…", "unitsList", self.choose_list)
        self.rerun_button = self._button("重新审核", "rerun", self.start)
        self.export_button = self._button("导出汇总表…", "exportRollup", self.export_rollup)
        self.opinion_button = self._button("生成审核意见…", "writeOpinions", self.write_opinions)
        for b in (self.open_button, self.list_button, self.rerun_button, self.export_button,
                  self.opinion_button):
            top.addWidget(b)
        top.addStretch(1)
        self.search = QLineEdit()
        self.search.setObjectName("reviewSearch")
        self.search.setPlaceholderText("按单位或主管部门查找")
        self.search.textChanged.connect(self.proxy.set_text)
        self.filter = QComboBox()
        self.filter.setObjectName("reviewFilter")
        self.filter.addItems(FILTERS)
        self.filter.currentTextChanged.connect(self.proxy.set_preset)
        top.addWidget(QLabel("筛选："))
        top.addWidget(self.filter)
        top.addWidget(self.search)

        self.table = QTableView()
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(self._on_double_click)

        self.detail = self._build_detail()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([820, 520])
        centre = QWidget()
        col = QVBoxLayout(centre)
        self.folder_label = QLabel("请先打开存放各单位报送材料的文件夹（只读，不会改动其中的文件）。")
        self.folder_label.setObjectName("folderLabel")
        self.folder_label.setWordWrap(True)
        col.addLayout(top)
        col.addWidget(self.folder_label)
        col.addWidget(split, 1)
        self.setCentralWidget(centre)

        self.progress = QProgressBar()
        self.progress.setObjectName("reviewProgress")
        self.progress.setMaximumWidth(320)
        self.progress.hide()
        self.cancel_button = self._button("取消", "cancelReview", self.cancel)
        self.cancel_button.hide()
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._enable()

    def _build_detail(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        self.unit_title = QLabel("（未选择单位）")
        self.unit_title.setObjectName("unitTitle")
        self.unit_title.setWordWrap(True)
        self.round_label = QLabel()
        self.round_label.setObjectName("roundChanges")
        self.round_label.setWordWrap(True)
        self.round_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.round_label.linkActivated.connect(  # a rule ID of what was corrected: its explanation
            lambda url: help_window.show_rule(self, url.split(":", 1)[-1]))
        self.findings = QTreeWidget()
        self.findings.setObjectName("reviewFindings")
        self.findings.setHeaderLabels(["规则", "级别", "说明", "位置"])
        self.findings.setRootIsDecorated(False)
        self.findings.setWordWrap(True)
        for column, width in enumerate((56, 40, 300)):
            self.findings.setColumnWidth(column, width)
        explain_rules(self.findings, rule_in_column(0))  # 规则说明: right-click or F1 on a row
        row = QHBoxLayout()
        self.verdicts = QButtonGroup(self)
        self.verdict_buttons: dict[Verdict, QRadioButton] = {}
        for v, name in ((Verdict.PASSED, "verdictPassed"), (Verdict.RETURNED, "verdictReturned"),
                        (Verdict.PENDING, "verdictPending")):
            b = QRadioButton(VERDICT_LABELS[v])
            b.setObjectName(name)
            self.verdicts.addButton(b)
            self.verdict_buttons[v] = b
            row.addWidget(b)
        self.save_verdict_button = self._button("记录结论", "saveVerdict", self.save_verdict)
        row.addStretch(1)
        row.addWidget(self.save_verdict_button)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText("审核意见（写入审核意见书）")
        self.comment.setMaximumHeight(80)
        self.history = QListWidget()
        self.history.setObjectName("verdictHistory")
        self.history.setMaximumHeight(110)
        lay.addWidget(self.unit_title)
        lay.addWidget(self.round_label)
        lay.addWidget(self.findings, 1)
        lay.addWidget(QLabel("审核结论："))
        lay.addLayout(row)
        lay.addWidget(self.comment)
        lay.addWidget(QLabel("历次审核："))
        lay.addWidget(self.history)
        return box

    def _enable(self) -> None:
        running = self._thread is not None
        have = self.result is not None and not running
        self.open_button.setEnabled(not running)
        self.list_button.setEnabled(not running)
        self.rerun_button.setEnabled(self.folder is not None and not running)
        self.export_button.setEnabled(have)
        self.opinion_button.setEnabled(have)
        selected = self.current_unit() is not None and not running
        for b in (*self.verdict_buttons.values(), self.save_verdict_button):
            b.setEnabled(selected)
        self.comment.setEnabled(selected)

    # -- running ------------------------------------------------------------------------
    def choose_folder(self) -> bool:
        folder = dialogs.choose_dir(self, "选择存放各单位报送材料的文件夹",
                                    str(self.folder or Path.home()))
        if folder is None:
            return False
        return self.open_folder(folder)

    def choose_list(self) -> bool:
        from perfdesk.io.review_read import ReadProblem
        from perfdesk.io.units_list import read_units_list

        path = dialogs.open_file(self, "选择应报送单位名单（Excel）", str(self.folder or Path.home()),
                                 EXCEL_FILTER)
        if path is None:
            return False
        try:
            self.listed = read_units_list(path)
        except ReadProblem as exc:
            dialogs.error(self, "无法读取单位名单", exc.message)
            return False
        self.listed_path = path
        if self.folder is not None:
            self.start()
        return True

    def open_folder(self, folder: Path) -> bool:
        from perfdesk.review.review_file import ReviewFileError

        try:
            self.review_file = ReviewFile.load(path_for(folder))
        except ReviewFileError as exc:
            dialogs.error(self, "无法打开审核记录", exc.message)
            return False
        self.folder = Path(folder)
        self.folder_label.setText(f"审核文件夹：{self.folder}（只读）    审核记录：{path_for(folder).name}")
        self.start()
        return True

    def start(self) -> bool:
        if self.folder is None or self._thread is not None:
            return False
        worker = ReviewWorker(self.folder, self.listed, self.jobs)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._progress)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        self._thread, self._worker = thread, worker
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status_label.setText("正在审核…")
        self._enable()
        thread.start()
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel.set()
            self.status_label.setText("正在取消…")

    def _progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status_label.setText(text)

    def _finish_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self.progress.hide()
        self.cancel_button.hide()

    def _done(self, result: ReviewResult) -> None:
        self._finish_thread()
        self.result = result
        if self.review_file is not None and not result.cancelled:
            self.changes = self.review_file.record(result)
            self._save_review_file()
        self._fill()
        n_err = sum(1 for u in result.units if u.errors)
        text = (f"{len(result.units)} 个单位，{n_err} 个有错误"
                + (f"，{len(result.missing)} 个未报送" if result.missing else "")
                + (f"，{len(result.unreadable)} 个文件无法读取" if result.unreadable else "")
                + f"；用时 {result.seconds:.1f} 秒。")
        self.status_label.setText(("审核已取消，结果不完整：" if result.cancelled else "审核完成：") + text)
        self._enable()
        self.finished.emit()

    def _failed(self, message: str) -> None:
        self._finish_thread()
        self.status_label.setText(message)
        dialogs.error(self, "审核失败", message)
        self._enable()
        self.finished.emit()

    def _save_review_file(self) -> bool:
        from perfdesk.review.review_file import ReviewFileError

        assert self.review_file is not None
        try:
            self.review_file.save()
        except ReviewFileError as exc:
            dialogs.error(self, "无法保存审核记录", exc.message)
            return False
        return True

    # -- table and details ----------------------------------------------------------------
    def _row_for(self, unit: UnitResult) -> Row:
        rf = self.review_file
        verdict = rf.verdict_label(unit.key) if rf is not None else ""
        rounds = len(rf.rounds(unit.key)) if rf is not None else 1
        return Row(unit, unit.listed, verdict, rounds)

    def _fill(self) -> None:
        assert self.result is not None
        rows = [Row(None, m) for m in self.result.missing]
        rows += [self._row_for(u) for u in self.result.units]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        if not index.isValid():
            return -1
        return self.proxy.mapToSource(index).row()

    def current_unit(self) -> UnitResult | None:
        row = self.current_row()
        return self.model.rows[row].unit if 0 <= row < len(self.model.rows) else None

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_unit(self.current_unit())
        self._enable()

    def show_unit(self, unit: UnitResult | None) -> None:
        self.findings.clear()
        self.history.clear()
        self.comment.setPlainText("")
        self.verdicts.setExclusive(False)
        for b in self.verdict_buttons.values():
            b.setChecked(False)
        self.verdicts.setExclusive(True)
        if unit is None:
            row = self.current_row()
            name = self.model.rows[row].name if row >= 0 else ""
            self.unit_title.setText(f"{name}：未报送" if name else "（未选择单位）")
            self.round_label.setText("")
            return
        files = "；".join(f"{e.rel}（{e.role}）" for e in unit.files)
        self.unit_title.setText(f"<b>{unit.name or unit.key}</b>　{unit.supervisor}<br>{files}")
        ch = self.changes.get(unit.key)
        self.round_label.setText(self._changes_text(ch) if ch is not None else "")
        for f in unit.findings:
            item = QTreeWidgetItem([f.rule, SEVERITY_LABELS.get(f.severity, f.severity), f.message,
                                    f.where])
            item.setToolTip(2, f.message)
            item.setToolTip(3, f.where)
            self.findings.addTopLevelItem(item)
        if not unit.findings:
            self.findings.addTopLevelItem(QTreeWidgetItem(["", "", "未发现问题", ""]))
        rf = self.review_file
        if rf is None:
            return
        verdict, comment = rf.verdict(unit.key)
        if verdict is not None:
            self.verdict_buttons[verdict].setChecked(True)
        self.comment.setPlainText(comment)
        for r in rf.rounds(unit.key):
            self.history.addItem(f"第{r['round']}轮 {r['at'].replace('T', ' ')}：{r['errors']} 个错误，"
                                 f"{r['warnings']} 个警告，总分 {r['figures'].get('total') or '—'}")
        for v in rf.verdicts(unit.key):
            label = VERDICT_LABELS.get(Verdict(v["verdict"]), v["verdict"])
            extra = f"：{v['comment']}" if v.get("comment") else ""
            self.history.addItem(f"第{v['round']}轮 {v['at'].replace('T', ' ')} 结论：{label}{extra}")

    @staticmethod
    def _changes_text(ch: Changes) -> str:
        text = ch.summary()
        if ch.resubmitted:
            gone = "；".join(link_rules(html.escape(f"{f['rule']} {f['message'][:40]}"))
                            for f in ch.gone[:5])
            if gone:
                text += f"<br>已改正：{gone}"
            figs = "；".join(f"{label} {a or '—'} → {b or '—'}" for label, a, b in ch.figures)
            if figs:
                text += f"<br>数字变化：{figs}"
        return text

    def save_verdict(self) -> bool:
        unit = self.current_unit()
        checked = next((v for v, b in self.verdict_buttons.items() if b.isChecked()), None)
        if unit is None or self.review_file is None:
            return False
        if checked is None:
            dialogs.warning(self, "记录结论", "请先选择“通过”“退回修改”或“待定”。")
            return False
        self.review_file.set_verdict(unit.key, checked, self.comment.toPlainText().strip())
        if not self._save_review_file():
            return False
        row = self.current_row()
        self.model.rows[row].verdict = VERDICT_LABELS[checked]
        self.model.refresh(row)
        self.show_unit(unit)
        self.status_label.setText(f"已记录：{unit.name} {VERDICT_LABELS[checked]}")
        return True

    def _on_double_click(self, _index: QModelIndex) -> None:
        self.open_unit()

    def open_unit(self) -> bool:
        """The unit in a main window, as a read-only copy (its file is never opened for writing)."""
        from perfdesk.io import FormatError
        from perfdesk.io.review_read import ReadProblem
        from perfdesk.review.unit_report import load_unit_report

        unit = self.current_unit()
        if unit is None or self.folder is None or self.open_copy is None:
            return False
        try:
            report = load_unit_report(self.folder, unit)
        except (ReadProblem, FormatError) as exc:
            dialogs.error(self, "无法打开", exc.message)
            return False
        self.open_copy(report, unit.name or unit.key)
        return True

    # -- outputs --------------------------------------------------------------------------
    def _verdict_label(self, key: str) -> str:
        return self.review_file.verdict_label(key) if self.review_file is not None else ""

    def export_rollup(self) -> Path | None:
        from perfdesk.render import OutputError
        from perfdesk.review.rollup import write_rollup

        if self.result is None or self.folder is None:
            return None
        start = str(self.folder.parent / f"{self.folder.name}汇总表.xlsx")
        path = dialogs.save_file(self, "导出汇总表", start, "Excel 工作簿 (*.xlsx)")
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_rollup(self.result, path, self._verdict_label)
        except OutputError as exc:
            dialogs.error(self, "导出失败", exc.message)
            return None
        self.status_label.setText(f"已导出汇总表：{path}")
        return path

    def write_opinions(self) -> list[Path]:
        from perfdesk.render import OutputError
        from perfdesk.review.opinions import Opinion, write_opinions

        if self.result is None or self.folder is None or self.review_file is None:
            return []
        returned = [u for u in self.result.units
                    if self.review_file.verdict(u.key)[0] == Verdict.RETURNED]
        if not returned:
            dialogs.info(self, "生成审核意见", "还没有标为“退回修改”的单位。请先在右侧为单位记录审核结论。")
            return []
        out = dialogs.choose_dir(self, "审核意见保存到哪个文件夹", str(self.folder.parent))
        if out is None:
            return []
        if out.resolve() == self.folder.resolve() or self.folder.resolve() in out.resolve().parents:
            dialogs.error(self, "生成审核意见", "请选择报送材料文件夹以外的文件夹：审核不改动单位报送的材料。")
            return []
        ops = [Opinion(u, self.review_file.verdict(u.key)[1]) for u in returned]
        try:
            files = write_opinions(ops, out)
        except OutputError as exc:
            dialogs.error(self, "生成审核意见失败", exc.message)
            return []
        self.status_label.setText(f"已为 {len(ops)} 个退回修改的单位生成审核意见，保存在“{out}”。")
        return files

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._worker is not None:
            self._worker.cancel.set()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(60000)
        event.accept()
