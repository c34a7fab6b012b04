"""The Word report: a docxtpl template rendered in a sandbox, then finished in python-docx.

``render_word(report, path, template=..., draft=...)`` is what ``render_all`` calls.
Imported only when a report is rendered (docxtpl, python-docx and jinja2 are heavy).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment

from perfdesk.model.report import Report
from perfdesk.render import prose
from perfdesk.render import word_style as ws
from perfdesk.render.output import write_file
from perfdesk.render.prose_text import clean
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
        where = f"第 {exc.lineno} 行附近" if getattr(exc, "lineno", None) else ""
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


def finish(doc: Document, report: Report, *, draft: bool) -> None:
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
