"""Writes to PDF exports: request one (or reuse a stored one), record its progress, clean up.

The same document over unchanged data is rendered once: an export is keyed on its kind, its case,
its normalised filter query and `data_version()`, and a request finds an export with that key
that is queued, rendering or ready.
"""

import datetime
import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.db import transaction
from django.db.models import Count, F, Max
from django.http import QueryDict
from django.utils import timezone

from assessments.models import Assessment
from cases.models import Case, Municipality, Source
from cases.pdf.models import PdfExport

IGNORED_PARAMETERS = {"page"}


def normalized_query(query: QueryDict) -> str:
    """The filter query without pagination and empty values, parameters sorted: one text per selection."""
    pairs = sorted(
        (key, value)
        for key, values in query.lists()
        if key not in IGNORED_PARAMETERS
        for value in values
        if value.strip()
    )
    normalized = QueryDict(mutable=True)
    for key, value in pairs:
        normalized.appendlist(key, value)
    return normalized.urlencode()


def data_version() -> str:
    """Changes whenever anything a council PDF shows may have changed."""
    cases = Case.objects.aggregate(count=Count("pk"), changed=Max("updated_at"))
    checks = Assessment.objects.aggregate(count=Count("pk"), last=Max("pk"))
    municipalities = Municipality.history.aggregate(last=Max("history_date"))
    sources = Source.history.aggregate(last=Max("history_date"))
    parts = [cases["count"], cases["changed"], checks["count"], checks["last"]]
    return "|".join(str(part) for part in [*parts, municipalities["last"], sources["last"]])


def export_cache_key(*, kind: str, case_id: int | None, query: str) -> str:
    """The key under which an export of this document over the current data is stored."""
    text = "\n".join([kind, str(case_id or ""), query, data_version()])
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def pdf_export_request(
    *, user: AbstractBaseUser, kind: str, filename: str, query: str = "", case: Case | None = None
) -> PdfExport:
    """An export of this document: a stored or running one for the same data, else a new, queued one."""
    from cases.pdf.jobs import render_pdf_export

    cache_key = export_cache_key(kind=kind, case_id=case.pk if case else None, query=query)
    fresh_since = timezone.now() - datetime.timedelta(hours=settings.SETA_PDF_EXPORT_RETENTION_HOURS)
    existing = PdfExport.objects.reusable(cache_key).filter(created_at__gte=fresh_since).first()
    if existing is not None and (
        existing.status != PdfExport.Status.READY or existing.file.storage.exists(existing.file.name)
    ):
        return existing
    export = PdfExport(
        kind=kind, requested_by=user, case=case, query=query, cache_key=cache_key, filename=filename
    )
    export.full_clean()
    export.save()
    # The job row is written by procrastinate on Django's connection, in this same transaction.
    render_pdf_export.defer(export_id=export.pk)
    return export


def pdf_export_started(*, export_id: int) -> None:
    """The worker took the export up (again, after a retry)."""
    PdfExport.objects.filter(pk=export_id).update(
        status=PdfExport.Status.RENDERING,
        started_at=timezone.now(),
        progress_done=0,
        attempts=F("attempts") + 1,
    )


def pdf_export_progress(*, export_id: int, done: int, total: int) -> None:
    """`done` of `total` cases are rendered."""
    PdfExport.objects.filter(pk=export_id).update(progress_done=done, progress_total=total)


def pdf_export_requeued(*, export_id: int, reason: str) -> None:
    """The render was interrupted (the worker stopped); it is retried."""
    PdfExport.objects.filter(pk=export_id).update(status=PdfExport.Status.QUEUED, error=reason)


@transaction.atomic
def pdf_export_finish(*, export_id: int, path) -> PdfExport:
    """Store the rendered file with the default storage and mark the export ready."""
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
    PdfExport.objects.filter(pk=export_id).update(
        status=PdfExport.Status.FAILED, error=reason, finished_at=timezone.now()
    )


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
