"""Draft marking (草稿): header text and a diagonal watermark on every page.

Works on any template, bundled or the user's: it is applied after rendering.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import RGBColor
from lxml import etree

from perfdesk.render import word_style as ws

DRAFT_TEXT = "草稿"
DRAFT_HEADER = "草稿 — 审核有错误未改正，仅供核对，不作正式报告"

_V = "urn:schemas-microsoft-com:vml"
_O = "urn:schemas-microsoft-com:office:office"
_W10 = "urn:schemas-microsoft-com:office:word"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_WATERMARK = f"""
<w:r xmlns:w="{_W}" xmlns:v="{_V}" xmlns:o="{_O}" xmlns:w10="{_W10}">
  <w:rPr><w:noProof/></w:rPr>
  <w:pict>
    <v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
        path="m@7,l@8,m@5,21600l@6,21600e">
      <v:formulas>
        <v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>
        <v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
        <v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>
        <v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>
        <v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>
      </v:formulas>
      <v:path textpathok="t" o:connecttype="custom"
          o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
          o:connectangles="270,180,90,0"/>
      <v:textpath on="t" fitshape="t"/>
      <v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
      <o:lock v:ext="edit" text="t" shapetype="t"/>
    </v:shapetype>
    <v:shape id="PowerPlusWaterMarkObject{{n}}" o:spid="_x0000_s20{{n}}" type="#_x0000_t136"
        style="position:absolute;margin-left:0;margin-top:0;width:360pt;height:180pt;rotation:315;z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
        o:allowincell="f" fillcolor="#d9d9d9" stroked="f">
      <v:fill opacity=".5"/>
      <v:textpath style="font-family:&quot;{ws.H1_FONT}&quot;;font-size:1pt" string="{DRAFT_TEXT}"/>
      <w10:wrap anchorx="margin" anchory="margin"/>
    </v:shape>
  </w:pict>
</w:r>
"""


def _headers(doc: Document) -> list[object]:
    seen: list[object] = []
    for section in doc.sections:
        candidates = [section.header, section.even_page_header]
        if section.different_first_page_header_footer:
            candidates.append(section.first_page_header)
        for header in candidates:
            header.is_linked_to_previous = False
            if all(header.part is not h.part for h in seen):  # type: ignore[attr-defined]
                seen.append(header)
    return seen


def mark_draft(doc: Document) -> None:
    """Write 草稿 into every header (visible on every page) and add a watermark."""
    for n, header in enumerate(_headers(doc), 1):
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(DRAFT_HEADER)
        ws.set_fonts(run._r, ws.H1_FONT, ws.TABLE_PT)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        mark = etree.fromstring(_WATERMARK.replace("{{n}}", f"{n:02d}"))
        paragraph._p.append(mark)
        ws.sort_properties(paragraph._p)


def is_draft(doc: Document) -> bool:
    """True when a header carries the draft mark (used by tests and the GUI preview)."""
    for section in doc.sections:
        for header in (section.header, section.even_page_header):
            text = "".join(p.text for p in header.paragraphs)
            if DRAFT_TEXT in text:
                return True
            if header._element.findall(".//" + qn("w:pict")):
                return True
    return False
