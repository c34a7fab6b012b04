"""File errors reach the user in Chinese, with a reason and what to do — never the English
``strerror`` ("Permission denied", "Not a directory") of the operating system."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from perfdesk.io import SaveError, atomic, load_report, save_report
from perfdesk.io.codec import FormatError
from perfdesk.io.oserrors import LOCKED, describe, is_locked
from perfdesk.model import Report
from perfdesk.render.output import OutputError, write_file

# Product names the messages may mention; "U" is the U of U盘 (USB stick).
ALLOWED_LATIN = ("Excel", "Word", "WPS", "U")
SYSTEM_TEXT = re.compile(r"（系统信息：[^）]*）")


def _errno(name: str) -> int:
    code = getattr(errno, name, None)
    if code is None:  # pragma: no cover - EDQUOT/ETXTBSY are missing on Windows
        pytest.skip(f"{name} does not exist on this platform")
    return code


def os_error(name: str, filename: str | os.PathLike[str] | None = "/数据/报告.perfdesk",
             *, winerror: int | None = None) -> OSError:
    code = _errno(name)
    exc = OSError(code, os.strerror(code), None if filename is None else str(filename))
    if winerror is not None:
        exc.winerror = winerror  # type: ignore[attr-defined]  # set by Python on Windows only
    return exc


def assert_chinese(message: str, *paths: object, system_text: bool = False) -> None:
    """Chinese, says what to do, and no Latin letters outside the paths and product names."""
    assert re.search(r"[\u4e00-\u9fff]", message), message
    assert "请" in message, f"no advice: {message}"
    rest = message
    texts = {t for p in paths if p for t in (str(p), Path(str(p)).name)}
    for text in sorted(texts, key=len, reverse=True):  # whole paths first, then bare names
        rest = rest.replace(text, "")
    if system_text:
        assert SYSTEM_TEXT.search(rest), f"unknown error without the system text: {message}"
        rest = SYSTEM_TEXT.sub("", rest)
    else:
        assert "系统信息" not in rest, message
    for word in ALLOWED_LATIN:
        rest = rest.replace(word, "")
    assert not re.search(r"[A-Za-z]", rest), f"Latin text in the message: {message}"


# errno name -> a word the Chinese reason must contain
KNOWN = {
    "EACCES": "权限",
    "EPERM": "权限",
    "EROFS": "只读",
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "磁盘空间不足",
    "ENOTDIR": "同名文件",
    "ENOENT": "不存在",
    "ENAMETOOLONG": "太长",
    "EEXIST": "同名",
    "EBUSY": "占用",
    "ETXTBSY": "占用",
    "EIO": "断开",
    "EINVAL": "字符",
    "EISDIR": "文件夹",
}
UNKNOWN = ("ELOOP", "EMFILE", "ENXIO")


@pytest.mark.parametrize("name", list(KNOWN))
def test_known_errors_are_explained_in_chinese(name: str):
    exc = os_error(name)
    message = describe(exc)
    assert KNOWN[name] in message
    assert os.strerror(exc.errno) not in message
    assert message.endswith("。")
    assert_chinese(message, exc.filename)


@pytest.mark.parametrize("name", UNKNOWN)
def test_unknown_errors_keep_the_system_text_for_support(name: str):
    exc = os_error(name)
    message = describe(exc)
    assert os.strerror(exc.errno) in message and f"errno {exc.errno}" in message
    assert "技术支持" in message
    assert_chinese(message, system_text=True)


def test_error_without_errno_is_still_chinese():
    message = describe(OSError("something odd"))
    assert "something odd" in message
    assert_chinese(message, system_text=True)


@pytest.mark.parametrize(("winerror", "word"), [
    (32, "占用"), (33, "占用"), (19, "写保护"), (21, "拔出"), (53, "网络"), (64, "网络"),
    (112, "磁盘空间不足"), (206, "太长"), (123, "字符"),
])
def test_windows_error_codes(winerror: int, word: str):
    """Python maps these to vague errno values (a sharing violation becomes EACCES)."""
    exc = os_error("EACCES", winerror=winerror)
    message = describe(exc)
    assert word in message
    assert_chinese(message, exc.filename)


def test_sharing_violation_counts_as_locked():
    assert is_locked(os_error("EACCES", winerror=32))
    assert is_locked(os_error("EBUSY"))
    assert not is_locked(os_error("EACCES"))
    assert describe(os_error("EACCES", winerror=32)) == LOCKED
    assert "Word" in LOCKED and "关闭" in LOCKED


def test_reading_wording():
    assert "读取权限" in describe(os_error("EACCES"), reading=True)
    assert "文件不存在" in describe(os_error("ENOENT"), reading=True)
    assert "写入权限" in describe(os_error("EACCES"))


def test_not_a_directory_names_the_file_in_the_way(tmp_path: Path):
    blocker = tmp_path / "输出"
    blocker.write_text("我是一个文件", encoding="utf-8")
    message = describe(os_error("ENOTDIR", blocker / "子文件夹" / "报告.docx"))
    assert f"“{blocker}”" in message and "同名文件" in message


# --- saving a report: every errno, through the real code path -------------------------------
@pytest.mark.parametrize("name", [*KNOWN, *UNKNOWN])
def test_save_error_messages(name: str, tmp_path: Path, demo: Report,
                             monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "2024年度报告.perfdesk"
    exc = os_error(name, target)

    def fail(*_a: object, **_k: object) -> None:
        raise exc

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(SaveError) as info:
        save_report(demo, target)
    message = info.value.message
    assert message.startswith(f"保存“{target.name}”失败：") and message.endswith("原文件未被改动。")
    assert os.strerror(exc.errno) not in message or name in UNKNOWN
    assert_chinese(message, target, system_text=name in UNKNOWN)
    assert not target.exists()


def test_load_error_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "报告.perfdesk"

    def fail(_self: Path) -> bytes:
        raise os_error("EIO", target)

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(FormatError) as info:
        load_report(target)
    assert "断开" in info.value.message
    assert_chinese(info.value.message, target)


# --- writing outputs ------------------------------------------------------------------------
def _writer(tmp: Path) -> None:
    Path(tmp).write_text("内容", encoding="utf-8")


@pytest.mark.parametrize("name", [*KNOWN, *UNKNOWN])
@pytest.mark.parametrize("stage", ["mkdir", "mkstemp", "replace"])
def test_output_error_messages(name: str, stage: str, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "输出" / "2024年度报告.docx"
    exc = os_error(name, target)

    def fail(*_a: object, **_k: object) -> None:
        raise exc

    if stage == "mkdir":
        monkeypatch.setattr(Path, "mkdir", fail)
    elif stage == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OutputError) as info:
        write_file(target, _writer)
    message = info.value.message
    assert info.value.path == target
    assert target.name in message or str(target.parent) in message
    assert_chinese(message, target, target.parent, system_text=name in UNKNOWN)
    # only a locked *file* offers "retry / write under a new name" in the GUI
    assert info.value.locked == (stage == "replace" and name in ("EBUSY", "ETXTBSY"))
    assert not target.exists()
    if target.parent.exists():
        assert list(target.parent.iterdir()) == []  # no temporary file left


def test_output_replace_refused_on_existing_file_is_treated_as_locked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Windows says "access denied" (winerror 5) for a file open in Word or set read-only."""
    target = tmp_path / "附件.xlsx"
    target.write_text("旧版本", encoding="utf-8")

    def denied(*_a: object, **_k: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))

    monkeypatch.setattr(atomic.os, "replace", denied)
    with pytest.raises(OutputError) as info:
        write_file(target, _writer)
    assert info.value.locked is True
    assert "Word" in info.value.message and "只读" in info.value.message
    assert_chinese(info.value.message, target)
    assert target.read_text(encoding="utf-8") == "旧版本"


# --- real failures, no simulation -----------------------------------------------------------
def test_output_under_a_regular_file(tmp_path: Path):
    """QA's case: the output folder's path runs through a file ("Not a directory")."""
    blocker = tmp_path / "输出"
    blocker.write_text("我是一个文件", encoding="utf-8")
    target = blocker / "子文件夹" / "报告.docx"
    with pytest.raises(OutputError) as info:
        write_file(target, _writer)
    message = info.value.message
    assert "Not a directory" not in message
    assert f"无法创建输出文件夹“{target.parent}”" in message and "同名文件" in message
    assert_chinese(message, target.parent, blocker)


def test_save_into_missing_folder(tmp_path: Path, demo: Report):
    target = tmp_path / "不存在的文件夹" / "报告.perfdesk"
    with pytest.raises(SaveError) as info:
        save_report(demo, target)
    assert "No such file" not in info.value.message and "不存在" in info.value.message
    assert_chinese(info.value.message, target)


def test_output_name_too_long(tmp_path: Path):
    target = tmp_path / ("很长的名字" * 30 + ".docx")  # 450 bytes: over the 255-byte limit
    with pytest.raises(OutputError) as info:
        write_file(target, _writer)
    assert "太长" in info.value.message
    assert_chinese(info.value.message, target)


@pytest.fixture
def immutable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write into, not even root (``chattr +i``; ext2/3/4, xfs, btrfs)."""
    chattr = shutil.which("chattr")
    folder = tmp_path / "只读文件夹"
    folder.mkdir()
    if chattr is None:
        pytest.skip("chattr is not available")
    if subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("this file system or user cannot set the immutable flag")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def test_output_into_unwritable_folder_real(immutable_folder: Path):
    target = immutable_folder / "2024年度报告.docx"
    with pytest.raises(OutputError) as info:
        write_file(target, _writer)
    message = info.value.message
    assert "Permission denied" not in message and "Operation not permitted" not in message
    assert f"无法在文件夹“{immutable_folder}”中写入文件：没有写入权限" in message
    assert_chinese(message, immutable_folder)


def test_save_into_unwritable_folder_real(immutable_folder: Path, demo: Report):
    target = immutable_folder / "报告.perfdesk"
    with pytest.raises(SaveError) as info:
        save_report(demo, target)
    assert "没有写入权限" in info.value.message
    assert_chinese(info.value.message, target)
