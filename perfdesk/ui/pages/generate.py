"""生成与打印: choose template and outputs, generate in a worker thread, open and print.

The report is deep-copied before it goes to the worker, so the user can keep typing while
the files are written. perfdesk.render (and through it docxtpl/openpyxl) is imported only
when generating.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from perfdesk.checks import ERROR
from perfdesk.config import Setting
from perfdesk.office.pdf import pdf_available
from perfdesk.office.printing import print_file
from perfdesk.render.templates import DEFAULT_TEMPLATE, list_templates
from perfdesk.ui import dialogs, settings
from perfdesk.ui.document import DocumentController
from perfdesk.ui.generation import Worker, open_url
from perfdesk.ui.pages.base import Page


class GeneratePage(Page):
    key = "generate"
    title = "生成与打印"
    show_findings_requested = Signal()
    generation_finished = Signal(object)  # RenderResult or the exception

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.result: Any = None
        self._thread: QThread | None = None
        self._worker: Worker | None = None

        # 模板
        self.template = QComboBox()
        self.template.setObjectName("template")
        for info in list_templates():  # shown by name, stored by id
            self.template.addItem(info.name, info.id)
        self.template.currentIndexChanged.connect(self._template_chosen)
        # 输出内容
        self.word = QCheckBox("Word 报告（.docx）")
        self.word.setObjectName("outWord")
        self.excel = QCheckBox("Excel 附件")
        self.excel.setObjectName("outExcel")
        self.one_book = QRadioButton("合为一个工作簿")
        self.one_book.setObjectName("excelOneBook")
        self.separate = QRadioButton("每张表单独一个文件")
        self.separate.setObjectName("excelSeparate")
        group = QButtonGroup(self)
        group.addButton(self.one_book)
        group.addButton(self.separate)
        self.pdf = QCheckBox("同时转换为 PDF")
        self.pdf.setObjectName("outPdf")
        self.word.setChecked(settings.get_bool(Setting.OUTPUT_WORD, True))
        self.excel.setChecked(settings.get_bool(Setting.OUTPUT_EXCEL, True))
        (self.separate if settings.get_bool(Setting.OUTPUT_SEPARATE) else self.one_book).setChecked(True)
        self.excel.toggled.connect(self.one_book.setEnabled)
        self.excel.toggled.connect(self.separate.setEnabled)
        has_pdf = pdf_available()
        self.pdf.setEnabled(has_pdf)
        self.pdf.setChecked(has_pdf and settings.get_bool(Setting.OUTPUT_PDF))
        if not has_pdf:
            self.pdf.setToolTip("需要 LibreOffice 或 Microsoft Word 才能转换 PDF。")
        # 输出文件夹
        self.folder = QLineEdit()
        self.folder.setObjectName("outputFolder")
        self.folder.setText(self.default_folder())
        self.folder.editingFinished.connect(lambda: settings.set_output_dir(self.folder.text().strip()))
        browse = QPushButton("选择…")
        browse.setObjectName("browseFolder")
        browse.clicked.connect(self._browse)

        form = QFormLayout()
        form.addRow("报告模板：", self.template)
        outs = QVBoxLayout()
        word_row = QHBoxLayout()
        word_row.addWidget(self.word)
        word_row.addSpacing(24)
        word_row.addWidget(self.pdf)
        word_row.addStretch(1)
        outs.addLayout(word_row)
        excel_row = QHBoxLayout()
        excel_row.addWidget(self.excel)
        excel_row.addWidget(self.one_book)
        excel_row.addWidget(self.separate)
        excel_row.addStretch(1)
        outs.addLayout(excel_row)
        form.addRow("生成内容：", outs)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow("输出文件夹：", folder_row)
        options = QGroupBox("生成选项")
        options.setLayout(form)

        # 草稿提示
        self.draft_box = QFrame()
        self.draft_box.setObjectName("draftBox")
        self.draft_box.setStyleSheet("#draftBox { background: #fdecea; border: 1px solid #e57373; }")
        self.draft_text = QLabel()
        self.draft_text.setObjectName("draftText")
        self.draft_text.setWordWrap(True)
        self.draft_text.setTextFormat(Qt.TextFormat.RichText)
        to_findings = QPushButton("查看审核结果")
        to_findings.setObjectName("showFindings")
        to_findings.clicked.connect(self.show_findings_requested)
        draft_row = QHBoxLayout(self.draft_box)
        draft_row.addWidget(self.draft_text, 1)
        draft_row.addWidget(to_findings)

        # 生成
        self.generate_button = QPushButton("生成报告")
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setMinimumHeight(34)
        self.generate_button.clicked.connect(lambda: self.generate())
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setObjectName("generateStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)  # dynamic parts are escaped
        run_row = QHBoxLayout()
        run_row.addWidget(self.generate_button)
        run_row.addWidget(self.progress, 1)

        # 结果
        self.files = QListWidget()
        self.files.setObjectName("generatedFiles")
        self.files.setMinimumHeight(60)
        # Take the height that is left, but never ask for more (the page must fit at 768 px).
        self.files.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.files.setToolTip("双击打开文件")
        self.files.itemActivated.connect(
            lambda item: open_url(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.open_folder = QPushButton("打开文件夹")
        self.open_folder.setObjectName("openFolder")
        self.open_folder.clicked.connect(lambda: open_url(Path(self.folder.text())))
        self.open_report = QPushButton("打开报告")
        self.open_report.setObjectName("openReport")
        self.open_report.clicked.connect(self._open_report)
        self.print_button = QPushButton("打印")
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(self._print)
        buttons = QHBoxLayout()
        for b in (self.open_folder, self.open_report, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        results = QGroupBox("生成的文件")
        rl = QVBoxLayout(results)
        rl.addLayout(buttons)
        rl.addWidget(self.files, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(options)
        layout.addWidget(self.draft_box)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(results, 1)

        doc.findings_changed.connect(self._update_draft)
        doc.reset.connect(self._on_reset)
        doc.file_changed.connect(self._on_file_changed)
        doc.changed.connect(self._on_changed)
        self._on_reset()
        self._set_result_buttons()

    # --- state ------------------------------------------------------------------------------
    def default_folder(self) -> str:
        chosen = settings.output_dir()
        if chosen:
            return chosen
        if self.doc.file_path is not None:
            return str(self.doc.file_path.parent)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs or str(Path.home())

    def _on_reset(self) -> None:
        self._sync_template()
        if not settings.output_dir():
            self.folder.setText(self.default_folder())
        self.files.clear()
        self.result = None
        self._set_result_buttons()
        self._update_draft()

    def _on_file_changed(self) -> None:
        if not settings.output_dir():  # no folder chosen yet: follow the report file
            self.folder.setText(self.default_folder())

    def _on_changed(self, path: str) -> None:
        if path == "template":
            self._sync_template()

    def _sync_template(self) -> None:
        key = self.doc.report.template or settings.last_template() or DEFAULT_TEMPLATE
        index = self.template.findData(key)
        if index < 0:  # a template this machine does not have: shown, rendered as the default
            self.template.addItem(f"{key}（本机未安装，将使用标准版）", key)
            index = self.template.count() - 1
        self.template.blockSignals(True)
        self.template.setCurrentIndex(index)
        self.template.blockSignals(False)

    def _template_chosen(self, index: int) -> None:
        key = self.template.itemData(index)
        if not isinstance(key, str) or not key:
            return
        if key != self.doc.report.template:
            self.doc.set_value("template", key)
        settings.set_last_template(key)

    def _update_draft(self) -> None:
        errors = [f for f in self.doc.findings if f.severity == ERROR]
        self.draft_box.setVisible(bool(errors))
        self.generate_button.setText("生成草稿" if errors else "生成报告")
        if errors:
            lines = "".join(f"<br>· {html.escape(f.message)}" for f in errors[:5])
            more = f"<br>…… 另有 {len(errors) - 5} 个" if len(errors) > 5 else ""
            self.draft_text.setText(
                f"<b>报告中有 {len(errors)} 个错误，生成的文件将标为“草稿”，不能作为正式报告上报。</b>"
                f"{lines}{more}")

    def _set_result_buttons(self) -> None:
        has = self.result is not None and bool(self.result.files)
        self.open_report.setEnabled(has)
        self.print_button.setEnabled(has and self.report_file() is not None)

    def focus_path(self, path: str) -> bool:
        if path == "template":
            self.template.setFocus()
            return True
        return False

    # --- generation ---------------------------------------------------------------------------
    def options(self) -> dict[str, Any]:
        return {"template": self.template.currentData() or None, "word": self.word.isChecked(),
                "excel": self.excel.isChecked(), "excel_separate": self.separate.isChecked(),
                "pdf": self.pdf.isChecked() and self.pdf.isEnabled()}

    def is_running(self) -> bool:
        return self._thread is not None

    def generate(self, *, rename: bool = False) -> bool:
        """Start generating; False if nothing to do or already running."""
        if self._thread is not None:
            return False
        opts = self.options()
        if not (opts["word"] or opts["excel"]):
            dialogs.warning(self, "生成报告", "请至少选择 Word 报告或 Excel 附件中的一项。")
            return False
        folder = Path(self.folder.text().strip() or self.default_folder())
        for key, setting in (("word", Setting.OUTPUT_WORD), ("excel", Setting.OUTPUT_EXCEL),
                             ("pdf", Setting.OUTPUT_PDF)):
            settings.set_value(setting, opts[key])
        settings.set_value(Setting.OUTPUT_SEPARATE, opts["excel_separate"])
        report = copy.deepcopy(self.doc.report)
        # the findings of this very revision decide draft or final (re-checked if stale)
        worker = Worker(report, folder, opts, list(self.doc.findings_now()), rename)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._progress)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        self._thread, self._worker = thread, worker
        self.generate_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText("正在生成…")
        thread.start()
        return True

    def _finish_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self.generate_button.setEnabled(True)

    def _progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(html.escape(text))

    def _done(self, result: Any) -> None:
        self._finish_thread()
        self.result = result
        self.files.clear()
        for f in result.files:
            item = QListWidgetItem(Path(f).name)
            item.setData(Qt.ItemDataRole.UserRole, str(f))
            item.setToolTip(str(f))
            self.files.addItem(item)
        text = html.escape(f"已生成 {len(result.files)} 个文件，保存在“{self.folder.text()}”。")
        if result.draft:
            text = ("<b style='color:#c62828'>已生成草稿</b>（报告中有错误，文件名带“草稿”）："
                    + text + "改正审核结果中的错误后再生成正式报告。")
        for note in result.notes:
            text += f"<br>{html.escape(note)}"
        self.status.setText(text)
        self.progress.setValue(100)
        self._set_result_buttons()
        self.generation_finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish_thread()
        self.progress.setValue(0)
        message = getattr(exc, "message", None) or f"生成失败：{exc}"
        self.status.setText(html.escape(message))
        self.generation_finished.emit(exc)
        if getattr(exc, "locked", False):
            answer = dialogs.choose(
                self, "文件被占用",
                f"{message}\n\n请先在 Word、WPS 或 Excel 中关闭该文件再点“重试”，"
                "或者改用新的文件名（在文件名后加“(2)”）生成。",
                ["换个文件名生成", "重试", "取消"], default=0)
            if answer == 0:
                self.generate(rename=True)
            elif answer == 1:
                self.generate()
        else:
            dialogs.error(self, "生成失败", message)

    # --- after generation ------------------------------------------------------------------------
    def report_file(self) -> Path | None:
        if self.result is None:
            return None
        files = [Path(f) for f in self.result.files]
        for suffix in (".docx", ".pdf", ".xlsx"):
            for f in files:
                if f.suffix.lower() == suffix:
                    return f
        return files[0] if files else None

    def _open_report(self) -> None:
        path = self.report_file()
        if path is not None and not open_url(path):
            dialogs.warning(self, "打开报告", f"无法打开“{path.name}”。请确认已安装 Word 或 WPS。")

    def _print(self) -> None:
        path = self.report_file()
        if path is None:
            return
        problem = print_file(path)
        if problem:
            dialogs.info(self, "打印", problem)
        else:
            self.status.setText(html.escape(f"已发送到打印机：{path.name}"))

    def _browse(self) -> None:
        chosen = dialogs.choose_dir(self, "选择输出文件夹", self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))
            settings.set_output_dir(str(chosen))

    def shutdown(self) -> None:
        """Wait for a running generation (window closing)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(30000)
