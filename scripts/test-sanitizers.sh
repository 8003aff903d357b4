#!/usr/bin/env bash
# Builds Plenary with AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/) and runs the
# unit tests and the scenario tests (on SQLite) against that build. The browser tests drive the
# same server code through the same routes as the scenario tests and spend their time in
# Chromium; the PostgreSQL scenario run differs only below libpq. Both stay out of this run,
# which would otherwise double CI's time (scripts/test.sh runs them on the normal build);
# `scripts/test-sanitizers.sh -R browser` runs them here by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
if [[ ! -f build-asan/build.ninja ]]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPLENARY_SANITIZE=ON
fi
cmake --build build-asan
cd build-asan
# Any sanitizer report fails the test that triggered it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Caches that the font and PDF libraries keep for the whole process are not leaks of ours.
export LSAN_OPTIONS=suppressions=$PWD/../scripts/lsan.supp
# Tests that measure the server's memory allow for the sanitizers' own (quarantine, redzones).
export PLENARY_SANITIZED=1
if (($#)); then
  ctest --output-on-failure -j2 "$@"
else
  ctest --output-on-failure -j2 -E '^(browser|scenario-postgresql)$'
fi
