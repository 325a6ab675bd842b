"""Background jobs of the PDF exports, run by procrastinate's worker on the PostgreSQL database.

`manage.py procrastinate worker` runs them (`make run` starts one beside the web server). A job
whose render process is stopped with its worker is retried; a job whose worker died without a
word (no heartbeat for `STALLED_SECONDS`) is retried by `retry_stalled_jobs` on any other or the
restarted worker.
"""

import logging

from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from cases.pdf.exports import pdf_exports_cleanup
from cases.pdf.worker import RenderInterrupted, render_in_subprocess

logger = logging.getLogger(__name__)

QUEUE = "pdf"
STALLED_SECONDS = 60


@app.task(
    queue=QUEUE,
    name="cases.render_pdf_export",
    retry=RetryStrategy(max_attempts=5, wait=2, retry_exceptions={RenderInterrupted}),
)
def render_pdf_export(export_id: int) -> None:
    """Render one export in a limited process (cases/pdf/worker.py)."""
    render_in_subprocess(export_id)


@app.periodic(cron="*/10 * * * *")
@app.task(queue=QUEUE, name="cases.cleanup_pdf_exports", queueing_lock="cleanup_pdf_exports")
def cleanup_pdf_exports(timestamp: int) -> None:
    """Delete exports older than settings.SETA_PDF_EXPORT_RETENTION_HOURS, with their files."""
    removed = pdf_exports_cleanup()
    logger.info("Removed %s old PDF exports", removed)


@app.periodic(cron="* * * * *")
@app.task(queue=QUEUE, name="cases.retry_stalled_jobs", queueing_lock="retry_stalled_jobs")
async def retry_stalled_jobs(timestamp: int) -> None:
    """Put jobs of workers that stopped sending heartbeats (killed, machine lost) back in the queue."""
    stalled = await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_SECONDS)
    for job in stalled:
        logger.warning("Retrying stalled job %s", job.id)
        await app.job_manager.retry_job(job)
