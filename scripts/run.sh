#!/usr/bin/env bash
# The main-job command (README): installs the packages, builds invoicer, and runs
# `invoicer serve` on the embedded default: SQLite in ./invoicer-data, listening on
# 127.0.0.1:8080. Extra arguments go to serve (e.g. --listen 0.0.0.0:8080); the flags'
# environment variables (INVOICER_DATA, INVOICER_LISTEN, ...) work too. Harmless to re-run:
# the build is incremental and the data folder is kept.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DINVOICER_BUILD_TESTS=OFF \
  -DINVOICER_BUILD_BENCH=OFF >/dev/null
cmake --build build-release --target invoicer -j "${INVOICER_JOBS:-2}"
exec build-release/src/invoicer serve "$@"
