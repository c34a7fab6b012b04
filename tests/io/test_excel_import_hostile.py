"""The 附件 import opens workbooks through the guarded reader: the real format is named, the
limits are checked before openpyxl parses, .xls 附件 are read too, and hostile workbooks get
a specific Chinese message within bounded time and memory (run in a limited subprocess)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from perfdesk.io.excel_import import ImportProblem, import_workbook
from perfdesk.model.report import Report
from perfdesk.render.excel import render_workbook
from tests.io import hostile


def _import_limited(path: Path) -> dict[str, object]:
    return hostile.run_limited(hostile.IMPORT.format(path=str(path)))


def test_a_word_file_renamed_xlsx_is_named(tmp_path):
    from docx import Document

    path = tmp_path / "附件.xlsx"
    Document().save(path)
    with pytest.raises(ImportProblem) as exc:
        import_workbook(path)
    assert exc.value.message.startswith("“附件.xlsx”是Word 文档（.docx），不是 Excel 工作簿")


def test_an_xls_attachment_is_read_like_its_xlsx(demo: Report, tmp_path: Path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is needed to convert")
    xlsx = render_workbook(demo, tmp_path / "附件.xlsx", draft=False)
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xls", "--outdir", str(tmp_path),
                    str(xlsx)], check=True, capture_output=True, timeout=120)
    from_xlsx, _ = import_workbook(xlsx)
    from_xls, _ = import_workbook(tmp_path / "附件.xls")
    assert from_xls.unit_name == demo.unit_name
    assert from_xls.basic == from_xlsx.basic and from_xls.three_public == from_xlsx.three_public
    assert [p.name for p in from_xls.projects] == [p.name for p in demo.projects]
    assert from_xls.staffing.authorized == demo.staffing.authorized


@pytest.mark.parametrize("count", ["inf", "1e5000", "-Infinity", "NaN"])
def test_absurd_head_counts_are_issues_not_crashes(demo: Report, tmp_path: Path, count: str):
    path = render_workbook(demo, tmp_path / "附件.xlsx", draft=False)
    wb = load_workbook(path)
    ws = wb["附件1 基础数据表"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == demo.staffing.authorized)
    cell.value = count
    money = next(c for row in ws.iter_rows() for c in row if c.value == float(demo.basic.public.actual))
    money.value = "1e5000"
    wb.save(path)
    report, problems = import_workbook(path)
    assert report.staffing.authorized is None
    messages = [str(p) for p in problems]
    assert any(f"“{count}”：不是有效人数（整数），已留空" in m for m in messages)
    assert any("“1e5000”" in m for m in messages)


@pytest.mark.parametrize(("build", "words"), [
    (lambda p: hostile.xlsx(p, [hostile.sheet_xml()], workbook="<workbook><sheets><sheet name="),
     "工作簿目录已损坏"),
    (lambda p: hostile.xlsx(p, ["<worksheet><sheetData><row><c r='A1'><v>1</v></row>"]), "已损坏"),
    (lambda p: hostile.xlsx(p, [hostile.sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>',
                                                  '<mergeCell ref="A1:XFD1048576"/>')]),
     "范围达 1,048,576 行 × 16,384 列"),
    (lambda p: hostile.many_sheets(p, 10_000), "有 10000 张工作表"),
    (lambda p: hostile.huge_sheet(p, 3_000_000), "有 3,000,000 个单元格"),
])
def test_hostile_attachment_workbooks(tmp_path: Path, build, words):
    path = tmp_path / "附件.xlsx"
    build(path)
    out = _import_limited(path)
    assert out["ok"] is False, out
    assert "“附件.xlsx”" in out["message"] and words in out["message"]
    assert out["seconds"] < 30
