"""`manage.py create_synthetic_cases --count 10000`: top up the synthetic benchmark dossiers."""

from django.core.management.base import BaseCommand

from assessments.synthetic import synthetic_cases_create
from cases.models import Case


class Command(BaseCommand):
    help = "Add synthetic cases (slug syn<seed>-<n>) until there are --count of them. For benchmarks only."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        seed = options["seed"]
        present = Case.objects.filter(slug__startswith=f"syn{seed}-").count()
        missing = max(0, options["count"] - present)
        created = synthetic_cases_create(count=missing, seed=seed) if missing else 0
        self.stdout.write(f"Synthetische casussen: {present} aanwezig, {created} aangemaakt.")
