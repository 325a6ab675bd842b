#!/bin/sh
# The image's three commands; anything else runs as given (e.g. `manage.py shell`).
set -e
cd /app
case "${1:-web}" in
  web)
    exec gunicorn -c deploy/gunicorn.conf.py ;;
  worker)
    exec python manage.py procrastinate worker ;;
  migrate)
    python manage.py wait_for_database
    python manage.py migrate --noinput
    exec python manage.py check --deploy ;;
  *)
    exec "$@" ;;
esac
