"""GB/T 9704-2012 formatting for the Word report: fonts, sizes, spacing, page setup.

Used by the template builder (``tools/build_word_templates.py``) and by ``word.py`` for
post-processing (draft mark, 落款 placement). Imports python-docx: only load on render.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

# Fonts (DOMAIN.md §2.2). Word/WPS fall back via fontTable altName (see FONT_FALLBACKS).
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
PAGE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
FONT_FALLBACKS = {
    TITLE_FONT: "宋体",
    BODY_FONT: "仿宋",
    H2_FONT: "楷体",
    H1_FONT: "SimHei",
}

TITLE_PT = 22  # 2号
BODY_PT = 16  # 3号
PAGE_PT = 14  # 4号
TABLE_PT = 12  # 小四
LINE_TWIPS = 579  # 28.95 pt: 22 lines in the 225 mm type area
TITLE_LINE_TWIPS = 700  # 35 pt for the 22 pt title
TABLE_LINE_TWIPS = 400  # 20 pt in tables
CHAR_TWIPS = BODY_PT * 20  # one body character

MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_MM = 26  # page number ~7 mm below the type area
HEADER_MM = 15

# Paragraph styles of the templates (style ids are ASCII; names show in Word).
STYLE_BODY = "Normal"
STYLE_TITLE = "Title"
STYLE_H1 = "Heading 1"
STYLE_H2 = "Heading 2"
STYLE_H3 = "Heading 3"
STYLE_SIGNATURE = "PD Signature"  # 落款署名
STYLE_DATE = "PD Date"  # 成文日期
STYLE_TABLE = "PD Table Text"
STYLE_TABLE_HEAD = "PD Table Head"
STYLE_PAGE = "PD Page Number"
STYLE_DRAFT = "PD Draft Mark"


def set_fonts(rpr_parent: object, east_asia: str, size_pt: float | None = None,
              *, bold: bool | None = None, latin: str = LATIN_FONT) -> None:
    """Set rFonts (ascii, hAnsi, eastAsia, cs) and size on a run or style (not themes)."""
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        rpr.remove(fonts)
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")
    rpr.insert(0, fonts)
    for tag in ("w:color", "w:b", "w:bCs", "w:sz", "w:szCs", "w:kern", "w:spacing"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            el = OxmlElement(tag)
            if not bold:
                el.set(qn("w:val"), "0")
            rpr.append(el)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(int(size_pt * 2)))
            rpr.append(el)
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "000000")
    rpr.append(color)


def reset_ppr(element: object) -> object:
    """Drop a style's/paragraph's pPr (theme borders, spacing) and return a fresh one."""
    ppr = element.find(qn("w:pPr"))  # type: ignore[attr-defined]
    if ppr is not None:
        element.remove(ppr)  # type: ignore[attr-defined]
    return element.get_or_add_pPr()  # type: ignore[attr-defined]


def set_spacing(ppr: object, line_twips: int, before: int = 0, after: int = 0) -> None:
    sp = ppr.find(qn("w:spacing"))  # type: ignore[attr-defined]
    if sp is None:
        sp = OxmlElement("w:spacing")
        ppr.append(sp)  # type: ignore[attr-defined]
    sp.set(qn("w:before"), str(before))
    sp.set(qn("w:after"), str(after))
    sp.set(qn("w:line"), str(line_twips))
    sp.set(qn("w:lineRule"), "exact")


def set_indent(ppr: object, *, first_chars: int = 0, left: int = 0, right: int = 0,
               char_twips: int = CHAR_TWIPS) -> None:
    """Indent in characters (firstLineChars, so Word keeps it at 2 chars)."""
    ind = ppr.find(qn("w:ind"))  # type: ignore[attr-defined]
    if ind is not None:
        ppr.remove(ind)  # type: ignore[attr-defined]
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))
    if first_chars:
        ind.set(qn("w:firstLineChars"), str(first_chars * 100))
        ind.set(qn("w:firstLine"), str(first_chars * char_twips))
    else:
        ind.set(qn("w:firstLineChars"), "0")
        ind.set(qn("w:firstLine"), "0")
    ppr.append(ind)  # type: ignore[attr-defined]


def set_align(ppr: object, value: str) -> None:
    """'both', 'center', 'right', 'left'."""
    jc = ppr.find(qn("w:jc"))  # type: ignore[attr-defined]
    if jc is None:
        jc = OxmlElement("w:jc")
        ppr.append(jc)  # type: ignore[attr-defined]
    jc.set(qn("w:val"), value)


def set_outline(ppr: object, level: int | None) -> None:
    for el in ppr.findall(qn("w:outlineLvl")):  # type: ignore[attr-defined]
        ppr.remove(el)  # type: ignore[attr-defined]
    if level is not None:
        el = OxmlElement("w:outlineLvl")
        el.set(qn("w:val"), str(level))
        ppr.append(el)  # type: ignore[attr-defined]


def set_flag(ppr: object, tag: str) -> None:
    if ppr.find(qn(tag)) is None:  # type: ignore[attr-defined]
        ppr.append(OxmlElement(tag))  # type: ignore[attr-defined]


def text_width_chars(text: str) -> float:
    """Width in body characters: CJK/full-width 1, ASCII (digits in dates) 0.5."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def signature_indents(signature: str, date_text: str) -> tuple[int, int]:
    """Right indents (twips) of 署名 and 成文日期 per GB/T 9704-2012 §7.3.5.2.

    署名 right-indented two characters; the date on the next line starts two characters
    to the right of the 署名's first character; when the date is the longer, the date is
    right-indented two characters and the 署名 moves left to keep the offset.
    """
    s = text_width_chars(signature)
    d = text_width_chars(date_text)
    sig_right = max(2.0, d + 4 - s)
    date_right = sig_right + s - 2 - d
    return round(sig_right * CHAR_TWIPS), round(date_right * CHAR_TWIPS)


def set_right_indent(paragraph: Paragraph, twips: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:right"), str(twips))
    for attr in ("w:rightChars",):
        if ind.get(qn(attr)) is not None:
            del ind.attrib[qn(attr)]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def page_setup(section: object) -> None:
    """A4 portrait with the GB/T 9704 margins and a 22-line grid."""
    section.page_width = Mm(210)  # type: ignore[attr-defined]
    section.page_height = Mm(297)  # type: ignore[attr-defined]
    section.top_margin = Mm(MARGINS_MM["top"])  # type: ignore[attr-defined]
    section.bottom_margin = Mm(MARGINS_MM["bottom"])  # type: ignore[attr-defined]
    section.left_margin = Mm(MARGINS_MM["left"])  # type: ignore[attr-defined]
    section.right_margin = Mm(MARGINS_MM["right"])  # type: ignore[attr-defined]
    section.footer_distance = Mm(FOOTER_MM)  # type: ignore[attr-defined]
    section.header_distance = Mm(HEADER_MM)  # type: ignore[attr-defined]
    sect_pr = section._sectPr  # type: ignore[attr-defined]
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_TWIPS))


def pt(value: float) -> Pt:
    return Pt(value)


# Schema order of pPr / rPr children (ECMA-376 CT_PPr, CT_RPr): Word rejects some files
# whose properties are out of order, so everything we touch is sorted before saving.
_PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]
_RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
]
_ORDERS = {
    qn("w:pPr"): {qn(f"w:{n}"): i for i, n in enumerate(_PPR_ORDER)},
    qn("w:rPr"): {qn(f"w:{n}"): i for i, n in enumerate(_RPR_ORDER)},
}


def sort_properties(root: object) -> None:
    """Put the children of every pPr/rPr under ``root`` in schema order (stable)."""
    for tag, order in _ORDERS.items():
        for props in root.iter(tag):  # type: ignore[attr-defined]
            children = list(props)
            ranked = sorted(children, key=lambda el: order.get(el.tag, len(order)))
            if ranked != children:
                for el in children:
                    props.remove(el)
                props.extend(ranked)
