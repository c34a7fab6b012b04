#!/usr/bin/env bash
# Set up, then start PerfDesk on the bundled demo report. Without a screen, render the demo
# report instead (Word, Excel, PDF) and say where the files are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DEMO=resources/samples/demo.perfdesk
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/perfdesk "$DEMO"
fi
OUT=out/demo
echo "==> no screen: rendering the demo report into $OUT"
.venv/bin/perfdesk check "$DEMO" || true
.venv/bin/perfdesk render "$DEMO" -o "$OUT" --pdf
QT_QPA_PLATFORM=offscreen .venv/bin/python -m perfdesk.ui.screenshots "$OUT/screenshots" 2>/dev/null \
  && echo "screenshots of the main window: $OUT/screenshots" || true
echo "Done. The demo report is in $(pwd)/$OUT"
