#!/usr/bin/env bash
# The API benchmark of issue 2: a fresh SQLite store with 10,000 extracted invoices, one
# `invoicer serve` (background extraction off, so only the API is measured), and wrk with
# 2 threads x 32 connections per endpoint. Prints req/s, p50 and p99 per endpoint and the
# idle RSS of serve.
#
#   bench/api/run.sh [BUILD_DIR]        (default: build; needs the invoicer and
#                                        api_bench_seed targets built, and wrk installed)
# BENCH_DURATION (default 10s) sets the length of each wrk run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
duration="${BENCH_DURATION:-10s}"
invoices=10000
here="$root/bench/api"
work="$(mktemp -d "${TMPDIR:-/tmp}/invoicer-bench.XXXXXX")"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "seeding $invoices extracted invoices..."
mkdir -p "$work/data"
INVOICER_TOKEN="$("$build/bench/api/api_bench_seed" "$work/data/invoicer.db" "$invoices" "$work/ids.txt")"
export INVOICER_TOKEN

"$build/src/invoicer" --data "$work/data" --log-level warn serve --listen 127.0.0.1:0 \
  --workers 0 >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$work/serve.out" | head -n 1)"
url="${url%/}"
[ -n "$url" ] || { echo "serve did not start:"; cat "$work/serve.err"; exit 1; }
sleep 2
idle_rss_kb="$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"

# "412.00us" / "1.23ms" / "1.01s" -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "?" }'
}

printf "\n%-22s %12s %10s %10s %10s\n" "endpoint" "req/s" "p50 ms" "p99 ms" "errors"
measure() {  # label, wrk arguments...
  local label="$1"
  shift
  local out
  out="$(wrk -t2 -c32 -d"$duration" --latency "$@")"
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  errors="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  printf "%-22s %12s %10s %10s %10s\n" "$label" "$rps" "$p50" "$p99" "${errors:-0}"
}

measure "GET /healthz" "$url/healthz"
measure "GET /v1/invoices/{id}" -s "$here/api.lua" "$url" -- get "$work/ids.txt" 2
measure "GET /v1/invoices?limit=50" -s "$here/api.lua" "$url" -- list "$work/ids.txt" 2
measure "PATCH /v1/invoices/{id}" -s "$here/api.lua" "$url" -- patch "$work/ids.txt" 2
measure "POST /v1/invoices" -s "$here/api.lua" "$url" -- upload "$work/ids.txt" 2
printf "\nidle RSS of serve with %d invoices: %.1f MB\n" "$invoices" "$(awk -v k="$idle_rss_kb" 'BEGIN {print k / 1024}')"
