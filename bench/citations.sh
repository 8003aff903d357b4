#!/usr/bin/env bash
# Quality and speed of the citation extractor: builds plenary_bench_citations and scores
# text::ExtractCitations on the corpus of real UN and ITU passages (testdata/citations) per
# language and per class, then times it on a 100-page document. Not part of CI (the unit test
# CitationCorpus.* holds every case of the corpus).
#   bench/citations.sh             print the figures
#   bench/citations.sh --failures  also list every citation missed or extracted wrongly
#   bench/citations.sh --write     rewrite docs/QUALITY.md with the figures
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d build ]] || scripts/setup.sh >/dev/null
cmake --build build --target plenary_bench_citations >/dev/null
args=()
for a in "$@"; do
  case "$a" in
    --write) args+=(--write docs/QUALITY.md) ;;
    --failures) args+=(--failures) ;;
    *) echo "usage: bench/citations.sh [--failures] [--write]" >&2; exit 2 ;;
  esac
done
exec build/plenary_bench_citations --corpus testdata/citations "${args[@]}"
