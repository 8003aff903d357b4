#!/usr/bin/env bash
# LibreOffice converts the DOCX of every generated document kind (summary record, Chair's
# report, consultation report, negotiated text) in all six languages to PDF, checked as
# tests/scenario/libreoffice.test.mjs checks its three (en, zh, ar) in CI: the same test with
# PLENARY_LO_LANGS set to the six. Not part of CI (24 conversions take too long there); prints
# how long LibreOffice took.
#   bench/documents/libreoffice.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${BUILD_DIR:-build}"
[[ -f "$BUILD/build.ninja" || -f "$BUILD/Makefile" ]] || scripts/setup.sh >/dev/null
cmake --build "$BUILD" --target plenary >/dev/null
PLENARY_BIN="$PWD/$BUILD/plenary" PLENARY_LO_LANGS=ar,zh,en,fr,ru,es \
  node --test --test-reporter=spec tests/scenario/libreoffice.test.mjs
