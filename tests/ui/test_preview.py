"""See it before it prints: 生成 → page preview of the report and every 附件 → 打印 to a
virtual printer of a real CUPS, as vector PDF (LibreOffice and CUPS: slow)."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer

from perfdesk.office import documents, pages, printing, windows
from perfdesk.office.printing import DocPages, PrintChoices
from perfdesk.render import render_all
from perfdesk.ui.pages import generate as gen
from tests.conftest import require_pdf_converter
from tests.cups_server import printed_pdf

pytestmark = pytest.mark.gui

PREVIEW_TIMEOUT = 60_000


def _page(make_window, folder: Path):
    w = make_window()
    page = w.show_page("generate")
    page.folder.setText(str(folder))
    page.pdf.setChecked(False)
    return w, page


def _click_tab(qtbot, preview, index: int) -> None:
    qtbot.mouseClick(preview.tabs, Qt.MouseButton.LeftButton,
                     pos=preview.tabs.tabRect(index).center())


def _pdfinfo_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


def _expected_pages(demo, tmp_path: Path) -> dict[str, int]:
    """Pages of the report and of each 附件, converted independently of the preview: every
    form as its own workbook (render --separate), LibreOffice, poppler's pdfinfo."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require_pdf_converter(soffice is not None)
    files = render_all(demo, tmp_path / "separate", excel_separate=True).files
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                    *map(str, files)], check=True, capture_output=True, timeout=300)
    want = {}
    for f in files:
        label = "报告" if f.suffix == ".docx" else f.stem.rsplit("（", 1)[1].rstrip("）")
        want[label] = _pdfinfo_pages(tmp_path / "pdf" / (f.stem + ".pdf"))
    return want


@pytest.mark.slow
def test_generate_preview_and_print_the_demo(make_window, qtbot, tmp_path, demo,
                                             virtual_printer, dialog_log):
    require_pdf_converter(documents.converter_available())
    want = _expected_pages(demo, tmp_path)
    _w, page = _page(make_window, tmp_path / "out")
    assert not page.print_button.isEnabled()

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    with qtbot.waitSignal(page.preview_ready, timeout=PREVIEW_TIMEOUT):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    timer.stop()
    # the window answered all the while LibreOffice converted and PDFium drew
    gaps = [b - a for a, b in zip([started, *ticks], ticks, strict=False)]
    assert len(ticks) > 5 and max(gaps) < 1.0, f"event loop blocked for {max(gaps):.2f} s"

    preview = page.preview
    labels = [preview.tabs.tabText(i) for i in range(preview.tabs.count())]
    assert labels == ["报告", "附件1", "附件2", "附件3-1", "附件3-2", "附件3-3"]
    assert page.print_button.isEnabled() and not preview.draft.isVisible()
    for i, label in enumerate(labels):
        _click_tab(qtbot, preview, i)
        doc = preview.doc()
        assert doc.label == label
        assert doc.pages == want[label] == pages.page_count(doc.pdf), label
        assert preview.page_total.text() == f"/ {want[label]} 页"
        assert preview.thumbs.count() == want[label]
        qtbot.waitUntil(preview.has_page_image, timeout=10_000)
        assert preview.view.label.pixmap().width() > 200

    # keys in the page view: next page, last page, zoom
    _click_tab(qtbot, preview, 0)
    qtbot.mouseClick(preview.view.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.page_box.value() == 2 and preview.thumbs.currentRow() == 1
    qtbot.keyClick(preview.view, Qt.Key.Key_End)
    assert preview.page_box.value() == want["报告"]
    before = preview.zoom_label.text()
    qtbot.keyClick(preview.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom_label.text() != before
    qtbot.waitUntil(preview.has_page_image, timeout=10_000)
    qtbot.mouseClick(preview.fit_width, Qt.MouseButton.LeftButton)
    bar = preview.view.verticalScrollBar().sizeHint().width()
    assert preview.view.label.width() <= preview.view.viewport().width() + bar

    # 打印 → the dialog (answered with what it would return) → the virtual printer
    docs = list(page.preview_service.docs)
    choices = PrintChoices(virtual_printer.name, tuple(DocPages(d.key) for d in docs))
    dialog_log.answer("print_choices", choices)
    with qtbot.waitSignal(page.print_finished, timeout=60_000) as sent:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert dialog_log.names() == ["print_choices"]
    offered_docs, offered_printers = dialog_log.calls[0][1][:2]
    assert [d.key for d in offered_docs] == [d.key for d in docs]
    assert [p.name for p in offered_printers] == [virtual_printer.name]
    outcome = sent.args[0]
    assert isinstance(outcome, printing.PrintOutcome), getattr(outcome, "message", outcome)
    assert "已发送到打印机“PerfDesk_Virtual_PDF”：报告" in page.status.text()

    jobs = virtual_printer.wait_for_jobs(len(docs))
    printed = [printed_pdf(j) for j in jobs]
    assert [pages.page_count(p) for p in printed] == [d.pages for d in docs]
    report_text = "".join(pages.page_text(printed[0]))
    title = f"{demo.year} 年度{demo.unit_name}"
    assert title in report_text.replace("\r\n", "") and "整体支出绩效自评报告" in report_text
    for doc, pdf in zip(docs[1:], printed[1:], strict=True):
        text = "".join(pages.page_text(pdf))
        assert doc.label in text, f"{doc.label} not printed as text"
    assert "整体支出绩效评价基础数据表" in "".join(pages.page_text(printed[1]))
    for pdf in printed:
        assert all(abs(w_ - 595) < 2 and abs(h - 842) < 2 for w_, h in pages.page_sizes(pdf))
    qtbot.waitUntil(lambda: "处理完毕" in page.status.text(), timeout=60_000)


@pytest.mark.slow
def test_draft_marking_and_regenerate_after_an_edit(make_window, qtbot, tmp_path):
    require_pdf_converter(documents.converter_available())
    w, page = _page(make_window, tmp_path)
    w.doc.set_value("unit_name", "")  # an error: the output is a draft
    with qtbot.waitSignal(page.preview_ready, timeout=PREVIEW_TIMEOUT):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.preview.draft.isVisible() and not page.preview.stale.isVisible()
    report = page.preview.doc("report")
    assert "草稿" in "".join(pages.page_text(report.pdf))
    w.doc.set_value("unit_name", "青禾县市场监督管理局")
    assert page.preview.stale.isVisible()
    with qtbot.waitSignal(page.preview_ready, timeout=PREVIEW_TIMEOUT):
        qtbot.mouseClick(page.preview.regenerate, Qt.MouseButton.LeftButton)
    assert not page.preview.stale.isVisible() and not page.preview.draft.isVisible()
    assert "草稿" not in "".join(pages.page_text(page.preview.doc("report").pdf))


def test_without_a_converter_the_page_says_so_and_offers_the_folder(
        make_window, qtbot, tmp_path, monkeypatch, dialog_log):
    monkeypatch.setattr(documents, "find_soffice", lambda: None)
    monkeypatch.setattr(windows, "default_dispatch", lambda: None)
    opened = []
    monkeypatch.setattr(gen, "open_url", lambda p: opened.append(Path(p)) or True)
    _w, page = _page(make_window, tmp_path)
    with qtbot.waitSignal(page.generation_finished, timeout=PREVIEW_TIMEOUT):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview.message.text() == documents.NO_PREVIEW
    assert preview.open_folder.isVisible() and not preview.progress.isVisible()
    assert not page.print_button.isEnabled() and "预览准备好之后" in page.print_button.toolTip()
    qtbot.mouseClick(preview.open_folder, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]
    assert dialog_log.calls == []


@pytest.mark.slow
def test_without_a_print_system_nothing_is_claimed(make_window, qtbot, tmp_path, monkeypatch,
                                                   dialog_log):
    require_pdf_converter(documents.converter_available())
    _w, page = _page(make_window, tmp_path)
    with qtbot.waitSignal(page.preview_ready, timeout=PREVIEW_TIMEOUT):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    real_which = shutil.which
    monkeypatch.setattr(printing.shutil, "which",
                        lambda name: None if name in ("lp", "lpstat") else real_which(name))
    monkeypatch.setattr(page, "printers", lambda: [])
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert dialog_log.names() == ["info"] and "没有打印系统（CUPS）" in dialog_log.texts("info")
    assert "没有打印系统" in page.status.text() and "已发送" not in page.status.text()


@pytest.mark.slow
def test_a_refused_job_is_the_printers_error_in_chinese(make_window, qtbot, tmp_path,
                                                        virtual_printer, dialog_log):
    require_pdf_converter(documents.converter_available())
    _w, page = _page(make_window, tmp_path)
    with qtbot.waitSignal(page.preview_ready, timeout=PREVIEW_TIMEOUT):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    subprocess.run(["cupsreject", "-r", "maintenance", virtual_printer.name],
                   env=virtual_printer.env(), check=True)
    dialog_log.answer("print_choices", PrintChoices(virtual_printer.name, (DocPages("report"),)))
    with qtbot.waitSignal(page.print_finished, timeout=60_000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    status = page.status.text()
    assert "打印失败" in status and "暂停接收作业" in status and "已发送" not in status
    assert virtual_printer.jobs() == []


def test_page_view_keeps_answering_keys_without_documents(qtbot):
    from perfdesk.ui.widgets.page_preview import PagePreview

    preview = PagePreview()
    qtbot.addWidget(preview)
    preview.show()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    qtbot.mouseClick(preview.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not preview.next_button.isEnabled() and not preview.fit_page.isEnabled()
    assert "生成报告后" in preview.message.text()


@pytest.mark.slow
def test_a_stopped_printer_is_said_after_the_job_was_accepted(make_window, qtbot, tmp_path,
                                                               virtual_printer, dialog_log):
    require_pdf_converter(documents.converter_available())
    _w, page = _page(make_window, tmp_path)
    with qtbot.waitSignal(page.preview_ready, timeout=PREVIEW_TIMEOUT):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    subprocess.run(["cupsdisable", "-r", "out of paper", virtual_printer.name],
                   env=virtual_printer.env(), check=True)
    dialog_log.answer("print_choices", PrintChoices(virtual_printer.name, (DocPages("annex2"),)))
    with qtbot.waitSignal(page.print_finished, timeout=60_000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert "已发送到打印机" in page.status.text()  # the print system did accept the job
    qtbot.waitUntil(lambda: "已停用" in page.status.text(), timeout=30_000)
    status = page.status.text()
    assert "缺纸" in status and "处理完毕" not in status
    assert virtual_printer.jobs() == []
