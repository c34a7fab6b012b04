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
