"""``perfdesk review FOLDER [-o 汇总.xlsx] [--units 名单.xlsx] [--json] [--jobs N]``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.slow


def _run(*args):
    return subprocess.run([sys.executable, "-m", "perfdesk", "review", *map(str, args)],
                          capture_output=True, text=True, check=False, timeout=300)


def test_review_command_json_and_rollup(built, tmp_path):
    out = tmp_path / "汇总.xlsx"
    proc = _run(built.folder, "-o", out, "--units", built.units_list, "--json", "--jobs", "2")
    assert proc.returncode == 1, proc.stderr  # some units have errors
    doc = json.loads(proc.stdout)
    assert [m["name"] for m in doc["missing"]] == built.missing
    assert len(doc["units"]) == len(built.units)
    assert {u["file"] for u in doc["unreadable"]} == set(built.unreadable)
    unit = next(u for u in doc["units"] if any(f["id"] == "R-X01" for f in u["findings"]))
    assert unit["summary"]["total"] is not None and unit["files"]
    rows = list(load_workbook(out)["单位汇总"].iter_rows(values_only=True))
    assert any(r[1] == built.missing[0] for r in rows)


def test_review_command_text_and_bad_folder(built, tmp_path):
    proc = _run(built.folder, "--jobs", "1")
    assert "未报送" not in proc.stdout  # no list given
    assert "审核完成：" in proc.stdout.splitlines()[-1]
    bad = _run(tmp_path / "不存在")
    assert bad.returncode == 2 and "不是文件夹" in bad.stderr
