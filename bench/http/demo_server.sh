# Sourced by the profiling scripts of bench/http: starts "$BIN" on a fresh demo database on
# 127.0.0.1 (any free port, the per-address limits off for wrk's connections), stops it and
# removes its folder when the script exits. Sets DIR (the temporary folder), PID and ORIGIN
# (http://127.0.0.1:PORT).
DIR=$(mktemp -d)
"$BIN" --db "$DIR/b.db" serve --listen 127.0.0.1:0 --submissions-per-ip-per-minute 0 \
  --max-connections-per-address 100000 >"$DIR/log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 200); do grep -q listening "$DIR/log" && break; sleep 0.3; done
grep -q listening "$DIR/log" || { echo "the server did not start: $(cat "$DIR/log")" >&2; exit 1; }
ORIGIN=$(grep -o 'http://127.0.0.1:[0-9]*' "$DIR/log")
