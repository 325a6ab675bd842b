"""An exploration (verkenning): municipalities asking whether and how to cooperate.

The toetsingskader, the variants and the matrix live in framework.py.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.dates import partial_date_format_q, partial_date_order_q
from core.fields import NARRATIVE_LIMIT, TEXT_LIMIT, PartialDateField, text_limit
from explorations.choices import ExplorationRole, ExplorationStatus, PinDecision

# The sections of the work, in the order of an advisor's report (and of seed 003's chapters).
SECTION_FIELDS = [
    "introduction", "urgency", "partners", "added_value", "drawbacks", "conditions", "experiences",
    "way_forward",
]  # fmt: skip
EXPLORATION_EDITABLE_FIELDS = ["title", "status", "start_date", "end_date", "case", *SECTION_FIELDS]


class ExplorationQuerySet(models.QuerySet):
    """Chainable reads of explorations."""

    def with_municipalities(self) -> "ExplorationQuerySet":
        return self.prefetch_related(
            models.Prefetch(
                "memberships",
                queryset=ExplorationMunicipality.objects.select_related("municipality").order_by(
                    "role", "municipality__name"
                ),
            )
        )

    def for_case(self, case_id: int) -> "ExplorationQuerySet":
        return self.filter(case_id=case_id).order_by("-start_date", "title")


class Exploration(models.Model):
    """A verkenning: the groundwork an advisor does before councils decide on a cooperation."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExplorationStatus.choices, default=ExplorationStatus.PREPARING
    )
    start_date = PartialDateField(_("begin"))
    end_date = PartialDateField(_("einde"), help_text=_("Advies of besluit; leeg zolang het loopt."))
    introduction = models.TextField(_("aanleiding"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    urgency = models.TextField(_("urgentie"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    partners = models.TextField(_("logische partners"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    added_value = models.TextField(_("meerwaarde"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    drawbacks = models.TextField(_("nadelen en risico's"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    conditions = models.TextField(
        _("randvoorwaarden voor samenwerking"), blank=True, validators=text_limit(NARRATIVE_LIMIT)
    )
    experiences = models.TextField(_("ervaringen elders"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    way_forward = models.TextField(_("verdere weg"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("wordt casus"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="explorations",
        help_text=_("De casus in de kennisbank die uit deze verkenning voortkomt."),
    )
    provenance = models.TextField(_("herkomst"), blank=True, validators=text_limit(TEXT_LIMIT))
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords(
        table_name="assessments_historicalexploration",
        excluded_fields=["created_at", "updated_at", "seed_fingerprint"],
    )

    objects = ExplorationQuerySet.as_manager()

    class Meta:
        db_table = "assessments_exploration"  # created in the assessments app; no data moved
        verbose_name = _("verkenning")
        verbose_name_plural = _("verkenningen")
        ordering = ["-start_date", "title"]
        permissions = [("export_exploration_pdf", _("Kan de raads-PDF van een verkenning downloaden"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ExplorationStatus.values), name="exploration_status_valid"
            ),
            models.CheckConstraint(
                condition=partial_date_format_q("start_date"), name="exploration_start_format"
            ),
            models.CheckConstraint(
                condition=partial_date_format_q("end_date"), name="exploration_end_format"
            ),
            models.CheckConstraint(
                condition=partial_date_order_q("start_date", "end_date"),
                name="exploration_end_not_before_start",
                violation_error_message=_("Het einde mag niet vóór het begin liggen."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exploration-detail", kwargs={"slug": self.slug})


class ExplorationMunicipality(models.Model):
    """A municipality taking part in an exploration, or considered as a later partner."""

    exploration = models.ForeignKey(
        Exploration, verbose_name=_("verkenning"), on_delete=models.CASCADE, related_name="memberships"
    )
    municipality = models.ForeignKey(
        "cases.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="exploration_memberships",
    )
    role = models.CharField(_("rol"), max_length=20, choices=ExplorationRole.choices)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    history = HistoricalRecords(table_name="assessments_historicalexplorationmunicipality")

    class Meta:
        db_table = "assessments_explorationmunicipality"  # created in the assessments app; no data moved
        verbose_name = _("gemeente in verkenning")
        verbose_name_plural = _("gemeenten in verkenning")
        ordering = ["role", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["exploration", "municipality"],
                name="exploration_unique_municipality",
                violation_error_message=_("Deze gemeente staat al bij deze verkenning."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=ExplorationRole.values), name="exploration_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} ({self.get_role_display()})"


class Assignment(models.Model):
    """What a council (or councils) asked the exploration to find out, with its source."""

    exploration = models.ForeignKey(
        Exploration, verbose_name=_("verkenning"), on_delete=models.CASCADE, related_name="assignments"
    )
    council = models.CharField(_("raad"), max_length=200, help_text=_("Bijvoorbeeld: de raad van Oldenzaal."))
    text = models.TextField(_("opdracht"), validators=text_limit(TEXT_LIMIT))
    source = models.CharField(
        _("bron"), max_length=300, blank=True, help_text=_("Raadsvoorstel, brief, datum.")
    )
    citation = models.CharField(_("vindplaats"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords(table_name="assessments_historicalassignment")

    class Meta:
        db_table = "assessments_assignment"  # created in the assessments app; no data moved
        verbose_name = _("raadsopdracht")
        verbose_name_plural = _("raadsopdrachten")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.council


class Experience(models.Model):
    """An experience of other municipalities the exploration learned from, linked to a case if known."""

    exploration = models.ForeignKey(
        Exploration, verbose_name=_("verkenning"), on_delete=models.CASCADE, related_name="experience_links"
    )
    name = models.CharField(_("samenwerking"), max_length=200)
    text = models.TextField(_("wat de verkenning erover zegt"), validators=text_limit(TEXT_LIMIT))
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus in de kennisbank"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by_explorations",
    )
    citation = models.CharField(_("vindplaats"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords(table_name="assessments_historicalexperience")

    class Meta:
        db_table = "assessments_experience"  # created in the assessments app; no data moved
        verbose_name = _("ervaring elders")
        verbose_name_plural = _("ervaringen elders")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class SimilarCaseDecision(models.Model):
    """An advisor pinned a suggested similar case (it goes into the PDF) or dismissed it."""

    exploration = models.ForeignKey(
        Exploration, verbose_name=_("verkenning"), on_delete=models.CASCADE, related_name="case_decisions"
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="exploration_decisions"
    )
    decision = models.CharField(_("besluit"), max_length=20, choices=PinDecision.choices)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    history = HistoricalRecords(table_name="assessments_historicalsimilarcasedecision")

    class Meta:
        db_table = "assessments_similarcasedecision"  # created in the assessments app; no data moved
        verbose_name = _("keuze over vergelijkbare casus")
        verbose_name_plural = _("keuzes over vergelijkbare casussen")
        constraints = [
            models.UniqueConstraint(fields=["exploration", "case"], name="similar_case_one_decision"),
            models.CheckConstraint(
                condition=Q(decision__in=PinDecision.values), name="similar_case_decision_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} ({self.get_decision_display()})"
