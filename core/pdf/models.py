"""A requested PDF export (who asked for which document, how far its render is, the file when
ready) and the PostgreSQL storage its files live in (see core/pdf/storage.py).

The export table keeps its old name (`cases_pdfexport`): the model moved from `cases` to `core`
without moving data. `subject_id` is the id of the document's subject (a dossier's case, an
exploration), as the registered document reads it; `query` holds the document's parameters.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def export_storage():
    """The storage of finished PDFs (settings.STORAGES["pdf_exports"]: PostgreSQL by default)."""
    from django.core.files.storage import storages

    return storages["pdf_exports"]


class PdfExportQuerySet(models.QuerySet):
    """Chainable reads of exports."""

    def pending(self) -> "PdfExportQuerySet":
        return self.filter(status__in=[PdfExport.Status.QUEUED, PdfExport.Status.RENDERING])

    def reusable(self, cache_key: str) -> "PdfExportQuerySet":
        """Exports of the same document over the same data that are on their way or ready."""
        ready = models.Q(status=PdfExport.Status.READY) & ~models.Q(file="")
        return self.filter(models.Q(pk__in=self.pending().values("pk")) | ready, cache_key=cache_key)

    def requested_by(self, user) -> "PdfExportQuerySet":
        return self.filter(requested_by=user)


class PdfExport(models.Model):
    """A PDF of a registered document (core/pdf/registry.py) that a background worker renders."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RENDERING = "rendering", _("wordt opgemaakt")
        READY = "ready", _("klaar")
        FAILED = "failed", _("mislukt")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort"), max_length=20)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangevraagd door"), null=True, on_delete=models.SET_NULL
    )
    subject_id = models.BigIntegerField(null=True, blank=True, db_column="case_id")
    query = models.CharField(_("filters"), max_length=2000, blank=True)
    cache_key = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    file = models.FileField(_("bestand"), upload_to="exports/%Y/%m/", storage=export_storage, blank=True)
    filename = models.CharField(_("bestandsnaam"), max_length=200)
    error = models.TextField(_("foutmelding"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("aangevraagd"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)

    objects = PdfExportQuerySet.as_manager()

    class Meta:
        db_table = "cases_pdfexport"
        verbose_name = _("PDF-export")
        verbose_name_plural = _("PDF-exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("pdf-export", kwargs={"token": self.token})

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.READY, self.Status.FAILED}

    @property
    def document(self):
        """The registered document this export is of."""
        from core.pdf.registry import get_document

        return get_document(self.kind)


class StoredFile(models.Model):
    """A file kept in PostgreSQL, so every web process and worker reads the same files."""

    name = models.CharField(max_length=255, unique=True)
    size = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("opgeslagen bestand")
        verbose_name_plural = _("opgeslagen bestanden")

    def __str__(self) -> str:
        return self.name


class StoredFileChunk(models.Model):
    """One piece of a stored file (at most CHUNK_SIZE bytes), so a download streams."""

    file = models.ForeignKey(StoredFile, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["file", "index"], name="core_chunk_unique_index")]
        ordering = ["index"]

    def __str__(self) -> str:
        return f"{self.file_id}#{self.index}"
