"""Application start-up: QApplication, fonts, translations, logging, crash handling, window.

Heavy libraries (docxtpl, openpyxl) are not imported here: generation imports them when
first used, so the window appears as fast as a bare Qt window.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from perfdesk import config
from perfdesk.resources import resource_path
from perfdesk.ui import dialogs

if TYPE_CHECKING:
    from perfdesk.ui.main_window import MainWindow

log = logging.getLogger("perfdesk")

UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimSun"]
BENCHMARK_FLAG = "--benchmark-startup"
LOG_MAX_BYTES = 1_000_000

_fault_file: IO[str] | None = None
_in_hook = False


def setup_logging() -> None:
    """Log to a file in the config folder; windowed builds have no stdout/stderr.

    The log is rotated at start-up (one previous file kept) rather than by
    logging.handlers, whose import costs more than the rest of this module.
    """
    root = logging.getLogger()
    path = config.log_path()
    if any(getattr(h, "baseFilename", None) == str(path.resolve()) for h in root.handlers):
        return
    try:
        if path.stat().st_size > LOG_MAX_BYTES:
            path.replace(path.with_suffix(".log.1"))
    except OSError:
        pass
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        root.addHandler(console)


def previous_fault() -> str:
    """What faulthandler wrote during the last run (a hard crash), or ''; then clears it."""
    path = config.fault_path()
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    if text:
        try:
            path.replace(path.with_suffix(".previous.log"))
        except OSError:
            pass
    return text


def enable_faulthandler() -> None:
    global _fault_file
    if _fault_file is None:
        _fault_file = open(config.fault_path(), "w", encoding="utf-8")
        faulthandler.enable(_fault_file, all_threads=True)


def disable_faulthandler() -> None:
    """Clean exit: stop, and drop the (empty) fault file so nothing is reported next time."""
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
        path = config.fault_path()
        try:
            if path.stat().st_size == 0:
                path.unlink()
        except OSError:
            pass


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    """Unexpected error: log it, autosave, and tell the user in Chinese."""
    import traceback

    global _in_hook
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unhandled exception:\n%s", details)
    if _in_hook or QApplication.instance() is None:
        return
    _in_hook = True
    try:
        window = _main_window()
        saved = False
        if window is not None:
            try:
                saved = window.autosaver.flush()
            except Exception:  # never let the hook itself fail
                log.exception("autosave in the exception hook failed")
        text = "程序遇到了意外错误。"
        if saved:
            text += "未保存的内容已自动保存，下次启动时可以恢复。"
        text += f"\n\n可以继续使用；若问题重复出现，请把日志文件发给技术支持：\n{config.log_path()}"
        dialogs.crash(window, text, details)
    finally:
        _in_hook = False


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """An exception in a worker thread: log it (the worker reports failures itself)."""
    import traceback

    details = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
    log.error("unhandled exception in thread %s:\n%s", getattr(args.thread, "name", "?"), details)


def _main_window() -> MainWindow | None:
    from perfdesk.ui.main_window import MainWindow

    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible():
            return w
    return None


def create_app(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if sys.platform == "win32":  # taskbar groups and shows PerfDesk's icon, not Python's
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("PerfDesk.PerfDesk")
        except (AttributeError, OSError):
            pass
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv)
    app.setOrganizationName(config.ORG_NAME)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName("PerfDesk 绩效自评")
    icon = resource_path("icons", "perfdesk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_font(app)
    install_translations(app)
    return app


def apply_font(app: QApplication) -> None:
    """Prefer a Chinese UI font; Qt skips the families this machine does not have."""
    font = QFont(app.font())
    font.setFamilies([*UI_FONTS, *font.families()])
    app.setFont(font)


# The texts of Qt's own dialogs that Qt's zh_CN catalogue leaves in English: the file
# dialog's labels (its catalogue has “Look in:”, but the dialog asks for “&Look in:”).
QT_GAPS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class _QtGaps(QTranslator):
    """Answers for QT_GAPS only; every other text goes on to Qt's catalogue."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return QT_GAPS.get((context, source))  # None: not ours, the next catalogue's

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QApplication) -> list[QTranslator]:
    """Chinese texts in Qt's own dialogs (file dialog, context menus): Qt's zh_CN catalogue
    (bundled, build.spec) and the few texts it lacks. The translators installed."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            installed.append(tr)
            break
    else:
        log.warning("Qt's Chinese translation not found in %s: Qt's dialogs show English", folder)
    gaps = _QtGaps(app)
    app.installTranslator(gaps)  # asked first; answers only for its own texts
    installed.append(gaps)
    return installed


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # perf_counter is a system-wide monotonic clock, so the benchmark can subtract
            # the moment it started this process (exit and teardown are not start-up).
            if sys.stdout is not None:
                print(f"FIRST-PAINT {time.perf_counter()!r}", flush=True)
            QApplication.quit()
        return False


def quit_on_first_paint(window: QWidget) -> None:
    """``--benchmark-startup``: end as soon as the first frame of the window is painted."""
    window.installEventFilter(_FirstPaint(window))


def file_argument(argv: list[str]) -> Path | None:
    for arg in argv[1:]:
        if not arg.startswith("-"):
            return Path(arg)
    return None


def run(argv: list[str]) -> int:
    """Start the GUI; ``--benchmark-startup`` quits as soon as the window is shown."""
    app = create_app(argv)
    setup_logging()
    crashed_before = previous_fault()
    enable_faulthandler()
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook

    from perfdesk.ui.main_window import MainWindow

    window = MainWindow()
    window.start(file_argument(argv))
    window.show_at_start()
    if BENCHMARK_FLAG in argv:
        quit_on_first_paint(window)
    elif crashed_before:
        QTimer.singleShot(0, lambda: dialogs.warning(
            window, "上次异常退出",
            "PerfDesk 上次运行时异常退出。若有未保存的内容，已尽量自动保存。"
            "若问题重复出现，请把下面的信息发给技术支持。", crashed_before))
    code = app.exec()
    window.autosaver.flush()  # quit without close (log-off): keep unsaved work recoverable
    disable_faulthandler()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv))
