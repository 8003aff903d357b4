#!/usr/bin/env bash
# Generation time and peak memory of a 40-page summary record in DOCX, PDF and Akoma Ntoso, in
# the six languages (bench/documents/documents_bench.cc). Not part of CI: run on a quiet machine.
#   bench/documents/run.sh [items] [paragraphs per item]     default 12 × 14 (about 40 pages)
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh >/dev/null
cmake --build "${BUILD_DIR:-build}" --target plenary_bench_documents >/dev/null
exec "${BUILD_DIR:-build}/plenary_bench_documents" "$@"
