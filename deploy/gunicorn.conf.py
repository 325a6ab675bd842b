"""Gunicorn configuration: the one production command, in the image and on a bare VM.

    gunicorn -c deploy/gunicorn.conf.py

Every value can be set from the environment (docs/configuration.md); the defaults suit a
small VM or a container with one or two CPUs.
"""

import os

from core.logging import gunicorn_logconfig_dict
from core.startup import load_settings_or_refuse

wsgi_app = "seta.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Threads per worker: pages wait on PostgreSQL, so a few threads keep a worker busy.
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# The slowest page (a dossier PDF rendered inline) stays well under this.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# SIGTERM: requests in flight get this long to finish; the container grace period must be longer.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# Restart a worker now and then, so a slow leak never grows; the jitter keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# No control socket (gunicornc): nothing to manage at run time, and it would write into $HOME.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
# Gunicorn's own lines and its access log in the app's format: JSON with LOG_FORMAT=json (the image).
logconfig_dict = gunicorn_logconfig_dict(
    log_format=os.environ.get("LOG_FORMAT", "text").strip().lower(), level=os.environ.get("LOG_LEVEL") or None
)


def on_starting(server):
    """Refuse to start, in one line, when the settings are incomplete (before any worker boots)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seta.settings")
    load_settings_or_refuse()
