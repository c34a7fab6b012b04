"""The generated files as documents: one PDF per 报告 and per 附件 sheet (LibreOffice)."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from perfdesk.office import documents, pages, pdf, windows
from perfdesk.office.pdf import Cancelled, PdfUnavailable
from tests.conftest import require_pdf_converter


@pytest.mark.slow
def test_demo_becomes_report_and_each_annex(demo_docs, demo_files, tmp_path):
    labels = [d.label for d in demo_docs]
    assert labels == ["报告", "附件1", "附件2", "附件3-1", "附件3-2", "附件3-3"]
    assert [d.key for d in demo_docs][:3] == ["report", "annex1", "annex2"]
    # the pages of the 附件 PDFs are those of the whole workbook converted independently
    xlsx = next(f for f in demo_files if f.suffix == ".xlsx")
    soffice = pdf.find_soffice()
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    whole = tmp_path / (xlsx.stem + ".pdf")
    annexes = [d for d in demo_docs if d.sheet is not None]
    assert sum(d.pages for d in annexes) == pages.page_count(whole)
    assert [d.sheet for d in annexes] == [1, 2, 3, 4, 5]
    for doc in annexes:
        text = "".join(pages.page_text(doc.pdf))
        assert doc.label in text and pages.page_count(doc.pdf) == doc.pages
        assert not [o.label for o in annexes if o is not doc and o.label in text]
    report = demo_docs[0]
    assert report.sheet is None and report.pages == pages.page_count(report.pdf) >= 5
    assert all(w < h for w, h in report.sizes)


@pytest.mark.slow
def test_pdfs_made_with_the_files_are_reused(demo_files, tmp_path, monkeypatch):
    require_pdf_converter(pdf.find_soffice() is not None)
    docx = next(f for f in demo_files if f.suffix == ".docx")
    made = tmp_path / "made"
    made.mkdir()
    copy = Path(shutil.copy(docx, made))
    converted = pdf.convert_to_pdf(copy, made)
    calls = []
    real = documents.convert_many_with_libreoffice

    def spy(soffice, sources, out_dir, cancel=None):
        calls.append(list(sources))
        return real(soffice, sources, out_dir, cancel)

    monkeypatch.setattr(documents, "convert_many_with_libreoffice", spy)
    docs = documents.prepare([copy, converted], tmp_path / "preview")
    assert calls == [[]] and docs[0].pdf == converted


def test_without_any_converter_it_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(documents, "find_soffice", lambda: None)
    monkeypatch.setattr(windows, "default_dispatch", lambda: None)
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    assert not documents.converter_available()
    with pytest.raises(PdfUnavailable) as exc:
        documents.prepare([src], tmp_path / "p")
    assert exc.value.message == documents.NO_PREVIEW
    assert "LibreOffice" in exc.value.message and "打开文件夹" in exc.value.message


@pytest.mark.skipif(shutil.which("sleep") is None, reason="needs a POSIX sleep")
def test_cancel_stops_a_slow_conversion_at_once(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(documents, "find_soffice", lambda: str(fake))
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        documents.prepare([src], tmp_path / "p", cancel=cancel)
    assert time.monotonic() - started < 5


def test_sheet_labels():
    assert documents.sheet_label("附件1 基础数据表", 1) == ("annex1", "附件1")
    assert documents.sheet_label("附件3-12", 14) == ("annex3-12", "附件3-12")
    assert documents.sheet_label("Sheet1", 2) == ("sheet2", "Sheet1")
    assert documents.sheet_label("  ", 3) == ("sheet3", "工作表3")
