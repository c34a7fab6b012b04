"""Build the user guide's PDF (A4; the guide, then every rule's explanation):

    .venv/bin/python scripts/build_guide_pdf.py OUT.pdf

Qt lays it out offscreen from docs/user-guide.md and docs/checks.md
(perfdesk/ui/help/pdf.py); build.spec runs this through packaging/help_files.py, so the
bundle carries the PDF of the very docs it ships.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from perfdesk.ui.help.pdf import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
