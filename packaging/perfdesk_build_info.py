"""Write ``_internal/perfdesk-build-info.json`` into a freshly built bundle (called by build.spec).

It records where the bundle was built, so that tests/packaging/test_glibc_floor.py can hold the
bundle's measured glibc floor against what docs/install.md promises for that kind of build:

- ``kind``: ``PERFDESK_BUILD_KIND`` — ``release-bullseye`` for packaging/linux/build_bullseye.sh
  (the .deb that is shipped), ``developer`` otherwise (scripts/build_bundle.sh, the test suite);
- ``glibc``: the build machine's C library (``"2.36"``; ``null`` where there is no glibc);
- ``os``: the build machine's ``/etc/os-release`` name, ``python``: the interpreter's version;
- ``wheels``: name, version and wheel tags of every installed distribution that is not pure
  Python (PySide6-Essentials, shiboken6, lxml, MarkupSafe, PyInstaller's bootloader …).

The file is data only; nothing in PerfDesk reads it at run time.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

FILE_NAME = "perfdesk-build-info.json"
KINDS = ("developer", "release-bullseye")


def _glibc() -> str | None:
    try:
        text = os.confstr("CS_GNU_LIBC_VERSION")  # "glibc 2.36"
    except (AttributeError, ValueError, OSError):
        return None
    if not text or not text.startswith("glibc "):
        return None
    return text.split()[1]


def _os_name() -> str:
    try:
        return platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        return platform.platform()


def _binary_wheels() -> dict[str, dict[str, object]]:
    """Distributions installed from a platform wheel (any tag whose platform is not ``any``)."""
    wheels: dict[str, dict[str, object]] = {}
    for dist in metadata.distributions():
        text = dist.read_text("WHEEL") or ""  # absent: not installed from a wheel
        tags = [value.strip() for key, _, value in
                (line.partition(":") for line in text.splitlines()) if key.strip() == "Tag"]
        if any(not tag.endswith("-any") for tag in tags):
            wheels[dist.metadata["Name"]] = {"version": dist.version, "tags": tags}
    return dict(sorted(wheels.items(), key=lambda kv: kv[0].lower()))


def build_info() -> dict[str, object]:
    kind = os.environ.get("PERFDESK_BUILD_KIND", "developer")
    if kind not in KINDS:
        raise SystemExit(f"PERFDESK_BUILD_KIND={kind!r}: expected one of {', '.join(KINDS)}")
    return {
        "kind": kind,
        "platform": sys.platform,
        "machine": platform.machine(),
        "os": _os_name(),
        "glibc": _glibc(),
        "python": platform.python_version(),
        "python_build": sys.version.replace("\n", " "),
        "wheels": _binary_wheels(),
    }


def write_build_info(internal_dir: Path) -> Path:
    """Write the file into the bundle's ``_internal`` folder and return its path."""
    path = Path(internal_dir) / FILE_NAME
    path.write_text(json.dumps(build_info(), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path


if __name__ == "__main__":  # print what a build here would record
    print(json.dumps(build_info(), indent=2, ensure_ascii=False))
