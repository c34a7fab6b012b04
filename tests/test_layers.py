"""The layers point one way (model ← checks ← render ← ui/cli) and start-up stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).parents[1] / "perfdesk"

# layer -> packages it must not import
FORBIDDEN = {
    "model": ("perfdesk.checks", "perfdesk.render", "perfdesk.ui", "perfdesk.cli", "PySide6"),
    "checks": ("perfdesk.render", "perfdesk.ui", "perfdesk.cli", "PySide6", "docx", "docxtpl",
               "openpyxl"),
    "render": ("perfdesk.ui", "perfdesk.cli", "PySide6"),
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", list(FORBIDDEN))
def test_layer_does_not_import_upwards(layer: str):
    offenders = []
    for path in sorted((PKG / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PKG)} imports {name}")
    assert offenders == []


def test_qt_is_imported_only_under_ui():
    offenders = [
        str(p.relative_to(PKG))
        for p in PKG.rglob("*.py")
        if "ui" not in p.relative_to(PKG).parts[:1]
        and any(n.split(".")[0] == "PySide6" for n in _imports(p))
    ]
    assert offenders == []


def test_cli_and_render_entry_do_not_load_heavy_libraries_at_import():
    code = (
        "import sys, perfdesk.cli, perfdesk.render, perfdesk.checks;"
        "print(sorted(m for m in ('docxtpl','docx','openpyxl','jinja2','PySide6') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
