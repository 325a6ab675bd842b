"""`manage.py benchmark_pdf_fairness`: does /cases/ stay fast while four reports render?

Not a test: it prints numbers. It times GET /cases/ (through Django's whole request cycle, as a
logged-in advisor) while nothing else runs, then while four selection reports render at once in
render processes as four background workers would run them (`manage.py render_pdf_export`, at
lower CPU priority), and prints the medians and their ratio; the aim is at most 2x.
"""

import os
import statistics
import subprocess
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from cases.models import Case
from core.pdf.models import PdfExport
from core.pdf.worker import database_url, render_command
from core.roles import ADVISEUR

QUERIES = ["", "outcome=realised", "sort=-year", "sort=title"]
USERNAME = "benchmark-fairness"


def timed_get(client: Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise CommandError(f"{url} antwoordde {response.status_code}")
    return elapsed


class Command(BaseCommand):
    help = "Time /cases/ idle and while four selection reports render; print the ratio (aim: at most 2x)."

    def add_arguments(self, parser):
        parser.add_argument("--samples", type=int, default=30, help="idle requests to time (default 30)")

    def handle(self, *args, **options):
        if not Case.objects.exists():
            raise CommandError("Geen casussen; laad eerst de casussen met `make seed`.")
        user = get_user_model().objects.create_user(USERNAME)
        user.groups.add(Group.objects.get(name=ADVISEUR))
        exports = []
        try:
            client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
            client.force_login(user)
            url = "/cases/"
            timed_get(client, url)  # warm up
            idle = [timed_get(client, url) for _sample in range(options["samples"])]
            exports = [self.export(query, index) for index, query in enumerate(QUERIES)]
            loaded, seconds = self.under_load(client, url, exports)
            self.report(idle, loaded, seconds)
        finally:
            for export in exports:
                export.refresh_from_db()
                if export.file:
                    export.file.delete(save=False)
                export.delete()
            user.delete()

    def export(self, query: str, index: int) -> PdfExport:
        return PdfExport.objects.create(
            kind="report",
            query=query,
            cache_key=f"fairness-{index}",
            filename=f"fairness-{index}.pdf",
        )

    def under_load(self, client: Client, url: str, exports: list[PdfExport]) -> tuple[list[float], float]:
        """Time `url` while the exports render, four at once; return the times and the render seconds."""
        environment = {**os.environ, "DATABASE_URL": database_url()}
        start = time.perf_counter()
        processes = [
            subprocess.Popen(render_command(export.pk), env=environment, stdout=subprocess.DEVNULL)
            for export in exports
        ]
        time.sleep(3)  # let the renders get past their start-up
        samples = []
        while any(process.poll() is None for process in processes):
            samples.append(timed_get(client, url))
            time.sleep(0.2)
        return samples, time.perf_counter() - start

    def report(self, idle: list[float], loaded: list[float], seconds: float) -> None:
        idle_median = statistics.median(idle)
        self.stdout.write(f"/cases/ zonder belasting: mediaan {idle_median * 1000:.0f} ms ({len(idle)} keer)")
        if not loaded:
            self.stdout.write("De rapporten waren klaar voordat er gemeten kon worden.")
            return
        loaded_median = statistics.median(loaded)
        ratio = loaded_median / idle_median
        self.stdout.write(
            f"/cases/ terwijl 4 rapporten worden opgemaakt ({seconds:.0f} s): mediaan "
            f"{loaded_median * 1000:.0f} ms ({len(loaded)} keer), p90 "
            f"{statistics.quantiles(loaded, n=10)[-1] * 1000:.0f} ms"
        )
        verdict = "binnen" if ratio <= 2 else "NIET binnen"
        self.stdout.write(f"Verhouding {ratio:.2f}x: {verdict} 2x de tijd zonder belasting.")
