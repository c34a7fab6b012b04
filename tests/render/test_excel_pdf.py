"""LibreOffice converts the attachments workbook to PDF (slow; runs in CI)."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.model.report import Indicator, Report
from perfdesk.render.excel import render_workbook
from tests.conftest import require_pdf_converter

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(xlsx: Path, tmp_path: Path) -> Path:
    require_pdf_converter(SOFFICE is not None)
    profile = tmp_path / "lo_profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
        check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (xlsx.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


@pytest.mark.slow
def test_demo_workbook_converts_to_pdf(demo: Report, tmp_path: Path):
    xlsx = render_workbook(demo, tmp_path / "demo.xlsx", draft=True)
    to_pdf(xlsx, tmp_path)


@pytest.mark.slow
def test_sixty_indicator_rows_break_over_pages(demo: Report, tmp_path: Path):
    demo.projects = []
    demo.indicators = [
        Indicator(level1="产出指标", level2="数量指标", name=f"指标{i + 1}：较长的三级指标名称用于换行",
                  target="≥90%", actual="95%", weight=Decimal("1.5"), score=Decimal("1.5"),
                  deviation="偏差原因说明" * (i % 4))
        for i in range(60)]
    xlsx = render_workbook(demo, tmp_path / "sixty.xlsx", draft=False)
    pdf = to_pdf(xlsx, tmp_path)
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        count = int(next(ln.split()[-1] for ln in out.splitlines() if ln.startswith("Pages")))
        assert count >= 3  # 附件1 + 附件2 over at least two pages
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        # the indicator header row is printed again on the continuation page
        assert text.count("三级指标") >= 2
        assert "指标60" in text and "总分" in text
