#!/usr/bin/env bash
# Runs the benchmark suite and writes docs/PERFORMANCE.md. Not part of CI (it takes minutes).
# Usage: bench/run.sh [--quick]   (--quick: shorter runs, for trying the harness)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
command -v wrk >/dev/null || { apt-get install -y -qq --no-install-recommends wrk; }
exec node bench/run.mjs "$@"
