"""生成与打印: choose template and outputs, generate in a worker thread, see every page,
print.

The report is deep-copied before it goes to the worker, so the user can keep typing while
the files are written. After each generation the preview (right half) converts the files
to PDF and shows their pages, in the background; 打印 opens the print dialog and sends
those same PDFs. perfdesk.render (docxtpl/openpyxl) and the PDF libraries are imported
only when generating and previewing.
"""

from __future__ import annotations

import copy
import html
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QImage
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
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from perfdesk.checks import ERROR, WARNING
from perfdesk.config import Setting
from perfdesk.office import printing
from perfdesk.office.documents import NO_PREVIEW, converter_available
from perfdesk.office.pdf import pdf_available
from perfdesk.render import OLD_VERSIONS, OutputError, keep_previous, planned_files
from perfdesk.render.help_docs import link_rules
from perfdesk.render.templates import DEFAULT_TEMPLATE, list_templates
from perfdesk.ui import dialogs, settings
from perfdesk.ui.document import DocumentController
from perfdesk.ui.generation import Worker, open_url
from perfdesk.ui.pages.base import Page
from perfdesk.ui.preview_jobs import PreviewService
from perfdesk.ui.widgets.binding import field_hint
from perfdesk.ui.widgets.page_preview import PagePreview

LEFT_WIDTH = 400  # the options column; the preview takes the rest

EXISTING_CHOICES = (("ask", "每次询问"), ("keep", "保留旧文件（移到“旧版本”文件夹）"),
                    ("overwrite", "覆盖"))


class GeneratePage(Page):
    key = "generate"
    title = "生成与打印"
    scrolls_itself = True
    show_findings_requested = Signal()
    generation_finished = Signal(object)  # RenderResult or the exception
    preview_ready = Signal()  # the first page of the new preview is shown, sharp
    print_finished = Signal(object)  # PrintOutcome or PrintError

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.result: Any = None
        self._thread: QThread | None = None
        self._worker: Worker | None = None
        self._waiting_first_page = False
        self.preview_service = PreviewService(self)
        self.preview = PagePreview()

        # 模板
        self.template = QComboBox()
        self.template.setObjectName("template")
        for info in list_templates():  # shown by name, stored by id
            self.template.addItem(info.name, info.id)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.template.setToolTip(field_hint("template"))
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
        word_row.addSpacing(12)
        word_row.addWidget(self.pdf)
        word_row.addStretch(1)
        outs.addLayout(word_row)
        outs.addWidget(self.excel)
        excel_row = QHBoxLayout()
        excel_row.addSpacing(20)
        excel_row.addWidget(self.one_book)
        excel_row.addWidget(self.separate)
        excel_row.addStretch(1)
        outs.addLayout(excel_row)
        form.addRow("生成内容：", outs)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow("输出文件夹：", folder_row)
        self.existing = QComboBox()
        self.existing.setObjectName("existingOutputs")
        for value, label in EXISTING_CHOICES:
            self.existing.addItem(label, value)
        self.existing.setCurrentIndex(max(0, self.existing.findData(
            settings.get_str(Setting.OUTPUT_EXISTING, "ask"))))
        self.existing.currentIndexChanged.connect(
            lambda _i: settings.set_value(Setting.OUTPUT_EXISTING, self.existing.currentData()))
        self.existing.setToolTip("上次生成的文件可能已在 Word 中改过：保留的旧文件放在输出文件夹的"
                                 "“旧版本”子文件夹里（审核多个单位时不读取它）。")
        form.addRow("已有同名文件时：", self.existing)
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

        # 生成之前：仍未处理的审核结果（错误和警告）
        self.open_findings = QTextBrowser()
        self.open_findings.setObjectName("openFindings")
        self.open_findings.setOpenLinks(False)  # a rule ID opens its explanation
        self.open_findings.anchorClicked.connect(self._explain_rule)
        self.open_findings.setMaximumHeight(96)
        self.open_findings.setToolTip("生成前仍未处理的审核结果；点规则编号看这条规则的说明，"
                                      "双击“审核结果”面板中的一条可转到该处")

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
        self.files.setMinimumHeight(48)
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

        left = QWidget()
        left.setObjectName("generateControls")
        col = QVBoxLayout(left)
        col.setContentsMargins(12, 8, 8, 8)
        col.addWidget(options)
        col.addWidget(self.draft_box)
        col.addWidget(self.open_findings)
        col.addLayout(run_row)
        col.addWidget(self.status)
        col.addWidget(results, 1)
        scroll = QScrollArea()
        scroll.setObjectName("generateControlsScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        bar = scroll.verticalScrollBar().sizeHint().width()  # its options are never cut off
        scroll.setMinimumWidth(max(LEFT_WIDTH - 60, left.minimumSizeHint().width() + bar))
        preview_box = QGroupBox("打印预览")
        preview_box.setObjectName("previewBox")
        pl = QVBoxLayout(preview_box)
        pl.setContentsMargins(6, 6, 6, 6)
        pl.addWidget(self.preview)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("generateSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(scroll)
        split.addWidget(preview_box)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([LEFT_WIDTH, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 8, 4)
        layout.addWidget(split)

        service = self.preview_service
        service.progress.connect(self.preview.show_progress)
        service.ready.connect(self._preview_documents)
        service.failed.connect(self._preview_failed)
        service.thumbnail.connect(self.preview.set_thumbnail)
        service.page_image.connect(self._page_image)
        service.print_done.connect(self._print_done)
        service.print_status.connect(self._print_status)
        self.preview.page_wanted.connect(service.request_page)
        self.preview.open_folder_requested.connect(lambda: open_url(Path(self.folder.text())))
        self.preview.regenerate_requested.connect(lambda: self.generate())

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
        self.preview_service.docs = []
        self.preview.show_message("生成报告后，在这里逐页预览报告和各个附件，确认无误后再打印。")
        self.preview.set_stale(False)
        self.preview.set_draft(False)
        self._set_result_buttons()
        self._update_draft()

    def _on_file_changed(self) -> None:
        if not settings.output_dir():  # no folder chosen yet: follow the report file
            self.folder.setText(self.default_folder())

    def _on_changed(self, path: str) -> None:
        if path == "template":
            self._sync_template()
        if self.result is not None:  # the pages shown are those of the last generation
            self.preview.set_stale(True)

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

    def _explain_rule(self, url: QUrl) -> None:
        from perfdesk.ui.help import window

        window.show_rule(self, url.path())

    def _update_draft(self) -> None:
        errors = [f for f in self.doc.findings if f.severity == ERROR]
        open_ones = [f for f in self.doc.findings if f.severity in (ERROR, WARNING)]
        self.open_findings.setVisible(bool(open_ones))
        self.open_findings.setHtml(
            f"生成前仍有 {len(errors)} 个错误、{len(open_ones) - len(errors)} 个警告："
            + "".join(f"<br>{f.severity.label} {link_rules(html.escape(f'{f.rule}：{f.message}'))}"
                      for f in open_ones))
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
        service = self.preview_service
        self.print_button.setEnabled(has and bool(service.docs) and not service.printing)
        if has and not service.docs:
            self.print_button.setToolTip("预览准备好之后才能打印：打印的就是预览中的页面。")
        else:
            self.print_button.setToolTip("选择打印机、份数、单双面和要打印的文档与页码")

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

    def _make_room(self, report: Any, folder: Path, findings: list[Any],
                   opts: dict[str, Any]) -> bool:
        """Files of an earlier run under the same names: overwrite them, or keep them in
        旧版本/, as the user chose (asked once, then remembered); False: do not generate."""
        planned = planned_files(report, folder, draft=any(f.severity == ERROR for f in findings),
                                word=opts["word"], excel=opts["excel"],
                                excel_separate=opts["excel_separate"], pdf=opts["pdf"])
        existing = [p for p in planned if p.exists()]
        if not existing:
            return True
        how = self.existing.currentData()
        if how not in ("keep", "overwrite"):
            names = "\n".join(f"· {p.name}" for p in existing[:6])
            answer = dialogs.choose(
                self, "已有上次生成的文件",
                f"输出文件夹中已有上次生成的 {len(existing)} 个同名文件，它们可能已在 Word、WPS 或 "
                f"Excel 中改过：\n{names}\n\n覆盖它们，还是把它们保留在“{OLD_VERSIONS}”文件夹中？"
                "您的选择会被记住，可在“生成选项 › 已有同名文件时”中更改。",
                ["覆盖", f"保留旧文件（移到“{OLD_VERSIONS}”文件夹）", "取消"], default=1)
            if answer not in (0, 1):
                return False
            how = "overwrite" if answer == 0 else "keep"
            settings.set_value(Setting.OUTPUT_EXISTING, how)
            self.existing.setCurrentIndex(max(0, self.existing.findData(how)))
        if how == "keep":
            try:
                kept = keep_previous(existing)
            except OutputError as exc:
                dialogs.error(self, "无法保留旧文件", exc.message)
                return False
            if kept is not None:
                self.status.setText(html.escape(f"上次生成的文件已移到“{kept}”。"))
        return True

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
        findings = list(self.doc.findings_now())
        if not rename and not self._make_room(report, folder, findings, opts):
            return False
        worker = Worker(report, folder, opts, findings, rename)
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
        self.preview.set_draft(bool(result.draft))
        self.preview.set_stale(False)
        self.start_preview()
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

    # --- preview ---------------------------------------------------------------------------------
    def start_preview(self) -> bool:
        """Convert and show the pages of the last generation; False where nothing converts."""
        self.preview_service.docs = []
        if self.result is None:
            return False
        if not converter_available():
            self.preview.show_message(NO_PREVIEW, folder_button=True)
            return False
        self._waiting_first_page = True
        self.preview.show_message("正在准备预览…")
        self.preview.show_progress(0, "正在准备预览…")
        self.preview_service.start([Path(f) for f in self.result.files])
        return True

    def _preview_documents(self, docs: list[Any]) -> None:
        self.preview.set_documents(docs)
        self._set_result_buttons()
        parts = "、".join(f"{d.label} {d.pages} 页" for d in docs)
        base = self.status.text().split("<br>预览")[0]
        self.status.setText(f"{base}<br>{html.escape(f'预览：{parts}。')}")

    def _preview_failed(self, message: str) -> None:
        self._waiting_first_page = False
        self.preview.show_message(message, folder_button=True)
        self._set_result_buttons()

    def _page_image(self, key: str, page: int, dpi: float, image: QImage) -> None:
        self.preview.set_page_image(key, page, dpi, image)
        if self._waiting_first_page and self.preview.has_page_image():
            self._waiting_first_page = False
            self.preview_ready.emit()

    # --- printing --------------------------------------------------------------------------------
    def printers(self) -> list[printing.Printer]:
        """The printers to offer: the print system's, else those Qt sees (raster fallback)."""
        try:
            found = printing.system_printers()
        except printing.PrintError as exc:
            self.status.setText(html.escape(exc.message))
            found = []
        if found:
            return found
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        default = QPrinterInfo.defaultPrinterName()
        return [printing.Printer(
            info.printerName(), is_default=info.printerName() == default,
            duplex=any(m != QPrinter.DuplexMode.DuplexNone for m in info.supportedDuplexModes()),
            state="")
            for info in QPrinterInfo.availablePrinters()]

    def _print(self) -> None:
        docs = list(self.preview_service.docs)
        if not docs:
            return
        printers = self.printers()
        if not printers:
            if sys.platform != "win32" and not printing.cups_available():
                message = printing.NO_PRINT_SYSTEM
            else:
                message = "此电脑上没有安装打印机。请先在系统设置中添加打印机，再点“打印”。"
            self.status.setText(html.escape(message))
            dialogs.info(self, "打印", message)
            return
        note = ""
        if printing.method_for(docs) == printing.Method.RASTER:
            note = ("此电脑上没有能直接打印 PDF 的打印系统或办公软件，将以 300 dpi 的页面图像打印，"
                    "速度较慢。")
        choices = dialogs.print_choices(self, docs, printers, note)
        if choices is not None:
            self.print_with(choices)

    def print_with(self, choices: printing.PrintChoices) -> bool:
        """Print what the dialog chose (in the background); False if printing is under way."""
        if not self.preview_service.print(choices):
            return False
        self.status.setText(html.escape(f"正在发送到打印机“{choices.printer}”…"))
        self._set_result_buttons()
        return True

    def _print_done(self, outcome: object) -> None:
        self._set_result_buttons()
        if isinstance(outcome, printing.PrintError):
            self.status.setText("<b style='color:#c62828'>打印失败：</b>"
                                + html.escape(outcome.message))
        elif isinstance(outcome, printing.PrintOutcome):
            text = html.escape(outcome.summary())
            if outcome.method == printing.Method.CUPS:
                text += "<br>正在等待打印机处理…"
            self.status.setText(text)
        self.print_finished.emit(outcome)

    def _print_status(self, text: str, final: bool) -> None:
        current = self.status.text().split("<br>")[0]
        self.status.setText(f"{current}<br>{html.escape(text)}")

    def _browse(self) -> None:
        chosen = dialogs.choose_dir(self, "选择输出文件夹", self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))
            settings.set_output_dir(str(chosen))

    def shutdown(self) -> None:
        """Wait for a running generation, stop the preview (window closing)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(30000)
        self.preview_service.shutdown()
