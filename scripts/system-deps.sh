#!/usr/bin/env bash
# The Debian packages the site needs beyond Python, Node and make, for `build` or for `test`.
# Installs the missing ones when it can (root, or sudo without a password); otherwise stops at
# once and prints the one command to run.
#
#   scripts/system-deps.sh build   text shaping for social cards (FriBiDi)
#   scripts/system-deps.sh test    the above, plus Chromium for the browser tests and Java for
#                                  the W3C Nu HTML checker
set -euo pipefail
need=()
has_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
has_lib libfribidi.so.0 || need+=(libfribidi0)
if [[ "${1:-build}" == test ]]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi
((${#need[@]})) || exit 0

install=(apt-get install -y -qq --no-install-recommends "${need[@]}")
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "Missing system packages: ${need[*]}." >&2
  echo "Thiếu gói hệ thống: ${need[*]}." >&2
  echo "Run / Chạy lệnh:  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" "${install[@]}" >/dev/null
