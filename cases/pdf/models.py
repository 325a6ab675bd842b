"""A requested PDF export: who asked for what, how far its render is, and the file when ready.

Registered with the `cases` app (imported at the end of cases/models.py).
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PdfExportQuerySet(models.QuerySet):
    """Chainable reads of exports."""

    def pending(self) -> "PdfExportQuerySet":
        return self.filter(status__in=[PdfExport.Status.QUEUED, PdfExport.Status.RENDERING])

    def reusable(self, cache_key: str) -> "PdfExportQuerySet":
        """Exports of the same document over the same data that are on their way or ready."""
        ready = models.Q(status=PdfExport.Status.READY) & ~models.Q(file="")
        return self.filter(models.Q(pk__in=self.pending().values("pk")) | ready, cache_key=cache_key)


class PdfExport(models.Model):
    """A PDF (the selection report, or a large dossier) that a background worker renders."""

    class Kind(models.TextChoices):
        REPORT = "report", _("selectie van casussen")
        DOSSIER = "dossier", _("dossier")

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RENDERING = "rendering", _("wordt opgemaakt")
        READY = "ready", _("klaar")
        FAILED = "failed", _("mislukt")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangevraagd door"), null=True, on_delete=models.SET_NULL
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), null=True, blank=True, on_delete=models.CASCADE
    )
    query = models.CharField(_("filters"), max_length=2000, blank=True)
    cache_key = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    file = models.FileField(_("bestand"), upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField(_("bestandsnaam"), max_length=200)
    error = models.TextField(_("foutmelding"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("aangevraagd"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)

    objects = PdfExportQuerySet.as_manager()

    class Meta:
        app_label = "cases"
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
