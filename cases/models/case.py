"""The case dossiers: municipalities, cooperation cases, participations, events and sources."""

from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.choices import (
    FULL_PARTNER_ROLES,
    ArrangementType,
    EventKind,
    LegalForm,
    Outcome,
    ParticipationRole,
)
from cases.models.mention import SourceMention
from cases.models.reference import MAX_YEAR, MIN_YEAR, Municipality, Source
from cases.querysets import CaseQuerySet
from core.dates import partial_date_format_q, partial_date_order_q
from core.fields import NARRATIVE_LIMIT, SHORT_TEXT_LIMIT, TEXT_LIMIT, PartialDateField, text_limit

RECENT_SAVES = 5  # saves shown on a dossier page; the rest is on its history page


class Case(models.Model):
    """One attempt of two or more municipalities to pool their civil services."""

    number = models.PositiveSmallIntegerField(
        _("casusnummer"), null=True, blank=True, help_text=_("Nummer in Korsten (2017), Tabel 2.")
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    organisation_name = models.CharField(_("naam van de organisatie"), max_length=200, blank=True)
    arrangement_type = models.CharField(
        _("vorm van samenwerking"), max_length=30, choices=ArrangementType.choices
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices)
    year = models.PositiveSmallIntegerField(
        _("jaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
        help_text=_("Jaar van de ambtelijke fusie of het besluit daarover."),
    )
    start_date = PartialDateField(_("begin"))
    planned_start = PartialDateField(
        _("gepland begin"),
        help_text=_("Een begin dat de bron alleen als voornemen of streefdatum geeft."),
    )
    end_date = PartialDateField(_("einde"))
    legal_form = models.CharField(_("rechtsvorm"), max_length=40, choices=LegalForm.choices, blank=True)
    seat = models.CharField(_("vestigingsplaats"), max_length=100, blank=True)
    summary = models.TextField(_("samenvatting"), blank=True, validators=text_limit(TEXT_LIMIT))
    narrative = models.TextField(_("verhaal"), blank=True, validators=text_limit(NARRATIVE_LIMIT))
    lessons = models.TextField(_("lessen"), blank=True, validators=text_limit(TEXT_LIMIT))
    source_notes = models.TextField(
        _("opmerkingen over de bron"),
        blank=True,
        validators=text_limit(TEXT_LIMIT),
        help_text=_("Waar de bron zichzelf tegenspreekt, en hoe dat is opgelost."),
    )
    provenance_source = models.ForeignKey(
        Source,
        verbose_name=_("herkomst"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="provenance_of",
    )
    provenance_location = models.CharField(_("vindplaats"), max_length=200, blank=True)
    as_of = PartialDateField(
        _("stand van de bron"),
        help_text=_("De datum van de toestand die het dossier beschrijft, bijvoorbeeld 2017."),
    )
    sources = models.ManyToManyField(Source, verbose_name=_("bronnen"), blank=True, related_name="cases")
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # What the seed loader last wrote, so that a re-run can tell app edits from fixture edits.
    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Dutch full-text index over the dossier and its check answers; see services.case_search_refresh.
    search_vector = SearchVectorField(null=True, editable=False)
    # Title, organisation and summary only: small enough to rank every match of a common word.
    rank_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(
        excluded_fields=["created_at", "updated_at", "seed_fingerprint", "search_vector", "rank_vector"],
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["number", "title"]
        permissions = [("export_pdf", _("Kan PDF-samenvattingen downloaden"))]
        indexes = [
            GinIndex(fields=["search_vector"], name="case_search_vector_gin"),
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="case_title_trgm"),
            models.Index(fields=["number", "title"], name="case_number_title_idx"),
            models.Index(F("year").asc(nulls_last=True), "number", name="case_year_idx"),
            models.Index(
                fields=["outcome", "arrangement_type", "number", "title"], name="case_outcome_arrangement_idx"
            ),
            models.Index(fields=["arrangement_type"], name="case_arrangement_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["number"], name="case_unique_number"),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR),
                name="case_year_plausible",
                violation_error_message=_("Geef een jaar tussen 1950 en 2100."),
            ),
            models.CheckConstraint(condition=partial_date_format_q("start_date"), name="case_start_format"),
            models.CheckConstraint(condition=partial_date_format_q("end_date"), name="case_end_format"),
            models.CheckConstraint(
                condition=partial_date_format_q("planned_start"), name="case_planned_start_format"
            ),
            models.CheckConstraint(condition=partial_date_format_q("as_of"), name="case_as_of_format"),
            models.CheckConstraint(
                condition=partial_date_order_q("start_date", "end_date"),
                name="case_end_not_before_start",
                violation_error_message=_("Het einde mag niet vóór het begin liggen."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("case-detail", kwargs={"slug": self.slug})

    def mention_entries(self) -> list["SourceMention"]:
        """The passages read with_mention_list(), as unsaved mentions with their source (no query)."""
        return [
            SourceMention(
                passage=row["passage"],
                first_line=row["first_line"],
                last_line=row["last_line"],
                source=Source(author=row["author"] or "", date=row["date"] or "", title=row["title"] or ""),
            )
            for row in self.mention_list
        ]

    def taking_part(self) -> list["Participation"]:
        """The municipalities with a part in the cooperation (uses prefetched participations)."""
        return [p for p in self.participations.all() if p.role != ParticipationRole.MENTIONED]

    def mentioned(self) -> list["Participation"]:
        """The municipalities the story only mentions: no part in the cooperation."""
        return [p for p in self.participations.all() if p.role == ParticipationRole.MENTIONED]

    @property
    def participant_names(self) -> list["ParticipantName"]:
        """The participants of a case read with_participant_names()."""
        return [ParticipantName(item["name"], item["role"]) for item in self.participant_list]


@dataclass(frozen=True)
class ParticipantName:
    """A participant as a list row shows it: the municipality's name and its role."""

    name: str
    role: str

    @property
    def is_full_partner(self) -> bool:
        return self.role in FULL_PARTNER_ROLES

    def get_role_display(self) -> str:
        return str(dict(ParticipationRole.choices).get(self.role, self.role))


# The fields of a dossier that people edit (forms, services) and that fixtures provide.
CASE_EDITABLE_FIELDS = [
    "title", "slug", "organisation_name", "arrangement_type", "outcome", "year", "start_date",
    "planned_start", "end_date", "legal_form", "seat", "summary", "narrative", "lessons", "source_notes",
    "as_of",
]  # fmt: skip


class Participation(models.Model):
    """A municipality's part in a case: partner, host, latecomer, dropout, considered or only mentioned."""

    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="participations"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("rol"), max_length=20, choices=ParticipationRole.choices)
    joined_on = PartialDateField(_("aangesloten"))
    left_on = PartialDateField(_("uitgetreden"))
    note = models.TextField(_("toelichting"), blank=True, validators=text_limit(SHORT_TEXT_LIMIT))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "municipality"],
                name="participation_unique_municipality_per_case",
                violation_error_message=_("Deze gemeente doet al mee aan deze casus."),
            ),
            models.CheckConstraint(
                condition=partial_date_format_q("joined_on"), name="participation_joined_format"
            ),
            models.CheckConstraint(
                condition=partial_date_format_q("left_on"), name="participation_left_format"
            ),
            models.CheckConstraint(
                condition=partial_date_order_q("joined_on", "left_on"),
                name="participation_left_not_before_joined",
                violation_error_message=_("Uittreden mag niet vóór aansluiten liggen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} ({self.get_role_display()})"

    @property
    def is_full_partner(self) -> bool:
        """False for a municipality that dropped out, was only considered or is merely mentioned."""
        return self.role in FULL_PARTNER_ROLES


class Event(models.Model):
    """A dated milestone on a case's timeline, optionally citing a source."""

    case = models.ForeignKey(Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="events")
    date = PartialDateField(_("datum"), blank=False)
    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    description = models.TextField(_("omschrijving"), validators=text_limit(SHORT_TEXT_LIMIT))
    source = models.ForeignKey(
        Source, verbose_name=_("bron"), null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    citation = models.CharField(_("vindplaats"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(date="") & partial_date_format_q("date"), name="event_date_format"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"
