#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# Commands that read only the code: they sign nothing and serve nobody, so they run without the
# production secrets (seta/settings_code_only.py); every other command refuses to start without them.
CODE_ONLY_COMMANDS = {"makemigrations"}


def main() -> None:
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "seta.settings")
    if settings_module == "seta.settings" and sys.argv[1:2] and sys.argv[1] in CODE_ONLY_COMMANDS:
        settings_module = "seta.settings_code_only"
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    from django.core.management import execute_from_command_line

    from core.startup import load_settings_or_refuse

    load_settings_or_refuse()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
