"""Rendering an export in a separate process with hard limits, as the background worker does.

The worker's task (cases/pdf/jobs.py) starts `manage.py render_pdf_export <id>`, which limits its
own address space (RLIMIT_AS), renders within a time budget per part, stores the file and records
progress, a failure or success on the export. The task waits at most SETA_PDF_JOB_SECONDS and kills
the process after that. Whatever the render does, the worker itself stays small and responsive.
"""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.db import connection

from cases.pdf.exports import pdf_export_fail, pdf_export_requeued
from cases.pdf.models import PdfExport

# Exit codes of the render process (cases/management/commands/render_pdf_export.py).
EXIT_FAILED = 3  # the process recorded its failure on the export itself
STOPPED_BY = {-signal.SIGINT, -signal.SIGTERM, 128 + signal.SIGINT, 128 + signal.SIGTERM}


class RenderInterrupted(Exception):
    """The render process was stopped with the worker; the job is retried."""


def database_url() -> str:
    """The URL of the database this process uses (the test database under pytest)."""
    params = connection.get_connection_params()
    user, password = params.get("user", ""), params.get("password", "")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host, port = params.get("host") or "localhost", params.get("port") or 5432
    return f"postgres://{credentials}{host}:{port}/{params['dbname']}"


def render_command(export_id: int) -> list[str]:
    return [sys.executable, str(settings.BASE_DIR / "manage.py"), "render_pdf_export", str(export_id)]


def render_in_subprocess(export_id: int) -> None:
    """Render export `export_id` in a limited process; record why when it fails."""
    if not PdfExport.objects.filter(pk=export_id).exclude(status=PdfExport.Status.READY).exists():
        return  # deleted meanwhile, or finished by an earlier attempt of a retried job
    environment = {**os.environ, "DATABASE_URL": database_url(), "CONN_MAX_AGE": "0"}
    seconds = settings.SETA_PDF_JOB_SECONDS
    try:
        process = subprocess.run(
            render_command(export_id),
            env=environment,
            cwd=settings.BASE_DIR,
            timeout=seconds,
            capture_output=True,
            text=True,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pdf_export_fail(
            export_id=export_id,
            reason=f"Het opmaken duurde langer dan {seconds // 60} minuten en is afgebroken. "
            "Maak de selectie kleiner met de filters en probeer het opnieuw.",
        )
        return
    if process.returncode == 0 or process.returncode == EXIT_FAILED:
        return
    if process.returncode in STOPPED_BY:
        pdf_export_requeued(export_id=export_id, reason="Het opmaken werd onderbroken en wordt hervat.")
        raise RenderInterrupted(f"render of export {export_id} stopped")
    export = PdfExport.objects.get(pk=export_id)
    if not export.is_finished:
        pdf_export_fail(
            export_id=export_id,
            reason="Het opmaken is afgebroken: het had meer geheugen nodig dan toegestaan of stopte "
            "onverwacht. Maak de selectie kleiner of kort lange teksten in, en probeer het opnieuw.",
        )
    sys.stderr.write(process.stderr[-4000:])
