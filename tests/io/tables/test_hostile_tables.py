"""Tables that must not be guessed at: a specific Chinese message, and the report unchanged
(`perfdesk fill` leaves the file as it was)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from perfdesk.cli import main
from perfdesk.io import load_report, save_report
from perfdesk.model.report import Report
from tests.io import hostile

DATA = Path(__file__).resolve().parents[2] / "data" / "tables"


def _table(path: Path, rows: list[list[object]], name: str = "公开07表") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = name
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _three_public(unit: str, amount: object) -> list[list[object]]:
    return [["2024年度一般公共预算财政拨款“三公”经费支出决算表"], [None, f"金额单位：{unit}"],
            ["项目", "决算数"], ["合计", amount], ["因公出国（境）费", 0], ["公务接待费", 2.46]]


def _fill(tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, bytes, bytes]:
    report = tmp_path / "r.perfdesk"
    save_report(Report(year=2024, unit_name="青禾县市场监督管理局"), report, backup=False)
    before = report.read_bytes()
    code = main(["fill", str(report), "--from", str(source)])
    out = capsys.readouterr().out
    return code, out, before, report.read_bytes()


def _nothing_changed(before: bytes, after: bytes, tmp_path: Path) -> None:
    assert after == before
    assert not (tmp_path / "r.perfdesk.bak").exists()


@pytest.mark.parametrize(("amount", "words"), [
    ("约二十万", "（合计 × 决算数）是“约二十万”，不是金额（应为数字）"),
    ("20.3l", "是“20.3l”，不是金额（应为数字）"),
    ("1e5", "是“1e5”，不是金额（应为数字）"),
])
def test_text_where_an_amount_goes(tmp_path, capsys, amount, words):
    src = _table(tmp_path / "三公.xlsx", _three_public("万元", amount))
    code, out, before, after = _fill(tmp_path, src, capsys)
    assert f"“三公.xlsx”的工作表“公开07表”B4{words}。该表未取数，报告未改动" in out
    _nothing_changed(before, after, tmp_path)
    assert code == 2


def test_yuan_under_a_wanyuan_header(tmp_path, capsys):
    src = _table(tmp_path / "三公.xlsx", _three_public("万元", 203100000))
    code, out, before, after = _fill(tmp_path, src, capsys)
    assert "注明“金额单位：万元”，但B4（合计 × 决算数）为 203100000，相当于 20310.00 亿元，像是按元填列" in out
    _nothing_changed(before, after, tmp_path)
    assert code == 2


def test_no_unit_stated(tmp_path, capsys):
    rows = _three_public("万元", 20.31)
    rows[1] = [None, "部门：青禾县市场监督管理局"]
    _code, out, before, after = _fill(tmp_path, _table(tmp_path / "三公.xlsx", rows), capsys)
    assert "没有注明金额单位（元或万元），无法换算，未从中取数" in out
    _nothing_changed(before, after, tmp_path)


def test_a_sheet_the_profiles_do_not_know_is_named_never_guessed(tmp_path, capsys):
    src = _table(tmp_path / "其他.xlsx", [["2024年度资产情况表"], ["金额单位：万元"], ["项目", "金额"],
                                           ["合计", 12]], name="资产")
    code, out, before, after = _fill(tmp_path, src, capsys)
    assert "“其他.xlsx”的工作表“资产”不是 PerfDesk 认识的决算/预算公开表（按表题和栏目识别），未从中取数" in out
    _nothing_changed(before, after, tmp_path)
    assert code == 2


def test_formulas_without_results(tmp_path, capsys):
    rows = _three_public("万元", "=B5+B6")
    _code, out, _before, _after = _fill(tmp_path, _table(tmp_path / "三公.xlsx", rows), capsys)
    assert "B4 等单元格是公式但没有保存计算结果，读出为空。请在 Excel/WPS 中打开该文件、保存一次后再取数" in out
    assert "[ ] “三公”经费合计（决算数）：空 → 空" in out  # shown as a blank, not filled


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")),
     "设置了打开密码的加密工作簿"),
    (lambda p: p.write_text("项目,金额\n合计,1\n", encoding="utf-8"), "纯文本（CSV/TXT）文件"),
    (lambda p: hostile.many_sheets(p, 10_000), "有 10000 张工作表"),
    (lambda p: hostile.xlsx(p, [hostile.sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>',
                                                  '<mergeCell ref="A1:XFD1048576"/>')]), "1,048,576 行 × 16,384 列"),
])
def test_hostile_workbooks_change_nothing(tmp_path, capsys, make, words):
    src = tmp_path / "决算.xls"
    make(src)
    code, out, before, after = _fill(tmp_path, src, capsys)
    assert code == 2 and words in out and "“决算.xls”" in out
    _nothing_changed(before, after, tmp_path)


def test_the_command_line_fills_and_keeps_a_backup(tmp_path, capsys):
    report = tmp_path / "r.perfdesk"
    save_report(Report(), report, backup=False)
    before = report.read_bytes()
    src = tmp_path / "b.xls"
    shutil.copyfile(DATA / "b_hubei_2023_决算_元.xls", src)
    assert main(["fill", str(report), "--from", str(src), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "[x] 人员经费（决算数）：空 → 123.46" in out
    assert "来源 b.xls › 表6!C6（人员经费合计 × 决算数；元；一般公共预算财政拨款）；原值 1234564.5" in out
    assert "试运行：" in out and report.read_bytes() == before
    assert main(["fill", str(report), "--from", str(src)]) == 0
    assert "已填入 " in capsys.readouterr().out
    assert (tmp_path / "r.perfdesk.bak").read_bytes() == before
    filled = load_report(report)
    assert filled.basic.personnel.actual is not None and filled.sources["basic.personnel.actual"].cell == "C6"


def test_json_preview(tmp_path, capsys):
    import json

    report = tmp_path / "r.perfdesk"
    save_report(Report(year=2024), report, backup=False)
    assert main(["fill", str(report), "--from", str(DATA / "e_guilin_2024_预算_行式.xls"), "--dry-run", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    row = next(f for f in doc["figures"] if f["path"] == "declared.three_public.initial")
    assert row["new"] == "34.35" and row["current"] is None and row["tick"] is True
    assert row["source"]["row_label"] == "合 计" and row["source"]["column_label"] == "本年预算数"
    assert doc["applied"] == 0
