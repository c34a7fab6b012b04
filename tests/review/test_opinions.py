"""审核意见 against the findings: every error and warning is there, with its place, and the
only figures quoted are ones the unit itself wrote."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from perfdesk.checks.finding import ERROR, WARNING
from perfdesk.model import paths
from perfdesk.review.opinions import Opinion, load_todo, opinion_name, write_opinions
from tests.review.reference import imported

pytestmark = pytest.mark.slow
FIGURE = re.compile(r"(\d+(?:\.\d+)?)(?=万元|分|%|人)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(n) for n in NUMBER.findall(text)}


def _stated(spec) -> set[Decimal]:
    """Every number the unit's own files contain (cells, Word text, the .perfdesk file)."""
    out: set[Decimal] = set()
    for p in [*spec.files, *spec.reference]:
        if p.suffix == ".xlsx":
            for ws in load_workbook(p, data_only=True).worksheets:
                for row in ws.iter_rows(values_only=True):
                    for v in row:
                        if isinstance(v, int | float):
                            out.add(Decimal(repr(v)))
                            out.add(Decimal(repr(v)) * 100)  # a rate cell shown as %
                        elif isinstance(v, str):
                            out |= _numbers(v)
        elif p.suffix == ".docx":
            with zipfile.ZipFile(p) as z:
                out |= _numbers(re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode()))
        elif p.suffix == ".perfdesk":
            out |= _numbers(p.read_text("utf-8"))
    return out


def test_opinions_quote_only_what_the_unit_stated(built, reviewed, tmp_path):
    sent_back = [u for u in reviewed.units if u.errors or u.warnings]
    assert len(sent_back) >= 10
    ops = [Opinion(u, comment="请于5日内重新报送。", reviewer="青禾县财政局绩效股") for u in sent_back]
    files = write_opinions(ops, tmp_path)
    specs = {s.name: s for s in built.units}
    for op in ops:
        unit = op.unit
        doc = Document(str(tmp_path / f"{opinion_name(unit)}.docx"))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert unit.name in text and "请于5日内重新报送。" in text and "青禾县财政局绩效股" in text
        items = [f for f in unit.findings if f.severity in (ERROR, WARNING)]
        for f in items:
            assert op.item_text(f) in text, (unit.name, f.rule)
        assert not [f for f in unit.findings if f.severity not in (ERROR, WARNING)
                    and op.item_text(f) in text]
        stated = _stated(specs[unit.name])
        quoted = {Decimal(n) for f in items for n in FIGURE.findall(op.item_text(f))}
        assert quoted <= stated, (unit.name, sorted(quoted - stated))
        if unit.source == "workbook":  # 人员经费 is reconstructed on import: never quoted
            assert "人员经费填报" not in text
        todo = load_todo(tmp_path / f"{opinion_name(unit)}.perfdesk-todo")
        assert [i.text for i in todo.items] == [op.item_text(f) for f in
                                               [*op.errors, *op.warnings]]
        spec = specs[unit.name]
        report = spec.report if unit.source != "workbook" else imported(spec.reference)
        for item in todo.items:  # each item jumps to a field of the unit's report
            if item.path:
                paths.get(report, item.path)
    assert len([f for f in files if f.suffix == ".docx"]) == len(ops)


def test_combined_opinion_is_one_file_with_every_unit(reviewed, tmp_path):
    ops = [Opinion(u) for u in reviewed.units if u.errors][:3]
    files = write_opinions(ops, tmp_path, combined=True)
    docx = [f for f in files if f.suffix == ".docx"]
    assert [f.name for f in docx] == ["审核意见（合并）.docx"]
    text = "\n".join(p.text for p in Document(str(docx[0])).paragraphs)
    for op in ops:
        assert op.title() in text
