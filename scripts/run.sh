#!/usr/bin/env bash
# `make run`: the development web server and one background worker (PDF exports) beside it.
# Ctrl-C stops both (the worker finishes or hands back its running job, which is retried).
set -euo pipefail
# Development: DEBUG on (the settings fail safe to off; docs/configuration.md).
export DEBUG="${DEBUG:-true}"
cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
ADDRESS="${1:-127.0.0.1:8000}"

"$PYTHON" manage.py procrastinate worker &
worker=$!
stop() {
  trap - EXIT INT TERM
  kill "$worker" 2>/dev/null || true
  wait "$worker" 2>/dev/null || true
}
trap stop EXIT INT TERM
echo "Achtergrondverwerker gestart (pid $worker): maakt de PDF's."
"$PYTHON" manage.py runserver "$ADDRESS"
