#!/usr/bin/env bash
# Start the dashboard on the built-in sample data (no internet needed): http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m streamlit run app.py --server.port "${PORT:-8501}" "$@"
