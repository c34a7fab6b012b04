"""python-calamine against xlrd for the unit's .xls tables: speed, merged ranges, formats.

Run: .venv/bin/python benchmarks/bench_workbook.py   (makes a large .xls with LibreOffice)

Prints medians of repeated reads of (1) a real-sized 决算 workbook (9 sheets, the sample set
B) and (2) a large one (one sheet of 5,000 × 20 cells), each library reading every sheet's
values and merged ranges, and what each library reads at all (.xls / .xlsx / merged cells).
xlrd is measured only here (it is not a dependency of PerfDesk).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "tables" / "b_hubei_2023_决算_元.xls"


def calamine_read(path: Path) -> tuple[int, int]:
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_path(str(path))
    cells = merges = 0
    for name in wb.sheet_names:
        sh = wb.get_sheet_by_name(name)
        cells += sum(len(r) for r in sh.to_python())
        merges += len(sh.merged_cell_ranges or [])
    wb.close()
    return cells, merges


def xlrd_read(path: Path) -> tuple[int, int]:
    import xlrd

    wb = xlrd.open_workbook(str(path), formatting_info=True)  # merged cells need it
    cells = merges = 0
    for sh in wb.sheets():
        cells += sum(len(sh.row_values(r)) for r in range(sh.nrows))
        merges += len(sh.merged_cells)
    wb.release_resources()
    return cells, merges


def median_ms(fn, path: Path, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn(path)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def large_xls(folder: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in range(5000):
        ws.append([f"科目{r}", *[r * 1.25 + c for c in range(19)]])
    for r in range(1, 5000, 10):
        ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    src = folder / "large.xlsx"
    wb.save(src)
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xls", "--outdir", str(folder),
                    str(src)], check=True, capture_output=True, timeout=300)
    return folder / "large.xls"


def main() -> int:
    import importlib.metadata as md
    import importlib.util

    if importlib.util.find_spec("xlrd") is None:
        print("xlrd is not installed (it is not a PerfDesk dependency): .venv/bin/pip install xlrd", file=sys.stderr)
        return 2

    print(f"python-calamine {md.version('python-calamine')}, xlrd {md.version('xlrd')}")
    with tempfile.TemporaryDirectory() as tmp:
        big = large_xls(Path(tmp))
        for label, path, n in (("决算 workbook (9 sheets)", SAMPLE, 50), ("5,000 × 20 cells", big, 7)):
            c, x = calamine_read(path), xlrd_read(path)
            assert c[1] == x[1], (c, x)  # the same merged ranges
            tc, tx = median_ms(calamine_read, path, n), median_ms(xlrd_read, path, n)
            print(f"{label}: calamine {tc:.1f} ms, xlrd {tx:.1f} ms ({tx / tc:.1f}×); "
                  f"{c[1]} merged ranges both")
        try:
            xlrd_read(ROOT / "tests" / "data" / "tables" / "a_hunan_2024_决算_万元.xlsx")
            print("xlrd reads .xlsx")
        except Exception as exc:  # xlrd 2 refuses .xlsx by design
            print(f"xlrd on .xlsx: {type(exc).__name__}: {exc}")
        print(f"calamine on .xlsx: {calamine_read(ROOT / 'tests' / 'data' / 'tables' / 'a_hunan_2024_决算_万元.xlsx')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
