"""Background jobs of the PDF exports, run by procrastinate's worker on the PostgreSQL database.

`manage.py procrastinate worker` runs them (`make run` starts one beside the web server). A job
whose render process is stopped is retried; a job whose worker died without a word (no heartbeat
for settings.SETA_PDF_STALLED_SECONDS) is put back by `retry_stalled_jobs`, which the workers
run each minute (three times per period when it is shorter), and its progress page says so.

Task names keep their `cases.` prefix so that jobs queued before the move to core still run.
"""

import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from core.pdf.progress import pdf_export_requeued, pdf_exports_cleanup
from core.pdf.worker import RenderInterrupted, render_in_subprocess

logger = logging.getLogger(__name__)

QUEUE = "pdf"
WORKER_LOST = "De verwerker die deze PDF opmaakte is gestopt; een andere verwerker begint opnieuw."


@app.task(
    queue=QUEUE,
    name="cases.render_pdf_export",
    retry=RetryStrategy(max_attempts=5, wait=2, retry_exceptions={RenderInterrupted}),
)
def render_pdf_export(export_id: int) -> None:
    """Render one export in a limited process (core/pdf/worker.py)."""
    render_in_subprocess(export_id)


@app.periodic(cron="*/10 * * * *")
@app.task(queue=QUEUE, name="cases.cleanup_pdf_exports", queueing_lock="cleanup_pdf_exports")
def cleanup_pdf_exports(timestamp: int) -> None:
    """Delete exports older than settings.SETA_PDF_EXPORT_RETENTION_HOURS, with their files."""
    removed = pdf_exports_cleanup()
    logger.info("Removed %s old PDF exports", removed)


def stalled_check_cron(stalled_seconds: int) -> str:
    """Each minute; three times per stall period when that is under a minute (croniter's sixth
    field is the second)."""
    return "* * * * *" if stalled_seconds >= 60 else f"* * * * * */{max(1, stalled_seconds // 3)}"


@app.periodic(cron=stalled_check_cron(settings.SETA_PDF_STALLED_SECONDS))
@app.task(queue=QUEUE, name="cases.retry_stalled_jobs", queueing_lock="retry_stalled_jobs")
async def retry_stalled_jobs(timestamp: int) -> None:
    """Put jobs of workers that stopped sending heartbeats (killed, machine lost) back in the queue."""
    seconds = settings.SETA_PDF_STALLED_SECONDS
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=seconds):
        logger.warning("Retrying stalled job %s", job.id)
        export_id = job.task_kwargs.get("export_id")
        if export_id is not None:
            await sync_to_async(pdf_export_requeued)(export_id=export_id, reason=WORKER_LOST)
        await app.job_manager.retry_job(job)
