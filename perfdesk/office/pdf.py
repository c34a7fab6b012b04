"""PDF export: LibreOffice (any platform), or Word/WPS through COM on Windows.

``convert_to_pdf(src, out_dir)`` returns the PDF's path or raises ``PdfUnavailable`` with
a Chinese message saying what to do; ``convert_many`` converts several files in one
LibreOffice run. Both can be stopped through a ``threading.Event`` (``Cancelled``): the
preview converts in a worker thread that a newer preview or the closing window stops. Each LibreOffice run gets its own throw-away
profile (``-env:UserInstallation``) so parallel conversions do not collide, and the
result is checked: soffice can exit 0 without writing anything.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from perfdesk.io.oserrors import describe
from perfdesk.office import windows

TIMEOUT_S = 180

# Linux/macOS machines rarely have the 公文 fonts; tell fontconfig which installed CJK
# fonts look closest, so the PDF is not all sans-serif. Harmless where they are absent.
_FONT_ALIASES = {
    "仿宋_GB2312": "Noto Serif CJK SC", "仿宋": "Noto Serif CJK SC", "FangSong": "Noto Serif CJK SC",
    "宋体": "Noto Serif CJK SC", "SimSun": "Noto Serif CJK SC",
    "方正小标宋简体": "Noto Serif CJK SC", "楷体_GB2312": "Noto Serif CJK SC",
    "楷体": "Noto Serif CJK SC", "KaiTi": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC", "SimHei": "Noto Sans CJK SC",
}


class PdfUnavailable(Exception):
    """No way to make a PDF here; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


NO_CONVERTER = ("未找到可转换 PDF 的程序。请安装 LibreOffice（免费，https://www.libreoffice.org），"
                "或用 Word/WPS 打开生成的报告后“另存为 PDF”。")


def pdf_available() -> bool:
    """Whether this machine can make PDFs: LibreOffice anywhere, Word or WPS on Windows."""
    return os.name == "nt" or find_soffice() is not None


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if base:
                candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
                if candidate.is_file():
                    return str(candidate)
    if sys.platform == "darwin":
        candidate = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
        if candidate.is_file():
            return str(candidate)
    return None


def _fontconfig_file(folder: Path) -> Path | None:
    system = Path("/etc/fonts/fonts.conf")
    if sys.platform == "win32" or not system.is_file():
        return None
    aliases = "".join(
        f"<alias binding=\"same\"><family>{k}</family><prefer><family>{v}</family></prefer></alias>"
        for k, v in _FONT_ALIASES.items()
    )
    conf = folder / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<include ignore_missing=\"yes\">{system}</include>{aliases}</fontconfig>",
        encoding="utf-8")
    return conf


def _check(pdf: Path) -> Path | None:
    try:
        return pdf if pdf.is_file() and pdf.stat().st_size > 0 else None
    except OSError:
        return None


_profile_lock = threading.Lock()
_profile_dir: Path | None = None


def _private_profile() -> Path:
    """One LibreOffice profile per process (first start is slow; later ones reuse it),
    removed at exit. Other processes get their own, so parallel runs never collide."""
    global _profile_dir
    if _profile_dir is None:
        _profile_dir = Path(tempfile.mkdtemp(prefix="perfdesk-lo-profile-"))
        atexit.register(shutil.rmtree, _profile_dir, True)
    return _profile_dir


class Cancelled(Exception):
    """The conversion was stopped by the caller (a newer preview, the window closing)."""


def _run(cmd: list[str], env: dict[str, str], cancel: threading.Event | None,
         what: str) -> tuple[int, bytes]:
    """Run soffice; kill it when ``cancel`` is set or after ``TIMEOUT_S``."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                                stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            try:
                code = proc.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if cancel is not None and cancel.is_set():
                    proc.kill()
                    proc.wait()
                    raise Cancelled() from None
                if time.monotonic() > deadline:
                    proc.kill()
                    proc.wait()
                    raise PdfUnavailable(f"LibreOffice 转换“{what}”超时。请稍后重试，"
                                         "或用 Word/WPS 打开后另存为 PDF。") from None
        log.seek(0)
        return code, log.read()


def convert_with_libreoffice(soffice: str, src: Path, out_dir: Path,
                             cancel: threading.Event | None = None) -> Path:
    return convert_many_with_libreoffice(soffice, [src], out_dir, cancel)[0]


def convert_many_with_libreoffice(soffice: str, sources: list[Path], out_dir: Path,
                                  cancel: threading.Event | None = None) -> list[Path]:
    """Convert ``sources`` to ``out_dir/<stem>.pdf`` in one LibreOffice run (it starts once,
    which is most of the time a conversion takes)."""
    if not sources:  # soffice without files would wait for ever
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    what = "、".join(src.name for src in sources)
    # One conversion at a time per profile: soffice refuses a profile already in use.
    with _profile_lock, tempfile.TemporaryDirectory(prefix="perfdesk-lo-") as tmp:
        tmp_path = Path(tmp)
        profile = _private_profile().as_uri()
        # Convert into a private folder, then move: a half-written PDF never lands in out_dir.
        work_out = tmp_path / "out"
        env = dict(os.environ)
        conf = _fontconfig_file(tmp_path)
        if conf is not None:
            env["FONTCONFIG_FILE"] = str(conf)
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--convert-to", "pdf", "--outdir", str(work_out),
               *(str(src) for src in sources)]
        try:
            _code, output = _run(cmd, env, cancel, what)
        except OSError as exc:
            raise PdfUnavailable(f"无法启动 LibreOffice“{soffice}”（系统信息：{exc.strerror or exc}）。"
                                 f"{NO_CONVERTER}") from exc
        made = []
        for src in sources:
            produced = _check(work_out / (src.stem + ".pdf"))
            if produced is None:
                detail = output.decode("utf-8", "replace").strip()
                raise PdfUnavailable(
                    f"LibreOffice 未能把“{src.name}”转换为 PDF"
                    + (f"（{detail[:200]}）" if detail else "")
                    + "。请确认已安装 LibreOffice Writer/Calc，或用 Word/WPS 打开后另存为 PDF。")
            target = out_dir / (src.stem + ".pdf")
            try:
                shutil.move(str(produced), target)
            except PermissionError as exc:
                raise PdfUnavailable(f"无法写入“{target.name}”：文件可能正在 PDF 阅读器中打开，"
                                     "请关闭后重试。") from exc
            except OSError as exc:  # full disk, output folder gone…
                raise PdfUnavailable(f"无法写入“{target.name}”：{describe(exc)}") from exc
            made.append(target)
    return made


def convert_with_office_com(src: Path, out_dir: Path) -> Path | None:
    """Windows: Word/WPS (a report) or Excel/WPS 表格 (a workbook) through COM; None where
    there is no COM (not Windows, or pywin32 missing). Raises PdfUnavailable on failure."""
    dispatch = windows.default_dispatch()
    if dispatch is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (src.stem + ".pdf")
    try:
        if src.suffix.lower() in (".xlsx", ".xls"):
            return windows.export_workbook_pdf(src, target, dispatch)
        return windows.export_document_pdf(src, target, dispatch)
    except windows.OfficeError as exc:
        raise PdfUnavailable(exc.message) from exc


def convert_to_pdf(src: Path, out_dir: Path, cancel: threading.Event | None = None) -> Path:
    """Convert ``src`` (.docx or .xlsx) to ``out_dir/<stem>.pdf``."""
    return convert_many([Path(src)], Path(out_dir), cancel)[0]


def convert_many(sources: list[Path], out_dir: Path,
                 cancel: threading.Event | None = None) -> list[Path]:
    """Convert each of ``sources`` to ``out_dir/<stem>.pdf`` (LibreOffice: in one run)."""
    sources = [Path(s) for s in sources]
    out_dir = Path(out_dir)
    if not sources:
        return []
    soffice = find_soffice()
    if soffice is not None:
        return convert_many_with_libreoffice(soffice, sources, out_dir, cancel)
    made = []
    for src in sources:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        via_com = convert_with_office_com(src, out_dir)
        if via_com is None:
            raise PdfUnavailable(NO_CONVERTER)
        made.append(via_com)
    return made
