"""Opening a damaged file offers its backup; 另存为 never overwrites silently; Excel 附件
can be imported from the 文件 menu."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.io import load_report, save_report
from perfdesk.model import Report
from perfdesk.ui.file_actions import where

pytestmark = pytest.mark.gui


def _damage(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["report"]["projects"][1]["amounts"]["actual"] = True
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_damaged_file_names_the_place_and_offers_the_backup(make_window, demo: Report, tmp_path,
                                                           dialog_log):
    path = tmp_path / "本单位.perfdesk"
    save_report(demo, path, backup=False)
    demo.unit_name = "青禾县市场监督管理局（修改后）"
    save_report(demo, path)  # keeps the first version as 本单位.perfdesk.bak
    _damage(path)
    window = make_window(start=False)
    dialog_log.answer("choose", 0)  # 打开备份
    assert window.files.open_path(path, ask=False)
    said = dialog_log.texts("choose")
    assert "“项目支出”页 › 项目支出 › 第2项 › 项目资金 › 决算" in said
    assert "本单位.perfdesk.bak" in said
    assert window.doc.report.unit_name == "青禾县市场监督管理局"  # the backup's content
    assert window.doc.dirty and window.doc.file_path == path
    assert window.files.save()  # repairs the damaged file, no "changed on disk" question
    assert load_report(path).unit_name == "青禾县市场监督管理局"
    assert "choose" not in dialog_log.names()[1:]


def test_damaged_file_without_backup_says_what_to_do(make_window, demo: Report, tmp_path,
                                                     dialog_log):
    path = tmp_path / "本单位.perfdesk"
    save_report(demo, path, backup=False)
    _damage(path)
    window = make_window(start=False)
    before = window.doc.report
    assert not window.files.open_path(path, ask=False)
    said = dialog_log.texts("error")
    assert "项目支出" in said and "其他副本" in said
    assert window.doc.report is before


def test_where_reads_like_a_place():
    assert where("report.income.other") == "“预算执行”页 › 按收入性质分 › 其他资金"
    assert where("report.projects[1].amounts.actual") == "“项目支出”页 › 项目支出 › 第2项 › 项目资金 › 决算"
    assert where("format") == "" and where("version") == "" and where("report") == ""


def test_save_as_without_extension_asks_before_replacing(make_window, demo: Report, tmp_path,
                                                         dialog_log):
    other = tmp_path / "乙单位.perfdesk"
    save_report(demo, other, backup=False)
    before = other.read_bytes()
    window = make_window()
    window.doc.set_value("unit_name", "甲单位")
    dialog_log.answer("save_file", tmp_path / "乙单位")  # typed without .perfdesk
    assert not window.files.save_as()  # the default answer is 取消
    assert "已经存在" in dialog_log.texts("question")
    assert other.read_bytes() == before


def test_import_excel_from_the_file_menu(make_window, demo: Report, tmp_path, dialog_log):
    from perfdesk.render import render_all

    out = tmp_path / "out"
    result = render_all(demo, out, word=False, excel=True, pdf=False)
    workbook = next(p for p in result.files if p.suffix == ".xlsx")
    window = make_window()
    dialog_log.answer("open_file", workbook)
    window.act_import.trigger()
    report = window.doc.report
    assert report.unit_name == demo.unit_name
    assert report.income.general_budget == demo.income.general_budget == Decimal("2150.56")
    assert [p.name for p in report.projects] == [p.name for p in demo.projects]
    assert window.doc.dirty and window.doc.file_path is None
    assert "导入完成" in dialog_log.texts()
