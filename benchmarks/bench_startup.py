"""Start-up time: process start → first frame of the main window, demo report loaded.

Compared with a bare PySide6 window shown in the same run (same interpreter, same
platform plugin), as a ratio of medians over 5 runs each, interleaved. Design target:
at most 1.3×. Each program prints ``time.perf_counter()`` (a system-wide monotonic
clock) when its first frame is painted; the time is measured from just before the
process was spawned. Process exit is reported separately: it is not start-up. Also checks that no heavy library (docxtpl, docx, openpyxl, jinja2) is
imported on the way to the first window.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "samples" / "demo.perfdesk"
TARGET = 1.3
HEAVY = ("docxtpl", "docx", "openpyxl", "jinja2", "pypdfium2")

# Both programs end when the first frame of their window has been painted.
BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"FIRST-PAINT {time.perf_counter()!r}", flush=True)
            QApplication.quit()
        return False

app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1280, 740)
w.installEventFilter(FirstPaint(w))
w.show()
app.exec()
"""

# The least any window showing this report can do in this stack: the bare window plus
# Qt's enum namespace (PySide6 builds all 93 of its Python enums on first use, and
# every real widget uses one), the document model, the demo file parsed and one label
# of text (the first text pays for the font lookup). PerfDesk can approach this, not beat it.
FLOOR = BARE.replace("w.show()", f"""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from perfdesk.io import load_report
report = load_report({str(DEMO)!r})
label = QLabel(report.unit_name + " " + str(report.year))
label.setAlignment(Qt.AlignmentFlag.AlignCenter)
w.setCentralWidget(label)
w.show()""")

PERFDESK = f"""
import sys
from perfdesk.ui.app import run
code = run(["perfdesk", "--benchmark-startup", {str(DEMO)!r}])
heavy = [m for m in {HEAVY!r} if m in sys.modules]
print("HEAVY:" + ",".join(heavy))
print("CHECKED:" + ("yes" if "perfdesk.checks.engine" in sys.modules else "no"))
sys.exit(code)
"""


def _cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: wall time only
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time(code: str, env: dict[str, str]) -> tuple[float, float, float, str]:
    """Time to the first frame, whole-process wall time and CPU time (user + system,
    to exit) of one fresh interpreter running ``code``."""
    cpu = _cpu()
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    painted = next((float(ln.split()[1]) for ln in out.stdout.splitlines()
                    if ln.startswith("FIRST-PAINT ")), None)
    if painted is None:
        raise SystemExit(f"no first frame reported:\n{out.stdout}\n{out.stderr}")
    return painted - start, wall, _cpu() - cpu, out.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ)
    # An installed program has its bytecode cached; measure that, not recompiling sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    bare: list[float] = []
    app: list[float] = []
    bare_wall: list[float] = []
    app_wall: list[float] = []
    bare_cpu: list[float] = []
    app_cpu: list[float] = []
    floor: list[float] = []
    heavy = ""
    checked = "?"
    with tempfile.TemporaryDirectory(prefix="perfdesk-bench-") as cfg:
        env["PERFDESK_CONFIG_DIR"] = cfg
        if "QT_QPA_PLATFORM" not in env:
            # A 1920×1080 screen (offscreen's default is 800×800), so that both windows get
            # the size they ask for: 1280×740.
            screen = Path(cfg) / "screen.json"
            screen.write_text('{"screens": [{"name": "s", "width": 1920, "height": 1080}]}')
            env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        _time(BARE, env)  # warm the file cache for both
        _time(PERFDESK, env)
        for _ in range(args.runs):
            t, w, c, _ = _time(BARE, env)
            bare.append(t)
            bare_wall.append(w)
            bare_cpu.append(c)
            floor.append(_time(FLOOR, env)[0])
            t, w, c, out = _time(PERFDESK, env)
            app.append(t)
            app_wall.append(w)
            app_cpu.append(c)
            heavy = next((ln[6:] for ln in out.splitlines() if ln.startswith("HEAVY:")), heavy)
            checked = next((ln[8:] for ln in out.splitlines() if ln.startswith("CHECKED:")), "?")
    b, a = statistics.median(bare), statistics.median(app)
    ratio = a / b
    print(f"bare PySide6 window : {b * 1000:6.0f} ms to first frame (median of {args.runs})")
    print(f"PerfDesk with demo  : {a * 1000:6.0f} ms to first frame (median of {args.runs})")
    print(f"ratio               : {ratio:.2f}×  (target ≤ {TARGET}×)")
    f = statistics.median(floor)
    print(f"floor for this stack: {f * 1000:6.0f} ms = {f / b:.2f}× bare (window + Qt enums + model "
          f"+ demo parsed + one label); PerfDesk is {a / f:.2f}× the floor")
    bw, aw = statistics.median(bare_wall), statistics.median(app_wall)
    print(f"whole process, to exit: {bw * 1000:.0f} ms bare, {aw * 1000:.0f} ms PerfDesk, "
          f"{aw / bw:.2f}× (includes tearing the window down)")
    if statistics.median(bare_cpu) > 0:
        cpu_ratio = statistics.median(app_cpu) / statistics.median(bare_cpu)
        print(f"CPU time to exit    : {statistics.median(bare_cpu) * 1000:.0f} ms bare, "
              f"{statistics.median(app_cpu) * 1000:.0f} ms PerfDesk, {cpu_ratio:.2f}×")
    print(f"heavy imports at start-up: {heavy or 'none'}")
    print(f"check engine loaded before the first frame: {checked} "
          "(the findings fill in right after it)")
    return 0 if ratio <= TARGET and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
