#!/usr/bin/env bash
# Installs Debian's wrk for `make benchmark-web` when it is missing and this machine allows it;
# without it the benchmark uses its own (slower, but equally bounded) Python client.
set -uo pipefail
command -v wrk >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "wrk-dep: no wrk; using the Python client."; exit 0; }
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "wrk-dep: no wrk (install it with: sudo apt-get install wrk); using the Python client."
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null \
  || { "${run[@]}" apt-get update -qq && "${run[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null; } \
  || echo "wrk-dep: could not install wrk; using the Python client."
exit 0
