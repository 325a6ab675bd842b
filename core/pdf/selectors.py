"""Reads about exports that need the job queue's own tables: is a render really still going?"""

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from core.pdf.models import PdfExport

ALIVE_SQL = """
SELECT EXISTS (
    SELECT 1 FROM procrastinate_jobs job
    JOIN procrastinate_workers worker ON worker.id = job.worker_id
    WHERE job.status = 'doing'
      AND job.task_name = 'cases.render_pdf_export'
      AND job.args ->> 'export_id' = %s
      AND worker.last_heartbeat > NOW() - make_interval(secs => %s)
)
"""


def render_is_orphaned(export: PdfExport) -> bool:
    """Whether a rendering export has lost its worker (killed, machine gone): it has rendered for a
    while and no worker with a recent heartbeat holds its job (settings.SETA_PDF_STALLED_SECONDS, the
    period after which `retry_stalled_jobs` hands the job to another worker)."""
    if export.status != PdfExport.Status.RENDERING or export.started_at is None:
        return False
    silence = settings.SETA_PDF_STALLED_SECONDS
    if timezone.now() - export.started_at < datetime.timedelta(seconds=silence):
        return False
    with connection.cursor() as cursor:
        cursor.execute(ALIVE_SQL, [str(export.pk), silence])
        return not cursor.fetchone()[0]
