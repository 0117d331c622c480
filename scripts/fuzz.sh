#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser of untrusted input (fuzz/): builds the libFuzzer
# targets with clang (ASan + UBSan, asserts on), replays the saved reproducers of
# fuzz/regressions/<target>/, then runs each target for SECONDS (default 20), two at a time.
# Prints one line per target with the executions run; exits non-zero on any crash, leak,
# timeout, out-of-memory or sanitizer report, after printing the report and the reproducer.
#
#   scripts/fuzz.sh [SECONDS]
#
# Environment: INVOICER_FUZZ_BUILD (build folder, default build-fuzz), INVOICER_JOBS (default
# 2), INVOICER_CORPUS (the shared corpus, default ../shared/corpus; seeds are taken from it
# when present). Found inputs accumulate in the build folder's fuzz-corpus/ between runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
build="${INVOICER_FUZZ_BUILD:-$root/build-fuzz}"
jobs="${INVOICER_JOBS:-2}"
corpus="${INVOICER_CORPUS:-$root/../shared/corpus}"
started=$SECONDS

step() { echo "== fuzz.sh [$((SECONDS - started))s] $*"; }

# target:max_len. max_len bounds one input: large enough for the target's real inputs (a
# small e-invoice, a receipt's box file), small enough to keep executions fast.
targets=(
  common_parsers:64
  media_type:4096
  request_json:4096
  record_json:4096
  multipart:8192
  box_reader:8192
  einvoice:65536
  template_load:4096
  template_match:8192
)

step "configuring $build"
# -O1 without NDEBUG: fast to build, asserts on, line numbers in the stacks.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DINVOICER_FUZZ=ON -DINVOICER_WERROR=OFF -DINVOICER_BUILD_TESTS=OFF -DINVOICER_BUILD_BENCH=OFF \
  >/dev/null
step "building the fuzz targets"
cmake --build "$build" --target invoicer_fuzzers -j "$jobs"

# Seeds: the hand-written ones in fuzz/seeds/<target>/, plus real inputs from the repository's
# test data and the shared corpus, cut to the target's max_len, in a fresh folder each run.
seeds="$build/fuzz-seeds"
rm -rf "$seeds"
add_seeds() {  # target max_len files...
  local target="$1" max_len="$2"
  shift 2
  mkdir -p "$seeds/$target"
  local file
  for file in "$@"; do
    [ -f "$file" ] || continue
    head -c "$max_len" "$file" >"$seeds/$target/$(basename "$(dirname "$file")")_$(basename "$file")"
  done
}
add_seeds media_type 4096 "$root"/tests/testdata/extract/*.pdf \
  "$corpus"/einvoice-dev/pdf/*.pdf "$corpus"/einvoice-dev/ubl/*.xml "$corpus"/einvoice-dev/cii/*.xml \
  $(ls "$corpus"/sroie-dev/img/*.jpg 2>/dev/null | head -n 5)
add_seeds einvoice 65536 $(find "$corpus"/einvoice-dev/ubl "$corpus"/einvoice-dev/cii -name '*.xml' \
  -size -64k 2>/dev/null | sort)
add_seeds box_reader 8192 $(ls "$corpus"/sroie-dev/box/*.csv 2>/dev/null | head -n 40)
add_seeds template_load 4096 "$root"/fuzz/templates/* \
  $(find "$corpus"/invoice2data-templates -name '*.yml' -o -name '*.yaml' -o -name '*.json' 2>/dev/null | sort)
add_seeds template_match 8192 "$root"/fuzz/seeds/box_reader/*.txt

export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export INVOICER_FUZZ_TEMPLATES="$root/fuzz/templates"
logs="$build/fuzz-logs"
rm -rf "$logs"
mkdir -p "$logs"

# Runs one target (replay, then fuzz); writes its summary line to $logs/<target>.result and
# returns non-zero on a finding.
run_target() {  # target max_len
  local target="$1" max_len="$2"
  local binary="$build/fuzz/${target}_fuzzer"
  local log="$logs/$target.log"
  local regressions="$root/fuzz/regressions/$target"
  local replayed=0
  local -a flags=(-rss_limit_mb=2048 -timeout=10 -max_len="$max_len")
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    replayed=$(find "$regressions" -type f | wc -l)
    if ! "$binary" "${flags[@]}" "$regressions"/* >"$logs/$target.replay.log" 2>&1; then
      echo "$target: FAILED replaying fuzz/regressions/$target (log: $logs/$target.replay.log)" \
        >"$logs/$target.result"
      return 1
    fi
  fi
  local work="$build/fuzz-corpus/$target"
  local artifacts="$build/fuzz-artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  local -a dirs=("$work")
  [ -d "$root/fuzz/seeds/$target" ] && dirs+=("$root/fuzz/seeds/$target")
  [ -d "$seeds/$target" ] && dirs+=("$seeds/$target")
  local status=0
  "$binary" "${flags[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$artifacts" "${dirs[@]}" >"$log" 2>&1 || status=$?
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ "$status" -ne 0 ]; then
    local reproducer
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    echo "$target: FAILED after ${runs:-?} executions (exit $status; reproducer: ${reproducer:-none};" \
      "log: $log)" >"$logs/$target.result"
    return 1
  fi
  echo "$target: ok, ${runs:-?} executions in ${seconds}s (${replayed} regressions replayed," \
    "corpus $(find "$work" -type f | wc -l) inputs)" >"$logs/$target.result"
}

step "fuzzing ${#targets[@]} targets for ${seconds}s each, $jobs at a time"
pids=()
for entry in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_target "${entry%%:*}" "${entry##*:}" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

failed=0
for entry in "${targets[@]}"; do
  target="${entry%%:*}"
  result="$logs/$target.result"
  if [ ! -f "$result" ]; then
    echo "$target: FAILED (no result; log: $logs/$target.log)"
    failed=1
    continue
  fi
  cat "$result"
  if grep -q FAILED "$result"; then
    failed=1
    # The sanitizer or libFuzzer report with its stack.
    for log in "$logs/$target.replay.log" "$logs/$target.log"; do
      [ -f "$log" ] || continue
      grep -n -m 1 -E '^==[0-9]+==|runtime error:|FUZZ_CHECK failed|^ALARM|out-of-memory' "$log" >/dev/null \
        && sed -n '/^==[0-9]*==\|runtime error:\|FUZZ_CHECK failed\|^ALARM\|out-of-memory/,$p' "$log" \
        | head -n 60 | sed "s/^/  $target| /"
    done
  fi
done
step "done"
exit "$failed"
