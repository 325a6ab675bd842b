"""`manage.py benchmark_pdf_memory`: peak memory and time of the report for 45, 500 and 2,000 cases.

Not a test: it prints numbers. For each size it adds a batch of synthetic cases
(assessments/synthetic.py), renders the report of exactly that batch the way the worker does (the render
process `manage.py render_pdf_export`, here without the memory limit, so the real peak shows), and
removes the batch again. Peak memory is the render process's peak resident set size (wait4).
"""

import os
import subprocess
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from assessments.models import Assessment
from assessments.synthetic import synthetic_cases_create
from cases.models import Case, Municipality
from cases.services import case_search_refresh
from core.pdf.models import PdfExport
from core.pdf.worker import database_url, render_command

MIB = 1024 * 1024
SEED_BASE = 910_000


def batch_token(seed: int) -> str:
    """A word that only the cases of this benchmark batch carry, so that a search selects exactly them."""
    return f"pdfbench{seed}"


@transaction.atomic
def batch_create(*, count: int, seed: int) -> None:
    """`count` synthetic cases (assessments/synthetic.py), their organisation names carrying `batch_token`."""
    synthetic_cases_create(count=count, seed=seed)
    cases = Case.objects.filter(slug__startswith=f"syn{seed}-")
    cases.update(organisation_name=f"Werkorganisatie {batch_token(seed)}")
    case_search_refresh(case_ids=list(cases.values_list("pk", flat=True)))


@transaction.atomic
def batch_delete(*, seed: int) -> None:
    """Remove the benchmark batch `seed`: its cases with their checks, and its municipalities."""
    cases = Case.objects.filter(slug__startswith=f"syn{seed}-")
    Assessment.objects.filter(case__in=cases).delete()
    cases.delete()
    Municipality.objects.filter(slug__startswith=f"syn{seed}-", participations__isnull=True).delete()


def measure(export: PdfExport) -> tuple[float, int, int]:
    """Seconds, peak RSS in bytes and exit code of rendering `export` in a render process."""
    environment = {**os.environ, "DATABASE_URL": database_url(), "SETA_PDF_MEMORY_MB": "0"}
    start = time.perf_counter()
    process = subprocess.Popen(render_command(export.pk), env=environment, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss * 1024, process.returncode


class Command(BaseCommand):
    help = "Print peak memory and time of the selection report for growing numbers of synthetic cases."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="45,500,2000", help="comma-separated case counts")

    def handle(self, *args, **options):
        sizes = [int(size) for size in options["sizes"].split(",")]
        self.stdout.write("cases   seconds   s/case   peak RSS   pages   file")
        for size in sizes:
            seed = SEED_BASE + size
            batch_delete(seed=seed)
            batch_create(count=size, seed=seed)
            export = PdfExport.objects.create(
                kind="report",
                query=f"q={batch_token(seed)}",
                cache_key=f"benchmark-{seed}",
                filename=f"benchmark-{size}.pdf",
            )
            try:
                self.report(size, export)
            finally:
                export.refresh_from_db()
                if export.file:
                    export.file.delete(save=False)
                export.delete()
                batch_delete(seed=seed)

    def report(self, size: int, export: PdfExport) -> None:
        seconds, peak, code = measure(export)
        export.refresh_from_db()
        if code != 0 or export.status != PdfExport.Status.READY:
            self.stdout.write(f"{size:5d}   mislukt (exit {code}): {export.error}")
            return
        from pypdf import PdfReader

        pages = len(PdfReader(export.file.path).pages)
        line = f"{size:5d}   {seconds:7.1f}   {seconds / size:6.2f}   {peak / MIB:6.0f} MiB   {pages:5d}"
        self.stdout.write(f"{line}   {export.file.size / MIB:.1f} MiB")
