"""Screenshots of every page with the demo report: ``python -m perfdesk.ui.screenshots OUTDIR``.

Runs offscreen at 1366×768 (a common office laptop) and at 1920×1080 (a desktop monitor)
and writes one PNG per wizard step (``ui-<key>.png``; ``ui-<key>-1920.png``), the main
window (``ui-main.png``) and the findings panel with a few deliberate mistakes
(``ui-findings.png``). PNGs are saved with 256 colours to stay small.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)
SIZES = {SIZE: "", (1920, 1080): "-1920"}  # size → file name suffix


def take(out_dir: Path, size: tuple[int, int] = SIZE, suffix: str = "") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A throwaway config folder: no first-run state, recent files or recovery of the user's.
    os.environ["PERFDESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="perfdesk-shots-")

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from perfdesk.resources import demo_report_path
    from perfdesk.ui.app import create_app
    from perfdesk.ui.main_window import MainWindow
    from perfdesk.ui.pages import STEPS

    app = create_app([sys.argv[0]])
    window = MainWindow()
    window.files.open_path(demo_report_path(), ask=False, demo=True)
    window.banner.show()
    window.resize(*size)
    window.show()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out_dir / f"ui-{name}{suffix}.png"
        image = window.grab().toImage()
        # 256 colours keep a screenshot of a form under ~100 KB with crisp text.
        image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                      Qt.ImageConversionFlag.ThresholdDither
                                      | Qt.ImageConversionFlag.AvoidDither)
        image.save(str(path), "PNG", 0)  # type: ignore[call-overload]  # (file, format, quality): the stubs miss it
        written.append(path)

    for key, *_ in STEPS:
        page = window.show_page(key)
        if key == "generate":
            _generate(page, Path(tempfile.mkdtemp(prefix="perfdesk-shots-out-")))
        shot(key)
    window.show_page("basic")
    shot("main")
    # The findings panel with a few deliberate mistakes (in memory only, never saved).
    _break_a_few_things(window)
    findings = window.findings.findings_shown()
    if findings:
        window.go_to_finding(findings[0])
        item = window.findings.item_for(findings[0].rule)
        if item is not None:
            window.findings.tree.setCurrentItem(item)
    window.resizeDocks([window.findings_dock], [230], Qt.Orientation.Vertical)
    shot("findings")
    window.doc.undo_stack.setClean()
    window.files.is_demo = False
    window.close()
    QApplication.processEvents()
    return written


def _generate(page: object, folder: Path) -> None:
    """Show the page after a real generation: the files, the status, the buttons enabled,
    the preview of the pages."""
    from PySide6.QtCore import QEventLoop, QTimer

    page.folder.setText(str(folder))  # type: ignore[attr-defined]
    page.pdf.setChecked(False)  # type: ignore[attr-defined]
    loop = QEventLoop()
    page.generation_finished.connect(lambda _result: loop.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(120_000, loop.quit)
    if page.generate():  # type: ignore[attr-defined]
        loop.exec()
    if page.preview_service.busy:  # type: ignore[attr-defined]
        # and the page preview, where this machine converts (LibreOffice)
        preview = QEventLoop()
        page.preview_ready.connect(preview.quit)  # type: ignore[attr-defined]
        page.preview_service.failed.connect(lambda _m: preview.quit())  # type: ignore[attr-defined]
        QTimer.singleShot(120_000, preview.quit)
        preview.exec()


def _break_a_few_things(window: object) -> None:
    from decimal import Decimal

    doc = window.doc  # type: ignore[attr-defined]
    r = doc.report
    if r.basic.personnel.actual is not None and r.basic.public.actual is not None:
        doc.set_value("declared.basic.actual",
                      r.basic.personnel.actual + r.basic.public.actual + Decimal("100"))
    if r.problems:
        doc.set_value("problems[0].measure", "")
    if r.indicators and r.indicators[0].weight is not None:
        doc.set_value("indicators[0].score", r.indicators[0].weight + 1)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("用法：python -m perfdesk.ui.screenshots 输出文件夹", file=sys.stderr)
        return 2
    for size, suffix in SIZES.items():
        for path in take(Path(argv[1]), size, suffix):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
