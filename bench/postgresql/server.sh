# Sourced by the scripts of bench/postgresql/ (run from the repository's root, inside a throwaway
# cluster): makes the database $1 in the cluster, starts one server on it at a loopback port with
# the limits of a load test off, and defines `load NAME SECONDS` (wrk submitting to it through
# bench/http/load.lua). Sets root, bin, connections, dir (the cluster's folder), db, work (a
# temporary folder removed at exit, with the server), pid and url.
root=$PWD
bin=${PLENARY_BIN:-$root/build/plenary}
connections=${CONNECTIONS:-128}
dir=$(echo "$PLENARY_TEST_POSTGRES" | sed -E 's/.*host=([^ ]+).*/\1/')
db=$(echo "$PLENARY_TEST_POSTGRES" | sed -E "s/dbname=[^ ]+/dbname=$1/")
psql "$PLENARY_TEST_POSTGRES" -qc "CREATE DATABASE $1"
work=$(mktemp -d)
pid=
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" --db "$db" serve --listen 127.0.0.1:0 --submissions-per-ip-per-minute 0 \
  --max-connections-per-address 100000 --search-index "$work/search.db" >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 600); do grep -q "listening on" "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/out" | head -1)$'/api/v1/consultations/ai-public-policy/responses'
load() { wrk -t1 -c"$connections" -d"$(($2 + 4))s" -s "$root/bench/http/load.lua" "$url" -- "$2" submit "$1"; }
