#!/usr/bin/env bash
# Frozen smoke test: build dist/PerfDesk with PyInstaller, then run the frozen executables
# headless (QT_QPA_PLATFORM=offscreen): `check` the demo report (exit 0), `render` it to Word
# and Excel (files opened again with python-docx/openpyxl), open the main window and close it.
# The checks live in tests/packaging/test_frozen.py, which the normal test run (scripts/test.sh)
# also executes against a bundle it builds itself; this script tests dist/PerfDesk.
# Usage: bash scripts/smoke_frozen.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build_bundle.sh
fi
PY=${PYTHON:-.venv/bin/python}
start=$(date +%s)
PERFDESK_BUNDLE="$(pwd)/dist/PerfDesk" QT_QPA_PLATFORM=offscreen \
  "$PY" -m pytest tests/packaging/test_frozen.py -q -p no:cacheprovider
echo "==> frozen smoke test passed in $(( $(date +%s) - start )) s"
