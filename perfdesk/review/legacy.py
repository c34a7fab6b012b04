"""Stopgap for the old binary formats (.xls, .doc): convert a copy with LibreOffice.

The reviewer's desk reads .xls 附件 and .doc reports by converting them, in a temporary
folder, to .xlsx/.docx; the unit's file is only read. This stays until perfdesk/io reads
.xls itself (the table import, issue 15); then ``convert_all`` is no longer needed for
workbooks. All files go through one LibreOffice run (its start-up costs ~1.5 s; each file
then ~0.3 s), with a private profile so that it never collides with an open LibreOffice.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from perfdesk.office.pdf import find_soffice

TIMEOUT_S = 600
TARGET = {".xls": "xlsx", ".doc": "docx"}
NO_OFFICE = ("需要 LibreOffice 才能读取 .xls/.doc 文件（本机未安装）。请安装 LibreOffice，"
             "或让单位另存为 .xlsx/.docx 后重新报送。")


def convert_all(sources: list[Path], out_dir: Path,
                cancelled: Callable[[], bool] = lambda: False) -> dict[Path, Path | str]:
    """Each source -> its converted copy under ``out_dir``, or a Chinese reason why not."""
    result: dict[Path, Path | str] = {}
    if not sources:
        return result
    soffice = find_soffice()
    if soffice is None:
        return dict.fromkeys(sources, NO_OFFICE)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    # One batch per target format and per distinct file name (LibreOffice names the copy
    # after the source, so two 附件.xls from different units go into separate batches).
    batches: list[tuple[str, list[Path]]] = []
    for src in sources:
        fmt = TARGET[src.suffix.lower()]
        for batch_fmt, batch in batches:
            if batch_fmt == fmt and all(b.stem != src.stem for b in batch):
                batch.append(src)
                break
        else:
            batches.append((fmt, [src]))
    for n, (fmt, batch) in enumerate(batches):
        if cancelled():
            break
        target_dir = out_dir / f"batch{n}"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--convert-to", fmt, "--outdir", str(target_dir),
               *[str(s) for s in batch]]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            for src in batch:
                result[src] = f"LibreOffice 转换失败（{exc}）"
            continue
        for src in batch:
            out = target_dir / f"{src.stem}.{fmt}"
            ok = out.is_file() and out.stat().st_size > 0
            result[src] = out if ok else "LibreOffice 无法打开此文件（可能已损坏或不是真正的 Office 文件）"
    return result
