"""`manage.py render_pdf_export <id>`: render one PDF export (started by the worker: core/pdf/worker.py)."""

import os
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.pdf.limits import RenderFailed, apply_memory_limit
from core.pdf.models import PdfExport
from core.pdf.processes import die_with_worker, enforce_deadline
from core.pdf.progress import pdf_export_fail, pdf_export_finish, pdf_export_progress, pdf_export_started
from core.pdf.worker import EXIT_FAILED, timeout_message

MEMORY_MESSAGE = (
    "Het opmaken had meer geheugen nodig dan toegestaan en is afgebroken. "
    "Maak de selectie kleiner of kort lange teksten in, en probeer het opnieuw."
)


class Command(BaseCommand):
    help = "Render one PDF export within the memory and time budgets (run by the background worker)."

    def add_arguments(self, parser):
        parser.add_argument("export_id", type=int)

    def handle(self, *args, **options):
        die_with_worker()
        os.nice(settings.SETA_PDF_NICENESS)  # web requests first: renders take what CPU is left
        export = PdfExport.objects.get(pk=options["export_id"])
        if export.is_finished:
            return
        enforce_deadline(
            lambda: pdf_export_fail(
                export_id=export.pk, reason=timeout_message(settings.SETA_PDF_JOB_SECONDS)
            )
        )
        pdf_export_started(export_id=export.pk)
        apply_memory_limit()

        def progress(done: int, total: int) -> None:
            pdf_export_progress(export_id=export.pk, done=done, total=total)

        try:
            with tempfile.TemporaryDirectory(prefix="seta-export-") as folder:
                target = Path(folder) / "export.pdf"
                export.document.render(export, target, progress)
                pdf_export_finish(export_id=export.pk, path=target)
        except RenderFailed as error:
            pdf_export_fail(export_id=export.pk, reason=str(error))
            sys.exit(EXIT_FAILED)
        except MemoryError:
            pdf_export_fail(export_id=export.pk, reason=MEMORY_MESSAGE)
            sys.exit(EXIT_FAILED)
