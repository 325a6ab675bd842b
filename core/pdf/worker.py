"""Rendering an export in a separate, limited process, as the background worker does.

The worker's task (core/pdf/tasks.py) starts `manage.py render_pdf_export <id>`, which limits its
own address space (RLIMIT_AS), renders the registered document within a time budget per part,
stores the file and records progress, a failure or success on the export. The render runs in its
own process group that dies with the worker (core/pdf/processes.py); the task kills the group
after SETA_PDF_JOB_SECONDS, and the render process kills itself at the same deadline.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.db import connection

from core.pdf.models import PdfExport
from core.pdf.processes import DEADLINE_VARIABLE, PARENT_VARIABLE, kill_group
from core.pdf.progress import pdf_export_fail, pdf_export_requeued

# Exit codes of the render process (core/management/commands/render_pdf_export.py).
EXIT_FAILED = 3  # the process recorded its failure on the export itself
STOPPED_BY = {-signal.SIGINT, -signal.SIGTERM, 128 + signal.SIGINT, 128 + signal.SIGTERM}
INTERRUPTED = "Het opmaken werd onderbroken en wordt hervat."


class RenderInterrupted(Exception):
    """The render process was stopped; the job is retried."""


def timeout_message(seconds: int) -> str:
    return (
        f"Het opmaken duurde langer dan {max(seconds // 60, 1)} minuten en is afgebroken. "
        "Maak de selectie kleiner met de filters en probeer het opnieuw."
    )


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
    seconds = settings.SETA_PDF_JOB_SECONDS
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        DEADLINE_VARIABLE: str(time.time() + seconds),
        PARENT_VARIABLE: str(os.getpid()),
    }
    process = subprocess.Popen(
        render_command(export_id),
        env=environment,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group (core/pdf/processes.py)
    )
    try:
        _, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        kill_group(process.pid)
        process.communicate()
        pdf_export_fail(export_id=export_id, reason=timeout_message(seconds))
        return
    finally:
        if process.poll() is None:  # the task itself was stopped: the render goes with it
            kill_group(process.pid)
            process.wait()
    kill_group(process.pid)  # anything the render forked and left behind
    if process.returncode in (0, EXIT_FAILED):
        return
    if process.returncode in STOPPED_BY:
        if pdf_export_requeued(export_id=export_id, reason=INTERRUPTED):
            raise RenderInterrupted(f"render of export {export_id} stopped")
        return  # it had finished (or failed) before the signal came: nothing to redo
    export = PdfExport.objects.get(pk=export_id)
    if not export.is_finished:
        pdf_export_fail(
            export_id=export_id,
            reason="Het opmaken is afgebroken: het had meer geheugen nodig dan toegestaan of stopte "
            "onverwacht. Maak de selectie kleiner of kort lange teksten in, en probeer het opnieuw.",
        )
    sys.stderr.write(stderr[-4000:])
