#!/usr/bin/env bash
# Install everything (idempotent), lint, and run the whole test suite, browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
