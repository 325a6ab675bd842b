#!/usr/bin/env bash
# `make stack-test`: the image as production runs it. Starts PostgreSQL, migrate, web and worker on
# one podman network (web and worker read-only, as the non-root user), waits for /healthz/ready, runs
# deploy/smoke.py (log in, create a dossier, have the worker make the selection report, download it),
# checks the worker's probe, stops web and worker with SIGTERM (then PostgreSQL with its stop signal)
# and checks that each exits 0 within the grace period. Exits non-zero on any failure; removes containers, network and volumes in any case.
# Needs root and podman (runc with explicit ulimits: crun fails on hosts with cgroups in hybrid mode;
# no pod, as a pod's infra container gets no ulimits). Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE="${IMAGE:-localhost/seta-dossiers:latest}"
PG_IMAGE="${PG_IMAGE:-localhost/seta-postgres:15}"
GRACE=30
NAME="seta-stack-$$"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
PASSWORD="$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
PODMAN=(podman --runtime runc)
LIMITS=(--ulimit nofile=16384:16384 --ulimit nproc=16384:16384)

step() { printf '\n== %s\n' "$*"; }
fail() { printf '\nstack test FAILED: %s\n' "$*" >&2; exit 1; }
cleanup() {
  status=$?
  if [ "$status" -ne 0 ]; then
    for container in web worker; do
      echo "--- last lines of $container:" >&2
      "${PODMAN[@]}" logs --tail 30 "$NAME-$container" >&2 2>/dev/null || true
    done
  fi
  "${PODMAN[@]}" rm -f -t 0 "$NAME-web" "$NAME-worker" "$NAME-db" >/dev/null 2>&1 || true
  "${PODMAN[@]}" network rm -f "$NAME" >/dev/null 2>&1 || true
  "${PODMAN[@]}" volume rm -f "$NAME-pgdata" "$NAME-media" >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT

step "PostgreSQL image $PG_IMAGE"
"${PODMAN[@]}" build --quiet "${LIMITS[@]}" -t "$PG_IMAGE" deploy/postgres >/dev/null

step "network $NAME, web on 127.0.0.1:$PORT"
"${PODMAN[@]}" network create "$NAME" >/dev/null
APP_ENV=(
  -e "DATABASE_URL=postgres://seta:$PASSWORD@$NAME-db:5432/seta"
  -e "SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
  -e "ALLOWED_HOSTS=127.0.0.1,localhost"
  -e "SETA_BEHIND_PROXY=true"
)
APP=("${LIMITS[@]}" --network "$NAME" --read-only -v "$NAME-media:/app/var/media" "${APP_ENV[@]}")

"${PODMAN[@]}" run -d "${LIMITS[@]}" --network "$NAME" --name "$NAME-db" -v "$NAME-pgdata:/var/lib/postgresql/data" \
  -e POSTGRES_USER=seta -e "POSTGRES_PASSWORD=$PASSWORD" -e POSTGRES_DB=seta "$PG_IMAGE" >/dev/null
for _ in $(seq 60); do
  "${PODMAN[@]}" exec "$NAME-db" pg_isready -q -h 127.0.0.1 -U seta && break
  sleep 1
done
"${PODMAN[@]}" exec "$NAME-db" pg_isready -q -h 127.0.0.1 -U seta || fail "PostgreSQL did not start"

step "migrate (then check --deploy)"
"${PODMAN[@]}" run --rm "${APP[@]}" "$IMAGE" migrate || fail "migrate failed"
"${PODMAN[@]}" run --rm "${APP[@]}" -e "DJANGO_SUPERUSER_PASSWORD=$PASSWORD" "$IMAGE" \
  python manage.py createsuperuser --noinput --username smoke --email smoke@example.nl

step "web and worker"
"${PODMAN[@]}" run -d "${APP[@]}" --name "$NAME-web" -p "127.0.0.1:$PORT:8000" "$IMAGE" web >/dev/null
"${PODMAN[@]}" run -d "${APP[@]}" --name "$NAME-worker" "$IMAGE" worker >/dev/null

step "smoke test"
python3 deploy/smoke.py "http://127.0.0.1:$PORT" smoke "$PASSWORD" --https-proxy || fail "smoke test"

step "the containers as production runs them"
"${PODMAN[@]}" exec "$NAME-worker" python manage.py worker_health || fail "worker_health"
[ "$("${PODMAN[@]}" exec "$NAME-web" id -u)" = 10001 ] || fail "web does not run as the non-root user"
"${PODMAN[@]}" exec "$NAME-web" cat /proc/1/cmdline | tr '\0' ' ' | grep -q '^/usr/bin/tini' \
  || fail "PID 1 is not tini"
if "${PODMAN[@]}" exec "$NAME-web" touch /app/written 2>/dev/null; then fail "the root filesystem is writable"; fi
echo "worker alive, user 10001, PID 1 tini, root filesystem read-only"

step "stop: SIGTERM to web and worker, then PostgreSQL (grace period $GRACE s each)"
for container in web worker db; do
  started=$(date +%s.%N)
  "${PODMAN[@]}" stop -t "$GRACE" "$NAME-$container" >/dev/null
  seconds=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
  code=$("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "$NAME-$container")
  echo "$container stopped in $seconds s, exit code $code"
  [ "$code" = 0 ] || fail "$container exited with $code"
  python3 -c "import sys; sys.exit(not $seconds < $GRACE)" || fail "$container needed the whole grace period"
done
printf '\nstack test passed\n'
