"""Golden outputs: what each report file of the fixed corpus renders to, part by part.

Captured once with the format-1 program (``python -m tests.golden capture``) before the
core redesign, and compared by ``tests/test_golden.py`` ever after: every version-1 file
still opens, and its Word report, its Excel 附件 and its findings are the same. Parts are
compared by their bytes after removing what legitimately changes from run to run (the
created/modified dates in ``docProps/core.xml``); zip metadata is ignored.

A deliberate change of output (a fixed defect) re-captures with ``capture --only NAME`` and
says why in its commit.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "v1_corpus"
GOLDEN = ROOT / "tests" / "data" / "golden_outputs.json"

FIXED_FILES = [
    ROOT / "resources" / "samples" / "demo.perfdesk",
    *sorted((ROOT / "tests" / "data" / "seeds").glob("*.perfdesk")),
    *sorted((ROOT / "tests" / "data" / "faulty").glob("*.perfdesk")),
]

_CORE_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def corpus_files() -> list[Path]:
    return [*FIXED_FILES, *sorted(CORPUS.glob("*.perfdesk"))]


def key_of(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def part_digests(path: Path) -> dict[str, str]:
    """sha256 of every part of an Office file, core.xml without its dates."""
    out: dict[str, str] = {}
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            data = z.read(name)
            if name == "docProps/core.xml":
                data = _CORE_DATES.sub(b"", data)
            out[name] = hashlib.sha256(data).hexdigest()[:16]
    return out


def outputs_of(report_file: Path) -> dict[str, Any]:
    """What one report file gives today: findings, the .docx parts, the .xlsx parts."""
    from perfdesk.checks import check
    from perfdesk.io import load_report
    from perfdesk.render import render_all

    report = load_report(report_file)
    from perfdesk.render.templates import traits_of

    findings = check(report, traits_of)
    result: dict[str, Any] = {
        "findings": [[f.rule, str(f.severity), f.message, list(f.paths)] for f in findings],
    }
    with tempfile.TemporaryDirectory() as tmp:
        try:
            rendered = render_all(report, tmp, findings=findings)
        except Exception as exc:  # an output failure is an output too
            result["render_error"] = f"{type(exc).__name__}: {exc}"
            return result
        for f in rendered.files:
            result[f.suffix.lstrip(".")] = part_digests(f)
        result["draft"] = rendered.draft
    return result


def capture(only: list[str] | None = None) -> None:
    golden: dict[str, Any] = json.loads(GOLDEN.read_text("utf-8")) if GOLDEN.exists() else {}
    for f in corpus_files():
        key = key_of(f)
        if only and key not in only and f.stem not in only:
            continue
        golden[key] = outputs_of(f)
    GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                      "utf-8")
    print(f"{len(golden)} files captured in {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["capture"]:
        rest = args[1:]
        capture(rest[1:] if rest[:1] == ["--only"] else None)
    else:
        print("usage: python -m tests.golden capture [--only NAME ...]")
        sys.exit(2)
