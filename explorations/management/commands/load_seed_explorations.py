"""Load the seed explorations (fixtures/explorations/*.toml): idempotent and atomic."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.seed.actions import Action
from core.seed.errors import SeedError
from explorations.seed_loader import seed_explorations_load


class Command(BaseCommand):
    help = (
        "Laad de seed-verkenningen uit fixtures/explorations/ (na load_seed_cases). Een tweede run "
        "verandert niets; wat een adviseur in de app wijzigde blijft staan, tenzij --update."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=settings.BASE_DIR / "fixtures" / "explorations")
        parser.add_argument(
            "--update", action="store_true", help="overschrijf ook in de app gewijzigde verkenningen"
        )
        parser.add_argument("--dry-run", action="store_true", help="alleen valideren, niets schrijven")

    def handle(self, *args, fixtures: Path, update: bool, dry_run: bool, **options):
        try:
            report = seed_explorations_load(directory=fixtures, update=update, dry_run=dry_run)
        except SeedError as error:
            raise CommandError(f"Niets geladen. {error}") from error
        if report.dry_run:
            self.stdout.write("Droogzwemmen: alles is gevalideerd, er is niets geschreven.")
        for title, action in report.actions.items():
            self.stdout.write(f"verkenning {title}: {action.value}")
            if action is Action.KEEP:
                self.stdout.write("  behouden (gebruik --update om te overschrijven)")
        if not report.changed:
            self.stdout.write(
                self.style.SUCCESS("Niets gewijzigd: de database komt al overeen met de fixtures.")
            )
