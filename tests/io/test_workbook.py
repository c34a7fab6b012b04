"""The guarded workbook reader: real formats named from their bytes, grids with merged
ranges, and hostile files refused with a Chinese message in bounded time and memory."""

from __future__ import annotations

import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook as XlsxWriter

from perfdesk.io.workbook import (
    Format,
    Limits,
    Merge,
    WorkbookError,
    cell_name,
    detect,
    parse_ref,
    read_workbook,
)
from tests.io import hostile

DATA = Path(__file__).resolve().parents[1] / "data" / "tables"


def _sheet(wb, name):
    return next(s for s in wb.sheets if s.name == name)


# --- detection ----------------------------------------------------------------------------


def test_samples_are_detected_by_their_bytes_not_their_names():
    assert detect(DATA / "a_hunan_2024_决算_万元.xlsx") == Format.XLSX
    assert detect(DATA / "b_hubei_2023_决算_元.xls") == Format.XLS
    assert detect(DATA / "d_guangxi_2023_决算_网页.xls") == Format.HTML  # a web page saved as .xls


@pytest.mark.parametrize(("content", "fmt", "words"), [
    (b"", Format.EMPTY, "空文件"),
    (b"%PDF-1.7\n...", Format.PDF, "PDF 文件"),
    ("项目,金额\n合计,12.5\n".encode("gb18030"), Format.CSV, "纯文本（CSV/TXT）文件"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", Format.UNKNOWN, "无法识别的文件格式"),
    # an OLE2 file whose directory names an encrypted OOXML package
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000 + "EncryptedPackage".encode("utf-16-le"),
     Format.ENCRYPTED, "设置了打开密码的加密工作簿"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000 + "WordDocument".encode("utf-16-le"),
     Format.DOC, "Word 或 PowerPoint 文档"),
    # the directory after 2 MB of data, as a large file can have it
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2_000_000 + "EncryptedPackage".encode("utf-16-le"),
     Format.ENCRYPTED, "设置了打开密码的加密工作簿"),
])
def test_what_is_not_a_workbook_is_named(tmp_path, content, fmt, words):
    path = tmp_path / "决算表.xls"
    path.write_bytes(content)
    assert detect(path) == fmt
    with pytest.raises(WorkbookError) as exc:
        read_workbook(path)
    assert exc.value.message.startswith("“决算表.xls”是") and words in exc.value.message


def test_a_word_file_renamed_xlsx_is_named_as_word(tmp_path):
    from docx import Document

    path = tmp_path / "附件.xlsx"
    Document().save(path)
    with pytest.raises(WorkbookError) as exc:
        read_workbook(path)
    assert exc.value.message == "“附件.xlsx”是Word 文档（.docx），不是 Excel 工作簿。请选择 Excel 导出的报表文件。"


@pytest.mark.parametrize("padding", [0, 3_000_000], ids=["small", "3MB"])
def test_a_password_protected_workbook_is_named(tmp_path, padding):
    """A real encrypted .xlsx (Excel's 用密码进行加密: an OLE2 file holding EncryptedPackage)."""
    import os

    from msoffcrypto.format.ooxml import OOXMLFile

    plain = tmp_path / "plain.xlsx"
    wb = XlsxWriter()
    wb.active["A1"] = "三公经费支出决算表"
    for r in range(padding // 15_000):  # bulk that does not compress away (a cell holds 32,767 chars)
        wb.active.cell(row=r + 2, column=1, value=os.urandom(15_000).hex())
    wb.save(plain)
    path = tmp_path / "加密.xlsx"
    with plain.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("secret", out)
    assert path.stat().st_size > padding
    assert detect(path) == Format.ENCRYPTED
    with pytest.raises(WorkbookError) as exc:
        read_workbook(path)
    assert exc.value.message.startswith("“加密.xlsx”是设置了打开密码的加密工作簿，PerfDesk 无法读取")


def test_a_zip_that_is_no_workbook(tmp_path):
    import zipfile

    path = tmp_path / "表.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(WorkbookError, match="压缩包或已损坏的工作簿"):
        read_workbook(path)


def test_a_truncated_xlsx_is_damaged(tmp_path):
    src = (DATA / "a_hunan_2024_决算_万元.xlsx").read_bytes()
    path = tmp_path / "半截.xlsx"
    path.write_bytes(src[: len(src) // 2])
    with pytest.raises(WorkbookError) as exc:
        read_workbook(path)
    assert "“半截.xlsx”" in exc.value.message and ("损坏" in exc.value.message or "压缩包" in exc.value.message)


# --- reading ------------------------------------------------------------------------------


def test_xls_made_by_libreoffice_keeps_values_and_merged_headers():
    wb = read_workbook(DATA / "b_hubei_2023_决算_元.xls")
    s = _sheet(wb, "表7")
    assert s.value(2, 11) == "金额单位：元"
    assert s.value(7, 6) == 41234.57
    # 预算数 over six columns; 公务用车购置及运行费 over three, the others two rows deep
    assert Merge(3, 0, 3, 5) in s.merged and Merge(4, 2, 4, 4) in s.merged and Merge(4, 1, 5, 1) in s.merged


def test_xlsx_and_its_xls_conversion_read_the_same(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is needed to convert")
    src = DATA / "a_hunan_2024_决算_万元.xlsx"
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xls", "--outdir", str(tmp_path),
                    str(src)], check=True, capture_output=True, timeout=120)
    a, b = read_workbook(src), read_workbook(tmp_path / (src.stem + ".xls"))
    assert [s.name for s in a.sheets] == [s.name for s in b.sheets]
    for sa, sb in zip(a.sheets, b.sheets, strict=True):
        assert sorted(sa.merged, key=str) == sorted(sb.merged, key=str)
        for r in range(max(sa.height, sb.height)):
            for c in range(max(sa.width, sb.width)):
                va, vb = sa.value(r, c), sb.value(r, c)
                assert va == vb or (isinstance(va, int | float) and float(va) == float(vb)), (sa.name, r, c)


def test_html_saved_as_xls_gives_one_grid_per_table_with_spans_as_merges():
    wb = read_workbook(DATA / "d_guangxi_2023_决算_网页.xls")
    assert wb.format == Format.HTML and len(wb.sheets) == 5
    s = wb.sheets[4]
    assert s.value(0, 0) == "北海市城市照明管理处2023年度财政拨款“三公”经费支出决算表"  # gb2312 decoded
    assert Merge(0, 0, 0, 11) in s.merged and Merge(4, 2, 4, 4) in s.merged
    assert s.value(5, 3) == "公务用车购置费"  # placed after the row-spanning cells above


def test_excel_2003_xml_saved_as_xls(tmp_path):
    path = tmp_path / "表.xls"
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="公开07表"><Table>'
        '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">三公经费支出决算表</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">合计</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">'
        '12.5</Data></Cell></Row></Table></Worksheet></Workbook>', encoding="utf-8")
    wb = read_workbook(path)
    assert wb.format == Format.XML
    s = wb.sheets[0]
    assert s.name == "公开07表" and s.merged == [Merge(0, 0, 0, 2)]
    assert s.rows[1] == ["合计", None, 12.5]


def test_formulas_without_cached_values_are_reported(tmp_path):
    path = tmp_path / "公式.xlsx"
    wb = XlsxWriter()
    ws = wb.active
    ws["A1"], ws["B1"], ws["B2"] = "合计", 1.5, "=B1*2"  # openpyxl stores no result
    wb.save(path)
    sheet = read_workbook(path).sheets[0]
    assert sheet.uncached_formulas == ["B2"]
    assert sheet.value(1, 1) is None


@given(st.integers(0, 1_048_575), st.integers(0, 16_383))
def test_cell_names_round_trip(r, c):
    assert parse_ref(cell_name(r, c)) == (r, c)


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
                min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), _TEXT), min_size=1, max_size=5), min_size=1, max_size=6))
def test_html_tables_read_back_cell_for_cell(tmp_path_factory, grid):
    width = max(len(r) for r in grid)
    rows = [r + [None] * (width - len(r)) for r in grid]
    html = "<html><body><table>" + "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else escape(v)}</td>" for v in row) + "</tr>" for row in rows
    ) + "</table></body></html>"
    path = tmp_path_factory.mktemp("h") / "t.xls"
    path.write_text(html, encoding="utf-8")
    sheet = read_workbook(path).sheets[0]
    assert [[sheet.value(r, c) for c in range(width)] for r in range(len(rows))] == [
        [None if v is None or not v.strip() else v.strip() for v in row] for row in rows]


# --- limits, before any parser builds anything --------------------------------------------


def test_file_size_is_checked_first(tmp_path):
    with pytest.raises(WorkbookError) as exc:
        read_workbook(DATA / "a_hunan_2024_决算_万元.xlsx", Limits(max_bytes=1000))
    assert "超过 PerfDesk 读取报表的上限" in exc.value.message and "MB" in exc.value.message


def _limited(path: Path) -> dict[str, object]:
    return hostile.run_limited(hostile.READ.format(path=str(path)))


@pytest.mark.slow
def test_three_million_cells_are_refused_in_bounded_time_and_memory(tmp_path):
    out = _limited(hostile.huge_sheet(tmp_path / "大.xlsx", 3_000_000))
    assert out["ok"] is False
    assert "的工作表“Sheet1”有 3,000,000 个单元格" in out["message"]
    assert out["seconds"] < 30


def test_a_merged_range_over_the_whole_sheet_is_refused(tmp_path):
    path = hostile.xlsx(tmp_path / "合并.xlsx", [hostile.sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>',
        '<mergeCell ref="A1:XFD1048576"/>')])
    out = _limited(path)
    assert out["ok"] is False and "1,048,576 行 × 16,384 列" in out["message"]


def test_two_cells_far_apart_are_refused_before_a_dense_grid_is_built(tmp_path):
    path = hostile.xlsx(tmp_path / "稀疏.xlsx", [hostile.sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')])
    out = _limited(path)
    assert out["ok"] is False and "范围达 1,048,576 行 × 16,384 列" in out["message"]


def test_ten_thousand_sheets_are_refused(tmp_path):
    out = _limited(hostile.many_sheets(tmp_path / "多表.xlsx", 10_000))
    assert out["ok"] is False and "有 10000 张工作表" in out["message"]
    assert out["seconds"] < 30


def test_a_zip_bomb_is_refused_by_its_uncompressed_size(tmp_path):
    import zipfile

    path = hostile.xlsx(tmp_path / "炸弹.xlsx", [hostile.sheet_xml()])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", b"\0" * (210 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    out = _limited(path)
    assert out["ok"] is False and "解压后达" in out["message"]


@pytest.mark.parametrize(("workbook", "sheet", "words"), [
    ("<workbook><sheets><sheet name=", hostile.sheet_xml(), "工作簿目录已损坏"),
    (None, "<worksheet><sheetData><row><c r='A1'><v>1</v></row>", "已损坏"),
])
def test_malformed_xml_is_a_chinese_message(tmp_path, workbook, sheet, words):
    path = hostile.xlsx(tmp_path / "坏.xlsx", [sheet], workbook=workbook)
    out = _limited(path)
    assert out["ok"] is False and words in out["message"] and "“坏.xlsx”" in out["message"]
