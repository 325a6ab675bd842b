"""WSGI entry point (gunicorn -c deploy/gunicorn.conf.py seta.wsgi)."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from core.startup import refuse_to_start

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seta.settings")

try:
    application = get_wsgi_application()
except ImproperlyConfigured as error:
    refuse_to_start(error)
