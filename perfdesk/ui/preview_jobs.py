"""The preview's and printing's background work: one worker thread, so the window keeps
answering while LibreOffice converts, PDFium draws pages and the print system is asked.

``PreviewService`` lives in the GUI thread and talks to ``_Worker`` (in its own QThread)
through queued signals only. Each preparation carries a token; results of an older one
are dropped, and starting a new one (or closing the window) cancels the old conversion
by killing LibreOffice. perfdesk.office.pages (and through it pypdfium2) is imported in
the worker, when the first preview is prepared — never at start-up.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from perfdesk.office.documents import PrintDoc
from perfdesk.office.printing import PrintChoices

log = logging.getLogger(__name__)

THUMB_DPI = 14.0  # about 115 px wide for A4
WATCH_S = 120.0  # how long the status line follows a print job
WATCH_STEP_S = 1.0


def to_qimage(raster: Any) -> QImage:
    """An office.pages.Raster (RGB rows) as a QImage that owns its pixels."""
    image = QImage(raster.data, raster.width, raster.height, raster.stride,
                   QImage.Format.Format_RGB888)
    return image.copy()


class _Worker(QObject):
    progress = Signal(int, int, str)  # token, percent, text
    ready = Signal(int, object)  # token, list[PrintDoc]
    failed = Signal(int, str)  # token, Chinese message
    thumbnail = Signal(int, str, int, QImage)  # token, doc key, page, image
    page_image = Signal(int, str, int, float, QImage)  # token, key, page, dpi, image
    print_status = Signal(int, str, bool)  # print token, Chinese text, final
    print_done = Signal(int, object)  # print token, PrintOutcome or Exception

    def __init__(self) -> None:
        super().__init__()
        self.docs: dict[int, dict[str, PrintDoc]] = {}

    @Slot(int, object, str, object)
    def prepare(self, token: int, files: list[Path], folder: str,
                cancel: threading.Event) -> None:
        from perfdesk.office import documents, pages
        from perfdesk.office.pdf import Cancelled, PdfUnavailable

        def progress(percent: int, text: str) -> None:
            self.progress.emit(token, percent, text)

        try:
            docs = documents.prepare(files, Path(folder), progress=progress, cancel=cancel)
        except Cancelled:
            return
        except (PdfUnavailable, pages.PdfError) as exc:
            self.failed.emit(token, exc.message)
            return
        except Exception as exc:  # an unexpected failure still ends the progress, visibly
            log.exception("preview failed")
            self.failed.emit(token, f"预览失败：{exc}")
            return
        self.docs = {token: {d.key: d for d in docs}}
        self.ready.emit(token, docs)
        try:
            for doc in docs:
                for index, raster in enumerate(pages.render_pages(doc.pdf, THUMB_DPI)):
                    if cancel.is_set():
                        return
                    self.thumbnail.emit(token, doc.key, index, to_qimage(raster))
        except pages.PdfError as exc:
            self.failed.emit(token, exc.message)

    @Slot(int, str, int, float)
    def render(self, token: int, key: str, index: int, dpi: float) -> None:
        from perfdesk.office import pages

        doc = self.docs.get(token, {}).get(key)
        if doc is None:
            return
        try:
            raster = pages.render_page(doc.pdf, index, dpi)
        except pages.PdfError as exc:
            self.failed.emit(token, exc.message)
            return
        self.page_image.emit(token, key, index, dpi, to_qimage(raster))

    @Slot(int, object, object, str)
    def print_docs(self, token: int, docs: list[PrintDoc], choices: PrintChoices,
                   folder: str) -> None:
        from perfdesk.office import printing

        try:
            method = printing.method_for(docs, choices)
            if method == printing.Method.RASTER:
                from perfdesk.ui import raster_print

                outcome = raster_print.print_raster(docs, choices)
            else:
                outcome = printing.print_documents(docs, choices, Path(folder))
        except printing.PrintError as exc:
            self.print_done.emit(token, exc)
            return
        except Exception as exc:
            log.exception("printing failed")
            self.print_done.emit(token, printing.PrintError(f"打印失败：{exc}"))
            return
        self.print_done.emit(token, outcome)
        if outcome.method == printing.Method.CUPS:
            self._watch(token, outcome)

    def _watch(self, token: int, outcome: Any, deadline: float | None = None) -> None:
        """Follow the jobs in the queue until CUPS has handled them, or says why not: one
        look a second, by timer, so page images asked for meanwhile are not held up."""
        from perfdesk.office import printing

        if deadline is None:
            deadline = time.monotonic() + WATCH_S
        try:
            state = printing.job_progress(outcome)
        except printing.PrintError as exc:
            self.print_status.emit(token, exc.message, True)
            return
        if state.problem:
            self.print_status.emit(
                token, f"{state.problem}。请检查打印机后在系统的打印队列中重试。", True)
        elif state.finished:
            self.print_status.emit(
                token, f"打印系统已把作业交给打印机“{outcome.printer}”处理完毕。", True)
        elif time.monotonic() > deadline:
            self.print_status.emit(
                token, f"作业仍在打印机“{outcome.printer}”的队列中，请查看打印机。", True)
        else:
            if state.note:  # what the printer says while it works: shown, not an error
                self.print_status.emit(token, state.note, False)
            QTimer.singleShot(round(WATCH_STEP_S * 1000), self,
                              lambda: self._watch(token, outcome, deadline))


class PreviewService(QObject):
    """The GUI side: start a preparation, ask for page images, print; signals come back
    only for the current preparation."""

    progress = Signal(int, str)
    ready = Signal(object)  # list[PrintDoc]
    failed = Signal(str)
    thumbnail = Signal(str, int, QImage)
    page_image = Signal(str, int, float, QImage)
    print_status = Signal(str, bool)
    print_done = Signal(object)

    _prepare = Signal(int, object, str, object)
    _render = Signal(int, str, int, float)
    _print = Signal(int, object, object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token = 0
        self._print_token = 0
        self._cancel = threading.Event()
        self._folder: Path | None = None
        self._old_folders: list[Path] = []
        self.docs: list[PrintDoc] = []
        self.busy = False
        self.printing = False
        self._thread = QThread()
        self._thread.setObjectName("perfdesk-preview")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._prepare.connect(self._worker.prepare)
        self._render.connect(self._worker.render)
        self._print.connect(self._worker.print_docs)
        self._worker.progress.connect(self._on_progress)
        self._worker.ready.connect(self._on_ready)
        self._worker.failed.connect(self._on_failed)
        self._worker.thumbnail.connect(self._on_thumbnail)
        self._worker.page_image.connect(self._on_page_image)
        self._worker.print_status.connect(self._on_print_status)
        self._worker.print_done.connect(self._on_print_done)
        self._thread.start()

    @property
    def folder(self) -> Path | None:
        return self._folder

    def start(self, files: list[Path]) -> None:
        """Prepare the preview of these generated files (cancelling any running one)."""
        self._cancel.set()
        self._cancel = threading.Event()
        self._token += 1
        if self._folder is not None:
            self._old_folders.append(self._folder)
        self._folder = Path(tempfile.mkdtemp(prefix="perfdesk-preview-"))
        self.docs = []
        self.busy = True
        self._prepare.emit(self._token, list(files), str(self._folder), self._cancel)

    def request_page(self, key: str, index: int, dpi: float) -> None:
        self._render.emit(self._token, key, index, dpi)

    def print(self, choices: PrintChoices) -> bool:
        """Send ``choices`` to the printer in the background; False while already printing."""
        if self.printing or not self.docs or self._folder is None:
            return False
        self.printing = True
        self._print_token += 1
        self._print.emit(self._print_token, list(self.docs), choices, str(self._folder))
        return True

    # --- from the worker (GUI thread) ---
    def _on_progress(self, token: int, percent: int, text: str) -> None:
        if token == self._token:
            self.progress.emit(percent, text)

    def _on_ready(self, token: int, docs: list[PrintDoc]) -> None:
        if token == self._token:
            self.busy = False
            self.docs = list(docs)
            self.ready.emit(self.docs)

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.busy = False
            self.failed.emit(message)

    def _on_thumbnail(self, token: int, key: str, index: int, image: QImage) -> None:
        if token == self._token:
            self.thumbnail.emit(key, index, image)

    def _on_page_image(self, token: int, key: str, index: int, dpi: float, image: QImage) -> None:
        if token == self._token:
            self.page_image.emit(key, index, dpi, image)

    def _on_print_status(self, token: int, text: str, final: bool) -> None:
        if token == self._print_token:
            self.print_status.emit(text, final)

    def _on_print_done(self, token: int, outcome: object) -> None:
        if token == self._print_token:
            self.printing = False
            self.print_done.emit(outcome)

    def shutdown(self) -> None:
        """Stop the worker (window closing): LibreOffice is killed, the thread ends."""
        self._cancel.set()
        self._thread.quit()
        if not self._thread.wait(30000):
            log.warning("preview worker did not stop in time")
        for folder in [*self._old_folders, *([self._folder] if self._folder else [])]:
            shutil.rmtree(folder, ignore_errors=True)
        self._old_folders = []
        self._folder = None
