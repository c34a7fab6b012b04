"""Reading rendered Word reports back (python-docx) for the test_word_* modules."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from perfdesk.model import figures
from perfdesk.model.figures import Figures
from perfdesk.model.numbers import fmt_money
from perfdesk.model.report import Amounts, Report

HEADING_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3")


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def all_paragraphs(doc: Document) -> list:
    """Body paragraphs and table-cell paragraphs, in document order."""
    body = doc.element.body
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, doc) for p in body.iter(qn("w:p"))]


def full_text(doc: Document) -> str:
    return "\n".join(p.text for p in all_paragraphs(doc))


def headings(doc: Document, levels: tuple[str, ...] = ("Heading 1", "Heading 2")) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name in levels]


def money_in_text(text: str) -> list[str]:
    """Every 'N.NN万元' amount printed in the prose."""
    return re.findall(r"(\d+\.\d{2})万元", text)


def model_amounts(report: Report) -> set[str]:
    """Every amount the prose may legitimately print, formatted as the attachments do."""
    values: set[Decimal] = set()

    def add(a: Amounts) -> None:
        for c in figures.COLUMNS:
            v = getattr(a, c)
            if v is not None:
                values.add(v)

    b, t = report.basic, report.three_public
    for a in (b.personnel, b.public, b.office, b.utilities_travel, b.meetings_training,
              t.vehicle_purchase, t.vehicle_operation, t.overseas, t.reception,
              report.procurement, Figures.of(report).basic,
              Figures.of(report).projects, Figures.of(report).overall,
              Figures.of(report).three_public, Figures.of(report).vehicle):
        add(a)
    for p in report.projects:
        add(p.amounts)
    for f in ("general_budget", "gov_fund", "special_account", "other", "carryover"):
        v = getattr(report.income, f)
        if v is not None:
            values.add(v)
    values.add(Figures.of(report).income or Decimal(0))
    for a in report.adjustments:
        if a.amount is not None:
            values.add(a.amount)
    for a in (Figures.of(report).basic, Figures.of(report).projects):
        values.add(abs((a.annual or 0) - (a.initial or 0)))
    tp = Figures.of(report).three_public
    values.add(abs((tp.actual or 0) - (tp.prior or 0)))
    o = report.other_budgets
    for v in (o.gov_fund, o.state_capital, o.social_insurance):
        if v is not None:
            values.add(v)
    values.add(Decimal(0))
    return {fmt_money(Decimal(v)) for v in values}


def user_texts(report: Report) -> list[str]:
    """What the accountant typed as narrative (may contain amounts of its own)."""
    out = [*report.goals, *report.achievements, *report.execution_notes, *report.goal_notes,
           *report.extra_measures, report.result_use, report.other_notes, report.frugality,
           report.three_public.note, report.organization_note, report.staffing.note,
           report.basic.personnel_items, report.basic.public_items]
    for s in report.sections:
        out += [s.title, *s.paragraphs]
    for p in report.problems:
        out += [p.text, p.measure]
    for p in report.projects:
        out += [p.purpose, *p.goals, *p.achievements]
    for i in report.indicators:
        out += [i.target, i.actual, i.deviation, i.name]
    return [t for t in out if t]


def generated_text(text: str, report: Report) -> str:
    """The document text with the user's own narrative cut out."""
    for t in sorted(user_texts(report), key=len, reverse=True):
        text = text.replace(t, "")
    return text
