"""`manage.py worker_health`: the liveness probe of a worker container.

Procrastinate workers write a heartbeat into `procrastinate_workers` (every 10 seconds by
default). The command exits 0 when some worker sent one within `--max-age` seconds (by default
settings.SETA_PDF_STALLED_SECONDS, after which the worker's jobs are handed to another) and 1
otherwise (also when the database cannot be reached). It cannot tell which container a heartbeat came from:
with several workers it says that the queue is being served, not that this one is.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateWorker


class Command(BaseCommand):
    help = "Slaagt als een achtergrondverwerker onlangs een hartslag gaf (voor de liveness-probe)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-age",
            type=int,
            default=settings.SETA_PDF_STALLED_SECONDS,
            help="seconden sinds de laatste hartslag (standaard SETA_PDF_STALLED_SECONDS, 60)",
        )

    def handle(self, *args, max_age: int, **options):
        try:
            latest = ProcrastinateWorker.objects.order_by("-last_heartbeat").first()
        except DatabaseError as error:
            raise CommandError(f"De database is niet bereikbaar: {error}".strip()) from error
        if latest is None:
            raise CommandError("Geen achtergrondverwerker actief: geen enkele hartslag gevonden.")
        age = (timezone.now() - latest.last_heartbeat).total_seconds()
        if age > max_age:
            raise CommandError(
                f"Geen achtergrondverwerker actief: laatste hartslag {age:.0f} s geleden (grens {max_age} s)."
            )
        self.stdout.write(f"Achtergrondverwerker actief: laatste hartslag {age:.0f} s geleden.")
