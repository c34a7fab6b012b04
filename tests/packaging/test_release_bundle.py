"""The release build from Debian 11 (packaging/linux/build_bullseye.sh): its glibc floor is the
one docs/install.md promises and its .deb depends on it.

Collected only where that build exists (tests/packaging/conftest.py): it takes 20 minutes and
root, so CI does not make it; ``build_bullseye.sh --test`` runs these tests on its output.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.test_glibc_floor import BULLSEYE_DIST, _text, check_bundle, linux_only, measure


@pytest.fixture
def bullseye_bundle() -> Path:
    return BULLSEYE_DIST / "PerfDesk"


@linux_only
def test_glibc_floor_of_the_bullseye_release(bullseye_bundle: Path):
    info, _ = check_bundle(bullseye_bundle)
    assert info["kind"] == "release-bullseye", info["kind"]


@linux_only
def test_bullseye_deb_depends_on_the_floor(bullseye_bundle: Path):
    debs = sorted(BULLSEYE_DIST.glob("perfdesk_*.deb"))
    assert debs, "dist/bullseye has the bundle but no .deb: build_bullseye.sh stopped half-way?"
    dpkg_deb = shutil.which("dpkg-deb")
    assert dpkg_deb, "dpkg-deb not found"
    depends = subprocess.run([dpkg_deb, "-f", str(debs[-1]), "Depends"], capture_output=True,
                             text=True, check=True).stdout
    floor = _text(measure(bullseye_bundle).highest["GLIBC"])
    assert f"libc6 (>= {floor})" in depends, depends
