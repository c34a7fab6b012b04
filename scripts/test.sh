#!/usr/bin/env bash
# Set up, then run the linter and the whole test suite (GUI tests run offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "==> ruff"
.venv/bin/ruff check perfdesk tests benchmarks
echo "==> mypy (strict; allow-list in pyproject.toml)"
.venv/bin/mypy
echo "==> import contracts"
.venv/bin/lint-imports
echo "==> pytest"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
