"""`manage.py restore FOLDER`: a backup back into an empty database, then the migrations."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_restore
from core.postgres import PostgresClientMissing


class Command(BaseCommand):
    help = "Zet een back-up van `manage.py backup` terug in een lege database en migreert daarna."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="de map seta-backup-… van `manage.py backup`")

    def handle(self, *args, folder: Path, **options):
        try:
            manifest = backup_restore(folder=folder, stdout=self.stdout)
        except (BackupError, PostgresClientMissing, OSError) as error:
            raise CommandError(f"Herstel mislukt: {error}") from error
        self.stdout.write(
            f"Hersteld: back-up van {manifest['created']} ({manifest['media_files']} bestanden)."
        )
