"""Entry point of the frozen PerfDesk executables (``PerfDesk`` and ``perfdesk-cli``).

Both executables run the same code as the ``perfdesk`` console script: no arguments or a
``.perfdesk`` file start the GUI, subcommands (check/render/new/import/rules) run the CLI.

In the windowed Windows build ``sys.stdout``/``sys.stderr`` are ``None``; they are pointed
at ``os.devnull`` so that ``print`` in the CLI paths or argparse cannot crash the program
(the application's own log goes to a file in its config folder).

``PERFDESK_QUIT_AFTER_SHOW=1`` (hidden, for the frozen smoke test and the start-up benchmark):
once the GUI's event loop is running, print ``PERFDESK_SHOWN <titles>`` for the visible
top-level windows and quit with exit code 0 (3 if no window is visible). It wraps
``QApplication.exec``, so the real start-up path in ``perfdesk.ui.app.run`` is what runs.
If the main loop never starts (a modal message box at start-up), it exits with code 4 after
``PERFDESK_QUIT_AFTER_SHOW_TIMEOUT`` seconds (default 60).
"""

from __future__ import annotations

import os
import sys
import threading

QUIT_AFTER_SHOW = "PERFDESK_QUIT_AFTER_SHOW"


def _ensure_streams() -> None:
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def _install_quit_after_show() -> None:
    from PySide6.QtCore import QCoreApplication, QTimer  # noqa: TID251 - test hook
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    original_exec = QApplication.exec

    def give_up() -> None:  # e.g. a modal message box before the main loop: never hang
        print("PERFDESK_TIMEOUT no main event loop within "
              f"{timeout:.0f} s", file=sys.stderr, flush=True)
        os._exit(4)

    timeout = float(os.environ.get("PERFDESK_QUIT_AFTER_SHOW_TIMEOUT", "60"))
    watchdog = threading.Timer(timeout, give_up)
    watchdog.daemon = True
    watchdog.start()

    def report_and_quit() -> None:
        watchdog.cancel()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        titles = [w.windowTitle() or type(w).__name__ for w in shown]
        print("PERFDESK_SHOWN", " | ".join(titles), flush=True)
        # Qt's own strings (file dialogs, context menus) in Chinese: the translations loaded
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        print("PERFDESK_QT_TRANSLATION", f"Cancel={cancel}", flush=True)
        QApplication.exit(0 if shown else 3)

    def exec_then_quit(*_args: object) -> int:
        QTimer.singleShot(0, report_and_quit)
        return original_exec()

    QApplication.exec = exec_then_quit  # type: ignore[method-assign]


def main() -> int:
    # The reviewer's desk reads files in spawned worker processes: in the frozen program a
    # worker starts this executable again, and freeze_support() turns it into the worker.
    import multiprocessing

    multiprocessing.freeze_support()
    _ensure_streams()
    if os.environ.get(QUIT_AFTER_SHOW) == "1":
        _install_quit_after_show()
    from perfdesk.launch import main as launch_main

    return launch_main()


if __name__ == "__main__":
    sys.exit(main())
