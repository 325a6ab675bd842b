"""Passages of a source that speak of cases or municipalities (imported into cases.models)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SourceMentionQuerySet(models.QuerySet):
    """Chainable reads of mentions."""

    def in_order(self) -> "SourceMentionQuerySet":
        return self.select_related("source").order_by("source__date", "source__key", "first_line")


class SourceMention(models.Model):
    """A passage of a source, cited verbatim with its line range, that speaks of cases or municipalities."""

    source = models.ForeignKey(
        "cases.Source", verbose_name=_("bron"), on_delete=models.PROTECT, related_name="mentions"
    )
    first_line = models.PositiveIntegerField(_("eerste regel"))
    last_line = models.PositiveIntegerField(_("laatste regel"))
    passage = models.TextField(_("passage (letterlijk)"))
    cases = models.ManyToManyField(
        "cases.Case", verbose_name=_("casussen"), blank=True, related_name="mentions"
    )
    municipalities = models.ManyToManyField(
        "cases.Municipality", verbose_name=_("gemeenten"), blank=True, related_name="mentions"
    )
    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["seed_fingerprint"], m2m_fields=[cases, municipalities])

    objects = SourceMentionQuerySet.as_manager()

    class Meta:
        verbose_name = _("vermelding in een bron")
        verbose_name_plural = _("vermeldingen in bronnen")
        ordering = ["source", "first_line"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "first_line", "last_line"],
                name="mention_unique_lines_per_source",
                violation_error_message=_("Deze regels van deze bron zijn al als vermelding vastgelegd."),
            ),
            models.CheckConstraint(
                condition=Q(first_line__gte=1) & Q(last_line__gte=F("first_line")),
                name="mention_line_range",
                violation_error_message=_("De laatste regel mag niet vóór de eerste liggen."),
            ),
            models.CheckConstraint(condition=~Q(passage=""), name="mention_has_passage"),
        ]

    def __str__(self) -> str:
        return f"{self.source}, {self.location}"

    @property
    def location(self) -> str:
        if self.first_line == self.last_line:
            return _("regel %(line)s") % {"line": self.first_line}
        return _("regels %(first)s–%(last)s") % {"first": self.first_line, "last": self.last_line}
