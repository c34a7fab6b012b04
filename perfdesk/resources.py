"""Where bundled files live: the source tree, or PyInstaller's unpack folder (sys._MEIPASS).

The one place that knows; everything else asks ``resource_path``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def base_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (demo report, indicator library, icons, table profiles)."""
    return base_dir().joinpath("resources", *parts)


def template_dir() -> Path:
    """The bundled report templates (``templates/``)."""
    return base_dir() / "templates"


def demo_report_path() -> Path:
    return resource_path("samples", "demo.perfdesk")


def doc_path(*parts: str) -> Path:
    """A bundled document under ``docs/``: the user guide, the check catalogue, its images."""
    return base_dir().joinpath("docs", *parts)


def is_bundled(path: Path) -> bool:
    """Whether ``path`` lies in the program's own files (the demo, templates, docs): a file
    there is opened as an example and never saved over."""
    try:
        real = path.resolve()
    except OSError:
        return False
    return any(real.is_relative_to(folder.resolve())
               for folder in (resource_path(), template_dir(), doc_path()))
