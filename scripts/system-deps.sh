#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need, where this machine allows it:
# PostgreSQL server binaries, Pango for WeasyPrint, libharfbuzz-subset0 (fast font subsetting)
# and Chromium's headless shell for the browser tests. Quick when everything is present; never
# fatal when it cannot install (a normal user on a laptop): it says what is missing instead.
set -uo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install PostgreSQL, Pango and Chromium yourself (see README)."
  exit 0
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null \
  || missing+=(postgresql)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 chromium-headless-shell; do
  installed "$pkg" || missing+=("$pkg")
done
# Chromium crashes on pages when fontconfig's cache lists no font at all (seen after another
# program rewrote the system cache); rebuilding it is cheap and needs no root for the user cache.
if command -v fc-list >/dev/null 2>&1 && [ "$(fc-list 2>/dev/null | wc -l)" -eq 0 ]; then
  echo "system-deps: fontconfig lists no fonts; rebuilding its cache"
  fc-cache -f >/dev/null 2>&1 || true
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "system-deps: missing Debian packages: ${missing[*]}"
  echo "  install them with: sudo apt-get install ${missing[*]}"
  exit 0
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq || true
if ! "${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "system-deps: could not install all of: ${missing[*]}"
fi
exit 0
