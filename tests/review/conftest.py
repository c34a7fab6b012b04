"""The review folder of 44 units, built once per test session (about 20 s), and its review."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdesk.io.units_list import read_units_list
from perfdesk.review import review_folder
from perfdesk.review.results import ReviewResult
from tests.review.builder import Built, build


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("review"))


@pytest.fixture(scope="session")
def reviewed(built: Built) -> ReviewResult:
    return review_folder(built.folder, listed=read_units_list(built.units_list), jobs=2)


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``folder`` with its mtime and bytes (to prove nothing changed)."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}
