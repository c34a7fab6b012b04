"""Entry point of the frozen PerfDesk executables (``PerfDesk`` and ``perfdesk-cli``).

Both executables run the same code as the ``perfdesk`` console script: no arguments or a
``.perfdesk`` file start the GUI, subcommands (check/render/new/import/rules) run the CLI.
In the windowed Windows build ``sys.stdout``/``sys.stderr`` are ``None``; they are pointed
at ``os.devnull`` so that ``print`` in the CLI paths or argparse cannot crash the program
(the application's own log goes to a file in its config folder).
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


if __name__ == "__main__":
    _ensure_streams()
    from perfdesk.cli import main

    sys.exit(main())
