"""The 打印 dialog, driven by keys and clicks, and the raster fallback printed to a PDF."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from perfdesk.office import pages
from perfdesk.office.documents import Converter, PrintDoc
from perfdesk.office.printing import DocPages, Duplex, PrintChoices, Printer
from perfdesk.ui import raster_print
from perfdesk.ui.widgets.print_dialog import COL_DOC, COL_RANGE, PrintDialog

pytestmark = pytest.mark.gui

A4 = (595.0, 842.0)


def _doc(key, label, n, sheet=None, sizes=None, pdf=Path("x.pdf")):
    sizes = sizes or (A4,) * n
    return PrintDoc(key, label, f"{label} 标题", Path("x"), sheet, pdf, n, tuple(sizes),
                    Converter.LIBREOFFICE)


DOCS = [_doc("report", "报告", 8), _doc("annex1", "附件1", 1, 1), _doc("annex2", "附件2", 2, 2)]
PRINTERS = [Printer("前台", duplex=False, state="空闲"),
            Printer("财务室", is_default=True, duplex=True, state="空闲")]


def _dialog(qtbot, docs=DOCS, printers=PRINTERS):
    d = PrintDialog(docs, printers)
    qtbot.addWidget(d)
    with qtbot.waitActive(d):
        d.show()
        d.activateWindow()
    return d


def _click_check(qtbot, d, row):
    rect = d.table.visualItemRect(d.table.item(row, COL_DOC))
    qtbot.mouseClick(d.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 12, rect.center().y()))


def _type_range(qtbot, d, row, text):
    """Click the cell, F2, select all, type (or clear), Enter: as a person edits a cell."""
    rect = d.table.visualItemRect(d.table.item(row, COL_RANGE))
    qtbot.mouseClick(d.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(d.table, Qt.Key.Key_F2)
    (editor,) = [e for e in d.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: d.table.item(row, COL_RANGE).text() == text, timeout=2000)


def test_defaults_all_documents_on_the_default_printer(qtbot):
    d = _dialog(qtbot)
    assert d.printer.currentText() == "财务室（默认）" and d.duplex.isEnabled()
    assert d.choices() == PrintChoices("财务室", tuple(DocPages(k) for k in
                                                    ("report", "annex1", "annex2")))
    assert d.summary.text() == "共 3 个文档、11 页。"


def test_choices_by_keys_and_clicks(qtbot):
    d = _dialog(qtbot)
    _click_check(qtbot, d, 1)  # 附件1 off
    _type_range(qtbot, d, 0, "1-2,5")  # QTest types ASCII only
    d.copies.setFocus()
    d.copies.selectAll()
    qtbot.keyClicks(d.copies, "3")
    d.duplex.setFocus()
    qtbot.keyClick(d.duplex, Qt.Key.Key_Down)
    assert "每份 5 页 × 3 份" in d.summary.text()
    qtbot.mouseClick(d.print_button, Qt.MouseButton.LeftButton)
    assert d.result() == PrintDialog.DialogCode.Accepted
    assert d.choices() == PrintChoices(
        "财务室", (DocPages("report", ((1, 2), (5, 5))), DocPages("annex2")), copies=3,
        duplex=Duplex.LONG_EDGE)


def test_a_bad_range_or_nothing_chosen_blocks_printing(qtbot):
    d = _dialog(qtbot)
    _type_range(qtbot, d, 2, "3")
    assert not d.print_button.isEnabled() and "附件2：页码“3”超出范围：本文档只有 2 页" in d.summary.text()
    assert d.choices() is None
    _type_range(qtbot, d, 2, "")
    assert d.print_button.isEnabled()
    qtbot.mouseClick(d.annex_button, Qt.MouseButton.LeftButton)
    assert [k.key for k in d.choices().documents] == ["annex1", "annex2"]
    qtbot.mouseClick(d.report_button, Qt.MouseButton.LeftButton)
    assert [k.key for k in d.choices().documents] == ["report"]
    _click_check(qtbot, d, 0)
    assert not d.print_button.isEnabled() and "至少勾选一个" in d.summary.text()


def test_a_printer_without_two_sided_printing(qtbot):
    d = _dialog(qtbot)
    d.duplex.setCurrentIndex(1)
    d.printer.setFocus()
    qtbot.keyClick(d.printer, Qt.Key.Key_Up)
    assert d.printer.currentText() == "前台"
    assert not d.duplex.isEnabled() and d.duplex.currentIndex() == 0
    assert d.choices().duplex == Duplex.ONE_SIDED and d.choices().printer == "前台"


def test_no_printer_at_all(qtbot):
    d = _dialog(qtbot, printers=[])
    assert not d.print_button.isEnabled() and "没有可用的打印机" in d.printer_state.text()


def _landscape_pdf(path: Path) -> Path:
    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(842, 595).close()
    pdf.new_page(595, 842).close()
    pdf.save(str(path))
    pdf.close()
    return path


@pytest.mark.slow
def test_raster_fallback_pages_and_size(qtbot, demo_docs, tmp_path, monkeypatch):
    """Page images as the last resort: the right pages, A4 portrait (landscape turned),
    at most 300 dpi, in bands."""
    wide = _landscape_pdf(tmp_path / "wide.pdf")
    docs = [*demo_docs, _doc("wide", "附件9", 2, 9, ((842.0, 595.0), A4), pdf=wide)]
    bands = []
    real = pages.render_bands

    def spy(*args, **kwargs):
        for offset, band in real(*args, **kwargs):
            bands.append((args[2], band.stride * band.height))
            yield offset, band

    monkeypatch.setattr(pages, "render_bands", spy)
    choices = PrintChoices("文件", (DocPages("report", ((2, 3),)), DocPages("annex1"),
                                   DocPages("wide")), copies=2)
    out = tmp_path / "raster.pdf"
    printer = raster_print.make_printer(choices, output_pdf=str(out))
    outcome = raster_print.print_raster(docs, choices, printer=printer, band_bytes=2_000_000)
    assert [(j.label, j.pages) for j in outcome.jobs] == [("报告", 2), ("附件1", 1), ("附件9", 2)]
    count = pages.page_count(out)
    per_copy = 5
    assert count in (per_copy, per_copy * 2)  # the driver makes the copies, or we do
    assert all(abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5 for w, h in pages.page_sizes(out))
    assert bands and max(dpi for dpi, _n in bands) <= 300
    assert max(n for _dpi, n in bands) <= 2_000_000 + 8000
    # raster: the printed pages carry no text, only the picture of it
    assert "".join(pages.page_text(out)).strip() == ""
    picture = pages.render_page(out, 0, 20)
    assert len(set(picture.data)) > 2  # not blank


def test_raster_fallback_needs_a_choice(qtbot):
    with pytest.raises(raster_print.PrintError):
        raster_print.print_raster(DOCS, PrintChoices("x", ()),
                                  printer=raster_print.make_printer(PrintChoices("x", ()),
                                                                    output_pdf="/dev/null"))
