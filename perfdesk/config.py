"""Where PerfDesk keeps its things, and the names of its settings. No Qt, no heavy imports.

One config folder per user: ``$PERFDESK_CONFIG_DIR`` when set (the tests set it per test),
otherwise ``%APPDATA%\\PerfDesk`` on Windows and ``$XDG_CONFIG_HOME/perfdesk`` (default
``~/.config/perfdesk``) elsewhere. It holds the settings (an INI file, easy to inspect,
back up or delete), the log, the recovery copies and the user's own templates.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

APP_NAME = "PerfDesk"
ORG_NAME = "PerfDesk"
ENV_CONFIG = "PERFDESK_CONFIG_DIR"
ENV_TEMPLATES = "PERFDESK_TEMPLATES_DIR"
MAX_RECENT = 8


class Setting(StrEnum):
    """Keys of the settings file: every key the program reads or writes is here."""

    FIRST_RUN_DONE = "app/first_run_done"
    RECENT_FILES = "recent/files"
    LAST_DIR = "files/last_dir"
    WINDOW_GEOMETRY = "window/geometry"
    WINDOW_STATE = "window/state"
    OUTPUT_FOLDER = "output/folder"
    OUTPUT_TEMPLATE = "output/template"
    OUTPUT_WORD = "output/word"
    OUTPUT_EXCEL = "output/excel"
    OUTPUT_SEPARATE = "output/separate"
    OUTPUT_PDF = "output/pdf"
    OUTPUT_EXISTING = "output/existing"  # files from an earlier run: "ask", "keep" or "overwrite"


def config_dir(*, create: bool = True) -> Path:
    """PerfDesk's per-user folder (created on first use unless ``create`` is False)."""
    override = os.environ.get(ENV_CONFIG)
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        path = Path(base) / APP_NAME
    else:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        path = Path(base) / "perfdesk"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    return config_dir() / "perfdesk.ini"


def log_path() -> Path:
    return config_dir() / "perfdesk.log"


def fault_path() -> Path:
    return config_dir() / "faulthandler.log"


def recovery_dir() -> Path:
    return config_dir() / "recovery"


def user_template_dirs() -> list[Path]:
    """Folders searched for the user's own templates: ``$PERFDESK_TEMPLATES_DIR`` (several,
    separated like PATH), then ``templates`` in the config folder."""
    dirs: list[Path] = []
    env = os.environ.get(ENV_TEMPLATES)
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    dirs.append(config_dir(create=False) / "templates")
    return dirs
