#!/usr/bin/env bash
# Installs what Plenary needs on Debian 12 (as root) and builds it. Idempotent: only what is
# missing is installed. Used by scripts/serve.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(g++ clang cmake ninja-build pkg-config ccache zlib1g-dev libboost1.81-dev libboost-json1.81-dev
  libsqlite3-dev sqlite3 libicu-dev libstemmer-dev libcld2-dev libsodium-dev libctemplate-dev libmagic-dev libspdlog-dev
  libfmt-dev libcli11-dev libjemalloc-dev libgtest-dev libpq-dev postgresql-15 postgresql-15-rum chromium fonts-noto-core fonts-noto-cjk python3 python3-aiosmtpd
  libxml2-dev libzip-dev libpoppler-cpp-dev libxlsxwriter-dev
  python3-feedparser python3-icalendar
  libcairo2-dev libpango1.0-dev libxml2-utils poppler-utils python3-docx libreoffice-writer-nogui
  nginx)
# Node.js runs the scenario and browser tests. When it is not on the machine, take Debian's.
command -v node >/dev/null || PACKAGES+=(nodejs npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! command -v npm >/dev/null; then
  echo "setup: npm is missing; install Node.js 20 with npm" >&2
  exit 1
fi
# Reinstall when a test dependency is missing or package.json changed since the last install.
if [[ ! -d node_modules/playwright-core || ! -d node_modules/@axe-core/playwright ||
      package.json -nt node_modules/.package-lock.json ]]; then
  npm install --no-audit --no-fund --loglevel=error
fi

BUILD_DIR=${BUILD_DIR:-build}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-}
fi
cmake --build "$BUILD_DIR"
