"""The user guide as a PDF (A4, page numbers, every rule's explanation as an appendix):
for the bundle (scripts/build_guide_pdf.py, packaging/help_files.py) and 另存为 PDF in the
help window. Qt lays it out and writes it; written atomically."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QRawFont

from perfdesk.io.atomic import write_atomic
from perfdesk.ui.help.document import guide_document

TITLE = "PerfDesk 使用指南"
FONTS = ["Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
         "PingFang SC", "SimSun"]


def write_guide_pdf(target: Path) -> Path:
    """Write the guide's PDF to ``target`` (replacing it whole or not at all)."""
    def write(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(TITLE)
        writer.setCreator("PerfDesk")
        writer.setResolution(300)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        font = QFont()
        font.setFamilies(FONTS)
        font.setPointSizeF(10.5)
        # Shaping draws CJK fonts' digits with substituted glyphs that have no code point of
        # their own: the PDF's text then lost "1" of "F1" and the digits of "R-B15".
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        doc = guide_document(with_rules=True, links=False, font=font)
        doc.print_(writer)  # 2 cm margins and page numbers: QTextDocument's own pagination
        del writer  # the file is complete when the writer is gone
        fix_text_of_shared_glyphs(tmp, radical_ideographs(font))

    return write_atomic(target, write)


def radical_ideographs(font: QFont) -> dict[int, int]:
    """Radical code point -> the ideograph drawn with the same glyph in ``font`` (⽤ U+2F64 ->
    用 U+7528, ⻔ U+2EBB -> 门 U+95E8)."""
    raw = QRawFont.fromFont(font)
    radicals = [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]
    ideographs = range(0x4E00, 0xA000)
    by_glyph: dict[int, int] = {}
    for code, glyph in zip(ideographs, raw.glyphIndexesForString("".join(map(chr, ideographs))),
                           strict=True):
        if glyph:
            by_glyph.setdefault(glyph, code)
    return {code: by_glyph[glyph] for code, glyph in zip(
        radicals, raw.glyphIndexesForString("".join(map(chr, radicals))), strict=True)
        if glyph and glyph in by_glyph}


_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_CODE = re.compile(rb"<(2[EF][0-9A-F]{2})>")


def fix_text_of_shared_glyphs(pdf: Path, ideographs: dict[int, int]) -> None:
    """Make the PDF's text say 用, not ⽤. Qt's font subset maps each glyph back to the first
    code point that uses it, and CJK fonts draw a Kangxi radical and its ideograph with one
    glyph: copied or searched text came out as radicals. The ToUnicode maps are rewritten in
    place, code for code (four hex digits each, so no offset of the file moves)."""
    def ideograph(m: re.Match[bytes]) -> bytes:
        code = int(m.group(1), 16)
        return b"<%04X>" % ideographs.get(code, code)

    data = pdf.read_bytes()
    fixed = _CMAP.sub(lambda m: _CODE.sub(ideograph, m.group(0)), data)
    assert len(fixed) == len(data)
    pdf.write_bytes(fixed)


def main(argv: list[str]) -> int:
    """``python -m perfdesk.ui.help.pdf OUT.pdf`` (scripts/build_guide_pdf.py): build the PDF
    with an offscreen application of its own."""
    import os
    import sys

    if len(argv) != 2:
        print("用法：python -m perfdesk.ui.help.pdf 输出文件.pdf", file=sys.stderr)
        return 2
    if sys.platform != "win32":  # Windows lays fonts out with its own platform, screen or not
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv[:1])
    out = Path(argv[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    write_guide_pdf(out)
    print(f"{out}: {out.stat().st_size // 1024} KB")
    del app
    return 0


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.exit(main(sys.argv))
