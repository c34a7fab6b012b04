"""Windows behaviour, simulated on any platform (and real on the Windows CI runner).

On Windows a file open in Word/WPS/Excel cannot be replaced (``os.replace`` raises
PermissionError: sharing violation), a read-only file can be neither replaced nor deleted,
a folder can refuse new files, and file names must avoid ``\\ / : * ? " < > |``, trailing dots
and spaces, and device names such as CON or NUL. Saving and writing outputs must turn each of
these into a Chinese message, leave the original file untouched and leave no temporary file
behind. The source must also stay free of POSIX-only calls.
"""

from __future__ import annotations

import ast
import errno
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from perfdesk.io import SaveError, load_report, save_report
from perfdesk.model import Report
from perfdesk.render import base_name
from perfdesk.render.output import OutputError, safe_filename, write_file

PKG = Path(__file__).resolve().parents[1] / "perfdesk"
WINDOWS_ILLEGAL = set('\\/:*?"<>|') | {chr(c) for c in range(32)}
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}


def sharing_violation(*_args: object, **_kwargs: object) -> None:
    """What os.replace raises on Windows when Word or WPS has the target open."""
    raise PermissionError(errno.EACCES, "另一个程序正在使用此文件，进程无法访问。", None, 32)


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def is_valid_windows_name(name: str) -> bool:
    return (bool(name) and not (set(name) & WINDOWS_ILLEGAL) and name[-1] not in ". "
            and name.split(".", 1)[0].strip().upper() not in WINDOWS_RESERVED)


@pytest.fixture
def windows_readonly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows semantics of the read-only attribute, which POSIX (and root) do not have:
    a read-only file cannot be replaced, deleted or overwritten."""
    real_replace, real_unlink, real_copyfile = os.replace, os.unlink, shutil.copyfile

    def writable(path: object) -> bool:
        try:
            return bool(os.stat(path).st_mode & stat.S_IWRITE)  # type: ignore[arg-type]
        except FileNotFoundError:
            return True

    def replace(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if not writable(dst):
            raise PermissionError(errno.EACCES, "拒绝访问。", str(dst), 5)
        real_replace(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    def unlink(path: object, *args: object, **kwargs: object) -> None:
        if not writable(path):
            raise PermissionError(errno.EACCES, "拒绝访问。", str(path), 5)
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    def copyfile(src: object, dst: object, *args: object, **kwargs: object) -> object:
        if not writable(dst):
            raise PermissionError(errno.EACCES, "拒绝访问。", str(dst), 5)
        return real_copyfile(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(shutil, "copyfile", copyfile)


def make_writable(folder: Path) -> None:
    for p in folder.iterdir():
        os.chmod(p, stat.S_IREAD | stat.S_IWRITE)


# --- saving a report ------------------------------------------------------------------------
def test_save_while_file_is_locked_keeps_original(tmp_path: Path, demo: Report,
                                                  monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "2024年度报告.perfdesk"
    save_report(demo, target, backup=False)
    before = target.read_bytes()
    demo.unit_name = "改过的单位名称"
    monkeypatch.setattr(os, "replace", sharing_violation)
    with pytest.raises(SaveError) as info:
        save_report(demo, target)
    assert "保存" in info.value.message and "原文件未被改动" in info.value.message
    assert "占用" in info.value.message or "权限" in info.value.message
    assert target.read_bytes() == before
    assert leftovers(tmp_path, {target.name, target.name + ".bak"}) == []


def test_save_into_read_only_folder(tmp_path: Path, demo: Report,
                                    monkeypatch: pytest.MonkeyPatch):
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "拒绝访问。", str(tmp_path), 5)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as info:
        save_report(demo, tmp_path / "新报告.perfdesk")
    assert "权限" in info.value.message
    assert "拒绝访问" not in info.value.message  # the system's text is not echoed
    assert leftovers(tmp_path, set()) == []


def test_save_over_read_only_report(tmp_path: Path, demo: Report, windows_readonly: None):
    target = tmp_path / "只读报告.perfdesk"
    save_report(demo, target, backup=False)
    before = target.read_bytes()
    os.chmod(target, stat.S_IREAD)
    try:
        with pytest.raises(SaveError):
            save_report(demo, target)
        assert target.read_bytes() == before
        assert leftovers(tmp_path, {target.name, target.name + ".bak"}) == []  # no .tmp
        # the user clears the read-only flag: saving works again despite the read-only .bak
        os.chmod(target, stat.S_IREAD | stat.S_IWRITE)
        demo.unit_name = "改过的单位名称"
        save_report(demo, target)
        assert load_report(target).unit_name == "改过的单位名称"
        assert leftovers(tmp_path, {target.name, target.name + ".bak"}) == []
    finally:
        make_writable(tmp_path)


# --- writing outputs (Word/Excel) -----------------------------------------------------------
def _writer(text: str):
    return lambda tmp: Path(tmp).write_text(text, encoding="utf-8")


def test_output_open_in_word_is_reported_as_locked(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "2024年度报告.docx"
    target.write_text("旧版本", encoding="utf-8")
    monkeypatch.setattr(os, "replace", sharing_violation)
    with pytest.raises(OutputError) as info:
        write_file(target, _writer("新版本"))
    assert info.value.locked is True
    assert info.value.path == target
    assert "Word" in info.value.message and "关闭" in info.value.message
    assert target.read_text(encoding="utf-8") == "旧版本"
    assert leftovers(tmp_path, {target.name}) == []


def test_output_into_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "拒绝访问。", str(tmp_path), 5)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError) as info:
        write_file(tmp_path / "附件.xlsx", _writer("x"))
    assert info.value.locked is False
    assert "文件夹" in info.value.message and "权限" in info.value.message
    assert "拒绝访问" not in info.value.message  # the system's text is not echoed
    assert leftovers(tmp_path, set()) == []


def test_output_over_read_only_file(tmp_path: Path, windows_readonly: None):
    target = tmp_path / "附件.xlsx"
    target.write_text("旧版本", encoding="utf-8")
    os.chmod(target, stat.S_IREAD)
    try:
        with pytest.raises(OutputError) as info:
            write_file(target, _writer("新版本"))
        assert info.value.message
        assert target.read_text(encoding="utf-8") == "旧版本"
        assert leftovers(tmp_path, {target.name}) == []
    finally:
        make_writable(tmp_path)


def test_writer_failure_leaves_no_temp_file(tmp_path: Path):
    def broken(tmp: Path) -> None:
        Path(tmp).write_text("半个文件", encoding="utf-8")
        raise OSError(errno.ENOSPC, "磁盘空间不足")

    with pytest.raises(OutputError) as info:
        write_file(tmp_path / "报告.docx", broken)
    assert "磁盘空间不足" in info.value.message
    assert leftovers(tmp_path, set()) == []


# --- file names from unit names -------------------------------------------------------------
@pytest.mark.parametrize("unit", [
    "青禾县财政局/预算股",
    "县委办公室（县档案局）: 2024",
    'A*B?C"D<E>F|G\\H',
    "制表\t符\n换行",
    "以点结尾的单位.",
    "以空格结尾的单位 . ",
    "CON", "nul", "Com1", "LPT9.docx", "aux.报告",
    "   ", "", "...",
    "很长的单位名称" * 40,
])
def test_safe_filename_is_valid_on_windows(unit: str, tmp_path: Path):
    name = safe_filename(unit)
    assert is_valid_windows_name(name), name
    assert len(name) <= 151 and len(name.encode("utf-8")) <= 181
    for suffix in (".docx", "（附件）.xlsx", "（草稿）.docx", "（草稿）（附件3-12）.xlsx"):
        (tmp_path / (name + suffix)).write_bytes(b"")
        assert is_valid_windows_name(name + suffix)


def test_report_file_name_from_awkward_unit_name(demo: Report):
    demo.unit_name = "青禾县市场监督管理局/知识产权局: 合署"
    name = base_name(demo)
    assert is_valid_windows_name(name)
    assert "青禾县市场监督管理局" in name and "知识产权局" in name


def test_report_file_name_without_a_year(demo: Report, tmp_path: Path):
    """No year yet: no dangling '年度' at the front of the files (QA D9c)."""
    from openpyxl import load_workbook

    from perfdesk.render import render_all

    assert base_name(demo) == f"{demo.year}年度{demo.unit_name}整体支出绩效自评报告"
    demo.year = None
    assert base_name(demo) == f"{demo.unit_name}整体支出绩效自评报告"
    result = render_all(demo, tmp_path, word=False, excel=True)
    assert [f.name for f in result.files] == [
        f"{demo.unit_name}整体支出绩效自评报告（草稿）（附件）.xlsx"]  # R-C01: no year → draft
    assert load_workbook(result.files[0]).properties.title == f"{demo.unit_name}绩效自评附件"
    demo.unit_name = ""
    assert base_name(demo) == "整体支出绩效自评报告"


# --- the source stays Windows-safe ----------------------------------------------------------
POSIX_ONLY = re.compile(
    r"\bos\.(fchmod|fchown|lchown|chown|getuid|geteuid|getgid|getegid|getpwnam|fork|forkpty|"
    r"setsid|setpgid|killpg|getpgid|mkfifo|statvfs|fstatvfs|nice|uname|sync|pathconf|"
    r"sched_\w+|WNOHANG|O_NOFOLLOW|O_CLOEXEC)\b"
    r"|\bsignal\.SIG(KILL|HUP|USR1|USR2|ALRM|CHLD|PIPE|QUIT|STOP|CONT|TSTP)\b"
    r"|^\s*(import|from)\s+(fcntl|pwd|grp|termios|resource|tty|pty|posix|crypt)\b"
    r"|[\"']/(tmp|home|usr|etc|var|opt)/"
)


def test_no_posix_only_calls_or_hard_coded_unix_paths():
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if POSIX_ONLY.search(code) and "sys.platform" not in code:
                offenders.append(f"{path.relative_to(PKG)}:{n}: {line.strip()}")
    # pdf.py reads /etc/fonts/fonts.conf only off Windows (guarded by sys.platform)
    offenders = [o for o in offenders if "/etc/fonts/fonts.conf" not in o]
    assert offenders == []


def _text_open_without_encoding(node: ast.Call) -> bool:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    kwargs = {k.arg for k in node.keywords}
    if "encoding" in kwargs:
        return False
    if isinstance(func, ast.Attribute) and getattr(func.value, "id", None) == "os" and name == "open":
        return False  # os.open: flags and a file descriptor, never text
    if name in ("open", "fdopen"):
        mode_node = next((k.value for k in node.keywords if k.arg == "mode"), None)
        if mode_node is None:
            index = 0 if isinstance(func, ast.Attribute) and name == "open" else 1
            if len(node.args) > index:
                mode_node = node.args[index]
        mode = mode_node.value if isinstance(mode_node, ast.Constant) else "r"
        return isinstance(mode, str) and "b" not in mode
    if name == "read_text":
        return not node.args
    if name == "write_text":
        return len(node.args) < 2
    return False


def test_text_files_are_opened_with_an_explicit_encoding():
    """Chinese Windows defaults to GBK (cp936): every text open must say encoding=."""
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _text_open_without_encoding(node):
                offenders.append(f"{path.relative_to(PKG)}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []
