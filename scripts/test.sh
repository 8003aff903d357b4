#!/usr/bin/env bash
# Installs, builds and runs every test: unit tests (GoogleTest), scenario tests against the
# real server over HTTP, and browser tests in Chromium (all through CTest). The run happens
# inside a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh, removed at the end even when
# a test fails), so that the storage tests run on both backends: SQLite and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/check-tree.sh
cd "${BUILD_DIR:-build}"
../scripts/pg-test-cluster.sh ctest --output-on-failure -j2 "$@"
