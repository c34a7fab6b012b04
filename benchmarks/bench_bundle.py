"""Bundle budgets: size of dist/PerfDesk on disk and compressed, frozen vs source start-up.

Size on disk is the sum of file sizes (and ``du``-style allocated blocks); compressed is a
zip (deflate) and a tar.xz (LZMA, like Inno Setup's lzma2 compression) of the folder, the
proxy for the installer / .deb size. Start-up is process start → main window shown with the
demo report (offscreen, ``PERFDESK_QUIT_AFTER_SHOW=1``), frozen executable against the same
entry point run from source by the venv's Python, interleaved, median of 5, in the same run.

Targets: ≤ 120 MB on disk, ≤ 45 MB compressed, frozen start ≤ 1.2× source.

    .venv/bin/python benchmarks/bench_bundle.py [--build] [--bundle dist/PerfDesk] [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import lzma
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "samples" / "demo.perfdesk"
ENTRY = ROOT / "packaging" / "perfdesk_main.py"
MB = 1_000_000
MIB = 1024 * 1024
TARGET_DISK_MB = 120
TARGET_COMPRESSED_MB = 45
TARGET_RATIO = 1.2


def disk_size(folder: Path) -> tuple[int, int]:
    """(sum of file sizes, allocated bytes) of regular files; symlinks are not followed."""
    total = allocated = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        st = path.stat()
        total += st.st_size
        allocated += getattr(st, "st_blocks", (st.st_size + 4095) // 4096 * 8) * 512
    return total, allocated


def zip_size(folder: Path) -> int:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                zf.write(path, path.relative_to(folder.parent))
    return buf.tell()


def xz_size(folder: Path) -> int:
    with tempfile.TemporaryFile() as fh:
        with lzma.open(fh, "wb", preset=9) as xz, tarfile.open(fileobj=xz, mode="w") as tar:
            tar.add(folder, arcname=folder.name)
        return fh.tell()


def start_time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=tempfile.gettempdir(), capture_output=True,
                          text=True, encoding="utf-8", errors="replace")
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or "PERFDESK_SHOWN" not in proc.stdout:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "PerfDesk")
    parser.add_argument("--build", action="store_true", help="run scripts/build_bundle.sh first")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    if args.build:
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                        "--log-level", "WARN", "--distpath", str(args.bundle.parent),
                        "--workpath", str(ROOT / "build" / "pyinstaller"),
                        str(ROOT / "build.spec")], cwd=ROOT, check=True)
    bundle = args.bundle.resolve()
    exe = bundle / ("PerfDesk.exe" if sys.platform == "win32" else "PerfDesk")
    if sys.platform == "win32":  # the windowed exe has no stdout to report to
        exe = bundle / "perfdesk-cli.exe"
    if not exe.is_file():
        print(f"no bundle at {bundle}: build it with scripts/build_bundle.sh or --build")
        return 2

    files, allocated = disk_size(bundle)
    t = time.perf_counter()
    zipped = zip_size(bundle)
    t_zip = time.perf_counter() - t
    t = time.perf_counter()
    xz = xz_size(bundle)
    t_xz = time.perf_counter() - t

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PERFDESK_QUIT_AFTER_SHOW"] = "1"
    env["PYTHONPATH"] = str(ROOT)
    frozen_cmd = [str(exe), str(DEMO)] if exe.stem == "PerfDesk" else [str(exe), "gui", str(DEMO)]
    source_cmd = [sys.executable, str(ENTRY), str(DEMO)]
    frozen: list[float] = []
    source: list[float] = []
    with tempfile.TemporaryDirectory(prefix="perfdesk-bench-") as cfg:
        env["PERFDESK_CONFIG_DIR"] = cfg
        start_time(frozen_cmd, env)  # warm the file cache for both
        start_time(source_cmd, env)
        for _ in range(args.runs):
            frozen.append(start_time(frozen_cmd, env))
            source.append(start_time(source_cmd, env))
    f_med, s_med = statistics.median(frozen), statistics.median(source)
    ratio = f_med / s_med

    ok_disk = files / MB <= TARGET_DISK_MB
    ok_comp = xz / MB <= TARGET_COMPRESSED_MB
    ok_ratio = ratio <= TARGET_RATIO
    mark = {True: "ok", False: "OVER"}
    print(f"bundle                : {bundle}")
    print(f"size on disk (files)  : {files / MB:6.1f} MB ({files / MIB:.1f} MiB; "
          f"allocated {allocated / MB:.1f} MB)  target ≤ {TARGET_DISK_MB} MB  {mark[ok_disk]}")
    print(f"zip (deflate -9)      : {zipped / MB:6.1f} MB  ({t_zip:.0f} s)")
    print(f"tar.xz (-9)           : {xz / MB:6.1f} MB  ({t_xz:.0f} s)  "
          f"target ≤ {TARGET_COMPRESSED_MB} MB  {mark[ok_comp]}")
    print(f"start-up, frozen      : {f_med * 1000:6.0f} ms (median of {args.runs}; "
          f"{', '.join(f'{x * 1000:.0f}' for x in frozen)})")
    print(f"start-up, from source : {s_med * 1000:6.0f} ms (median of {args.runs}; "
          f"{', '.join(f'{x * 1000:.0f}' for x in source)})")
    print(f"ratio frozen/source   : {ratio:.2f}×  target ≤ {TARGET_RATIO}×  {mark[ok_ratio]}")
    return 0 if ok_disk and ok_comp and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
