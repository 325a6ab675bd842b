"""What happens to an export after it was asked for: taken up, progress, requeued, finished,
failed, cleaned up. Each is a small atomic write on the export (the render process and the
worker record here; nothing here starts work)."""

import datetime

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.pdf.models import PdfExport

UNFINISHED = [PdfExport.Status.QUEUED, PdfExport.Status.RENDERING]


def pdf_export_started(*, export_id: int) -> None:
    """The render process took the export up (again, after a retry)."""
    PdfExport.objects.filter(pk=export_id, status__in=UNFINISHED).update(
        status=PdfExport.Status.RENDERING,
        started_at=timezone.now(),
        progress_done=0,
        error="",
        attempts=F("attempts") + 1,
    )


def pdf_export_progress(*, export_id: int, done: int, total: int) -> None:
    """`done` of `total` parts are rendered."""
    PdfExport.objects.filter(pk=export_id).update(progress_done=done, progress_total=total)


def pdf_export_requeued(*, export_id: int, reason: str) -> bool:
    """The render was interrupted (its worker stopped or died); it goes back to the queue.

    An export that finished meanwhile stays finished; returns whether it was requeued.
    """
    updated = PdfExport.objects.filter(pk=export_id, status__in=UNFINISHED).update(
        status=PdfExport.Status.QUEUED, error=reason, progress_done=0
    )
    return bool(updated)


@transaction.atomic
def pdf_export_finish(*, export_id: int, path) -> PdfExport:
    """Store the rendered file and mark the export ready, in one transaction: a file is only
    ever visible complete, with its export ready."""
    export = PdfExport.objects.select_for_update().get(pk=export_id)
    with open(path, "rb") as handle:
        export.file.save(export.filename, File(handle), save=False)
    export.status = PdfExport.Status.READY
    export.finished_at = timezone.now()
    export.error = ""
    export.save()
    return export


def pdf_export_fail(*, export_id: int, reason: str) -> None:
    """The export failed for good; `reason` tells the user why, in Dutch."""
    PdfExport.objects.filter(pk=export_id).exclude(status=PdfExport.Status.READY).update(
        status=PdfExport.Status.FAILED, error=reason, finished_at=timezone.now()
    )


@transaction.atomic
def pdf_exports_cleanup(*, now: datetime.datetime | None = None) -> int:
    """Delete exports (and their files) older than the retention period; return how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=settings.SETA_PDF_EXPORT_RETENTION_HOURS)
    removed = 0
    # The retention is far longer than a render may take: a pending export that old is dead too.
    for export in PdfExport.objects.filter(created_at__lt=cutoff):
        if export.file:
            export.file.delete(save=False)
        export.delete()
        removed += 1
    return removed
