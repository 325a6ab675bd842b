"""`manage.py benchmark_pdf_memory`: peak memory and time of the report for 45, 500 and 2,000 cases.

Not a test: it prints numbers. For each size it adds a batch of synthetic cases
(cases/synthetic.py), renders the report of exactly that batch the way the worker does (the render
process `manage.py render_pdf_export`, here without the memory limit, so the real peak shows), and
removes the batch again. Peak memory is the render process's peak resident set size (wait4).
"""

import os
import subprocess
import time

from django.core.management.base import BaseCommand

from cases.pdf.models import PdfExport
from cases.pdf.worker import database_url, render_command
from cases.synthetic import synthetic_cases_create, synthetic_cases_delete, synthetic_token

MIB = 1024 * 1024
SEED_BASE = 910_000


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
            synthetic_cases_delete(seed=seed)
            synthetic_cases_create(count=size, seed=seed)
            export = PdfExport.objects.create(
                kind=PdfExport.Kind.REPORT,
                query=f"q={synthetic_token(seed)}",
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
                synthetic_cases_delete(seed=seed)

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
