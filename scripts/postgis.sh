#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS server for the store tests: installs the Debian packages when missing (as root),
# starts a cluster in a fresh folder, listening on a Unix socket only, and prints the URL of a database with the
# postgis extension. Usage: scripts/postgis.sh start FOLDER  -> prints the URL;  scripts/postgis.sh stop FOLDER
set -euo pipefail
cmd=${1:?start or stop}; dir=${2:?folder}
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
have_postgis() { [ -n "$(pg_bin)" ] && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$cmd" = stop ]; then
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true
  rm -rf "$dir"
  exit 0
fi

if ! have_postgis; then
  if [ "$(id -u)" != 0 ]; then echo "PostgreSQL/PostGIS not installed (as root: apt-get install postgresql postgis)" >&2; exit 3; fi
  # the Debian version's PostGIS package, e.g. postgresql-15-postgis-3
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-common >/dev/null) >&2
  ver=$(apt-cache search --names-only '^postgresql-[0-9]+$' | sed -E 's/^postgresql-([0-9]+) .*/\1/' | sort -n | tail -1)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$ver" "postgresql-$ver-postgis-3" >/dev/null >&2
  have_postgis || { echo "could not install PostgreSQL $ver with PostGIS" >&2; exit 3; }
fi
bin=$(pg_bin)
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 3; }
# no TCP port: a socket in the folder, so parallel runs and a system cluster never collide
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 3; }
"$bin/createdb" -h "$dir" -U postgres troopmap_test
"$bin/psql" -h "$dir" -U postgres -d troopmap_test -qc "CREATE EXTENSION postgis" >/dev/null
echo "postgresql://postgres@/troopmap_test?host=$dir"
