"""Where PerfDesk keeps its settings, recovery file and logs; typed accessors for QSettings.

Everything lives in one config folder: ``$PERFDESK_CONFIG_DIR`` when set (tests set it per
test), otherwise %APPDATA%\\PerfDesk on Windows and ~/.config/perfdesk elsewhere. Settings
are an INI file there, so they are easy to inspect, back up or delete.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORG_NAME = "PerfDesk"
APP_NAME = "PerfDesk"
MAX_RECENT = 8


def config_dir() -> Path:
    """PerfDesk's per-user folder: settings, log, recovery files and user templates.

    The same folder as perfdesk.render.templates.user_config_dir() (kept in step by hand:
    importing perfdesk.render here would load the check engine at start-up).
    """
    env = os.environ.get("PERFDESK_CONFIG_DIR")
    if env:
        path = Path(env)
    elif sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        path = Path(base) / "PerfDesk"
    else:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        path = Path(base) / "perfdesk"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings() -> QSettings:
    return QSettings(str(config_dir() / "perfdesk.ini"), QSettings.Format.IniFormat)


def log_path() -> Path:
    return config_dir() / "perfdesk.log"


def fault_path() -> Path:
    return config_dir() / "faulthandler.log"


# --- typed accessors ------------------------------------------------------------------------
def recent_files() -> list[Path]:
    value = settings().value("recent/files", [])
    if isinstance(value, str):  # QSettings returns a lone entry as a string
        value = [value] if value else []
    return [Path(v) for v in value or []]


def add_recent(path: Path) -> list[Path]:
    """Put ``path`` first in 最近打开 and remember its folder for the file dialogs."""
    path = Path(path).resolve()
    files = [p for p in recent_files() if p != path]
    files.insert(0, path)
    files = files[:MAX_RECENT]
    s = settings()
    s.setValue("recent/files", [str(p) for p in files])
    s.setValue("files/last_dir", str(path.parent))
    s.sync()
    return files


def remove_recent(path: Path) -> None:
    _set_list("recent/files", [str(p) for p in recent_files() if p != Path(path)])


def clear_recent() -> None:
    _set_list("recent/files", [])


def _set_list(key: str, values: list[str]) -> None:
    s = settings()
    s.setValue(key, values)
    s.sync()


def get_str(key: str, default: str = "") -> str:
    value = settings().value(key, default)
    return str(value) if value is not None else default


def get_bool(key: str, default: bool = False) -> bool:
    value = settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def set_value(key: str, value: object) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def get_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) else None


def output_dir() -> str:
    return get_str("output/folder")


def set_output_dir(path: str) -> None:
    set_value("output/folder", path)


def last_template() -> str:
    return get_str("output/template")


def set_last_template(name: str) -> None:
    set_value("output/template", name)
