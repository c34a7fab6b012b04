"""Every report file of the format-1 corpus still opens and renders what it rendered before
the core redesign: the same findings, the same Word and Excel parts (tests/golden.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden import GOLDEN, corpus_files, key_of, outputs_of

_GOLDEN = json.loads(GOLDEN.read_text("utf-8"))
FILES = corpus_files()


def test_corpus_is_complete():
    assert len(FILES) >= 210
    assert {key_of(f) for f in FILES} == set(_GOLDEN)


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_same_outputs_as_before(path: Path):
    got, want = outputs_of(path), _GOLDEN[key_of(path)]
    assert got["findings"] == want["findings"]
    for kind in ("docx", "xlsx"):
        changed = sorted(p for p in set(got.get(kind, {})) | set(want.get(kind, {}))
                         if got.get(kind, {}).get(p) != want.get(kind, {}).get(p))
        assert not changed, f"{kind} parts differ: {changed}"
    assert got.get("render_error") == want.get("render_error")
    assert got.get("draft") == want.get("draft")


V1_FILES = sorted((GOLDEN.parent / "v1_corpus").glob("*.perfdesk"))


@pytest.mark.parametrize("path", V1_FILES, ids=[f.stem for f in V1_FILES])
def test_version_1_files_open_and_save_as_version_2(path: Path):
    from perfdesk.io import FORMAT_VERSION, dumps, load_report, loads

    assert json.loads(path.read_text("utf-8"))["version"] == 1
    report = load_report(path)
    text = dumps(report)
    assert FORMAT_VERSION == 2 and json.loads(text)["version"] == 2
    assert loads(text) == report
    saved = json.loads(text)["report"]  # identifiers, not display text
    assert {a["kind"] for a in saved["adjustments"]} <= {"add", "cut"}
    rows = [*saved["indicators"], *(i for p in saved["projects"] for i in p["indicators"])]
    assert {r["band"] for r in rows} <= {None, "met", "partial", "missed"}
    assert all(k.isascii() for k in saved["scoring"]["weights"])
    assert saved["template"].isascii() or saved["template"] == json.loads(
        path.read_text("utf-8"))["report"]["template"]  # a user template keeps its name
