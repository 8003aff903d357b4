#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster: installs postgresql-15 when missing,
# makes a cluster with initdb in a temporary folder (as the `postgres` user when run as root),
# listening only on a Unix socket in that folder, exports its connection string as
# PLENARY_TEST_POSTGRES (a libpq keyword string for the `postgres` database; tests create their
# own databases in it), runs the command, and stops and removes the cluster when the command
# ends, whether it passed or failed. Exits with the command's status.
#   scripts/pg-test-cluster.sh build/plenary_tests --gtest_filter='Backends*'
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$PG_BIN/initdb" ]]; then
  echo "pg-test-cluster: installing postgresql-15"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql-15
fi
if (($# == 0)); then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

dir=$(mktemp -d -t plenary-pg.XXXXXX)
as_owner=()
if ((EUID == 0)); then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
cleanup() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"${as_owner[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# A throwaway cluster: no TCP, socket in the folder; no fsync (its data dies with the run),
# unless PLENARY_PG_DURABLE=1 (benchmarks of durable writes: fsync and full-page writes on);
# PLENARY_PG_MAX_CONNECTIONS (300) for several servers of about 140 connections each;
# PLENARY_PG_OPTIONS, more settings as `-c name=value` (benchmarks of settings, e.g.
# "-c commit_delay=100").
durability="-c fsync=off -c full_page_writes=off"
[[ "${PLENARY_PG_DURABLE:-}" == 1 ]] && durability=""
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s start -o \
  "-c listen_addresses='' -c unix_socket_directories='$dir' $durability \
   -c max_connections=${PLENARY_PG_MAX_CONNECTIONS:-300} ${PLENARY_PG_OPTIONS:-}" ||
  { cat "$dir/server.log" >&2; exit 1; }

export PLENARY_TEST_POSTGRES="host=$dir port=5432 user=postgres dbname=postgres"
set +e
"$@"
status=$?
set -e
exit $status
