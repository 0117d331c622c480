#!/usr/bin/env bash
# Installs the Debian 12 packages invoicer needs to build, run and test.
# Harmless to re-run: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates curl
  libboost-dev libboost-system-dev
  nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev
  libpoppler-cpp-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra
  libpcre2-dev libyaml-cpp-dev libpugixml-dev libcli11-dev libspdlog-dev libfmt-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libzip-dev libcairo2-dev fonts-dejavu-core fonts-liberation qpdf
)
if [ "${INVOICER_WITH_TEST_DEPS:-0}" = 1 ]; then
  packages+=(postgresql wrk procps clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
