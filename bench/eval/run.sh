#!/usr/bin/env bash
# The extraction accuracy of issue 3, measured: runs `invoicer eval` on each labelled set and
# prints its per-field figures, targets and summary line.
#
#   bench/eval/run.sh [BUILD_DIR]     (default: build; needs the invoicer and invoicer-synth
#                                      targets built)
#
# Sets: SROIE dev box text and the same text as plain lines (the generic extractor alone,
# with the issue's targets), the e-invoice XML/PDF truth, the printed pages of those
# e-invoices, the synthetic text PDFs and scans (generated into BUILD_DIR/synth-eval with the
# standard seeds when missing; targets 98% and 90% on invoice_number, invoice_date, total,
# currency). SROIE scans through OCR and the synthetic scans take minutes: EVAL_SKIP_OCR=1
# leaves them out. EVAL_JOBS (default 2) documents are extracted at once.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
corpus="$root/../shared/corpus"
jobs="${EVAL_JOBS:-2}"
invoicer="$build/src/invoicer"
synth="$build/tools/synth/invoicer-synth"
# One Tesseract thread per page: pages run in parallel instead (see NOTES.md).
export OMP_THREAD_LIMIT=1

run() {
  local title="$1"
  shift
  echo
  echo "== $title"
  local start end
  start=$(date +%s.%N)
  "$invoicer" --log-level warn eval --jobs "$jobs" "$@"
  end=$(date +%s.%N)
  printf 'time: %.1f s\n' "$(echo "$end - $start" | bc)"
}

key_fields=(--target invoice_number=0.98 --target invoice_date=0.98 --target total=0.98 --target currency=0.98)
scan_fields=(--target invoice_number=0.90 --target invoice_date=0.90 --target total=0.90 --target currency=0.90)

run "SROIE dev, box text" --format sroie "$corpus/sroie-dev"
run "SROIE dev, plain text (one box per line)" --format sroie --text "$corpus/sroie-dev"
for part in ubl cii pdf; do
  run "e-invoices ($part)" --format truth "$corpus/einvoice-dev/$part" \
    --target invoice_number=1 --target total=1 --target currency=1
done
run "e-invoice printed pages (generic extractor on PDF text)" --format truth "$corpus/einvoice-visual-dev"

if [ ! -d "$build/synth-eval/text" ]; then
  "$synth" --out "$build/synth-eval/text" --count 200 --seed 1 > /dev/null
fi
run "synthetic text PDFs" --format truth "$build/synth-eval/text" "${key_fields[@]}"

if [ "${EVAL_SKIP_OCR:-0}" != "1" ]; then
  if [ ! -d "$build/synth-eval/scans" ]; then
    "$synth" --out "$build/synth-eval/scans" --count 50 --seed 2 --scans --jobs "$jobs" > /dev/null
  fi
  run "synthetic scans (OCR)" --format truth "$build/synth-eval/scans" "${scan_fields[@]}"
  run "SROIE dev, scans (OCR)" --format sroie --ocr "$corpus/sroie-dev"
fi
