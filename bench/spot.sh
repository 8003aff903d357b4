#!/usr/bin/env bash
# Spot check between full benchmark runs: the HTTP section of the suite alone (ping, the pages
# with and without a session, durable submissions with and without group commit), three 5 s runs each,
# medians, under the same rules as bench/run.sh (every answer 2xx, keys unique to each run, rows
# stored equal to the 2xx answers, else exit 1). Prints the Markdown instead of writing
# docs/PERFORMANCE.md; BENCH_OUT=FILE writes it to FILE. Needs build/plenary (or PLENARY_BIN) and wrk.
#   bench/spot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "spot: wrk is missing (bench/run.sh installs it)" >&2; exit 1; }
[[ -x ${PLENARY_BIN:-build/plenary} ]] ||
  { echo "spot: ${PLENARY_BIN:-build/plenary} is missing (scripts/setup.sh builds it)" >&2; exit 1; }
export BENCH_SECTIONS=http BENCH_SECONDS=${BENCH_SECONDS:-5} BENCH_RUNS=${BENCH_RUNS:-3}
export BENCH_OUT=${BENCH_OUT:--} BENCH_BY=bench/spot.sh
exec node bench/run.mjs
