"""The help travels with the program: the guide's PDF builds (Qt, offscreen) with its Chinese
title and every rule's explanation, and the bundle spec carries the guide, its images, the
check catalogue and the PDF (packaging/help_files.py, used by build.spec)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

from perfdesk.render import help_docs

ROOT = Path(__file__).resolve().parents[2]


def _help_files():
    spec = importlib.util.spec_from_file_location("help_files", ROOT / "packaging" / "help_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, encoding="utf-8", check=True)
    return "".join(out.stdout.split())  # CJK text comes back with line breaks anywhere


def test_the_guide_pdf_builds_with_its_chinese_title(tmp_path):
    out = tmp_path / "指南" / help_docs.GUIDE_PDF
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_guide_pdf.py"), str(out)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(out)
    assert "PerfDesk使用指南" in text
    # the text is what was written: 用, not the Kangxi radical ⽤ drawn with the same glyph,
    # and bold digits kept ("F1", "R-B15")
    assert not re.findall(r"[\u2e80-\u2fdf\x80-\xbf]", text)
    assert "按F1打开本指南" in text
    for words in ("第一步：以上年报告新建", "从决算/预算报表取数", "检查规则说明", "怎样改正"):
        assert words in text, words
    assert all(rule_id in text for rule_id in help_docs.rules())
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info
    assert int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:"))) >= 8


def test_the_bundle_spec_carries_the_help(tmp_path):
    datas = _help_files().help_datas(ROOT, tmp_path)
    assert all(Path(src).is_file() for src, _ in datas), datas
    placed = {(Path(src).name, dest) for src, dest in datas}
    assert {("user-guide.md", "docs"), ("checks.md", "docs"), (help_docs.GUIDE_PDF, "docs")} <= placed
    for image in help_docs.images(help_docs.guide()):
        assert (Path(image).name, "docs/images") in placed, image
    assert "help_datas(" in (ROOT / "build.spec").read_text(encoding="utf-8")
