"""Screenshots of the form pages with the demo report at 1366×768.

Always grabs into a temporary folder and checks the images are sane. To refresh the
pictures in docs/images (ui-basic.png …), run:

    PERFDESK_PAGE_SHOTS=docs/images .venv/bin/python -m pytest tests/ui/test_pages_screens.py

Each page is shown inside the real main window when it can be built (that is what users
see), otherwise on its own at 1366×768.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages import STEPS, page_class

pytestmark = pytest.mark.gui

SIZE = (1366, 768)
MINE = {"basic": "ui-basic.png", "budget": "ui-budget.png", "projects": "ui-projects.png",
        "indicators": "ui-indicators.png", "narrative": "ui-narrative.png",
        "problems": "ui-problems.png"}
MAX_BYTES = 200_000


def _save(widget: QWidget, path: Path) -> None:
    for _ in range(3):
        QApplication.processEvents()
    image = widget.grab().toImage()
    # 256 colours keep a form under ~100 KB with crisp text
    image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                  Qt.ImageConversionFlag.ThresholdDither
                                  | Qt.ImageConversionFlag.AvoidDither)
    assert image.save(str(path), "PNG", 0)


def grab_pages(out_dir: Path, report) -> list[Path]:
    """Write one PNG per form page into ``out_dir``; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = DocumentController(report)
    written: list[Path] = []
    try:
        from perfdesk.ui.main_window import MainWindow

        window: QWidget | None = MainWindow(doc)
    except Exception:  # the shell is not there (or broken): pages on their own
        window = None
    if window is not None:
        window.resize(*SIZE)
        window.show()
        for key, name in MINE.items():
            window.show_page(key)  # type: ignore[attr-defined]
            _save(window, out_dir / name)
            written.append(out_dir / name)
        window.close()
        window.deleteLater()
        return written
    for key, _title, module, cls in STEPS:
        if key not in MINE:
            continue
        klass = page_class(module, cls)
        page = klass(doc)
        page.resize(*SIZE)
        page.show()
        _save(page, out_dir / MINE[key])
        written.append(out_dir / MINE[key])
        page.close()
    return written


def test_page_screenshots(qtbot, demo, tmp_path):
    out = Path(os.environ.get("PERFDESK_PAGE_SHOTS") or tmp_path)
    paths = grab_pages(out, demo)
    assert len(paths) == 6
    for path in paths:
        assert path.exists() and 5_000 < path.stat().st_size <= MAX_BYTES, path
        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE
