#!/usr/bin/env bash
# Set up a development/run environment on Debian (or a Debian-based UOS/Kylin) with Python 3.11:
# system libraries for Qt, CJK fonts and LibreOffice (when root), then .venv with PerfDesk.
# Idempotent: a second run installs nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  # Qt offscreen/xcb runtime (ENVIRONMENT.md)
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  # Chinese glyphs for Qt and LibreOffice
  fonts-noto-cjk
  # Word/Excel -> PDF -> PNG in tests and for "export PDF"
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
  # printing: CUPS (lp, lpstat, lpoptions; the scheduler the printing tests start themselves,
  # tests/cups_server.py) and cups-filters' PDF filter chain and "Generic PDF Printer" driver
  cups-daemon cups-client cups-filters
  # strip, used by PyInstaller; dpkg-deb for the .deb
  binutils
)

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
elif command -v apt-get >/dev/null 2>&1; then
  echo "(not root: skipping Debian packages; if Qt or LibreOffice is missing run: sudo $0)"
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PY" -m venv .venv
fi
echo "==> pip install -e .[dev]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
