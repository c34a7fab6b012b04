"""PyInstaller run-time hook for PerfDesk (runs before perfdesk_main.py in the frozen app).

On Linux the bootloader points ``LD_LIBRARY_PATH`` at the bundle (keeping the user's value
in ``LD_LIBRARY_PATH_ORIG``). The dynamic loader of this process has already read it, so
restoring the original value here changes nothing for PerfDesk itself, but the programs it
starts — LibreOffice for PDF and printing, WPS/LibreOffice/the file manager through
"open file" (xdg-open) — no longer load the bundle's copies of ICU, zlib, expat or Python
instead of their own. See PyInstaller's "Common Issues and Pitfalls: Launching external
programs from the Frozen Application".
"""

import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    _orig = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if _orig is not None:
        os.environ["LD_LIBRARY_PATH"] = _orig
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
