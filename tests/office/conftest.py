"""The demo report written and converted once for the office tests (LibreOffice: slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdesk.io import load_report
from perfdesk.office import documents
from perfdesk.office.pdf import find_soffice
from perfdesk.render import render_all
from perfdesk.resources import demo_report_path
from tests.conftest import require_pdf_converter


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("demo-out")
    return render_all(load_report(demo_report_path()), out).files


@pytest.fixture(scope="session")
def demo_docs(demo_files: list[Path], tmp_path_factory: pytest.TempPathFactory
              ) -> list[documents.PrintDoc]:
    require_pdf_converter(find_soffice() is not None)
    return documents.prepare(demo_files, tmp_path_factory.mktemp("demo-preview"))
