"""The Word report: a docxtpl template rendered in a sandbox, then finished in python-docx.

``render_word(report, path, template=..., draft=...)`` is what ``render_all`` calls.
Imported only when a report is rendered (docxtpl, python-docx and jinja2 are heavy).
Finishing leaves out headings with nothing under them (a part the user left blank) and
renumbers the headings that follow, so that 一、二、… and （一）（二）… stay continuous.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment

from perfdesk.model.report import Report
from perfdesk.render import prose
from perfdesk.render import word_style as ws
from perfdesk.render.output import write_file
from perfdesk.render.prose_text import clean, cn_number
from perfdesk.render.templates import DEFAULT_TEMPLATE, TemplateError, TemplateInfo, find_template
from perfdesk.render.word_context import build_context
from perfdesk.render.word_draft import DRAFT_TEXT, mark_draft


def make_environment() -> SandboxedEnvironment:
    """Sandboxed, autoescaping: user text is data, and a template cannot reach Python."""
    return SandboxedEnvironment(autoescape=True)


def render_template(info: TemplateInfo, context: dict[str, Any], *,
                    draft: bool = False) -> DocxTemplate:
    """Render ``info``'s .docx with ``context``; TemplateError (Chinese) when it is broken.

    The draft mark goes into the headers *before* rendering: docxtpl replaces header
    parts while rendering, and python-docx would not see changes made afterwards.
    """
    try:
        tpl = DocxTemplate(str(info.path))
        tpl.init_docx()
        if draft:
            mark_draft(tpl.docx)
        tpl.render(context, make_environment(), autoescape=True)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise TemplateError(
            f"报告模板“{info.name}”不是有效的 Word 文件（{info.path.name}）。"
            "请用 Word 另存为 .docx 后重试，或改用其他模板。", info.path) from exc
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"第 {line} 行附近" if line else ""
        raise TemplateError(
            f"报告模板“{info.name}”中的标记有误{where}：{exc.message or exc}。"
            "请检查模板中成对的 {{ }} 和 {% %} 标记，或改用其他模板。", info.path) from exc
    return tpl


def place_signature(doc: Document) -> None:
    """落款 per GB/T 9704-2012: 署名 two characters from the right, date offset under it."""
    try:
        sig_id = doc.styles[ws.STYLE_SIGNATURE].style_id
        date_id = doc.styles[ws.STYLE_DATE].style_id
    except KeyError:  # a user template without the 落款 styles: leave it as designed
        return
    # Compare style ids in the XML: python-docx's paragraph.style is slow (~1 ms each).
    by_style: dict[str, list[Paragraph]] = {sig_id: [], date_id: []}
    for p in doc.paragraphs:
        ppr = p._p.pPr
        style = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        if style in by_style:
            by_style[style].append(p)
    sig, dates = by_style[sig_id], by_style[date_id]
    if not sig or not dates:
        return
    sig_right, date_right = ws.signature_indents(sig[-1].text, dates[-1].text)
    ws.set_right_indent(sig[-1], sig_right)
    ws.set_right_indent(dates[-1], date_right)


# ---------------------------------------------------------------- empty headings
_CN_DIGITS = "一二三四五六七八九十百"
# heading numbers: prefix, number, suffix → the same form with another number
_NUMBER_FORMS: tuple[tuple[re.Pattern[str], Callable[[int], str]], ...] = (
    (re.compile(f"^[{_CN_DIGITS}]+、"), lambda n: f"{cn_number(n)}、"),
    (re.compile(f"^（[{_CN_DIGITS}]+）"), lambda n: f"（{cn_number(n)}）"),
    (re.compile(r"^\d+\."), lambda n: f"{n}."),
    (re.compile(r"^\d+．"), lambda n: f"{n}．"),
)


def _heading_levels(doc: Document) -> dict[str, int]:
    """Style id → outline level (1–3) of the heading styles the template has."""
    levels = {}
    for level in (1, 2, 3):
        try:
            levels[doc.styles[f"Heading {level}"].style_id] = level
        except KeyError:
            continue
    return levels


def _level(el: object, levels: dict[str, int]) -> int | None:
    """The heading level of a body element, None for anything that is not a heading."""
    if getattr(el, "tag", None) != qn("w:p"):
        return None
    ppr = el.pPr  # type: ignore[attr-defined]
    style = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    return None if style is None else levels.get(style)


def _is_content(el: object) -> bool:
    """A table, or a paragraph with text (blank paragraphs are spacing, not content)."""
    if el.tag == qn("w:tbl"):  # type: ignore[attr-defined]
        return True
    return el.tag == qn("w:p") and any(  # type: ignore[attr-defined]
        (t.text or "").strip() for t in el.iter(qn("w:t")))  # type: ignore[attr-defined]


def drop_empty_headings(doc: Document) -> None:
    """Remove every heading followed (blank paragraphs aside) by a heading of the same or a
    higher level, or by the end of the body. Working backwards, a heading whose
    subheadings were all removed goes too."""
    levels = _heading_levels(doc)
    body = doc.element.body
    next_level: int | None = 0  # of the next kept item: 0 = end of body, None = content
    for el in reversed(list(body)):
        level = _level(el, levels)
        if level is None:
            if _is_content(el):
                next_level = None
        elif next_level is not None and next_level <= level:
            body.remove(el)
        else:
            next_level = level


def renumber_headings(doc: Document) -> None:
    """Number each numbered heading by its place among the headings of its level under the
    same parent (一、 → 二、 …), keeping its form (一、 （一） 1. 1．)."""
    levels = _heading_levels(doc)
    counts: dict[int, int] = {}
    for el in doc.element.body.iterchildren(qn("w:p")):
        level = _level(el, levels)
        if level is None:
            continue
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        runs = list(el.iter(qn("w:t")))
        for pattern, form in _NUMBER_FORMS:
            if not pattern.match("".join(t.text or "" for t in runs)):
                continue
            counts[level] = counts.get(level, 0) + 1
            match = pattern.match(runs[0].text or "")
            if match:  # else the number is split over runs: leave it as written
                runs[0].text = form(counts[level]) + runs[0].text[match.end():]
            break


def fill_empty_cells(doc: Document) -> None:
    """Give every table cell a paragraph: a paragraph loop over an empty list leaves a cell
    with none, which OOXML forbids (Word reports the file as damaged; LibreOffice draws
    the row wrongly)."""
    try:
        style_id = doc.styles[ws.STYLE_TABLE].style_id
    except KeyError:
        style_id = None
    for tc in doc.element.body.iter(qn("w:tc")):
        if tc.find(qn("w:p")) is not None:
            continue
        p = OxmlElement("w:p")
        if style_id:
            ppr = OxmlElement("w:pPr")
            pstyle = OxmlElement("w:pStyle")
            pstyle.set(qn("w:val"), style_id)
            ppr.append(pstyle)
            p.append(ppr)
        tc.append(p)


def finish(doc: Document, report: Report, *, draft: bool) -> None:
    fill_empty_cells(doc)
    drop_empty_headings(doc)
    renumber_headings(doc)
    place_signature(doc)
    ws.sort_properties(doc.element.body)
    props = doc.core_properties
    props.title = prose.title(report) + (f"（{DRAFT_TEXT}）" if draft else "")
    props.subject = "部门整体支出绩效自评报告"
    props.author = clean(report.unit_name)[:200] or "PerfDesk"
    props.last_modified_by = "PerfDesk"
    props.comments = "由 PerfDesk 生成"
    props.keywords = DRAFT_TEXT if draft else ""


def render_word(report: Report, path: str | Path, *, template: str = DEFAULT_TEMPLATE,
                draft: bool = False) -> Path:
    """Write the report as .docx to ``path`` (temp file + replace); returns ``path``."""
    info = find_template(template)
    context = build_context(report, draft=draft)
    tpl = render_template(info, context, draft=draft)
    finish(tpl.docx, report, draft=draft)
    return write_file(Path(path), lambda tmp: tpl.save(str(tmp)))
