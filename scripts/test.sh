#!/usr/bin/env bash
# THE test command (README, .ci/run): installs the packages, builds with -Werror, starts a
# throwaway PostgreSQL server for the *_pgtest suites (TEST_PG_DSN), runs every test, then
# does the same with an AddressSanitizer + UndefinedBehaviorSanitizer build, and stops
# PostgreSQL. Harmless to re-run: builds are incremental and PostgreSQL lives in a fresh
# temporary folder each time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="${INVOICER_JOBS:-2}"  # the CI machine has 2 cores
started=$SECONDS

step() { echo "== test.sh [$((SECONDS - started))s] $*"; }

step "installing packages"
INVOICER_WITH_TEST_DEPS=1 scripts/install-deps.sh

# --- a throwaway PostgreSQL on a free local port ---
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/invoicer-pg.XXXXXX")"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root.
  chown postgres:postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
stop_pg() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! port_taken "$candidate"; then pg_port=$candidate; break; fi
done
[ -n "$pg_port" ] || { echo "test.sh: no free port for PostgreSQL" >&2; exit 1; }

step "starting PostgreSQL on 127.0.0.1:$pg_port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 \
  --no-sync >"$pg_dir/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
  "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
  start >/dev/null
export TEST_PG_DSN="postgresql://postgres@127.0.0.1:$pg_port/postgres"

run_suite() {  # build dir, extra cmake flags...
  local dir="$1"
  shift
  step "configuring $dir"
  cmake -S . -B "$dir" -G Ninja -DINVOICER_WERROR=ON "$@" >/dev/null
  step "building $dir"
  cmake --build "$dir" -j "$jobs"
  step "testing $dir"
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
}

build="${INVOICER_BUILD_DIR:-build}"
# The default build's flags without debug info for the main build, and -O1 with line tables
# only for the sanitizer build: both compile noticeably faster on the 2-core CI machine than
# -O2 -g.
run_suite "$build" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O2 -DNDEBUG"
run_suite "$build-asan" -DINVOICER_SANITIZE=ON -DINVOICER_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1 -DNDEBUG"

step "fuzzing every parser of untrusted input"
scripts/fuzz.sh "${INVOICER_FUZZ_SECONDS:-10}"

step "all tests passed"
