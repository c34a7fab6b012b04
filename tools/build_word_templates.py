"""Build the bundled Word templates under ``templates/`` (python-docx + docxtpl tags).

    .venv/bin/python tools/build_word_templates.py

The committed .docx files are what the program uses and what a skilled user edits in
Word; this script only makes them reproducible. Tags: ``{{ x }}`` prints a value;
``{%p for t in xs %}`` … ``{%p endfor %}`` repeats a paragraph; ``{%tr … %}`` repeats a
table row. The variables are listed in ``templates/README.md``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.document import Document as DocumentObject  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm  # noqa: E402

from perfdesk.render import word_style as ws  # noqa: E402

OUT = ROOT / "templates"
Line = tuple[str, str]  # (kind, text)


# ------------------------------------------------------------------ document setup
def _style(doc: DocumentObject, name: str, east_asia: str, size: float, *, bold: bool = False,
           align: str = "both", first_chars: int = 2, line: int = ws.LINE_TWIPS,
           outline: int | None = None, latin: str = ws.LATIN_FONT) -> None:
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
    el = style.element
    ppr = ws.reset_ppr(el)
    if outline is not None or name.startswith("Heading"):
        ws.set_flag(ppr, "w:keepNext")
    ws.set_spacing(ppr, line)
    ws.set_indent(ppr, first_chars=first_chars)
    ws.set_align(ppr, align)
    ws.set_outline(ppr, outline)
    if line != ws.LINE_TWIPS:  # off the 22-line grid, or LibreOffice snaps to 2 lines
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        ppr.insert(0, snap)
    rpr = el.find(qn("w:rPr"))
    if rpr is not None:
        el.remove(rpr)
    ws.set_fonts(el, east_asia, size, bold=bold, latin=latin)
    style.quick_style = True


def _doc_defaults(doc: DocumentObject) -> None:
    """docDefaults use theme fonts; make them the body font so nothing falls back."""
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        rpr.remove(fonts)
    fonts = OxmlElement("w:rFonts")
    for attr, value in (("w:ascii", ws.LATIN_FONT), ("w:hAnsi", ws.LATIN_FONT),
                        ("w:eastAsia", ws.BODY_FONT), ("w:cs", ws.LATIN_FONT)):
        fonts.set(qn(attr), value)
    rpr.insert(0, fonts)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(doc: DocumentObject) -> None:
    """Declare the 公文 fonts with altName, so Word/WPS substitute 宋体/仿宋/楷体."""
    part = None
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
    if part is None:
        return
    from lxml import etree

    root = etree.fromstring(part.blob)
    for name, alt in ws.FONT_FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt_el = etree.SubElement(font, qn("w:altName"))
        alt_el.set(qn("w:val"), alt)
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")
        family = etree.SubElement(font, qn("w:family"))
        family.set(qn("w:val"), "modern" if name != ws.TITLE_FONT else "auto")
        pitch = etree.SubElement(font, qn("w:pitch"))
        pitch.set(qn("w:val"), "fixed" if name != ws.TITLE_FONT else "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number(doc: DocumentObject, paragraph: object, align: str, indent: str) -> None:
    """'— 1 —' in 4号 宋体, one character in from the outer edge."""
    p = paragraph
    p.style = doc.styles[ws.STYLE_PAGE]  # type: ignore[attr-defined]
    ppr = p._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ws.set_align(ppr, align)
    ind = OxmlElement("w:ind")
    ind.set(qn(f"w:{indent}"), str(ws.PAGE_PT * 20))
    ppr.append(ind)

    def run(text: str | None = None, fld: str | None = None, instr: str | None = None) -> None:
        r = p.add_run()  # type: ignore[attr-defined]
        ws.set_fonts(r._r, ws.PAGE_FONT, ws.PAGE_PT, latin=ws.PAGE_FONT)
        if text is not None:
            r.text = text
        if fld is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), fld)
            r._r.append(el)
        if instr is not None:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            r._r.append(el)

    run("— ")
    run(fld="begin")
    run(instr=" PAGE ")
    run(fld="separate")
    run("1")
    run(fld="end")
    run(" —")


def new_document() -> DocumentObject:
    doc = Document()
    _doc_defaults(doc)
    _style(doc, ws.STYLE_BODY, ws.BODY_FONT, ws.BODY_PT)
    _style(doc, ws.STYLE_TITLE, ws.TITLE_FONT, ws.TITLE_PT, align="center", first_chars=0,
           line=ws.TITLE_LINE_TWIPS)
    _style(doc, ws.STYLE_H1, ws.H1_FONT, ws.BODY_PT, outline=0)
    _style(doc, ws.STYLE_H2, ws.H2_FONT, ws.BODY_PT, outline=1)
    _style(doc, ws.STYLE_H3, ws.BODY_FONT, ws.BODY_PT, bold=True, outline=2)
    _style(doc, ws.STYLE_SIGNATURE, ws.BODY_FONT, ws.BODY_PT, align="right", first_chars=0)
    _style(doc, ws.STYLE_DATE, ws.BODY_FONT, ws.BODY_PT, align="right", first_chars=0)
    _style(doc, ws.STYLE_TABLE, ws.BODY_FONT, ws.TABLE_PT, align="left", first_chars=0,
           line=ws.TABLE_LINE_TWIPS)
    _style(doc, ws.STYLE_TABLE_HEAD, ws.H1_FONT, ws.TABLE_PT, align="center", first_chars=0,
           line=ws.TABLE_LINE_TWIPS)
    _style(doc, ws.STYLE_PAGE, ws.PAGE_FONT, ws.PAGE_PT, align="right", first_chars=0,
           line=ws.LINE_TWIPS, latin=ws.PAGE_FONT)
    _style(doc, ws.STYLE_DRAFT, ws.H1_FONT, ws.BODY_PT, align="center", first_chars=0,
           line=ws.LINE_TWIPS)
    _font_table(doc)
    section = doc.sections[0]
    ws.page_setup(section)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(doc, section.footer.paragraphs[0], "right", "right")
    _page_number(doc, section.even_page_footer.paragraphs[0], "left", "left")
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        header.paragraphs[0].style = doc.styles[ws.STYLE_DRAFT]
    props = doc.core_properties
    props.author = "PerfDesk"
    props.title = ""
    props.comments = "PerfDesk 报告模板"
    props.last_modified_by = "PerfDesk"
    # A fresh body: drop python-docx's empty first paragraph.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    return doc


# ------------------------------------------------------------------ content helpers
STYLE_OF = {
    "title": ws.STYLE_TITLE, "h1": ws.STYLE_H1, "h2": ws.STYLE_H2, "h3": ws.STYLE_H3,
    "body": ws.STYLE_BODY, "sign": ws.STYLE_SIGNATURE, "date": ws.STYLE_DATE,
    "cell": ws.STYLE_TABLE, "head": ws.STYLE_TABLE_HEAD,
}
FONT_OF = {
    "title": (ws.TITLE_FONT, ws.TITLE_PT, False), "h1": (ws.H1_FONT, ws.BODY_PT, False),
    "h2": (ws.H2_FONT, ws.BODY_PT, False), "h3": (ws.BODY_FONT, ws.BODY_PT, True),
    "body": (ws.BODY_FONT, ws.BODY_PT, False), "sign": (ws.BODY_FONT, ws.BODY_PT, False),
    "date": (ws.BODY_FONT, ws.BODY_PT, False), "cell": (ws.BODY_FONT, ws.TABLE_PT, False),
    "head": (ws.H1_FONT, ws.TABLE_PT, False), "cellb": (ws.H1_FONT, ws.TABLE_PT, False),
    "cellc": (ws.BODY_FONT, ws.TABLE_PT, False),
}


def para(container: object, kind: str, text: str) -> None:
    """One paragraph; its run carries explicit East Asian fonts (kept by docxtpl)."""
    style = STYLE_OF.get(kind, ws.STYLE_TABLE)
    p = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    if kind == "cellc":
        ws.set_align(p._p.get_or_add_pPr(), "center")
    if text:
        run = p.add_run(text)
        font, size, bold = FONT_OF[kind]
        ws.set_fonts(run._r, font, size, bold=bold)


def loop(var: str, kind: str = "body") -> list[Line]:
    """Paragraph loop over a list of strings."""
    return [("ctl", f"{{%p for t in {var} %}}"), (kind, "{{ t }}"), ("ctl", "{%p endfor %}")]


def sections_loop(heading: str, kind: str) -> list[Line]:
    """The accountant's own sections; ``heading`` numbers them, e.g. '{{ s.n }}.'."""
    return [
        ("ctl", "{%p for s in sections %}"),
        ("ctl", "{%p if s.title %}"),
        (kind, heading + "{{ s.title }}"),
        ("ctl", "{%p endif %}"),
        ("ctl", "{%p for t in s.paragraphs %}"),
        ("body", "{{ t }}"),
        ("ctl", "{%p endfor %}"),
        ("ctl", "{%p endfor %}"),
        *loop("sections_fallback"),
    ]


def signature() -> list[Line]:
    return [("body", ""), ("sign", "{{ signature }}"), ("date", "{{ date_text }}")]


def write(container: object, lines: list[Line]) -> None:
    for kind, text in lines:
        para(container, "body" if kind == "ctl" else kind, text)


# ------------------------------------------------------------------ outlines
def standard() -> list[Line]:
    """标准版: the 10-part outline (DOMAIN.md §2.1, seed 004)."""
    return [
        ("title", "{{ title }}"), ("body", ""),
        ("h1", "一、单位基本情况"),
        ("h2", "（一）单位职能职责"), *loop("duties"),
        ("h2", "（二）机构设置"), *loop("organization"),
        ("h1", "二、一般公共预算支出情况"),
        ("h2", "（一）基本支出情况"), *loop("basic"), *loop("three_public"),
        ("h2", "（二）项目支出情况"), *loop("projects"),
        ("h1", "三、政府性基金预算支出情况"), *loop("gov_fund"),
        ("h1", "四、国有资本经营预算支出情况"), *loop("state_capital"),
        ("h1", "五、社会保险基金预算支出情况"), *loop("social_insurance"),
        ("h1", "六、单位整体支出绩效情况"),
        ("h2", "（一）支出预算执行情况"), *loop("execution"),
        ("h2", "（二）支出绩效目标完成情况"), *loop("goal_block"), *loop("indicator_summary"),
        *loop("goal_notes"),
        ("h2", "（三）整体支出绩效情况"), *sections_loop("{{ s.n }}.", "h3"),
        ("h1", "七、存在的问题及原因分析"), *loop("problems"),
        ("h1", "八、下一步改进措施"), *loop("measures"),
        ("h1", "九、单位整体支出绩效自评结果拟应用和公开情况"), *loop("result_use"),
        ("body", "{{ score }}"),
        ("h1", "十、其他需要说明的情况"), *loop("other_notes"),
        *signature(),
    ]


def six_part() -> list[Line]:
    """简版（六部分）: seed 003's outline."""
    return [
        ("title", "{{ title }}"), ("body", ""),
        ("h1", "一、基本情况"),
        ("h2", "（一）部门（单位）基本情况"),
        ("h3", "1.主要职能"), *loop("duties"),
        ("h3", "2.机构和人员情况"), *loop("organization"),
        ("h2", "（二）部门（单位）年度整体支出绩效目标"), *loop("goal_block"),
        ("h1", "二、一般公共预算支出情况"), *loop("scale"),
        ("h2", "（一）基本支出情况"), *loop("basic"), *loop("three_public"),
        ("h2", "（二）项目支出情况"), *loop("projects"),
        # a part of its own only when there is such spending; the parts after it are
        # renumbered when it is left out (word.renumber_headings)
        ("ctl", "{%p if other_budgets_given %}"),
        ("h1", "三、政府性基金、国有资本经营和社会保险基金预算支出情况"),
        *loop("other_budgets_given"),
        ("ctl", "{%p endif %}"),
        ("h1", "四、部门整体支出绩效情况"), *loop("execution"), *loop("indicator_summary"),
        *loop("goal_notes"), *sections_loop("（{{ s.cn }}）", "h2"),
        ("h1", "五、存在的问题及原因分析"), *loop("problems"),
        ("h1", "六、下一步整改措施"), *loop("measures"),
        ("h1", "七、绩效自评结果拟应用和公开情况"), *loop("result_use"), ("body", "{{ score }}"),
        *loop("other_notes_given"),
        *signature(),
    ]


def seven_part() -> list[Line]:
    """旧版（七部分）: seeds 000/001's outline."""
    return [
        ("title", "{{ title }}"), ("body", ""),
        ("h1", "一、部门概况"),
        ("h2", "（一）部门职能概述"), *loop("duties"),
        ("h2", "（二）部门组织机构及人员情况"), *loop("organization"),
        ("h2", "（三）年度重点工作计划"), *loop("goals"),
        ("h2", "（四）部门整体支出规模、使用方向、主要内容和涉及范围"), *loop("scale"),
        *loop("other_budgets"),
        ("h1", "二、部门整体支出管理及使用情况"),
        ("h2", "（一）基本支出"), *loop("basic"), *loop("three_public"),
        ("h2", "（二）项目支出"), *loop("projects"),
        ("h1", "三、部门专项组织实施情况"), *loop("execution"),
        ("h1", "四、资产管理情况"), *loop("assets"),
        ("h1", "五、部门整体支出绩效情况"),
        ("h2", "（一）绩效目标完成情况"), *loop("achievements"), *loop("indicator_summary"),
        *loop("goal_notes"),
        ("h2", "（二）主要工作成效"), *sections_loop("{{ s.n }}.", "h3"),
        ("h2", "（三）综合评价情况及评价结论"), ("body", "{{ score }}"),
        ("h2", "（四）绩效评价结果应用建议"), *loop("result_use"),
        ("h1", "六、存在的主要问题"), *loop("problems"),
        ("h1", "七、改进措施和有关建议"), *loop("measures"), *loop("other_notes_given"),
        *signature(),
    ]


# ------------------------------------------------------------------ 表格式 (seed 002)
def _borders(table: object) -> None:
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "6")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    later = [tbl_pr.find(qn(f"w:{t}")) for t in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    later = [el for el in later if el is not None]
    if later:
        later[0].addprevious(borders)
    else:
        tbl_pr.append(borders)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cell(cell: object, lines: list[Line]) -> None:
    """Fill a cell (its first, empty paragraph is replaced)."""
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    write(cell, lines)
    first._p.getparent().remove(first._p)


def _table(doc: DocumentObject, widths_mm: list[float], header: list[str]) -> object:
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    for i, w in enumerate(widths_mm):
        table.columns[i].width = Mm(w)
    _repeat_header(table.rows[0])
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _cell(cell, [("head", text)])
    return table


def _row(table: object, widths_mm: list[float], cells: list[list[Line]]) -> object:
    row = table.add_row()  # type: ignore[attr-defined]
    for i, (cell, lines) in enumerate(zip(row.cells, cells, strict=True)):
        cell.width = Mm(widths_mm[i])
        _cell(cell, lines)
    return row


def cell_loop(var: str) -> list[Line]:
    return [("ctl", f"{{%p for t in {var} %}}"), ("cell", "{{ t }}"), ("ctl", "{%p endfor %}")]


def table_form(doc: DocumentObject) -> None:
    """表格式: the report as one bordered table plus an indicator table."""
    write(doc, [("title", "{{ title }}"), ("body", "")])
    widths = [26.0, 34.0, 96.0]
    t = _table(doc, widths, ["类别", "项目", "内容"])
    head = [("head", "")]
    rows: list[tuple[str, str, list[Line]]] = [
        ("部门概况", "单位名称", [("cell", "{{ unit_name }}")]),
        ("", "主管部门", [("cell", "{{ supervisor }}")]),
        ("", "年度预算金额", [("cell", "{{ annual_budget }}")]),
        ("", "单位基本职能", cell_loop("duties")),
        ("", "机构设置及人员情况", cell_loop("organization")),
        ("绩效完成情况", "部门整体支出管理和使用基本情况",
         [*cell_loop("execution"), *cell_loop("basic"), *cell_loop("three_public"),
          *cell_loop("projects"), *cell_loop("other_budgets"), *cell_loop("assets")]),
        ("", "绩效目标完成情况",
         [("cell", "{{ score }}"), *cell_loop("goal_block"), *cell_loop("indicator_summary"),
          *cell_loop("goal_notes"),
          ("ctl", "{%p for s in sections %}"), ("ctl", "{%p if s.title %}"),
          ("cellb", "（{{ s.cn }}）{{ s.title }}"), ("ctl", "{%p endif %}"),
          ("ctl", "{%p for p in s.paragraphs %}"), ("cell", "{{ p }}"),
          ("ctl", "{%p endfor %}"), ("ctl", "{%p endfor %}")]),
        ("存在的问题分析及改进措施", "存在的问题", cell_loop("problems")),
        ("", "改进措施", cell_loop("measures")),
        ("其他需要说明问题", "", cell_loop("other_notes")),
    ]
    made = []
    for block, label, content in rows:
        made.append(_row(t, widths, [[("head", block)] if block else head,
                                     [("head", label)] if label else head, content]))
    # Merge the block labels down over their rows, and 其他 across.
    cells = [r.cells for r in made]
    cells[0][0].merge(cells[4][0])
    cells[5][0].merge(cells[6][0])
    cells[7][0].merge(cells[8][0])
    cells[9][1].merge(cells[9][2])
    _strip_empty_paragraphs(t)

    write(doc, [("body", ""), ("h1", "附表：绩效指标完成情况")])
    widths2 = [18.0, 22.0, 38.0, 24.0, 24.0, 14.0, 16.0]
    t2 = _table(doc, widths2, ["一级指标", "二级指标", "三级指标", "年度指标值",
                               "实际完成值", "分值", "自评得分"])
    _row(t2, widths2, [[("cell", "{%tr for i in indicator_rows %}")], [], [], [], [], [], []])
    data = _row(t2, widths2, [[("cell", "{{ i.level1_cell }}")], [("cell", "{{ i.level2_cell }}")],
                       [("cell", "{{ i.name }}")], [("cell", "{{ i.target }}")],
                       [("cell", "{{ i.actual }}")], [("cellc", "{{ i.weight }}")],
                       [("cellc", "{{ i.score }}")]])
    data._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never splits
    _row(t2, widths2, [[("cell", "{%tr endfor %}")], [], [], [], [], [], []])
    _row(t2, widths2, [[("cell", "预算执行率")], [], [], [("cell", "100%")],
                       [("cell", "{{ exec_rate }}")], [("cellc", "{{ exec_weight }}")],
                       [("cellc", "{{ exec_score }}")]])
    _row(t2, widths2, [[("head", "总分")], [], [], [], [], [("head", "{{ total_weight }}")],
                       [("head", "{{ total_score }}")]])
    _strip_empty_paragraphs(t2, keep_one=True)
    write(doc, signature())


def _strip_empty_paragraphs(table: object, keep_one: bool = True) -> None:
    """A cell must keep one paragraph; empty cells get an empty table-text paragraph."""
    for row in table.rows:  # type: ignore[attr-defined]
        for cell in row.cells:
            if not cell.paragraphs and keep_one:
                para(cell, "cell", "")


# ------------------------------------------------------------------ output
TEMPLATES: list[tuple[str, dict[str, object], Callable[[DocumentObject], None]]] = [
    ("standard", {"name": "标准版", "order": 1, "traits": {"project_tables": True},
                  "description": "湖南2023年起通用的十部分提纲（单位基本情况至其他需要说明的情况），默认模板。"},
     lambda d: write(d, standard())),
    ("six_part", {"name": "简版（六部分）", "order": 2, "traits": {"project_tables": False},
                  "description": "六部分提纲：基本情况、一般公共预算支出、绩效情况、问题、整改措施、结果应用"
                                  "（有政府性基金等其他预算支出时另列一部分）。"},
     lambda d: write(d, six_part())),
    ("seven_part", {"name": "旧版（七部分）", "order": 3, "traits": {"project_tables": False},
                    "description": "较早的七部分提纲：部门概况、支出管理及使用、专项组织实施、资产管理、绩效情况、问题、改进措施。"},
     lambda d: write(d, seven_part())),
    ("table_form", {"name": "表格式", "order": 4, "traits": {"project_tables": False},
                    "description": "表格式报告：部门概况、绩效完成情况、问题及改进措施列于一张表中，另附绩效指标表。"},
     table_form),
]
WEIGHTS = {"output": 50, "benefit": 30, "satisfaction": 10, "exec_rate": 10}  # by 一级指标 id


def build(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, meta, fill in TEMPLATES:
        doc = new_document()
        fill(doc)
        # python-docx appends content before sectPr already; save.
        for part in doc.part.package.parts:
            element = getattr(part, "element", None)
            if element is not None:
                ws.sort_properties(element)
        ws.sort_properties(doc.styles.element)
        path = out / f"{stem}.docx"
        doc.save(str(path))
        (out / f"{stem}.json").write_text(
            json.dumps({**{k: v for k, v in meta.items() if k != "traits"}, "weights": WEIGHTS,
                        "traits": meta["traits"]}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p.relative_to(ROOT))
