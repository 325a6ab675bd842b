"""`manage.py render_pdf_export <id>`: render one PDF export (started by the worker: cases/pdf/worker.py)."""

import os
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.http import QueryDict

from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.documents import with_pdf_relations
from cases.pdf.exports import pdf_export_fail, pdf_export_finish, pdf_export_progress, pdf_export_started
from cases.pdf.limits import RenderBudgetExceeded, apply_memory_limit
from cases.pdf.models import PdfExport
from cases.pdf.rendering import case_pdf, report_pdf_file
from cases.pdf.worker import EXIT_FAILED

MEMORY_MESSAGE = (
    "Het opmaken had meer geheugen nodig dan toegestaan en is afgebroken. "
    "Maak de selectie kleiner of kort lange teksten in, en probeer het opnieuw."
)


def render_export(export: PdfExport, target: Path) -> None:
    """Render `export` to `target`, recording progress on the export."""
    if export.kind == PdfExport.Kind.DOSSIER:
        pdf_export_progress(export_id=export.pk, done=0, total=1)
        case = with_pdf_relations(Case.objects.with_participants()).get(pk=export.case_id)
        target.write_bytes(case_pdf(case))
        pdf_export_progress(export_id=export.pk, done=1, total=1)
        return
    queryset = Case.objects.with_list_annotations().with_participants()
    filterset = CaseFilterSet(QueryDict(export.query), queryset=queryset)
    if not filterset.is_valid():
        raise RenderBudgetExceeded("Deze selectie bevat een ongeldig filter; pas de filters aan.")

    def progress(done: int, total: int) -> None:
        pdf_export_progress(export_id=export.pk, done=done, total=total)

    report_pdf_file(
        filterset, target, on_progress=progress, cases_per_process=settings.SETA_PDF_CASES_PER_PROCESS
    )


class Command(BaseCommand):
    help = "Render one PDF export within the memory and time budgets (run by the background worker)."

    def add_arguments(self, parser):
        parser.add_argument("export_id", type=int)

    def handle(self, *args, **options):
        os.nice(settings.SETA_PDF_NICENESS)  # web requests first: renders take what CPU is left
        export = PdfExport.objects.get(pk=options["export_id"])
        pdf_export_started(export_id=export.pk)
        apply_memory_limit()
        try:
            with tempfile.TemporaryDirectory(prefix="seta-export-") as folder:
                target = Path(folder) / "export.pdf"
                render_export(export, target)
                pdf_export_finish(export_id=export.pk, path=target)
        except RenderBudgetExceeded as error:
            pdf_export_fail(export_id=export.pk, reason=str(error))
            sys.exit(EXIT_FAILED)
        except MemoryError:
            pdf_export_fail(export_id=export.pk, reason=MEMORY_MESSAGE)
            sys.exit(EXIT_FAILED)
