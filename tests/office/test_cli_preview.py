"""`perfdesk preview FILE -o DIR`: the pages as PNG files, for scripts and tests."""

from __future__ import annotations

import struct

import pytest

from perfdesk import cli
from perfdesk.office import documents, windows
from perfdesk.resources import demo_report_path
from tests.conftest import require_pdf_converter
from tests.office.test_pages import A4, make_pdf


def _size(png):
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.slow
def test_preview_of_the_demo_report(tmp_path, capsys):
    require_pdf_converter(documents.converter_available())
    assert cli.main(["preview", str(demo_report_path()), "-o", str(tmp_path / "png")]) == 0
    out, err = capsys.readouterr()
    written = [line for line in out.splitlines() if line]
    names = sorted(p.name for p in (tmp_path / "png").iterdir())
    assert sorted(n.rsplit("/", 1)[-1] for n in written) == names
    assert names[:2] == ["报告-01.png", "报告-02.png"]
    for annex in ("附件1-01.png", "附件2-01.png", "附件3-1-01.png", "附件3-3-01.png"):
        assert annex in names
    assert "报告：" in err and "附件3-3：1 页" in err
    width, height = _size(tmp_path / "png" / "报告-01.png")
    assert abs(width - 595.3 * 96 / 72) <= 1 and abs(height - 841.9 * 96 / 72) <= 1


def test_preview_of_a_pdf_at_a_chosen_resolution(tmp_path, capsys):
    pdf = make_pdf(tmp_path / "表.pdf", [A4, (842, 595)])
    assert cli.main(["preview", str(pdf), "-o", str(tmp_path / "o"), "--dpi", "36"]) == 0
    assert [_size(tmp_path / "o" / n) for n in ("表-01.png", "表-02.png")] == [(298, 421), (421, 298)]


@pytest.mark.parametrize("dpi", ["5", "600"])
def test_resolution_out_of_range(tmp_path, capsys, dpi):
    pdf = make_pdf(tmp_path / "a.pdf", [A4])
    assert cli.main(["preview", str(pdf), "-o", str(tmp_path / "o"), "--dpi", dpi]) == 2
    assert "--dpi 应在 10 到 300 之间" in capsys.readouterr().err


def test_without_a_converter(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(documents, "find_soffice", lambda: None)
    monkeypatch.setattr(windows, "default_dispatch", lambda: None)
    assert cli.main(["preview", str(demo_report_path()), "-o", str(tmp_path / "o")]) == 2
    assert documents.NO_PREVIEW in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_missing_file(tmp_path, capsys):
    assert cli.main(["preview", str(tmp_path / "nope.perfdesk"), "-o", str(tmp_path)]) == 2
    assert "找不到文件" in capsys.readouterr().err
