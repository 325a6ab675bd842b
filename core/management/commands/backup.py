"""`manage.py backup DEST`: the database (pg_dump custom format) and the stored files, in one folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_create
from core.postgres import PostgresClientMissing


class Command(BaseCommand):
    help = "Maakt een back-up (database en opgeslagen bestanden) in een nieuwe map onder DEST."

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path, help="map waaronder de back-up komt")

    def handle(self, *args, destination: Path, **options):
        try:
            folder = backup_create(destination=destination)
        except (BackupError, PostgresClientMissing, OSError) as error:
            raise CommandError(f"Back-up mislukt: {error}") from error
        self.stdout.write(str(folder))
