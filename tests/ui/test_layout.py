"""Every page fits at 1366×768 and 1920×1080, with the demo and with a published seed:
no widget squeezed below its minimum size (the 评分汇总 box included), nothing cut off at
the right of a page, no column hogging a table while another wraps, rows as tall as their
wrapped text; and a first start on a screen below 1440×900 opens maximised."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QScrollArea,
    QScrollBar,
    QTableView,
    QWidget,
)

from perfdesk.ui.pages import STEPS
from tests.conftest import DATA

pytestmark = pytest.mark.gui

SIZES = [(1366, 768), (1920, 1080)]
PADDING = 14  # a cell's margins round its text (the style's, and the grid line)
MAX_SHARE = 0.4


@pytest.fixture(params=["demo", "seed_004"])
def report_path(request, tmp_path):
    if request.param == "demo":
        return None  # a first start opens the demo
    path = tmp_path / f"{request.param}.perfdesk"
    shutil.copy(DATA / "seeds" / f"{request.param}.perfdesk", path)
    return path


def shown(w: QWidget, window: QWidget) -> bool:
    return w.isVisibleTo(window) and w.isVisible()


def squeezed(window: QWidget) -> list[str]:
    """Visible widgets smaller than their minimum size hint (a layout that ran out of room)."""
    out = []
    for w in window.findChildren(QWidget):
        if (not shown(w, window) or w.isWindow() or w.objectName().startswith("qt_")
                or isinstance(w, QScrollBar | QAbstractScrollArea)):
            continue  # Qt's own parts; a scroll area's hint is its scroll bars, it scrolls
        if isinstance(w.parentWidget(), QWidget) and isinstance(
                w.parentWidget().parentWidget(), QAbstractItemView):
            continue  # a cell editor: sized to its cell
        hint = w.minimumSizeHint()
        if hint.isValid() and (w.width() < hint.width() or w.height() < hint.height()):
            out.append(f"{w.objectName() or type(w).__name__} {w.size().toTuple()} "
                       f"< {hint.toTuple()} ({_text(w)})")
    return out


def _text(w: QWidget) -> str:
    text = getattr(w, "text", None)
    return str(text())[:30] if callable(text) else ""


def cut_off(window: QWidget) -> list[str]:
    """Scroll areas that scroll only up and down whose content is wider than they are."""
    out = []
    for area in window.findChildren(QScrollArea):
        content = area.widget()
        if (shown(area, window) and content is not None
                and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and content.width() > area.viewport().width()):
            out.append(f"{area.objectName() or content.objectName()}: content {content.width()}"
                       f" > {area.viewport().width()}")
    return out


def natural(view: QTableView, col: int) -> int:
    """The widest entry of a column on one line."""
    model, fm = view.model(), view.fontMetrics()
    widest = 0
    for row in range(model.rowCount()):
        text = str(model.index(row, col).data() or "")
        widest = max([widest, *(fm.horizontalAdvance(line) for line in text.splitlines())])
    return widest + PADDING if widest else 0


def hogging(window: QWidget) -> list[str]:
    """A column over 40 % of its table's width that does not need it, while another column
    of the table wraps its text; and rows shorter than their wrapped text."""
    out = []
    for view in window.findChildren(QTableView):
        model = view.model()
        if not shown(view, window) or model is None or model.columnCount() < 2:
            continue
        width = view.viewport().width()
        wraps = [c for c in range(model.columnCount())
                 if natural(view, c) > view.columnWidth(c) + 1]
        for c in range(model.columnCount()):
            if view.columnWidth(c) > MAX_SHARE * width and c not in wraps \
                    and any(o != c for o in wraps):
                head = model.headerData(c, Qt.Orientation.Horizontal)
                out.append(f"{view.parentWidget().objectName()} “{head}” "
                           f"{view.columnWidth(c)} of {width} px while "
                           f"{[model.headerData(o, Qt.Orientation.Horizontal) for o in wraps]} wrap")
        for r in range(model.rowCount()):
            if view.rowHeight(r) < view.sizeHintForRow(r) - 1:
                out.append(f"{view.parentWidget().objectName()} row {r + 1}: "
                           f"{view.rowHeight(r)} < {view.sizeHintForRow(r)} px")
    return out


def summaries(window: QWidget) -> list[str]:
    """The 评分汇总 boxes shown: their text in full (wrapped where needed)."""
    from perfdesk.ui.pages.score_text import ScoreSummaryBox

    out = []
    for box in window.findChildren(ScoreSummaryBox):
        if not shown(box, window):
            continue
        if not box.text() or box.height() < box.heightForWidth(box.width()) \
                or box.width() < box.minimumSizeHint().width():
            out.append(f"{box.objectName()} {box.size().toTuple()}: {box.text()}")
    return out


def each_view(window: Any, qtbot: Any):
    """Every page, and each of its tabs, shown in turn; yields a name for the messages."""
    for key, *_ in STEPS:
        page = window.show_page(key)
        if key == "projects":
            page.project_list.setCurrentRow(0)
        tabs = page.tabs.count() if getattr(page, "tabs", None) is not None else 1
        for t in range(tabs):
            if tabs > 1:
                page.tabs.setCurrentIndex(t)
            qtbot.wait(150)  # layouts, column fitting and row measuring settle (a frame or two)
            yield f"{key}[{t}]"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits(make_window, qtbot, report_path, size):
    window = make_window(report_path)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    problems: list[str] = []
    shown_boxes = 0
    for name in each_view(window, qtbot):
        for kind, found in (("squeezed", squeezed(window)), ("cut off", cut_off(window)),
                            ("column", hogging(window)), ("评分汇总", summaries(window))):
            problems += [f"{name} {kind}: {f}" for f in found]
        shown_boxes += name in ("indicators[0]", "projects[1]")
    assert shown_boxes == 2  # both 评分汇总 boxes were looked at
    assert not problems, "\n".join(problems)


def test_the_score_summary_wraps_instead_of_being_cut(make_window, qtbot):
    """The longest score line (总分 missing, and why) beside the project list at 1366."""
    window = make_window()
    page = window.show_page("projects")
    page.project_list.setCurrentRow(0)
    page.tabs.setCurrentIndex(1)
    for i in range(len(window.doc.report.projects[0].indicators)):
        window.doc.set_value(f"projects[0].indicators[{i}].score", None)
    box = next(b for b in page.findChildren(QWidget) if b.objectName() == "calc.project_score")
    qtbot.wait(30)
    assert "暂无法计算总分" in box.text()
    assert not summaries(window) and not cut_off(window) and not squeezed(window)


def test_table_columns_share_the_width_at_1920(make_window, qtbot):
    """What QA saw: 三级指标 took a huge column while 偏差原因 wrapped to six lines."""
    window = make_window()
    window.resize(1920, 1080)
    page = window.show_page("indicators")
    qtbot.wait(50)
    view = page.table.view
    width = view.viewport().width()
    assert view.columnWidth(2) <= MAX_SHARE * width
    reason_row = next(i for i, x in enumerate(window.doc.report.indicators) if x.deviation)
    lines = view.rowHeight(reason_row) / view.fontMetrics().lineSpacing()
    assert lines < 3, lines  # the reason reads on a line or two, not six
    assert not hogging(window)


def test_columns_refit_when_the_window_is_resized(make_window, qtbot):
    window = make_window()
    page = window.show_page("indicators")
    view = page.table.view
    qtbot.wait(30)
    narrow = [view.columnWidth(c) for c in range(view.model().columnCount())]
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: sum(view.columnWidth(c) for c in range(len(narrow)))
                    >= view.viewport().width() - 2)
    wide = [view.columnWidth(c) for c in range(len(narrow))]
    assert sum(wide) > sum(narrow)
    assert sum(wide) <= view.viewport().width() + 1  # no sideways scrolling
    assert isinstance(view, QAbstractScrollArea) and view.horizontalScrollBar().maximum() == 0


def test_a_column_the_user_drags_keeps_its_width(make_window, qtbot):
    window = make_window()
    page = window.show_page("indicators")
    view = page.table.view
    qtbot.wait(30)
    view.horizontalHeader().resizeSection(2, 300)  # as the user drags the border
    window.resize(1500, 900)
    qtbot.wait(50)
    assert view.columnWidth(2) == 300
    assert sum(view.columnWidth(c) for c in range(view.model().columnCount())) \
        <= view.viewport().width() + 1


# --- maximised on a first start on a small screen -----------------------------------------------
@pytest.mark.parametrize(("screen", "maximised"), [
    ((1366, 768), True), ((1280, 720), True), ((1440, 900), False), ((1920, 1080), False),
    ((1600, 860), True), ((1400, 1050), True),
])
def test_which_screens_open_maximised(screen, maximised):
    from perfdesk.ui.main_window import opens_maximised

    assert opens_maximised(QSize(*screen)) is maximised


START = """
import sys
from PySide6.QtWidgets import QApplication

def shown_then_quit():
    for _ in range(20):
        QApplication.processEvents()
    w = next(x for x in QApplication.topLevelWidgets() if x.objectName() == "mainWindow")
    free = w.screen().availableGeometry()
    frame = w.frameGeometry()
    print(int(w.isMaximized()), frame.width(), frame.height(), free.width(), free.height())
    if "--restore" in sys.argv:  # the user makes it smaller before closing
        w.showNormal()
        w.resize(900, 600)
        for _ in range(20):
            QApplication.processEvents()
    w.close()  # as the user closes it: the layout is saved
    return 0

QApplication.exec = staticmethod(shown_then_quit)
from perfdesk.ui import app
sys.exit(app.run(["perfdesk"]))
"""


def start(tmp_path, screen: tuple[int, int], *args: str) -> list[int]:
    """A real start of the program (``app.run``) on a screen of that size (the offscreen
    platform's screen configuration); what its window was once shown."""
    config = tmp_path / f"screen-{screen[0]}.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PERFDESK_CONFIG_DIR": str(tmp_path / "cfg")}
    done = subprocess.run([sys.executable, "-c", START, *args], env=env, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [int(x) for x in done.stdout.split()[-5:]]


def test_first_start_below_1440x900_opens_maximised_then_as_left(tmp_path):
    maximised, width, height, free_w, free_h = start(tmp_path, (1366, 768), "--restore")
    assert maximised == 1 and (width, height) == (free_w, free_h)
    maximised, width, height, *_ = start(tmp_path, (1366, 768))  # not a first start now
    assert maximised == 0 and (width, height) == (904, 604)  # as the user left it (+ frame)


def test_first_start_on_a_big_screen_opens_at_its_designed_size(tmp_path):
    maximised, width, height, *_ = start(tmp_path, (1920, 1080))
    assert maximised == 0 and (width, height) == (1284, 744)  # 1280×740 and the frame
