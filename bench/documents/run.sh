#!/usr/bin/env bash
# Generation time and peak memory of a 40-page summary record in DOCX, PDF and Akoma Ntoso, in
# the six languages (bench/documents/documents_bench.cc). Not part of CI: run on a quiet machine.
#   bench/documents/run.sh [--write] [items] [paragraphs per item]   default 12 × 14 (~40 pages)
# --write also writes docs/PERFORMANCE-DOCUMENTS.md (nothing in it is typed by hand), checking
# the targets: under 1 s and 100 MB per document.
set -euo pipefail
cd "$(dirname "$0")/../.."
write=0
if [[ "${1:-}" == "--write" ]]; then write=1; shift; fi
BUILD="${BUILD_DIR:-build}"
[[ -f "$BUILD/build.ninja" || -f "$BUILD/Makefile" ]] || scripts/setup.sh >/dev/null
cmake --build "$BUILD" --target plenary_bench_documents >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=$("$BUILD/plenary_bench_documents" "$@")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$out"
[[ $write == 1 ]] || exit 0
{
  echo "# Performance of official documents"
  echo
  echo "Written by \`bench/documents/run.sh --write\` (\`bench/documents/documents_bench.cc\`); nothing"
  echo "in this file is typed by hand. A summary record of the Council's shape (12 items of 14"
  echo "numbered paragraphs with citations and footnotes, signatures) rendered in each format and"
  echo "language, one process; wall and CPU milliseconds of each rendering, and the process's peak"
  echo "resident memory so far (so a row is an upper bound for its document). Target: under 1 s and"
  echo "100 MB per document."
  echo
  echo "| | |"
  echo "| --- | --- |"
  echo "| commit | $(git rev-parse --short HEAD) |"
  echo "| measured | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| machine | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores |"
  echo "| load average (1, 5, 15 min) before, after | $load_before; $load_after |"
  echo
  echo "| language | format | pages | bytes | wall ms | CPU ms | peak RSS MB |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  echo "$out" | tail -n +2 | while read -r lang format pages bytes wall cpu rss; do
    [[ "$format" == "pdf" ]] || pages="—"
    echo "| $lang | $format | $pages | $bytes | $wall | $cpu | $rss |"
  done
  echo
  worst_wall=$(echo "$out" | tail -n +2 | awk 'BEGIN{m=0} {if ($5>m) m=$5} END{print m}')
  worst_rss=$(echo "$out" | tail -n +2 | awk 'BEGIN{m=0} {if ($7>m) m=$7} END{print m}')
  verdict=$(awk -v w="$worst_wall" -v r="$worst_rss" 'BEGIN{print (w < 1000 && r < 100) ? "met" : "NOT met"}')
  echo "Slowest document: $worst_wall ms wall; peak memory of the whole run: $worst_rss MB. Target $verdict."
} > docs/PERFORMANCE-DOCUMENTS.md
echo "wrote docs/PERFORMANCE-DOCUMENTS.md"
