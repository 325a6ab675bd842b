"""`manage.py wait_for_database`: wait until PostgreSQL accepts connections (the image's migrate).

A fresh database volume, or compose without health conditions, starts the database and the
migrations together; this waits instead of failing at the first refused connection.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection


class Command(BaseCommand):
    help = "Wacht tot de database verbindingen aanneemt."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=60, help="seconden (standaard 60)")

    def handle(self, *args, timeout: float, **options):
        deadline = time.monotonic() + timeout
        while True:
            try:
                connection.ensure_connection()
                return
            except OperationalError as error:
                if time.monotonic() >= deadline:
                    raise CommandError(
                        f"De database antwoordde niet binnen {timeout:.0f} s: {error}".strip()
                    ) from error
                time.sleep(1)
