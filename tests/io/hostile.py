"""Hostile workbooks for the guarded reader, written byte by byte (no Python writer that
would refuse to make them), and a runner that opens one in a subprocess with an
address-space limit and a timeout, so a reader that blows up cannot take the test run down."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
       '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
       'main+xml"/>{sheets}</Types>')
_SHEET_CT = ('<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.worksheet+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def sheet_xml(rows: str = "", merges: str = "") -> str:
    merge = f'<mergeCells count="1">{merges}</mergeCells>' if merges else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><sheetData>{rows}</sheetData>{merge}</worksheet>'


def xlsx(path: Path, sheets: list[str], *, workbook: str | None = None, names: list[str] | None = None) -> Path:
    """A minimal .xlsx with the given worksheet XML (or a broken workbook.xml)."""
    n = len(sheets)
    names = names or [f"Sheet{i + 1}" for i in range(n)]
    wb = workbook or (f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} {_R}><sheets>'
                      + "".join(f'<sheet name="{names[i]}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(n))
                      + "</sheets></workbook>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
                      f'2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))
            + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT.format(sheets="".join(_SHEET_CT.format(n=i + 1) for i in range(n))))
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", wb)
        zf.writestr("xl/_rels/workbook.xml.rels", rels)
        for i, s in enumerate(sheets):
            zf.writestr(f"xl/worksheets/sheet{i + 1}.xml", s)
    return path


def many_sheets(path: Path, n: int) -> Path:
    """n sheets sharing one tiny worksheet part (the directory is what costs)."""
    return xlsx(path, [sheet_xml()] * n)


def huge_sheet(path: Path, cells: int) -> Path:
    """One sheet with ``cells`` numeric cells, 1,000 a row, written in pieces."""
    width = 1000
    parts = []
    for r in range(cells // width):
        parts.append(f'<row r="{r + 1}">' + "<c><v>1</v></c>" * width + "</row>")
    return xlsx(path, [sheet_xml("".join(parts))])


def run_limited(code: str, *, memory: int = 1536 * 1024 * 1024, timeout: float = 60) -> dict[str, object]:
    """Run ``code`` (which prints one JSON line) in a fresh interpreter under RLIMIT_AS."""
    prelude = (f"import resource, sys, json; sys.path.insert(0, {str(ROOT)!r}); "
               f"resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))\n")
    proc = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


READ = """
import time
from perfdesk.io.workbook import read_workbook, WorkbookError
t = time.perf_counter()
try:
    wb = read_workbook(sys.argv[1] if len(sys.argv) > 1 else {path!r})
    out = {{"ok": True, "sheets": len(wb.sheets)}}
except WorkbookError as exc:
    out = {{"ok": False, "message": exc.message}}
out["seconds"] = time.perf_counter() - t
print(json.dumps(out, ensure_ascii=False))
"""

IMPORT = """
import time
from perfdesk.io.excel_import import import_workbook, ImportProblem
t = time.perf_counter()
try:
    report, problems = import_workbook({path!r})
    out = {{"ok": True, "problems": [str(p) for p in problems]}}
except ImportProblem as exc:
    out = {{"ok": False, "message": exc.message}}
out["seconds"] = time.perf_counter() - t
print(json.dumps(out, ensure_ascii=False))
"""
