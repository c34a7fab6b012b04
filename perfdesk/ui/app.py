"""Application start-up (placeholder window until the GUI lands)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    label = QLabel("PerfDesk 绩效自评报告助手")
    label.resize(480, 200)
    label.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv))
