"""The mapping table (field → table title, row-label aliases, column headers, scope), walked
entry by entry: each figure of each profile is written into a table of its own, in the row
layout, under the profile's first title, and must be read back into its field."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from perfdesk.io.tables import importer
from perfdesk.io.tables.fields import FIELDS, Kind, path_of
from perfdesk.io.tables.mapping import markdown_table
from perfdesk.io.tables.profiles import ProfileError, load_file, load_profiles
from perfdesk.model.report import Report

ROOT = Path(__file__).resolve().parents[3]
PROFILES = [p for p in load_profiles() if not p.ignore]
ENTRIES = [(p, i) for p in PROFILES for i in range(len(p.figures))]


@pytest.mark.parametrize(("profile", "index"), ENTRIES, ids=[f"{p.id}:{i}:{p.figures[i].field}" for p, i in ENTRIES])
def test_every_entry_reads_back_into_its_field(tmp_path, profile, index):
    figure = profile.figures[index]
    wb = Workbook()
    ws = wb.active
    ws.append([f"2024年度{profile.titles[0]}"])
    ws.append([None, "金额单位：万元" if profile.money else "单位：人"])
    for level in figure.measure:  # the header chain, one row a level, over column B
        ws.append(["项目", level[0]])
    parts = [(p.item[0], p.sign) for p in figure.parts] or [(figure.item[0], 1)]
    values = [Decimal(12 + 7 * k) if FIELDS[figure.field].kind != Kind.MONEY else Decimal(f"{12 + 7 * k}.34")
              for k in range(len(parts))]
    for (label, _), v in zip(parts, values, strict=True):
        ws.append([label, float(v) if FIELDS[figure.field].kind == Kind.MONEY else int(v)])
    path = tmp_path / "表.xlsx"
    wb.save(path)
    plan = importer.read_tables([path], Report(year=2024), profiles=[profile])
    expected = sum((v * s for v, (_, s) in zip(values, parts, strict=True)), Decimal(0))
    column = "actual" if figure.role == "actual" else "initial"
    want = path_of(figure.field, column)
    found = {c.path: c for c in plan.candidates}
    assert want in found, (plan.problems, [c.path for c in plan.candidates])
    got = found[want]
    assert got.value == (expected if FIELDS[figure.field].kind == Kind.MONEY else int(expected))
    assert got.source.scope == (figure.scope or profile.scope)
    assert got.source.sheet == ws.title and got.source.cell.startswith("B")


def test_every_field_key_of_the_profiles_exists_and_every_field_is_reachable():
    used = {f.field for p in PROFILES for f in p.figures}
    assert used <= set(FIELDS)
    assert set(FIELDS) - used == {"year"}  # the year comes from the titles


def test_a_profile_with_an_unknown_field_is_refused(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"id": "x", "titles": ["某表"], "figures": [{"field": "nope", "item": ["合计"]}]}),
                   encoding="utf-8")
    with pytest.raises(ProfileError, match="unknown field key 'nope'"):
        load_file(bad)


def test_the_mapping_table_in_the_docs_is_the_profiles():
    doc = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert markdown_table() in doc
