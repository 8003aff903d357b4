#!/usr/bin/env bash
# Counts the statements PostgreSQL receives per stored submission, by connection and text, under
# a short load on one server (docs/PROFILE.md): runs inside a throwaway cluster with fsync on,
# logs every statement (log_statement=all) only while the measured load runs, and prints the
# counts of the writer's connection and of all the others, with the submissions stored.
#   nice -n 19 bench/postgresql/statements.sh
# Settings (environment): PLENARY_BIN (build/plenary), SECONDS_LOAD (4), CONNECTIONS (128).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${PLENARY_TEST_POSTGRES:-}" ]]; then
  PLENARY_PG_DURABLE=1 exec scripts/pg-test-cluster.sh bench/postgresql/statements.sh "$@"
fi
source bench/postgresql/server.sh statements
window=${SECONDS_LOAD:-4}
log="$dir/server.log"
# A first load opens every worker thread's connection, so that the measured one opens none.
load warm 2 >/dev/null
sleep 3
count() { psql "$db" -tAc "SELECT count(*) FROM responses"; }
before=$(count)
psql "$PLENARY_TEST_POSTGRES" -qc "ALTER SYSTEM SET log_statement = 'all'" \
  -c "ALTER SYSTEM SET log_line_prefix = '%p '" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
start=$(wc -l <"$log")
load measured "$window" | grep BENCH
sleep 2
end=$(wc -l <"$log")
psql "$PLENARY_TEST_POSTGRES" -qc "ALTER SYSTEM SET log_statement = 'none'" -c "SELECT pg_reload_conf()" >/dev/null
stored=$(($(count) - before))
sed -n "$((start + 1)),${end}p" "$log" | grep -E 'LOG:  (statement|execute)' >"$work/statements" || true
writer=$(grep -m1 'SELECT pg_current_xact_id()' "$work/statements" | awk '{print $1}')
total=$(wc -l <"$work/statements")
mine=$(grep -c "^$writer " "$work/statements" || true)
echo "submissions stored: $stored"
echo "statements: $total ($(awk -v a="$total" -v b="$stored" 'BEGIN{printf "%.1f", a/b}') per submission)," \
  "of which the writer's connection $mine ($(awk -v a="$mine" -v b="$stored" 'BEGIN{printf "%.1f", a/b}'))," \
  "in $(grep -c "^$writer .*COMMIT" "$work/statements" || true) transactions"
text() { sed -E 's/^[0-9]+ LOG:  (statement|execute [^:]+): //' | cut -c1-100 | sort | uniq -c | sort -rn; }
echo "--- the writer's connection"
grep "^$writer " "$work/statements" | text
echo "--- every other connection (readers, background threads)"
grep -v "^$writer " "$work/statements" | text | head -20
