"""A private CUPS scheduler with a virtual PDF printer, for the printing tests.

The tests start their own ``cupsd`` (no systemd needed, nothing of the machine's own CUPS
touched): its configuration, spool and logs live in a temporary folder, it listens on a
socket there and on a free loopback port (the clients use the port: ``lpoptions`` needs
it to read the driver).
The printer uses cups-filters' "Generic PDF Printer" driver, so CUPS runs its real filter
chain (pdftopdf: copies, two-sided, A4) and hands the result to a small backend that
keeps each job's data as ``job-<id>.prn`` plus ``job-<id>.txt`` (copies and options).

Why not cups-pdf (Debian's printer-driver-cups-pdf): it takes PostScript, and the
PDF → PostScript → PDF round trip loses the Unicode mapping of the CJK fonts, so the
printed PDF's text reads as control characters — measured here; the checks that the
title and the 附件 headings were printed as text need the PDF to stay PDF.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
SYSTEM_SERVERBIN = Path("/usr/lib/cups")
GENERIC_PDF_PPD = Path("/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd")

CAPTURE_BACKEND = """#!/bin/sh
# CUPS backend for the tests: keeps each job's data as $OUT/job-<id>.prn
if [ $# -eq 0 ]; then echo 'direct capture "Unknown" "PerfDesk test capture"'; exit 0; fi
out="${DEVICE_URI#capture:}"
if [ -n "$6" ]; then cat "$6"; else cat; fi > "$out/.job-$1.tmp" || exit 1
printf 'copies=%s\\noptions=%s\\ntitle=%s\\n' "$4" "$5" "$3" > "$out/.job-$1.txt"
mv "$out/.job-$1.txt" "$out/job-$1.txt"
mv "$out/.job-$1.tmp" "$out/job-$1.prn"
exit 0
"""


def missing() -> str:
    """What this machine lacks for the virtual printer ("" when nothing)."""
    if os.name == "nt":
        return "CUPS is not a Windows print system"
    for path in (CUPSD, shutil.which("lp"), shutil.which("lpadmin"), GENERIC_PDF_PPD,
                 SYSTEM_SERVERBIN / "filter" / "pdftopdf"):
        if path is None or not Path(path).exists():
            return f"{path or 'lp/lpadmin'} is missing (scripts/setup.sh installs CUPS as root)"
    if os.geteuid() != 0:
        return "cupsd runs its filters as user lp, which needs root"
    return ""


@dataclass
class VirtualPrinter:
    name: str
    server: str  # CUPS_SERVER for the clients
    out: Path
    root: Path
    process: subprocess.Popen[bytes]

    def env(self) -> dict[str, str]:
        return dict(os.environ, CUPS_SERVER=self.server, LC_ALL="C")

    def jobs(self) -> list[Path]:
        return sorted(self.out.glob("job-*.prn"), key=lambda p: int(p.stem.split("-")[1]))

    def wait_for_jobs(self, count: int, timeout: float = 60) -> list[Path]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            jobs = self.jobs()
            if len(jobs) >= count:
                return jobs
            time.sleep(0.2)
        log = (self.root / "log" / "error_log")
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise AssertionError(f"{len(self.jobs())} of {count} jobs printed; cupsd log:\n{tail}")

    def options(self, job: Path) -> str:
        return job.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def printed_pdf(job: Path) -> Path:
    """The PDF inside a job's data (the driver puts a PJL header in front)."""
    data = job.read_bytes()
    start = data.index(b"%PDF")
    end = data.rindex(b"%%EOF") + len(b"%%EOF")
    pdf = job.with_suffix(".pdf")
    pdf.write_bytes(data[start:end])
    return pdf


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(name: str = "PerfDesk_Virtual_PDF") -> VirtualPrinter:
    root = Path(tempfile.mkdtemp(prefix="pdcups"))  # short: a socket path has 108 bytes
    root.chmod(0o755)
    for sub in ("conf/ppd", "spool/tmp", "cache", "run", "log", "bin/backend"):
        (root / sub).mkdir(parents=True)
    out = root / "out"
    out.mkdir()
    out.chmod(0o1777)
    (root / "spool" / "tmp").chmod(0o1777)
    for entry in SYSTEM_SERVERBIN.iterdir():
        if entry.name != "backend":
            (root / "bin" / entry.name).symlink_to(entry)
    for backend in (SYSTEM_SERVERBIN / "backend").iterdir():
        (root / "bin" / "backend" / backend.name).symlink_to(backend)
    capture = root / "bin" / "backend" / "capture"
    capture.write_text(CAPTURE_BACKEND, encoding="utf-8")
    capture.chmod(0o755)
    sock = root / "run" / "cups.sock"
    port = _free_port()
    (root / "cupsd.conf").write_text(
        f"Listen {sock}\nListen 127.0.0.1:{port}\nServerName localhost\nServerAlias *\n"
        "LogLevel info\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
        "ErrorPolicy abort-job\nMaxJobTime 120\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n", encoding="utf-8")
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}/conf\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
        f"StateDir {root}/run\nTempDir {root}/spool/tmp\nErrorLog {root}/log/error_log\n"
        f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\n"
        f"ServerBin {root}/bin\nDataDir /usr/share/cups\nPrintcap {root}/run/printcap\n"
        "User lp\nGroup lp\nSystemGroup root\n",
        encoding="utf-8")
    for sub in ("conf", "cache", "run", "log", "bin"):
        (root / sub).chmod(0o755)
    process = subprocess.Popen([CUPSD, "-f", "-c", str(root / "cupsd.conf"),
                                "-s", str(root / "cups-files.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # clients talk TCP: over the socket alone the printer's URI has no port, and lpoptions
    # then cannot fetch the driver's options (two-sided or not)
    printer = VirtualPrinter(name, f"localhost:{port}", out, root, process)
    env = printer.env()
    deadline = time.monotonic() + 20
    while True:
        probe = subprocess.run(["lpstat", "-r"], env=env, capture_output=True, text=True,
                               check=False)
        if "is running" in probe.stdout and "not" not in probe.stdout:
            break
        if process.poll() is not None or time.monotonic() > deadline:
            printer.stop()
            raise RuntimeError(f"cupsd did not start: {probe.stdout} {probe.stderr}")
        time.sleep(0.1)
    for args in (["lpadmin", "-p", name, "-E", "-v", f"capture:{out}", "-P", str(GENERIC_PDF_PPD),
                  "-D", "PerfDesk 测试用虚拟 PDF 打印机", "-o", "PageSize=A4"],
                 ["lpadmin", "-d", name]):
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            printer.stop()
            raise RuntimeError(f"{' '.join(args)}: {done.stderr}")
    return printer
