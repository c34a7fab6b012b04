"""The raster fallback: page images of the previewed PDFs through Qt's printer support,
where neither CUPS nor an office program prints them (Windows without Word/WPS, a
two-sided job on Windows, a Linux machine without the CUPS commands).

Pages are rendered at the printer's resolution but never above 300 dpi
(``pages.MAX_PRINT_DPI``), in bands of a few megabytes, so memory stays small whatever the
driver reports; landscape pages are turned onto portrait A4.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from perfdesk.office import pages
from perfdesk.office.documents import PrintDoc
from perfdesk.office.printing import (
    Duplex,
    Method,
    PrintChoices,
    PrintError,
    PrintOutcome,
    SentJob,
    page_indices,
)
from perfdesk.ui.preview_jobs import to_qimage

_DUPLEX = {Duplex.ONE_SIDED: QPrinter.DuplexMode.DuplexNone,
           Duplex.LONG_EDGE: QPrinter.DuplexMode.DuplexLongSide,
           Duplex.SHORT_EDGE: QPrinter.DuplexMode.DuplexShortSide}


def make_printer(choices: PrintChoices, output_pdf: str | None = None) -> QPrinter:
    """A QPrinter for ``choices`` (or Qt's own PDF writer at ``output_pdf``, for tests and
    for "print to file")."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if output_pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(output_pdf)
    else:
        printer.setPrinterName(choices.printer)
    printer.setDocName("PerfDesk 绩效自评报告")
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setCopyCount(choices.copies)
    printer.setCollateCopies(True)
    printer.setDuplex(_DUPLEX[choices.duplex])
    return printer


def print_raster(docs: Sequence[PrintDoc], choices: PrintChoices, *,
                 printer: QPrinter | None = None, max_dpi: int = pages.MAX_PRINT_DPI,
                 band_bytes: int = pages.BAND_BYTES) -> PrintOutcome:
    """Paint the chosen pages onto ``printer`` (by default the one in ``choices``)."""
    by_key = {d.key: d for d in docs}
    chosen = [(by_key[w.key], page_indices(w.ranges, by_key[w.key].pages))
              for w in choices.documents if w.key in by_key]
    if not chosen:
        raise PrintError("没有选择要打印的文档。")
    printer = printer or make_printer(choices)
    if not printer.isValid():
        raise PrintError(f"找不到打印机“{choices.printer}”，请在系统设置中确认它已安装。")
    dpi = min(printer.resolution(), max_dpi)
    copies = 1 if printer.supportsMultipleCopies() or choices.copies <= 1 else choices.copies
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"打印机“{choices.printer}”无法开始打印。请确认它已开机、已连接。")
    outcome = PrintOutcome(choices.printer, Method.RASTER, choices.copies, choices.duplex)
    try:
        first = True
        for _copy in range(copies):
            for doc, indices in chosen:
                for index in indices:
                    if not first and not printer.newPage():
                        raise PrintError(f"打印机“{choices.printer}”拒绝了新的一页。")
                    first = False
                    _paint_page(painter, printer, doc, index, dpi, band_bytes)
        outcome.jobs = [SentJob(doc.label, len(indices), "") for doc, indices in chosen]
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintError(f"打印机“{choices.printer}”报告出错，页面可能没有全部打印。")
    return outcome


def _paint_page(painter: QPainter, printer: QPrinter, doc: PrintDoc, index: int, dpi: float,
                band_bytes: int) -> None:
    """One PDF page in bands, scaled onto the printer's full page (turned if landscape)."""
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    rotate = 90 if index in doc.landscape else 0
    width_pt, height_pt = doc.sizes[index]
    if rotate:
        width_pt, height_pt = height_pt, width_pt
    scale = dpi / 72
    image_w, image_h = width_pt * scale, height_pt * scale
    # fit the page image into the paper, keeping its proportions, centred
    fit = min(target.width() / image_w, target.height() / image_h)
    left = target.x() + (target.width() - image_w * fit) / 2
    top = target.y() + (target.height() - image_h * fit) / 2
    for offset, band in pages.render_bands(doc.pdf, index, dpi, rotate=rotate,
                                           band_bytes=band_bytes):
        image = to_qimage(band)
        painter.drawImage(QRectF(left, top + offset * fit, band.width * fit, band.height * fit),
                          image)
