"""Opening and saving .perfdesk files: round trips, atomic saves, and bad input."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.cli import main
from perfdesk.io import (
    FormatError,
    SaveError,
    atomic,
    dumps,
    load_report,
    loads,
    report_file,
    save_report,
)
from perfdesk.model import Report
from perfdesk.resources import demo_report_path


def test_demo_round_trip_is_equal_and_byte_identical(demo: Report, tmp_path: Path):
    first = tmp_path / "a.perfdesk"
    save_report(demo, first)
    again = load_report(first)
    assert again == demo
    second = tmp_path / "b.perfdesk"
    save_report(again, second)
    assert first.read_bytes() == second.read_bytes()


def test_committed_demo_is_in_canonical_form():
    text = demo_report_path().read_text(encoding="utf-8")
    assert dumps(loads(text)) == text


def test_money_keeps_typed_precision_and_is_written_as_text(demo: Report):
    demo.basic.public.actual = Decimal("236.840")
    doc = json.loads(dumps(demo))
    assert doc["report"]["basic"]["public"]["actual"] == "236.840"
    assert loads(dumps(demo)).basic.public.actual == Decimal("236.840")


def test_numbers_in_json_are_read_as_exact_decimals(demo: Report):
    doc = json.loads(dumps(demo))
    doc["report"]["basic"]["public"]["actual"] = 0.1  # written by another tool
    text = json.dumps(doc).replace("0.1", "0.1000000000000000055511151231257827")
    assert loads(text).basic.public.actual == Decimal("0.1000000000000000055511151231257827")


def test_save_keeps_previous_version_as_bak(demo: Report, tmp_path: Path):
    target = tmp_path / "r.perfdesk"
    save_report(demo, target)
    old = target.read_bytes()
    demo.unit_name = "另一个单位"
    save_report(demo, target)
    assert (tmp_path / "r.perfdesk.bak").read_bytes() == old
    assert load_report(target).unit_name == "另一个单位"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_failed_save_leaves_file_untouched(demo: Report, tmp_path: Path, monkeypatch):
    target = tmp_path / "r.perfdesk"
    save_report(demo, target)
    before = target.read_bytes()

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    demo.unit_name = "改动"
    with pytest.raises(SaveError) as err:
        save_report(demo, target)
    assert "磁盘空间不足" in err.value.message
    assert target.read_bytes() == before
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _demo_doc() -> dict:
    return json.loads(demo_report_path().read_text(encoding="utf-8"))


def _write(tmp_path: Path, content: str | bytes) -> Path:
    p = tmp_path / "bad.perfdesk"
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def _bad_cases() -> dict[str, tuple[str | bytes, str, str]]:
    """name -> (file content, expected words in the message, expected path or '')."""
    text = demo_report_path().read_text(encoding="utf-8")
    wrong_type = _demo_doc()
    wrong_type["report"]["year"] = "二〇二四"
    comma_money = _demo_doc()
    comma_money["report"]["projects"][1]["amounts"]["actual"] = "1,2.3"
    str_for_list = _demo_doc()
    str_for_list["report"]["duties"] = "负责市场监管"
    unknown_format = _demo_doc()
    unknown_format["format"] = "wps-document"
    future = _demo_doc()
    future["version"] = 99
    bad_date = _demo_doc()
    bad_date["report"]["signature_date"] = "2025-02-30"
    huge = _demo_doc()
    huge["report"]["income"]["other"] = "9" * 41 + ".00"
    return {
        "truncated": (text[: len(text) // 2], "文件已损坏或不是 PerfDesk 报告文件", ""),
        "wrong type": (json.dumps(wrong_type, ensure_ascii=False), "应为整数", "report.year"),
        "money with commas": (
            json.dumps(comma_money, ensure_ascii=False),
            "“1,2.3”不是有效数字",
            "report.projects[1].amounts.actual",
        ),
        "string for list": (json.dumps(str_for_list, ensure_ascii=False), "应为列表", "report.duties"),
        "unknown format": (json.dumps(unknown_format), "不是 PerfDesk 报告文件", "format"),
        "future version": (json.dumps(future), "更新版本的 PerfDesk", "version"),
        "empty file": ("", "文件是空的", ""),
        "binary file": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe", "不是文本格式", ""),
        "json array": ("[1, 2, 3]", "不是 PerfDesk 报告文件", ""),
        "impossible date": (json.dumps(bad_date, ensure_ascii=False), "不是有效日期", "report.signature_date"),
        "absurd amount": (json.dumps(huge, ensure_ascii=False), "太大", "report.income.other"),
    }


@pytest.mark.parametrize("case", list(_bad_cases()))
def test_bad_file_gives_specific_message_and_exit_2_and_is_unchanged(case, tmp_path, capsys):
    content, words, path = _bad_cases()[case]
    p = _write(tmp_path, content)
    before = p.read_bytes()
    with pytest.raises(FormatError) as err:
        load_report(p)
    assert words in err.value.message
    assert err.value.path == path
    assert main(["check", str(p)]) == 2
    assert words in capsys.readouterr().err
    assert p.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["bad.perfdesk"]


def test_missing_file_is_a_clear_message(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.perfdesk")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_cli_output_under_a_regular_file_is_explained_in_chinese(tmp_path, capsys):
    """QA: an output path running through a file printed "Not a directory"."""
    blocker = tmp_path / "输出"
    blocker.write_text("我是一个文件", encoding="utf-8")
    out = blocker / "2024"
    assert main(["render", str(demo_report_path()), "-o", str(out), "--no-word"]) == 2
    err = capsys.readouterr().err
    assert f"无法创建输出文件夹“{out}”" in err and "同名文件" in err and "请" in err
    assert "Not a directory" not in err


def test_cli_save_into_missing_folder_is_explained_in_chinese(tmp_path, capsys):
    target = tmp_path / "不存在" / "新报告.perfdesk"
    assert main(["new", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "保存“新报告.perfdesk”失败" in err and "不存在" in err
    assert "No such file" not in err


def test_cli_unwrapped_os_error_is_still_chinese(tmp_path, capsys, monkeypatch):
    import errno
    import os

    import perfdesk.render

    def loop(*_a, **_k):
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(tmp_path / "链接"))

    monkeypatch.setattr(perfdesk.render, "render_all", loop)
    assert main(["render", str(demo_report_path()), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"处理文件“{tmp_path / '链接'}”时出错" in err and "技术支持" in err
    assert "Traceback" not in err


def test_older_version_is_migrated_on_open(monkeypatch):
    # Version 0 (hypothetical): the unit name was called "unit".
    doc = json.loads((Path(__file__).parents[1] / "data" / "v1_corpus" /
                      "v1_original_demo.perfdesk").read_text(encoding="utf-8"))
    doc["version"] = 0
    doc["report"]["unit"] = doc["report"].pop("unit_name")

    def v0_to_v1(d: dict) -> dict:
        d["report"] = dict(d["report"])
        d["report"]["unit_name"] = d["report"].pop("unit")
        d["version"] = 1
        return d

    monkeypatch.setitem(report_file.MIGRATIONS, 0, v0_to_v1)
    report = loads(json.dumps(doc, ensure_ascii=False))
    assert report.unit_name == "青禾县市场监督管理局"


def test_version_without_migration_is_refused():
    doc = _demo_doc()
    doc["version"] = 0
    with pytest.raises(FormatError, match="不支持的旧版"):
        loads(json.dumps(doc))


def test_bom_from_notepad_is_accepted(tmp_path):
    p = tmp_path / "bom.perfdesk"
    p.write_bytes(b"\xef\xbb\xbf" + demo_report_path().read_bytes())
    assert load_report(p).year == 2024


def test_saved_file_gets_normal_permissions_not_owner_only(demo: Report, tmp_path: Path):
    import os
    import stat

    target = tmp_path / "r.perfdesk"
    save_report(demo, target)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
