"""Shared fixtures. Qt runs offscreen; settings and autosave go to a temp folder."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from perfdesk.io import load_report
from perfdesk.model import Report
from perfdesk.resources import demo_report_path

DATA = Path(__file__).parent / "data"
UI_TESTS = Path(__file__).parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Qt widgets is a ``gui`` test (``-m "not gui"`` runs the core)."""
    for item in items:
        uses_qt = "qtbot" in getattr(item, "fixturenames", ())
        if uses_qt or UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.gui)

_demo_cache: dict[str, Report] = {}


@pytest.fixture
def demo() -> Report:
    """A fresh copy of the bundled demo report (loaded once per session)."""
    if "demo" not in _demo_cache:
        _demo_cache["demo"] = load_report(demo_report_path())
    return copy.deepcopy(_demo_cache["demo"])


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep QSettings, autosave and recent files out of the user's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PERFDESK_CONFIG_DIR", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    yield


def require_pdf_converter(available: bool, what: str = "LibreOffice (soffice)") -> None:
    """Skip on a developer machine without the converter; in CI it must be there (.ci/run
    installs it), so its absence fails instead of silently skipping the PDF tests."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing on CI; scripts/setup.sh should have installed it")
    pytest.skip(f"{what} is not installed")


@pytest.fixture
def virtual_printer(monkeypatch: pytest.MonkeyPatch):
    """A private CUPS with a virtual PDF printer (tests/cups_server.py), CUPS_SERVER set to
    it. Skipped on a developer machine without CUPS; on CI its absence fails."""
    from tests import cups_server

    why = cups_server.missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"virtual printer unavailable on CI: {why}")
        pytest.skip(why)
    printer = cups_server.start()
    monkeypatch.setenv("CUPS_SERVER", printer.server)
    yield printer
    printer.stop()


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The demo report's Word report and 附件 workbook, written once."""
    from perfdesk.render import render_all

    out = tmp_path_factory.mktemp("demo-out")
    return render_all(load_report(demo_report_path()), out).files


@pytest.fixture(scope="session")
def demo_docs(demo_files: list[Path], tmp_path_factory: pytest.TempPathFactory):
    """The demo's documents as the preview shows them (LibreOffice: slow), made once."""
    from perfdesk.office import documents
    from perfdesk.office.pdf import find_soffice

    require_pdf_converter(find_soffice() is not None)
    return documents.prepare(demo_files, tmp_path_factory.mktemp("demo-preview"))
