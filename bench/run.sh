#!/usr/bin/env bash
# Runs the benchmark suite and writes docs/PERFORMANCE.md whole (bench/run.mjs). Not part of CI:
# run it on a quiet machine.
#   bench/run.sh             the full suite: every figure the median of 3 runs of 10 s
#   bench/run.sh --quick     1 run of 3 s per figure, 100,000 responses: to try the harness
# Settings (environment): BENCH_SECONDS, BENCH_RUNS, BENCH_DRAIN, BENCH_SEARCH_N,
# BENCH_CAMPAIGN_SIZES, BENCH_SECTIONS (http,postgresql,lists,search,searchpg,campaigns,pow,screen,soak),
# BENCH_SCREEN_WATCHERS, BENCH_SOAK_SECONDS, BENCH_SOAK_KILLS, BENCH_SOAK_READS, BENCH_HTTP_ROWS, BENCH_OUT (a file, or - for standard output); see bench/run.mjs. Any
# answer that is not 2xx, or submissions whose rows stored differ from their 2xx answers, fail the
# run: exit 1 and no file written.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
# wrk is the HTTP load generator; sqlite3 (installed by setup.sh) counts the rows stored.
if ! command -v wrk >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends wrk ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk; }
fi
exec node bench/run.mjs "$@"
