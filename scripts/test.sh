#!/usr/bin/env bash
# Installs, builds and runs every test: unit tests (GoogleTest), scenario tests against the
# real server over HTTP, and browser tests in Chromium (all through CTest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/check-tree.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j2 "$@"
