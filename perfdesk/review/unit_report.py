"""A unit's report read again from its files (for opening it read-only): the .perfdesk file,
or its 附件 workbooks read together (.xls through a LibreOffice copy in a temporary folder).
The unit's files are only read."""

from __future__ import annotations

import tempfile
from pathlib import Path

from perfdesk.io import load_report
from perfdesk.io.review_read import ReadProblem, read_workbooks
from perfdesk.model.report import Report
from perfdesk.review import legacy
from perfdesk.review.results import SOURCE_PERFDESK, SOURCE_WORKBOOK, UnitResult


def load_unit_report(folder: Path, unit: UnitResult) -> Report:
    """The report the review checked; ReadProblem (Chinese) when there is none."""
    files = [Path(folder) / rel for rel in unit.primary]
    if unit.source == SOURCE_PERFDESK and files:
        return load_report(files[0])
    if unit.source != SOURCE_WORKBOOK or not files:
        raise ReadProblem(f"“{unit.name}”只报送了报告正文或没有可读的材料，没有可打开的报告数据。")
    with tempfile.TemporaryDirectory(prefix="perfdesk-open-") as tmp:
        old = [f for f in files if f.suffix.lower() in legacy.TARGET]
        converted = legacy.convert_all(old, Path(tmp))
        pairs = []
        for f in files:
            c = converted.get(f, f)
            if isinstance(c, str):
                raise ReadProblem(f"“{f.name}”：{c}")
            pairs.append((f.name, c))
        return read_workbooks(pairs).report
