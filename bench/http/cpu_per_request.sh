#!/usr/bin/env bash
# The server's CPU time per answer (user + system, from /proc) under a load of wrk: steadier than
# a rate on a shared machine, to compare two binaries run one after the other (docs/PROFILE.md).
#   bench/http/cpu_per_request.sh BINARY get PATH        e.g. /api/v1/search?q=internet (8 connections)
#   bench/http/cpu_per_request.sh BINARY submit          durable submissions (256 connections,
#                                                        bench/http/load.lua, keys unique to the run)
# Each run starts the binary on a fresh demo database on 127.0.0.1, loads it 2 s to warm it, then
# 5 s measured; any answer that is not 2xx fails the run. Prints one line.
set -euo pipefail
BIN=$1 MODE=$2 TARGET=${3:-/api/v1/consultations/ai-public-policy/responses}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$(dirname "$0")/demo_server.sh"
URL=$ORIGIN$TARGET
RUN=$(date +%s%N)
load() {  # seconds, run id
  if [[ $MODE == submit ]]; then
    wrk -t2 -c256 -d$(($1 + 2))s -s "$ROOT/bench/http/load.lua" "$URL" -- "$1" submit "$2"
  else
    wrk -t1 -c8 -d$(($1 + 2))s -s "$ROOT/bench/http/load.lua" "$URL" -- "$1" get
  fi
}
load 2 "w$RUN" >/dev/null
read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$PID/stat")
OUT=$(load 5 "m$RUN" | grep '^BENCH ')
read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$PID/stat")
python3 - "$OUT" "$u0" "$s0" "$u1" "$s1" "$(getconf CLK_TCK)" <<'PY'
import json, sys
r = json.loads(sys.argv[1][6:])
u0, s0, u1, s1, tck = map(int, sys.argv[2:])
statuses = {**r["in_window"], **r["late"]}
bad = {k: v for k, v in statuses.items() if not k.startswith("2")}
if bad or any(r["errors"].values()):
    sys.exit(f"answers that are not 2xx or socket errors: {bad} {r['errors']}")
n = r["answers"]
us = lambda t: t * 1e6 / tck / n
print(f"answers {n}  per s {n / r['window_s']:.0f}  server CPU per answer {us(u1 - u0 + s1 - s0):.0f} us"
      f" (user {us(u1 - u0):.0f}, system {us(s1 - s0):.0f})")
PY
