#!/usr/bin/env python3
"""Fails when a comment or a document names a file of the repository that does not exist.

Looks for paths with a folder and a file extension (`search/search.cc`, `docs/API.md`,
`src/storage/migrations/0003_search.sql`) in the tracked source, scripts and documents, and
resolves each against the repository root, then against src/. Paths with wildcards or braces
(`chair_report.{h,cc}`, `src/**/*_test.cc`) are patterns, not names, and are skipped.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTENSIONS = "cc|h|sql|md|tpl|json|mjs|js|sh|py|css|cmake|txt|csv"
PATH = re.compile(r"(?<![\w./{*-])((?:[\w.-]+/)+[\w.-]+\.(?:" + EXTENSIONS + r"))(?![\w{*/])")
SCANNED = re.compile(r"\.(cc|h|sql|md|sh|py|mjs|cmake|tpl)$|^CMakeLists\.txt$|^\.ci/")
# Paths that name something outside the repository on purpose (system files, URLs' paths).
IGNORED = re.compile(r"^(usr|etc|proc|dev|tmp|node_modules|test-results|build|build-asan)/|"
                     r"^(www\.|https?:)|\.example\.|/\.\.?/")


def tracked_files():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [f for f in out.stdout.splitlines() if SCANNED.search(f) or SCANNED.search(os.path.basename(f))]


def exists(ref, source):
    candidates = [ref, os.path.join("src", ref), os.path.join(os.path.dirname(source), ref)]
    return any(os.path.exists(os.path.join(ROOT, c)) for c in candidates)


def main():
    missing = []
    for f in tracked_files():
        if f.startswith(("node_modules/", "testdata/", "fuzz/corpus/")) or f == "package-lock.json":
            continue
        try:
            text = open(os.path.join(ROOT, f), encoding="utf-8").read()
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if line.startswith("#include <"):  # a library's header
                continue
            for m in PATH.finditer(line):
                ref = m.group(1)
                if IGNORED.search(ref) or "://" in line[max(0, m.start() - 40):m.start()]:
                    continue
                if not exists(ref, f):
                    missing.append(f"{f}:{n}: {ref}")
    if missing:
        print("\n".join(missing))
        print("check-refs: the files above name files that do not exist", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
