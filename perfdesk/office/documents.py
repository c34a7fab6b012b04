"""The generated files as the documents a person looks at and prints: 报告, 附件1, 附件2,
附件3-1 … each one PDF holding exactly its own pages.

``prepare`` turns the files of one generation (.docx, .xlsx, and any PDFs already made
beside them) into ``PrintDoc``s: the report is converted as it is; a 附件 workbook is
converted once and split into one PDF per sheet (LibreOffice Calc writes a bookmark per
sheet; Excel and WPS export each sheet on its own). The preview shows these PDFs and
printing sends these same PDFs, so what is printed is what was seen.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from perfdesk.office import pages, windows
from perfdesk.office.pdf import (
    Cancelled,
    PdfUnavailable,
    convert_many_with_libreoffice,
    find_soffice,
)

Progress = Callable[[int, str], None]  # percent (-1: under way, length unknown), what (Chinese)

NO_PREVIEW = ("此电脑上没有能把报告转换为 PDF 的程序（LibreOffice，或 Windows 上的 Word、WPS），"
              "无法在这里预览和按页打印；可以打开文件夹，用 Word 或 WPS 查看和打印生成的文件。")

_ANNEX = re.compile(r"^附件\s*(\d+(?:-\d+)?)")


class Converter(StrEnum):
    LIBREOFFICE = "libreoffice"
    OFFICE = "office"  # Word/WPS/Excel through COM (Windows)


@dataclass(frozen=True)
class PrintDoc:
    """One document of the preview and of printing."""

    key: str  # ASCII: "report", "annex1", "annex3-2", "sheet4"
    label: str  # what the tab says: 报告, 附件1, 附件3-2
    title: str  # the report file's name or the sheet's full name (附件1 基础数据表)
    source: Path  # the .docx/.xlsx it was made from
    sheet: int | None  # 1-based sheet of ``source`` (附件), None for the report
    pdf: Path  # its pages, and only its pages
    pages: int
    sizes: tuple[tuple[float, float], ...]  # each page's width and height in points
    converter: Converter

    @property
    def landscape(self) -> tuple[int, ...]:
        """0-based pages wider than high."""
        return tuple(i for i, (w, h) in enumerate(self.sizes) if w > h)


def sheet_label(sheet_name: str, n: int) -> tuple[str, str]:
    """(key, label) for a sheet: "附件3-1 项目…" -> ("annex3-1", "附件3-1")."""
    m = _ANNEX.match(sheet_name.strip())
    if m:
        return f"annex{m.group(1)}", f"附件{m.group(1)}"
    return f"sheet{n}", sheet_name.strip() or f"工作表{n}"


def converter_available() -> bool:
    return find_soffice() is not None or windows.default_dispatch() is not None


def _doc(key: str, label: str, title: str, source: Path, sheet: int | None, pdf: Path,
         converter: Converter) -> PrintDoc:
    sizes = tuple(pages.page_sizes(pdf))
    return PrintDoc(key, label, title, source, sheet, pdf, len(sizes), sizes, converter)


def _split_workbook(source: Path, pdf: Path, folder: Path,
                    taken: set[str]) -> list[PrintDoc]:
    """One PrintDoc per sheet of a workbook PDF, cut at its top-level bookmarks."""
    marks = [b for b in pages.bookmarks(pdf) if b.level == 0]
    count = pages.page_count(pdf)
    starts = sorted({b.page: b for b in marks}.values(), key=lambda b: b.page)
    if not starts or starts[0].page != 0:  # no outline: the workbook stays one document
        key, label = _unique("annex", taken), "附件"
        return [_doc(key, label, source.stem, source, None, pdf, Converter.LIBREOFFICE)]
    docs = []
    for n, mark in enumerate(starts, start=1):
        end = starts[n].page if n < len(starts) else count
        key, label = sheet_label(mark.title, n)
        key = _unique(key, taken)
        part = pages.extract_pages(pdf, list(range(mark.page, end)), folder / f"{key}.pdf")
        docs.append(_doc(key, label, mark.title, source, n, part, Converter.LIBREOFFICE))
    return docs


def _unique(key: str, taken: set[str]) -> str:
    candidate, n = key, 2
    while candidate in taken:
        candidate = f"{key}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _reusable_pdf(source: Path, files: list[Path]) -> Path | None:
    """A PDF of ``source`` made by the same generation (同时转换为 PDF), if still current."""
    for f in files:
        if f.suffix.lower() == ".pdf" and f.stem == source.stem:
            try:
                if f.stat().st_mtime >= source.stat().st_mtime and f.stat().st_size > 0:
                    return f
            except OSError:
                return None
    return None


def prepare(files: list[Path], folder: Path, *, progress: Progress | None = None,
            cancel: threading.Event | None = None) -> list[PrintDoc]:
    """The documents of one generation, their PDFs written into ``folder``.

    Raises PdfUnavailable (Chinese) when nothing here converts, Cancelled when ``cancel``
    is set, pages.PdfError when a PDF cannot be read.
    """

    def step(percent: int, text: str) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress is not None:
            progress(percent, text)

    files = [Path(f) for f in files]
    sources = [f for f in files if f.suffix.lower() == ".docx"]
    sources += [f for f in files if f.suffix.lower() == ".xlsx"]
    folder.mkdir(parents=True, exist_ok=True)
    soffice = find_soffice()
    dispatch = None if soffice is not None else windows.default_dispatch()
    if soffice is None and dispatch is None:
        raise PdfUnavailable(NO_PREVIEW)
    step(-1, "正在把报告和附件转换为 PDF…")
    taken: set[str] = set()
    pdf_of: dict[Path, Path] = {}
    if soffice is not None:
        todo = [s for s in sources if _reusable_pdf(s, files) is None]
        made = convert_many_with_libreoffice(soffice, todo, folder / "converted", cancel)
        pdf_of.update(zip(todo, made, strict=True))
        pdf_of.update({s: p for s in sources if (p := _reusable_pdf(s, files)) is not None})
    docs: list[PrintDoc] = []
    for i, source in enumerate(sources):
        step(10 + 80 * i // max(1, len(sources)), f"正在准备“{source.name}”的页面…")
        is_report = source.suffix.lower() == ".docx"
        if soffice is not None:
            pdf = pdf_of[source]
            if is_report:
                key = _unique("report", taken)
                docs.append(_doc(key, "报告", source.stem, source, None, pdf,
                                 Converter.LIBREOFFICE))
            else:
                docs.extend(_split_workbook(source, pdf, folder, taken))
            continue
        assert dispatch is not None
        try:
            if is_report:
                pdf = windows.export_document_pdf(source, folder / f"{source.stem}.pdf", dispatch)
                docs.append(_doc(_unique("report", taken), "报告", source.stem, source, None,
                                 pdf, Converter.OFFICE))
            else:
                sheets = windows.export_sheet_pdfs(source, folder, dispatch)
                for n, (name, pdf) in enumerate(sheets, start=1):
                    key, label = sheet_label(name, n)
                    docs.append(_doc(_unique(key, taken), label, name, source, n, pdf,
                                     Converter.OFFICE))
        except windows.OfficeError as exc:
            raise PdfUnavailable(exc.message) from exc
    step(100, "预览已准备好")
    return docs


def single_pdf(pdf: Path) -> PrintDoc:
    """A PDF given as it is (the command line's ``preview file.pdf``)."""
    return _doc("pdf", pdf.stem, pdf.stem, pdf, None, pdf, Converter.LIBREOFFICE)


def print_file(doc: PrintDoc, indices: list[int], target: Path) -> Path:
    """The PDF to send for printing ``doc``'s 0-based pages ``indices``: the same pages,
    landscape ones turned onto portrait A4."""
    return pages.extract_pages(doc.pdf, indices, target, portrait=True)


def page_images(docs: list[PrintDoc], out_dir: Path, dpi: float) -> list[Path]:
    """Every page of ``docs`` as a PNG in ``out_dir``: ``报告-01.png``, ``附件3-2-01.png`` …"""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in docs:
        for n, raster in enumerate(pages.render_pages(doc.pdf, dpi), start=1):
            written.append(pages.write_png(raster, out_dir / f"{doc.label}-{n:02d}.png"))
    return written
