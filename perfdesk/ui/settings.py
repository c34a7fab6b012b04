"""Typed access to the settings file (QSettings, INI format, in ``config.config_dir()``).

The keys are ``config.Setting``; where the file lives is ``perfdesk.config``'s business.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from perfdesk.config import MAX_RECENT, Setting, settings_path


def settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


# --- typed accessors ------------------------------------------------------------------------
def recent_files() -> list[Path]:
    value = settings().value(Setting.RECENT_FILES, [])
    if isinstance(value, str):  # QSettings returns a lone entry as a string
        value = [value] if value else []
    return [Path(str(v)) for v in value] if isinstance(value, list) else []


def add_recent(path: Path) -> list[Path]:
    """Put ``path`` first in 最近打开 and remember its folder for the file dialogs."""
    path = Path(path).resolve()
    files = [p for p in recent_files() if p != path]
    files.insert(0, path)
    files = files[:MAX_RECENT]
    s = settings()
    s.setValue(Setting.RECENT_FILES, [str(p) for p in files])
    s.setValue(Setting.LAST_DIR, str(path.parent))
    s.sync()
    return files


def remove_recent(path: Path) -> None:
    _set_list(Setting.RECENT_FILES, [str(p) for p in recent_files() if p != Path(path)])


def clear_recent() -> None:
    _set_list(Setting.RECENT_FILES, [])


def _set_list(key: Setting, values: list[str]) -> None:
    s = settings()
    s.setValue(key, values)
    s.sync()


def get_str(key: Setting, default: str = "") -> str:
    value = settings().value(key, default)
    return str(value) if value is not None else default


def get_bool(key: Setting, default: bool = False) -> bool:
    value = settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def set_value(key: Setting, value: object) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def get_bytes(key: Setting) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) else None


def output_dir() -> str:
    return get_str(Setting.OUTPUT_FOLDER)


def set_output_dir(path: str) -> None:
    set_value(Setting.OUTPUT_FOLDER, path)


def last_template() -> str:
    return get_str(Setting.OUTPUT_TEMPLATE)


def set_last_template(name: str) -> None:
    set_value(Setting.OUTPUT_TEMPLATE, name)
