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
stamp=".venv/.installed-$(cat $want pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  for f in $want; do .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$f"; done
  # the project itself, editable: `troopmap` and `python -m geo` then work from any folder
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi
if [ "$(id -u)" = 0 ] && ! dpkg -s fonts-nanum fonts-dejavu-core >/dev/null 2>&1; then
  # charts and map images name places in Latin, Cyrillic and Hangul: DejaVu and Nanum cover them
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-nanum >/dev/null) \
    || echo "warning: could not install fonts-nanum; Korean names in charts will show as boxes" >&2
  rm -rf ~/.cache/matplotlib  # matplotlib lists the fonts once; let it see the new ones
fi
# build the offline gazetteer index now (about 20 s, once; cached in ~/.cache/troopmap), not on the first page view
.venv/bin/python -c "from geo.gazetteer import load_gazetteer; load_gazetteer()"
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
