#!/usr/bin/env bash
# Start the dashboard on the built-in sample data (no internet needed): http://127.0.0.1:8501
# It listens on this machine only; TROOPMAP_ADDRESS=0.0.0.0 opens it to the network (no sign-in: see SECURITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m streamlit run app.py \
  --server.address "${TROOPMAP_ADDRESS:-127.0.0.1}" \
  --server.port "${PORT:-8501}" \
  --server.maxUploadSize "${TROOPMAP_MAX_UPLOAD_MB:-200}" \
  --browser.gatherUsageStats false \
  "$@"
