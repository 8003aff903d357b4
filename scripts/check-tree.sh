#!/usr/bin/env bash
# Fails when a file of the project refers to something outside the repository: the folder
# beside it that development machines have, or an absolute path of those machines. Tests and
# builds read only what the repository holds (testdata/ for the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='\.\./shared|/work/'
if git grep -nIE "$pattern" -- . ':!scripts/check-tree.sh' ':!package-lock.json'; then
  echo "check-tree: the files above refer to paths outside the repository" >&2
  exit 1
fi
# Comments and documents name only files that exist.
python3 scripts/check-refs.py
# The include arrows and table ownership of docs/ARCHITECTURE.md hold.
python3 scripts/check-layers.py
