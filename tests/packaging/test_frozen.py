"""Frozen smoke test: build the PyInstaller bundle once, then run the frozen executables.

Proves the bundle carries every data file and hidden import: ``check`` the demo report,
``render`` it to Word and Excel (opened again with python-docx and openpyxl), and open the
main window offscreen and close it. Runs from a temporary folder so nothing can be found
through the source tree.

The build takes about 20 s here (``slow``); the ``bundle`` fixture is in conftest.py (shared
with test_glibc_floor.py). Set ``PERFDESK_BUNDLE=dist/PerfDesk`` to test an already built
bundle instead (scripts/smoke_frozen.sh and the Windows workflow do this).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo.perfdesk"
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = pytest.mark.slow


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PERFDESK_CONFIG_DIR"] = str(tmp_path / "config")
    return env


def _run(exe: Path, args: list[str], env: dict[str, str], cwd: Path,
         timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


def test_bundle_layout(bundle: Path):
    internal = bundle / "_internal"
    assert (bundle / f"PerfDesk{EXE}").is_file()
    assert (internal / "resources" / "samples" / "demo.perfdesk").is_file()
    assert any((internal / "templates").glob("*.docx")), "templates/ not bundled"
    assert {p.stem for p in (internal / "templates").glob("*.json")} == {
        p.stem for p in (ROOT / "templates").glob("*.json")}, "template metadata"
    assert (internal / "resources" / "indicator_library.json").is_file()
    assert (internal / "resources" / "icons" / "perfdesk.png").is_file()
    assert (internal / "docx" / "templates" / "default.docx").is_file(), "python-docx data"
    # the help: the guide (Markdown and PDF) with its images, the rules' explanations
    for doc in ("user-guide.md", "user-guide.pdf", "checks.md", "images/ui-main.png"):
        assert (internal / "docs" / doc).is_file(), doc
    # trimmed: no unused Qt modules, no tkinter, only zh_CN/en Qt translations
    names = {p.name for p in internal.rglob("*")}
    assert not any(n.startswith(("QtNetwork", "QtQml", "QtQuick", "libQt6Network",
                                 "Qt6Network", "libQt6Qml", "Qt6Qml", "_tkinter")) for n in names)
    qms = {p.name for p in internal.rglob("*.qm")}
    assert qms and all("zh_CN" in n or "_en" in n for n in qms), qms


def test_frozen_cli_version_and_check(bundle: Path, frozen_env: dict[str, str], tmp_path: Path):
    cli = bundle / f"perfdesk-cli{EXE}"
    out = _run(cli, ["--version"], frozen_env, tmp_path)
    assert out.returncode == 0 and "PerfDesk" in out.stdout, out.stderr
    bundled_demo = bundle / "_internal" / "resources" / "samples" / "demo.perfdesk"
    out = _run(cli, ["check", str(bundled_demo)], frozen_env, tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "审核完成" in out.stdout


def test_frozen_render_word_and_excel(bundle: Path, frozen_env: dict[str, str], tmp_path: Path):
    from docx import Document
    from openpyxl import load_workbook

    from perfdesk.io import load_report

    out_dir = tmp_path / "输出"
    proc = _run(bundle / f"perfdesk-cli{EXE}", ["render", str(DEMO), "-o", str(out_dir)],
                frozen_env, tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    docx_files = list(out_dir.glob("*.docx"))
    xlsx_files = list(out_dir.glob("*.xlsx"))
    assert len(docx_files) == 1 and xlsx_files, sorted(p.name for p in out_dir.iterdir())
    unit = load_report(DEMO).unit_name
    doc = Document(str(docx_files[0]))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert unit and unit in text
    for path in xlsx_files:
        wb = load_workbook(path)
        assert wb.sheetnames
        wb.close()


def test_frozen_gui_opens_main_window_offscreen(bundle: Path, frozen_env: dict[str, str],
                                                 tmp_path: Path):
    env = dict(frozen_env, PERFDESK_QUIT_AFTER_SHOW="1")
    proc = _run(bundle / f"perfdesk-cli{EXE}", ["gui", str(DEMO)], env, tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    shown = [ln for ln in proc.stdout.splitlines() if ln.startswith("PERFDESK_SHOWN")]
    assert shown and "PerfDesk" in shown[0], proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    # Qt's bundled zh_CN translation is found and loaded (Qt's own dialogs speak Chinese)
    assert "PERFDESK_QT_TRANSLATION Cancel=取消" in proc.stdout, proc.stdout


def test_frozen_gui_executable_starts(bundle: Path, frozen_env: dict[str, str], tmp_path: Path):
    """The windowed executable (what the shortcuts start), without arguments."""
    env = dict(frozen_env, PERFDESK_QUIT_AFTER_SHOW="1")
    proc = _run(bundle / f"PerfDesk{EXE}", [], env, tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    if sys.platform != "win32":  # a windowed Windows exe may have no stdout to print to
        assert "PERFDESK_SHOWN" in proc.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LD_LIBRARY_PATH is Linux")
def test_frozen_children_do_not_inherit_bundle_library_path(
        bundle: Path, frozen_env: dict[str, str], tmp_path: Path):
    """Programs PerfDesk starts (here a stand-in ``soffice``) must not load the bundle's libs."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    dump = tmp_path / "child-env.txt"
    soffice = fake_bin / "soffice"
    soffice.write_text(f'#!/bin/sh\nenv > "{dump}"\nexit 0\n', encoding="utf-8")
    soffice.chmod(0o755)
    env = dict(frozen_env, PATH=f"{fake_bin}{os.pathsep}{frozen_env.get('PATH', '')}")
    env["LD_LIBRARY_PATH"] = "/opt/user-libs"
    proc = _run(bundle / "perfdesk-cli", ["render", str(DEMO), "-o", str(tmp_path / "out"),
                                          "--no-excel", "--pdf"], env, tmp_path, timeout=300)
    assert dump.is_file(), proc.stdout + proc.stderr
    child = dict(line.split("=", 1) for line in dump.read_text().splitlines() if "=" in line)
    assert child.get("LD_LIBRARY_PATH") == "/opt/user-libs"
    assert "LD_LIBRARY_PATH_ORIG" not in child


@pytest.mark.skipif(not any((Path(p) / "soffice").is_file()
                            for p in os.environ.get("PATH", "").split(os.pathsep) if p),
                    reason="LibreOffice not installed")
def test_frozen_render_pdf_with_libreoffice(bundle: Path, frozen_env: dict[str, str],
                                            tmp_path: Path):
    out_dir = tmp_path / "pdf"
    proc = _run(bundle / f"perfdesk-cli{EXE}",
                ["render", str(DEMO), "-o", str(out_dir), "--no-excel", "--pdf"],
                frozen_env, tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pdfs = list(out_dir.glob("*.pdf"))
    assert pdfs and pdfs[0].stat().st_size > 1000, proc.stdout + proc.stderr


def test_frozen_other_subcommands(bundle: Path, frozen_env: dict[str, str], tmp_path: Path):
    """rules, new --from and import (reads the rendered attachments back): every lazy import."""
    cli = bundle / f"perfdesk-cli{EXE}"
    out = _run(cli, ["rules", "--json"], frozen_env, tmp_path)
    assert out.returncode == 0 and '"R-C01"' in out.stdout, out.stderr
    nxt = tmp_path / "2025.perfdesk"
    out = _run(cli, ["new", "--from", str(DEMO), "-o", str(nxt)], frozen_env, tmp_path)
    assert out.returncode == 0 and nxt.is_file(), out.stdout + out.stderr
    out = _run(cli, ["render", str(DEMO), "-o", str(tmp_path / "xlsx"), "--no-word"],
               frozen_env, tmp_path, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    workbook = next((tmp_path / "xlsx").glob("*.xlsx"))
    imported = tmp_path / "导入.perfdesk"
    out = _run(cli, ["import", str(workbook), "-o", str(imported)], frozen_env, tmp_path)
    assert out.returncode == 0 and imported.is_file(), out.stdout + out.stderr
    out = _run(cli, ["check", str(imported)], frozen_env, tmp_path)
    assert out.returncode in (0, 1) and "审核完成" in out.stdout, out.stdout + out.stderr


def test_frozen_preview_pages(bundle: Path, frozen_env: dict[str, str], tmp_path: Path):
    """The bundled PDF rasteriser (pypdfium2 and its PDFium library) draws page images."""
    from tests.office.test_pages import A4, make_pdf

    pdf = make_pdf(tmp_path / "页面.pdf", [A4, (842, 595)])
    proc = _run(bundle / f"perfdesk-cli{EXE}", ["preview", str(pdf), "-o", str(tmp_path / "png"),
                                                "--dpi", "30"], frozen_env, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pngs = sorted(p.name for p in (tmp_path / "png").glob("*.png"))
    assert pngs == ["页面-01.png", "页面-02.png"]
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in (tmp_path / "png").iterdir())
