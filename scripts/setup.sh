#!/usr/bin/env bash
# Create or reuse .venv/ at the repository root and install what the project needs (idempotent).
# Usage: scripts/setup.sh [dev]   -- "dev" adds the test tools and Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "troopmap needs Python 3.11+" >&2; exit 2; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
want="requirements.txt"
[ "${1:-}" = dev ] && want="requirements.txt requirements-dev.txt"
stamp=".venv/.installed-$(cat $want | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  for f in $want; do .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$f"; done
  touch "$stamp"
fi
if [ "${1:-}" = dev ] && ! { command -v chromium && command -v strace && dpkg -s fonts-nanum; } >/dev/null 2>&1; then
  # Browser tests drive Debian's Chromium (Playwright cannot download its own browser on a closed network);
  # strace watches that the exports and the server send nothing to the network (tests/network.py).
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium strace fonts-dejavu-core fonts-nanum >/dev/null) \
      || echo "warning: could not install chromium and strace; browser tests will fail in CI and skip elsewhere" >&2
  else
    echo "note: install Debian's chromium and strace (sudo apt-get install chromium strace) to run the browser tests" >&2
  fi
fi
