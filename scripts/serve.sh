#!/usr/bin/env bash
# Installs, builds and serves Plenary on http://127.0.0.1:8080 with the demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec build/plenary --db "${PLENARY_DB:-plenary.db}" serve --listen "${PLENARY_LISTEN:-127.0.0.1:8080}" "$@"
