"""docs/file-format.md documents every field of the file format."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from perfdesk.model import report as model

DOC = (Path(__file__).parents[2] / "docs" / "file-format.md").read_text(encoding="utf-8")


def test_every_field_of_every_class_is_documented_with_a_meaning():
    classes = [c for c in vars(model).values() if dataclasses.is_dataclass(c)]
    assert model.Report in classes
    for cls in classes:
        section = DOC.split(f"### {cls.__name__}\n", 1)
        assert len(section) == 2, f"{cls.__name__} has no section"
        body = section[1].split("\n### ", 1)[0]
        for f in dataclasses.fields(cls):
            row = re.search(rf"^\| `{f.name}` \| [^|]+ \| (.+) \|$", body, re.M)
            assert row and row.group(1).strip(), f"{cls.__name__}.{f.name} undocumented"
