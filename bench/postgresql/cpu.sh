#!/usr/bin/env bash
# CPU time per durable submission of one server on PostgreSQL, split between the server (and its
# writer thread, plenary-writer) and PostgreSQL's processes (the postmaster and its children),
# during a short load (docs/PROFILE.md): a throwaway cluster with fsync on, a warm-up load that
# opens every worker's connection, then the measured load; /proc/PID/stat before and after.
#   nice -n 19 bench/postgresql/cpu.sh
# Settings (environment): PLENARY_BIN (build/plenary), SECONDS_LOAD (6), CONNECTIONS (128).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${PLENARY_TEST_POSTGRES:-}" ]]; then
  PLENARY_PG_DURABLE=1 exec scripts/pg-test-cluster.sh bench/postgresql/cpu.sh "$@"
fi
source bench/postgresql/server.sh cpu
window=${SECONDS_LOAD:-6}
load warm 2 >/dev/null
sleep 2
postmaster=$(head -1 "$dir/data/postmaster.pid")
postgres() { echo "$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"; }
# Clock ticks (user + system) of the processes named, those gone since counting nothing.
ticks() {
  local t=0 v
  for p in "$@"; do
    v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) || v=
    [[ -n "$v" ]] && t=$((t + v))
  done
  echo "$t"
}
writer=$(grep -l '^plenary-writer$' /proc/"$pid"/task/*/comm | head -1 | cut -d/ -f5)
before_pg=$(postgres)
s0=$(ticks "$pid") w0=$(ticks "$pid/task/$writer") g0=$(ticks $before_pg)
n0=$(psql "$db" -tAc "SELECT count(*) FROM responses")
load measured "$window" | grep BENCH
s1=$(ticks "$pid") w1=$(ticks "$pid/task/$writer")
g1=$(ticks $(echo "$before_pg $(postgres)" | tr ' ' '\n' | sort -u))
n=$(($(psql "$db" -tAc "SELECT count(*) FROM responses") - n0))
hz=$(getconf CLK_TCK)
echo "submissions stored: $n (backends that exited during the load are not counted)"
awk -v s=$((s1 - s0)) -v w=$((w1 - w0)) -v g=$((g1 - g0)) -v n="$n" -v hz="$hz" 'BEGIN {
  printf "CPU per submission: server %.0f us (its writer thread %.0f us), PostgreSQL %.0f us\n",
    s * 1e6 / hz / n, w * 1e6 / hz / n, g * 1e6 / hz / n }'
