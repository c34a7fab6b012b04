#!/usr/bin/env bash
# Build the one-folder PerfDesk bundle with PyInstaller: dist/PerfDesk/
#   PerfDesk        the desktop application (windowed on Windows)
#   perfdesk-cli    the same program as a console executable (check/render/... in scripts)
#   _internal/      Python, Qt, templates/ and resources/
# Usage: bash scripts/build_bundle.sh [extra pyinstaller options]
# Needs the Qt runtime libraries installed first (scripts/setup.sh does it), see ENVIRONMENT.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
if [ ! -x "$PY" ] && [ "$PY" = .venv/bin/python ]; then
  echo "no .venv: run scripts/setup.sh first" >&2
  exit 2
fi
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller "$@" build.spec
echo "==> built dist/PerfDesk in $(( $(date +%s) - start )) s, $(du -sh dist/PerfDesk | cut -f1) on disk"
