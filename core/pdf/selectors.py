"""Reads about exports that need the job queue's own tables: is a render really still going?"""

import datetime

from django.db import connection
from django.utils import timezone

from core.pdf.models import PdfExport

# A worker sends a heartbeat every 10 s (procrastinate's default); three missed ones mean it is gone.
HEARTBEAT_SILENCE_SECONDS = 30

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
    while and no worker with a recent heartbeat holds its job. Another worker will take it over."""
    if export.status != PdfExport.Status.RENDERING or export.started_at is None:
        return False
    if timezone.now() - export.started_at < datetime.timedelta(seconds=HEARTBEAT_SILENCE_SECONDS):
        return False
    with connection.cursor() as cursor:
        cursor.execute(ALIVE_SQL, [str(export.pk), HEARTBEAT_SILENCE_SECONDS])
        return not cursor.fetchone()[0]
