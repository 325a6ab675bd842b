"""Load the 45 seed cases of Korsten (2017) from fixtures/: idempotent and atomic."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.seed.loader import SeedReport, seed_cases_load
from core.seed.actions import Action
from core.seed.errors import SeedError


class Command(BaseCommand):
    help = (
        "Laad de seed-casussen uit fixtures/. Een tweede run verandert niets; wat een adviseur "
        "in de app wijzigde blijft staan, tenzij --update."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures",
            type=Path,
            default=settings.BASE_DIR / "fixtures",
            help="map met municipalities.toml, sources.toml en cases/*.toml",
        )
        parser.add_argument(
            "--update", action="store_true", help="overschrijf ook records die in de app zijn gewijzigd"
        )
        parser.add_argument("--dry-run", action="store_true", help="alleen valideren, niets schrijven")

    def handle(self, *args, fixtures: Path, update: bool, dry_run: bool, **options):
        try:
            report = seed_cases_load(directory=fixtures, update=update, dry_run=dry_run)
        except SeedError as error:
            raise CommandError(f"Niets geladen. {error}") from error
        self._print(report)

    def _print(self, report: SeedReport) -> None:
        if report.dry_run:
            self.stdout.write("Droogzwemmen: alles is gevalideerd, er is niets geschreven.")
        for kind, tally in report.tallies.items():
            counts = ", ".join(f"{tally.count(action)} {action.value}" for action in Action)
            self.stdout.write(f"{kind}: {counts}")
            for name in tally.names[Action.KEEP]:
                self.stdout.write(f"  behouden: {name} (gebruik --update om te overschrijven)")
        if not report.changed:
            self.stdout.write(
                self.style.SUCCESS("Niets gewijzigd: de database komt al overeen met de fixtures.")
            )
