"""The ``perfdesk`` program: the desktop application, or one command of the command line.

``perfdesk`` alone or with a report file starts the GUI (``perfdesk.ui.app``); ``perfdesk
check …``, ``render …`` and the other commands run ``perfdesk.cli``. Both call the same
functions below them; only this module knows both.
"""

from __future__ import annotations

import sys

from perfdesk import cli


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = cli.gui_arguments(argv)
    if gui is None:
        return cli.main(argv)
    from perfdesk.ui.app import run

    return run([sys.argv[0], *gui])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
