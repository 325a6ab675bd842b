"""The one-line refusal to start when the settings are incomplete (manage.py, WSGI, gunicorn).

Printed before logging is configured, so it follows LOG_FORMAT itself: with `json` it is one JSON
object, like every other line a log collector reads from the service.
"""

import datetime
import json
import os
import sys
from typing import NoReturn


def refuse_to_start(error: Exception) -> NoReturn:
    """Exit with status 1 and one line on stderr saying why (docs/configuration.md)."""
    message = f"SETA cannot start: {error}"
    if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
        message = json.dumps(
            {
                "time": datetime.datetime.now(datetime.UTC).isoformat().replace("+00:00", "Z"),
                "level": "critical",
                "event": message,
                "logger": "seta.startup",
            },
            ensure_ascii=False,
        )
    sys.exit(message)


def load_settings_or_refuse() -> None:
    """Load the settings (DJANGO_SETTINGS_MODULE); when they are incomplete, refuse to start."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loading them is what fails)
    except ImproperlyConfigured as error:
        refuse_to_start(error)
