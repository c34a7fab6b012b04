"""The help the bundle carries (build.spec): docs/user-guide.md and the images it shows,
docs/checks.md (whose sections the program shows as the rules' explanations) and the guide
as a PDF, built here from those same files (scripts/build_guide_pdf.py).

Every file must exist: a bundle without its help fails the build, not the user.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_pdf(root: Path, target: Path) -> Path:
    env = dict(os.environ)
    if sys.platform != "win32":  # a build machine without a screen
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    subprocess.run([sys.executable, str(root / "scripts" / "build_guide_pdf.py"), str(target)],
                   env=env, check=True, timeout=600)
    return target


def help_datas(root: Path, build_dir: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) of every help file; the PDF is built into build_dir."""
    sys.path.insert(0, str(root))
    from perfdesk.render import help_docs

    docs = root / "docs"
    guide = docs / help_docs.GUIDE_FILE
    pdf = build_pdf(root, build_dir / help_docs.GUIDE_PDF)
    out = [(str(guide), "docs"), (str(docs / help_docs.CHECKS_FILE), "docs"), (str(pdf), "docs")]
    for image in help_docs.images(guide.read_text(encoding="utf-8")):
        out.append((str(docs / image), "/".join(("docs", *Path(image).parent.parts))))
    missing = [src for src, _ in out if not Path(src).is_file()]
    if missing:
        raise SystemExit(f"help_files: missing {', '.join(missing)}")
    return out
