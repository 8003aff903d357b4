#!/usr/bin/env bash
# Spot check between full benchmark runs: ping, the consultation page, durable submissions with
# and without an e-mail address (the latter queues no confirmation mail); three 5 s wrk runs
# each, medians, on a fresh demo database. Needs a built build/plenary and wrk.
#   bench/spot.sh            (prints "endpoint requests/s")
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18999}
DIR=$(mktemp -d)
trap 'kill -TERM $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
build/plenary --db "$DIR/p.db" serve --listen 127.0.0.1:$PORT --submissions-per-ip-per-minute 0 \
  > "$DIR/log" 2>&1 &
PID=$!
for _ in $(seq 50); do grep -q listening "$DIR/log" && break; sleep 0.2; done
sed 's/"email":"bench@example.org",//' bench/http/submit.lua > "$DIR/submit_noemail.lua"
run() { wrk -t2 -c"$1" -d5s ${3:+-s "$3"} "http://127.0.0.1:$PORT$2" | awk '/Requests\/sec/ {print $2}'; }
median() { sort -n | sed -n 2p; }
SUBMIT=/api/v1/consultations/ai-public-policy/responses
echo "ping $( (run 64 /api/v1/ping; run 64 /api/v1/ping; run 64 /api/v1/ping) | median)"
P=/en/consultations/ai-public-policy
echo "consultation-page $( (run 64 $P; run 64 $P; run 64 $P) | median)"
S=bench/http/submit.lua
echo "submissions-with-email $( (run 256 $SUBMIT $S; run 256 $SUBMIT $S; run 256 $SUBMIT $S) | median)"
N="$DIR/submit_noemail.lua"
echo "submissions-without-email $( (run 256 $SUBMIT "$N"; run 256 $SUBMIT "$N"; run 256 $SUBMIT "$N") | median)"
