"""Asking for a PDF export: reuse a stored or running one for the same data, else queue a new one
within the per-user and global bounds.

The same document over unchanged data is rendered once: an export is keyed on its kind, its
subject, its normalised parameters and the registered data versions, and a request finds an
export with that key that is queued, rendering or ready (also one another user asked for).
Fairness: one user may have SETA_PDF_USER_PENDING_LIMIT exports waiting or rendering, all users
together SETA_PDF_QUEUE_LIMIT; small documents go before large ones, and a user's second, third…
pending export goes after everybody's first, so a colleague is never stuck behind one user's flood.
"""

import datetime
import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf.models import PdfExport
from core.pdf.registry import data_version, get_document
from core.pdf.tasks import render_pdf_export

SMALL_PRIORITY = 10


class ExportRefused(Exception):
    """The export cannot be queued now; the message says why, in Dutch."""


def export_cache_key(*, kind: str, subject_id: int | None, query: str) -> str:
    """The key under which an export of this document over the current data is stored."""
    text = "\n".join([kind, str(subject_id or ""), query, data_version()])
    return hashlib.sha256(text.encode()).hexdigest()


def reusable_export(cache_key: str) -> PdfExport | None:
    """A fresh export with this key that is on its way, or ready with its file still stored."""
    fresh_since = timezone.now() - datetime.timedelta(hours=settings.SETA_PDF_EXPORT_RETENTION_HOURS)
    existing = PdfExport.objects.reusable(cache_key).filter(created_at__gte=fresh_since).first()
    if existing is None:
        return None
    if existing.status == PdfExport.Status.READY and not existing.file.storage.exists(existing.file.name):
        return None
    return existing


def check_queue_bounds(user: AbstractBaseUser) -> int:
    """Refuse when the user or everybody has too many exports pending; return the user's number."""
    pending = PdfExport.objects.pending()
    mine = pending.requested_by(user).count()
    if mine >= settings.SETA_PDF_USER_PENDING_LIMIT:
        raise ExportRefused(
            _(
                "U heeft al %(count)s PDF's in de wachtrij of in bewerking. Wacht tot er een klaar is "
                "en vraag deze daarna aan."
            )
            % {"count": mine}
        )
    if pending.count() >= settings.SETA_PDF_QUEUE_LIMIT:
        raise ExportRefused(_("De wachtrij voor PDF's is vol. Probeer het over enkele minuten opnieuw."))
    return mine


@transaction.atomic
def pdf_export_request(
    *,
    user: AbstractBaseUser,
    kind: str,
    filename: str,
    query: str = "",
    subject_id: int | None = None,
) -> PdfExport:
    """An export of this document: a stored or running one for the same data, else a new, queued one.

    Raises ExportRefused when the user or the queue is at its bound.
    """
    document = get_document(kind)
    cache_key = export_cache_key(kind=kind, subject_id=subject_id, query=query)
    existing = reusable_export(cache_key)
    if existing is not None:
        return existing
    with connection.cursor() as cursor:  # one request per user at a time counts and queues
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('seta-pdf-export'), %s)", [user.pk])
    mine = check_queue_bounds(user)
    export = PdfExport(
        kind=kind,
        requested_by=user,
        subject_id=subject_id,
        query=query,
        cache_key=cache_key,
        filename=filename,
    )
    export.full_clean()
    export.save()
    priority = SMALL_PRIORITY if document.small else -mine
    # The job row is written by procrastinate on Django's connection, in this same transaction.
    render_pdf_export.configure(priority=priority).defer(export_id=export.pk)
    return export
