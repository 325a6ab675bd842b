#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seta.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from core.startup import refuse_to_start

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loads the settings: a wrong configuration fails here)
    except ImproperlyConfigured as error:
        refuse_to_start(error)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
