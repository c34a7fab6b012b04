"""The PyInstaller bundle shared by the frozen smoke test and the glibc floor test.

Built once per session into a temporary folder (about 20 s), or ``PERFDESK_BUNDLE=dist/PerfDesk``
to test an already built bundle instead (scripts/smoke_frozen.sh, build_bullseye.sh --test and
the Windows workflow do this).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = ".exe" if sys.platform == "win32" else ""
# The Debian 11 release build exists only where build_bullseye.sh ran: test it there.
collect_ignore = [] if (ROOT / "dist" / "bullseye" / "PerfDesk" / "PerfDesk").is_file() else [
    "test_release_bundle.py"]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("PERFDESK_BUNDLE")
    if prebuilt:
        path = Path(prebuilt).resolve()
        assert (path / f"perfdesk-cli{EXE}").is_file(), f"no bundle at {path}"
        return path
    work = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    shutil.rmtree(work / "build", ignore_errors=True)  # ~150 MB of intermediate files
    return work / "dist" / "PerfDesk"
