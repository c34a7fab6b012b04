"""Packaging metadata that must agree (quick; no bundle is built)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import perfdesk

ROOT = Path(__file__).resolve().parents[2]


def test_version_has_one_value():
    """pyproject.toml feeds build.spec, the .deb and the installer; the app shows __version__."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    assert perfdesk.__version__ == version


def test_installer_and_desktop_files_agree():
    iss = (ROOT / "packaging" / "windows" / "perfdesk.iss").read_bytes()
    assert iss.startswith(b"\xef\xbb\xbf"), "Inno Setup needs the BOM to read the Chinese text"
    text = iss.decode("utf-8-sig")
    for directive in ("PrivilegesRequired=lowest", "ChangesAssociations=yes",
                      "DefaultDirName={autopf}", 'Subkey: "Software\\Classes\\.perfdesk"'):
        assert directive in text
    desktop = (ROOT / "packaging" / "linux" / "perfdesk.desktop").read_text(encoding="utf-8")
    mime = (ROOT / "packaging" / "linux" / "perfdesk-mime.xml").read_text(encoding="utf-8")
    assert "MimeType=application/x-perfdesk;" in desktop
    assert 'type="application/x-perfdesk"' in mime and 'pattern="*.perfdesk"' in mime
    for icon in ("perfdesk.png", "perfdesk.svg", "perfdesk.ico"):
        assert (ROOT / "resources" / "icons" / icon).is_file()
