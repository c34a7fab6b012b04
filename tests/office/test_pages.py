"""PDF pages with PDFium: sizes, extracting and turning pages, images in bands, PNG files."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.office import pages

A4 = (595.0, 842.0)


def make_pdf(path: Path, sizes: list[tuple[float, float]]) -> Path:
    """Blank pages of the given sizes, each with a black bar across its top quarter."""
    pdf = pypdfium2.PdfDocument.new()
    for w, h in sizes:
        page = pdf.new_page(w, h)
        rect = pypdfium2.raw.FPDFPageObj_CreateNewRect(0, h * 0.75, w, h * 0.25)
        pypdfium2.raw.FPDFPageObj_SetFillColor(rect, 0, 0, 0, 255)
        pypdfium2.raw.FPDFPath_SetDrawMode(rect, pypdfium2.raw.FPDF_FILLMODE_ALTERNATE, False)
        pypdfium2.raw.FPDFPage_InsertObject(page, rect)
        pypdfium2.raw.FPDFPage_GenerateContent(page)
        page.close()
    pdf.save(str(path))
    pdf.close()
    return path


def read_png(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 2)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_sizes_count_and_bookmarks_of_a_made_pdf(tmp_path):
    pdf = make_pdf(tmp_path / "a.pdf", [A4, (842, 595), A4])
    assert pages.page_count(pdf) == 3
    assert pages.page_sizes(pdf) == [pytest.approx(A4), pytest.approx((842, 595)), pytest.approx(A4)]
    assert pages.bookmarks(pdf) == []


def test_extract_keeps_the_order_and_turns_landscape_pages_upright(tmp_path):
    src = make_pdf(tmp_path / "a.pdf", [A4, (842, 595), (500, 700)])
    out = pages.extract_pages(src, [2, 1], tmp_path / "b.pdf", portrait=True)
    assert pages.page_sizes(out) == [pytest.approx((500, 700)), pytest.approx((595, 842))]
    plain = pages.extract_pages(src, [1], tmp_path / "c.pdf")
    assert pages.page_sizes(plain) == [pytest.approx((842, 595))]


def test_extract_refuses_a_page_that_is_not_there(tmp_path):
    src = make_pdf(tmp_path / "a.pdf", [A4])
    with pytest.raises(pages.PdfError) as exc:
        pages.extract_pages(src, [0, 3], tmp_path / "b.pdf")
    assert "只有 1 页" in exc.value.message and "第 4 页" in exc.value.message
    assert not (tmp_path / "b.pdf").exists()


def test_a_damaged_pdf_is_a_chinese_error(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(pages.PdfError) as exc:
        pages.page_count(bad)
    assert "无法读取 PDF 文件“bad.pdf”" in exc.value.message


def test_render_page_is_rgb_at_the_asked_resolution(tmp_path):
    src = make_pdf(tmp_path / "a.pdf", [A4])
    image = pages.render_page(src, 0, 72)
    assert (image.width, image.height) == (595, 842)
    assert image.stride >= image.width * 3 and len(image.data) >= image.stride * image.height
    top = image.data[10 * image.stride:10 * image.stride + 3]
    bottom = image.data[800 * image.stride:800 * image.stride + 3]
    assert top == b"\x00\x00\x00" and bottom == b"\xff\xff\xff"  # the bar is at the top


@pytest.mark.parametrize("rotate", [0, 90])
def test_bands_add_up_to_the_page_and_stay_small(tmp_path, rotate):
    src = make_pdf(tmp_path / "a.pdf", [A4])
    limit = 400_000
    bands = list(pages.render_bands(src, 0, 150, rotate=rotate, band_bytes=limit))
    assert len(bands) > 3
    assert all(b.stride * b.height <= limit + b.stride for _off, b in bands)
    widths = {b.width for _off, b in bands}
    full_h = sum(b.height for _off, b in bands)
    long_side, short_side = 842 * 150 / 72, 595 * 150 / 72
    want_w, want_h = (long_side, short_side) if rotate else (short_side, long_side)
    assert len(widths) == 1 and abs(widths.pop() - want_w) <= 1
    assert abs(full_h - want_h) <= len(bands)  # each band rounds to whole pixel rows
    offsets = [off for off, _b in bands]
    assert offsets == sorted(offsets) and offsets[0] == 0
    # turned a quarter clockwise, the top bar of the page is on the right of the image
    first = bands[0][1]
    left, right = first.data[0:3], first.data[(first.width - 5) * 3:(first.width - 4) * 3]
    if rotate:
        assert (left, right) == (b"\xff\xff\xff", b"\x00\x00\x00")
    else:
        assert left == right == b"\x00\x00\x00"


def test_bands_never_exceed_300_dpi(tmp_path):
    src = make_pdf(tmp_path / "a.pdf", [A4])
    bands = list(pages.render_bands(src, 0, 1200))
    assert all(abs(b.width - 595 * 300 / 72) <= 1 for _o, b in bands)
    assert max(b.stride * b.height for _o, b in bands) <= pages.BAND_BYTES + bands[0][1].stride


def test_png_holds_the_image(tmp_path):
    src = make_pdf(tmp_path / "a.pdf", [(100, 50)])
    image = pages.render_page(src, 0, 72)
    png = pages.write_png(image, tmp_path / "p.png")
    width, height, raw = read_png(png)
    assert (width, height) == (100, 50)
    row = 1 + width * 3
    assert len(raw) == row * height
    for y in range(height):
        assert raw[y * row] == 0  # filter type none
        assert raw[y * row + 1:(y + 1) * row] == image.data[y * image.stride:y * image.stride + width * 3]


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 40), st.integers(1, 30), st.binary(min_size=0, max_size=4000))
def test_png_round_trip_property(tmp_path_factory, width, height, noise):
    data = (noise * (width * height * 3 // max(1, len(noise)) + 1))[:width * height * 3] \
        if noise else bytes(width * height * 3)
    path = tmp_path_factory.mktemp("png") / "x.png"
    pages.write_png(pages.Raster(width, height, width * 3, data), path)
    w, h, raw = read_png(path)
    assert (w, h) == (width, height)
    assert b"".join(raw[y * (1 + w * 3) + 1:(y + 1) * (1 + w * 3)] for y in range(h)) == data


@pytest.mark.slow
def test_demo_report_text_is_found(demo_docs):
    report = next(d for d in demo_docs if d.key == "report")
    text = "".join(pages.page_text(report.pdf))
    assert "整体支出绩效自评报告" in text and "一、单位基本情况" in text
