"""The guide as a QTextDocument: Markdown from docs/user-guide.md, images from docs/,
scaled to the page; optionally with every rule's explanation appended (the PDF)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)

from perfdesk.render import help_docs
from perfdesk.resources import doc_path

IMAGE_WIDTH = 620  # px of the layout: a page of A4 with 2 cm margins is about 640


def guide_document(*, with_rules: bool = False, links: bool = True,
                   font: QFont | None = None) -> QTextDocument:
    """The user guide laid out by Qt; ``links``: rule IDs link to their explanation."""
    doc = QTextDocument()
    if font is not None:
        doc.setDefaultFont(font)
    text = help_docs.guide()
    doc.setMarkdown(help_docs.guide_with_rule_links(text) if links else text)
    fit_images(doc, IMAGE_WIDTH)
    if with_rules:
        append_rules(doc)
    return doc


def fit_images(doc: QTextDocument, width: int) -> None:
    """Load every image of the guide into ``doc`` (from docs/) and scale those wider than
    ``width`` down to it (the screenshots are 1366 px wide). A missing image is an error:
    the bundle must carry what the guide shows."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image_fmt = fmt.toImageFormat()
                image = QImage(str(doc_path(image_fmt.name())))
                if image.isNull():
                    raise help_docs.HelpError(f"使用指南中的图片“{image_fmt.name()}”找不到，"
                                              "程序安装可能不完整，请重新安装。")
                doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(image_fmt.name()), image)
                if image.width() > width:
                    scaled = QTextImageFormat(image_fmt)
                    scaled.setWidth(width)
                    scaled.setHeight(image.height() * width / image.width())
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(),
                                       QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(scaled)
            it += 1
        block = block.next()


def append_rules(doc: QTextDocument) -> None:
    """Every rule's explanation after the guide, from a new page (the PDF's appendix)."""
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(page_break)
    cursor.insertHtml(help_docs.rules_index_html(links=False))
    cursor.insertBlock(page_break)
    cursor.insertHtml("<h1>各条规则的说明</h1>")
    for rule in help_docs.rules().values():
        cursor.insertBlock(QTextBlockFormat())
        cursor.insertHtml(help_docs.rule_html(rule, links=False))
