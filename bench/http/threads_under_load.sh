#!/usr/bin/env bash
# Where the server's threads spend a surge of durable submissions: for each thread name, the
# share of a core it used; for the writer, how much of the time it ran, waited for a core
# (runnable, from /proc/.../schedstat) or slept; the machine's idle share (docs/PROFILE.md).
#   bench/http/threads_under_load.sh BINARY [seconds]
# Starts BINARY on a fresh demo database on 127.0.0.1, loads it with wrk (256 connections,
# bench/http/load.lua in submit mode, keys unique to the run) and samples after a 3 s warm-up.
# Any answer that is not 2xx fails the run. Prints a few lines.
set -euo pipefail
BIN=$1 SECONDS_=${2:-6}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$(dirname "$0")/demo_server.sh"
URL=$ORIGIN/api/v1/consultations/ai-public-policy/responses
wrk -t2 -c256 -d$((SECONDS_ + 5))s -s "$ROOT/bench/http/load.lua" "$URL" -- $((SECONDS_ + 3)) submit \
  "t$(date +%s%N)" >"$DIR/wrk" &
WRK=$!
sleep 3
python3 - "$PID" "$SECONDS_" <<'PY'
import collections, os, sys, time
pid, secs = sys.argv[1], float(sys.argv[2])
tick = os.sysconf("SC_CLK_TCK")
def threads():
    out = {}
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            comm = open(f"/proc/{pid}/task/{t}/comm").read().strip()
            f = open(f"/proc/{pid}/task/{t}/stat").read().rsplit(")", 1)[1].split()
            run, wait = map(int, open(f"/proc/{pid}/task/{t}/schedstat").read().split()[:2])
        except OSError:
            continue
        out[t] = (comm, int(f[11]) + int(f[12]), run, wait)
    return out
def idle():
    f = open("/proc/stat").readline().split()[1:]
    return int(f[3]) + int(f[4]), sum(map(int, f))
a, (i0, t0), w0 = threads(), idle(), time.time()
time.sleep(secs)
b, (i1, t1), el = threads(), idle(), time.time() - w0
cores = collections.Counter()
for t, (comm, cpu, _, _) in b.items():
    cores[comm] += (cpu - a.get(t, (comm, 0, 0, 0))[1]) / tick / el
for comm, c in sorted(cores.items()):
    if c >= 0.005:
        print(f"{comm:18} {c:.2f} cores")
writer = max((t for t in b if b[t][0] == "plenary-writer" and t in a), key=lambda t: b[t][1] - a[t][1])
run = (b[writer][2] - a[writer][2]) / 1e9 / el
wait = (b[writer][3] - a[writer][3]) / 1e9 / el
print(f"writer: running {run:.0%}, waiting for a core {wait:.0%}, sleeping or on the disk {1 - run - wait:.0%}")
print(f"machine idle {(i1 - i0) / (t1 - t0):.0%} (idle + iowait of all cores)")
PY
wait $WRK
python3 - "$(grep '^BENCH ' "$DIR/wrk")" <<'PY'
import json, sys
r = json.loads(sys.argv[1][6:])
bad = {k: v for k, v in {**r["in_window"], **r["late"]}.items() if not k.startswith("2")}
if bad or any(r["errors"].values()):
    sys.exit(f"answers that are not 2xx or socket errors: {bad} {r['errors']}")
print(f"submissions answered 201 per s: {sum(r['in_window'].values()) / r['window_s']:.0f}")
PY
