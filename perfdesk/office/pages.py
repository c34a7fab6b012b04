"""PDF pages: count, split, rotate and rasterise them with PDFium (pypdfium2), no Qt.

PDFium is not thread-safe: every call into it goes through ``_LOCK``, so the preview's
worker thread, a print job and the command line can share it. pypdfium2 is imported on
first use (about 90 ms), never before the first window.

Sizes are in PDF points (1/72 inch); a page image is 8-bit RGB, rows of ``stride`` bytes.
"""

from __future__ import annotations

import struct
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.io.atomic import write_atomic
from perfdesk.io.oserrors import describe

if TYPE_CHECKING:
    import pypdfium2

_LOCK = threading.RLock()

A4_POINTS = (595.28, 841.89)  # 210 × 297 mm
MAX_PRINT_DPI = 300  # the raster fallback never renders finer (an A4 page is then 26 MB)
BAND_BYTES = 8 * 1024 * 1024  # one band of a page image for printing


class PdfError(Exception):
    """A PDF could not be read or written; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Raster:
    """An RGB image: ``height`` rows of ``stride`` bytes, ``width`` pixels of 3 bytes each."""

    width: int
    height: int
    stride: int
    data: bytes


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 0-based page the bookmark points to
    level: int


def _open(path: Path) -> pypdfium2.PdfDocument:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError) as exc:
        raise PdfError(f"无法读取 PDF 文件“{Path(path).name}”（{exc}）。请重新生成后再试。") from exc


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height of every page in points, as displayed (page rotation applied)."""
    with _LOCK:
        pdf = _open(path)
        try:
            return [_displayed_size(pdf, i) for i in range(len(pdf))]
        finally:
            pdf.close()


def page_count(path: Path) -> int:
    with _LOCK:
        pdf = _open(path)
        try:
            return len(pdf)
        finally:
            pdf.close()


def _displayed_size(pdf: pypdfium2.PdfDocument, index: int) -> tuple[float, float]:
    page = pdf[index]
    try:
        width, height = page.get_size()  # PDFium reports the size with /Rotate applied
        return float(width), float(height)
    finally:
        page.close()


def bookmarks(path: Path) -> list[Bookmark]:
    """The outline (LibreOffice Calc writes one top-level entry per sheet)."""
    with _LOCK:
        pdf = _open(path)
        try:
            found = []
            for item in pdf.get_toc():
                dest = item.get_dest()
                index = dest.get_index() if dest is not None else None
                if index is not None:
                    found.append(Bookmark(item.get_title(), int(index), int(item.level)))
            return found
        finally:
            pdf.close()


def page_text(path: Path) -> list[str]:
    """The text of each page (for tests and checks; PDFium's text extraction)."""
    with _LOCK:
        pdf = _open(path)
        try:
            texts = []
            for i in range(len(pdf)):
                page = pdf[i]
                text = page.get_textpage()
                texts.append(text.get_text_range())
                text.close()
                page.close()
            return texts
        finally:
            pdf.close()


def extract_pages(src: Path, pages: list[int], target: Path, *, portrait: bool = False) -> Path:
    """Write the 0-based ``pages`` of ``src`` (in that order) as a new PDF at ``target``.

    Pages are copied as they are (text and vector drawing stay vector). With ``portrait``
    every landscape page gets a quarter turn, so it prints upright on portrait paper even
    where the printer driver does not turn it.
    """
    import pypdfium2

    with _LOCK:
        source = _open(src)
        try:
            count = len(source)
            bad = [p + 1 for p in pages if not 0 <= p < count]
            if bad:
                raise PdfError(f"“{Path(src).name}”只有 {count} 页，没有第 {bad[0]} 页。")
            out = pypdfium2.PdfDocument.new()
            try:
                out.import_pages(source, pages)
                if portrait:
                    for i in range(len(out)):
                        page = out[i]
                        width, height = page.get_size()
                        if width > height:
                            page.set_rotation((page.get_rotation() + 90) % 360)
                        page.close()

                def save(tmp: Path) -> None:
                    with open(tmp, "wb") as fh:
                        out.save(fh)

                try:
                    write_atomic(Path(target), save)
                except OSError as exc:
                    raise PdfError(f"无法写入“{Path(target).name}”：{describe(exc)}") from exc
            finally:
                out.close()
        finally:
            source.close()
    return Path(target)


def render_page(path: Path, index: int, dpi: float, *, rotate: int = 0) -> Raster:
    """Page ``index`` (0-based) of ``path`` at ``dpi``, white background, RGB."""
    with _LOCK:
        pdf = _open(path)
        try:
            return _render(pdf, index, dpi, rotate=rotate)
        finally:
            pdf.close()


def render_pages(path: Path, dpi: float) -> Iterator[Raster]:
    """Every page of ``path`` at ``dpi``, one at a time (the document stays open between)."""
    with _LOCK:
        pdf = _open(path)
        count = len(pdf)
        pdf.close()
    for index in range(count):
        yield render_page(path, index, dpi)


def _render(pdf: pypdfium2.PdfDocument, index: int, dpi: float, *, rotate: int = 0,
            crop: tuple[float, float, float, float] = (0, 0, 0, 0)) -> Raster:
    import pypdfium2

    if not 0 <= index < len(pdf):
        raise PdfError(f"PDF 只有 {len(pdf)} 页，没有第 {index + 1} 页。")
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / 72, rotation=rotate, crop=crop, rev_byteorder=True,
                             fill_color=(255, 255, 255, 255))
    except pypdfium2.PdfiumError as exc:
        raise PdfError(f"第 {index + 1} 页无法显示（{exc}）。") from exc
    finally:
        page.close()
    try:
        if bitmap.n_channels != 3:  # asked for RGB; anything else is PDFium misbehaving
            raise PdfError(f"第 {index + 1} 页的图像格式不对（{bitmap.n_channels} 个通道）。")
        data = bytes(bitmap.buffer)
        return Raster(bitmap.width, bitmap.height, bitmap.stride, data)
    finally:
        bitmap.close()


def render_bands(path: Path, index: int, dpi: float, *, rotate: int = 0,
                 band_bytes: int = BAND_BYTES) -> Iterator[tuple[int, Raster]]:
    """Page ``index`` at ``dpi`` (at most ``MAX_PRINT_DPI``) in horizontal bands of at most
    ``band_bytes``, top to bottom: (row offset in the whole image, band). With ``rotate``
    90 or 270 the page is turned first, so the bands are rows of the turned image.

    Memory stays at one band whatever the resolution: a 1200 dpi A4 page would be half a
    gigabyte in one piece.
    """
    dpi = min(float(dpi), float(MAX_PRINT_DPI))
    scale = dpi / 72
    with _LOCK:
        pdf = _open(path)
        try:
            width_pt, height_pt = _displayed_size(pdf, index)
        finally:
            pdf.close()
    turned = rotate % 180 == 90
    out_w_pt, out_h_pt = (height_pt, width_pt) if turned else (width_pt, height_pt)
    width_px = max(1, round(out_w_pt * scale))
    rows = max(1, band_bytes // (width_px * 3 + 4))
    band_pt = rows / scale
    top = 0.0
    while top < out_h_pt - 1e-6:
        bottom = min(out_h_pt, top + band_pt)
        # crop is (left, bottom, right, top) of the *output* orientation's page box in points;
        # PDFium applies it after rotation
        crop = (0.0, out_h_pt - bottom, 0.0, top)
        with _LOCK:
            pdf = _open(path)
            try:
                band = _render(pdf, index, dpi, rotate=rotate, crop=crop)
            finally:
                pdf.close()
        yield round(top * scale), band
        top = bottom


def write_png(raster: Raster, target: Path) -> Path:
    """Save ``raster`` as a PNG (8-bit RGB), atomically; no imaging library needed."""
    row_bytes = raster.width * 3
    rows = b"".join(b"\x00" + raster.data[y * raster.stride:y * raster.stride + row_bytes]
                    for y in range(raster.height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", raster.width, raster.height, 8, 2, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
           + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))

    def save(tmp: Path) -> None:
        tmp.write_bytes(png)

    try:
        return write_atomic(Path(target), save)
    except OSError as exc:
        raise PdfError(f"无法写入“{Path(target).name}”：{describe(exc)}") from exc
