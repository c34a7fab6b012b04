"""PDF export: LibreOffice converts the rendered reports (slow: two conversions only), and
a missing or failing converter gives a Chinese PdfUnavailable message."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

from perfdesk.io import load_report
from perfdesk.office import pdf
from perfdesk.office.pdf import PdfUnavailable, convert_to_pdf
from perfdesk.render.word import render_word
from perfdesk.resources import demo_report_path
from tests.conftest import require_pdf_converter


@pytest.fixture(scope="module")
def pdfs(word_env, tmp_path_factory) -> dict[str, Path]:
    require_pdf_converter(pdf.find_soffice() is not None)
    out = tmp_path_factory.mktemp("pdf")
    report = load_report(demo_report_path())
    made = {}
    for key, name, draft in (("standard", "标准版", True), ("table", "表格式", False)):
        docx_path = render_word(report, out / f"{key}.docx", template=name, draft=draft)
        made[key] = convert_to_pdf(docx_path, out)
    return made


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


@pytest.mark.slow
def test_libreoffice_converts_every_page(pdfs):
    for path in pdfs.values():
        assert path.suffix == ".pdf" and path.stat().st_size > 10_000
        assert _pages(path) >= 3
    text = _text(pdfs["standard"])
    assert "一、单位基本情况" in text and "十、其他需要说明的情况" in text
    assert "{{" not in text and "{%" not in text
    assert re.search(r"—\s*1\s*—", text) and re.search(r"—\s*2\s*—", text)
    # the draft header shows on every page
    assert text.count("草稿") >= _pages(pdfs["standard"])


@pytest.mark.slow
def test_table_form_pdf(pdfs):
    text = _text(pdfs["table"])
    assert "绩效指标完成情况" in text and "新增市场主体户数" in text
    assert "草稿" not in text


def test_no_converter_gives_chinese_message(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "convert_with_office_com", lambda src, out: None)
    with pytest.raises(PdfUnavailable) as exc:
        convert_to_pdf(tmp_path / "a.docx", tmp_path)
    assert "LibreOffice" in exc.value.message and "另存为 PDF" in exc.value.message


@pytest.mark.skipif(os.name == "nt", reason="shell script stands in for soffice")
def test_soffice_exiting_zero_without_pdf_is_a_failure(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    with pytest.raises(PdfUnavailable) as exc:
        convert_to_pdf(src, tmp_path / "out")
    assert "未能把“a.docx”转换为 PDF" in exc.value.message
    assert "could not be loaded" in exc.value.message
    assert not (tmp_path / "out" / "a.pdf").exists()


@pytest.mark.skipif(os.name == "nt", reason="shell script stands in for soffice")
def test_soffice_gets_a_private_profile(monkeypatch, tmp_path):
    log = tmp_path / "args.txt"
    fake = tmp_path / "soffice"
    fake.write_text(f'#!/bin/sh\necho "$@" > {log}\nwhile [ "$1" != "--outdir" ]; do shift; done\n'
                    'mkdir -p "$2"; printf "%%PDF-1.4" > "$2/a.pdf"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    out = convert_to_pdf(src, tmp_path / "out")
    assert out == tmp_path / "out" / "a.pdf" and out.read_bytes() == b"%PDF-1.4"
    args = log.read_text()
    assert "-env:UserInstallation=file://" in args and "--headless" in args
    assert "--norestore" in args
