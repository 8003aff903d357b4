#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 20) on its
# seed corpus; exits non-zero if any target crashes, leaks, times out or fails to build.
#
#   fuzz/run.sh [SECONDS]          all targets
#   FUZZ_TARGETS="form json" fuzz/run.sh 60
#
# Seeds are read from fuzz/corpus/<name>/ and never written; inputs found during the run go to
# $FUZZ_BUILD_DIR/corpus/<name>/ (kept between runs) and crash reproducers to
# $FUZZ_BUILD_DIR/artifacts/. Replay one with: $FUZZ_BUILD_DIR/<name>_fuzz <file>.
# Needs root on a machine without clang/libFuzzer (installs them with apt).
set -euo pipefail
cd "$(dirname "$0")"
FUZZ_DIR=$PWD
SECONDS_EACH=${1:-20}
BUILD=${FUZZ_BUILD_DIR:-$FUZZ_DIR/../build-fuzz}
TARGETS=(${FUZZ_TARGETS:-form multipart json attendance_csv symbols citations})

# Toolchain and libraries (the same Debian 12 packages as scripts/setup.sh, plus libFuzzer).
PACKAGES=(clang libclang-rt-14-dev cmake ninja-build pkg-config libboost1.81-dev
  libboost-json1.81-dev libsqlite3-dev libicu-dev libstemmer-dev libcld2-dev libsodium-dev
  libctemplate-dev libspdlog-dev libfmt-dev libpq-dev zlib1g-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "fuzz: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake -S "$FUZZ_DIR" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
fi
cmake --build "$BUILD" --target "${TARGETS[@]/%/_fuzz}"

# Per target: the longest input tried (bytes). Parsers of whole files get room for many rows.
declare -A MAX_LEN=([form]=4096 [multipart]=16384 [json]=8192 [attendance_csv]=16384
  [symbols]=256 [citations]=4096)

mkdir -p "$BUILD/artifacts"
failed=0
for t in "${TARGETS[@]}"; do
  mkdir -p "$BUILD/corpus/$t"
  log="$BUILD/$t.log"
  set +e
  # detect_leaks: ASan's leak check at exit of every input; -timeout: a hang counts as a crash.
  "$BUILD/${t}_fuzz" -max_total_time="$SECONDS_EACH" -max_len="${MAX_LEN[$t]:-4096}" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$BUILD/artifacts/$t-" "$BUILD/corpus/$t" "$FUZZ_DIR/corpus/$t" \
    >"$log" 2>&1
  rc=$?
  set -e
  stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true)
  runs=$(grep -oP 'stat::number_of_executed_units:\s*\K[0-9]+' "$log" || echo '?')
  speed=$(grep -oP 'stat::average_exec_per_sec:\s*\K[0-9]+' "$log" || echo '?')
  cov=$(grep -oP 'cov: \K[0-9]+' <<<"$stats" || echo '?')
  ft=$(grep -oP 'ft: \K[0-9]+' <<<"$stats" || echo '?')
  corp=$(grep -oP 'corp: \K[0-9]+' <<<"$stats" || echo '?')
  if ((rc == 0)); then
    printf 'fuzz %-15s ok     %9s runs %7s exec/s  cov %5s  ft %6s  corpus %5s\n' \
      "$t" "$runs" "$speed" "$cov" "$ft" "$corp"
  else
    failed=1
    artifact=$(grep -oP 'Test unit written to \K\S+' "$log" | tail -1 || true)
    pattern='ERROR: (Address|Leak)Sanitizer|ERROR: libFuzzer|runtime error|FUZZ_CHECK'
    reason=$(grep -m1 -E "$pattern" "$log" || true)
    printf 'fuzz %-15s FAILED (exit %d) %s\n    reproducer: %s\n    log: %s\n' \
      "$t" "$rc" "$reason" "${artifact:-none}" "$log"
    # The input itself, so that a failure on a machine whose files are gone can be replayed.
    if [[ -n "$artifact" && -f "$artifact" ]]; then
      printf '    input (base64): %s\n' "$(head -c 4096 "$artifact" | base64 -w0)"
    fi
  fi
done
exit "$failed"
