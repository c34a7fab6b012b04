"""Opening damaged files through the window (文件 › 打开, Ctrl+O): the message is plain
Chinese — no "JSON", no parser text in English, no internal field names — names the place
by its Chinese label, and offers the .bak backup when there is one."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt

from perfdesk.io import save_report
from perfdesk.resources import demo_report_path

pytestmark = pytest.mark.gui

ALLOWED = {"PerfDesk", "perfdesk", "bak", "Word", "Excel", "WPS"}


def english(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED]


def _demo_doc() -> dict:
    return json.loads(demo_report_path().read_text(encoding="utf-8"))


def _cases() -> dict[str, tuple[bytes, tuple[str, ...]]]:
    text = demo_report_path().read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    garbled = "".join(lines[:40]) + '  "unit_name": 某县市场监督管理局,\n' + "".join(lines[40:])
    future, no_version, wrong_type, unknown = _demo_doc(), _demo_doc(), _demo_doc(), _demo_doc()
    future["version"] = 99
    no_version["version"] = "二"
    wrong_type["report"]["basic"]["public"]["actual"] = [1, 2]
    unknown["report"]["staffing"]["retired"] = 41
    other = {"format": "wps-document", "version": 1}

    def dump(doc: dict) -> bytes:
        return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")

    return {
        "truncated": (text[: len(text) // 2].encode("utf-8"), ("已损坏", "不完整", "行")),
        "garbled": (garbled.encode("utf-8"), ("已损坏", "第 41 行")),
        "newer version": (dump(future), ("更新版本", "升级")),
        "no version": (dump(no_version), ("版本",)),
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", ("不是文本",)),
        "zip": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe", ("不是文本",)),
        "wrong type": (dump(wrong_type), ("预算执行", "公用经费", "决算")),
        "unknown field": (dump(unknown), ("基本情况", "人员情况", "更新版本")),
        "another program's file": (dump(other), ("不是 PerfDesk 报告文件",)),
    }


@pytest.mark.parametrize("case", list(_cases()))
def test_a_damaged_file_is_explained_in_plain_chinese(make_window, qtbot, dialog_log, tmp_path, case):
    content, words = _cases()[case]
    path = tmp_path / "2024年绩效自评.perfdesk"
    path.write_bytes(content)
    w = make_window()
    before = w.doc.report
    dialog_log.answer("open_file", path)
    qtbot.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialog_log.names() == ["open_file", "error"]
    message = dialog_log.texts("error")
    assert english(message) == [], message
    for word in ("JSON", "Expecting", "version", "line", "format", "report", "出错位置："):
        assert word not in message, message
    for word in words:
        assert word in message, (word, message)
    assert "请" in message  # says what to do
    assert w.doc.report is before and path.read_bytes() == content


def test_a_damaged_file_with_a_backup_offers_it_by_name(make_window, qtbot, dialog_log, tmp_path, demo):
    path = tmp_path / "2024年绩效自评.perfdesk"
    save_report(demo, path.with_name(path.name + ".bak"), backup=False)
    path.write_bytes(demo_report_path().read_bytes()[:3000])
    w = make_window()
    dialog_log.answer("open_file", path)
    qtbot.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialog_log.names() == ["open_file", "choose"]
    message = dialog_log.texts("choose")
    assert "2024年绩效自评.perfdesk.bak" in message and "已损坏" in message
    assert english(message) == [], message
