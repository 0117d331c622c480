#!/usr/bin/env bash
# `invoicer extract` throughput: documents/s on a folder of one-page text PDFs with --jobs 1
# and 2. The folder is made here from the pages of the corpus's printed e-invoices
# (pdfseparate), copied round-robin up to COUNT files.
#
#   bench/extract/extract_throughput.sh [INVOICER_BINARY] [COUNT]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
invoicer=${1:-$here/../../build/src/invoicer}
count=${2:-1000}
corpus=$here/../../../shared/corpus/einvoice-visual-dev

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages" "$work/docs"
for pdf in "$corpus"/*.pdf; do
  pdfseparate "$pdf" "$work/pages/$(basename "$pdf" .pdf)-%d.pdf"
done
mapfile -t pages < <(ls "$work/pages"/*.pdf | sort)
for ((i = 0; i < count; i++)); do
  cp "${pages[i % ${#pages[@]}]}" "$(printf '%s/docs/doc-%05d.pdf' "$work" "$i")"
done
echo "invoicer extract: $count one-page text PDFs (from ${#pages[@]} distinct pages)"
for jobs in 1 2; do
  start=$(date +%s.%N)
  "$invoicer" extract "$work/docs" --jobs "$jobs" --lang eng > "$work/out.jsonl"
  end=$(date +%s.%N)
  lines=$(wc -l < "$work/out.jsonl")
  failed=$(grep -vc '"error":null' "$work/out.jsonl" || true)
  awk -v s="$start" -v e="$end" -v n="$lines" -v j="$jobs" -v f="$failed" \
    'BEGIN { printf "  --jobs %d: %d documents in %.2f s = %.1f documents/s (%d failed)\n", j, n, e - s, n / (e - s), f }'
done
