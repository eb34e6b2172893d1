#!/usr/bin/env bash
# Install everything (idempotent), lint, and run the whole test suite, browser tests included.
# The store tests also run against PostgreSQL + PostGIS: a throwaway server is started for them (installed from
# Debian first when run as root), unless TROOPMAP_TEST_PG already names one. Without one they skip, except in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
if [ -z "${TROOPMAP_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d /tmp/troopmap-pg.XXXXXX)
  trap 'scripts/postgis.sh stop "$pg_dir"' EXIT
  if url=$(scripts/postgis.sh start "$pg_dir"); then
    export TROOPMAP_TEST_PG="$url"
  else
    echo "note: no PostgreSQL server could be started; the PostGIS store tests will skip (or fail in CI)" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
