"""The Linux bundle's glibc floor, measured, against what docs/install.md promises.

The *floor* is the highest ``GLIBC_2.x`` version that any ELF file of the bundle requires
(``readelf --version-info``: the version-needs of every executable and shared library in it);
the program cannot start on an older glibc. The bundle says where it was built in
``_internal/perfdesk-build-info.json`` (packaging/perfdesk_build_info.py, called by build.spec):

- ``release-bullseye`` (packaging/linux/build_bullseye.sh, the .deb users get): the floor must
  be exactly the figure docs/install.md and the README state in bold (``**glibc ≥ 2.xx**``,
  parsed here so that docs and test cannot drift), and at most 2.31; PySide6 is the release
  pinned in packaging/linux/bullseye-constraints.txt and every platform wheel's manylinux tag is
  at or below the floor; the .deb beside it depends on ``libc6 (>= floor)``.
- ``developer`` (scripts/build_bundle.sh, and the bundle this test session builds): the floor
  and the wheel tags must not exceed the build machine's glibc, which is what docs/install.md
  says such a build needs.

The bundle the session builds (conftest.py, or ``PERFDESK_BUNDLE``) is always measured; the
bullseye release bundle ``dist/bullseye/PerfDesk`` when it has been built (its build needs root
and ~40 min, so it is not part of CI; the test skips only then).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL_MD = ROOT / "docs" / "install.md"
README = ROOT / "README.md"
CONSTRAINTS = ROOT / "packaging" / "linux" / "bullseye-constraints.txt"
BULLSEYE_DIST = ROOT / "dist" / "bullseye"
BUILD_INFO = "perfdesk-build-info.json"
# The issue's bound for the release build: Debian 11's glibc.
RELEASE_CEILING = (2, 31)

Version = tuple[int, ...]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="glibc and ELF version needs are Linux's")


def _version(text: str) -> Version:
    return tuple(int(n) for n in text.split("."))


def _text(version: Version) -> str:
    return ".".join(map(str, version))


# --- what the documents state -----------------------------------------------------------------
BOLD_FLOOR = re.compile(r"\*\*glibc ≥ (2\.\d+)\*\*")


def _readme_installing() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Installing\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README.md has no '## Installing' section"
    return match.group(1)


def stated_release_floor() -> Version:
    """The one figure that docs/install.md and README's Installing section state in bold."""
    docs = set(BOLD_FLOOR.findall(INSTALL_MD.read_text(encoding="utf-8")))
    readme = set(BOLD_FLOOR.findall(_readme_installing()))
    assert docs, "docs/install.md states no release floor as **glibc ≥ 2.xx**"
    assert readme, "README's Installing section states no release floor as **glibc ≥ 2.xx**"
    assert len(docs | readme) == 1, f"different floors stated: install.md {docs}, README {readme}"
    return _version(docs.pop())


def release_pyside6_pin() -> str:
    text = CONSTRAINTS.read_text(encoding="utf-8")
    match = re.search(r"^PySide6-Essentials==(\S+)$", text, re.M)
    assert match, f"{CONSTRAINTS.name} pins no PySide6-Essentials"
    shiboken = re.search(r"^shiboken6==(\S+)$", text, re.M)
    assert shiboken and shiboken.group(1) == match.group(1), "pin shiboken6 to the same release"
    return match.group(1)


def test_docs_and_readme_state_one_release_floor():
    floor = stated_release_floor()
    assert floor <= RELEASE_CEILING, f"a release floor above glibc {_text(RELEASE_CEILING)}"


def test_release_pin_is_named_in_the_docs_and_keeps_the_612_exclusion():
    from packaging.requirements import Requirement

    pin = release_pyside6_pin()
    with open(ROOT / "pyproject.toml", "rb") as fh:
        deps = tomllib.load(fh)["project"]["dependencies"]
    req = next(Requirement(d) for d in deps if d.lower().startswith("pyside6-essentials"))
    assert req.specifier.contains(pin), f"pin {pin} outside pyproject's {req.specifier}"
    assert not req.specifier.contains("6.12.0"), "pyproject.toml must keep excluding 6.12"
    assert f"PySide6 {pin}" in INSTALL_MD.read_text(encoding="utf-8"), (
        f"docs/install.md does not name the PySide6 release the .deb ships ({pin})")
    assert f"PySide6 {pin}" in _readme_installing(), f"README's Installing section: PySide6 {pin}"


# --- what the bundle needs --------------------------------------------------------------------
@dataclass
class Needs:
    """Highest required version per namespace (GLIBC, GLIBCXX, CXXABI) and the files needing it."""

    highest: dict[str, Version] = field(default_factory=dict)
    files: dict[str, set[str]] = field(default_factory=dict)
    elf_count: int = 0

    def add(self, namespace: str, version: Version, path: str) -> None:
        best = self.highest.get(namespace)
        if best is None or version > best:
            self.highest[namespace] = version
            self.files[namespace] = {path}
        elif version == best:
            self.files[namespace].add(path)

    def describe(self, namespace: str) -> str:
        return f"{namespace}_{_text(self.highest[namespace])} ({', '.join(sorted(self.files[namespace]))})"


_NEEDED_VERSION = re.compile(r"^\s+0x[0-9a-f]+:\s+Name: ([A-Z]+)_(\d+(?:\.\d+)+)\s+Flags:")


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def measure(bundle: Path) -> Needs:
    """Version needs (.gnu.version_r) of every ELF file, read with binutils' readelf."""
    readelf = shutil.which("readelf")
    assert readelf, "readelf not found: apt-get install binutils (scripts/setup.sh does it)"
    files = elf_files(bundle)
    assert len(files) > 10, f"only {len(files)} ELF files in {bundle}"
    proc = subprocess.run([readelf, "--version-info", "--wide", *map(str, files)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    needs = Needs(elf_count=len(files))
    current = str(files[0].relative_to(bundle))  # readelf names files only when given several
    in_needs = False
    for line in proc.stdout.splitlines():
        if line.startswith("File: "):
            current = str(Path(line[6:].strip()).relative_to(bundle))
            in_needs = False
        elif line.startswith("Version needs section"):
            in_needs = True
        elif line.startswith(("Version definition section", "Version symbols section")):
            in_needs = False
        elif in_needs and (m := _NEEDED_VERSION.match(line)):
            needs.add(m.group(1), _version(m.group(2)), current)
    assert "GLIBC" in needs.highest, "no GLIBC version needs found: is this a Linux bundle?"
    return needs


def wheel_glibc(tags: list[str]) -> Version | None:
    """The glibc a wheel needs: the lowest of its manylinux tags (None: no manylinux tag)."""
    legacy = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}
    found = []
    for tag in tags:
        platform = tag.split("-")[-1]
        if m := re.match(r"manylinux_(\d+)_(\d+)_", platform):
            found.append((int(m.group(1)), int(m.group(2))))
        elif (name := platform.split("_", 1)[0]) in legacy:
            found.append(legacy[name])
    return min(found) if found else None


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_build_info(bundle: Path) -> dict:
    path = bundle / "_internal" / BUILD_INFO
    assert path.is_file(), f"{path} missing: a bundle from before build.spec wrote it; rebuild"
    return json.loads(path.read_text(encoding="utf-8"))


def check_bundle(bundle: Path) -> tuple[dict, Needs]:
    """Every check for the bundle's own kind; returns what was read and measured."""
    info = read_build_info(bundle)
    needs = measure(bundle)
    floor = needs.highest["GLIBC"]
    print(f"\n{bundle}: {info['kind']} build on {info['os']} (glibc {info['glibc']}, "
          f"Python {info['python']}), {needs.elf_count} ELF files")
    for namespace in ("GLIBC", "GLIBCXX", "CXXABI", "GCC"):
        if namespace in needs.highest:
            print(f"  highest {needs.describe(namespace)}")
    wheels = {_norm(name): w for name, w in info["wheels"].items()}
    for name, w in sorted(wheels.items()):
        print(f"  wheel {name} {w['version']}: {', '.join(w['tags'])}")

    assert info["glibc"], "the build info records no glibc"
    host = _version(info["glibc"])
    assert floor <= host, (
        f"the bundle needs {needs.describe('GLIBC')}, more than glibc {info['glibc']} of the "
        "machine it was built on: a wheel built for a newer system was bundled")
    assert "pyside6-essentials" in wheels and "shiboken6" in wheels, sorted(wheels)
    for name, w in wheels.items():
        need = wheel_glibc(w["tags"])
        if need is not None:
            assert need <= host, f"{name} {w['version']} is tagged {w['tags']} (glibc {info['glibc']})"

    if info["kind"] == "release-bullseye":
        stated = stated_release_floor()
        assert floor <= stated, (
            f"the release bundle needs {needs.describe('GLIBC')}, but docs/install.md and the "
            f"README promise it starts on glibc {_text(stated)}")
        assert floor == stated, (
            f"the docs understate the release: they say glibc ≥ {_text(stated)}, the bundle "
            f"needs only {_text(floor)}; update docs/install.md and README (and what they say "
            "about the systems covered)")
        assert floor <= RELEASE_CEILING, needs.describe("GLIBC")
        assert "bullseye" in info["os"], info["os"]
        pin = release_pyside6_pin()
        for name in ("pyside6-essentials", "shiboken6"):
            assert wheels[name]["version"] == pin, (name, wheels[name], pin)
        for name, w in wheels.items():
            need = wheel_glibc(w["tags"])
            assert need is not None, f"{name}: not a manylinux wheel ({w['tags']}): built locally?"
            assert need <= stated, f"{name} {w['version']} needs glibc {_text(need)} ({w['tags']})"
    else:
        assert info["kind"] == "developer", info["kind"]
    return info, needs


@linux_only
@pytest.mark.slow
def test_glibc_floor_of_the_bundle(bundle: Path):
    """The bundle this session built (a developer build), or the one PERFDESK_BUNDLE names."""
    info, _ = check_bundle(bundle)
    if info["kind"] == "developer" and not os.environ.get("PERFDESK_BUNDLE"):
        here = os.confstr("CS_GNU_LIBC_VERSION").split()[1]
        assert info["glibc"] == here, "built in this session, on this machine"
